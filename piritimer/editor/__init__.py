"""Editing session files inside piritimer: a YAML editor with live checking and safe saving.

The main window imports this lazily and calls ``open_editor``; everything else is internal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from piritimer.editor.window import EditorWindow

__all__ = ["EditorWindow", "close_all_editors", "open_editor"]

_open: list[EditorWindow] = []


def open_editor(path: Path | None, parent: QWidget | None = None) -> EditorWindow:
    """Show an editor for ``path`` (a new session from the template when None).

    A file already open in an editor is brought to the front rather than opened twice, so two
    windows can never save over each other's changes.
    """
    if path is not None:
        wanted = path.resolve()
        for window in _open:
            current = window.document.path
            if current is not None and current.resolve() == wanted:
                window.show()
                window.raise_()
                window.activateWindow()
                return window
    window = EditorWindow(path, parent)
    if parent is not None:
        # A child QMainWindow would be drawn inside its parent: make it a window of its own.
        window.setWindowFlag(Qt.WindowType.Window, True)
    _open.append(window)
    window.destroyed.connect(lambda *_: _forget(window))
    window.show()
    return window


def close_all_editors() -> bool:
    """Close every editor, each asking about its unsaved changes; False if one was kept open.

    The main window calls this before it closes: editors are its children, and Qt would
    otherwise destroy them without asking.
    """
    return all([window.close() for window in list(_open)])


def _forget(window: EditorWindow) -> None:
    if window in _open:
        _open.remove(window)
