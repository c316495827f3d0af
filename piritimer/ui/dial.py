"""The runner's centrepiece: a breathing pacer, a step ring, and the large count inside.

Pure rendering: the runner tells it what to show (mode, progress, text) and it paints. The
phases differ by shape as well as words: arrows point out while breathing in, in while
breathing out, and flat bars mark a held breath.
"""

from __future__ import annotations

import math
from enum import Enum, auto

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from piritimer.timeline import StepKind
from piritimer.ui.fit import largest_fitting_size
from piritimer.ui.theme import LIGHT, Colors

MIN_SCALE = 0.55
"""The pacer's smallest circle as a fraction of its largest: small enough to read the motion,
large enough to hold the count."""


class DialMode(Enum):
    EMPTY = auto()
    TIMER = auto()
    BREATH = auto()
    WAIT = auto()
    DONE = auto()


def breath_fullness(kind: StepKind, progress: float) -> float:
    """How full the lungs are, 0..1, eased so the circle starts and ends each breath gently."""
    p = min(1.0, max(0.0, progress))
    eased = 0.5 - 0.5 * math.cos(math.pi * p)
    if kind is StepKind.INHALE:
        return eased
    if kind is StepKind.EXHALE:
        return 1.0 - eased
    if kind is StepKind.HOLD_IN:
        return 1.0
    return 0.0


class Dial(QWidget):
    """Draws the pacer or the step ring with the count centred in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._colors: Colors = LIGHT
        self.mode = DialMode.EMPTY
        self.kind: StepKind | None = None
        self.progress = 0.0
        self.center_text = ""
        self.paused = False

    # -- what to show ---------------------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.update()

    def show_state(
        self,
        mode: DialMode,
        *,
        kind: StepKind | None = None,
        progress: float = 0.0,
        text: str = "",
        paused: bool = False,
    ) -> None:
        changed = (mode, kind, progress, text, paused) != (
            self.mode,
            self.kind,
            self.progress,
            self.center_text,
            self.paused,
        )
        self.mode, self.kind, self.progress, self.center_text, self.paused = (
            mode,
            kind,
            progress,
            text,
            paused,
        )
        if changed:
            self.update()

    @property
    def fullness(self) -> float:
        if self.mode is not DialMode.BREATH or self.kind is None:
            return 0.0
        return breath_fullness(self.kind, self.progress)

    # -- geometry ---------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, 200)

    def outer_radius(self) -> float:
        return max(1.0, min(self.width(), self.height()) / 2 - 6)

    def guide_radius(self) -> float:
        """The largest pacer circle; phase marks sit just outside it."""
        return self.outer_radius() * 0.82

    def count_rect(self) -> QRect:
        """Where the count is drawn: inside the smallest pacer circle, or inside the ring."""
        inner = MIN_SCALE if self.mode is DialMode.BREATH else 0.78
        side = self.guide_radius() * inner * 2 * 0.78
        center = QPointF(self.width() / 2, self.height() / 2)
        return QRectF(center.x() - side / 2, center.y() - side / 2, side, side).toRect()

    def count_font(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setFeature(QFont.Tag("tnum"), 1)
        rect = self.count_rect()
        flags = int(Qt.AlignmentFlag.AlignCenter.value)
        font.setPixelSize(
            largest_fitting_size(font, rect, self.center_text or "0", flags, rect.height())
        )
        return font

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        center = QPointF(self.width() / 2, self.height() / 2)
        if self.mode is DialMode.BREATH:
            self._paint_breath(painter, center)
        elif self.mode in (DialMode.TIMER, DialMode.WAIT, DialMode.DONE):
            self._paint_ring(painter, center)
        if self.mode is DialMode.DONE:
            self._paint_check(painter, center)
        elif self.center_text:
            painter.setPen(QColor(self._colors.text))
            painter.setFont(self.count_font())
            painter.drawText(self.count_rect(), Qt.AlignmentFlag.AlignCenter, self.center_text)
        painter.end()

    def _paint_ring(self, painter: QPainter, center: QPointF) -> None:
        c = self._colors
        radius = self.guide_radius()
        width = max(4.0, radius * 0.09)
        rect = QRectF(center.x() - radius, center.y() - radius, radius * 2, radius * 2)
        painter.setBrush(QColor(c.surface))
        track = QPen(QColor(c.raised if c.dark else c.border), width)
        if self.mode is DialMode.WAIT:
            track.setStyle(Qt.PenStyle.DashLine)
            track.setColor(QColor(c.accent))
        painter.setPen(track)
        painter.drawEllipse(rect)
        if self.mode is DialMode.WAIT:
            return
        remaining = 0.0 if self.mode is DialMode.DONE else 1.0 - self.progress
        arc = QPen(QColor(c.accent), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.mode is DialMode.DONE:
            painter.drawEllipse(rect)
        elif remaining > 0:
            # Counter-clockwise from 12 o'clock: the ring empties like a clock hand sweeping.
            painter.drawArc(rect, 90 * 16, int(remaining * 360 * 16))

    def _paint_breath(self, painter: QPainter, center: QPointF) -> None:
        c = self._colors
        guide = self.guide_radius()
        radius = guide * (MIN_SCALE + (1 - MIN_SCALE) * self.fullness)
        holding = self.kind in (StepKind.HOLD_IN, StepKind.HOLD_OUT)
        guide_pen = QPen(QColor(c.border), max(2.0, guide * 0.015))
        guide_pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(guide_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, guide, guide)
        painter.drawEllipse(center, guide * MIN_SCALE, guide * MIN_SCALE)
        ring = QPen(QColor(c.breath_ring), max(3.0, guide * (0.05 if holding else 0.025)))
        painter.setPen(ring)
        painter.setBrush(QColor(c.breath_fill))
        painter.drawEllipse(center, radius, radius)
        self._paint_marks(painter, center, radius)

    def _paint_marks(self, painter: QPainter, center: QPointF, radius: float) -> None:
        """Four marks around the circle: arrows out (in-breath), in (out-breath), bars (hold)."""
        c = self._colors
        size = self.outer_radius() * 0.07
        gap = self.outer_radius() * 0.06
        painter.setPen(
            QPen(
                QColor(c.accent),
                max(3.0, size * 0.35),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for angle in (90, 0, 270, 180):
            direction = QPointF(math.cos(math.radians(angle)), -math.sin(math.radians(angle)))
            normal = QPointF(-direction.y(), direction.x())
            base = center + direction * (radius + gap + size)
            if self.kind is StepKind.INHALE:
                tip, back = base + direction * size * 0.6, base - direction * size * 0.6
                painter.drawPolyline(QPolygonF([back + normal * size, tip, back - normal * size]))
            elif self.kind is StepKind.EXHALE:
                tip, back = base - direction * size * 0.6, base + direction * size * 0.6
                painter.drawPolyline(QPolygonF([back + normal * size, tip, back - normal * size]))
            else:
                for offset in (-0.45, 0.45):
                    middle = base + direction * size * offset
                    painter.drawLine(middle + normal * size, middle - normal * size)

    def _paint_check(self, painter: QPainter, center: QPointF) -> None:
        size = self.guide_radius() * 0.5
        pen = QPen(
            QColor(self._colors.accent),
            max(4.0, size * 0.16),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        painter.drawPolyline(
            QPolygonF(
                [
                    center + QPointF(-size * 0.7, 0),
                    center + QPointF(-size * 0.2, size * 0.5),
                    center + QPointF(size * 0.75, -size * 0.55),
                ]
            )
        )
