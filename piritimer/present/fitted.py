"""A label whose type is as large as its box allows, up to a ceiling tied to the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from piritimer.present import theme

_FLAGS = Qt.TextFlag.TextWordWrap


class FittedLabel(QLabel):
    """Word-wrapped text at the largest pixel size (≤ the ceiling) whose wrapped lines fit.

    Long exercise names and four-line setup lists then shrink to fit instead of being cut off,
    while short words stay at projector size.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        color: QColor = theme.TEXT,
        weight: QFont.Weight = QFont.Weight.Bold,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    ) -> None:
        super().__init__(parent)
        self._max_px = 32
        self._min_px = 10
        self._weight = weight
        self.setWordWrap(True)
        self.setAlignment(alignment)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_color(color)

    def set_color(self, color: QColor) -> None:
        self.setStyleSheet(f"color: {color.name()}; background: transparent;")

    def set_pixel_range(self, max_px: int, min_px: int | None = None) -> None:
        self._max_px = max(1, max_px)
        self._min_px = max(1, min(self._max_px, min_px if min_px is not None else max_px // 3))
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def text_rect(self) -> QRect:
        """Where the wrapped text lands at the chosen size (for tests and layout checks)."""
        box = self.contentsRect()
        return QFontMetrics(self.font()).boundingRect(
            box, int(_FLAGS | self.alignment()), self.text()
        )

    def fits(self) -> bool:
        return self.contentsRect().contains(self.text_rect())

    def _fit(self) -> None:
        box = self.contentsRect()
        if not self.text() or box.isEmpty():
            self.setFont(theme.font(self._max_px, self._weight))
            return
        low, high = self._min_px, self._max_px
        while low < high:  # the largest size that fits; wrapping makes fit monotone enough
            middle = (low + high + 1) // 2
            if self._fits_at(middle, box):
                low = middle
            else:
                high = middle - 1
        self.setFont(theme.font(low, self._weight))

    def _fits_at(self, pixel_size: int, box: QRect) -> bool:
        metrics = QFontMetrics(theme.font(pixel_size, self._weight))
        needed = metrics.boundingRect(box, int(_FLAGS | self.alignment()), self.text())
        return needed.width() <= box.width() and needed.height() <= box.height()
