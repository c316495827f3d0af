"""A one-line label that shortens its text with "…" to the width it is given, instead of
claiming the width of the whole text: a long class title must not push the clock off a
1366-pixel laptop screen. Plain text always (the text comes from the file)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from piritimer.widgets.plain import PLAIN, plain_tooltip

MIN_WIDTH_PX = 60


class ElidedLabel(QLabel):
    """``text()`` is the whole text; what shows is as much of it as fits, then "…"."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(PLAIN)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self._fit()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What is painted now (elided to the width)."""
        return super().text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(MIN_WIDTH_PX, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + 4
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)  # type: ignore[arg-type]
        self._fit()  # a new font (style sheet) changes what fits

    def _fit(self) -> None:
        room = max(0, self.contentsRect().width() - 2 * self.margin())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(plain_tooltip(self._full) if shown != self._full else "")
