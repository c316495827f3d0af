"""The floor for the window benchmark: a bare PySide6 window that draws a breathing circle.

It imports nothing from piritimer and does the least a pacer can do: while animating, a
33 ms timer (the runner's frame rate) repaints one antialiased circle whose size follows the
clock; paused, no timer runs at all.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

FRAME_MS = 33
BREATH_S = 6.0


class BareWindow(QWidget):
    """A window with one circle that grows and shrinks while `animate` is on."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("bare PySide6")
        self.resize(1000, 700)
        self._fullness = 0.5
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._on_frame)

    def animate(self) -> None:
        self._frame.start()

    def pause(self) -> None:
        self._frame.stop()

    def _on_frame(self) -> None:
        self._fullness = 0.5 - 0.5 * math.cos(2 * math.pi * time.monotonic() / (2 * BREATH_S))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f6f4ef"))
        side = min(self.width(), self.height()) * (0.3 + 0.6 * self._fullness)
        circle = QRectF(0, 0, side, side)
        circle.moveCenter(QRectF(self.rect()).center())
        painter.setBrush(QColor("#3a7ca5"))
        painter.drawEllipse(circle)
