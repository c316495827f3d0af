"""Noticing when another program changes the open file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal


class DiskWatch(QObject):
    """Watches one file and reports new contents; our own saves are told apart by their bytes.

    Signals:
        changed(bytes): the file now holds something other than what we last read or wrote.
    """

    changed = Signal(bytes)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_change)
        self.path: Path | None = None
        self.known: bytes | None = None

    def watch(self, path: Path | None, known: bytes | None) -> None:
        """Watch ``path`` (None: nothing), which now holds ``known``."""
        self.path, self.known = path, known
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def _on_change(self, _: str) -> None:
        if self.path is None:
            return
        # A file replaced by rename (atomic saves, ours or another editor's) drops out of the
        # watch: watch the new file under the same name.
        self.watch(self.path, self.known)
        try:
            data = self.path.read_bytes()
        except OSError:
            return  # moved away or mid-replace; the next change event tells us more
        if data != self.known:
            self.known = data
            self.changed.emit(data)
