"""Hide the mouse pointer over the audience view when it has not moved for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

IDLE_MS = 2000


class CursorHider(QObject):
    """Blank cursor after ``IDLE_MS`` without mouse movement over ``widget``; back on a move.

    Watches the widget's native window, which receives every mouse move whatever child is
    under the pointer and whether or not any widget tracks the mouse.
    """

    def __init__(self, widget: QWidget, idle_ms: int = IDLE_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.hide_cursor)
        widget.installEventFilter(self)
        self._watched_window: QObject | None = None
        self._watch_window()

    @property
    def hidden(self) -> bool:
        return self._widget.cursor().shape() == Qt.CursorShape.BlankCursor

    def hide_cursor(self) -> None:
        self._widget.setCursor(Qt.CursorShape.BlankCursor)

    def moved(self) -> None:
        if self.hidden:
            self._widget.unsetCursor()
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.Enter):
            self.moved()
        elif kind is QEvent.Type.Show and watched is self._widget:
            self._watch_window()
            self.timer.start()
        return False

    def _watch_window(self) -> None:
        handle = self._widget.windowHandle()
        if handle is not None and handle is not self._watched_window:
            handle.installEventFilter(self)
            self._watched_window = handle
