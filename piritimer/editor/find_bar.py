"""Ctrl+F: find text in the editor, next and previous, with or without matching case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from piritimer.core.i18n import _, ngettext
from piritimer.editor.code_editor import CodeEditor, FindMatches
from piritimer.widgets.numbers import whole

MAX_MATCHES = 10_000


def _tool_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


class FindBar(QWidget):
    """A find bar under the editor; every match is highlighted, the current one more strongly."""

    def __init__(self, editor: CodeEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = QLineEdit()
        self.field.setPlaceholderText(_("Find"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = _tool_button("▲")
        self.previous_button.setAccessibleName(_("Previous match"))
        self.previous_button.setToolTip(_("Previous match (Shift+Enter, Shift+F3)"))
        self.next_button = _tool_button("▼")
        self.next_button.setAccessibleName(_("Next match"))
        self.next_button.setToolTip(_("Next match (Enter, F3)"))
        self.match_case = QCheckBox(_("Match case"))
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        close = _tool_button("✕")
        close.setAccessibleName(_("Close the find bar"))
        close.setToolTip(_("Close (Esc)"))
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (self.field, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.match_case)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.textChanged.connect(self._search_from_selection_start)
        self.match_case.toggled.connect(self._search_from_selection_start)
        self.field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        shift_enter = QShortcut(QKeySequence("Shift+Return"), self.field)
        shift_enter.activated.connect(self.find_previous)
        self.editor.document().contentsChanged.connect(self._refresh_if_open)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar, seeded with the selected text, and focus it."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._highlight()

    def close_bar(self) -> None:
        self.hide()
        self.editor.set_find_matches(FindMatches())
        self.editor.setFocus()

    def matches(self) -> list[QTextCursor]:
        needle = self.field.text()
        if not needle:
            return []
        flags = QTextDocument.FindFlag(0)
        if self.match_case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        document = self.editor.document()
        found: list[QTextCursor] = []
        cursor = document.find(needle, 0, flags)
        while not cursor.isNull() and len(found) < MAX_MATCHES:
            found.append(cursor)
            cursor = document.find(needle, cursor, flags)
        return found

    def find_next(self) -> bool:
        return self._move(forward=True)

    def find_previous(self) -> bool:
        return self._move(forward=False)

    def _move(self, forward: bool) -> bool:
        found = self.matches()
        if not found:
            self._highlight(found)
            return False
        cursor = self.editor.textCursor()
        if forward:
            after = [c for c in found if c.selectionStart() >= cursor.selectionEnd()]
            chosen = after[0] if after else found[0]  # wrap to the top
        else:
            before = [c for c in found if c.selectionEnd() <= cursor.selectionStart()]
            chosen = before[-1] if before else found[-1]  # wrap to the bottom
        self.editor.setTextCursor(chosen)
        self.editor.centerCursor()
        self._highlight(found)
        return True

    def _search_from_selection_start(self) -> None:
        # Typing refines the search in place: the match at the cursor stays the current one.
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        if not self.find_next():
            self.editor.setTextCursor(cursor)

    def _refresh_if_open(self) -> None:
        if self.isVisible():
            self._highlight()

    def _highlight(self, found: list[QTextCursor] | None = None) -> None:
        found = self.matches() if found is None else found
        selection = self.editor.textCursor()
        current = next(
            (
                i
                for i, c in enumerate(found)
                if (c.selectionStart(), c.selectionEnd())
                == (selection.selectionStart(), selection.selectionEnd())
            ),
            -1,
        )
        self.editor.set_find_matches(FindMatches(tuple(found), current))
        if not self.field.text():
            self.count_label.setText("")
        elif not found:
            self.count_label.setText(_("No matches"))
        elif current >= 0:
            self.count_label.setText(
                _("{current} of {count}").format(
                    current=whole(current + 1), count=whole(len(found))
                )
            )
        else:
            self.count_label.setText(
                ngettext("{count} match", "{count} matches", len(found)).format(
                    count=whole(len(found))
                )
            )
        not_found = bool(self.field.text()) and not found
        background = self.editor.theme.not_found_background.name()
        self.field.setStyleSheet(f"QLineEdit {{ background: {background}; }}" if not_found else "")
