"""The practice log's windows in another language: the history view, its chart and calendar,
the pain dialog, a reminder and the tray menu speak German, with German dates and times."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from piritimer.core.practice import Outcome
from piritimer.core.reminders import ReminderTimes, parse_times
from piritimer.practice.store import PracticeStore
from piritimer.ui.history import HistoryWindow
from piritimer.ui.pain_dialog import PainDialog
from piritimer.ui.reminders import Reminders, standing_body
from piritimer.ui.tray import Tray
from tests.practice.helpers import a_run, cell, default_locale, shown_history

BERLIN = ZoneInfo("Europe/Berlin")


def local_noon(day: date) -> datetime:
    # Midday local time, so that the local day is the one meant whatever the time zone.
    return datetime.combine(day, datetime.min.time()).replace(hour=12).astimezone(UTC)


MONDAY = date(2026, 3, 2)


@pytest.fixture
def german(in_language: Callable[[str], None]) -> Iterator[None]:
    """The app as it starts in German: gettext's words and QLocale's default."""
    in_language("de")
    with default_locale("de_DE"):
        yield


@pytest.fixture
def log(tmp_path: Path) -> Iterator[PracticeStore]:
    store = PracticeStore(tmp_path / "practice.sqlite3")
    runs = [
        a_run(
            n,
            started_at=local_noon(MONDAY + timedelta(days=n)),
            ended_at=local_noon(MONDAY + timedelta(days=n)) + timedelta(minutes=10),
            pain_before=6,
            pain_after=4,
        )
        for n in range(2)
    ]
    runs.append(
        a_run(
            5,
            started_at=local_noon(MONDAY) - timedelta(hours=3),
            outcome=Outcome.STOPPED,
            step_index=2,
        )
    )
    store.add_runs(runs).result()
    yield store
    store.close()


@pytest.fixture
def history(qtbot: QtBot, german: None, log: PracticeStore, settings: QSettings) -> HistoryWindow:
    return shown_history(qtbot, log, settings)


def test_the_history_view_speaks_german_with_german_dates(history: HistoryWindow) -> None:
    model = history.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Tag",
        "Uhrzeit",
        "Einheit",
        "Ergebnis",
        "Schritt",
        "Dauer",
        "Schmerz vorher",
        "Schmerz nachher",
        "Notiz",
    ]
    assert cell(history, 0, "Day") == "Di., 3. März 2026"
    assert cell(history, 1, "Day") == "Mo., 2. März 2026"
    assert cell(history, 1, "Time") == "12:00"
    assert cell(history, 1, "Outcome") == "abgeschlossen"
    assert cell(history, 2, "Outcome") == "abgebrochen"
    assert cell(history, 2, "Step") == "3 von 10"
    counts = [history.counts.horizontalHeaderItem(c).text() for c in range(4)]
    assert counts == ["Einheit", "Durchläufe", "Abgeschlossen", "Plan"]
    assert history.streak_label.text() == "2 Tage geübt · 0 Tage in Folge · Rekord 2"
    assert history.windowTitle() == "Übungsverlauf — piritimer"
    assert history.location_label.text().startswith("Übungsprotokoll: ")
    buttons = {button.text() for button in history.findChildren(QPushButton)}
    assert {"Als CSV exportieren…", "Als JSON exportieren…", "JSON importieren…"} <= buttons
    assert "Durchlauf löschen" in buttons
    assert history.ask_pain_box.text() == "Nach einer Einheit nach Schmerzen fragen"
    assert "Durchläufe pro Einheit" in {label.text() for label in history.findChildren(QLabel)}


def test_the_calendar_and_the_chart_follow_the_apps_locale(
    qtbot: QtBot, history: HistoryWindow
) -> None:
    # QCalendarWidget takes QLocale's default when it is made: German day names, Monday first.
    assert history.calendar.locale().language() is QLocale.Language.German
    days = history.calendar.findChild(QTableView)
    assert days is not None
    header = [days.model().index(0, column).data() for column in range(7)]
    assert header == ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
    qtbot.waitUntil(lambda: history.chart is not None)
    chart = history.chart
    assert chart is not None
    assert chart.chart().title() == "Schmerz (0–10)"
    assert [series.name() for series in chart.chart().series()] == ["vorher", "nachher"]
    assert chart.chart().locale().language() is QLocale.Language.German
    assert chart.x_axis.format() == "d. MMM"


def test_deleting_and_exporting_say_so_in_german(
    history: HistoryWindow, tmp_path: Path, log: PracticeStore
) -> None:
    history.table.selectRow(1)
    questions: list[str] = []
    history.confirm = lambda text: questions.append(text) or False
    assert not history.delete_selected()
    assert questions == [
        "Den Durchlauf „Figure four“ vom Mo., 2. März 2026 um 12:00 löschen? "
        "Das lässt sich nicht rückgängig machen."
    ]
    history.choose_save = lambda kind, name: tmp_path / "out.csv"
    history.export("csv")
    assert history.status_label.text() == f"3 Durchläufe nach {tmp_path / 'out.csv'} exportiert."
    # The export is data: its columns and values stay as they are in every language.
    exported = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert exported.startswith("id,title,file,")
    assert ",completed," in exported
    assert ",abgeschlossen," not in exported


def test_a_refused_import_says_why_in_german(history: HistoryWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "piritimer-practice", "version": 1, "runs": [{"id": 3}]}')
    history.choose_open = lambda: bad
    assert history.import_json() is None
    # The field and its values are the file's own words, as they are in the file.
    assert history.status_label.text() == (
        "Nichts aus bad.json importiert: Durchlauf 1: outcome muss einer dieser Werte sein: "
        "running, completed, stopped, interrupted."
    )


def test_the_pain_dialog_speaks_german(qtbot: QtBot, german: None) -> None:
    dialog = PainDialog(a_run(1))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Wie war’s?"
    assert dialog.title_label.text() == "Figure four — abgeschlossen"
    assert (dialog.save_button.text(), dialog.skip_button.text()) == (
        "Speichern",
        "Überspringen (Esc)",
    )
    assert dialog.dont_ask.text() == "Nach Einheiten nicht mehr fragen"
    assert dialog.note.placeholderText() == "Ein paar Worte, wenn du magst"
    form = dialog.findChild(QFormLayout)
    assert form is not None
    labels = [form.labelForField(field) for field in (dialog.before, dialog.after, dialog.note)]
    assert [label.text() for label in labels if isinstance(label, QLabel)] == [
        "Schmerz vorher (0–10):",
        "Schmerz nachher (0–10):",
        "Notiz:",
    ]
    assert dialog.before.accessibleName() == "Schmerz vor dem Start, 0 bis 10"


class Heard:
    """A notifier that keeps what it was asked to show."""

    name = "heard"

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, body: str, key: str) -> None:
        self.shown.append((title, body))

    def on_click(self, handler: object) -> None:
        pass


def test_a_reminder_speaks_german(
    qapp: object, german: None, settings: QSettings, tmp_path: Path
) -> None:
    monday_7 = datetime(2026, 5, 4, 7, 0, tzinfo=BERLIN).astimezone(UTC)
    now = [monday_7]
    heard = Heard()
    reminders = Reminders(settings, heard, now=lambda: now[0], zone=lambda: BERLIN)
    reminders.set_times(
        tmp_path / "hip.yaml", "Hip release", ReminderTimes(parse_times("08:00"), frozenset({0}))
    )
    now[0] += timedelta(hours=1, seconds=1)
    reminders.wake()
    assert heard.shown == [("Zeit für Hip release", "Zeit für diese Einheit.")]
    assert standing_body("1 von 2 heute") == "1 von 2 heute. Klicke, um sie zu öffnen."
    assert standing_body("") == "Klicke, um sie zu öffnen."


def test_the_tray_menu_speaks_german(qapp: object, german: None, settings: QSettings) -> None:
    tray = Tray(settings, Path("/nonexistent/autostart"), QIcon(), available=lambda: False)
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert texts == [
        "piritimer öffnen",
        "Beim Schließen des Fensters im Infobereich weiterlaufen",
        "Beim Anmelden im Infobereich starten",
        "piritimer beenden",
    ]


def test_every_window_here_has_no_english_label_left(qtbot: QtBot, history: HistoryWindow) -> None:
    english = {"Save", "Skip (Esc)", "Note:", "Runs per session", "Delete run", "Export CSV…"}
    dialog = PainDialog(a_run(1), history)
    qtbot.addWidget(dialog)
    for window in (history, dialog):
        shown = {w.text() for w in window.findChildren(QWidget) if hasattr(w, "text")}
        assert not shown & english
