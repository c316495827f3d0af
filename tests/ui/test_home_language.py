"""The home window in another language: the library, preview, runner and toolbar speak it,
numbers and durations follow QLocale, and the language chosen in the app is kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.core import i18n
from piritimer.core.engine import State
from piritimer.core.timeline import StepKind, compile_session
from piritimer.ui.announcer import milestone_announcement, start_announcement
from piritimer.ui.controls import Action
from piritimer.ui.display_settings import DisplaySettings, language_choices, open_display_dialog
from piritimer.ui.library import LibraryModel
from piritimer.ui.local_format import duration_text, keys_text, number_text
from piritimer.ui.main_window import MainWindow
from piritimer.widgets.app_language import (
    FOLLOW_SYSTEM,
    apply_language,
    language_choice,
    resolve_language,
)
from tests.ui.helpers import FakeClock, advance, make_services

ROOT = Path(__file__).resolve().parents[2]
NNBSP = "\u202f"  # French: before : ; ! ?
NBSP = "\u00a0"  # between a number and its unit
Switch = Callable[[str], None]


@pytest.fixture(autouse=True)
def default_locale() -> Iterator[None]:
    """A test that sets QLocale's default (as the app does at start) cannot leave it set."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def english_sources(language: str) -> set[str]:
    """Every English string the catalog translates into something else: on screen in
    ``language``, any of them is a string left untranslated."""
    with (ROOT / "po" / f"{language}.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    found: set[str] = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found |= {text.replace("&&", "&") for text in ids if text not in strings}
    return found


def shown_texts(widget: QWidget) -> list[str]:
    """The words of ``widget`` and everything in it: texts, tooltips, placeholders, names."""
    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        texts += [child.toolTip(), child.accessibleName(), child.accessibleDescription()]
    return [text for text in texts if text]


def english_left(texts: list[str], language: str) -> list[str]:
    english = english_sources(language)
    return [text for text in texts if text in english]


@pytest.fixture
def french_window(
    qtbot: QtBot, in_language: Switch, clock: FakeClock, library: LibraryModel, settings: QSettings
) -> MainWindow:
    """The home window built after the app switched to French, as the app does at start."""
    in_language("fr")
    QLocale.setDefault(QLocale("fr"))
    main = build_window(make_services(clock, library, settings), restore=False)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_toolbar_speaks_french_with_no_english_left(french_window: MainWindow) -> None:
    actions = [a for a in french_window.toolbar.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == [
        "Séances",
        "Ouvrir…",
        "Mon dossier",
        "Nouvelle séance",
        "Modifier",
        "Présenter",
        "Son && voix",
        "Affichage && langue",
        "Historique",
    ]
    # Key names are Qt's (qtbase translations, installed by the app at start; not here).
    ctrl_o = keys_text("Ctrl+O")
    assert french_window.open_action.toolTip() == f"Ouvrir un fichier de séance ({ctrl_o})"
    assert french_window.toolbar.windowTitle() == "Barre d’outils principale"
    words = [a.text().replace("&&", "&") for a in actions] + [a.toolTip() for a in actions]
    assert english_left(words, "fr") == []
    # The check can fail: the English words are found.
    assert english_left(["All sessions", "Sound & voice", "Hip release"], "fr") == [
        "All sessions",
        "Sound & voice",
    ]


def test_the_library_speaks_french(french_window: MainWindow, sessions_dir: Path) -> None:
    page = french_window.library_page
    assert page.heading.text() == "Séances"
    assert page.filter_edit.placeholderText() == "Filtrer par mots…"
    assert page.open_button.text() == "Ouvrir un fichier…"
    assert page.tag_combo.itemText(0) == "Toutes les étiquettes"
    quick = page.card_for(sessions_dir / "quick.yaml")
    assert quick is not None
    assert quick.meta_label.text().endswith(" · 1 exercice")
    broken = page.card_for(sessions_dir / "broken.yaml")
    assert broken is not None
    assert broken.meta_label.text() == "impossible à ouvrir"
    assert broken.error_label.text().startswith(f"Erreur{NNBSP}: ligne 4{NNBSP}: ")
    assert english_left(shown_texts(page), "fr") == []


def test_the_preview_speaks_french(french_window: MainWindow, sessions_dir: Path) -> None:
    french_window.show_preview(sessions_dir / "hip-release.yaml")
    preview = french_window.preview_page
    assert preview.start_button.text() == "Démarrer"
    space = keys_text("Space")
    assert preview.start_button.toolTip() == f"Démarrer la séance depuis le début ({space})"
    assert preview.back_button.text() == "Toutes les séances"
    assert preview.safety_title.text() == "Sécurité"
    assert preview.meta_label.text().startswith(
        "2:28 en tout, plus la mise en place à votre rythme · 2 exercices · #hip"
    )
    first, second = preview.cards
    assert first.work_label.text() == f"2 répétitions · maintien 20{NBSP}s · gauche puis droite"
    assert second.work_label.text() == (
        f"2 respirations (inspiration 4{NBSP}s, maintien 2{NBSP}s, expiration 6{NBSP}s)"
    )
    assert first.note_labels[0].text().startswith(f"Côté travaillé{NNBSP}: ")
    assert preview.notes_panel.title_label.text() == "Avant de commencer"
    assert preview.notes_panel.equipment_label.text() == f"Il vous faudra{NNBSP}: un mur."
    assert "<b>Sources</b>" in preview.sources_label.text()
    assert "<b>Crédits</b>" in preview.sources_label.text()
    assert english_left(shown_texts(preview), "fr") == []


def test_the_runner_speaks_french(
    french_window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    french_window.show_preview(sessions_dir / "quick.yaml")
    assert french_window.start_session()
    runner = french_window.runner_page
    assert runner.instruction_label.text() == "Mettez-vous en position"
    assert runner.next_label.text().startswith(f"Ensuite{NNBSP}: ")
    assert runner.next_label.text().endswith(f" · 3{NBSP}s")
    assert runner.time_left_label.text().startswith("Encore ")
    assert runner.buttons[Action.PREVIOUS].accessibleName() == "Précédent"
    assert runner.buttons[Action.TOGGLE].text() == "Pause"
    assert runner.buttons[Action.WHERE].accessibleName() == f"Où en suis-je{NNBSP}?"
    assert runner.buttons[Action.STOP].toolTip() == (
        f"Arrêter et revenir à l’aperçu de la séance ({keys_text('Esc')} ou "
        f"{keys_text('Media Stop')})"
    )
    assert runner.dial.accessibleName().startswith(f"Compte à rebours{NNBSP}: ")
    french_window.driver.toggle()
    assert french_window.driver.state is State.PAUSED
    assert runner.state_label.text() == "En pause — appuyez sur Espace pour continuer"
    assert runner.buttons[Action.TOGGLE].text() == "Reprendre"
    assert english_left(shown_texts(runner), "fr") == []
    french_window.driver.toggle()
    advance(french_window, clock, 10_000)
    assert french_window.driver.state is State.FINISHED
    assert runner.time_left_label.text().startswith(f"Terminé{NNBSP}: ")
    assert runner.buttons[Action.TOGGLE].text() == "Recommencer"
    assert runner.buttons[Action.STOP].accessibleName() == "Retour"


def test_the_keys_overlay_speaks_french(french_window: MainWindow) -> None:
    overlay = french_window.help_overlay
    assert overlay.title.text() == "Touches"
    assert overlay.hint.text() == "Appuyez sur une touche pour fermer"
    assert overlay.rows[0][1] == "Précédent — Revenir à l’étape précédente"
    assert overlay.rows[-1][1] == "Ouvrir un fichier de séance"
    assert english_left(shown_texts(overlay), "fr") == []


def test_key_names_come_from_qts_own_translations(
    qtbot: QtBot, in_language: Switch, clock: FakeClock, library: LibraryModel, settings: QSettings
) -> None:
    in_language("de")
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert translator.load(QLocale("de"), "qtbase", "_", folder)
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        assert keys_text("Space", "Ctrl+O") == "Leertaste oder Strg+O"
        main = build_window(make_services(clock, library, settings), restore=False)
        qtbot.addWidget(main)
        assert main.open_action.toolTip() == "Einheitsdatei öffnen (Strg+O)"
        assert (
            main.preview_page.start_button.toolTip() == "Die Einheit von vorn starten (Leertaste)"
        )
    finally:
        app.removeTranslator(translator)


def test_a_german_window_writes_numbers_and_durations_as_german_does(
    qtbot: QtBot,
    in_language: Switch,
    clock: FakeClock,
    library: LibraryModel,
    settings: QSettings,
    sessions_dir: Path,
) -> None:
    in_language("de")
    QLocale.setDefault(QLocale("de"))
    assert duration_text(2.5) == f"2,5{NBSP}Sek."
    assert duration_text(90) == f"1{NBSP}Min. 30{NBSP}Sek."
    assert duration_text(3900) == f"1{NBSP}Std. 05{NBSP}Min."
    assert number_text(1000) == "1.000"
    assert number_text(2.5) == "2,5"
    session = sessions_dir / "short-hold.yaml"
    session.write_text(
        "title: Kurz\nexercises:\n  - name: Brücke\n    hold: 2.5s\n    reps: 3\n",
        encoding="utf-8",
    )
    main = build_window(make_services(clock, library, settings), restore=False)
    qtbot.addWidget(main)
    main.show_preview(session)
    card = main.preview_page.cards[0]
    assert card.work_label.text() == f"3 Wiederholungen · 2,5{NBSP}Sek. Halten"
    assert main.preview_page.meta_label.text().endswith(" insgesamt · 1 Übung")


def test_english_durations_stay_as_they_were() -> None:
    QLocale.setDefault(QLocale("en_US"))
    assert [duration_text(s) for s in (45, 2.5, 90, 60, 3900)] == [
        "45s",
        "2.5s",
        "1m30s",
        "1m",
        "1h05m",
    ]
    assert number_text(1000) == "1,000"


def test_the_announcements_speak_french(in_language: Switch, sessions_dir: Path) -> None:
    from piritimer.core.loader import load_session

    in_language("fr")
    QLocale.setDefault(QLocale("fr"))
    steps = compile_session(load_session(sessions_dir / "hip-release.yaml").session).steps
    assert start_announcement(steps[-1]) == "Séance terminée."
    setup = next(step for step in steps if step.kind is StepKind.SETUP)
    assert start_announcement(setup, i18n.current()).startswith("Mettez-vous en position. ")
    hold = next(step for step in steps if step.kind is StepKind.HOLD)
    assert milestone_announcement(hold, 10) == f"Encore 10{NBSP}secondes."


def test_the_language_choice_is_saved_and_read_back(
    qtbot: QtBot, in_language: Switch, window: MainWindow
) -> None:
    in_language("en")
    dialog = open_display_dialog(window.display, window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Display and language"
    system = i18n.LANGUAGE_NAMES[resolve_language(FOLLOW_SYSTEM)]
    offered = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert offered == [f"Follow the system ({system})", "English", "Français", "Deutsch", "Español"]
    assert dialog.chosen_language() == FOLLOW_SYSTEM
    assert not dialog.language_note.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.languageChosen) as chosen:
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert chosen.args == ["fr"]
    assert language_choice(window.settings) == "fr"
    # Said in the language chosen, for the person who will read it.
    assert dialog.language_note.text() == (
        "La nouvelle langue sera utilisée au prochain démarrage de piritimer."
    )
    assert dialog.language_note.isVisibleTo(dialog)
    again = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert language_choice(again) == "fr"
    reopened = open_display_dialog(window.display, again, window)
    qtbot.addWidget(reopened)
    assert reopened.chosen_language() == "fr"
    # The next start applies it, as piritimer.app does before building any window.
    assert apply_language(None, language_choice(again)) == "fr"
    assert i18n.current_language() == "fr"
    assert QLocale().language() is QLocale.Language.French
    reopened.language.setCurrentIndex(0)
    assert language_choice(window.settings) == FOLLOW_SYSTEM
    assert reopened.language_note.isVisibleTo(reopened)  # a change from "fr", said again
    reopened.language.setCurrentIndex(reopened.language.findData("fr"))
    assert not reopened.language_note.isVisibleTo(reopened)  # back to what this run began with


def test_a_hand_written_language_tag_stays_on_offer(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    store = QSettings(str(tmp_path / "hand.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "pt-BR")
    dialog = open_display_dialog(window.display, store, window)
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "pt-BR"
    assert len(language_choices()) + 1 == dialog.language.count()


def test_the_dialog_in_french(qtbot: QtBot, french_window: MainWindow) -> None:
    dialog = open_display_dialog(french_window.display, None, french_window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Affichage et langue"
    assert dialog.language.itemText(0).startswith("Suivre le système (")
    assert english_left(shown_texts(dialog), "fr") == []


@pytest.mark.parametrize("language", ["en", "fr", "de", "es"])
@pytest.mark.parametrize("size", [(1280, 800), (1000, 700)])
def test_every_toolbar_action_shows_in_every_language(
    qtbot: QtBot,
    in_language: Switch,
    clock: FakeClock,
    library: LibraryModel,
    settings: QSettings,
    language: str,
    size: tuple[int, int],
) -> None:
    in_language(language)
    main = build_window(make_services(clock, library, settings), restore=False)
    qtbot.addWidget(main)
    main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    main.apply_display(DisplaySettings(200))  # the largest text asks most of the toolbar
    bar = main.toolbar

    def hidden() -> list[str]:
        return [
            action.text()
            for action in bar.actions()
            if not action.isSeparator() and not bar.widgetForAction(action).isVisible()
        ]

    qtbot.waitUntil(lambda: hidden() == [], timeout=2000)


@pytest.mark.parametrize("size", [(1280, 800), (1000, 700)])
def test_the_keys_overlay_fits_the_window_in_french(
    qtbot: QtBot, french_window: MainWindow, size: tuple[int, int]
) -> None:
    french_window.resize(*size)
    qtbot.waitUntil(lambda: french_window.width() == size[0])
    overlay = french_window.help_overlay
    overlay.show_over_parent()
    panel = overlay.panel
    assert overlay.rect().contains(panel.geometry())
    layout = panel.layout()
    assert layout is not None
    assert layout.totalHeightForWidth(panel.width()) <= panel.height()  # nothing cut off


@pytest.mark.parametrize("language", ["fr", "de", "es"])
def test_no_english_is_left_on_any_page(
    qtbot: QtBot,
    in_language: Switch,
    clock: FakeClock,
    library: LibraryModel,
    settings: QSettings,
    sessions_dir: Path,
    language: str,
) -> None:
    in_language(language)
    main = build_window(make_services(clock, library, settings), restore=False)
    qtbot.addWidget(main)
    main.show()
    seen = shown_texts(main.library_page)
    main.show_preview(sessions_dir / "hip-release.yaml")
    seen += shown_texts(main.preview_page)
    assert main.start_session()
    advance(main, clock, 12)  # into the first hold's get-ready
    seen += shown_texts(main.runner_page)
    main.driver.toggle()  # paused: its note and the Resume button
    seen += shown_texts(main.runner_page)
    seen += shown_texts(main.help_overlay)
    dialog = open_display_dialog(main.display, None, main)
    qtbot.addWidget(dialog)
    seen += shown_texts(dialog)
    actions = [a for a in main.toolbar.actions() if not a.isSeparator()]
    seen += [a.text().replace("&&", "&") for a in actions] + [a.toolTip() for a in actions]
    assert len(seen) > 100
    assert english_left(seen, language) == []
