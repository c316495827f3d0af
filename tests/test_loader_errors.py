"""Every kind of mistake in a session file, one test each, pinned to its exact line and column.

Files are inline YAML; ``errors(...)`` returns the messages as a person sees them
(``s.yaml:line:col: message``), so each assertion reads like the output of
``piritimer validate``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from piritimer import cli, paths
from piritimer.core.loader import LoadResult, load_session, load_session_bytes
from piritimer.core.model import BreathPattern, PacedBreathing, TimedHold
from piritimer.core.yaml_source import MAX_FILE_BYTES

ONE_EXERCISE = """\
    title: T
    exercises:
      - name: Figure four
    """
"""The head of a file whose exercise keys start on line 4 at column 5."""


def load(text: str | bytes, base_dir: Path | None = None) -> LoadResult:
    data = textwrap.dedent(text) if isinstance(text, str) else text
    return load_session_bytes(data, label="s.yaml", base_dir=base_dir)


def errors(text: str | bytes, base_dir: Path | None = None) -> list[str]:
    """The messages for a file that must be refused."""
    result = load(text, base_dir)
    assert result.session is None
    assert not result.ok
    return [str(d) for d in result.diagnostics]


def exercise(lines: str) -> str:
    """A one-exercise session whose exercise continues with ``lines`` (from line 4, col 5)."""
    return textwrap.dedent(ONE_EXERCISE) + textwrap.indent(textwrap.dedent(lines), "    ")


def test_exercise_helper_puts_keys_on_line_4_column_5() -> None:
    assert errors(exercise("hold: -1\n")) == [
        "s.yaml:4:11: `hold`: a duration cannot be negative ('-1'); write e.g. 30s "
        "(or a number of breaths, e.g. `5 breaths`)"
    ]


# -- unknown keys ----------------------------------------------------------------------------


def test_unknown_session_key_suggests_the_closest() -> None:
    assert errors(
        """\
        title: T
        sumary: Three drills
        exercises: [{name: A, hold: 30s}]
        """
    ) == ["s.yaml:2:1: unknown key `sumary` in session; did you mean `summary`?"]


def test_unknown_defaults_key_suggests_the_closest() -> None:
    assert errors(
        """\
        title: T
        defaults:
          get ready: 5s
          rest betwen reps: 10s
        exercises: [{name: A, hold: 30s}]
        """
    ) == [
        "s.yaml:4:3: unknown key `rest betwen reps` in defaults; did you mean `rest between reps`?"
    ]


def test_unknown_exercise_key_suggests_the_closest() -> None:
    assert errors(exercise("hold: 30s\nsetup tme: 5s\n")) == [
        "s.yaml:5:5: unknown key `setup tme` in exercise; did you mean `setup time`?"
    ]


def test_unknown_breathing_key_suggests_the_closest_and_cycles_are_then_missing() -> None:
    assert errors(exercise("breathing:\n  inhale: 4s\n  exhale: 6s\n  cylces: 5\n")) == [
        "s.yaml:5:7: `breathing` needs `cycles:` (how many breaths), "
        "or write `hold: 5 breaths` beside it",
        "s.yaml:7:7: unknown key `cylces` in breathing; did you mean `cycles`?",
    ]


def test_unknown_cue_suggests_the_phase() -> None:
    assert errors(exercise("hold: 30s\ncues:\n  exale: squeeze\n")) == [
        "s.yaml:6:7: unknown key `exale` in cues; did you mean `exhale`?"
    ]


def test_unknown_key_in_default_breathing_pattern() -> None:
    assert errors(
        """\
        title: T
        defaults:
          breathing: {inhail: 4s}
        exercises: [{name: A, hold: 30s}]
        """
    ) == ["s.yaml:3:15: unknown key `inhail` in breathing pattern; did you mean `inhale`?"]


def test_unknown_source_key_suggests_the_closest() -> None:
    assert errors(
        """\
        title: T
        sources:
          - title: Piriformis Stretch
            auther: A. Writer
        exercises: [{name: A, hold: 30s}]
        """
    ) == ["s.yaml:4:5: unknown key `auther` in source; did you mean `author`?"]


def test_unknown_key_with_nothing_close_lists_the_keys() -> None:
    [message] = errors(exercise("hold: 30s\ncues:\n  banana: x\n"))
    assert message == (
        "s.yaml:6:7: unknown key `banana` in cues; expected one of `hold`, `inhale`, "
        "`hold in`, `exhale`, `hold out`, `rest`, `rest after`"
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("rest_between_reps", "rest between reps"),
        ("rest-between-sets", "rest between sets"),
        ("Setup_Time", "setup time"),
        ("SWITCH SIDES", "switch sides"),
    ],
)
def test_underscore_or_dash_spelling_suggests_the_spaced_key(written: str, meant: str) -> None:
    assert errors(exercise(f"hold: 30s\n{written}: 5s\n")) == [
        f"s.yaml:5:5: unknown key `{written}` in exercise; did you mean `{meant}`?"
    ]


def test_keys_must_be_plain_words() -> None:
    assert errors(exercise('hold: 30s\n? [a, b]\n: x\n"": y\n')) == [
        "s.yaml:5:7: keys in exercise must be plain words",
        "s.yaml:7:5: keys in exercise must be plain words",
    ]


# -- duplicates ------------------------------------------------------------------------------


def test_duplicate_key_points_at_the_second_and_names_the_first_line() -> None:
    assert errors(exercise("hold: 30s\nreps: 2\nhold: 45s\n")) == [
        "s.yaml:6:5: duplicate key `hold` (first given on line 4)"
    ]


def test_duplicate_top_level_key() -> None:
    assert errors(
        """\
        title: T
        exercises: [{name: A, hold: 30s}]
        title: U
        """
    ) == ["s.yaml:3:1: duplicate key `title` (first given on line 1)"]


def test_duplicate_key_in_a_flow_mapping() -> None:
    assert errors(exercise("breathing: {inhale: 4s, inhale: 5s, cycles: 3}\n")) == [
        "s.yaml:4:29: duplicate key `inhale` (first given on line 4)"
    ]


# -- wrong kinds of value --------------------------------------------------------------------


def test_mapping_where_a_single_value_is_expected() -> None:
    assert errors(exercise("hold:\n  seconds: 30\n")) == [
        "s.yaml:5:7: `hold` should be a single value, e.g. `hold: 30s`, found a mapping"
    ]


def test_list_where_a_single_value_is_expected() -> None:
    assert errors(exercise("hold: [30s, 45s]\n")) == [
        "s.yaml:4:11: `hold` should be a single value, e.g. `hold: 30s`, found a list"
    ]


def test_list_where_a_mapping_is_expected() -> None:
    assert errors(exercise("hold: 30s\ncues: [squeeze]\n")) == [
        "s.yaml:5:11: `cues` should be a mapping of keys and values, e.g. `cues: {exhale: squeeze}`"
    ]


def test_text_where_a_mapping_is_expected() -> None:
    assert errors(
        """\
        title: T
        defaults: rest after 20s
        exercises: [{name: A, hold: 30s}]
        """
    ) == [
        "s.yaml:2:11: `defaults` should be a mapping of keys and values, "
        "e.g. `defaults: {get ready: 5s}`"
    ]


def test_text_where_a_count_is_expected() -> None:
    assert errors(exercise("hold: 30s\nreps: three\n")) == [
        "s.yaml:5:11: `reps`: expected a whole number such as 3, found 'three'"
    ]


def test_text_where_the_exercise_list_is_expected() -> None:
    assert errors("title: T\nexercises: Figure four\n") == [
        "s.yaml:2:12: `exercises` should be a list, each item starting with `- `"
    ]


def test_exercise_that_is_not_a_mapping() -> None:
    messages = errors("title: T\nexercises:\n  - Figure four\n  - name: B\n    hold: 30s\n")
    assert messages[0].startswith("s.yaml:3:5: each item of `exercises` should be a")
    assert "exercise mapping, e.g. `- name: Figure-four stretch`" in messages[0]


def test_exercise_that_is_not_a_mapping_reads_well() -> None:
    messages = errors("title: T\nexercises:\n  - Figure four\n  - name: B\n    hold: 30s\n")
    assert messages == [
        "s.yaml:3:5: each item of `exercises` should be an exercise mapping, "
        "e.g. `- name: Figure-four stretch`"
    ]


def test_a_single_bad_exercise_is_not_called_an_empty_list() -> None:
    messages = errors("title: T\nexercises:\n  - Figure four\n")
    assert not any("at least one exercise" in m for m in messages)


def test_empty_exercise_list() -> None:
    assert errors("title: T\nexercises: []\n") == [
        "s.yaml:2:12: `exercises` needs at least one exercise"
    ]


def test_source_that_is_a_list() -> None:
    assert errors("title: T\nsources: [[a]]\nexercises: [{name: A, hold: 30s}]\n") == [
        "s.yaml:2:11: each item of `sources` should be a source mapping, "
        "e.g. `- title: Piriformis Stretch`"
    ]


def test_setup_cue_that_is_not_text_is_pinned_to_the_item() -> None:
    [message] = errors(exercise("hold: 30s\nsetup:\n  - Lie down\n  - {left: knee up}\n"))
    assert message.startswith("s.yaml:7:9: ")
    assert "`setup`" in message
    assert "found a mapping" in message


def test_setup_that_is_a_mapping_says_text_or_a_list() -> None:
    assert errors(exercise("hold: 30s\nsetup:\n  left: knee up\n")) == [
        "s.yaml:6:7: `setup` should be text or a list of texts, e.g. "
        "`setup: [Lie on your back, Cross the right ankle over the left knee]`"
    ]


@pytest.mark.parametrize(("value", "word"), [("yes", "yes"), ("off", "off"), ("maybe", "maybe")])
def test_switch_accepts_only_on_off_words(value: str, word: str) -> None:
    text = f"title: T\ndefaults: {{voice: {value}}}\nexercises: [{{name: A, hold: 30s}}]\n"
    if value == "maybe":
        assert errors(text) == [f"s.yaml:2:19: `voice`: expected `on` or `off`, found '{word}'"]
    else:
        assert load(text).ok


# -- durations -------------------------------------------------------------------------------


def test_zero_hold() -> None:
    assert errors(exercise("hold: 0\n")) == [
        "s.yaml:4:11: `hold`: a duration must be longer than zero ('0') "
        "(or a number of breaths, e.g. `5 breaths`)"
    ]


def test_negative_hold() -> None:
    assert errors(exercise("hold: -30s\n")) == [
        "s.yaml:4:11: `hold`: a duration cannot be negative ('-30s'); write e.g. 30s "
        "(or a number of breaths, e.g. `5 breaths`)"
    ]


def test_nonsense_duration() -> None:
    assert errors(exercise("hold: half a minute\n")) == [
        "s.yaml:4:11: `hold`: 'half a minute' is not a duration; write e.g. 30, 30s, 1m30s or "
        "1:30 (or a number of breaths, e.g. `5 breaths`)"
    ]


def test_zero_rest_hints_at_none() -> None:
    assert errors(exercise("hold: 30s\nrest between reps: 0s\n")) == [
        "s.yaml:5:24: `rest between reps`: a duration must be longer than zero ('0s'); "
        "to leave it out write `none`"
    ]


def test_zero_setup_time_hints_at_wait() -> None:
    assert errors(exercise("hold: 30s\nsetup time: 0\n")) == [
        "s.yaml:5:17: `setup time`: a duration must be longer than zero ('0'); "
        'to wait for "I\'m ready" write `wait`'
    ]


def test_zero_switch_sides_has_no_none() -> None:
    assert errors(exercise("hold: 30s\nswitch sides: 0\n")) == [
        "s.yaml:5:19: `switch sides`: a duration must be longer than zero ('0')"
    ]


def test_none_is_not_a_setup_time_and_wait_is_not_a_rest() -> None:
    assert errors(exercise("hold: 30s\nsetup time: none\nrest after: wait\n")) == [
        "s.yaml:5:17: `setup time`: 'none' is not a duration; write e.g. 30, 30s, 1m30s or 1:30",
        "s.yaml:6:17: `rest after`: 'wait' is not a duration; write e.g. 30, 30s, 1m30s or 1:30",
    ]


def test_zero_breath_length() -> None:
    assert errors(exercise("breathing: {inhale: 0, exhale: 6s, cycles: 3}\n")) == [
        "s.yaml:4:25: `inhale`: a duration must be longer than zero ('0')"
    ]


def test_duration_over_three_hours() -> None:
    assert errors(exercise("hold: 4h\n")) == [
        "s.yaml:4:11: `hold`: '4h' is longer than 3 hours; is it a typo? write e.g. 30s "
        "(or a number of breaths, e.g. `5 breaths`)"
    ]


def test_clock_time_with_sixty_seconds() -> None:
    assert errors(exercise("hold: 1:60\n")) == [
        "s.yaml:4:11: `hold`: '1:60' is not a valid m:ss or h:mm:ss time; seconds and minutes "
        "go to 59 (or a number of breaths, e.g. `5 breaths`)"
    ]


def test_one_thirty_is_ninety_seconds_quoted_or_not() -> None:
    for written in ("1:30", '"1:30"', "'1:30'"):
        result = load(exercise(f"hold: {written}\n"))
        assert result.session is not None
        assert result.session.exercises[0].work == TimedHold(90.0)


def test_clock_notation_in_breathing() -> None:
    result = load(exercise("breathing: {inhale: 0:04, exhale: 0:06.5, cycles: 2}\n"))
    assert result.session is not None
    assert result.session.exercises[0].work == PacedBreathing(BreathPattern(4.0, 6.5), 2)


# -- counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "expected a whole number from 1 to 1000, found 0"),
        ("1.5", "expected a whole number such as 3, found '1.5'"),
        ("1001", "expected a whole number from 1 to 1000, found 1001"),
        ("-2", "expected a whole number such as 3, found '-2'"),
    ],
)
def test_count_out_of_range(value: str, message: str) -> None:
    assert errors(exercise(f"hold: 30s\nsets: {value}\n")) == [f"s.yaml:5:11: `sets`: {message}"]


def test_cycles_zero() -> None:
    messages = errors(exercise("breathing: {cycles: 0}\n"))
    assert messages[0] == "s.yaml:4:25: `cycles`: expected a whole number from 1 to 1000, found 0"


def test_bad_cycles_is_reported_once() -> None:
    assert len(errors(exercise("breathing: {cycles: 0}\n"))) == 1


def test_zero_breaths() -> None:
    assert errors(exercise("hold: 0 breaths\n")) == [
        "s.yaml:4:11: `hold`: a hold needs at least 1 breath (or a number of breaths, "
        "e.g. `5 breaths`)"
    ]


def test_breaths_over_the_count_limit() -> None:
    [message] = errors(exercise("hold: 1001 breaths\n"))
    assert message.startswith("s.yaml:4:11: `hold`: ")
    assert "1000" in message


def test_too_many_steps() -> None:
    assert errors(exercise("hold: 1s\nrest between reps: none\nsets: 200\nreps: 200\n")) == [
        "s.yaml:1:1: this session would have 40,202 steps; the limit is 20,000"
    ]


# -- required keys and missing work ----------------------------------------------------------


def test_missing_title_points_at_the_top_mapping() -> None:
    assert errors("summary: S\nexercises: [{name: A, hold: 30s}]\n") == [
        "s.yaml:1:1: session is missing `title:` (the session's title, "
        "e.g. `title: Piriformis release`)"
    ]


def test_missing_exercises_points_at_the_top_mapping() -> None:
    assert errors("title: T\nsummary: S\n") == [
        "s.yaml:1:1: session is missing `exercises:` (the exercises, in order, "
        "e.g. `exercises: [{name: ..., hold: 30s}]`)"
    ]


def test_missing_exercise_name_points_at_the_exercise() -> None:
    assert errors("title: T\nexercises:\n  - hold: 30s\n    reps: 2\n") == [
        "s.yaml:3:5: exercise is missing `name:` (the exercise's name, "
        "e.g. `name: Figure-four stretch`)"
    ]


def test_missing_source_title_points_at_the_source() -> None:
    assert errors(
        """\
        title: T
        sources:
          - author: A. Writer
            site: Example
        exercises: [{name: A, hold: 30s}]
        """
    ) == [
        "s.yaml:3:5: source is missing `title:` (title of the page, book or video, "
        "e.g. `title: Piriformis Stretch`)"
    ]


def test_missing_work() -> None:
    assert errors(exercise("reps: 3\n")) == [
        "s.yaml:3:5: `Figure four` has no work: add `hold: 30s` (a timed hold), "
        "`hold: 5 breaths`, `breathing:` with `cycles:`, or `pace: 2s` (counted reps)"
    ]


def test_timed_hold_and_breathing_both() -> None:
    assert errors(exercise("hold: 30s\nbreathing: {inhale: 4s, exhale: 6s, cycles: 3}\n")) == [
        "s.yaml:5:16: an exercise has either a timed `hold:` or `breathing:`, not both; "
        "to hold for a number of breaths write `hold: 5 breaths`"
    ]


def test_hold_in_breaths_and_cycles_both() -> None:
    assert errors(exercise("hold: 5 breaths\nbreathing:\n  cycles: 3\n")) == [
        "s.yaml:6:15: `cycles: 3` and `hold: 5 breaths` say the same thing; keep one of them"
    ]


def test_breathing_without_cycles() -> None:
    assert errors(exercise("breathing: {inhale: 4s, exhale: 6s}\n")) == [
        "s.yaml:4:16: `breathing` needs `cycles:` (how many breaths), "
        "or write `hold: 5 breaths` beside it"
    ]


# -- values that YAML 1.1 would change ---------------------------------------------------------


def test_no_as_a_title_stays_the_text_no() -> None:
    result = load(
        """\
        title: NO
        summary: off
        exercises:
          - name: yes
            about: 1:30
            hold: 30s
        """
    )
    assert result.session is not None
    assert result.session.title == "NO"
    assert result.session.summary == "off"
    assert result.session.exercises[0].name == "yes"
    assert result.session.exercises[0].about == "1:30"


def test_empty_value() -> None:
    [message] = errors("title:\nexercises: [{name: A, hold: 30s}]\n")
    assert message.startswith("s.yaml:1:7: `title`")


def test_empty_quoted_text() -> None:
    assert errors("title: ''\nexercises: [{name: A, hold: 30s}]\n") == [
        "s.yaml:1:8: `title`: expected some text, found nothing"
    ]


@pytest.mark.parametrize("value", ["null", "~", ""])
def test_null_value_needs_a_value(value: str) -> None:
    assert errors(f"title: {value}\nexercises: [{{name: A, hold: 30s}}]\n") == [
        "s.yaml:1:8: `title` needs a value, e.g. `title: Piriformis release`"
        if value
        else "s.yaml:1:7: `title` needs a value, e.g. `title: Piriformis release`"
    ]


# -- images ----------------------------------------------------------------------------------


def test_image_not_next_to_the_file_nor_bundled(tmp_path: Path) -> None:
    assert errors(exercise("hold: 30s\nimage: knee.png\n"), base_dir=tmp_path) == [
        "s.yaml:5:12: `image`: image 'knee.png' not found next to this file "
        "or among the bundled images"
    ]


def test_image_without_a_file_is_looked_up_among_bundled_images_only() -> None:
    assert errors(exercise("hold: 30s\nimage: knee.png\n")) == [
        "s.yaml:5:12: `image`: image 'knee.png' not found among the bundled images"
    ]


def test_image_path_cannot_climb_out_of_the_bundled_images() -> None:
    # This path does exist relative to the bundled images folder, and must still not be found.
    name = "../../assets/images/figure-four.svg"
    assert (paths.images_dir() / name).is_file()
    assert errors(exercise(f"hold: 30s\nimage: {name}\n")) == [
        f"s.yaml:5:12: `image`: image '{name}' climbs out of this session's folder; "
        "keep pictures in that folder or use a bundled image"
    ]


def test_image_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "pictures.png").mkdir()
    [message] = errors(exercise("hold: 30s\nimage: pictures.png\n"), base_dir=tmp_path)
    assert message.startswith("s.yaml:5:12: `image`: image 'pictures.png' not found")


def image_errors(name: str, base_dir: Path) -> list[str]:
    return errors(exercise(f"hold: 30s\nimage: '{name}'\n"), base_dir=base_dir)


def test_image_by_absolute_path_is_refused_even_when_it_exists(tmp_path: Path) -> None:
    picture = tmp_path / "knee.png"
    picture.write_bytes(b"png")
    assert image_errors(str(picture), tmp_path) == [
        f"s.yaml:5:12: `image`: image '{picture}' is an absolute path; name a file in this "
        "session's folder (e.g. `pictures/knee.png`) or a bundled image"
    ]


@pytest.mark.parametrize(
    "name", ["C:\\Users\\me\\knee.png", "c:knee.png", "\\\\server\\knee.png", "~/knee.png"]
)
def test_windows_and_home_paths_are_absolute_everywhere(name: str, tmp_path: Path) -> None:
    assert image_errors(name, tmp_path) == [
        f"s.yaml:5:12: `image`: image {name!r} is an absolute path; name a file in this "
        "session's folder (e.g. `pictures/knee.png`) or a bundled image"
    ]


def test_proc_self_environ_is_refused() -> None:
    assert image_errors("/proc/self/environ", Path("/proc/self")) == [
        "s.yaml:5:12: `image`: image '/proc/self/environ' is an absolute path; name a file in "
        "this session's folder (e.g. `pictures/knee.png`) or a bundled image"
    ]


def test_image_that_climbs_out_with_dot_dot_is_refused(tmp_path: Path) -> None:
    (tmp_path / "knee.png").write_bytes(b"png")
    (tmp_path / "sessions").mkdir()
    assert image_errors("pictures/../../knee.png", tmp_path / "sessions") == [
        "s.yaml:5:12: `image`: image 'pictures/../../knee.png' climbs out of this session's "
        "folder; keep pictures in that folder or use a bundled image"
    ]


def test_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"png")
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "knee.png").symlink_to(tmp_path / "secret.png")
    assert image_errors("knee.png", folder) == [
        "s.yaml:5:12: `image`: image 'knee.png' is a link that leads outside this session's "
        "folder; copy the picture into the folder instead"
    ]


def test_folder_linked_out_of_the_session_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "me.jpg").write_bytes(b"jpg")
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "pictures").symlink_to(tmp_path / "photos")
    assert image_errors("pictures/me.jpg", folder) == [
        "s.yaml:5:12: `image`: image 'pictures/me.jpg' is a link that leads outside this "
        "session's folder; copy the picture into the folder instead"
    ]


def test_link_that_stays_inside_the_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "knee.png").write_bytes(b"png")
    (tmp_path / "knee.png").symlink_to(tmp_path / "pictures" / "knee.png")
    result = load(exercise("hold: 30s\nimage: knee.png\n"), tmp_path)
    assert result.session is not None
    assert result.session.exercises[0].image == (tmp_path / "pictures" / "knee.png").resolve()


def test_link_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    assert image_errors("zero.png", tmp_path) == [
        "s.yaml:5:12: `image`: image 'zero.png' is a link that leads outside this session's "
        "folder; copy the picture into the folder instead"
    ]


def test_fifo_in_the_folder_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    assert image_errors("pipe.png", tmp_path) == [
        "s.yaml:5:12: `image`: image 'pipe.png' is not a regular file (a device, pipe or socket)"
    ]


def test_empty_image_is_refused(tmp_path: Path) -> None:
    (tmp_path / "knee.png").write_bytes(b"")
    assert image_errors("knee.png", tmp_path) == ["s.yaml:5:12: `image`: image 'knee.png' is empty"]


def test_image_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    with (tmp_path / "huge.svg").open("wb") as handle:
        handle.truncate(paths.MAX_IMAGE_BYTES + 1)
    assert image_errors("huge.svg", tmp_path) == [
        "s.yaml:5:12: `image`: image 'huge.svg' is 5,000,001 bytes; a picture may be at most "
        "5,000,000 bytes"
    ]


def test_image_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    assert image_errors("notes.txt", tmp_path) == [
        "s.yaml:5:12: `image`: image 'notes.txt' is not a picture piritimer shows "
        "(.svg, .png, .jpg, .jpeg, .gif, .webp)"
    ]


def test_over_long_image_name_gets_a_plain_message(tmp_path: Path) -> None:
    assert image_errors("a" * 5000 + ".png", tmp_path) == [
        "s.yaml:5:12: `image`: an image name of 5,004 characters is too long; the limit is 255"
    ]


def test_image_in_a_symlink_loop_gets_a_plain_message(tmp_path: Path) -> None:
    (tmp_path / "a.png").symlink_to(tmp_path / "b.png")
    (tmp_path / "b.png").symlink_to(tmp_path / "a.png")
    assert image_errors("a.png", tmp_path) == [
        "s.yaml:5:12: `image`: image 'a.png' cannot be opened: its links go round in a loop"
    ]


# -- format, sides ---------------------------------------------------------------------------


def test_newer_format() -> None:
    assert errors("format: 2\ntitle: T\nexercises: [{name: A, hold: 30s}]\n") == [
        "s.yaml:1:9: `format`: this piritimer reads format 1; the file says '2'. "
        "Update piritimer, or write `format: 1`"
    ]


def test_misspelt_sides_suggests() -> None:
    assert errors(exercise("hold: 30s\nsides: left then rigth\n")) == [
        "s.yaml:5:12: `sides`: did you mean `left then right`? expected one of `none`, "
        "`left then right`, `right then left`, `left only`, `right only`, "
        "found 'left then rigth'"
    ]


def test_unknown_sides_lists_the_choices() -> None:
    assert errors(exercise("hold: 30s\nsides: upwards\n")) == [
        "s.yaml:5:12: `sides`: expected one of `none`, `left then right`, `right then left`, "
        "`left only`, `right only`, found 'upwards'"
    ]


# -- broken or hostile files -----------------------------------------------------------------


def test_yaml_syntax_error_with_its_position() -> None:
    assert errors("title: [T\nexercises: []\n") == [
        "s.yaml:2:10: YAML syntax: did not find expected ',' or ']'"
    ]


def test_tab_indentation() -> None:
    assert errors("title: T\nexercises:\n\t- name: A\n") == [
        "s.yaml:3:1: YAML syntax: a tab cannot indent YAML; indent with spaces"
    ]


def test_multiple_documents() -> None:
    assert errors("title: T\nexercises: [{name: A, hold: 30s}]\n---\ntitle: U\n") == [
        "s.yaml:3:1: YAML syntax: a second YAML document starts here (`---`); a session file is "
        "one document, so put each session in a file of its own"
    ]


def test_alias_bomb_is_refused_by_structure() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    assert errors("\n".join(lines) + "\n") == [
        "s.yaml:1:4: anchors and aliases (&name, *name) are not allowed in session files; "
        "write the value out in full"
    ]


def test_python_tag_is_refused_without_running_anything(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\nexercises: []\n"
    assert errors(text) == [
        "s.yaml:1:8: the tag !!python/object/apply:os.system is not allowed; session files "
        "hold plain text, numbers, lists and mappings"
    ]
    assert not marker.exists()


def test_local_tag_is_refused() -> None:
    assert errors("title: !secret T\nexercises: []\n") == [
        "s.yaml:1:8: the tag !secret is not allowed; session files hold plain text, numbers, "
        "lists and mappings"
    ]


def test_huge_file_is_refused_before_parsing() -> None:
    data = b"title: T\nsummary: " + b"x" * MAX_FILE_BYTES + b"\n"
    assert errors(data) == [
        f"s.yaml:1:1: file is {len(data):,} bytes; a session file may be at most 1,000,000"
    ]


def test_huge_text_is_refused_too() -> None:
    text = "title: T\nsummary: " + "x" * MAX_FILE_BYTES + "\nexercises: [{name: A, hold: 3}]\n"
    [message] = errors(text)
    assert "a session file may be at most 1,000,000" in message


def test_non_utf8_byte_with_its_line_and_column() -> None:
    assert errors(b"title: T\nsummary: caf\xe9 au lait\n") == [
        "s.yaml:2:13: byte 0xe9 is not UTF-8; save the file as UTF-8"
    ]


def test_non_utf8_column_counts_characters_not_bytes() -> None:
    assert errors("title: T\nsummary: crème ".encode() + b"\xff\n") == [
        "s.yaml:2:16: byte 0xff is not UTF-8; save the file as UTF-8"
    ]


def test_byte_order_mark_is_accepted() -> None:
    result = load(b"\xef\xbb\xbftitle: T\nexercises: [{name: A, hold: 30s}]\n")
    assert result.ok
    assert result.session is not None
    assert result.session.title == "T"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", b""])
def test_empty_file(text: str | bytes) -> None:
    assert errors(text) == [
        "s.yaml:1:1: the file is empty; a session needs at least `title:` and `exercises:`"
    ]


@pytest.mark.parametrize("text", ["- title: T\n- exercises: []\n", "just some words\n", "42\n"])
def test_top_level_that_is_not_a_mapping(text: str) -> None:
    assert errors(text) == [
        "s.yaml:1:1: a session file is a mapping with `title:` and `exercises:` at the top"
    ]


def test_deep_nesting_gives_a_message_not_a_traceback() -> None:
    [message] = errors("[" * 10_000)
    assert message.startswith("s.yaml:")


def test_very_deep_nesting_does_not_crash_the_process() -> None:
    code = (
        "from piritimer.core.loader import load_session_bytes as load\n"
        "print(load('[' * 100_000, label='s.yaml').diagnostics[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    # Either our depth check or libyaml's own (PyYAML >= 6.0.4) refuses it; the behaviour that
    # matters is one positioned message and a live process, whichever wording it has.
    assert re.fullmatch(r"s\.yaml:1:\d+: .+\n", done.stdout), done.stdout


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    result = load_session(tmp_path)
    assert [str(d) for d in result.diagnostics] == [f"{tmp_path}:1:1: cannot read: Is a directory"]
    assert not result.ok


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    result = load_session(missing)
    assert [str(d) for d in result.diagnostics] == [
        f"{missing}:1:1: cannot read: No such file or directory"
    ]
    assert result.path == missing


def test_one_bad_file_never_stops_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"title: [\xff\n")
    good = tmp_path / "good.yaml"
    good.write_text("title: T\nexercises: [{name: A, hold: 30s}]\n")
    missing = tmp_path / "missing.yaml"
    assert cli.main(["validate", str(bad), str(missing), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{good}: ok — 1 exercise, 0:50 total\n"
    assert captured.err.splitlines() == [
        f"{bad}:1:9: byte 0xff is not UTF-8; save the file as UTF-8",
        f"{missing}:1:1: cannot read: No such file or directory",
        "2 of 3 files have errors",
    ]


def test_every_mistake_in_a_file_is_reported_in_one_pass() -> None:
    assert errors(
        """\
        title: T
        sumary: S
        defaults:
          get ready: 0
        exercises:
          - name: A
            hold: -1
            reps: 0
          - name: B
            sides: upwards
            hold: 30s
          - hold: 30s
        """
    ) == [
        "s.yaml:2:1: unknown key `sumary` in session; did you mean `summary`?",
        "s.yaml:4:14: `get ready`: a duration must be longer than zero ('0'); "
        "to leave it out write `none`",
        "s.yaml:7:11: `hold`: a duration cannot be negative ('-1'); write e.g. 30s "
        "(or a number of breaths, e.g. `5 breaths`)",
        "s.yaml:8:11: `reps`: expected a whole number from 1 to 1000, found 0",
        "s.yaml:10:12: `sides`: expected one of `none`, `left then right`, `right then left`, "
        "`left only`, `right only`, found 'upwards'",
        "s.yaml:12:5: exercise is missing `name:` (the exercise's name, "
        "e.g. `name: Figure-four stretch`)",
    ]


def test_messages_come_in_file_order() -> None:
    found = errors("exercises:\n  - name: A\n    hold: 0\ntitel: T\n")
    lines = [int(message.split(":")[1]) for message in found]
    assert lines == sorted(lines)
    assert len(found) >= 2


# -- values a person meant -------------------------------------------------------------------


def test_a_step_shorter_than_half_a_second_is_refused() -> None:
    assert errors(exercise("hold: 0.0001\n")) == [
        "s.yaml:4:11: `hold`: '0.0001' is shorter than 0.5 seconds, too short to follow; "
        "write e.g. 1s (or a number of breaths, e.g. `5 breaths`)"
    ]


def test_a_breath_phase_shorter_than_half_a_second_is_refused() -> None:
    assert errors(exercise("breathing: {inhale: 0.1s, exhale: 4s, cycles: 3}\n")) == [
        "s.yaml:4:25: `inhale`: '0.1s' is shorter than 0.5 seconds, too short to follow; "
        "write e.g. 1s"
    ]


def test_a_step_longer_than_three_hours_is_refused() -> None:
    assert errors(exercise("rest after: 3h1s\nhold: 30s\n")) == [
        "s.yaml:4:17: `rest after`: '3h1s' is longer than 3 hours; is it a typo? write e.g. 30s"
    ]


def test_a_session_longer_than_six_hours_says_the_bound() -> None:
    # Each step is allowed (2 h 50 m), but three of them make a session of 8 h 30 m.
    assert errors(
        """\
        title: T
        defaults: {get ready: none, rest after: none}
        exercises:
          - {name: A, hold: 2h50m}
          - {name: B, hold: 2h50m}
          - {name: C, hold: 2h50m}
        """
    ) == ["s.yaml:1:1: this session would last 8h30m; a session may last at most 6 hours"]


def test_six_hours_exactly_is_allowed() -> None:
    result = load(
        """\
        title: T
        defaults: {get ready: none, rest after: none, setup time: wait}
        exercises: [{name: A, hold: 3h}, {name: B, hold: 3h}]
        """
    )
    assert result.ok, result.diagnostics


def test_a_five_thousand_digit_count_gets_a_plain_message() -> None:
    assert errors(exercise(f"hold: 30s\nsets: {'9' * 5000}\n")) == [
        "s.yaml:5:11: `sets`: expected a whole number from 1 to 1000, found one 5,000 digits long"
    ]


def test_a_five_thousand_digit_duration_gets_a_plain_message() -> None:
    assert errors(exercise(f"hold: {'9' * 5000}\n")) == [
        "s.yaml:4:11: `hold`: a duration is a few characters such as 30s or 1m30s; this one is "
        "5,000 characters long (or a number of breaths, e.g. `5 breaths`)"
    ]


def test_a_five_thousand_digit_clock_time_gets_a_plain_message() -> None:
    assert errors(exercise(f"hold: 30s\nrest after: '1:{'9' * 5000}:00'\n")) == [
        "s.yaml:5:17: `rest after`: a duration is a few characters such as 30s or 1m30s; "
        "this one is 5,005 characters long"
    ]


def test_a_five_thousand_digit_breath_count_gets_a_plain_message() -> None:
    assert errors(exercise(f"hold: {'9' * 5000} breaths\n")) == [
        "s.yaml:4:11: `hold`: a number of breaths is a few digits; this one is 5,000 long "
        "(or a number of breaths, e.g. `5 breaths`)"
    ]


def test_a_long_wrong_value_is_quoted_short() -> None:
    assert errors(exercise(f"hold: 30s\nsides: {'x' * 5000}\n")) == [
        "s.yaml:5:12: `sides`: expected one of `none`, `left then right`, `right then left`, "
        "`left only`, `right only`, found 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (5,000 characters)"
    ]


def test_a_long_unknown_key_is_quoted_short() -> None:
    # YAML itself refuses a plain key over 1,024 characters.
    assert errors(exercise(f"hold: 30s\n{'k' * 1000}: 1\n")) == [
        "s.yaml:5:5: unknown key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'… (1,000 characters) in exercise"
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x1b", "U+001B (escape)"),
        ("\x07", "U+0007 (bell)"),
        ("\x00", "U+0000 (null)"),
        ("\x7f", "U+007F (delete)"),
        ("\x9b", "U+009B (control character)"),
        ("\x85", "U+0085 (next line)"),
    ],
)
def test_control_characters_in_the_file_are_refused_at_their_position(char: str, name: str) -> None:
    assert errors(exercise(f"hold: 30s\nabout: red{char}[31m text\n")) == [
        f"s.yaml:5:15: this file holds the control character {name}; session files hold "
        "printable text only"
    ]


def test_control_character_written_as_an_escape_is_refused_at_its_value() -> None:
    assert errors(exercise('hold: 30s\nabout: "clear \\e[2J screen"\n')) == [
        "s.yaml:5:12: this text holds, written as an escape, the control character U+001B "
        "(escape); session files hold printable text only"
    ]


def test_carriage_return_written_as_an_escape_is_refused() -> None:
    assert errors(exercise('hold: 30s\nname: "safe\\rEVIL"\n')) == [
        "s.yaml:5:11: this text holds, written as an escape, the control character U+000D "
        "(carriage return); session files hold printable text only"
    ]


def test_control_character_in_a_key_is_refused() -> None:
    assert errors(exercise('hold: 30s\n"no\\x07tes": x\n')) == [
        "s.yaml:5:5: this text holds, written as an escape, the control character U+0007 "
        "(bell); session files hold printable text only"
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "U+202E (right-to-left override)"),
        ("\u202a", "U+202A (left-to-right embedding)"),
        ("\u2066", "U+2066 (left-to-right isolate)"),
        ("\u2069", "U+2069 (pop directional isolate)"),
    ],
)
def test_bidirectional_overrides_are_refused_at_their_position(char: str, name: str) -> None:
    assert errors(exercise(f"hold: 30s\nabout: turn {char}tfel\n")) == [
        f"s.yaml:5:17: this file holds the bidirectional control {name}, which makes text "
        "display in a different order than it reads; remove it"
    ]


def test_bidi_override_written_as_an_escape_is_refused() -> None:
    assert errors(exercise('hold: 30s\nabout: "turn \\u202etfel"\n')) == [
        "s.yaml:5:12: this text holds, written as an escape, the bidirectional control U+202E "
        "(right-to-left override), which makes text display in a different order than it "
        "reads; remove it"
    ]


def test_tabs_newlines_crlf_and_right_to_left_text_are_fine() -> None:
    text = 'title: "a\\tb"\r\nsummary: |\r\n  two\r\n  lines\r\n'
    text += "exercises: [{name: \u05e9\u05dc\u05d5\u05dd\u200f, hold: 30s}]\r\n"
    result = load_session_bytes(text.encode(), label="s.yaml")
    assert result.session is not None, result.diagnostics
    assert result.session.title == "a\tb"
    assert result.session.summary == "two\nlines"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a"])
def test_source_link_must_be_http_or_https(url: str) -> None:
    assert errors(
        f"title: T\nsources: [{{title: S, url: '{url}'}}]\nexercises: [{{name: A, hold: 30s}}]\n"
    ) == [
        f"s.yaml:2:27: `url`: a source link starts with http:// or https:// and has no spaces, "
        f"found {url!r}"
    ]


def test_source_link_over_https_is_kept() -> None:
    result = load(
        "title: T\nsources: [{title: S, url: 'HTTPS://example.org/a'}]\n"
        "exercises: [{name: A, hold: 30s}]\n"
    )
    assert result.session is not None
    assert result.session.sources[0].url == "HTTPS://example.org/a"


def test_show_never_prints_escape_sequences_from_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "\x1b]0;pwned\x07.yaml"
    bad.write_text("title: T\nexercises: [{name: A, hold: -1}]\n", encoding="utf-8")
    assert cli.main(["show", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "\\x1b]0;pwned\\x07.yaml:2:" in err


def test_validate_never_prints_escape_sequences_from_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "\x1b[2J.yaml"
    good.write_text("title: T\nexercises: [{name: A, hold: 30s}]\n", encoding="utf-8")
    bad = tmp_path / "\x9b1m.yaml"
    bad.write_text("title: T\nexercises: [{name: A, hold: -1}]\n", encoding="utf-8")
    assert cli.main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{tmp_path}/\\x1b[2J.yaml: ok")
    assert captured.err.startswith(f"{tmp_path}/\\x9b1m.yaml:2:")
    assert not any(c in captured.out + captured.err for c in "\x1b\x9b")
