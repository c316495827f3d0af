"""EditorWindows: the open editor windows, one per file, owned by the composition root."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from piritimer.editor.window import EditorWindow


class EditorWindows(QObject):
    """Opens editors, brings an already open file to the front, and closes them all.

    Signals:
        tryTimeline(object): a Timeline of one exercise that an editor asks to run ("Try this
            exercise"); the composition root connects it to the main window.
        saved(Path): an editor wrote this file.
    """

    tryTimeline = Signal(object)
    saved = Signal(Path)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open: list[EditorWindow] = []

    @property
    def windows(self) -> list[EditorWindow]:
        return list(self._open)

    def open(self, path: Path | None, parent: QWidget | None = None) -> EditorWindow:
        """Show an editor for ``path`` (a new session from the template when None).

        A file already open in an editor is brought to the front rather than opened twice, so
        two windows can never save over each other's changes.
        """
        # Imported on first use: the editor's modules take longer to load than the home
        # window takes to paint, and most starts never open it.
        from piritimer.editor.window import EditorWindow

        if path is not None:
            wanted = path.resolve()
            for window in self._open:
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
        self._open.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        window.tryTimeline.connect(self.tryTimeline)
        window.saved.connect(self.saved)
        window.openRequested.connect(lambda wanted: self.open(wanted, parent))
        window.show()
        return window

    def close_all(self) -> bool:
        """Close every editor, each asking about its unsaved changes; False if one was kept open.

        The main window calls this before it closes: editors are its children, and Qt would
        otherwise destroy them without asking.
        """
        return all([window.close() for window in list(self._open)])

    def _forget(self, window: EditorWindow) -> None:
        if window in self._open:
            self._open.remove(window)
