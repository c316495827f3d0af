"""The breathing pacer: a ring that fills on the in-breath and empties on the out-breath.

Its size is read from the engine's clock on every frame (``driver.status()``), never counted
by the frame timer, so it cannot drift from the countdown or the voice. The frame timer runs
only while a breath step is running; on a hold, a pause or a rest nothing wakes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from piritimer.engine import State
from piritimer.present import theme
from piritimer.qt.driver import EngineDriver
from piritimer.timeline import StepKind

FRAME_MS = 16
SMALLEST = 0.5
"""The empty ring's radius as a share of the largest: small, but never a dot."""


def breath_fill(kind: StepKind, progress: float) -> float | None:
    """0 (empty) .. 1 (full) for a breath phase at ``progress`` through it; None if no breath."""
    eased = (1 - math.cos(math.pi * min(1.0, max(0.0, progress)))) / 2  # lungs ease in and out
    return {
        StepKind.INHALE: eased,
        StepKind.HOLD_IN: 1.0,
        StepKind.EXHALE: 1.0 - eased,
        StepKind.HOLD_OUT: 0.0,
    }.get(kind)


class BreathPacer(QWidget):
    """Draws the ring for the driver's current step; invisible on steps without breathing."""

    def __init__(self, driver: EngineDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._driver = driver
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.frame_timer = QTimer(self)
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.timeout.connect(self.update)
        driver.stepStarted.connect(self.refresh)
        driver.stateChanged.connect(self.refresh)
        driver.timelineChanged.connect(self.refresh)

    def fill(self) -> float | None:
        status = self._driver.status()
        if status.state in (State.IDLE, State.STOPPED, State.FINISHED):
            return None
        return breath_fill(status.step.kind, status.step_progress)

    def refresh(self, *_: object) -> None:
        """Start frames while a breath runs, stop them otherwise; repaint once either way."""
        status = self._driver.status()
        animating = (
            status.state is State.RUNNING and status.step.kind.is_breath and self.isVisible()
        )
        if animating and not self.frame_timer.isActive():
            self.frame_timer.start()
        elif not animating:
            self.frame_timer.stop()
        self.update()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.refresh()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.frame_timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        fill = self.fill()
        if fill is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        largest = min(self.width(), self.height()) / 2 * 0.97
        radius = largest * (SMALLEST + (1 - SMALLEST) * fill)
        centre = QPointF(self.width() / 2, self.height() / 2)
        guide = QColor(theme.BREATH)
        guide.setAlpha(70)
        painter.setPen(QPen(guide, max(2.0, largest * 0.012), Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, largest, largest)  # how full a breath gets
        body = QColor(theme.BREATH)
        body.setAlpha(48)
        ring = QColor(theme.BREATH)
        ring.setAlpha(220)
        painter.setPen(QPen(ring, max(3.0, largest * 0.03)))
        painter.setBrush(body)
        painter.drawEllipse(centre, radius, radius)
        painter.end()
