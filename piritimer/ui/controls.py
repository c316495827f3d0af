"""The runner's controls, described once: buttons, tooltips, shortcuts and the help overlay
are all built from this table, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QKeySequence

from piritimer.core.i18n import N_, _
from piritimer.ui.local_format import keys_text


class Action(Enum):
    PREVIOUS = auto()
    RESTART_STEP = auto()
    TOGGLE = auto()
    NEXT = auto()
    STOP = auto()
    WHERE = auto()
    FULL_SCREEN = auto()
    HELP = auto()


@dataclass(frozen=True)
class Control:
    action: Action
    label_source: str
    """The button's words in English, marked with ``N_``; ``label`` is them translated."""
    icon: str
    """Name of the drawn icon (piritimer.widgets.icons); words carry the meaning, icons help."""
    keys: tuple[str, ...]
    help_source: str

    @property
    def label(self) -> str:
        return _(self.label_source)

    @property
    def help(self) -> str:
        return _(self.help_source)

    @property
    def sequences(self) -> list[QKeySequence]:
        """Every sequence to bind. A symbol typed with Shift ("?") arrives as Shift+? on some
        platforms and keymaps and as plain ? on others, so both are bound."""
        keys = list(self.keys)
        keys += [f"Shift+{key}" for key in self.keys if len(key) == 1 and not key.isalnum()]
        return [QKeySequence(key) for key in keys]

    @property
    def keys_text(self) -> str:
        return keys_text(*self.keys)

    @property
    def tooltip(self) -> str:
        return _("{action} ({keys})").format(action=self.help, keys=self.keys_text)


CONTROLS: tuple[Control, ...] = (
    # Presentation clickers send PageUp/PageDown (and B for "black screen"); keyboards and
    # headsets send the media keys. Both work like the keys a laptop has.
    Control(
        Action.PREVIOUS,
        N_("Previous"),
        "previous",
        ("Left", "PgUp", "Media Previous"),
        N_("Go back to the previous step"),
    ),
    Control(
        Action.RESTART_STEP, N_("Restart step"), "restart", ("R",), N_("Start this step again")
    ),
    Control(
        Action.TOGGLE,
        N_("Pause"),
        "play",
        ("Space", "B", "Media Play", "Toggle Media Play/Pause", "Media Pause"),
        N_("Start, pause, resume, or say you are ready"),
    ),
    Control(
        Action.NEXT,
        N_("Next"),
        "next",
        ("Right", "PgDown", "Media Next"),
        N_("Skip to the next step"),
    ),
    Control(
        Action.STOP,
        N_("Stop"),
        "stop",
        ("Esc", "Media Stop"),
        N_("Stop and go back to the session overview"),
    ),
    Control(
        Action.WHERE,
        N_("Where am I?"),
        "where",
        ("W", "I"),
        N_("Say the exercise, side, rep, time left and what comes next"),
    ),
    Control(
        Action.FULL_SCREEN,
        N_("Full screen"),
        "fullscreen",
        ("F", "F11"),
        N_("Full screen on or off"),
    ),
    Control(Action.HELP, N_("Keys"), "help", ("?", "F1"), N_("Show or hide this list of keys")),
)

BY_ACTION = {control.action: control for control in CONTROLS}
