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
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
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
from piritimer.core.practice import HistoryRow, streak
from piritimer.practice import PracticeLog
from piritimer.practice.exchange import ImportRefused, parse_json, to_csv, to_json
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
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        number, column = index.row(), index.column()
        row = self._rows[number]
        if column == 0:
            if number > 0 and self._rows[number - 1].day == row.day:
                return ""
            return f"{date.fromisoformat(row.day):%a %d %b %Y}"
        return cell_text(row, column)


def cell_text(row: HistoryRow, column: int) -> str:
    if column == 1:
        return f"{datetime.fromisoformat(row.started_at).astimezone():%H:%M}"
    if column == 2:
        return row.title
    if column == 3:
        return row.outcome
    if column == 4:
        return f"{row.step_index + 1} of {row.step_count}"
    if column == 5:
        active = row.active_s
        return "" if active is None else format_clock(active)
    if column == 6:
        return "" if row.pain_before is None else str(row.pain_before)
    if column == 7:
        return "" if row.pain_after is None else str(row.pain_after)
    return row.note


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
        self.setWindowTitle("Practice history — piritimer")
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
            f"Practice log: {where}" if where else "Runs are not being recorded this time."
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
        self.counts.setHorizontalHeaderLabels(["Session", "Runs", "Completed", "Plan"])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

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
        for column, width in enumerate((130, 60, 220, 100, 80, 90, 90, 60)):
            self.table.setColumnWidth(column, width)

        self.export_csv_button = QPushButton("Export CSV…")
        self.export_json_button = QPushButton("Export JSON…")
        self.import_button = QPushButton("Import JSON…")
        self.delete_button = QPushButton("Delete run")
        self.ask_pain_box = QCheckBox("Ask about pain after a session")
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
        left.addWidget(plain_label("Runs per session"))
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
        buttons.addWidget(self.ask_pain_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.location_label)
        layout.addWidget(body, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the log again, after the writes asked for so far."""
        try:
            self.log.flush(FLUSH_WAIT_S)
            rows, counts = self.log.history_rows(), self.log.session_counts()
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(f"The practice log cannot be read: {error}")
            return
        self.set_rows(rows, counts)

    def set_rows(self, rows: list[HistoryRow], counts: list[tuple[str, int, int]]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        days = {date.fromisoformat(day) for day in {row.day for row in rows}}
        days_streak = streak(days, date.today())
        set_plain(
            self.streak_label,
            f"{len(days)} days practised · streak {days_streak.current} "
            f"day{'s' if days_streak.current != 1 else ''} · longest {days_streak.longest}",
        )
        self._mark_calendar(days)
        self.counts.setRowCount(len(counts))
        for number, (title, total, completed) in enumerate(counts):
            plan = self.plan_of(title)
            for column, text in enumerate((title, str(total), str(completed), plan)):
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
            self.say(f"Cannot write {path}: {error.strerror or error}")
            return None
        self.say(f"Exported {len(runs)} runs to {path}.")
        return path

    def import_json(self) -> int | None:
        path = self.choose_open()
        if path is None:
            return None
        try:
            runs = parse_json(path.read_bytes())
        except OSError as error:
            self.say(f"Cannot read {path}: {error.strerror or error}")
            return None
        except ImportRefused as error:
            self.say(f"Nothing imported from {path.name}: {error}.")
            return None
        try:
            added = self.log.add_runs(runs).result(30.0)
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(f"Nothing imported from {path.name}: the practice log refused it ({error}).")
            return None
        self.reload()
        self.logChanged.emit()
        already = len(runs) - added
        self.say(
            f"Imported {added} runs from {path.name}"
            + (f" ({already} were already here)." if already else ".")
        )
        return added

    def delete_selected(self) -> bool:
        run = self.selected_row()
        if run is None:
            self.say("Choose a run in the list first.")
            return False
        when = f"{datetime.fromisoformat(run.started_at).astimezone():%d %b %Y %H:%M}"
        if not self.confirm(f"Delete the run of “{run.title}” on {when}? This cannot be undone."):
            return False
        try:
            self.log.delete(run.id).result(10.0)
        except (TimeoutError, sqlite3.Error, OSError) as error:
            self.say(f"The run could not be deleted: {error}")
            return False
        self.reload()
        self.logChanged.emit()
        self.say(f"Deleted the run of “{run.title}” on {when}.")
        return True

    # -- dialogs (replaceable) ----------------------------------------------------------------

    def _choose_save(self, kind: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, f"Export history as {kind.upper()}", str(Path.home() / name), f"*.{kind}"
        )
        return Path(chosen) if chosen else None

    def _choose_open(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Import history", str(Path.home()), "Practice log (*.json);;All files (*)"
        )
        return Path(chosen) if chosen else None

    def _confirm(self, question: str) -> bool:
        box = plain_message_box(self, QMessageBox.Icon.Question, "Delete run", question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes
