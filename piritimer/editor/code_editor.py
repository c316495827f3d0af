"""The YAML text editor: line numbers and error markers in a gutter, errors underlined in place.

It edits plain text and nothing else; checking and saving live elsewhere. Tab inserts spaces
(YAML forbids tabs for indentation) and Enter keeps the indentation of the line above.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from piritimer.core.diagnostics import Diagnostic
from piritimer.core.i18n import _
from piritimer.editor.highlighter import YamlHighlighter
from piritimer.editor.outline import error_span
from piritimer.editor.theme import EditorTheme, current_theme
from piritimer.widgets.plain import plain_tooltip

INDENT = "  "
MARKER_WIDTH = 16


@dataclass(frozen=True)
class FindMatches:
    """Where the find bar's text occurs, and which occurrence is the current one."""

    cursors: tuple[QTextCursor, ...] = ()
    current: int = -1


class CodeEditor(QPlainTextEdit):
    """A QPlainTextEdit for session YAML with a gutter (line numbers, error markers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: EditorTheme = current_theme()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * len(INDENT))
        self.highlighter = YamlHighlighter(self.document(), self.theme)
        self.gutter = _Gutter(self)
        self._diagnostics: tuple[Diagnostic, ...] = ()
        self._find = FindMatches()
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self._update_gutter_width()
        self._refresh_selections()

    # -- public --------------------------------------------------------------------------------

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self._diagnostics

    def set_diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None:
        self._diagnostics = tuple(diagnostics)
        self._refresh_selections()
        self.gutter.update()

    def diagnostics_at_line(self, line: int) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self._diagnostics if d.line == line)

    def set_find_matches(self, matches: FindMatches) -> None:
        self._find = matches
        self._refresh_selections()

    def toggle_wrap(self) -> None:
        """Wrap long lines (prose in ``notes: >-``) or scroll sideways, as in code editors."""
        wrapped = self.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
        self.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.NoWrap
            if wrapped
            else QPlainTextEdit.LineWrapMode.WidgetWidth
        )

    def cursor_line(self) -> int:
        """The 1-based line the cursor is on."""
        return self.textCursor().blockNumber() + 1

    def go_to(self, line: int, column: int = 1) -> None:
        """Put the cursor at a 1-based line and column (clamped) and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            n=max(0, min(column - 1, block.length() - 1)),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    # -- gutter --------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return MARKER_WIDTH + self.fontMetrics().horizontalAdvance("9") * max(3, digits) + 12

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def line_at(self, y: int) -> int | None:
        """The 1-based line painted at viewport height ``y``."""
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid():
            bottom = top + self.blockBoundingRect(block).height()
            if top <= y < bottom:
                return block.blockNumber() + 1
            block = block.next()
            top = bottom
        return None

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(event.rect(), self.theme.gutter_background)
        error_lines = {d.line for d in self._diagnostics}
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber()
                color = self.theme.gutter_current if number == current else self.theme.gutter_text
                painter.setPen(color)
                painter.drawText(
                    MARKER_WIDTH,
                    top,
                    self.gutter.width() - MARKER_WIDTH - 8,
                    height,
                    Qt.AlignmentFlag.AlignRight,
                    str(number + 1),
                )
                if number + 1 in error_lines:
                    self._paint_marker(painter, top, height)
            block = block.next()
            top = bottom

    def _paint_marker(self, painter: QPainter, top: int, height: int) -> None:
        size = min(12, height - 2)
        rect = QRect(3, top + (height - size) // 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.error)
        painter.drawEllipse(rect)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(7, size - 3))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
        painter.setFont(self.font())

    # -- selections: current line, errors, find matches ----------------------------------------

    def _refresh_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        current = QTextEdit.ExtraSelection()
        current.format.setBackground(self.theme.current_line)
        current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        current.cursor = self.textCursor()
        current.cursor.clearSelection()
        selections.append(current)
        for index, cursor in enumerate(self._find.cursors):
            match = QTextEdit.ExtraSelection()
            color = (
                self.theme.find_current if index == self._find.current else self.theme.find_match
            )
            match.format.setBackground(color)
            match.cursor = cursor
            selections.append(match)
        selections.extend(self._error_selection(d) for d in self._diagnostics)
        self.setExtraSelections(selections)
        self.gutter.update()

    def _error_selection(self, diagnostic: Diagnostic) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        selection.format.setUnderlineColor(self.theme.error)
        selection.format.setToolTip(plain_tooltip(diagnostic.message))
        block = self.document().findBlockByNumber(diagnostic.line - 1)
        cursor = QTextCursor(block if block.isValid() else self.document().lastBlock())
        start, length = error_span(cursor.block().text(), diagnostic.column)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=start)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, max(length, 0)
        )
        selection.cursor = cursor
        return selection

    def error_span_at(self, line: int) -> tuple[int, int] | None:
        """The underlined (start, length) on a 1-based line, for tests and tooltips."""
        for diagnostic in self.diagnostics_at_line(line):
            block = self.document().findBlockByNumber(line - 1)
            return error_span(block.text(), diagnostic.column)
        return None

    # -- typing --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_Tab and plain:
            if self.textCursor().hasSelection():
                self.shift_lines(+1)
            else:
                self.insertPlainText(INDENT)
            return
        if key == Qt.Key.Key_Backtab:
            self.shift_lines(-1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self._newline_keeping_indent()
            return
        super().keyPressEvent(event)

    def shift_lines(self, direction: int) -> None:
        """Indent (+1) or dedent (-1) every line the selection touches, as one undo step."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(max(cursor.selectionStart(), cursor.selectionEnd() - 1))
        edit = QTextCursor(document)
        edit.beginEditBlock()
        block = first
        while block.isValid():
            edit.setPosition(block.position())
            if direction > 0:
                edit.insertText(INDENT)
            else:
                text = block.text()
                spaces = len(text) - len(text.lstrip(" "))
                for _ in range(min(spaces, len(INDENT))):
                    edit.deleteChar()
            if block == last:
                break
            block = block.next()
        edit.endEditBlock()

    def _newline_keeping_indent(self) -> None:
        cursor = self.textCursor()
        line = cursor.block().text()[: cursor.positionInBlock()]
        indent = line[: len(line) - len(line.lstrip(" "))]
        stripped = line.strip()
        if stripped.startswith("- "):
            indent += INDENT  # continue the list item's mapping, under its first key
        if stripped.endswith(":") and not stripped.startswith("#"):
            indent += INDENT
        cursor.insertText("\n" + indent)
        self.ensureCursorVisible()


class _Gutter(QWidget):
    """Paints line numbers and error markers for its CodeEditor; shows an error's message."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.editor.paint_gutter(event)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, y: int) -> str:
        line = self.editor.line_at(y)
        if line is None:
            return ""
        return "\n".join(
            _("Line {line}, column {column}: {message}").format(
                line=d.line, column=d.column, message=d.message
            )
            for d in self.editor.diagnostics_at_line(line)
        )
