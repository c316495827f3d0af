"""The preview's "Today" panel: the plan and how it stands, and today's values of each range.

The person can pick their own plan and, for today, other values; the panel writes those to
the ProgressBook, which says what changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.i18n import N_, _
from piritimer.core.model import Session
from piritimer.core.plan import Plan, parse_plan
from piritimer.core.progression import Today, range_text, value_text, values_at
from piritimer.core.reminders import EVERY_DAY, WEEKDAYS, WEEKEND, ReminderTimes, parse_times
from piritimer.ui.progress_book import NO_PLAN, ProgressBook
from piritimer.ui.reminders import Reminders

PLAN_CHOICES = (
    N_("daily"),
    N_("twice a day"),
    N_("3 times a day"),
    N_("once a week"),
    N_("twice a week"),
    N_("3 days a week"),
    N_("4 days a week"),
    N_("5 days a week"),
)
"""Plans in the session format's words (the combo's data, parsed by ``parse_plan``); each is
shown through ``_``."""
FOLLOW_FILE = "file"
REMINDER_DAYS = (
    (N_("every day"), EVERY_DAY),
    (N_("on weekdays"), WEEKDAYS),
    (N_("at weekends"), WEEKEND),
)


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # exercise names come from the file
    if name:
        label.setObjectName(name)
    return label


class TodayPanel(QFrame):
    """Plan, progress and today's values for the session on show."""

    def __init__(
        self, book: ProgressBook, reminders: Reminders | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.book = book
        self.reminders = reminders
        self.session: Session | None = None
        self.title = _label(_("Today"), "section")
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(_("Plan"))
        self.plan_combo.setToolTip(_("How often you mean to do this session"))
        self.plan_combo.activated.connect(self._plan_chosen)
        self.progress_label = _label("", "meta")
        plan_row = QHBoxLayout()
        plan_row.addWidget(_label(_("Plan:")))
        plan_row.addWidget(self.plan_combo)
        plan_row.addWidget(self.progress_label, 1)
        self.values_grid = QGridLayout()
        self.values_grid.setHorizontalSpacing(12)
        self.value_combos: list[QComboBox] = []
        self.explanations: list[QLabel] = []
        self._rows: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.title)
        layout.addLayout(plan_row)
        self.remind_times = QLineEdit()
        self.remind_times.setPlaceholderText(_("e.g. 08:00, 18:30"))
        self.remind_times.setMinimumWidth(
            self.remind_times.fontMetrics().horizontalAdvance("0") * 24
        )
        self.remind_times.setAccessibleName(_("Reminder times"))
        self.remind_times.setToolTip(_("Times of day for a desktop notification; empty for none"))
        self.remind_times.editingFinished.connect(self._reminder_edited)
        self.remind_days = QComboBox()
        self.remind_days.setAccessibleName(_("Reminder days"))
        for text, days in REMINDER_DAYS:
            self.remind_days.addItem(_(text), sorted(days))
        self.remind_days.activated.connect(lambda _index: self._reminder_edited())
        self.remind_problem = _label("", "warning")
        remind_row = QHBoxLayout()
        remind_row.addWidget(_label(_("Remind me at:")))
        remind_row.addWidget(self.remind_times)
        remind_row.addWidget(self.remind_days)
        remind_row.addWidget(self.remind_problem, 1)
        remind_row.addStretch(1)
        if reminders is not None:
            layout.addLayout(remind_row)
        for widget in (self.remind_times, self.remind_days, self.remind_problem):
            widget.setVisible(reminders is not None)
        layout.addLayout(self.values_grid)

    def show_session(self, session: Session | None) -> None:
        self.session = session
        self.setVisible(session is not None)
        if session is None:
            return
        self._fill_plan(session)
        self._fill_values(session)
        self._fill_reminder(session)

    # -- plan ---------------------------------------------------------------------------------

    def _fill_plan(self, session: Session) -> None:
        combo = self.plan_combo
        combo.clear()
        own = self.book.own_plan(session)
        from_file = session.plan.text() if session.plan else _("no plan")
        combo.addItem(_("as the file says ({plan})").format(plan=from_file), FOLLOW_FILE)
        for text in PLAN_CHOICES:
            combo.addItem(_(text), text)
        combo.addItem(_("no plan"), NO_PLAN)
        wanted = FOLLOW_FILE if own is None else (own.text() if isinstance(own, Plan) else NO_PLAN)
        index = combo.findData(wanted)
        if index < 0:  # a plan of one's own that the list does not offer
            combo.addItem(wanted, wanted)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self.progress_label.setText(self.book.progress_text(session))

    def _plan_chosen(self, index: int) -> None:
        if self.session is None:
            return
        data = str(self.plan_combo.itemData(index))
        plan: Plan | str | None
        plan = None if data == FOLLOW_FILE else NO_PLAN if data == NO_PLAN else parse_plan(data)
        self.book.set_plan(self.session, plan)

    # -- reminders ----------------------------------------------------------------------------

    def _fill_reminder(self, session: Session) -> None:
        self.remind_problem.setText("")
        self.remind_problem.setVisible(False)
        reminder = (
            self.reminders.of(session.path)
            if self.reminders is not None and session.path is not None
            else None
        )
        self.remind_times.setText(reminder.times.text() if reminder else "")
        days = sorted(reminder.times.days) if reminder else sorted(EVERY_DAY)
        index = self.remind_days.findData(days)
        self.remind_days.setCurrentIndex(max(0, index))

    def _reminder_edited(self) -> None:
        if self.session is None or self.session.path is None or self.reminders is None:
            return
        try:
            times = parse_times(self.remind_times.text())
        except ValueError as error:
            self.remind_problem.setText(str(error))
            self.remind_problem.setVisible(True)
            return
        self.remind_problem.setVisible(False)
        days = frozenset(self.remind_days.currentData() or EVERY_DAY)
        self.remind_times.setText(ReminderTimes(times).text())
        self.reminders.set_times(self.session.path, self.session.title, ReminderTimes(times, days))

    # -- today's values -----------------------------------------------------------------------

    def _fill_values(self, session: Session) -> None:
        for widget in self._rows:
            self.values_grid.removeWidget(widget)
            widget.deleteLater()
        self._rows, self.value_combos, self.explanations = [], [], []
        for row, (index, today) in enumerate(sorted(self.book.todays(session).items())):
            name = _label(session.exercises[index].name)
            combo = self._level_combo(today)
            combo.setAccessibleName(
                _("Today's values for {exercise}").format(exercise=session.exercises[index].name)
            )
            combo.activated.connect(
                lambda level, i=index, c=combo: self._level_chosen(i, c.itemData(level))
            )
            words = _label(
                f"{range_text(today.progression, today.values)} — {today.explanation()}", "meta"
            )
            self.values_grid.addWidget(name, row, 0)
            self.values_grid.addWidget(combo, row, 1)
            self.values_grid.addWidget(words, row, 2)
            self.values_grid.setColumnStretch(2, 1)
            self._rows += [name, combo, words]
            self.value_combos.append(combo)
            self.explanations.append(words)

    @staticmethod
    def _level_combo(today: Today) -> QComboBox:
        combo = QComboBox()
        for level in range(today.decision.top_level + 1):
            text = value_text(today.progression, values_at(today.progression, level))
            suggested = level == today.decision.level
            combo.addItem(
                _("{values} (suggested)").format(values=text) if suggested else text, level
            )
        combo.setCurrentIndex(today.level)
        combo.setToolTip(_("Today's values; the suggestion follows your past runs"))
        return combo

    def _level_chosen(self, index: int, level: int) -> None:
        if self.session is None:
            return
        suggested = self.book.todays(self.session)[index].decision.level
        self.book.choose_level(self.session, index, None if level == suggested else level)
