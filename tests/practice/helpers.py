"""Runs to store in tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from piritimer.core.practice import Outcome, Run

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
