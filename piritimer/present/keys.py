"""Clicker keys: the keys presentation clickers send, caught anywhere in the app while the mode
is open, as presentation software does.

An application-wide event filter rather than shortcuts on one window: the teacher may have
clicked the presenter window, the home window or a button, and the clicker must still work.
Typing in a text field is left alone, and so is anything while a modal dialog is up.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

Key = Qt.Key
Mod = Qt.KeyboardModifier


class Action(Enum):
    NEXT = auto()
    PREVIOUS = auto()
    BLANK = auto()
    """Blank the screen and pause; again to show it (still paused)."""
    START = auto()
    """From the beginning (F5)."""
    START_HERE = auto()
    """Start or resume from the current step (Shift+F5)."""
    TOGGLE = auto()
    LEAVE = auto()
    ADD_MINUTE = auto()
    REMOVE_MINUTE = auto()
    SWAP_SCREENS = auto()
    """The class view to the presenter's screen and back (S)."""
    PRESENTER_VIEW = auto()
    """With one screen left: the presenter view over the class view, or away again (P)."""
    REMOTE = auto()
    """The phone remote on or off (a presenter button; no key)."""


KEYS: dict[tuple[Key, bool], Action] = {
    (Key.Key_PageDown, False): Action.NEXT,
    (Key.Key_Right, False): Action.NEXT,
    (Key.Key_PageUp, False): Action.PREVIOUS,
    (Key.Key_Left, False): Action.PREVIOUS,
    (Key.Key_B, False): Action.BLANK,
    (Key.Key_Period, False): Action.BLANK,
    (Key.Key_F5, False): Action.START,
    (Key.Key_F5, True): Action.START_HERE,
    (Key.Key_Escape, False): Action.LEAVE,
    (Key.Key_Space, False): Action.TOGGLE,
    (Key.Key_Plus, False): Action.ADD_MINUTE,
    (Key.Key_Plus, True): Action.ADD_MINUTE,
    (Key.Key_Equal, False): Action.ADD_MINUTE,
    (Key.Key_Minus, False): Action.REMOVE_MINUTE,
    (Key.Key_S, False): Action.SWAP_SCREENS,
    (Key.Key_P, False): Action.PRESENTER_VIEW,
}
"""(key, shift held) → action. Clickers send exactly these: PageDown/PageUp (or the arrows),
B or "." to black the screen, F5 / Shift+F5 to start, Esc to end. S and P are the teacher's
own, on the laptop's keyboard: swap the screens, show the presenter view on a lone screen."""

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def action_for(event: QKeyEvent) -> Action | None:
    """The clicker action a key press stands for, or None (Ctrl/Alt/Meta chords never are)."""
    modifiers = event.modifiers() & ~Mod.KeypadModifier
    if modifiers & (Mod.ControlModifier | Mod.AltModifier | Mod.MetaModifier):
        return None
    shift = bool(modifiers & Mod.ShiftModifier)
    return KEYS.get((Key(event.key()), shift))


class ClickerKeys(QObject):
    """While installed, turns clicker keys anywhere in the application into actions.

    Signals:
        triggered(object): the Action a key press stood for.
    """

    triggered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        # A key reaches the window (QWindow) and then the focus widget; act on the widget only.
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if QApplication.activeModalWidget() is not None or isinstance(watched, _TEXT_INPUTS):
            return False
        action = action_for(event)
        if action is None:
            return False
        if kind is QEvent.Type.ShortcutOverride:
            # Claim the key so that no window's shortcut takes it; the KeyPress follows.
            event.accept()
            return True
        if not event.isAutoRepeat():
            self.triggered.emit(action)
        return True
