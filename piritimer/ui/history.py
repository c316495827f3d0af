"""The history window: runs by day, a calendar of days practised, the streak, pain over time.

Everything from a session file (titles, notes, step names) is shown as plain text: the
table's cells are painted as text by the item delegate, labels are told PlainText. It reads
`HistoryRow`s, not whole runs, and the table is a model over them that formats a row only
when it is painted, so ten years of daily runs cost little; the pain chart
(``pain_chart``, with QtCharts) is drawn just after the first paint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext, pgettext
from piritimer.core.practice import HistoryRow, streak
from piritimer.practice import PracticeLog
from piritimer.practice.exchange import ImportRefused, parse_json, to_csv, to_json
from piritimer.practice.words import outcome_text
from piritimer.ui.pain_dialog import asks_pain, set_asks_pain
from piritimer.widgets.plain import plain_label, plain_message_box, set_plain

if TYPE_CHECKING:
    from piritimer.ui.pain_chart import PainChart

COLUMNS = (
    "Day",
    "Time",
    "Session",
    "Outcome",
    "Step",
    "Time spent",
    "Pain before",
    "Pain after",
    "Note",
)
"""The table's columns, by their English names (``column_titles`` says them as shown)."""


def column_titles() -> tuple[str, ...]:
    """The table's headers in the app's language ("Time" is a time of day here)."""
    return (
        pgettext("history column", "Day"),
        pgettext("history column", "Time"),
        pgettext("history column", "Session"),
        pgettext("history column", "Outcome"),
        pgettext("history column", "Step"),
        pgettext("history column", "Time spent"),
        pgettext("history column", "Pain before"),
        pgettext("history column", "Pain after"),
        pgettext("history column", "Note"),
    )


PRACTISED_COLOR = "#2e7d5b"
FLUSH_WAIT_S = 5.0
Index = QModelIndex | QPersistentModelIndex


class RunsModel(QAbstractTableModel):
    """Runs newest first; the day is written on the first run of each day only. A row's
    times are parsed only when it is painted."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, number: int) -> HistoryRow:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        number, column = index.row(), index.column()
        row = self._rows[number]
        if column == 0:
            if number > 0 and self._rows[number - 1].day == row.day:
                return ""
            return day_text(date.fromisoformat(row.day))
        return cell_text(row, column)


def day_format(locale: QLocale) -> str:
    """The locale's long date with short names: "Wed, Dec 2, 2026", "Mi., 2. Dez. 2026",
    "mer. 2 déc. 2026" (Qt has no medium format; the long one says the order and words)."""
    return (
        locale.dateFormat(QLocale.FormatType.LongFormat)
        .replace("dddd", "ddd")
        .replace("MMMM", "MMM")
    )


def day_text(day: date) -> str:
    """A day in the app's locale (QLocale's default is the app's language)."""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), day_format(locale))


def time_text(moment: datetime) -> str:
    """A local time of day in the app's locale ("14:05", "2:05 PM")."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def moment_text(moment: datetime) -> str:
    """A local day and time in the app's locale, for a sentence."""
    local = moment.astimezone()
    return _("{day} at {time}").format(day=day_text(local.date()), time=time_text(local))


def number_text(value: int) -> str:
    return QLocale().toString(value)


def cell_text(row: HistoryRow, column: int) -> str:
    if column == 1:
        return time_text(datetime.fromisoformat(row.started_at))
    if column == 2:
        return row.title
    if column == 3:
        return outcome_text(row.outcome)
    if column == 4:
        return _("{step} of {count}").format(
            step=number_text(row.step_index + 1), count=number_text(row.step_count)
        )
    if column == 5:
        active = row.active_s
        return "" if active is None else format_clock(active)
    if column == 6:
        return "" if row.pain_before is None else number_text(row.pain_before)
    if column == 7:
        return "" if row.pain_after is None else number_text(row.pain_after)
    return row.note


def streak_text(days_practised: int, current: int, longest: int) -> str:
    """ "4 days practised · streak 3 days · longest 3"."""
    # Three phrases a separator lists, as a plan's standing is: each is whole on its own.
    return " · ".join(
        (
            ngettext("{n} day practised", "{n} days practised", days_practised).format(
                n=number_text(days_practised)
            ),
            ngettext("streak {n} day", "streak {n} days", current).format(n=number_text(current)),
            ngettext("longest {n}", "longest {n}", longest).format(n=number_text(longest)),
        )
    )


class HistoryWindow(QWidget):
    """A window over the practice log; ``choose_save``, ``choose_open`` and ``confirm`` may
    be replaced (tests answer them).

    Signals:
        logChanged(): runs were imported or deleted here (plans and ranges count again).
    """

    logChanged = Signal()

    def __init__(
        self,
        log: PracticeLog,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        plan_of: Callable[[str], str] = lambda _title: "",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Practice history — piritimer"))
        self.log = log
        self.plan_of = plan_of
        """How a session's plan stands ("1 of 2 today · 4 days in a row"), by its title."""
        self.settings = settings
        self.rows: list[HistoryRow] = []
        self.choose_save: Callable[[str, str], Path | None] = self._choose_save
        self.choose_open: Callable[[], Path | None] = self._choose_open
        self.confirm: Callable[[str], bool] = self._confirm
        self._build()
        self.reload()
        self.resize(1100, 760)

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        where = self.log.location
        self.location_label = plain_label(
            _("Practice log: {path}").format(path=where)
            if where
            else _("Runs are not being recorded this time.")
        )
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_label.setObjectName("meta")
        self.streak_label = plain_label()
        bold = self.streak_label.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.streak_label.setFont(bold)
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._days: set[date] = set()
        self.calendar.currentPageChanged.connect(self._mark_page)
        self.counts = QTableWidget(0, 4)
        self.counts.setHorizontalHeaderLabels(
            [
                pgettext("history column", "Session"),
                pgettext("history column", "Runs"),
                pgettext("history column", "Completed"),
                pgettext("history column", "Plan"),
            ]
        )
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        counts_header = self.counts.horizontalHeader()
        counts_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The counts are short and their headers' length is the language's: fit them.
        for column in (1, 2):
            counts_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.chart: PainChart | None = None
        self.chart_holder = QWidget()
        self.chart_holder.setMinimumHeight(240)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        self.model = RunsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Never narrower than the column's heading: some languages' words are longer.
        for column, width in enumerate((150, 60, 220, 100, 80, 90, 90, 60)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

        self.export_csv_button = QPushButton(_("Export CSV…"))
        self.export_json_button = QPushButton(_("Export JSON…"))
        self.import_button = QPushButton(_("Import JSON…"))
        self.delete_button = QPushButton(_("Delete run"))
        self.ask_pain_box = QCheckBox(_("Ask about pain after a session"))
        self.ask_pain_box.setChecked(asks_pain(self.settings))
        self.ask_pain_box.toggled.connect(lambda on: set_asks_pain(self.settings, on))
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.export_json_button.clicked.connect(lambda: self.export("json"))
        self.import_button.clicked.connect(self.import_json)
        self.delete_button.clicked.connect(self.delete_selected)
        recording = self.log.location is not None
        for button in (self.import_button, self.delete_button):
            button.setEnabled(recording)

        left = QVBoxLayout()
        left.addWidget(self.streak_label)
        left.addWidget(self.calendar)
        left.addWidget(plain_label(_("Runs per session")))
        left.addWidget(self.counts, 1)
        left_panel = QWidget()
        left_panel.setLayout(left)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart_holder)
        right.addWidget(self.table)
        right.setStretchFactor(1, 2)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left_panel)
        body.addWidget(right)
        body.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        for widget in (
            self.export_csv_button,
            self.export_json_button,
            self.import_button,
            self.delete_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.location_label)
        layout.addWidget(body, 1)
        layout.addWidget(self.status_label)
        # The question on a line of its own: beside four buttons it made the window wider
        # than a 1366-pixel laptop in German and French.
        layout.addWidget(self.ask_pain_box)
        layout.addLayout(buttons)

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the log again, after the writes asked for so far."""
        try:
            self.log.flush(FLUSH_WAIT_S)
            rows, counts = self.log.history_rows(), self.log.session_counts()
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(_("The practice log cannot be read: {error}").format(error=error))
            return
        self.set_rows(rows, counts)

    def set_rows(self, rows: list[HistoryRow], counts: list[tuple[str, int, int]]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        days = {date.fromisoformat(day) for day in {row.day for row in rows}}
        days_streak = streak(days, date.today())
        set_plain(
            self.streak_label, streak_text(len(days), days_streak.current, days_streak.longest)
        )
        self._mark_calendar(days)
        self.counts.setRowCount(len(counts))
        for number, (title, total, completed) in enumerate(counts):
            plan = self.plan_of(title)
            shown = (title, number_text(total), number_text(completed), plan)
            for column, text in enumerate(shown):
                self.counts.setItem(number, column, QTableWidgetItem(text))
        # The chart (and QtCharts) comes right after the first paint: the rest of the window
        # is what a person reads first, and it is on screen sooner.
        QTimer.singleShot(0, self, self._draw_chart)

    def _draw_chart(self) -> None:
        from piritimer.ui.pain_chart import PainChart

        if self.chart is None:
            self.chart = PainChart()
            layout = self.chart_holder.layout()
            assert layout is not None
            layout.addWidget(self.chart)
        self.chart.set_rows(self.rows)

    def _mark_calendar(self, days: set[date]) -> None:
        self._days = days
        self._mark_page(self.calendar.yearShown(), self.calendar.monthShown())

    def _mark_page(self, year: int, month: int) -> None:
        """Mark the days practised on the month shown and the weeks of its neighbours that
        show with it: ten years are 3,650 formats, a page needs at most 42."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date
        practised = QTextCharFormat()
        practised.setBackground(QBrush(QColor(PRACTISED_COLOR)))
        practised.setForeground(QBrush(QColor("white")))
        practised.setFontWeight(QFont.Weight.Bold)
        first = date(year, month, 1) - timedelta(days=7)
        for offset in range(6 * 7 + 14):
            day = first + timedelta(days=offset)
            if day in self._days:
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), practised)

    def selected_row(self) -> HistoryRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row(chosen[0].row()) if chosen else None

    # -- owning the data ----------------------------------------------------------------------

    def say(self, text: str) -> None:
        set_plain(self.status_label, text)

    def export(self, kind: str) -> Path | None:
        path = self.choose_save(kind, f"piritimer-practice.{kind}")
        if path is None:
            return None
        runs = self.log.runs()
        text = to_csv(runs) if kind == "csv" else to_json(runs)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.say(
                _("Cannot write {path}: {error}").format(path=path, error=error.strerror or error)
            )
            return None
        self.say(
            ngettext(
                "Exported {n} run to {path}.", "Exported {n} runs to {path}.", len(runs)
            ).format(n=number_text(len(runs)), path=path)
        )
        return path

    def import_json(self) -> int | None:
        path = self.choose_open()
        if path is None:
            return None
        try:
            runs = parse_json(path.read_bytes())
        except OSError as error:
            self.say(
                _("Cannot read {path}: {error}").format(path=path, error=error.strerror or error)
            )
            return None
        except ImportRefused as error:
            self.say(
                _("Nothing imported from {name}: {error}.").format(name=path.name, error=error)
            )
            return None
        try:
            added = self.log.add_runs(runs).result(30.0)
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(
                _("Nothing imported from {name}: the practice log refused it ({error}).").format(
                    name=path.name, error=error
                )
            )
            return None
        self.reload()
        self.logChanged.emit()
        already = len(runs) - added
        imported = ngettext(
            "Imported {n} run from {name}.", "Imported {n} runs from {name}.", added
        ).format(n=number_text(added), name=path.name)
        if already:
            here = ngettext("{n} was already here.", "{n} were already here.", already)
            imported = f"{imported} {here.format(n=number_text(already))}"
        self.say(imported)
        return added

    def delete_selected(self) -> bool:
        run = self.selected_row()
        if run is None:
            self.say(_("Choose a run in the list first."))
            return False
        when = moment_text(datetime.fromisoformat(run.started_at))
        question = _("Delete the run of “{title}” on {when}? This cannot be undone.")
        if not self.confirm(question.format(title=run.title, when=when)):
            return False
        try:
            self.log.delete(run.id).result(10.0)
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(_("The run could not be deleted: {error}").format(error=error))
            return False
        self.reload()
        self.logChanged.emit()
        self.say(_("Deleted the run of “{title}” on {when}.").format(title=run.title, when=when))
        return True

    # -- dialogs (replaceable) ----------------------------------------------------------------

    def _choose_save(self, kind: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export history as {format}").format(format=kind.upper()),
            str(Path.home() / name),
            f"*.{kind}",
        )
        return Path(chosen) if chosen else None

    def _choose_open(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import history"),
            str(Path.home()),
            _("Practice log (*.json);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    def _confirm(self, question: str) -> bool:
        box = plain_message_box(self, QMessageBox.Icon.Question, _("Delete run"), question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes
