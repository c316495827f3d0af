"""The right-to-left run: every window laid out as the mirror image of its left-to-right self,
with nothing laid over anything else and nothing cut off.

The words are the pseudo catalog's, compiled under a right-to-left language's code ("he"), so
that the app's own start-up path (``apply_language``) turns the layout direction round; each
window is built once left to right for the reference and once right to left, photographed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from piritimer.present.countdown import CountdownDisplay
from piritimer.widgets.app_language import apply_language
from piritimer.widgets.dial import Dial
from tests.i18n.clipping import layout_problems, not_mirrored, placement
from tests.i18n.pseudo import write_pseudo_catalog
from tests.i18n.windows import WINDOWS, Stage, screenshot, speaking

RTL_LANGUAGE = "he"
PAINTED = (Dial, CountdownDisplay)
"""Drawn by hand, centred in their own box: a count reads the same either way round."""
BY_HAND = frozenset({"audience"})
"""Views that place their children themselves, for a projector (present/layout.py)."""


@pytest.fixture(scope="module")
def rtl_locale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("locale")
    write_pseudo_catalog(folder, RTL_LANGUAGE)
    return folder


@contextmanager
def direction(app: QApplication, way: Qt.LayoutDirection) -> Iterator[None]:
    app.setLayoutDirection(way)
    try:
        yield
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_is_mirrored_right_to_left_without_overlap_or_clipping(
    qapp: QApplication, tmp_path: Path, rtl_locale: Path, name: str
) -> None:
    with speaking(rtl_locale, RTL_LANGUAGE):
        stage = Stage(tmp_path / "stage")
        try:
            with direction(qapp, Qt.LayoutDirection.LeftToRight):
                reference = placement(WINDOWS[name](stage), by_hand=name in BY_HAND)
            stage.close_windows()
            with direction(qapp, Qt.LayoutDirection.RightToLeft):
                window = WINDOWS[name](stage)
                assert window.layoutDirection() is Qt.LayoutDirection.RightToLeft
                picture = screenshot(window, tmp_path / "screens", f"{name}-{RTL_LANGUAGE}")
                data = stage.data_texts()
                problems = not_mirrored(reference, window, exempt=PAINTED, by_hand=name in BY_HAND)
                problems += layout_problems(window, lambda text: text in data)
        finally:
            stage.close()
    assert reference, "no widget is placed by a layout: nothing was compared"
    found = [str(problem) for problem in problems]
    assert found == [], f"see {picture}:\n" + "\n".join(found)


def test_a_right_to_left_language_turns_the_app_round_at_start(
    qapp: QApplication, tmp_path: Path, rtl_locale: Path
) -> None:
    """The app's own path: the language chosen in the settings, applied by apply_language.
    (Qt's translator and QLocale's default it sets go after the test: tests/conftest.py.)"""
    with speaking(rtl_locale, RTL_LANGUAGE):  # the same words left to right, for reference
        stage = Stage(tmp_path / "stage")
        try:
            with direction(qapp, Qt.LayoutDirection.LeftToRight):
                reference = placement(WINDOWS["library"](stage))
            stage.close_windows()
            with direction(qapp, Qt.LayoutDirection.LeftToRight):
                assert apply_language(qapp, RTL_LANGUAGE) == RTL_LANGUAGE
                assert qapp.layoutDirection() is Qt.LayoutDirection.RightToLeft
                assert QLocale().textDirection() is Qt.LayoutDirection.RightToLeft
                window = WINDOWS["library"](stage)
                assert window.layoutDirection() is Qt.LayoutDirection.RightToLeft
                problems = not_mirrored(reference, window, exempt=PAINTED)
                screenshot(window, tmp_path / "screens", f"library-{RTL_LANGUAGE}-applied")
        finally:
            stage.close()
    assert [str(p) for p in problems] == []
