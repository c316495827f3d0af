"""Walks a widget tree for text Qt would render as rich text, and catches image loads.

Any view test can call ``assert_no_markup_rendered(widget)`` after showing a session file
full of markup (``hostile_text``): it fails when a label in rich-text (or guessing) mode, a
tooltip, an item's tooltip, an action's tooltip, a text edit's document or an underline's
tooltip holds the file's markup unescaped. ``ImageTrap`` is a FIFO that counts every open,
so a test can also prove that no ``<img src=…>`` was followed: opening it never hangs, a
helper process on the other end answers each open with a few junk bytes.

A view that shows file text through a path this walker does not know (a QStaticText, a
custom painter) must be checked in its own test.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QTreeView,
    QWidget,
)

from piritimer.widgets.plain import might_be_rich

# What a file's markup looks like once Qt has been told it is markup: tags, unescaped.
RAW_TAGS = ("<img", "<a ", "<table", "<font")

_ANSWER_OPENS = r"""
import os, sys
fifo, log, stop = sys.argv[1:]
while True:
    fd = os.open(fifo, os.O_WRONLY)  # blocks until someone opens the FIFO to read
    if os.path.exists(stop):
        os.close(fd)
        break
    with open(log, "a") as out:
        out.write("opened\n")
    try:
        os.write(fd, b"not an image")
    except BrokenPipeError:
        pass
    os.close(fd)
"""


class ImageTrap:
    """A FIFO whose every open is counted (a reader gets junk and end of file, never a hang).

    Qt's rich text reads ``<img src=…>`` on the GUI thread, holding Python's lock, so the
    answering end must be another process, not a thread.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "trap.png"
        self._log = folder / "trap-opens.log"
        self._stop = folder / "trap-stop"
        os.mkfifo(self.path)
        self._process = subprocess.Popen(
            [sys.executable, "-c", _ANSWER_OPENS, str(self.path), str(self._log), str(self._stop)]
        )

    @property
    def opens(self) -> int:
        return self._log.read_text().count("opened") if self._log.exists() else 0

    def close(self) -> None:
        self._stop.touch()
        reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)  # wakes the waiting writer
        try:
            self._process.wait(timeout=30)
        finally:
            os.close(reader)


def hostile_text(trap: Path, word: str = "x") -> str:
    """Markup as a stranger would write it; ``word`` tells fields apart in failures."""
    return (
        f'{word} <img src="{trap}"> <a href="file:///etc/passwd">click</a>'
        "<table width=4000 height=4000><tr><td>cell</td></tr></table>"
        f"<font size=99>{word}</font>"
    )


def hostile_name(trap: Path) -> str:
    """A file name (no slashes) that is markup pointing at the trap."""
    return f'<img src="file:{str(trap).replace("/", "%2F")}"><font size=99>n.yaml'


FIELDS = (
    "TITLE SUMMARY SAFETY CREDITS NOTES SRCTITLE AUTHOR SITE DATE SRCNOTE "
    "NAME ABOUT SETUP CUE EXNOTES"
).split()


def quoted(text: str) -> str:
    """``text`` as a single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


def hostile_yaml(trap: Path) -> str:
    """A valid session whose every text field is markup naming ``trap``, marked by field."""
    m = {field: quoted(hostile_text(trap, field)) for field in FIELDS}
    return textwrap.dedent(
        f"""\
        format: 1
        title: {m["TITLE"]}
        summary: {m["SUMMARY"]}
        safety: {m["SAFETY"]}
        credits: {m["CREDITS"]}
        notes: {m["NOTES"]}
        tags: [plain]
        sources:
          - title: {m["SRCTITLE"]}
            author: {m["AUTHOR"]}
            site: {m["SITE"]}
            date: {m["DATE"]}
            note: {m["SRCNOTE"]}
            # The loader refuses any scheme but http(s); markup can still ride in the URL.
            url: 'https://example.org/?q=<b>bold</b><img/src=x>'
        exercises:
          - name: {m["NAME"]}
            about: {m["ABOUT"]}
            notes: {m["EXNOTES"]}
            setup:
              - {m["SETUP"]}
            setup time: 5s
            get ready: 2s
            hold: 10s
            sides: left then right
            cues:
              hold: {m["CUE"]}
        """
    )


def _rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format is Qt.TextFormat.PlainText:
        return False
    if text_format is Qt.TextFormat.AutoText:
        return might_be_rich(text)
    return True  # RichText, MarkdownText (which passes HTML through)


def _item_tooltips(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    if isinstance(view, QTreeView):
        view.expandAll()  # lazily filled rows exist only once expanded
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            # A list's model hides columnCount from Python: it has one column.
            columns = 1 if isinstance(view, QListView) else model.columnCount(parent)
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    yield tip
                if column == 0 and not isinstance(view, QListView) and model.rowCount(index):
                    pending.append(index)


def rich_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string under ``root`` that Qt renders as rich text."""
    for widget in (root, *root.findChildren(QWidget)):
        where = f"{type(widget).__name__}#{widget.objectName()}"
        for kind, tip in (("tooltip", widget.toolTip()), ("what's this", widget.whatsThis())):
            if tip and might_be_rich(tip):
                yield f"{where} {kind}", tip
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if might_be_rich(widget.tabToolTip(tab)):
                    yield f"{where} tab tooltip", widget.tabToolTip(tab)
        for action in widget.actions():
            if isinstance(action, QAction) and might_be_rich(action.toolTip()):
                yield f"{where} action tooltip", action.toolTip()
        if isinstance(widget, QLabel) and _rich(widget.text(), widget.textFormat()):
            yield f"{where} text", widget.text()
        if isinstance(widget, QTextEdit):  # plain content comes back escaped from toHtml
            yield f"{where} document", widget.toHtml()
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            for selection in widget.extraSelections():
                selection_tip = selection.format.toolTip()  # type: ignore[attr-defined]
                if selection_tip and might_be_rich(selection_tip):
                    yield f"{where} underline tooltip", selection_tip
        if isinstance(widget, QAbstractItemView):
            for item_tip in _item_tooltips(widget):
                if might_be_rich(item_tip):
                    yield f"{where} item tooltip", item_tip


def shown_strings(root: QWidget) -> Iterator[str]:
    """Every string the tree shows or offers as a tooltip, whatever its format."""
    for widget in (root, *root.findChildren(QWidget)):
        yield widget.windowTitle()
        yield widget.toolTip()
        yield widget.accessibleName()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            yield widget.toPlainText()
        if isinstance(widget, QAbstractItemView):
            yield from _item_tooltips(widget)
            model = widget.model()
            pending = [QModelIndex()]
            while model is not None and pending:
                parent = pending.pop()
                for row in range(model.rowCount(parent)):
                    index = model.index(row, 0, parent)
                    yield str(index.data() or "")
                    if not isinstance(widget, QListView) and model.rowCount(index):
                        pending.append(index)


def render_everything(root: QWidget) -> None:
    """Lay out every rich string as Qt would when shown (loading any images it names)."""
    for widget in (root, *root.findChildren(QWidget)):
        if isinstance(widget, QLabel):
            widget.sizeHint()
            widget.heightForWidth(400)
    for _where, text in rich_strings(root):
        document = QTextDocument()  # as a tooltip or a label would show it
        document.setHtml(text)
        document.setTextWidth(400)
        document.size()


def assert_no_markup_rendered(root: QWidget) -> None:
    """Nothing under ``root`` renders file markup; raises with the offenders listed."""
    render_everything(root)
    offenders = [
        f"{where}: {text[:160]!r}"
        for where, text in rich_strings(root)
        if any(tag in text.lower() for tag in RAW_TAGS)
    ]
    assert not offenders, "file text rendered as markup:\n" + "\n".join(offenders)


def assert_shows(root: QWidget, fragment: str) -> None:
    """``fragment`` (file text) does reach the view: the check above was not vacuous."""
    forms = (fragment, html.escape(fragment, quote=False), html.escape(fragment, quote=True))
    assert any(form in text for text in shown_strings(root) for form in forms), (
        f"{fragment!r} is not shown anywhere in {type(root).__name__}"
    )


def top_level_tooltips() -> list[QWidget]:
    """The tooltip windows Qt has open now (QToolTip's label is a top-level QLabel)."""
    return [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel")]
