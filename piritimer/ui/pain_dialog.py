"""After a session: pain before and after (0–10) and a short note, all optional.

Made for the keyboard: type a digit (or 1 then 0 for ten) and the next field takes over,
arrow keys move a score up and down, Enter saves, Esc skips in one key. "Don't ask again"
turns the question off (the history view turns it back on).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.i18n import _
from piritimer.core.practice import NOTE_MAX_CHARS, PAIN_MAX, PAIN_MIN, Outcome, Run
from piritimer.widgets.plain import plain_label

ASK_PAIN_KEY = "practice/ask_pain"
NOT_GIVEN = PAIN_MIN - 1
COMPLETE_SCORES = frozenset({"0", *map(str, range(2, PAIN_MAX + 1))})
"""What typed in a score box can mean only one number ("1" may become "10")."""


def asks_pain(settings: QSettings) -> bool:
    return str(settings.value(ASK_PAIN_KEY, "true")).lower() != "false"


def set_asks_pain(settings: QSettings, ask: bool) -> None:
    settings.setValue(ASK_PAIN_KEY, "true" if ask else "false")


class PainDialog(QDialog):
    """Asks about one run; ``annotated()`` gives the run with the answers once accepted."""

    def __init__(self, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.setWindowTitle(_("How was it?"))
        ended = (
            _("{title} — finished") if run.outcome is Outcome.COMPLETED else _("{title} — stopped")
        )
        self.title_label = plain_label(ended.format(title=run.title))
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("cardTitle")
        self.before = self._score(run.pain_before, _("Pain before you started, 0 to 10"))
        self.after = self._score(run.pain_after, _("Pain now, 0 to 10"))
        self.note = QLineEdit(run.note)
        self.note.setMaxLength(NOTE_MAX_CHARS)
        self.note.setPlaceholderText(_("A few words, if you like"))
        self.note.setAccessibleName(_("Note"))
        self.dont_ask = QCheckBox(_("Don't ask after sessions"))
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = buttons.addButton(
            _("Skip (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Pain before (0–10):"), self.before)
        form.addRow(_("Pain after (0–10):"), self.after)
        form.addRow(_("Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(
            plain_label(_("Type a number (1 then 0 for ten) — Enter saves, Esc skips."))
        )
        layout.addLayout(form)
        layout.addWidget(self.dont_ask)
        layout.addWidget(buttons)
        self.before.setFocus()

    def _score(self, value: int | None, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NOT_GIVEN, PAIN_MAX)
        box.setSpecialValueText("–")  # shown for NOT_GIVEN: no answer
        box.setValue(NOT_GIVEN if value is None else value)
        box.setAccessibleName(name)
        line = box.lineEdit()
        line.textEdited.connect(lambda text: self._typed(text))
        return box

    def _typed(self, text: str) -> None:
        if text.strip() in COMPLETE_SCORES | {str(PAIN_MAX)}:
            self.focusNextChild()

    @staticmethod
    def _value(box: QSpinBox) -> int | None:
        value = box.value()
        return None if value == NOT_GIVEN else value

    def annotated(self) -> Run:
        return replace(
            self.run,
            pain_before=self._value(self.before),
            pain_after=self._value(self.after),
            note=self.note.text().strip()[:NOTE_MAX_CHARS],
        )
