"""The shared widgets in the app's language: the dial's PAUSED, fault notices, numbers and
dates, and Qt's own words (a file dialog's buttons) following the chosen language."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from piritimer.core import i18n
from piritimer.widgets.app_language import QT_TRANSLATOR_NAME, apply_language
from piritimer.widgets.dial import Dial, DialMode
from piritimer.widgets.fit import fits
from piritimer.widgets.notices import cannot_write
from piritimer.widgets.numbers import date_and_time, decimal, whole
from tests.app_locale import locale_default

Switch = Callable[[str], None]


@pytest.fixture
def english_locale() -> Iterator[None]:
    with locale_default("en"):
        yield


@pytest.mark.parametrize(
    ("language", "word"), [("en", "PAUSED"), ("fr", "EN PAUSE"), ("de", "ANGEHALTEN")]
)
def test_the_paused_dial_says_so_in_the_apps_language_and_the_word_fits(
    qtbot: QtBot, in_language: Switch, language: str, word: str
) -> None:
    in_language(language)
    dial = Dial()
    qtbot.addWidget(dial)
    dial.resize(400, 400)
    dial.show_state(DialMode.TIMER, progress=0.5, text="12", paused=True)
    dial.grab()
    assert dial.paused_text() == word
    band = dial.paused_rect()
    flags = int(Qt.AlignmentFlag.AlignCenter.value)
    assert fits(dial.paused_font(), QRect(band), word, flags)  # the longer word, not "PAUSED"


def test_a_write_fault_is_told_in_spanish(in_language: Switch) -> None:
    in_language("es")
    error = OSError(errno.ENOSPC, "No space left on device", "/datos/recovery")
    assert cannot_write(error, Path("/otro")) == (
        "no se puede escribir en /datos/recovery: No space left on device"
    )


@pytest.mark.usefixtures("english_locale")
def test_numbers_and_moments_are_written_as_the_language_writes_them(in_language: Switch) -> None:
    moment = datetime(2026, 3, 1, 21, 15)
    assert (whole(8000), decimal(16.77, 1)) == ("8,000", "16.8")
    assert date_and_time(moment) == "3/1/26 at 9:15\u202fPM"
    in_language("fr")
    with locale_default("fr"):
        assert (whole(8000), decimal(16.77, 1)) == ("8\u202f000", "16,8")
        assert date_and_time(moment) == "01/03/2026 à 21:15"
    in_language("de")
    with locale_default("de"):
        assert (whole(8000), decimal(16.77, 1)) == ("8.000", "16,8")
        assert date_and_time(moment) == "01.03.26 um 21:15"


def test_qts_own_words_follow_the_language_and_do_not_outlive_it(
    qapp: QApplication, in_language: Switch
) -> None:
    in_language("en")  # the real catalogs
    with locale_default("en"):
        try:
            apply_language(qapp, "fr")
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
            apply_language(qapp, "de")
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
            assert len(qapp.findChildren(QTranslator, QT_TRANSLATOR_NAME)) == 1
        finally:
            apply_language(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert qapp.findChildren(QTranslator, QT_TRANSLATOR_NAME) == []
    assert i18n.current_language() == "en"
