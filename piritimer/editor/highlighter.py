"""Colouring YAML session text: keys, values, comments, durations, list dashes and strings.

Line by line with regular expressions, which is all a session file needs; block scalars
(``notes: |`` followed by indented lines) are carried across lines in the block state.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from piritimer.editor.theme import EditorTheme

_NO_BLOCK = -1
_DASHES = re.compile(r"^(\s*)((?:-\s+)+)")
_KEY = re.compile(r"^([^\s#:\"'\[\]{},][^#:]*?|\"[^\"]*\"|'[^']*')\s*(:)(?=\s|$)")
_DURATION = re.compile(
    r"(?<![\w.:])(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b\s*)+"
    r"|(?<![\w.:])(?:\d+:)?\d+:\d\d(?:\.\d+)?(?![\w:])"
    r"|(?<![\w.])\d+\s*breaths?\b"
)
_NUMBER = re.compile(r"(?<![\w.])[+-]?\d+(?:\.\d+)?(?![\w.])")
_KEYWORD = re.compile(
    r"^\s*(none|off|no|on|yes|true|false|wait|left then right|right then left|left only|"
    r"right only)\s*$",
    re.IGNORECASE,
)
_STRING = re.compile(r"(?<!\w)(?:\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?)")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d*\s*$")
_DOCUMENT = re.compile(r"^(---|\.\.\.)\s*$")


def _format(color: object, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(color)  # type: ignore[arg-type]
    if bold:
        text_format.setFontWeight(QFont.Weight.DemiBold)
    text_format.setFontItalic(italic)
    return text_format


class YamlHighlighter(QSyntaxHighlighter):
    """Highlights one QTextDocument of session YAML."""

    def __init__(self, document: QTextDocument, theme: EditorTheme) -> None:
        super().__init__(document)
        self._key = _format(theme.key, bold=True)
        self._value = _format(theme.value)
        self._string = _format(theme.string)
        self._comment = _format(theme.comment, italic=True)
        self._duration = _format(theme.duration)
        self._number = _format(theme.number)
        self._keyword = _format(theme.keyword)
        self._dash = _format(theme.dash, bold=True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        indent = len(text) - len(text.lstrip(" "))
        previous = self.previousBlockState()
        # Inside a block scalar every line indented deeper than its key (or blank) is text.
        if previous != _NO_BLOCK and (not text.strip() or indent > previous):
            self.setFormat(0, len(text), self._string)
            self.setCurrentBlockState(previous)
            return
        self.setCurrentBlockState(_NO_BLOCK)
        if _DOCUMENT.match(text):
            self.setFormat(0, len(text), self._comment)
            return
        code_end = len(text)
        comment = comment_start(text)
        if comment is not None:
            code_end = comment
            self.setFormat(code_end, len(text) - code_end, self._comment)
        code = text[:code_end]
        position = len(code) - len(code.lstrip())
        dashes = _DASHES.match(code)
        if dashes:
            position = dashes.end()
            self.setFormat(dashes.start(2), len(dashes.group(2).rstrip()), self._dash)
        key = _KEY.match(code[position:])
        if key:
            self.setFormat(position, key.end(1), self._key)
            position += key.end()
            if _BLOCK_SCALAR.match(code[position:].strip()):
                self.setCurrentBlockState(indent)
                return
        self._value_part(code, position)

    def _value_part(self, code: str, start: int) -> None:
        value = code[start:]
        if not value.strip():
            return
        self.setFormat(start, len(value), self._value)
        if _KEYWORD.match(value):
            self.setFormat(start, len(value.rstrip()), self._keyword)
            return
        for pattern, text_format in (
            (_NUMBER, self._number),
            (_DURATION, self._duration),
            (_STRING, self._string),
        ):
            for match in pattern.finditer(value):
                self.setFormat(start + match.start(), len(match.group().rstrip()), text_format)


def comment_start(text: str) -> int | None:
    """Where a line's comment begins: a ``#`` after whitespace, outside a quoted value."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"" and (index == 0 or text[index - 1] in " \t[{,"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return index
    return None
