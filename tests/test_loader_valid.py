"""What valid session files mean: defaults and how they cascade, optional steps, sources, cues,
images next to the file, and the shape of a LoadResult."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.core.loader import LoadResult, load_session, load_session_bytes
from piritimer.core.model import (
    FORMAT_VERSION,
    BreathPattern,
    Defaults,
    PacedBreathing,
    Phase,
    Session,
    SideOrder,
    Source,
    TimedHold,
)
from piritimer.core.timeline import compile_session, total_seconds


def load(text: str, base_dir: Path | None = None) -> Session:
    result = load_session_bytes(textwrap.dedent(text), label="s.yaml", base_dir=base_dir)
    assert [str(d) for d in result.diagnostics] == []
    assert result.session is not None
    return result.session


def test_smallest_session_takes_every_default() -> None:
    session = load("title: T\nexercises: [{name: A, hold: 30s}]\n")
    assert session.defaults == Defaults()
    assert session.format_version == FORMAT_VERSION
    assert (session.summary, session.safety, session.credits, session.notes) == (None,) * 4
    assert (session.sources, session.tags) == ((), ())
    [exercise] = session.exercises
    model = Defaults()
    assert exercise.work == TimedHold(30.0)
    assert (exercise.sets, exercise.reps, exercise.sides) == (1, 1, SideOrder.NONE)
    assert exercise.setup == ()
    assert exercise.setup_s == model.setup_s
    assert exercise.get_ready_s == model.get_ready_s
    assert exercise.rest_between_reps_s == model.rest_between_reps_s
    assert exercise.rest_between_sets_s == model.rest_between_sets_s
    assert exercise.rest_after_s == model.rest_after_s
    assert exercise.switch_sides_s == model.switch_sides_s
    assert (exercise.image, exercise.about, exercise.notes, exercise.cues) == (None, None, None, ())


def test_session_defaults_cascade_to_exercises_that_do_not_override_them() -> None:
    session = load(
        """\
        title: T
        defaults:
          get ready: 3s
          setup time: 20s
          rest between reps: 7s
          rest between sets: 45s
          rest after: 1m
          switch sides: 12s
          voice: off
          sounds: no
        exercises:
          - name: Inherits
            hold: 30s
          - name: Overrides
            hold: 30s
            get ready: 10s
            setup time: wait
            rest between reps: 2s
            rest between sets: none
            rest after: none
            switch sides: 4s
        """
    )
    inherits, overrides = session.exercises
    assert (session.defaults.voice, session.defaults.sounds) == (False, False)
    assert (inherits.get_ready_s, inherits.setup_s, inherits.switch_sides_s) == (3, 20, 12)
    assert (inherits.rest_between_reps_s, inherits.rest_between_sets_s) == (7, 45)
    assert inherits.rest_after_s == 60
    assert (overrides.get_ready_s, overrides.setup_s, overrides.switch_sides_s) == (10, None, 4)
    assert (overrides.rest_between_reps_s, overrides.rest_between_sets_s) == (2, None)
    assert overrides.rest_after_s is None


@pytest.mark.parametrize("word", ["none", "None", "NONE", "off", "no", " none "])
def test_none_words_leave_an_optional_step_out(word: str) -> None:
    session = load(f"title: T\nexercises: [{{name: A, hold: 30s, get ready: '{word}'}}]\n")
    assert session.exercises[0].get_ready_s is None


@pytest.mark.parametrize("word", ["wait", "Wait", "WAIT"])
def test_wait_makes_setup_wait_for_ready(word: str) -> None:
    session = load(f"title: T\nexercises: [{{name: A, hold: 30s, setup time: {word}}}]\n")
    assert session.exercises[0].setup_s is None


@pytest.mark.parametrize(
    ("word", "value"), [("on", True), ("yes", True), ("true", True), ("On", True), ("off", False)]
)
def test_switch_words(word: str, value: bool) -> None:
    session = load(f"title: T\ndefaults: {{sounds: {word}}}\nexercises: [{{name: A, hold: 3}}]\n")
    assert session.defaults.sounds is value


def test_hold_in_breaths_uses_the_default_breathing_pace() -> None:
    session = load(
        """\
        title: T
        defaults:
          breathing: {inhale: 3s, hold in: 1s, exhale: 5s}
        exercises:
          - name: A
            hold: 4 breaths
        """
    )
    assert session.exercises[0].work == PacedBreathing(
        BreathPattern(inhale_s=3, exhale_s=5, hold_in_s=1), cycles=4, measured_hold=True
    )


def test_hold_in_breaths_with_its_own_pace() -> None:
    session = load(
        """\
        title: T
        exercises:
          - name: A
            hold: 1 breath
            breathing: {inhale: 5s, exhale: 7s}
        """
    )
    assert session.exercises[0].work == PacedBreathing(
        BreathPattern(inhale_s=5, exhale_s=7), cycles=1, measured_hold=True
    )


def test_breathing_fills_missing_parts_from_the_default_pace() -> None:
    session = load(
        """\
        title: T
        defaults:
          breathing: {inhale: 3s, exhale: 5s, hold out: 2s}
        exercises:
          - name: A
            breathing: {exhale: 8s, hold out: none, cycles: 6}
        """
    )
    assert session.exercises[0].work == PacedBreathing(
        BreathPattern(inhale_s=3, exhale_s=8, hold_out_s=None), cycles=6
    )


def test_sources_as_text_or_mappings() -> None:
    session = load(
        """\
        title: T
        sources:
          - Just a title
          - title: Piriformis Stretch
            author: A. Writer
            site: Example Health Blog
            url: https://example.org/piriformis
            date: Jan 11, 2015
            note: hold times
        exercises: [{name: A, hold: 30s}]
        """
    )
    assert session.sources == (
        Source(title="Just a title"),
        Source(
            title="Piriformis Stretch",
            author="A. Writer",
            site="Example Health Blog",
            url="https://example.org/piriformis",
            date="Jan 11, 2015",
            note="hold times",
        ),
    )
    assert session.sources[1].citation() == (
        "“Piriformis Stretch”, A. Writer, Example Health Blog, Jan 11, 2015 "
        "(https://example.org/piriformis)"
    )


def test_source_date_written_as_an_iso_date_stays_text() -> None:
    session = load(
        "title: T\nsources: [{title: S, date: 2025-08-14}]\nexercises: [{name: A, hold: 3}]\n"
    )
    assert session.sources[0].date == "2025-08-14"


def test_cues_by_phase() -> None:
    session = load(
        """\
        title: T
        exercises:
          - name: A
            breathing: {cycles: 2}
            cues:
              inhale: stay tall
              hold in: keep still
              exhale: squeeze the roller
              hold out: soft belly
              rest: soften
              hold: not used by breathing
        """
    )
    exercise = session.exercises[0]
    assert dict(exercise.cues) == {
        Phase.INHALE: "stay tall",
        Phase.HOLD_IN: "keep still",
        Phase.EXHALE: "squeeze the roller",
        Phase.HOLD_OUT: "soft belly",
        Phase.REST: "soften",
        Phase.HOLD: "not used by breathing",
    }
    assert exercise.cue(Phase.EXHALE) == "squeeze the roller"


def test_text_is_trimmed_and_lists_accept_a_single_item() -> None:
    session = load(
        """\
        title: '  Spaced title  '
        tags: hip
        summary: >-
          Folded over
          two lines.
        exercises:
          - name: A
            setup: Sit tall
            hold: 30s
        """
    )
    assert session.title == "Spaced title"
    assert session.tags == ("hip",)
    assert session.summary == "Folded over two lines."
    assert session.exercises[0].setup == ("Sit tall",)


@pytest.mark.parametrize(
    ("written", "order"),
    [
        ("none", SideOrder.NONE),
        ("left then right", SideOrder.LEFT_THEN_RIGHT),
        ("Right  then  Left", SideOrder.RIGHT_THEN_LEFT),
        ("left only", SideOrder.LEFT),
        ("RIGHT ONLY", SideOrder.RIGHT),
    ],
)
def test_sides(written: str, order: SideOrder) -> None:
    session = load(f"title: T\nexercises: [{{name: A, hold: 3, sides: {written}}}]\n")
    assert session.exercises[0].sides is order


def test_counts_and_format() -> None:
    session = load("format: 1\ntitle: T\nexercises: [{name: A, hold: 3, sets: +2, reps: 1000}]\n")
    assert (session.exercises[0].sets, session.exercises[0].reps) == (2, 1000)
    assert session.format_version == 1


def test_exercise_remembers_its_line() -> None:
    session = load(
        """\
        title: T
        exercises:
          - name: A
            hold: 3

          - name: B
            hold: 3
        """
    )
    assert [e.line for e in session.exercises] == [3, 6]


def test_load_session_reads_a_path_and_resolves_images_next_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    (folder / "pictures").mkdir(parents=True)
    (folder / "bridge.png").write_bytes(b"png")
    (folder / "pictures" / "twist.svg").write_text("<svg/>")
    path = folder / "mine.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            title: Mine
            exercises:
              - {name: A, hold: 3, image: bridge.png}
              - {name: B, hold: 3, image: pictures/twist.svg}
              - {name: C, hold: 3, image: pictures/../bridge.png}
            """
        )
    )
    result = load_session(path)
    assert result.ok
    assert result.path == path
    assert result.session is not None
    assert result.session.path == path
    images = [e.image for e in result.session.exercises]
    resolved = folder.resolve()
    assert images == [
        resolved / "bridge.png",
        resolved / "pictures/twist.svg",
        resolved / "bridge.png",
    ]


def test_bundled_image_by_name_and_a_local_file_wins(tmp_path: Path) -> None:
    bundled = sorted(paths.images_dir().glob("*.svg"))
    assert bundled, "piritimer ships images in assets/images"
    name = bundled[0].name
    text = f"title: T\nexercises: [{{name: A, hold: 3, image: {name}}}]\n"
    assert load(text).exercises[0].image == bundled[0].resolve()
    assert load(text, base_dir=tmp_path).exercises[0].image == bundled[0].resolve()
    (tmp_path / name).write_text("<svg/>")
    assert load(text, base_dir=tmp_path).exercises[0].image == tmp_path / name


def test_load_result_of_a_bad_file() -> None:
    result = load_session_bytes("title: T\nexercises: []\n", label="s.yaml")
    assert isinstance(result, LoadResult)
    assert not result.ok
    assert result.session is None
    assert result.path is None
    assert result.errors == result.diagnostics
    assert len(result.errors) == 1


def test_load_result_of_a_good_file_has_no_messages() -> None:
    result = load_session_bytes("title: T\nexercises: [{name: A, hold: 3}]\n", label="s.yaml")
    assert result.ok
    assert result.diagnostics == ()
    assert result.errors == ()


def test_bytes_and_text_give_the_same_session() -> None:
    text = "title: Café\nexercises: [{name: Épaule, hold: 1m}]\n"
    from_text = load_session_bytes(text, label="s.yaml")
    from_bytes = load_session_bytes(text.encode(), label="s.yaml")
    assert from_text.session == from_bytes.session
    assert from_text.session is not None
    assert from_text.session.title == "Café"


def test_the_length_check_agrees_with_the_timeline_for_every_bundled_session() -> None:
    for path in sorted(paths.bundled_sessions_dir().glob("*.yaml")):
        session = load_session(path).session
        assert session is not None, path
        assert total_seconds(session) == pytest.approx(compile_session(session).total_s), path
