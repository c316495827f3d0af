"""The practice schema climbs from any version to the newest, one step at a time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from piritimer.practice import schema


def columns(connection: sqlite3.Connection) -> list[str]:
    return [row[1] for row in connection.execute("PRAGMA table_info(runs)")]


def test_an_empty_database_is_version_0_and_migrates_to_the_newest(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    assert schema.version(connection) == 0
    assert schema.migrate(connection) == schema.VERSION == len(schema.MIGRATIONS)
    assert schema.version(connection) == schema.VERSION
    assert "continues" in columns(connection)


@pytest.mark.parametrize("start", range(len(schema.MIGRATIONS)))
def test_every_version_upgrades_keeping_its_runs(tmp_path: Path, start: int) -> None:
    connection = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    schema.migrate(connection, target=start)
    assert schema.version(connection) == start
    if start >= 1:
        connection.execute(
            "INSERT INTO runs (id, title, file, content_hash, started_at, outcome, step_count)"
            " VALUES ('a', 'T', 'f', 'h', '2026-01-01T00:00:00+00:00', 'completed', 3)"
        )
    schema.migrate(connection)
    assert schema.version(connection) == schema.VERSION
    kept = connection.execute("SELECT count(*) FROM runs").fetchone()[0]
    assert kept == (1 if start >= 1 else 0)


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    schema.migrate(connection)
    before = columns(connection)
    schema.migrate(connection)
    assert columns(connection) == before


def test_a_newer_database_is_refused_not_downgraded(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    connection.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(schema.TooNew, match="newer|knows"):
        schema.migrate(connection)


def test_a_failed_step_leaves_the_version_where_it_was(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    schema.migrate(connection, target=1)
    connection.execute("CREATE INDEX runs_by_file ON runs (file)")  # step 2 will collide
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(connection)
    assert not connection.in_transaction
    assert schema.version(connection) == 1
    assert "continues" not in columns(connection)
