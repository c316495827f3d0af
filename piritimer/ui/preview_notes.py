"""The notes a person needs before starting, for the preview: equipment, notes, whose numbers.

A session file's notes were written for a teacher, but they hold what someone practising alone
needs too: what to fetch, heat or cold, "come out slowly", which counts are piritimer's
suggestion and which the source's. The preview shows them here, with what each source gave.
Everything is file text, so every label is plain text (see ``widgets/plain.py``).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from piritimer.core.i18n import N_, _
from piritimer.core.model import Exercise, Session, SideOrder
from piritimer.widgets.plain import plain_label

EQUIPMENT = (
    (N_("foam roller"), r"\b(foam )?roller\b"),
    (N_("wall"), r"\bwall\b"),
    (N_("firm chair"), r"\bchair\b"),
    (N_("mat"), r"\bmat\b"),
    (N_("cushion or pillow"), r"\b(cushions?|pillows?)\b"),
)
"""What a session may ask for (marked ``N_``, shown through ``_``), and the English words
that name it in its setup cues or notes."""


def equipment(session: Session) -> tuple[str, ...]:
    """The things ``session`` names in its setup cues or notes, in a fixed order."""
    texts = [session.notes or ""]
    for exercise in session.exercises:
        texts += [*exercise.setup, exercise.notes or ""]
    text = " ".join(texts).lower()
    return tuple(thing for thing, pattern in EQUIPMENT if re.search(pattern, text))


def working_side_text(exercise: Exercise) -> str:
    """What "working" in the setup means for an exercise that works one side at a time."""
    # Whole sentences for each order: "side" takes a gender and an ending in other languages.
    return {
        SideOrder.NONE: "",
        SideOrder.LEFT: _("Working side: the left side only (“working” in the setup)."),
        SideOrder.RIGHT: _("Working side: the right side only (“working” in the setup)."),
        SideOrder.LEFT_THEN_RIGHT: _(
            "Working side: “working” in the setup means the side being worked, the left one "
            "first, then the right."
        ),
        SideOrder.RIGHT_THEN_LEFT: _(
            "Working side: “working” in the setup means the side being worked, the right one "
            "first, then the left."
        ),
    }[exercise.sides]


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
        labels.append(_text(_("Note: {note}").format(note=exercise.notes), "meta"))
    return labels


class SessionNotes(QFrame):
    """Before you start: what to fetch, the session's notes, and what each source gave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title_label = _text(_("Before you start"), "section")
        self.equipment_label = _text("")
        self.notes_label = _text("")
        self.sources_title = _text(_("What each source gave"), "section")
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
        needed = ", ".join(_(thing) for thing in things)
        self.equipment_label.setText(
            _("You will need: {things}.").format(things=needed) if things else ""
        )
        self.equipment_label.setVisible(bool(things))
        self.notes_label.setText(session.notes or "")
        self.notes_label.setVisible(bool(session.notes))
        taken = [f"• {source.title}: {source.note}" for source in session.sources if source.note]
        if taken:
            taken.append(
                _(
                    "Counts, rests and pace that no source gives are the suggestion of whoever "
                    "wrote the session (for the bundled sessions, piritimer's)."
                )
            )
        self.sources_label.setText("\n".join(taken))
        self.sources_title.setVisible(bool(taken))
        self.sources_label.setVisible(bool(taken))
        self.title_label.setVisible(bool(things or session.notes))
        self.setVisible(bool(things or session.notes or taken))
