"""The history window: runs by day, the calendar and streak, the pain chart, owning the data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from piritimer.core.practice import Outcome
from piritimer.practice.store import PracticeStore
from piritimer.ui.history import HistoryWindow
from piritimer.ui.main_window import MainWindow
from piritimer.ui.pain_dialog import asks_pain
from tests.practice.helpers import a_run, cell, default_locale, shown_history

MARKUP = "<b>bold</b><img src='/dev/zero'>"


def days_ago(days: int, hour: int = 12) -> datetime:
    # Midday local time, so that the local day is the one meant whatever the time zone.
    local = datetime.combine(date.today() - timedelta(days=days), datetime.min.time())
    return local.replace(hour=hour).astimezone(UTC)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[PracticeStore]:
    store = PracticeStore(tmp_path / "practice.sqlite3")
    runs = [
        a_run(
            n,
            started_at=days_ago(n),
            ended_at=days_ago(n) + timedelta(minutes=10),
            pain_before=6,
            pain_after=4,
        )
        for n in range(3)  # today, yesterday, the day before: a streak of 3
    ]
    runs.append(
        a_run(
            7,
            started_at=days_ago(0, hour=18),
            ended_at=None,
            outcome=Outcome.INTERRUPTED,
            title=MARKUP,
            note=MARKUP,
            pain_after=2,
        )
    )
    runs.append(a_run(8, started_at=days_ago(10), title="Nerve flosses"))
    store.add_runs(runs).result()
    yield store
    store.close()


@pytest.fixture
def history(qtbot: QtBot, log: PracticeStore, settings: QSettings) -> Iterator[HistoryWindow]:
    with default_locale("en_GB"):
        yield shown_history(qtbot, log, settings)


def test_runs_are_listed_newest_first_with_the_day_on_each_days_first_run(
    history: HistoryWindow,
) -> None:
    assert history.model.rowCount() == 5
    assert cell(history, 0, "Session") == MARKUP  # 18:00 today
    today = date.today()
    # QLocale's long date with short names (the fixture's locale is English, en_GB).
    weekday = "Mon Tue Wed Thu Fri Sat Sun".split()[today.weekday()]
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[today.month - 1]
    assert cell(history, 0, "Day") == f"{weekday}, {today.day} {month} {today.year}"
    assert cell(history, 0, "Time") == "18:00"
    assert cell(history, 1, "Day") == ""  # today's second run
    assert cell(history, 1, "Time spent") == "10:00"
    assert cell(history, 0, "Outcome") == "interrupted"
    assert cell(history, 0, "Note") == MARKUP


def marked_days(history: HistoryWindow) -> set[date]:
    return {date(d.year(), d.month(), d.day()) for d in history.calendar.dateTextFormat()}


def test_the_streak_and_the_calendar_show_the_days_practised(history: HistoryWindow) -> None:
    assert history.streak_label.text() == "4 days practised · streak 3 days · longest 3"
    today = date.today()
    practised = {today - timedelta(days=n) for n in (0, 1, 2, 10)}
    shown_month = {d for d in practised if (d.year, d.month) == (today.year, today.month)}
    assert shown_month <= marked_days(history) <= practised
    assert QDate(today.year, today.month, today.day) in history.calendar.dateTextFormat()


def test_turning_the_calendar_page_marks_that_months_days(history: HistoryWindow) -> None:
    earlier = date.today() - timedelta(days=10)
    history.calendar.setCurrentPage(earlier.year, earlier.month)
    assert earlier in marked_days(history)
    history.calendar.setCurrentPage(earlier.year - 1, earlier.month)
    assert marked_days(history) == set()


def test_the_pain_chart_comes_after_the_first_paint_with_before_and_after(
    qtbot: QtBot, history: HistoryWindow
) -> None:
    qtbot.waitUntil(lambda: history.chart is not None)
    chart = history.chart
    assert chart is not None
    # Four runs on three days with pain: one mean a day (today's two runs are one point).
    assert chart.point_counts() == (3, 3)
    assert chart.bucket_days == 1
    names = [series.name() for series in chart.chart().series()]
    assert names == ["before", "after"]
    today = chart.after.at(chart.after.count() - 1)
    assert today.y() == pytest.approx((4 + 2) / 2)


def test_counts_per_session(history: HistoryWindow) -> None:
    rows = [
        tuple(history.counts.item(r, c).text() for c in range(3))
        for r in range(history.counts.rowCount())
    ]
    assert rows == [("Figure four", "3", "3"), (MARKUP, "1", "0"), ("Nerve flosses", "1", "1")]


def test_every_label_is_plain_text_and_the_location_is_shown(
    history: HistoryWindow, log: PracticeStore
) -> None:
    for label in history.findChildren(QLabel):
        assert label.textFormat() is Qt.TextFormat.PlainText, label.text()
    assert str(log.location) in history.location_label.text()


def test_export_json_then_import_it_into_another_log(
    qtbot: QtBot, history: HistoryWindow, tmp_path: Path, settings: QSettings
) -> None:
    target = tmp_path / "out.json"
    history.choose_save = lambda kind, name: target
    assert history.export("json") == target
    assert "Exported 5 runs" in history.status_label.text()
    other = PracticeStore(tmp_path / "other.sqlite3")
    try:
        empty = HistoryWindow(other, settings)
        qtbot.addWidget(empty)
        empty.choose_open = lambda: target
        assert empty.import_json() == 5
        assert empty.model.rowCount() == 5
        assert empty.import_json() == 0  # importing twice adds nothing
        assert "5 were already here" in empty.status_label.text()
        assert sorted(r.id for r in other.runs()) == sorted(r.id for r in history.rows)
    finally:
        other.close()


def test_export_csv(history: HistoryWindow, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    history.choose_save = lambda kind, name: target
    history.export("csv")
    assert target.read_text(encoding="utf-8").count("\n") == 6


def test_a_bad_import_says_why_and_changes_nothing(
    history: HistoryWindow, tmp_path: Path, log: PracticeStore
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "piritimer-practice", "version": 1, "runs": [{}]}))
    history.choose_open = lambda: bad
    assert history.import_json() is None
    assert history.status_label.text().startswith("Nothing imported from bad.json: run 1:")
    history.choose_open = lambda: tmp_path / "missing.json"
    assert history.import_json() is None
    assert "Cannot read" in history.status_label.text()
    assert len(log.runs()) == 5


def test_an_export_that_cannot_be_written_says_so(history: HistoryWindow, tmp_path: Path) -> None:
    history.choose_save = lambda kind, name: tmp_path / "no" / "such" / "dir.csv"
    assert history.export("csv") is None
    assert history.status_label.text().startswith("Cannot write")


def test_deleting_a_run_asks_first(history: HistoryWindow, log: PracticeStore) -> None:
    assert not history.delete_selected()
    assert "Choose a run" in history.status_label.text()
    history.table.selectRow(0)
    questions: list[str] = []
    history.confirm = lambda text: questions.append(text) or False
    assert not history.delete_selected()
    assert len(log.runs()) == 5
    history.confirm = lambda text: True
    assert history.delete_selected()
    assert len(log.runs()) == 4
    assert history.model.rowCount() == 4
    assert MARKUP in questions[0]


def test_the_pain_question_can_be_turned_off_and_on_here(
    history: HistoryWindow, settings: QSettings
) -> None:
    assert history.ask_pain_box.isChecked()
    history.ask_pain_box.setChecked(False)
    assert not asks_pain(settings)
    history.ask_pain_box.setChecked(True)
    assert asks_pain(settings)


def test_ctrl_h_opens_history_from_the_main_window(
    qtbot: QtBot, window: MainWindow, services: object
) -> None:
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    window.history_action.trigger()
    opened = window.practice.history
    assert opened is not None
    assert opened.isVisible()
    assert "not being recorded" in opened.location_label.text()  # the fakes keep no log
    window.history_action.trigger()
    assert window.practice.history is opened


def test_runs_without_an_end_show_no_time_spent(history: HistoryWindow) -> None:
    assert cell(history, 0, "Time spent") == ""
    assert history.model.row(0).id == "run-7"


def test_each_session_says_how_its_plan_was_kept(
    qtbot: QtBot, log: PracticeStore, settings: QSettings
) -> None:
    plans = {"Figure four": "1 of 2 today · 4 days in a row"}
    shown = HistoryWindow(log, settings, plan_of=lambda title: plans.get(title, ""))
    qtbot.addWidget(shown)
    shown.reload()
    plan_column = [shown.counts.item(r, 3).text() for r in range(shown.counts.rowCount())]
    assert plan_column == ["1 of 2 today · 4 days in a row", "", ""]
    assert shown.counts.horizontalHeaderItem(3).text() == "Plan"
