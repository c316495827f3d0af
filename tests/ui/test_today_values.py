"""Today's values and plans in the window: preview panel, the person's choices, the library."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.core.past_run import PastRun
from piritimer.core.timeline import StepKind
from piritimer.ui.main_window import MainWindow
from piritimer.ui.progress_book import ProgressBook
from piritimer.ui.services import Services
from piritimer.ui.today_values import TodayPanel

NOW = datetime(2026, 3, 10, 9, 0)
RANGED = """\
    title: Growing holds
    plan: twice a day
    exercises:
      - name: Figure-four <b>stretch</b>
        hold: 30s to 60s
        reps: 2 to 4
        rest between reps: 5s
      - name: Knee hug
        hold: 20s
"""


class FakeHistory:
    """Past runs, the same for every session file."""

    def __init__(self, runs: Sequence[PastRun] = ()) -> None:
        self.runs = list(runs)

    def runs_of(self, session_path: Path) -> Sequence[PastRun]:
        return self.runs


class FakeNow:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def calm_runs(count: int) -> list[PastRun]:
    """``count`` completed runs, the last this morning, pain the same before and after."""
    return [PastRun(NOW - timedelta(days=count - 1 - i, hours=1), True, 3, 3) for i in range(count)]


@pytest.fixture
def ranged_file(tmp_path: Path) -> Path:
    path = tmp_path / "growing.yaml"
    path.write_text(textwrap.dedent(RANGED), encoding="utf-8")
    return path


def window_with(
    qtbot: QtBot, services: Services, settings: QSettings, history: FakeHistory, now: FakeNow
) -> MainWindow:
    book = ProgressBook(settings, history, now=now)
    main = build_window(dataclasses.replace(services, progress=book), restore=False)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


def open_panel(window: MainWindow, path: Path) -> TodayPanel:
    window.open_file(path)
    panel = window.preview_page.today_panel
    assert panel is not None
    return panel


def hold_lengths(window: MainWindow) -> list[float | None]:
    steps = window.driver.engine.timeline.steps
    return [s.duration_s for s in steps if s.kind is StepKind.HOLD]


def test_without_history_the_preview_shows_the_start_and_the_plan_at_zero(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    window = window_with(qtbot, services, settings, FakeHistory(), FakeNow())
    panel = open_panel(window, ranged_file)
    assert panel.isVisible()
    assert panel.progress_label.text() == "0 of 2 today"
    assert [label.text() for label in panel.explanations] == [
        "today: 30 s, range 30–60 s; 2 reps, range 2–4 — start of the range: up a step after "
        "3 runs without more pain"
    ]
    assert panel.value_combos[0].currentText() == "30 s · 2 reps (suggested)"
    assert window.start_session()
    assert hold_lengths(window) == [30, 30, 20]


def test_past_runs_raise_todays_values_in_preview_cards_and_timeline(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    window = window_with(qtbot, services, settings, FakeHistory(calm_runs(3)), FakeNow())
    panel = open_panel(window, ranged_file)
    assert panel.explanations[0].text().endswith("up 5 s and 1 rep: 3 runs without more pain")
    assert panel.progress_label.text() == "1 of 2 today"  # one a day: no day kept in full
    assert window.preview_page.cards[0].work_label.text() == "3 reps · 35s hold"
    card = window.library_page.card_for(ranged_file)
    assert card is not None
    total = window.preview_page.meta_label.text().split(" ")[0]
    assert card.meta_label.text() == f"{total} · 2 exercises"  # today's length, not the start's
    assert total != card.entry.duration_text
    assert window.start_session()
    assert hold_lengths(window) == [35, 35, 35, 20]


def test_the_persons_choice_wins_for_that_day_only(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    now = FakeNow()
    window = window_with(qtbot, services, settings, FakeHistory(), now)
    panel = open_panel(window, ranged_file)
    panel.value_combos[0].activated.emit(2)  # as a click on the third entry does
    assert panel.value_combos[0].currentText() == "40 s · 4 reps"
    assert panel.explanations[0].text().endswith("your choice for today (suggested: 30 s · 2 reps)")
    assert window.start_session()
    assert hold_lengths(window) == [40] * 4 + [20]
    window.driver.stop()
    now.now += timedelta(days=1)
    window.show_preview(ranged_file)
    assert panel.value_combos[0].currentText() == "30 s · 2 reps (suggested)"


def test_choosing_the_suggestion_again_clears_the_choice(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    window = window_with(qtbot, services, settings, FakeHistory(), FakeNow())
    panel = open_panel(window, ranged_file)
    panel.value_combos[0].activated.emit(3)
    assert [k for k in settings.allKeys() if "level" in k]
    panel.value_combos[0].activated.emit(0)
    assert not [k for k in settings.allKeys() if "level" in k]


def test_a_plan_of_ones_own_shows_in_the_preview_and_the_library(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    window = window_with(qtbot, services, settings, FakeHistory(calm_runs(1)), FakeNow())
    panel = open_panel(window, ranged_file)
    card = window.library_page.card_for(ranged_file)
    assert card is not None
    assert card.plan_label.text() == "1 of 2 today"
    combo = panel.plan_combo
    assert combo.currentText() == "as the file says (twice a day)"
    combo.activated.emit(combo.findData("3 days a week"))
    assert panel.progress_label.text() == "1 of 3 days this week"
    assert card.plan_label.text() == "1 of 3 days this week"
    combo.activated.emit(combo.findData("none"))
    assert panel.progress_label.text() == ""
    assert card.plan_label.isHidden()
    combo.activated.emit(combo.findData("file"))
    assert card.plan_label.text() == "1 of 2 today"


def test_exercise_names_in_the_panel_are_plain_text(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    window = window_with(qtbot, services, settings, FakeHistory(), FakeNow())
    panel = open_panel(window, ranged_file)
    names = [w for w in panel.findChildren(QLabel) if "<b>" in w.text()]
    assert names
    assert all(w.textFormat() is Qt.TextFormat.PlainText for w in names)


def test_a_session_without_ranges_or_plan_shows_only_the_plan_choice(
    window: MainWindow, sessions_dir: Path
) -> None:
    path = next(sessions_dir.glob("*.yaml"))
    window.show_preview(path)
    panel = window.preview_page.today_panel
    assert panel is not None
    assert panel.value_combos == []
    assert panel.progress_label.text() == ""
    assert panel.plan_combo.currentText().startswith("as the file says")


def test_a_new_run_in_the_history_updates_the_preview_and_the_library(
    qtbot: QtBot, services: Services, settings: QSettings, ranged_file: Path
) -> None:
    history = FakeHistory()
    window = window_with(qtbot, services, settings, history, FakeNow())
    panel = open_panel(window, ranged_file)
    card = window.library_page.card_for(ranged_file)
    assert card is not None
    assert card.plan_label.text() == "0 of 2 today"
    history.runs = calm_runs(3)
    window.services.progress.runs_changed(ranged_file)
    assert card.plan_label.text() == "1 of 2 today"
    assert panel.value_combos[0].currentText() == "35 s · 3 reps (suggested)"
