"""The countdown digits: centred on the digits themselves, as large as the ceiling allows."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from piritimer.durations import format_clock
from piritimer.engine import Status
from piritimer.present import theme


def seconds_left(status: Status) -> int | None:
    """Whole seconds left in a timed step, as the engine counts them; None for no timer."""
    if status.step.duration_s is None or status.step_remaining_s is None:
        return None
    return max(0, math.ceil(status.step_remaining_s - 1e-9))


def countdown_text(seconds_left: int | None) -> str:
    """ "45" under a minute (fewer, larger digits), "1:30" from a minute up, "" for no timer."""
    if seconds_left is None:
        return ""
    return str(seconds_left) if seconds_left < 60 else format_clock(seconds_left)


class CountdownDisplay(QWidget):
    """Paints one short text, centred on its ink rather than on its line box.

    A QLabel centres the font's line box (ascent + descent), which wastes a fifth of the height
    on empty space above and below digits; centring the ink lets the digits fill the widget.
    The size shrinks only if the text would not fit the width (a rare ``12:30``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._max_px = 100
        self._color = theme.ACCENT
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def set_color(self, color: QColor) -> None:
        if color != self._color:
            self._color = QColor(color)
            self.update()

    def set_max_pixel_size(self, pixel_size: int) -> None:
        self._max_px = max(1, pixel_size)
        self.update()

    def digits_font(self) -> QFont:
        """The face used now: the ceiling, shrunk only as far as the width demands."""
        full = theme.digits_font(self._max_px)
        width = QFontMetrics(full).tightBoundingRect(self._text or "0").width()
        room = self.width() * 0.98
        if width <= room or width == 0:
            return full
        return theme.digits_font(int(self._max_px * room / width))

    def digits_rect(self) -> QRect:
        """Where the ink of the digits lands, in this widget's coordinates."""
        ink = QFontMetrics(self.digits_font()).tightBoundingRect(self._text)
        ink.moveCenter(self.rect().center())
        return ink

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = self.digits_font()
        painter.setFont(font)
        painter.setPen(self._color)
        ink = QFontMetrics(font).tightBoundingRect(self._text)
        target = self.digits_rect()
        # drawText puts the baseline at the point; the ink's top-left sits at ink.topLeft().
        painter.drawText(QPointF(target.left() - ink.left(), target.top() - ink.top()), self._text)
        painter.end()
