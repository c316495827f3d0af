"""The history window: runs by day, a calendar of days practised, the streak, pain over time.

Everything from a session file (titles, notes, step names) is shown as plain text: the
table's cells are painted as text by the item delegate, labels are told PlainText. The runs
table is a model over the list of runs, so ten years of daily runs cost nothing until
scrolled to; the chart gets its points in one call per series.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSettings,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QTextCharFormat
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
from piritimer.core.practice import Run, counts_by_session, local_day, streak
from piritimer.practice import PracticeLog
from piritimer.practice.exchange import ImportRefused, parse_json, to_csv, to_json
from piritimer.ui.pain_dialog import asks_pain, set_asks_pain
from piritimer.widgets.plain import plain_label, plain_message_box, set_plain

COLUMNS = (
    "Day",
    "Time",
    "Session",
    "Outcome",
    "Step",
    "Time spent",
    "Pain before",
    "after",
    "Note",
)
PRACTISED_COLOR = "#2e7d5b"
Index = QModelIndex | QPersistentModelIndex


class RunsModel(QAbstractTableModel):
    """Runs newest first; the day is written on the first run of each day only."""

    def __init__(self) -> None:
        super().__init__()
        self._runs: list[Run] = []
        self._days: list[date] = []

    def set_runs(self, runs: list[Run]) -> None:
        self.beginResetModel()
        self._runs = sorted(runs, key=lambda r: r.started_at, reverse=True)
        self._days = [local_day(run.started_at) for run in self._runs]
        self.endResetModel()

    def run(self, row: int) -> Run:
        return self._runs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._runs)

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
        row, column = index.row(), index.column()
        run = self._runs[row]
        if column == 0:
            day = self._days[row]
            return "" if row > 0 and self._days[row - 1] == day else f"{day:%a %d %b %Y}"
        return cell_text(run, column)


def cell_text(run: Run, column: int) -> str:
    if column == 1:
        return f"{run.started_at.astimezone():%H:%M}"
    if column == 2:
        return run.title
    if column == 3:
        return run.outcome.value
    if column == 4:
        return f"{run.step_index + 1} of {run.step_count}"
    if column == 5:
        active = run.active_s
        return "" if active is None else format_clock(active)
    if column == 6:
        return "" if run.pain_before is None else str(run.pain_before)
    if column == 7:
        return "" if run.pain_after is None else str(run.pain_after)
    return run.note


def _moment_ms(moment: datetime) -> float:
    return moment.timestamp() * 1000.0


def _points(values: Iterable[tuple[datetime, int | None]]) -> list[QPointF]:
    return [QPointF(_moment_ms(when), pain) for when, pain in values if pain is not None]


class PainChart(QChartView):
    """Pain before and after each run that has them, over time."""

    def __init__(self) -> None:
        chart = QChart()
        chart.setTitle("Pain (0–10)")
        self.before = QLineSeries()
        self.before.setName("before")
        self.after = QLineSeries()
        self.after.setName("after")
        chart.addSeries(self.before)
        chart.addSeries(self.after)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yyyy")
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 10)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.before, self.after):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def set_runs(self, runs: list[Run]) -> None:
        before = [
            QPointF(_moment_ms(r.started_at), r.pain_before)
            for r in runs
            if r.pain_before is not None
        ]
        after = [
            QPointF(_moment_ms(r.started_at), r.pain_after)
            for r in runs
            if r.pain_after is not None
        ]
        self.before.replace(before)
        self.after.replace(after)
        points = before + after
        if points:
            first = min(p.x() for p in points)
            last = max(p.x() for p in points)
            if last - first < 86_400_000:
                last = first + 86_400_000
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(round(first)),
                QDateTime.fromMSecsSinceEpoch(round(last)),
            )
            self.x_axis.setFormat("d MMM" if last - first < 90 * 86_400_000 else "MMM yyyy")

    def point_counts(self) -> tuple[int, int]:
        return self.before.count(), self.after.count()


class HistoryWindow(QWidget):
    """A window over the practice log; ``choose_save``, ``choose_open`` and ``confirm`` may
    be replaced (tests answer them)."""

    def __init__(
        self, log: PracticeLog, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Practice history — piritimer")
        self.log = log
        self.settings = settings
        self.runs: list[Run] = []
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
        self.counts = QTableWidget(0, 3)
        self.counts.setHorizontalHeaderLabels(["Session", "Runs", "Completed"])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.chart = PainChart()
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
        right.addWidget(self.chart)
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
        self.set_runs(self.log.runs())

    def set_runs(self, runs: list[Run]) -> None:
        self.runs = runs
        self.model.set_runs(runs)
        self.chart.set_runs(runs)
        days = {local_day(run.started_at) for run in runs}
        today = date.today()
        days_streak = streak(days, today)
        set_plain(
            self.streak_label,
            f"{len(days)} days practised · streak {days_streak.current} "
            f"day{'s' if days_streak.current != 1 else ''} · longest {days_streak.longest}",
        )
        self._mark_calendar(days)
        counts = counts_by_session(runs)
        self.counts.setRowCount(len(counts))
        for row, (title, total, completed) in enumerate(counts):
            for column, text in enumerate((title, str(total), str(completed))):
                self.counts.setItem(row, column, QTableWidgetItem(text))

    def _mark_calendar(self, days: set[date]) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date
        practised = QTextCharFormat()
        practised.setBackground(QBrush(QColor(PRACTISED_COLOR)))
        practised.setForeground(QBrush(QColor("white")))
        practised.setFontWeight(QFont.Weight.Bold)
        for day in days:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), practised)

    def selected_run(self) -> Run | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.run(rows[0].row()) if rows else None

    # -- owning the data ----------------------------------------------------------------------

    def say(self, text: str) -> None:
        set_plain(self.status_label, text)

    def export(self, kind: str) -> Path | None:
        path = self.choose_save(kind, f"piritimer-practice.{kind}")
        if path is None:
            return None
        text = to_csv(self.runs) if kind == "csv" else to_json(self.runs)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.say(f"Cannot write {path}: {error.strerror or error}")
            return None
        self.say(f"Exported {len(self.runs)} runs to {path}.")
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
        added = self.log.add_runs(runs).result(30.0)
        self.reload()
        already = len(runs) - added
        self.say(
            f"Imported {added} runs from {path.name}"
            + (f" ({already} were already here)." if already else ".")
        )
        return added

    def delete_selected(self) -> bool:
        run = self.selected_run()
        if run is None:
            self.say("Choose a run in the list first.")
            return False
        when = f"{run.started_at.astimezone():%d %b %Y %H:%M}"
        if not self.confirm(f"Delete the run of “{run.title}” on {when}? This cannot be undone."):
            return False
        self.log.delete(run.id).result(10.0)
        self.reload()
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
