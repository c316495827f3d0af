"""Records each run of a session in the practice log, from the engine driver's events.

The window says which file the next timeline comes from (``expect``); a timeline loaded
without that (the editor's "Try this exercise", presentation mode) is not recorded. A run is
saved as soon as it starts, again at every step, and when it ends; the log writes on its own
thread, so none of this waits for the disk.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from piritimer.core.engine import Event, State, StateChanged
from piritimer.core.i18n import _
from piritimer.core.model import Session
from piritimer.core.practice import Outcome, Run, RunTracker, file_hash, new_run_id, now_utc
from piritimer.core.timeline import Timeline
from piritimer.practice import PracticeLog
from piritimer.qt.driver import EngineDriver

LIVE = frozenset({State.RUNNING, State.WAITING, State.PAUSED})


@dataclass(frozen=True)
class Source:
    path: Path
    session: Session
    content_hash: str
    continues: str | None


class PracticeRecorder(QObject):
    """Follows the driver and keeps the log up to date.

    Signals:
        runEnded(object): the `Run` that just completed or stopped, as saved.
        writeFailed(str): a write to the log failed (emitted from the log's thread; Qt
            delivers it on the receiver's); the text says why, for a person.
        writeSucceeded(): a write reached the disk (a fault told before has cleared).
    """

    runEnded = Signal(object)
    writeFailed = Signal(str)
    writeSucceeded = Signal()
    _writeDone = Signal(object)
    """From the log's thread: the write's exception or None. Connected to a method of this
    object, so Qt queues it to the GUI thread, where the public signals go out."""

    def __init__(
        self,
        driver: EngineDriver,
        log: PracticeLog,
        parent: QObject | None = None,
        *,
        wall: Callable[[], datetime] = now_utc,
    ) -> None:
        super().__init__(parent)
        self._driver = driver
        self._log = log
        self._wall = wall
        self._pending: Source | None = None
        self._source: Source | None = None
        self._tracker: RunTracker | None = None
        self._last_ended: Run | None = None
        self._writeDone.connect(self._report)
        driver.timelineChanged.connect(self._on_timeline)
        driver.engineEvent.connect(self._on_event)

    @property
    def log(self) -> PracticeLog:
        return self._log

    @property
    def current(self) -> Run | None:
        return None if self._tracker is None else self._tracker.run

    def expect(self, path: Path, session: Session, continues: Run | None = None) -> None:
        """The next timeline the driver loads is ``session`` from ``path``: record its runs."""
        self._pending = Source(
            path, session, file_hash(path), None if continues is None else continues.id
        )

    def close(self) -> None:
        """The app is closing: a run still open ends as stopped, where it is."""
        self._end(Outcome.STOPPED)

    def _save(self, run: Run) -> None:
        self._log.save(run).add_done_callback(self._written)

    def _written(self, future: Future[None]) -> None:
        self._writeDone.emit(future.exception())  # any thread

    def _report(self, error: BaseException | None) -> None:
        if error is None:
            self.writeSucceeded.emit()
        else:
            self.writeFailed.emit(
                _(
                    "The practice log {path} cannot be written ({error}); this run may not be kept."
                ).format(path=self._log.location, error=error)
            )

    # -- events -----------------------------------------------------------------------------

    def _on_timeline(self, timeline: Timeline) -> None:
        self._end(Outcome.STOPPED)
        pending, self._pending = self._pending, None
        armed = pending is not None and pending.session is timeline.session
        self._source = pending if armed else None
        self._last_ended = None

    def _on_event(self, event: Event) -> None:
        if self._tracker is None:
            if (
                self._source is not None
                and isinstance(event, StateChanged)
                and event.state in LIVE
                and event.previous not in LIVE
            ):
                self._begin()
            return
        changed = self._tracker.observe(event)
        if changed is None:
            return
        self._save(changed)
        if self._tracker.ended:
            self._tracker = None
            self._last_ended = changed
            self.runEnded.emit(changed)

    def _begin(self) -> None:
        source = self._source
        assert source is not None
        engine = self._driver.engine
        continues = source.continues
        if continues is None and engine.index > 0 and self._last_ended is not None:
            continues = self._last_ended.id  # "Continue" after a stop in this sitting
        run = Run(
            id=new_run_id(),
            title=source.session.title,
            file=str(source.path),
            content_hash=source.content_hash,
            started_at=self._wall(),
            step_count=len(engine.timeline.steps),
            step_index=engine.index,
            step_title=engine.step.title,
            pid=os.getpid(),
            continues=continues,
        )
        # A continued run is continued once; starting again later is a new run.
        self._source = replace(source, continues=None)
        self._tracker = RunTracker(run, engine.timeline, clock=engine.clock, wall=self._wall)
        self._save(run)

    def _end(self, outcome: Outcome) -> None:
        if self._tracker is not None:
            run = self._tracker.end(outcome)
            self._tracker = None
            self._last_ended = run
            self._save(run)
            self.runEnded.emit(run)
