"""A coloured bar across the top of the editor: a message and a button or two."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """A message bar; hidden until ``show_message`` is called."""

    def __init__(self, background: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        border = background.darker(125).name()
        self.setStyleSheet(
            f"#banner {{ background: {background.name()}; border: 1px solid {border};"
            " border-radius: 6px; }"
            "#banner QLabel { background: transparent; }"
        )
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)  # even: a right-to-left layout keeps them
        self.label = QLabel()
        self.label.setWordWrap(True)
        # The app writes the bold lead-in; callers pass file text through widgets.plain.escape.
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str, actions: list[tuple[str, Callable[[], object]]]) -> None:
        """Show rich ``text`` (file text escaped) with one button per (label, callback)."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()

    def button(self, label: str) -> QPushButton:
        return next(b for b in self.buttons if b.text() == label)
