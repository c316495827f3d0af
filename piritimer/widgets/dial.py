"""The runner's centrepiece: a breathing pacer, a step ring, and the large count inside.

Pure rendering: the runner tells it what to show (mode, progress, text) and it paints. The
phases differ by shape as well as words: arrows point out while breathing in, in while
breathing out, and flat bars mark a held breath.

It is drawn up to 30 times a second while a breath moves, so each frame does little: the parts
that stay still during a breath (background, dashed guide circles) are rendered once per size
and theme into a pixmap and copied; the count's font size is searched once per text shape and
size, not per frame; and a frame repaints only the square the moving circle and its marks
sweep, on an opaque widget, so the window behind it is not repainted at all.
"""

from __future__ import annotations

import math
import re
from enum import Enum, auto

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from piritimer.core.breathing import breath_fullness, fullness_speed
from piritimer.core.i18n import N_, _
from piritimer.core.timeline import StepKind
from piritimer.widgets.fit import largest_fitting_size
from piritimer.widgets.theme import LIGHT, Colors

MIN_SCALE = 0.55
"""The pacer's smallest circle as a fraction of its largest: small enough to read the motion,
large enough to hold the count."""

_DIGIT = re.compile(r"[0-9]")
REFERENCE_COUNT = "00"
"""The shape every count is at least as large as: a hold's two digits of seconds."""
PAUSED_TEXT = N_("PAUSED")
"""Written across the paused dial, in capitals, in the app's language (``paused_text``)."""
VEIL_ALPHA = 225
"""How much of the dial the paused veil hides (of 255): the count shows through, dim."""


class DialMode(Enum):
    EMPTY = auto()
    TIMER = auto()
    BREATH = auto()
    WAIT = auto()
    DONE = auto()


def text_shape(text: str) -> str:
    """The text with every digit as 0: with tabular digits all counts of one shape ("12", "47")
    take the same room, so they share one fitted font size."""
    return _DIGIT.sub("0", text)


class Dial(QWidget):
    """Draws the pacer or the step ring with the count centred in it.

    Signals:
        clicked(): a click or tap anywhere on it (the runner pauses and resumes with it: the
            biggest target on the screen, for a hand reaching out from the floor).
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        # paintEvent fills every pixel it is asked for (from the static layer), so Qt need not
        # repaint the widgets behind the dial on each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._static: QPixmap | None = None
        self._static_key: tuple[object, ...] | None = None
        self.static_renders = 0
        """How many times the still layer was rendered (for tests: once per size and theme)."""
        self._fonts: dict[tuple[object, ...], int] = {}
        self._count_text: tuple[tuple[object, ...], QStaticText, QPointF] | None = None
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

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # A touch screen's tap arrives as a synthesised left click.
        if event.button() is Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fonts.clear()  # sizes fitted to the old rectangle; the static layer re-keys itself

    def show_state(
        self,
        mode: DialMode,
        *,
        kind: StepKind | None = None,
        progress: float = 0.0,
        text: str = "",
        paused: bool = False,
    ) -> None:
        before = (self.mode, self.kind, self.progress, self.center_text, self.paused)
        if (mode, kind, progress, text, paused) == before:
            return
        moving_only = mode is DialMode.BREATH and (mode, kind) == before[:2]
        old_extent = self.breath_extent() if moving_only else 0.0
        self.mode, self.kind, self.progress, self.center_text, self.paused = (
            mode,
            kind,
            progress,
            text,
            paused,
        )
        if moving_only:
            # A breath frame: only the circle, its marks and the count (inside it) change.
            self.update(self.breath_dirty_rect(max(old_extent, self.breath_extent())))
        else:
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

    def breath_radius(self) -> float:
        return self.guide_radius() * (MIN_SCALE + (1 - MIN_SCALE) * self.fullness)

    def radius_speed(self, step_duration_s: float) -> float:
        """How fast the pacer's radius moves now, in device pixels a second."""
        if self.mode is not DialMode.BREATH or self.kind is None or step_duration_s <= 0:
            return 0.0
        span = self.guide_radius() * (1 - MIN_SCALE) * self.devicePixelRatioF()
        return span * fullness_speed(self.kind, self.progress) / step_duration_s

    def _mark_size(self) -> tuple[float, float, float]:
        """Size, gap to the circle and pen width of the phase marks."""
        size = self.outer_radius() * 0.07
        return size, self.outer_radius() * 0.06, max(3.0, size * 0.35)

    def breath_extent(self) -> float:
        """How far from the centre the pacer's drawing reaches now: circle, ring and marks."""
        size, gap, pen = self._mark_size()
        return self.breath_radius() + gap + size * 1.6 + pen / 2

    def breath_dirty_rect(self, extent: float) -> QRect:
        """The square that holds everything the pacer draws out to ``extent``, with a margin
        for antialiasing."""
        reach = math.ceil(extent) + 3
        center = self.rect().center()
        return QRect(center.x() - reach, center.y() - reach, 2 * reach + 2, 2 * reach + 2) & (
            self.rect()
        )

    def count_rect(self) -> QRect:
        """Where the count is drawn: inside the smallest pacer circle, or inside the ring."""
        inner = MIN_SCALE if self.mode is DialMode.BREATH else 0.78
        side = self.guide_radius() * inner * 2 * 0.78
        center = QPointF(self.width() / 2, self.height() / 2)
        return QRectF(center.x() - side / 2, center.y() - side / 2, side, side).toRect()

    def text_rect(self) -> QRect:
        """Where the count may reach: the count rectangle, or for a count wider than two
        digits ("Ready?", "1:30") the dial's width, so that it is never smaller than them."""
        rect = self.count_rect()
        if len(text_shape(self.center_text)) <= len(REFERENCE_COUNT):
            return rect
        width = round(self.width() * 0.96)
        return QRect(round((self.width() - width) / 2), rect.top(), width, rect.height())

    def count_font(self) -> QFont:
        """The count's font: as large as fits, and never smaller than two digits would be.

        Two digits ("30") are the size every count is measured against: a hold's seconds. A
        longer count gets the dial's whole width to reach that size (``text_rect``)."""
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setFeature(QFont.Tag("tnum"), 1)
        shape = text_shape(self.center_text or "0")
        size = self._fitted(font, shape, self.text_rect())
        if len(shape) > len(REFERENCE_COUNT):
            size = min(size, self._fitted(font, REFERENCE_COUNT, self.count_rect()))
        font.setPixelSize(size)
        return font

    def _fitted(self, font: QFont, shape: str, rect: QRect) -> int:
        key = (shape, rect.size().toTuple(), font.key())
        size = self._fonts.get(key)
        if size is None:
            if len(self._fonts) > 32:  # a few shapes per size; never grows without bound
                self._fonts.clear()
            flags = int(Qt.AlignmentFlag.AlignCenter.value)
            size = largest_fitting_size(font, rect, shape, flags, rect.height())
            self._fonts[key] = size
        return size

    @staticmethod
    def paused_text() -> str:
        return _(PAUSED_TEXT)

    def paused_font(self) -> QFont:
        """The PAUSED banner's font: bold, as wide as the dial allows (for the word in the
        app's language: "ANGEHALTEN" is fitted as it is, not as "PAUSED" would be)."""
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Black)
        font.setPixelSize(self._fitted(font, self.paused_text(), self.paused_rect()))
        return font

    def paused_rect(self) -> QRect:
        """The banner's band across the middle of the dial, over the count."""
        width = round(self.width() * 0.94)
        height = round(min(self.height() * 0.42, width * 0.3))
        return QRect(
            round((self.width() - width) / 2), round((self.height() - height) / 2), width, height
        )

    # -- painting ---------------------------------------------------------------------------------

    def static_layer(self) -> QPixmap:
        """Background and, for the pacer, its dashed guide circles: what stays still during a
        breath, rendered once per size, theme, mode and pixel ratio."""
        ratio = self.devicePixelRatioF()
        background = self.palette().color(QPalette.ColorRole.Window)
        breath = self.mode is DialMode.BREATH
        key = (self.size().toTuple(), ratio, background.rgba(), self._colors, breath)
        if self._static is None or key != self._static_key:
            pixmap = QPixmap(
                max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(background)
            if breath:
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                self._paint_guides(painter, QPointF(self.width() / 2, self.height() / 2))
                painter.end()
            self._static, self._static_key = pixmap, key
            self.static_renders += 1
        return self._static

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        layer = self.static_layer()  # rendered before this widget's painter begins
        dirty = event.rect()
        painter = QPainter(self)
        painter.drawPixmap(QRectF(dirty), layer, self._device_rect(dirty))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        center = QPointF(self.width() / 2, self.height() / 2)
        if self.mode is DialMode.BREATH:
            self._paint_breath(painter, center)
        elif self.mode in (DialMode.TIMER, DialMode.DONE):
            self._paint_ring(painter, center)
        # A wait draws no ring: its "Ready?" spans the dial at the size of a hold's digits.
        if self.mode is DialMode.DONE:
            self._paint_check(painter, center)
        elif self.center_text:
            wait = self.mode is DialMode.WAIT
            painter.setPen(QColor(self._colors.accent if wait else self._colors.text))
            self._paint_count(painter)
        if self.paused and self.mode is not DialMode.DONE:
            self._paint_paused(painter)
        painter.end()

    def _paint_paused(self, painter: QPainter) -> None:
        """Dim everything and write PAUSED across it: unmistakable from across a room, where
        a still countdown looks just like a running one between two seconds."""
        veil = QColor(self.palette().color(QPalette.ColorRole.Window))
        veil.setAlpha(VEIL_ALPHA)
        painter.fillRect(self.rect(), veil)
        band = self.paused_rect()
        painter.setFont(self.paused_font())
        painter.setPen(QColor(self._colors.accent))
        painter.drawText(band, int(Qt.AlignmentFlag.AlignCenter.value), self.paused_text())

    def _paint_count(self, painter: QPainter) -> None:
        """The count, centred in count_rect. Its laid-out text is kept between frames (shaping
        a large glyph run costs more than drawing it), so only a new second lays it out."""
        font = self.count_font()
        rect = QRectF(self.text_rect())
        key = (self.center_text, font.key(), rect.getRect())
        if self._count_text is None or self._count_text[0] != key:
            text = QStaticText(self.center_text)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), font)
            # Where drawText(rect, AlignCenter) puts it: the line box centred in the rectangle.
            metrics = QFontMetricsF(font)
            top_left = QPointF(
                rect.left() + (rect.width() - metrics.horizontalAdvance(self.center_text)) / 2,
                rect.top() + (rect.height() - metrics.height()) / 2,
            )
            self._count_text = (key, text, top_left)
        _, text, top_left = self._count_text
        painter.setFont(font)
        painter.drawStaticText(top_left, text)

    def _device_rect(self, rect: QRect) -> QRectF:
        ratio = self.devicePixelRatioF()
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        )

    def _paint_ring(self, painter: QPainter, center: QPointF) -> None:
        c = self._colors
        radius = self.guide_radius()
        width = max(4.0, radius * 0.09)
        rect = QRectF(center.x() - radius, center.y() - radius, radius * 2, radius * 2)
        painter.setBrush(QColor(c.surface))
        painter.setPen(QPen(QColor(c.raised if c.dark else c.border), width))
        painter.drawEllipse(rect)
        remaining = 0.0 if self.mode is DialMode.DONE else 1.0 - self.progress
        arc = QPen(QColor(c.accent), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.mode is DialMode.DONE:
            painter.drawEllipse(rect)
        elif remaining > 0:
            # Counter-clockwise from 12 o'clock: the ring empties like a clock hand sweeping.
            painter.drawArc(rect, 90 * 16, int(remaining * 360 * 16))

    def _paint_guides(self, painter: QPainter, center: QPointF) -> None:
        """The largest and smallest circle, dashed: how far a breath goes."""
        guide = self.guide_radius()
        guide_pen = QPen(QColor(self._colors.border), max(2.0, guide * 0.015))
        guide_pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(guide_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, guide, guide)
        painter.drawEllipse(center, guide * MIN_SCALE, guide * MIN_SCALE)

    def _paint_breath(self, painter: QPainter, center: QPointF) -> None:
        c = self._colors
        guide = self.guide_radius()
        radius = self.breath_radius()
        holding = self.kind in (StepKind.HOLD_IN, StepKind.HOLD_OUT)
        ring = QPen(QColor(c.breath_ring), max(3.0, guide * (0.05 if holding else 0.025)))
        painter.setPen(ring)
        painter.setBrush(QColor(c.breath_fill))
        painter.drawEllipse(center, radius, radius)
        self._paint_marks(painter, center, radius)

    def _paint_marks(self, painter: QPainter, center: QPointF, radius: float) -> None:
        """Four marks around the circle: arrows out (in-breath), in (out-breath), bars (hold)."""
        c = self._colors
        size, gap, width = self._mark_size()
        painter.setPen(
            QPen(
                QColor(c.accent),
                width,
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
