"""Text the program did not write is shown as text, never as markup: the one rule, in one place.

Qt guesses. A QLabel, a tooltip or a message box whose string merely *looks* like HTML is
rendered as rich text, and then ``<img src=…>`` reads local files (``/dev/zero`` until memory
runs out, a FIFO forever), ``<table>`` covers buttons and ``<a>`` invites a click. Session
files travel between strangers, and their text, their names and the diagnostics that quote
them reach almost every view, so every view goes through these helpers:

- ``plain_label`` / ``set_plain``: a label that never guesses.
- ``plain_tooltip``: tooltips cannot be told their format, so the text is escaped inside
  rich text that the app writes itself (and that shows it literally).
- ``escape``: for the app's own rich text that embeds file text.
- ``plain_message_box``: a message box whose text and informative text are plain.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def escape(text: str) -> str:
    """``text`` made inert inside rich text the app writes; line breaks are kept.

    For element content; an attribute value needs ``html.escape(value, quote=True)``.
    """
    return html.escape(text, quote=False).replace("\n", "<br>")


def might_be_rich(text: str) -> bool:
    """Qt's own guess, the one QLabel (AutoText) and QToolTip make."""
    return bool(QtGui.Qt.mightBeRichText(text))


def plain_tooltip(text: str) -> str:
    """A tooltip string that Qt shows literally, spaces and line breaks included."""
    if not might_be_rich(text):
        return text  # Qt shows it as plain text already
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=True)}</p>"


def set_plain(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` as plain text, whatever it looks like."""
    label.setTextFormat(PLAIN)
    label.setText(text)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    set_plain(label, text)
    return label


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
) -> QMessageBox:
    """A QMessageBox showing ``text`` and ``informative`` as plain text (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(PLAIN)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)  # takes the box's text format
    return box
