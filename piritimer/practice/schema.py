"""The practice database's schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version n to n + 1. A new version appends a step;
a step once released is never edited, so every database, however old, climbs the same
stairs. ``tests/practice/test_schema.py`` builds each version from 0 upward.
"""

from __future__ import annotations

import sqlite3

from piritimer.core.i18n import _

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the runs.
    """
    CREATE TABLE runs (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        file          TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        started_at    TEXT NOT NULL,   -- ISO 8601, UTC
        ended_at      TEXT,
        paused_s      REAL NOT NULL DEFAULT 0,
        outcome       TEXT NOT NULL,   -- running | completed | stopped | interrupted
        step_index    INTEGER NOT NULL DEFAULT 0,
        step_count    INTEGER NOT NULL,
        step_title    TEXT NOT NULL DEFAULT '',
        done          TEXT NOT NULL DEFAULT '[]',  -- JSON list of "exercise · side"
        pain_before   INTEGER CHECK (pain_before BETWEEN 0 AND 10),
        pain_after    INTEGER CHECK (pain_after BETWEEN 0 AND 10),
        note          TEXT NOT NULL DEFAULT '',
        pid           INTEGER
    );
    CREATE INDEX runs_by_start ON runs (started_at);
    """,
    # 1 → 2: a continued run names the stopped one it carries on from; the latest run of a
    # file is looked up for every preview.
    """
    ALTER TABLE runs ADD COLUMN continues TEXT;
    CREATE INDEX runs_by_file ON runs (file, started_at);
    """,
)
VERSION = len(MIGRATIONS)


class TooNew(sqlite3.DatabaseError):
    """The database was written by a newer piritimer; it is left alone."""


def version(connection: sqlite3.Connection) -> int:
    value = connection.execute("PRAGMA user_version").fetchone()[0]
    return int(value)


def migrate(connection: sqlite3.Connection, target: int = VERSION) -> int:
    """Bring the database up to ``target``, one step per transaction. Returns the version."""
    current = version(connection)
    if current > VERSION:
        # Shown when the log cannot be opened, as the reason.
        raise TooNew(
            _("the practice log is version {version}; this piritimer knows {known}").format(
                version=current, known=VERSION
            )
        )
    while current < target:
        # executescript commits first; BEGIN makes the step and its version number one unit.
        try:
            connection.executescript(
                f"BEGIN;\n{MIGRATIONS[current]}\nPRAGMA user_version = {current + 1};\nCOMMIT;"
            )
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        current += 1
    return current
