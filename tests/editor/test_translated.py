"""The editor in French, German and Spanish: menus, toolbar, prompts, status, preview and the
new session's template speak the app's language, and no menu gives two actions one key."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from piritimer.core import i18n
from piritimer.core.loader import load_session_bytes
from piritimer.core.timeline import StepKind, compile_session
from piritimer.editor import prompts
from piritimer.editor.preview_rows import preview_rows
from piritimer.editor.template import template
from piritimer.editor.window import EditorWindow
from tests.app_locale import locale_default
from tests.i18n.pseudo import PSEUDO_LANGUAGE, is_pseudo, write_pseudo_catalog

MakeEditor = Callable[[Path | None], EditorWindow]
Switch = Callable[[str], None]
NNBSP = "\u202f"
Button = QMessageBox.StandardButton


@pytest.fixture
def speak(in_language: Switch) -> Iterator[Switch]:
    """The app's words and QLocale's numbers in one language, as ``apply_language`` sets them."""
    with locale_default("en"):

        def switch(language: str) -> None:
            in_language(language)
            QLocale.setDefault(QLocale(language))

        yield switch


def accelerator(text: str) -> str | None:
    """The key after a single ``&`` ("Save &as…" → "a"); ``&&`` is a literal ampersand."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def menus(window: EditorWindow) -> list[QMenu]:
    found = [action.menu() for action in window.menuBar().actions()]
    return [menu for menu in found if isinstance(menu, QMenu)]


def shown_texts(window: EditorWindow) -> list[str]:
    """Every menu title, action text and tooltip, and the toolbar's name: the window's chrome."""
    texts = [menu.title() for menu in menus(window)]
    for menu in menus(window):
        for action in menu.actions():
            if not action.isSeparator():
                texts += [action.text(), action.toolTip()]
    toolbar = window.findChild(QToolBar)
    assert toolbar is not None
    texts.append(toolbar.windowTitle())
    texts += [a.text() for a in toolbar.actions() if not a.isSeparator()]
    return texts


@pytest.mark.parametrize("language", i18n.SHIPPED_LANGUAGES)
def test_no_two_actions_in_a_menu_share_an_accelerator(
    make_editor: MakeEditor, speak: Switch, language: str
) -> None:
    speak(language)
    window = make_editor(None)
    titles = [accelerator(menu.title()) for menu in menus(window)]
    assert None not in titles
    assert len(set(titles)) == len(titles), titles
    for menu in menus(window):
        actions: list[QAction] = [a for a in menu.actions() if not a.isSeparator()]
        keys = [accelerator(action.text()) for action in actions]
        assert None not in keys, (menu.title(), [a.text() for a in actions])
        assert len(set(keys)) == len(keys), (menu.title(), [a.text() for a in actions])


def test_the_french_editor_has_no_english_left_in_its_menus_and_toolbar(
    make_editor: MakeEditor, speak: Switch
) -> None:
    english = shown_texts(make_editor(None))
    speak("fr")
    window = make_editor(None)
    french = shown_texts(window)
    assert len(french) == len(english)
    left = [(en, fr) for en, fr in zip(english, french, strict=True) if en == fr]
    assert left == []
    assert [menu.title() for menu in menus(window)] == [
        "&Fichier",
        "É&dition",
        "&Affichage",
        "E&xécution",
    ]
    assert window.windowTitle() == "Nouvelle séance[*] — éditeur piritimer"


def test_the_french_save_prompt_asks_in_french(make_editor: MakeEditor, speak: Switch) -> None:
    speak("fr")
    window = make_editor(None)
    box = prompts.unsaved_changes_box(window, "hanche.yaml")
    assert box.windowTitle() == "Modifications non enregistrées"
    assert (
        box.text()
        == f"Enregistrer les modifications de «{NNBSP}hanche.yaml{NNBSP}» avant de fermer{NNBSP}?"
    )
    assert box.informativeText().startswith("Si vous n’enregistrez pas")
    buttons = {
        which: box.button(which).text() for which in (Button.Save, Button.Discard, Button.Cancel)
    }
    assert buttons == {
        Button.Save: "&Enregistrer",
        Button.Discard: "&Ne pas enregistrer",
        Button.Cancel: "Annuler",
    }
    box.deleteLater()


def test_the_go_to_line_question_is_french(make_editor: MakeEditor, speak: Switch) -> None:
    speak("fr")
    dialog = prompts.go_to_line_dialog(make_editor(None), 3, 40)
    assert dialog.windowTitle() == "Aller à la ligne"
    assert dialog.labelText() == f"Ligne (1–40){NNBSP}:"
    assert (dialog.okButtonText(), dialog.cancelButtonText()) == ("&Aller", "Annuler")
    assert (dialog.intMinimum(), dialog.intMaximum(), dialog.intValue()) == (1, 40, 3)
    dialog.deleteLater()


@pytest.mark.parametrize(
    ("problems", "words"),
    [
        (1, "Cette séance a 1 problème."),
        (2, "Cette séance a 2 problèmes."),
        (1_000_000, f"Cette séance a 1{NNBSP}000{NNBSP}000 de problèmes."),
    ],
)
def test_saving_with_problems_is_asked_in_french_with_the_right_plural(
    make_editor: MakeEditor, speak: Switch, problems: int, words: str
) -> None:
    speak("fr")
    window = make_editor(None)
    box = prompts.save_with_errors_box(window, problems)
    assert box.windowTitle() == f"Enregistrer malgré les problèmes{NNBSP}?"
    assert box.text().startswith(words)
    assert box.button(Button.Save).text() == "&Enregistrer quand même"
    box.deleteLater()


def test_file_dialog_filters_keep_their_patterns_in_every_language(speak: Switch) -> None:
    for language in i18n.SHIPPED_LANGUAGES:
        speak(language)
        assert re.fullmatch(r"[^;]+ \(\*\.yaml \*\.yml\);;[^;]+ \(\*\)", prompts.session_filter())
        assert re.fullmatch(r"[^;]+ \(\*\.piritimer\);;[^;]+ \(\*\)", prompts.bundle_filter())
    speak("de")
    assert prompts.session_filter() == "Einheitsdateien (*.yaml *.yml);;Alle Dateien (*)"


def test_the_status_bar_problems_and_preview_speak_german(
    make_editor: MakeEditor, speak: Switch
) -> None:
    speak("de")
    window = make_editor(None)
    assert window.state_label.text() == "✔ Gültig"
    assert window.position_label.text() == "Zeile 1, Spalte 1"
    assert "Keine Probleme" in window.problems.heading.text()
    header = window.preview.tree.headerItem()
    assert [header.text(i) for i in range(3)] == ["Übung / Schritt", "Beginn", "Dauer"]
    assert "2 Übungen" in window.preview.total.text()
    assert (
        window.preview.try_button.text() == "▶  Diese Übung ausprobieren (setz den Cursor in eine)"
    )
    first_exercise = window.text().split("\n").index("  - name: Figur-4-Dehnung") + 1
    window.editor.go_to(first_exercise + 1)
    assert window.preview.try_button.text() == "▶  „Figur-4-Dehnung“ ausprobieren"


def test_a_broken_text_is_reported_in_spanish(make_editor: MakeEditor, speak: Switch) -> None:
    speak("es")
    window = make_editor(None)
    window.checker.check_now("title: [\n")
    assert re.fullmatch(r"✖ \d+ problemas?", window.state_label.text())
    assert window.problems.list.item(0).text().startswith("Línea ")
    assert window.preview.stale.label.text().startswith("<b>Desactualizado</b>")
    assert "por corregir" in window.preview.stale.label.text()


@pytest.mark.parametrize("language", i18n.SHIPPED_LANGUAGES)
def test_the_new_session_template_is_valid_in_every_language(speak: Switch, language: str) -> None:
    speak(language)
    text = template()
    result = load_session_bytes(text)
    assert result.diagnostics == ()
    assert result.session is not None
    # A translated template names its language, so the voice frames its words in it.
    assert result.session.language == (None if language == "en" else language)
    for key in ("format:", "title:", "defaults:", "exercises:", "sides: left then right"):
        assert key in text, key


def test_the_french_template_is_french_and_opens_in_the_editor(
    make_editor: MakeEditor, speak: Switch
) -> None:
    speak("fr")
    window = make_editor(None)
    text = window.text()
    assert "title: Ma séance" in text
    assert "language: fr" in text
    assert "# Une séance piritimer." in text
    assert window.problems.lines() == []


def test_every_word_the_editor_shows_is_marked_for_translation(
    make_editor: MakeEditor, tmp_path: Path
) -> None:
    """Under the pseudo-locale every string the window shows comes out accented: one still in
    plain English reached the window without going through the catalog."""
    write_pseudo_catalog(tmp_path / "locale")
    i18n.configure(tmp_path / "locale")
    i18n.use(PSEUDO_LANGUAGE)
    try:
        window = make_editor(None)  # the template, too, is in the pseudo words
        window.find_bar.open_bar()
        window.find_bar.field.setText("zzz")
        shown = [window.windowTitle(), *shown_texts(window)]
        for widget in window.findChildren(QWidget):
            shown += [widget.toolTip(), widget.accessibleName()]
            if isinstance(widget, (QLabel, QAbstractButton)):
                shown.append(widget.text())
            if isinstance(widget, QLineEdit):
                shown.append(widget.placeholderText())
        header = window.preview.tree.headerItem()
        shown += [header.text(i) for i in range(header.columnCount())]
    finally:
        i18n.use(i18n.SOURCE_LANGUAGE)
    worded = [text for text in shown if re.search(r"[^\W\d_]{2,}", text)]
    assert len(worded) > 40
    assert [text for text in worded if not is_pseudo(text)] == []


@pytest.mark.parametrize(("language", "lowered"), [(None, True), ("fr", True), ("de", False)])
def test_a_steps_position_keeps_its_capital_only_where_nouns_do(
    language: str | None, lowered: bool
) -> None:
    head = f"language: {language}\n" if language else ""
    text = head + (
        "title: T\nexercises:\n  - name: Stretch\n    sides: left then right\n    hold: 10s\n"
    )
    session = load_session_bytes(text).session
    assert session is not None
    timeline = compile_session(session)
    step = next(s for s in timeline.steps if s.side is not None and s.kind is StepKind.HOLD)
    where = step.position_text()
    shown = preview_rows(timeline)[0].steps[step.index - timeline.exercise_range(0).start]
    expected = where[:1].lower() + where[1:] if lowered else where
    assert shown.texts[0] == f"{step.title} · {expected}"
