"""The countdown digits: centred on the digits themselves, as large as the ceiling allows."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from piritimer.core.durations import format_clock
from piritimer.core.engine import Status
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
    The size shrinks only if the text would not fit the width (a rare ``12:30``). The face and
    its ink are measured once per text and size, not on every paint: the breathing pacer
    beneath repaints the digits with each of its frames.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._max_px = 100
        self._color = theme.ACCENT
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._measured: tuple[tuple[object, ...], QFont, QRect] | None = None
        self.measurements = 0
        """How many times the face was measured (for tests: once per text and size)."""

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
        return QFont(self._measure()[0])

    def digits_rect(self) -> QRect:
        """Where the ink of the digits lands, in this widget's coordinates."""
        ink = QRect(self._measure()[1])
        ink.moveCenter(self.rect().center())
        return ink

    def _measure(self) -> tuple[QFont, QRect]:
        """The face and the ink of the text in it (at the origin), remembered for one key."""
        key = (self._text, self._max_px, self.width())
        if self._measured is None or self._measured[0] != key:
            full = theme.digits_font(self._max_px)
            width = QFontMetrics(full).tightBoundingRect(self._text or "0").width()
            room = self.width() * 0.98
            font = full
            if width > room and width != 0:
                font = theme.digits_font(int(self._max_px * room / width))
            ink = QFontMetrics(font).tightBoundingRect(self._text)
            self._measured = (key, font, ink)
            self.measurements += 1
        return self._measured[1], self._measured[2]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font, ink = self._measure()
        painter.setFont(font)
        painter.setPen(self._color)
        target = self.digits_rect()
        # drawText puts the baseline at the point; the ink's top-left sits at ink.topLeft().
        painter.drawText(QPointF(target.left() - ink.left(), target.top() - ink.top()), self._text)
        painter.end()
