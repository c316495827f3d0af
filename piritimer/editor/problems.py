"""The list of problems in the text; clicking one moves the cursor to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from piritimer.core.diagnostics import Diagnostic, Severity
from piritimer.core.i18n import _
from piritimer.widgets.numbers import whole
from piritimer.widgets.plain import plain_tooltip

_POSITION = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 5


def _dot(color: QColor, text: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 14, 14)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class ProblemList(QWidget):
    """Every diagnostic of the last check, in file order.

    Signals:
        jumpRequested(int, int): the person picked the problem at (line, column).
    """

    jumpRequested = Signal(int, int)

    def __init__(
        self, error_color: QColor, ok_color: QColor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ok_color = ok_color.name()
        self.heading = QLabel()
        self.heading.setObjectName("problemsHeading")
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self._error_icon = _dot(error_color, "!")
        self._warning_icon = _dot(QColor("#bf8700"), "!")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._jump)
        self.list.itemActivated.connect(self._jump)
        self._rows: list[tuple[bool, str, str, tuple[int, int]]] | None = None
        self.set_diagnostics(())

    def set_diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None:
        """Show ``diagnostics``; rows that did not change are left alone (a check runs at
        every pause in typing, and most leave the list as it was)."""
        ordered = sorted(diagnostics, key=lambda d: (d.line, d.column))
        rows = [
            (
                d.severity is Severity.ERROR,
                _("Line {line}, column {column}:  {message}").format(
                    line=d.line, column=d.column, message=d.message
                ),
                plain_tooltip(d.message),
                (d.line, d.column),
            )
            for d in ordered
        ]
        if rows == self._rows:
            return
        shown = self._rows or []
        while self.list.count() > len(rows):
            self.list.takeItem(self.list.count() - 1)
        for index, row in enumerate(rows):
            item = self.list.item(index) if index < self.list.count() else None
            if item is None:
                item = QListWidgetItem()
                self.list.addItem(item)
            elif index < len(shown) and shown[index] == row:
                continue
            error, text, tooltip, position = row
            item.setIcon(self._error_icon if error else self._warning_icon)
            item.setText(text)
            item.setData(_POSITION, position)
            item.setToolTip(tooltip)
        self._rows = rows
        count = len(rows)
        if count:
            self.heading.setText(
                _("<b>Problems</b> ({count}) — click one to go to it").format(count=whole(count))
            )
        else:
            mark = f"<span style='color:{self._ok_color}'>✔</span>"
            self.heading.setText(
                _("{mark} <b>No problems</b> — the session is valid").format(mark=mark)
            )
        self.list.setVisible(bool(count))
        # Tall enough for every problem up to VISIBLE_ROWS, then it scrolls.
        visible = min(count, VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if count else 0
        self.list.setFixedHeight(visible * row_height + 2 * self.list.frameWidth() + 2)

    def lines(self) -> list[int]:
        return [self.list.item(i).data(_POSITION)[0] for i in range(self.list.count())]

    def _jump(self, item: QListWidgetItem) -> None:
        line, column = item.data(_POSITION)
        self.jumpRequested.emit(line, column)
