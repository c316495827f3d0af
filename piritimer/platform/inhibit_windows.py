"""Screen-saver inhibit on Windows: ``SetThreadExecutionState`` from kernel32.

The request belongs to the calling thread and lasts until it is replaced or the thread ends,
so both calls must come from the GUI thread (they do: the window makes them).
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
KEEP_AWAKE = ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED
BACK_TO_NORMAL = ES_CONTINUOUS

SetState = Callable[[int], int]


class WindowsInhibitor:
    """Keeps the display and the system awake by ``SetThreadExecutionState``.

    ``set_state`` is the kernel32 function (or a stand-in in tests); it returns the previous
    state, or 0 when it fails.
    """

    name = "SetThreadExecutionState"
    notice: str | None = None

    def __init__(self, set_state: SetState) -> None:
        self._set_state = set_state
        self._active = False

    @classmethod
    def for_this_thread(cls) -> WindowsInhibitor | None:
        try:
            kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return None
        function = kernel32.SetThreadExecutionState
        function.argtypes = [ctypes.c_uint32]
        function.restype = ctypes.c_uint32
        return cls(function)

    @property
    def active(self) -> bool:
        return self._active

    def inhibit(self, reason: str) -> None:
        del reason  # Windows keeps no reason for a thread's execution state.
        if self._active:
            return
        if self._set_state(KEEP_AWAKE) == 0:
            log.warning("SetThreadExecutionState refused to keep the display on")
            return
        self._active = True

    def release(self) -> None:
        if not self._active:
            return
        self._active = False
        self._set_state(BACK_TO_NORMAL)
