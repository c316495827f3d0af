"""The runner's controls, described once: buttons, tooltips, shortcuts and the help overlay
are all built from this table, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QKeySequence


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
    label: str
    icon: str
    """Name of the drawn icon (piritimer.widgets.icons); words carry the meaning, icons help."""
    keys: tuple[str, ...]
    help: str

    @property
    def sequences(self) -> list[QKeySequence]:
        """Every sequence to bind. A symbol typed with Shift ("?") arrives as Shift+? on some
        platforms and keymaps and as plain ? on others, so both are bound."""
        keys = list(self.keys)
        keys += [f"Shift+{key}" for key in self.keys if len(key) == 1 and not key.isalnum()]
        return [QKeySequence(key) for key in keys]

    @property
    def keys_text(self) -> str:
        return " or ".join(
            QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in self.keys
        )

    @property
    def tooltip(self) -> str:
        return f"{self.help} ({self.keys_text})"


CONTROLS: tuple[Control, ...] = (
    # Presentation clickers send PageUp/PageDown (and B for "black screen"); keyboards and
    # headsets send the media keys. Both work like the keys a laptop has.
    Control(
        Action.PREVIOUS,
        "Previous",
        "previous",
        ("Left", "PgUp", "Media Previous"),
        "Go back to the previous step",
    ),
    Control(Action.RESTART_STEP, "Restart step", "restart", ("R",), "Start this step again"),
    Control(
        Action.TOGGLE,
        "Pause",
        "play",
        ("Space", "B", "Media Play", "Toggle Media Play/Pause", "Media Pause"),
        "Start, pause, resume, or say you are ready",
    ),
    Control(
        Action.NEXT, "Next", "next", ("Right", "PgDown", "Media Next"), "Skip to the next step"
    ),
    Control(
        Action.STOP,
        "Stop",
        "stop",
        ("Esc", "Media Stop"),
        "Stop and go back to the session overview",
    ),
    Control(
        Action.WHERE,
        "Where am I?",
        "where",
        ("W", "I"),
        "Say the exercise, side, rep, time left and what comes next",
    ),
    Control(Action.FULL_SCREEN, "Full screen", "fullscreen", ("F", "F11"), "Full screen on or off"),
    Control(Action.HELP, "Keys", "help", ("?", "F1"), "Show or hide this list of keys"),
)

BY_ACTION = {control.action: control for control in CONTROLS}
