"""Warnings: legal, but probably not what the author meant. The file still loads."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from piritimer.cli import main
from piritimer.core.diagnostics import Severity
from piritimer.core.loader import load_session_bytes


def warnings(text: str) -> list[str]:
    result = load_session_bytes(textwrap.dedent(text), label="s.yaml")
    assert result.ok, result.diagnostics
    assert all(d.severity is Severity.WARNING for d in result.diagnostics)
    return [str(d) for d in result.diagnostics]


def test_a_comma_separated_tag_string_is_one_tag() -> None:
    text = "title: T\ntags: hip, stretch\nexercises: [{name: A, hold: 30s}]\n"
    assert warnings(text) == [
        "s.yaml:2:7: warning: `tags: hip, stretch` is one tag, 'hip, stretch'; for several tags "
        "write a list: `tags: [hip, stretch]`"
    ]
    assert load_session_bytes(text).session.tags == ("hip, stretch",)  # type: ignore[union-attr]


def test_a_list_of_tags_is_fine() -> None:
    assert warnings("title: T\ntags: [hip, stretch]\nexercises: [{name: A, hold: 30s}]\n") == []


def test_text_after_a_single_space_and_hash_is_a_comment() -> None:
    text = """\
        title: T
        exercises:
          - name: Knee hug #2
            hold: 30s
            setup:
              - Lie down #on the mat
              - Knees up  # two spaces: a comment meant as one
            cues:
              hold: breathe # slowly
        """
    assert warnings(text) == [
        "s.yaml:3:11: warning: `name` reads 'Knee hug': the text after ` #` is a comment; to "
        'keep it, put the whole text in quotes: `name: "Knee hug #2"` (a comment meant as one '
        "takes two spaces before the #)",
        "s.yaml:6:9: warning: `setup` reads 'Lie down': the text after ` #` is a comment; to "
        'keep it, put the whole text in quotes: `- "Lie down #on the mat"` (a comment meant as '
        "one takes two spaces before the #)",
        "s.yaml:9:13: warning: `hold` reads 'breathe': the text after ` #` is a comment; to "
        'keep it, put the whole text in quotes: `hold: "breathe # slowly"` (a comment meant as '
        "one takes two spaces before the #)",
    ]


def test_the_template_style_comments_after_values_are_not_warned_about() -> None:
    from piritimer.editor.template import template

    assert warnings(template()) == []


def test_a_spoken_line_too_long_for_its_step() -> None:
    text = """\
        title: T
        exercises:
          - name: Quick breaths
            breathing: {inhale: 2s, exhale: 2s, cycles: 3}
            cues:
              inhale: fill the belly slowly and deeply and let the ribs widen
        """
    (message,) = warnings(text)
    assert message.startswith(
        "s.yaml:3:1: warning: the inhale step of `Quick breaths` lasts 2 s, but saying "
        "'Breathe in. Fill the belly slo'… (68 characters) takes about "
    )
    assert message.endswith(
        "so the voice will cut it short; shorten the words or lengthen the step"
    )


def test_piritimers_own_words_in_a_short_step_are_not_the_authors_problem() -> None:
    assert warnings("title: T\nexercises: [{name: A, hold: 1s}]\n") == []


def test_a_name_too_long_to_show() -> None:
    name = "A very long exercise name that goes on and on about what it does"
    (message,) = warnings(f"title: T\nexercises:\n  - name: {name}\n    hold: 30s\n")
    assert message == (
        f"s.yaml:3:11: warning: `name` is {len(name)} characters long and the window shows about "
        "60, so it will be cut short there; keep it short (details can go in `about:` or "
        "`summary:`)"
    )


def test_validate_shows_warnings_and_fails_on_them_only_when_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("title: T\ntags: hip, stretch\nexercises: [{name: A, hold: 30s}]\n")
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{path}: ok — 1 exercise, 0:50 total, 1 warning\n"
    assert captured.err.startswith(f"{path}:2:7: warning: `tags: hip, stretch` is one tag")
    assert main(["validate", "--strict", str(path)]) == 1
    capsys.readouterr()
    assert main(["validate", "--format", "github", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"::warning file={path},line=2,col=7,")
