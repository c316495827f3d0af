"""Runs to store in tests, and the history window that shows them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from piritimer.core.practice import Outcome, Run

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from piritimer.practice import PracticeLog
    from piritimer.ui.history import HistoryWindow

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def a_run(number: int = 0, **changes: Any) -> Run:
    fields: dict[str, Any] = {
        "id": f"run-{number}",
        "title": "Figure four",
        "file": "/sessions/figure-four.yaml",
        "content_hash": "sha256:aa",
        "started_at": T0.replace(day=1 + number % 28),
        "step_count": 10,
        "outcome": Outcome.COMPLETED,
        "ended_at": T0.replace(day=1 + number % 28, minute=15),
    }
    fields.update(changes)
    return Run(**fields)


@contextmanager
def default_locale(name: str) -> Iterator[None]:
    """QLocale's default (the app sets it to its language) is ``name`` inside the block."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def shown_history(
    qtbot: QtBot, log: PracticeLog, settings: QSettings, **options: Any
) -> HistoryWindow:
    """The history window over ``log``, on screen."""
    from piritimer.ui.history import HistoryWindow

    shown = HistoryWindow(log, settings, **options)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def cell(history: HistoryWindow, row: int, column: str) -> str:
    """What the runs table shows in ``row`` under the column named ``column`` (in English)."""
    from piritimer.ui.history import COLUMNS

    model = history.model
    return str(model.data(model.index(row, COLUMNS.index(column))))
