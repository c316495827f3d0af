"""Reference cycles are collected on the GUI thread only (piritimer.qt.worker_gc)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from piritimer.qt import worker_gc


class Cycle:
    def __init__(self, freed: list[str]) -> None:
        self.me = self
        self.freed = freed

    def __del__(self) -> None:
        self.freed.append(threading.current_thread().name)


def test_a_cycle_made_anywhere_is_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QObject()
    timer = worker_gc.collect_on_gui_thread(parent)
    assert not gc.isenabled()
    freed: list[str] = []

    kept: list[list[int]] = []

    def busy_thread() -> None:
        Cycle(freed)
        # Ten times CPython's threshold of live new objects: it would collect here if enabled.
        kept.extend([i] for i in range(10 * gc.get_threshold()[0]))

    worker = threading.Thread(target=busy_thread, name="busy")
    worker.start()
    worker.join()
    assert freed == []  # nothing collected on the worker
    # The timer's next tick finds the young generation due, and collects it here.
    qtbot.waitUntil(lambda: freed != [], timeout=3 * worker_gc.COLLECT_CHECK_MS)
    assert freed == [threading.current_thread().name]
    timer.stop()
    kept.clear()


def test_a_tick_collects_only_what_the_thresholds_say_is_due() -> None:
    gc.collect()
    assert worker_gc.collect_due() == -1  # just collected: nothing due
    keep = [[i] for i in range(gc.get_threshold()[0] * 2)]
    assert worker_gc.collect_due() == 0
    del keep
