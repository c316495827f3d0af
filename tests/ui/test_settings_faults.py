"""Settings the window cannot write are told once, however often it writes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from piritimer.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Overrides the window's settings: a file whose folder is a file, so no write succeeds."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    return QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)


def test_unwritable_settings_are_told_once(window: MainWindow, sessions_dir: Path) -> None:
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    for _ in range(3):
        for name in ("quick.yaml", "hip-release.yaml"):
            window.show_preview(sessions_dir / name)
    window.save_state()
    told = [m for m in messages if "cannot be saved" in m]
    assert len(told) == 1
    assert "not-a-folder" in told[0]
