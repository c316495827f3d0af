"""The notes a person needs before starting, for the preview: equipment, notes, whose numbers.

A session file's notes were written for a teacher, but they hold what someone practising alone
needs too: what to fetch, heat or cold, "come out slowly", which counts are piritimer's
suggestion and which the source's. The preview shows them here, with what each source gave.
Everything is file text, so every label is plain text (see ``widgets/plain.py``).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from piritimer.core.model import Exercise, Session, SideOrder
from piritimer.widgets.plain import plain_label

EQUIPMENT = (
    ("foam roller", r"\b(foam )?roller\b"),
    ("wall", r"\bwall\b"),
    ("firm chair", r"\bchair\b"),
    ("mat", r"\bmat\b"),
    ("cushion or pillow", r"\b(cushions?|pillows?)\b"),
)
"""What a session may ask for, and the words that name it in its setup cues or notes."""


def equipment(session: Session) -> tuple[str, ...]:
    """The things ``session`` names in its setup cues or notes, in a fixed order."""
    texts = [session.notes or ""]
    for exercise in session.exercises:
        texts += [*exercise.setup, exercise.notes or ""]
    text = " ".join(texts).lower()
    return tuple(thing for thing, pattern in EQUIPMENT if re.search(pattern, text))


def working_side_text(exercise: Exercise) -> str:
    """What "working" in the setup means for an exercise that works one side at a time."""
    sides = exercise.sides.sides
    if not sides:
        return ""
    if len(sides) == 1:
        return f"Working side: the {sides[0].value} side only (“working” in the setup)."
    first, second = (side.value for side in sides)
    return (
        f"Working side: “working” in the setup means the side being worked, "
        f"the {first} one first, then the {second}."
    )


def _text(text: str, name: str = "") -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def exercise_note_labels(exercise: Exercise) -> list[QLabel]:
    """Labels for one exercise card: which side is working, and the exercise's notes."""
    labels: list[QLabel] = []
    if exercise.sides is not SideOrder.NONE:
        labels.append(_text(working_side_text(exercise), "meta"))
    if exercise.notes:
        labels.append(_text(f"Note: {exercise.notes}", "meta"))
    return labels


class SessionNotes(QFrame):
    """Before you start: what to fetch, the session's notes, and what each source gave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title_label = _text("Before you start", "section")
        self.equipment_label = _text("")
        self.notes_label = _text("")
        self.sources_title = _text("What each source gave", "section")
        self.sources_label = _text("", "meta")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        for widget in (
            self.title_label,
            self.equipment_label,
            self.notes_label,
            self.sources_title,
            self.sources_label,
        ):
            layout.addWidget(widget)
        self.setVisible(False)

    def show_session(self, session: Session | None) -> None:
        if session is None:
            self.setVisible(False)
            return
        things = equipment(session)
        self.equipment_label.setText(f"You will need: {', '.join(things)}." if things else "")
        self.equipment_label.setVisible(bool(things))
        self.notes_label.setText(session.notes or "")
        self.notes_label.setVisible(bool(session.notes))
        taken = [f"• {source.title}: {source.note}" for source in session.sources if source.note]
        if taken:
            taken.append(
                "Counts, rests and pace that no source gives are the suggestion of whoever "
                "wrote the session (for the bundled sessions, piritimer's)."
            )
        self.sources_label.setText("\n".join(taken))
        self.sources_title.setVisible(bool(taken))
        self.sources_label.setVisible(bool(taken))
        self.title_label.setVisible(bool(things or session.notes))
        self.setVisible(bool(things or session.notes or taken))
