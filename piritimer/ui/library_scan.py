"""Reading session files off the GUI thread, in batches, for the library.

A folder of thousands of files takes tens of seconds to load (the loader checks every file
in full); done on the GUI thread, the window would not answer until the last one. One worker
thread reads the queued files with the pure loader and posts what it read back to the GUI
thread a batch at a time, so the library fills in as it goes.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from queue import SimpleQueue
from weakref import WeakMethod

import shiboken6
from PySide6.QtCore import QObject, QTimer

from piritimer.core.class_plan import ClassPlan, load_any
from piritimer.core.diagnostics import Diagnostic
from piritimer.core.i18n import _
from piritimer.core.model import Session
from piritimer.core.timeline import compile_session
from piritimer.qt import worker_gc

BATCH_FILES = 64
BATCH_S = 0.1
"""A batch goes out after this many files or this long, whichever comes first: the first
cards appear within a tenth of a second, and the GUI thread is woken ~10 times a second."""
POLL_MS = 50
"""How often the GUI thread collects finished batches while files are outstanding."""


@dataclass(frozen=True)
class FileRead:
    """What the loader made of one file (the GUI thread merges it with what it knew)."""

    path: Path
    session: Session | None
    diagnostics: tuple[Diagnostic, ...]
    total_s: float
    mtime_ns: int
    plan: ClassPlan | None = None
    """What a class file says; None for a session file."""


def read_file(path: Path) -> FileRead:
    """Load ``path``; pure (no Qt), so it runs on any thread."""
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = 0
    result = load_any(path)  # a class file is listed too, as the one session it runs
    total_s = compile_session(result.session).total_s if result.session is not None else 0.0
    return FileRead(path, result.session, result.diagnostics, total_s, mtime_ns, result.plan)


class BackgroundReader:
    """Reads queued files on one worker thread and hands them to ``deliver`` on the thread
    that made the reader (the GUI thread), a batch at a time, in the order queued.

    The worker touches no Qt object at all: it puts batches on a thread-safe queue, and a
    timer on the GUI thread, running only while files are outstanding, hands them over
    (and garbage collection stays on the GUI thread meanwhile: piritimer.qt.worker_gc).
    The thread starts when there is work and ends when the queue is empty, so an idle
    library holds no thread.
    """

    def __init__(self, deliver: Callable[[list[FileRead]], None], parent: QObject) -> None:
        # Weakly: the library owns the reader, and a finalizer on the library stops it.
        self._deliver = WeakMethod(deliver)
        self._queue: deque[Path] = deque()
        self._done: SimpleQueue[list[FileRead]] = SimpleQueue()
        self._outstanding = 0
        """Files submitted and not yet delivered (touched on the GUI thread only)."""
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._timer = QTimer(parent)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.deliver_ready)

    def submit(self, paths: list[Path]) -> None:
        if not paths:
            return
        with self._lock:
            if self._stopped:
                return
            self._queue.extend(paths)
            if self._thread is None:
                self._thread = worker_gc.start_worker(self._run, "piritimer-library")
        self._outstanding += len(paths)
        self._timer.start()

    def stop(self) -> None:
        """Drop the queue and every batch still to come (the library is going away)."""
        with self._lock:
            self._stopped = True
            self._queue.clear()
        if shiboken6.isValid(self._timer):
            self._timer.stop()

    def deliver_ready(self) -> None:
        """Hand over every batch read so far (the timer calls this)."""
        while not self._done.empty() and not self._stopped:
            batch = self._done.get()
            self._outstanding -= len(batch)
            if self._outstanding <= 0:
                self._timer.stop()
            deliver = self._deliver()
            if deliver is not None:
                deliver(batch)

    def _run(self) -> None:
        batch: list[FileRead] = []
        started = time.monotonic()
        while True:
            with self._lock:
                path = self._queue.popleft() if self._queue and not self._stopped else None
                if path is None:
                    # Under the lock: a submit from now on starts a fresh thread.
                    self._thread = None
            if path is None:
                break
            try:
                batch.append(read_file(path))
            except Exception as error:  # noqa: BLE001 - never leave the library scanning forever
                reason = _("cannot read: {error}").format(error=repr(error))
                diagnostic = Diagnostic(str(path), 1, 1, reason)
                batch.append(FileRead(path, None, (diagnostic,), 0.0, 0))
            if len(batch) >= BATCH_FILES or time.monotonic() - started >= BATCH_S:
                self._done.put(batch)
                batch, started = [], time.monotonic()
        if batch:
            self._done.put(batch)
