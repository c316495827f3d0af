"""The practice log: every run of a session, kept in SQLite (see ``store``).

Pure Python, no Qt. The window is given a `PracticeLog`; where the user's data folder cannot
hold a database, it gets a `NullPracticeLog`, which keeps nothing and says why once.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol, TypeVar

from piritimer.core.practice import HistoryRow, Run

T = TypeVar("T")


class PracticeLog(Protocol):
    """What the windows may ask of the practice log."""

    @property
    def location(self) -> Path | None: ...

    def save(self, run: Run) -> Future[None]: ...

    def delete(self, run_id: str) -> Future[None]: ...

    def add_runs(self, runs: Iterable[Run]) -> Future[int]: ...

    def flush(self, timeout_s: float = 10.0) -> None: ...

    def close(self) -> None: ...

    def runs(self) -> list[Run]: ...

    def latest_for_file(self, file: str) -> Run | None: ...

    def history_rows(self) -> list[HistoryRow]: ...

    def session_counts(self) -> list[tuple[str, int, int]]: ...


def _done(value: T) -> Future[T]:
    future: Future[T] = Future()
    future.set_result(value)
    return future


class NullPracticeLog:
    """Keeps nothing: for tests, and where the data folder cannot be written."""

    location: Path | None = None

    def save(self, run: Run) -> Future[None]:
        return _done(None)

    def delete(self, run_id: str) -> Future[None]:
        return _done(None)

    def add_runs(self, runs: Iterable[Run]) -> Future[int]:
        return _done(0)

    def flush(self, timeout_s: float = 10.0) -> None:
        pass

    def close(self) -> None:
        pass

    def runs(self) -> list[Run]:
        return []

    def latest_for_file(self, file: str) -> Run | None:
        return None

    def history_rows(self) -> list[HistoryRow]:
        return []

    def session_counts(self) -> list[tuple[str, int, int]]:
        return []


def open_practice_log(path: Path) -> tuple[PracticeLog, str | None]:
    """The log at ``path``, with what to tell the person (a corrupt file kept aside), or a
    NullPracticeLog and why, when the folder or file cannot be used."""
    import sqlite3

    from piritimer.practice.store import PracticeStore

    try:
        store = PracticeStore(path)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return NullPracticeLog(), (
            f"The practice log {path} cannot be opened ({reason}); runs are not recorded this time."
        )
    return store, store.opening_notice
