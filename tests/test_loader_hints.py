"""Messages that know the format: misplaced keys, near-miss words, syntax errors as written."""

from __future__ import annotations

import textwrap

import pytest

from piritimer.core.loader import load_session_bytes


def errors(text: str) -> list[str]:
    result = load_session_bytes(textwrap.dedent(text), label="s.yaml")
    return [str(d) for d in result.diagnostics]


def exercise(lines: str) -> str:
    return "title: T\nexercises:\n  - name: A\n" + textwrap.indent(textwrap.dedent(lines), "    ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            exercise("breathing: {inhale: 4s}\ncycles: 5\n"),
            "s.yaml:5:5: unknown key `cycles` in exercise; `cycles` goes under the exercise's "
            "`breathing:`",
        ),
        (
            exercise("hold: 30s\ninhale: 4s\n"),
            "s.yaml:5:5: unknown key `inhale` in exercise; `inhale` goes under the exercise's "
            "`breathing:`",
        ),
        (
            exercise("hold: 30s\nexhale: let the shoulders drop\n"),
            "s.yaml:5:5: unknown key `exhale` in exercise; `exhale` is a cue: it goes under the "
            "exercise's `cues:`",
        ),
        (
            exercise("hold: 30s\nrest: 20s\n"),
            "s.yaml:5:5: unknown key `rest` in exercise; `rest` alone is not a key; write "
            "`rest between reps`, `rest between sets` or `rest after`",
        ),
        (
            exercise("hold: 30s\ntags: [hip]\n"),
            "s.yaml:5:5: unknown key `tags` in exercise; `tags` belongs at the top level of the "
            "file",
        ),
        (
            "title: T\nrest after: 5s\nexercises: [{name: A, hold: 30s}]\n",
            "s.yaml:2:1: unknown key `rest after` in session; `rest after` goes under "
            "`defaults:` (for every exercise) or in an exercise",
        ),
        (
            "title: T\nhold: 5s\nexercises: [{name: A, hold: 30s}]\n",
            "s.yaml:2:1: unknown key `hold` in session; `hold` goes in an exercise (an item of "
            "`exercises:`)",
        ),
        (
            "title: T\nauthor: me\nexercises: [{name: A, hold: 30s}]\n",
            "s.yaml:2:1: unknown key `author` in session; `author` goes in a source, under "
            "`sources:`",
        ),
        (
            "title: T\ndefaults: {cycles: 3}\nexercises: [{name: A, hold: 30s}]\n",
            "s.yaml:2:12: unknown key `cycles` in defaults; `cycles` is given per exercise, in "
            "its `breathing:`; `defaults:` sets the pace",
        ),
        (
            "title: T\ndefaults: {inhale: 4s}\nexercises: [{name: A, hold: 30s}]\n",
            "s.yaml:2:12: unknown key `inhale` in defaults; `inhale` goes under `breathing:` in "
            "`defaults:`",
        ),
        (
            exercise("breathing: {inhale: 4s, cycles: 3, hold: 5s}\n"),
            "s.yaml:4:40: unknown key `hold` in breathing; `hold` goes in the exercise, beside "
            "`breathing:`",
        ),
    ],
)
def test_a_key_in_the_wrong_place_is_told_where_it_goes(text: str, message: str) -> None:
    assert message in errors(text)


def test_a_misspelt_key_still_gets_its_spelling_suggestion() -> None:
    assert errors(exercise("hold: 30s\nrest_after: 5s\n")) == [
        "s.yaml:5:5: unknown key `rest_after` in exercise; did you mean `rest after`?"
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("both sides", "left then right"),
        ("left", "left only"),
        ("Right and left", "right then left"),
    ],
)
def test_a_wrong_side_word_gets_the_nearest_valid_one(written: str, meant: str) -> None:
    (message,) = errors(exercise(f"hold: 30s\nsides: {written}\n"))
    assert message.startswith(f"s.yaml:5:12: `sides`: did you mean `{meant}`? expected one of")


def test_a_wrong_switch_word_gets_the_nearest_one() -> None:
    text = "title: T\ndefaults: {voice: of}\nexercises: [{name: A, hold: 30s}]\n"
    assert errors(text) == [
        "s.yaml:2:19: `voice`: did you mean `off`? expected `on` or `off`, found 'of'"
    ]


@pytest.mark.parametrize("after", ["    reps: 3\n", ""])
def test_a_missing_space_after_the_colon_is_reported_on_its_own_line(after: str) -> None:
    """libyaml notices only on the next line (or at the end of the file)."""
    assert errors(exercise("hold:30s\n" + after)) == [
        "s.yaml:4:5: YAML syntax: `hold:30s` needs a space after the colon: `hold: 30s`"
    ]


def test_a_colon_inside_a_cue_gets_the_quoting_fix() -> None:
    assert errors(exercise('hold: 30s\ncues:\n  exhale: squeeze: "hard"\n')) == [
        "s.yaml:6:22: YAML syntax: `: ` inside a value starts a new key; put the value in "
        'quotes: `exhale: "squeeze: \\"hard\\""`'
    ]


def test_a_colon_inside_a_setup_item_gets_the_quoting_fix() -> None:
    assert errors(exercise("hold: 30s\nsetup:\n  - Lie down: knees bent\n")) == [
        "s.yaml:6:9: each item of `setup` should be text, found a mapping; a `: ` inside text "
        'makes a mapping: write it in quotes, `- "Lie down: knees bent"`'
    ]


def test_a_pasted_non_breaking_space_is_named() -> None:
    assert errors(exercise("hold:\u00a030s\n")) == [
        "s.yaml:4:5: YAML syntax: this line is not `key: value` (a colon and a space); this "
        "line holds U+00A0 (no-break space) at column 10, which YAML does not read as a space: "
        "retype it as an ordinary space (or delete it)"
    ]


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("rest\u00a0after", "U+00A0 (no-break space) at position 5"),
        ("\u200breps", "U+200B (zero width space) at position 1"),
    ],
)
def test_an_invisible_character_in_a_key_is_named(key: str, named: str) -> None:
    (message,) = errors(exercise(f"hold: 30s\n{key}: 3\n"))
    assert message.startswith(f"s.yaml:5:5: unknown key {key!r} in exercise: the key holds")
    assert named in message


def test_a_near_miss_of_none_or_wait_gets_the_word() -> None:
    assert errors(exercise("hold: 30s\nsetup time: wiat\nrest after: nonee\n")) == [
        "s.yaml:5:17: `setup time`: did you mean `wait`? 'wiat' is not a duration; write e.g. "
        "30, 30s, 1m30s or 1:30",
        "s.yaml:6:17: `rest after`: did you mean `none`? 'nonee' is not a duration; write e.g. "
        "30, 30s, 1m30s or 1:30",
    ]
