"""Checking the text as the person types: debounced, and off the GUI thread.

Running the loader on every keystroke would flash errors for words half typed; waiting
``DELAY_MS`` after the last change shows an error only once the person pauses. On a
1,000-exercise file a check takes most of a second, so it runs on a worker thread; each
change bumps a generation counter, and a result for an older generation is dropped, so the
views only ever show the text as it is now.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from queue import SimpleQueue

from PySide6.QtCore import QObject, QTimer, Signal

from piritimer.core.class_plan import load_any_bytes
from piritimer.core.loader import LoadResult
from piritimer.core.timeline import Timeline, compile_session
from piritimer.editor.preview_rows import ExerciseRow, preview_rows
from piritimer.qt import worker_gc

DELAY_MS = 300
POLL_MS = 15
"""How often the GUI thread looks for a finished check while one is running."""


@dataclass(frozen=True)
class Check:
    """One check of the text: what the loader said and, when valid, the compiled timeline."""

    result: LoadResult
    timeline: Timeline | None
    rows: tuple[ExerciseRow, ...] = ()
    """The preview's rows for ``timeline``, made with the check, off the GUI thread."""

    @property
    def ok(self) -> bool:
        return self.timeline is not None


def check_text(text: str, label: str, base_dir: Path | None) -> Check:
    opened = load_any_bytes(text, label=label, base_dir=base_dir)  # a class file, too
    result = LoadResult(opened.path, opened.session, opened.diagnostics)
    if result.session is None:
        return Check(result, None)
    timeline = compile_session(result.session)
    return Check(result, timeline, preview_rows(timeline))


CheckFunction = Callable[[str, str, Path | None], Check]


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str
    label: str
    base_dir: Path | None


class LiveChecker(QObject):
    """Re-checks session text a moment after it stops changing, on a worker thread.

    At most one check runs at a time; while it runs, only the newest text waits for its
    turn. The worker touches no Qt object: it leaves results on a queue that a GUI-thread
    timer collects while a check is under way (garbage collection stays on the GUI thread
    meanwhile, see piritimer.qt.worker_gc).

    Signals:
        checked(Check): a check of the current text finished (valid or not).
    """

    checked = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
        check: CheckFunction = check_text,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start_background_check)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._text = ""
        self.label = "<new session>"
        self.base_dir: Path | None = None
        self.last: Check | None = None
        self.stale_dropped = 0
        """Results that arrived after the text had changed again (they are not shown)."""
        self._generation = 0
        self._awaiting: int | None = None
        self._lock = threading.Lock()
        self._next: _Job | None = None
        self._thread: threading.Thread | None = None
        self._done: SimpleQueue[tuple[int, Check]] = SimpleQueue()
        self._in_flight = 0

    @property
    def pending(self) -> bool:
        """The text has changed since the last check that was shown."""
        return self._timer.isActive() or self._awaiting == self._generation

    def schedule(self, text: str) -> None:
        """Check ``text`` once nothing has changed for the delay."""
        self._text = text
        self._generation += 1
        self._timer.start()

    def check_now(self, text: str | None = None) -> Check:
        """Check at once, on this thread (saving and "Try" need the answer now)."""
        self._timer.stop()
        if text is not None:
            self._text = text
        self._generation += 1  # whatever is running in the background is now stale
        self._awaiting = None
        check = self._check(self._text, self.label, self.base_dir)
        self._show(check)
        return check

    # -- background ------------------------------------------------------------------------

    def _start_background_check(self) -> None:
        job = _Job(self._generation, self._text, self.label, self.base_dir)
        self._awaiting = job.generation
        self._poll.start()
        with self._lock:
            if self._next is None:
                self._in_flight += 1
            self._next = job  # replaces a job that had not started: only the newest counts
            if self._thread is None:
                self._thread = worker_gc.start_worker(self._run, "piritimer-check")

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._thread = None
                    return
            self._done.put((job.generation, self._check(job.text, job.label, job.base_dir)))

    def _collect(self) -> None:
        while not self._done.empty():
            generation, check = self._done.get()
            self._in_flight -= 1
            if generation == self._generation and self._awaiting == generation:
                self._awaiting = None
                self._show(check)
            else:
                self.stale_dropped += 1
        if self._in_flight == 0:
            self._poll.stop()

    def _show(self, check: Check) -> None:
        self.last = check
        self.checked.emit(check)
