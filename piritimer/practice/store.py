"""The practice log on disk: SQLite in WAL mode, written by one thread of its own.

Why it cannot lose a run: every change is its own committed transaction (``synchronous =
FULL``, so a commit is on disk before the next one starts), a run is written when it starts
(outcome "running"), and on the next open any run still "running" whose process is gone is
marked interrupted. The window never waits for the disk: writes go through a queue to the
writer thread; reads open a short-lived connection of their own (WAL lets them run beside
the writer).

A file that is not a database, or fails SQLite's quick check, is kept aside as
``<name>.corrupt-<UTC time>`` and a new log is started; `opening_notice` says so once.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from piritimer.core.i18n import _
from piritimer.core.past_run import PastRun
from piritimer.core.practice import HistoryRow, Outcome, Run
from piritimer.practice import schema
from piritimer.practice.records import FIELDS, from_row, to_row

T = TypeVar("T")
KEPT_ASIDE_STAMP = "%Y%m%dT%H%M%SZ"
_COLUMNS = ", ".join(FIELDS)
_PLACES = ", ".join("?" for _ in FIELDS)
_UPSERT = f"INSERT OR REPLACE INTO runs ({_COLUMNS}) VALUES ({_PLACES})"
_SELECT = f"SELECT {_COLUMNS} FROM runs"
# SQLite's 'localtime' asks the C library, as Python's astimezone() does: the same local day,
# daylight saving time included, without building 7,300 datetimes.
_HISTORY = (
    "SELECT id, title, date(started_at, 'localtime'), started_at, ended_at, paused_s, outcome,"
    " step_index, step_count, pain_before, pain_after, note FROM runs ORDER BY started_at DESC"
)
_COUNTS = (
    "SELECT title, count(*) AS n, sum(outcome = ?) FROM runs GROUP BY title ORDER BY n DESC, title"
)
Now = Callable[[], datetime]


def process_alive(pid: int, proc: Path = Path("/proc")) -> bool:
    """Is process ``pid`` a piritimer that is still running?

    Process numbers are reused: after a reboot, the number of a killed piritimer may belong
    to any other program, and its run would then wait for that program to end. Where
    ``/proc`` shows command lines, only a process whose command line names piritimer counts.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process: not a piritimer of ours
    try:
        command = (proc / str(pid) / "cmdline").read_bytes()
    except FileNotFoundError:
        return not proc.is_dir()  # no /proc here (macOS, Windows): the number is all we have
    except OSError:
        return True
    return b"piritimer" in command


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in str(error)


class PracticeStore:
    """The practice log at ``path``. Thread-safe: any thread may call any method."""

    def __init__(
        self,
        path: Path,
        *,
        now: Now = lambda: datetime.now(UTC),
        alive: Callable[[int], bool] = process_alive,
    ) -> None:
        self.location = path
        self.opening_notice: str | None = None
        self._now = now
        path.parent.mkdir(parents=True, exist_ok=True)
        self._open_checked()
        self.recovered = self._recover(alive)
        self._queue: queue.Queue[tuple[Callable[[sqlite3.Connection], Any], Future[Any]] | None]
        self._queue = queue.Queue()
        self._writer = threading.Thread(target=self._write_loop, name="practice-log", daemon=True)
        self._writer.start()

    # -- opening ----------------------------------------------------------------------------

    def _open_checked(self) -> None:
        try:
            self._prepare()
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                raise
            self._keep_aside()
            self._prepare()

    def _prepare(self) -> None:
        connection = _connect(self.location)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
            connection.execute("PRAGMA journal_mode = WAL")
            schema.migrate(connection)
        finally:
            connection.close()

    def _keep_aside(self) -> None:
        stamp = f"{self._now().astimezone(UTC):{KEPT_ASIDE_STAMP}}"
        kept = self.location.with_name(f"{self.location.name}.corrupt-{stamp}")
        os.replace(self.location, kept)
        for suffix in ("-wal", "-shm"):
            companion = self.location.with_name(self.location.name + suffix)
            if companion.exists():
                os.replace(companion, kept.with_name(kept.name + suffix))
        self.opening_notice = _(
            "The practice log {path} could not be read; it is kept as {name} "
            "and a new log has been started."
        ).format(path=self.location, name=kept.name)

    def _recover(self, alive: Callable[[int], bool]) -> int:
        """Mark runs left "running" by a process that is gone as interrupted."""
        connection = self._read_connection()
        try:
            rows = connection.execute(
                f"{_SELECT} WHERE outcome = ?", (Outcome.RUNNING.value,)
            ).fetchall()
            count = 0
            for row in rows:
                run = from_row(row)
                if run.pid is not None and run.pid != os.getpid() and alive(run.pid):
                    continue  # another piritimer is running it right now
                # The end is unknown; the start is the only honest time to give.
                ended = replace(run, outcome=Outcome.INTERRUPTED, ended_at=run.started_at)
                connection.execute(_UPSERT, to_row(ended))
                count += 1
            return count
        finally:
            connection.close()

    # -- writing (on the writer thread) ----------------------------------------------------

    def _write_loop(self) -> None:
        connection = _connect(self.location)
        connection.execute("PRAGMA synchronous = FULL")
        try:
            while (item := self._queue.get()) is not None:
                work, future = item
                try:
                    future.set_result(work(connection))
                except Exception as error:  # handed to whoever waits on the future
                    future.set_exception(error)
        finally:
            connection.close()

    def _submit(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        future: Future[T] = Future()
        self._queue.put((work, future))
        return future

    def save(self, run: Run) -> Future[None]:
        """Write (or rewrite) ``run``; the future is done once it is on disk."""
        row = to_row(run)

        def write(connection: sqlite3.Connection) -> None:
            connection.execute(_UPSERT, row)

        return self._submit(write)

    def delete(self, run_id: str) -> Future[None]:
        def write(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM runs WHERE id = ?", (run_id,))

        return self._submit(write)

    def add_runs(self, runs: Iterable[Run]) -> Future[int]:
        """Add runs (an import) in one transaction; runs whose id is already here are kept
        as they are. The future gives how many were new."""
        rows = [to_row(run) for run in runs]
        insert = f"INSERT OR IGNORE INTO runs ({_COLUMNS}) VALUES ({_PLACES})"

        def write(connection: sqlite3.Connection) -> int:
            before = connection.total_changes
            connection.execute("BEGIN")
            try:
                connection.executemany(insert, rows)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            return connection.total_changes - before

        return self._submit(write)

    def flush(self, timeout_s: float = 10.0) -> None:
        """Wait until every write asked for so far is on disk."""
        self._submit(lambda _connection: None).result(timeout_s)

    def close(self) -> None:
        if self._writer.is_alive():
            self._queue.put(None)
            self._writer.join(10.0)

    # -- reading (any thread) ----------------------------------------------------------------

    def _read_connection(self) -> sqlite3.Connection:
        return _connect(self.location)

    def runs(self) -> list[Run]:
        """Every run, oldest first."""
        connection = self._read_connection()
        try:
            rows = connection.execute(f"{_SELECT} ORDER BY started_at").fetchall()
        finally:
            connection.close()
        return [from_row(row) for row in rows]

    def history_rows(self) -> list[HistoryRow]:
        """What the history view lists, newest first, with each run's local day."""
        connection = self._read_connection()
        try:
            rows = connection.execute(_HISTORY).fetchall()
        finally:
            connection.close()
        return list(map(HistoryRow._make, rows))

    def session_counts(self) -> list[tuple[str, int, int]]:
        """(title, runs, completed runs) per session title, most practised first."""
        connection = self._read_connection()
        try:
            rows = connection.execute(_COUNTS, (Outcome.COMPLETED.value,)).fetchall()
        finally:
            connection.close()
        return [(str(t), int(n), int(c)) for t, n, c in rows]

    def past_runs(self, file: str) -> list[PastRun]:
        """The finished runs of ``file`` as plans and progression count them, oldest first.

        Started times are local wall-clock times, whose date is the day the person practised."""
        connection = self._read_connection()
        try:
            rows = connection.execute(
                "SELECT started_at, outcome, pain_before, pain_after FROM runs"
                " WHERE file = ? AND outcome != ? ORDER BY started_at",
                (file, Outcome.RUNNING.value),
            ).fetchall()
        finally:
            connection.close()
        return [
            PastRun(
                started=datetime.fromisoformat(started).astimezone().replace(tzinfo=None),
                completed=outcome == Outcome.COMPLETED.value,
                pain_before=before,
                pain_after=after,
            )
            for started, outcome, before, after in rows
        ]

    def latest_for_file(self, file: str) -> Run | None:
        connection = self._read_connection()
        try:
            row = connection.execute(
                f"{_SELECT} WHERE file = ? ORDER BY started_at DESC LIMIT 1", (file,)
            ).fetchone()
        finally:
            connection.close()
        return None if row is None else from_row(row)

    def integrity(self) -> str:
        connection = self._read_connection()
        try:
            return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            connection.close()
