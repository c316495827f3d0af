"""Fixtures for the window's tests: a fake clock, private session folders, a shown window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.ui.library import LibraryModel
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from tests.ui.helpers import FIXTURES, FakeClock, make_services


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """A copy of the fixture sessions and images that a test may change freely."""
    folder = tmp_path / "sessions"
    shutil.copytree(FIXTURES, folder)
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def library(qtbot: QtBot, sessions_dir: Path) -> LibraryModel:
    """The fixture sessions, read in (the model reads files in the background)."""
    model = LibraryModel([sessions_dir])
    qtbot.waitUntil(lambda: not model.scanning, timeout=10_000)
    return model


@pytest.fixture
def services(clock: FakeClock, library: LibraryModel, settings: QSettings) -> Services:
    return make_services(clock, library, settings)


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    """The home window as the app builds it (through the composition root's build_window)."""
    main = build_window(services, restore=False)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main
