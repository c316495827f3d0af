"""The practice log: every run of a session, kept in SQLite (see ``store``).

Pure Python, no Qt. The window is given a `PracticeLog`; where the user's data folder cannot
hold a database, it gets a `NullPracticeLog`, which keeps nothing and says why once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol, TypeVar

from piritimer.core.i18n import _
from piritimer.core.past_run import PastRun
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

    def past_runs(self, file: str) -> list[PastRun]: ...


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

    def past_runs(self, file: str) -> list[PastRun]:
        return []


class LoggedHistory:
    """The practice log as plans and progression read it (``RunHistory``).

    A preview asks several times per render and the library once per card, so each file's
    runs are read once and kept until ``forget`` is told the file gained or lost a run.
    Runs still going are left out: they are neither completed nor stopped yet.
    """

    def __init__(self, log: PracticeLog) -> None:
        self.log = log
        self._runs: dict[str, list[PastRun]] = {}

    def runs_of(self, session_path: Path) -> Sequence[PastRun]:
        file = str(session_path)
        if file not in self._runs:
            try:
                self._runs[file] = self.log.past_runs(file)
            except (sqlite3.Error, OSError):
                return ()  # a log that cannot be read counts nothing; its writes say why
        return self._runs[file]

    def forget(self, session_path: object = None) -> None:
        """``session_path``'s runs changed (None: any file's)."""
        if session_path is None:
            self._runs.clear()
        else:
            self._runs.pop(str(session_path), None)


def open_practice_log(path: Path) -> tuple[PracticeLog, str | None]:
    """The log at ``path``, with what to tell the person (a corrupt file kept aside), or a
    NullPracticeLog and why, when the folder or file cannot be used."""
    from piritimer.practice.store import PracticeStore

    try:
        store = PracticeStore(path)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return NullPracticeLog(), _(
            "The practice log {path} cannot be opened ({reason}); runs are not recorded this time."
        ).format(path=path, reason=reason)
    return store, store.opening_notice
