"""Worker threads that run Python beside the GUI, with garbage collection kept on the GUI thread.

CPython collects reference cycles in whichever thread happens to allocate. A collection on a
worker thread can free a widget there, and a Qt object must be destroyed on its own thread:
the library's background reader made the test suite abort at random ("malloc(): mismatching
next->prev_size") until collection was kept off the workers. So while any worker started
here is alive, automatic collection is off (a check or a scan lasts seconds at most, and
what it allocates is freed by reference counting). When the last one ends, everything alive
is frozen (gc.freeze) before collection resumes, so that no collection on the GUI thread has
to walk the thousands of objects the workers made and the GUI kept.

``start_worker`` is called on the GUI thread.

Threads that live as long as the app (the practice log's writer) cannot be covered that way,
so the app goes further: ``collect_on_gui_thread`` turns automatic collection off for good
and collects from a timer on the GUI thread, where every widget and timer belongs.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

TICK_MS = 50
WORKER_SWITCH_INTERVAL_S = 0.001
"""While a worker runs, the GUI thread waits at most this long for the GIL each time it
comes back from Qt (PySide lets go of the GIL around Qt calls); at the default 5 ms, a
handler making twenty Qt calls could wait 100 ms."""
DEFAULT_SWITCH_INTERVAL_S = sys.getswitchinterval()

_workers: set[threading.Thread] = set()
_was_enabled = True
_timer: QTimer | None = None


def start_worker(target: Callable[[], None], name: str) -> threading.Thread:
    """Start a daemon thread running ``target``; collection stays on this thread meanwhile."""
    global _was_enabled, _timer
    if not _workers:
        _was_enabled = gc.isenabled()
        gc.disable()
        sys.setswitchinterval(WORKER_SWITCH_INTERVAL_S)
    thread = threading.Thread(target=target, name=name, daemon=True)
    _workers.add(thread)
    if _timer is None:
        _timer = QTimer()
        _timer.setInterval(TICK_MS)
        _timer.timeout.connect(_tick)
    _timer.start()
    thread.start()
    return thread


COLLECT_CHECK_MS = 1000
"""How often the GUI thread looks whether enough new objects piled up to collect."""


def collect_on_gui_thread(parent: QObject) -> QTimer:
    """From now on, collect reference cycles only here, on the GUI thread (call it there).

    Each tick does what CPython's own thresholds would have done by now: the youngest
    generation when enough objects were allocated since, the older ones when enough young
    collections happened. A tick that finds too little to do costs one ``gc.get_count()``.
    """
    global _was_enabled
    gc.disable()
    _was_enabled = False  # a worker ending does not turn automatic collection back on
    timer = QTimer(parent)
    timer.setInterval(COLLECT_CHECK_MS)
    timer.timeout.connect(collect_due)
    timer.start()
    return timer


def collect_due() -> int:
    """Collect the generations CPython's thresholds say are due; the generation collected,
    or -1 for none."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] >= thresholds[generation]:
            gc.collect(generation)
            return generation
    return -1


def workers_alive() -> int:
    return sum(1 for thread in _workers if thread.is_alive())


def _tick() -> None:
    for thread in [t for t in _workers if not t.is_alive()]:
        _workers.discard(thread)
    if _workers:
        return
    if _timer is not None:
        _timer.stop()
    sys.setswitchinterval(DEFAULT_SWITCH_INTERVAL_S)
    # What the workers made and the GUI kept (a checked session, the library's entries) is
    # long-lived: frozen, no collection walks it again; walking a 1,000-exercise session's
    # objects took a quarter of a second on the GUI thread. Freezing is O(1); frozen
    # objects are still freed by reference counting when they go.
    gc.freeze()
    if _was_enabled:
        gc.enable()
