"""A QR code, drawn square and crisp at whatever size it is given (piritimer.core.qr)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from piritimer.core.qr import encode

QUIET_MODULES = 4


class QrView(QWidget):
    """Dark modules on white with the standard four-module quiet zone (phones need it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = encode(text) if text else []
        self.update()

    def text(self) -> str:
        return self._text

    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(150, 150)  # 3 px a module for a URL with its token

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        count = len(self._matrix) + 2 * QUIET_MODULES
        module = side // count  # whole pixels per module: no blurred edges
        offset = (side - module * count) // 2
        painter.fillRect(0, 0, side, side, QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    x = offset + (c + QUIET_MODULES) * module
                    y = offset + (r + QUIET_MODULES) * module
                    painter.drawRect(QRectF(x, y, module, module))
        painter.end()
