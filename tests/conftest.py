"""Shared test set-up: Qt offscreen unless a test asks for a real display."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.markup_walker import ImageTrap

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the user's real sessions, settings and history out of every test."""
    home = tmp_path / "piritimer-home"
    monkeypatch.setenv("PIRITIMER_HOME", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def collection_on_the_main_thread() -> Iterator[None]:
    """As in the app (piritimer.qt.worker_gc.collect_on_gui_thread): cycles are collected on
    the main thread only, never on a store's writer or a reader thread, where freeing a widget
    left by an earlier test makes Qt warn ("Timers cannot be stopped from another thread")
    or crash."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    from piritimer.qt.worker_gc import collect_due

    collect_due()


@pytest.fixture
def trap(tmp_path: Path) -> Iterator[ImageTrap]:
    """A FIFO that counts every open: a test that renders hostile text asserts nothing in the
    window read it as an image (tests/markup_walker.py)."""
    from tests.markup_walker import ImageTrap

    found = ImageTrap(tmp_path / "trap")
    yield found
    found.close()


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches the app's language (``in_language``, ``apply_language``) cannot
    leave it switched: gettext's catalog, QLocale's default and Qt's own translations."""
    yield
    from piritimer.core import i18n

    i18n.use(i18n.SOURCE_LANGUAGE)
    if "PySide6.QtCore" in sys.modules:  # never load Qt into a test that did not
        from PySide6.QtCore import QCoreApplication, QLocale

        from piritimer.widgets.app_language import drop_qt_translations

        QLocale.setDefault(QLocale.system())  # what apply_language set goes too
        app = QCoreApplication.instance()
        if app is not None:
            drop_qt_translations(app)


@pytest.fixture
def in_language() -> Iterator[Callable[[str], None]]:
    """``in_language("fr")``: the app's words in a shipped language, from the real compiled
    catalogs in assets/locale, for the rest of the test."""
    from piritimer import paths
    from piritimer.core import i18n

    def switch(language: str) -> None:
        i18n.configure(paths.locale_dir())
        i18n.use(language)

    yield switch
    i18n.use(i18n.SOURCE_LANGUAGE)
