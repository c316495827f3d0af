"""The breathing pacer: a ring that fills on the in-breath and empties on the out-breath.

Its size is read from the engine's clock on every frame (``driver.status()``), never counted
by the frame timer, so it cannot drift from the countdown or the voice. The frame timer runs
only while a breath step is running; on a hold, a pause or a rest nothing wakes.

Frames are cheap: the dotted guide circle is rendered once per size into a pixmap; a frame
repaints only the square the ring sweeps; and the frame rate follows the ring's speed, 60 a
second while it moves fast on a projector, down to 15 at the turn of a breath where a frame
would move it by less than half a pixel (piritimer.core.breathing.frame_interval_ms).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from piritimer.core.breathing import SLOWEST_FRAME_MS, frame_interval_ms, fullness_speed
from piritimer.core.engine import State, Status
from piritimer.core.timeline import StepKind
from piritimer.present import theme
from piritimer.qt.driver import EngineDriver

FRAME_MS = 16
"""The fastest frame rate, 60 a second: a projected ring is large and moves many pixels."""
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
        self.frame_timer.timeout.connect(self._on_frame)
        self._guide: QPixmap | None = None
        self._guide_key: tuple[object, ...] | None = None
        self.guide_renders = 0
        """How many times the guide circle was rendered (for tests: once per size)."""
        self._drawn_fill: float | None = None
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
            self.frame_timer.start(self._interval(status))
        elif not animating:
            self.frame_timer.stop()
        self.update()

    def largest_radius(self) -> float:
        return min(self.width(), self.height()) / 2 * 0.97

    def ring_rect(self, fill: float) -> QRect:
        """The square that holds the ring drawn at ``fill``, its pen and antialiasing."""
        largest = self.largest_radius()
        reach = largest * (SMALLEST + (1 - SMALLEST) * fill) + max(3.0, largest * 0.03) / 2
        half = math.ceil(reach) + 2
        centre = self.rect().center()
        square = QRect(centre.x() - half, centre.y() - half, 2 * half + 2, 2 * half + 2)
        return square & self.rect()

    def _interval(self, status: Status) -> int:
        """Time to the frame that moves the ring by about half a device pixel."""
        duration = status.step.duration_s or 0.0
        if duration <= 0:
            return SLOWEST_FRAME_MS
        span = self.largest_radius() * (1 - SMALLEST) * self.devicePixelRatioF()
        speed = span * fullness_speed(status.step.kind, status.step_progress) / duration
        return frame_interval_ms(speed, fastest_ms=FRAME_MS)

    def _on_frame(self) -> None:
        status = self._driver.status()
        if status.state is not State.RUNNING or not status.step.kind.is_breath:
            self.refresh()  # the step or state signal is on its way; stop cleanly meanwhile
            return
        fill = breath_fill(status.step.kind, status.step_progress)
        if fill is not None:
            # Only the ring moves: repaint the square of the larger of its last and new size.
            drawn = 1.0 if self._drawn_fill is None else self._drawn_fill
            self.update(self.ring_rect(max(fill, drawn)))
        interval = self._interval(status)
        if interval != self.frame_timer.interval():
            self.frame_timer.setInterval(interval)

    def guide_layer(self) -> QPixmap:
        """The dotted circle of a full breath, rendered once per size and pixel ratio."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio)
        if self._guide is None or key != self._guide_key:
            pixmap = QPixmap(
                max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            largest = self.largest_radius()
            guide = QColor(theme.BREATH)
            guide.setAlpha(70)
            painter.setPen(QPen(guide, max(2.0, largest * 0.012), Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), largest, largest)
            painter.end()
            self._guide, self._guide_key = pixmap, key
            self.guide_renders += 1
        return self._guide

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.refresh()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.frame_timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        fill = self.fill()
        self._drawn_fill = fill
        if fill is None:
            return
        layer = self.guide_layer()  # rendered before this widget's painter begins
        dirty = event.rect()
        ratio = self.devicePixelRatioF()
        painter = QPainter(self)
        source = QRectF(
            dirty.x() * ratio, dirty.y() * ratio, dirty.width() * ratio, dirty.height() * ratio
        )
        painter.drawPixmap(QRectF(dirty), layer, source)  # how full a breath gets
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        largest = self.largest_radius()
        radius = largest * (SMALLEST + (1 - SMALLEST) * fill)
        centre = QPointF(self.width() / 2, self.height() / 2)
        body = QColor(theme.BREATH)
        body.setAlpha(48)
        ring = QColor(theme.BREATH)
        ring.setAlpha(220)
        painter.setPen(QPen(ring, max(3.0, largest * 0.03)))
        painter.setBrush(body)
        painter.drawEllipse(centre, radius, radius)
        painter.end()
