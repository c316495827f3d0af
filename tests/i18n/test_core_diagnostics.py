"""The loader's diagnostics and the command line in French, German and Spanish: the place
(``file:line:col:``) and the format's own words (in backticks, or the file's text in quotes)
stay as they are; the sentence around them is translated, with no English left."""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from piritimer.core.diagnostics import quoted
from piritimer.core.loader import load_session_bytes
from piritimer.core.report import check_paths, render_text
from tests.test_startup_check import run_piritimer

LANGUAGES = ("fr", "de", "es")

ENGLISH = re.compile(
    r"\b(the|expected|found|unknown|did you mean|should|write|needs|missing|duration|"
    r"not|one of|nothing|warning|exercise|file|reads)\b",
    re.IGNORECASE,
)
"""Words every one of these messages has in English, and none has in the translations."""

BAD = textwrap.dedent(
    """\
    title: Hips
    exercises:
      - name: Figure four
        hold: 30 secs please
        sides: left and rihgt
        sets: three
        voice: of
        colour: red
      - nme: Knee hug
        hold: 0
    """
)
PLACES = ["4:11", "5:12", "6:11", "7:12", "8:5", "9:5", "9:5", "10:11"]


def words_of(message: str) -> str:
    """A message without what it quotes: the format's words in backticks, the file's in quotes."""
    return re.sub(r"`[^`]*`|'[^']*'", "", message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_typical_mistakes_are_told_in_the_language_at_their_place(
    language: str, in_language: Callable[[str], None]
) -> None:
    in_language(language)
    diagnostics = load_session_bytes(BAD, label="s.yaml").diagnostics
    shown = [str(d) for d in diagnostics]
    assert [s.split(": ", 1)[0] for s in shown] == [f"s.yaml:{place}" for place in PLACES]
    for message in shown:
        assert ENGLISH.search(words_of(message.split(": ", 1)[1])) is None, message
    # The format's words and the file's own text are quoted as they were written.
    assert "`left then right`" in shown[1]
    assert "'left and rihgt'" in shown[1]
    assert "`name`" in shown[5]


def test_a_french_message_keeps_its_typography(in_language: Callable[[str], None]) -> None:
    in_language("fr")
    (diagnostic,) = load_session_bytes(
        "title: x\nexercises:\n  - name: a\n    hold: 30s\n    voice: of\n", label="s.yaml"
    ).diagnostics
    assert str(diagnostic) == (
        "s.yaml:5:12: `voice`\u202f: vouliez-vous dire `off`\u202f? "
        "`on` ou `off` est attendu, trouvé 'of'"
    )


@pytest.mark.parametrize(
    ("language", "word"), [("fr", "avertissement"), ("de", "Warnung"), ("es", "advertencia")]
)
def test_a_warning_says_so_in_the_language(
    language: str, word: str, in_language: Callable[[str], None]
) -> None:
    in_language(language)
    result = load_session_bytes(
        "title: x\ntags: hip, stretch\nexercises:\n  - name: a\n    hold: 30s\n", label="s.yaml"
    )
    (warning,) = result.diagnostics
    shown = str(warning)
    assert shown.startswith(f"s.yaml:2:7: {word}")
    assert "`tags: [hip, stretch]`" in shown
    assert ENGLISH.search(words_of(shown.split(": ", 1)[1])) is None, shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_yaml_syntax_error_is_translated(
    language: str, in_language: Callable[[str], None]
) -> None:
    in_language(language)
    (diagnostic,) = load_session_bytes("title: x\nexercises:\n\t- name: a\n").diagnostics
    assert (diagnostic.line, diagnostic.column) == (3, 1)
    assert "YAML" in diagnostic.message
    assert ENGLISH.search(words_of(diagnostic.message)) is None, diagnostic.message


def test_the_report_counts_in_the_language(
    tmp_path: Path, in_language: Callable[[str], None]
) -> None:
    in_language("de")
    good = tmp_path / "good.yaml"
    good.write_text("title: x\nexercises:\n  - name: a\n    hold: 30s\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out, err = render_text(check_paths([str(good), str(bad)], read_stdin=bytes))
    assert out == f"{good}: ok — 1 Übung, 0:50 insgesamt\n"
    assert err.endswith("1 von 2 Dateien hat Fehler\n")


def _piritimer(*args: str, language: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return run_piritimer(*args, env={**env, "LANGUAGE": language})


def test_validate_speaks_the_environments_language(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    done = _piritimer("validate", str(bad), language="de")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == (
        f"{bad}:4:11: `hold`: '30 secs please' ist keine Dauer; schreib z. B. 30, 30s, 1m30s "
        "oder 1:30 (oder eine Zahl von Atemzügen, z. B. `5 breaths`)"
    )
    assert f"{bad}:8:5: unbekannter Schlüssel `colour` in einer Übung;" in done.stderr
    for line in lines:
        assert ENGLISH.search(words_of(line.split(": ", 1)[1])) is None, line


def test_the_command_lines_help_and_mistakes_are_translated(tmp_path: Path) -> None:
    helped = _piritimer("validate", "--help", language="es")
    assert helped.returncode == 0
    assert "mostrar solo los problemas" in helped.stdout
    mistyped = _piritimer("valdate", language="fr")
    assert mistyped.returncode == 2
    assert (
        "'valdate' n'est ni une commande (new, validate, show, schema, export, history) ni un "
        "fichier de séance\u202f; vouliez-vous dire `validate`\u202f?"
    ) in mistyped.stderr


def test_argparses_own_words_are_translated_too() -> None:
    missing = _piritimer("validate", language="fr")
    assert missing.returncode == 2
    assert missing.stderr.startswith("utilisation\u202f: piritimer validate [-h]")
    assert missing.stderr.endswith(
        "piritimer validate\u202f: erreur\u202f: les arguments suivants sont obligatoires\u202f: "
        "PATH\n"
    )
    helped = _piritimer("--help", language="de")
    assert helped.returncode == 0
    assert "diese Hilfe anzeigen und beenden" in helped.stdout
    assert "Versionsnummer anzeigen und beenden" in helped.stdout
    assert "help message" not in helped.stdout


def test_an_invisible_character_is_named_in_the_language(
    in_language: Callable[[str], None],
) -> None:
    in_language("fr")
    *_, diagnostic = load_session_bytes(
        "title: x\nexercises:\n  - name: a\n    hold\u00a0time: 30s\n", label="s.yaml"
    ).diagnostics
    assert str(diagnostic) == (
        "s.yaml:4:5: clé inconnue 'hold\\xa0time' dans un exercice\u202f: la clé contient "
        "U+00A0 (espace insécable) en position 5\u202f; retapez-la avec des espaces ordinaires"
    )


@pytest.mark.parametrize(
    ("language", "length"),
    [("en", "(5,000 characters)"), ("fr", "(5\u202f000 caractères)"), ("de", "(5.000 Zeichen)")],
)
def test_long_numbers_are_grouped_as_the_language_writes_them(
    language: str, length: str, in_language: Callable[[str], None]
) -> None:
    in_language(language)
    assert quoted("x" * 5000).endswith(f"… {length}")
