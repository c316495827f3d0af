"""Labels whose font grows and shrinks with their rectangle, so text reads from across a room.

The layout decides each label's rectangle (stretch factors); the label then picks the largest
font that fits its text inside it. Size hints are kept small so fonts never push the layout.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_PIXEL_SIZE = 9


def fits(font: QFont, rect: QRect, text: str, flags: int) -> bool:
    bounds = QFontMetrics(font).boundingRect(rect, flags, text)
    return bounds.width() <= rect.width() and bounds.height() <= rect.height()


def largest_fitting_size(
    font: QFont, rect: QRect, text: str, flags: int, max_pixel_size: int
) -> int:
    """Binary search for the largest pixel size at which ``text`` fits in ``rect``."""
    low, high = MIN_PIXEL_SIZE, max(MIN_PIXEL_SIZE, max_pixel_size)
    probe = QFont(font)
    while low < high:
        middle = (low + high + 1) // 2
        probe.setPixelSize(middle)
        if fits(probe, rect, text, flags):
            low = middle
        else:
            high = middle - 1
    return low


class FitLabel(QLabel):
    """A plain-text label that sizes its font to fill its rectangle, up to a cap.

    ``max_fraction`` caps the font at that fraction of the label's height (one-line labels use
    about 0.8); ``max_pixel_size`` caps it absolutely so short words do not become billboards.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        max_pixel_size: int = 400,
        max_fraction: float = 0.8,
        wrap: bool = True,
        weight: QFont.Weight = QFont.Weight.Normal,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        tabular: bool = False,
    ) -> None:
        super().__init__(parent)
        self._max_pixel_size = max_pixel_size
        self._max_fraction = max_fraction
        self.setWordWrap(wrap)
        self.setAlignment(alignment)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        font = QFont(self.font())
        font.setWeight(weight)
        if tabular:
            # Digits of equal width: a countdown does not jiggle as it counts.
            font.setFeature(QFont.Tag("tnum"), 1)
        self.setFont(font)
        self.setText(text)

    def flags(self) -> int:
        flags = int(self.alignment().value)
        if self.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        return flags

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        if text != self.text():
            super().setText(text)
            self._fit()

    def set_max_pixel_size(self, size: int) -> None:
        self._max_pixel_size = size
        self._fit()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        # A wrapping QLabel asks for height by width; ours takes what the layout gives.
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(40, 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(10, 10)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def text_rect(self) -> QRect:
        margin = self.margin()
        return self.contentsRect().adjusted(margin, margin, -margin, -margin)

    def _fit(self) -> None:
        rect = self.text_rect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        cap = min(self._max_pixel_size, int(rect.height() * self._max_fraction))
        text = self.text() or " "
        size = largest_fitting_size(self.font(), rect, text, self.flags(), cap)
        if size != self.font().pixelSize():
            font = QFont(self.font())
            font.setPixelSize(size)
            self.setFont(font)
