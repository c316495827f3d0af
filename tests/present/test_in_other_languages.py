"""Presentation mode in the app's language: every fixed word of the presenter and audience
views, the message to the class, the screen picker and the holding screen, with numbers and
the clock in the language's own format. Session text stays as the file wrote it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind, compile_session
from piritimer.present.keys import Action
from piritimer.present.outline import upcoming
from piritimer.present.presentation import Presentation
from piritimer.present.screens import ScreenPicker, describe, screen_by_number
from piritimer.qt.driver import EngineDriver
from tests.markup_walker import shown_strings
from tests.present.conftest import make_session, presenting
from tests.present.english_left import english_left

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock

AREAS = ("present", "remote", "qt", "platform")
NARROW_SPACE = "\u202f"


@pytest.fixture
def spanish(in_language: Callable[[str], None]) -> Iterator[None]:
    """The app in Spanish, QLocale's default too (as widgets/app_language sets them)."""
    in_language("es")
    before = QLocale()
    QLocale.setDefault(QLocale("es"))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def presentation_es(
    spanish: None, qtbot: QtBot, driver: EngineDriver, clock: FakeClock
) -> Iterator[Presentation]:
    with presenting(driver, clock) as shown:
        yield shown


def shown(*roots: QWidget | None) -> list[str]:
    return [text for root in roots if root is not None for text in shown_strings(root)]


def test_presenter_and_audience_views_speak_spanish_in_every_state(
    presentation_es: Presentation, driver: EngineDriver, clock: FakeClock
) -> None:
    presentation = presentation_es
    presenter = presentation.presenter
    assert presenter is not None
    audience = presentation.audience
    seen: list[str] = []

    def look() -> None:
        seen.extend(shown(presenter, audience))

    # Not started: the title page and the buttons.
    assert audience.hint.text() == "F5 inicia la sesión"
    total = audience.next.text().split(" · ")[1]
    assert audience.next.text() == f"2 ejercicios · {total}"
    assert presenter.buttons[Action.TOGGLE].text() == "Empezar\nEspacio"
    assert presenter.buttons[Action.PREVIOUS].toolTip() == "Tecla: RePág / ←"
    assert presenter.buttons[Action.REMOTE].text() == "Mando del móvil\ndesactivado"
    assert presenter.buttons[Action.REMOTE].toolTip() == "Activa o desactiva el mando del móvil"
    assert presenter.now.text() == "Sin empezar"
    assert presenter.clock.text() == "9:41"  # 09:41 as Spanish writes the time
    assert audience.windowTitle() == "piritimer — vista del público"
    assert presenter.windowTitle() == "piritimer — vista del presentador"
    look()
    # The holding screen, paused and running.
    presentation.hold(120)
    assert audience.detail.text() == "Empieza en"
    assert presenter.banner.text() == "Pantalla de espera: empieza en 2:00"
    presentation.toggle_blank()
    assert audience.detail.text() == "En pausa"
    assert "La pantalla del público está EN NEGRO" in presenter.banner.text()
    assert "(en pausa)" in presenter.banner.text()
    look()
    presentation.toggle_blank()
    # The phone remote's panel.
    presenter.set_remote("http://192.0.2.7:8080/r/token/", "http://192.0.2.7:8080/f/other/")
    assert presenter.buttons[Action.REMOTE].text() == "Mando del móvil\nactivado"
    look()
    assert {"Mando — escanea", "Seguir (solo lectura)", "A continuación", "Notas"} <= set(seen)
    # Running, then paused, then at a wait for "ready".
    presentation.start_from_beginning()
    clock.advance(3)
    driver.poke()
    assert audience.next.text().startswith("Después: ")
    assert presenter.buttons[Action.TOGGLE].text() == "Pausa\nEspacio"
    look()
    presentation.toggle()
    assert driver.state is State.PAUSED
    assert audience.badge.text() == "EN PAUSA"
    assert presenter.banner.text() == "En pausa — Espacio para reanudar"
    assert presenter.buttons[Action.TOGGLE].text() == "Reanudar\nEspacio"
    look()
    waiting = next(s for s in driver.engine.timeline.steps if s.waits).index
    driver.resume()
    driver.jump(waiting)
    assert driver.state is State.WAITING
    assert audience.next.text().startswith("Cuando todos estén listos: ")
    assert presenter.banner.text() == "Esperándote — Siguiente cuando la clase esté lista"
    assert presenter.buttons[Action.TOGGLE].text() == "Listo\nEspacio"
    look()
    driver.jump(len(driver.engine.timeline.steps) - 1)  # the end
    assert presenter.coming.item(0).text() == "Fin de la sesión"
    look()

    assert english_left(seen, AREAS, "es") == []
    # The session's own words stay as the file wrote them.
    assert "Hip class" in seen
    assert "Bring mats. Check that everyone can lie down." in "\n".join(seen)


def test_the_check_finds_english_that_was_left(presentation: Presentation) -> None:
    """The same walk in English finds the area's words (so the check above can fail)."""
    presenter = presentation.presenter
    left = english_left(shown(presenter, presentation.audience), AREAS, "es")
    assert any("'Coming up'" in hit for hit in left)
    assert any("'Blank screen'" in hit for hit in left)


def test_the_message_to_the_class_in_spanish(qtbot: QtBot, presentation_es: Presentation) -> None:
    presenter = presentation_es.presenter
    assert presenter is not None
    assert presenter.message_field.placeholderText() == "Un mensaje para la clase…"
    assert presenter.show_message_button.text() == "Mostrar"
    assert presenter.clear_message_button.text() == "Quitar"
    assert "Mensaje para la clase" in shown(presenter)
    presenter.message_field.setText("Pausa para beber agua — Back in 2 minutes")
    presenter.show_message_button.click()
    # What the teacher typed is shown as typed, never translated.
    assert presentation_es.audience.message.text() == "Pausa para beber agua — Back in 2 minutes"


def test_french_typography_and_the_exercise_count_in_french(
    in_language: Callable[[str], None], qtbot: QtBot, driver: EngineDriver, clock: FakeClock
) -> None:
    in_language("fr")
    with presenting(driver, clock) as shown_fr:
        presenter = shown_fr.presenter
        assert presenter is not None
        assert presenter.buttons[Action.TOGGLE].text() == "Démarrer\nEspace"
        assert presenter.buttons[Action.LEAVE].text() == "Quitter\nÉchap"
        assert presenter.buttons[Action.NEXT].toolTip() == f"Touche{NARROW_SPACE}: Pg suiv / →"
        shown_fr.start_from_beginning()
        assert shown_fr.audience.next.text().startswith(f"Ensuite{NARROW_SPACE}: ")
        assert english_left(shown(presenter, shown_fr.audience), AREAS, "fr") == []


def test_the_screen_picker_in_spanish(spanish: None, qtbot: QtBot) -> None:
    picker = ScreenPicker()
    qtbot.addWidget(picker)
    assert picker.windowTitle() == "¿En qué pantalla presentar?"
    buttons = picker.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Presentar"
    primary = QGuiApplication.primaryScreen()
    line = describe(primary, 1)
    assert line.endswith(" · principal")
    assert " en 0,0" in line
    assert english_left([*shown(picker), line], ["present"], "es") == []
    with pytest.raises(ValueError, match=r"no hay pantalla 3: este ordenador tiene 1 pantalla: "):
        screen_by_number(3)


def test_grouped_breaths_are_in_the_sessions_words(in_language: Callable[[str], None]) -> None:
    """In an English app, a French session's "next" list says "5 respirations", as the step
    titles it stands among are the session's."""
    in_language("en")
    timeline = compile_session(replace(make_session(None), language="fr"))
    first_breath = next(s for s in timeline.steps if s.kind is StepKind.INHALE)
    assert upcoming(timeline, first_breath.index - 1, 1)[0].title == "5 respirations"
    english = compile_session(make_session(None))
    assert upcoming(english, first_breath.index - 1, 1)[0].title == "5 breaths"
