"""Guards against a broken Qt binding: the app emits signals and re-arms timers all day long."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    fired = Signal(object, float)


def test_signal_emit_and_timer_start_keep_reference_counts(qapp: object) -> None:
    # PySide6 6.12.0 on Python 3.11 lost a reference to True per emit() and to None per
    # QTimer.start(); a long session then aborted with "deallocating True or False".
    emitter = _Emitter()
    emitter.fired.connect(lambda _value, _at: None)
    timer = QTimer()
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(1, 2.0)
        timer.start(1000)
    timer.stop()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert after[0] >= before[0] - 5, "signal emit leaks references to True"
    assert after[1] >= before[1] - 5, "QTimer.start leaks references to None"
