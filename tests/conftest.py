"""Shared test set-up: Qt offscreen unless a test asks for a real display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the user's real sessions, settings and history out of every test."""
    home = tmp_path / "piritimer-home"
    monkeypatch.setenv("PIRITIMER_HOME", str(home))
    return home
