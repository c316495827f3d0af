"""The translation mechanism: which language is chosen, and where its words come from."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from piritimer import paths
from piritimer.core import i18n
from piritimer.core.loader import load_session_bytes
from piritimer.widgets.app_language import (
    FOLLOW_SYSTEM,
    apply_language,
    language_choice,
    resolve_language,
    save_language_choice,
)
from tests.i18n.pseudo import pseudo, write_pseudo_catalog


@pytest.mark.parametrize(
    ("preferences", "chosen"),
    [
        (["fr_CA.UTF-8"], "fr"),
        (["de-CH", "fr"], "de"),
        (["pt-BR", "es-419"], "es"),
        (["C.UTF-8", "POSIX", "de"], "de"),
        (["ja", "zh"], "en"),
        ([], "en"),
    ],
)
def test_the_first_preferred_language_piritimer_has_is_chosen(
    preferences: list[str], chosen: str
) -> None:
    assert i18n.best_language(preferences, i18n.SHIPPED_LANGUAGES) == chosen


def test_the_environment_is_read_as_gettext_reads_it() -> None:
    assert i18n.environment_languages({"LANGUAGE": "de:fr", "LANG": "es_ES"}) == ["de", "fr"]
    assert i18n.environment_languages({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de"}) == [
        "fr_FR.UTF-8"
    ]
    assert i18n.environment_languages({"LANG": "es_ES.UTF-8"}) == ["es_ES.UTF-8"]
    assert i18n.environment_languages({}) == []


def test_a_language_without_a_catalog_speaks_the_source_words(tmp_path: Path) -> None:
    i18n.configure(tmp_path)
    assert i18n.catalog("ja").gettext("Start") == "Start"
    assert not i18n.has_catalog("ja")
    assert i18n.has_catalog("en")
    assert i18n.available_languages() == ("en",)


def test_a_compiled_catalog_is_found_and_used(tmp_path: Path) -> None:
    write_pseudo_catalog(tmp_path, "qps")
    i18n.configure(tmp_path)
    assert "qps" in i18n.available_languages()
    assert i18n.best_language(["qps"]) == "qps"
    i18n.use("qps")
    marked = next(iter(_some_marked_string()), None)
    if marked is not None:
        assert i18n._(marked) == pseudo(marked)
    assert i18n.current_language() == "qps"
    i18n.use("en")
    if marked is not None:
        assert i18n._(marked) == marked


def _some_marked_string() -> list[str]:
    from tests.i18n.catalogs import TEMPLATE, messages, read

    return [m.id for m in messages(read(TEMPLATE)) if isinstance(m.id, str) and not m.context]


def test_the_shipped_catalogs_are_where_paths_says(in_language: Callable[[str], None]) -> None:
    in_language("fr")
    assert (paths.locale_dir() / "fr" / "LC_MESSAGES" / "piritimer.mo").is_file()
    assert i18n.current_language() == "fr"
    assert i18n.has_catalog("fr")


def test_a_translators_catalog_can_be_tried_without_installing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIRITIMER_LOCALE_DIR", str(tmp_path))
    assert paths.locale_dir() == tmp_path


def test_the_chosen_language_is_kept_and_a_broken_value_follows_the_system(
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert language_choice(settings) == FOLLOW_SYSTEM
    save_language_choice(settings, "de")
    assert language_choice(settings) == "de"
    settings.setValue("ui/language", "<b>not a tag</b>")
    assert language_choice(settings) == FOLLOW_SYSTEM


def test_applying_a_language_sets_the_words_and_qlocale(
    qapp: QApplication, in_language: Callable[[str], None]
) -> None:
    in_language("en")  # the real catalogs
    try:
        assert resolve_language("de") == "de"
        assert apply_language(qapp, "de") == "de"
        assert i18n.current_language() == "de"
        assert QLocale().language() is QLocale.Language.German
        assert QLocale().toString(1.5, "f", 1) == "1,5"
    finally:
        apply_language(qapp, "en")
        # Qt's German strings (key names: Strg, Leertaste) would stay for every later test.
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
    assert QLocale().language() is QLocale.Language.English


def test_a_session_names_its_language_as_a_tag() -> None:
    def load(line: str) -> object:
        text = textwrap.dedent(
            f"""\
            title: T
            {line}
            exercises:
              - name: Figure four
                hold: 30s
            """
        )
        return load_session_bytes(text, label="s.yaml")

    result = load("language: pt_br")
    assert result.session is not None
    assert result.session.language == "pt-BR"
    result = load("language: French")
    assert result.session is None
    assert [str(d) for d in result.diagnostics] == [
        "s.yaml:2:11: `language`: expected a language tag such as `fr`, `de` or `es-MX`,"
        " found 'French'"
    ]


def test_a_session_is_framed_in_its_own_language_else_the_apps(
    in_language: Callable[[str], None],
) -> None:
    in_language("de")
    assert i18n.for_session("fr").language == "fr"
    assert i18n.for_session("fr-CA").language == "fr"
    assert i18n.for_session(None).language == "de"


def test_the_app_follows_the_systems_language_unless_one_is_chosen(tmp_path: Path) -> None:
    """The real start-up path in a process of its own (Qt reads the system's locale once):
    a German desktop gets German words and numbers; a choice in the settings wins over it."""
    import os
    import subprocess
    import sys

    probe = (
        "from piritimer.app import build_services, create_application\n"
        "from piritimer.core import i18n\n"
        "from PySide6.QtCore import QLocale\n"
        "app = create_application([])\n"
        "build_services(app)\n"
        "print(i18n.current_language(), QLocale().toString(1.5, 'f', 1), i18n._('Start'))\n"
    )
    root = Path(__file__).resolve().parents[2]

    def start(home: Path, **env: str) -> str:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        environ.update(PIRITIMER_HOME=str(home), QT_QPA_PLATFORM="offscreen", **env)
        done = subprocess.run(
            [sys.executable, "-c", probe],
            env=environ,
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1]

    german = tmp_path / "german"
    assert start(german, LANG="de_DE.UTF-8") == "de 1,5 Starten"
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "settings.ini").write_text("[ui]\nlanguage=es\n", encoding="utf-8")
    assert start(chosen, LANG="de_DE.UTF-8") == "es 1,5 Empezar"
    assert start(tmp_path / "plain", LANG="C.UTF-8") == "en 1.5 Start"
