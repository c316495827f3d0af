"""Garbage collection on the GUI thread only, while worker threads run Python.

CPython collects reference cycles in whichever thread happens to allocate. A collection on a
worker thread can free a widget there, and a Qt object must be destroyed on its own thread:
the library's background reader made the test suite abort at random ("malloc(): mismatching
next->prev_size") until collection was kept on the GUI thread. So while any worker runs,
automatic collection is off and the GUI thread collects by the usual thresholds instead.
Every function here is called on the GUI thread.
"""

from __future__ import annotations

import gc

_holds = 0
_was_enabled = True


def hold() -> None:
    """A worker thread is about to run: collect on the GUI thread only until release()."""
    global _holds, _was_enabled
    if _holds == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _holds += 1


def release() -> None:
    """The worker thread has finished; the last release restores automatic collection."""
    global _holds
    if _holds == 0:
        return
    _holds -= 1
    if _holds == 0 and _was_enabled:
        gc.enable()


def held() -> bool:
    return _holds > 0


def collect_if_due() -> None:
    """What automatic collection would do now, done here on the GUI thread."""
    if not _holds:
        return
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    # The young generations only: a full collection walks every object (thousands of loaded
    # sessions) and would stall the window; automatic collection resumes on release().
    if counts[1] >= thresholds[1]:
        gc.collect(1)
    elif counts[0] >= thresholds[0]:
        gc.collect(0)
