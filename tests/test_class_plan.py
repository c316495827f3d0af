"""Class files: several sessions chained and repeated into one, checked like session files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from piritimer.core.class_plan import (
    chain_sessions,
    load_class,
    load_class_bytes,
    load_for_presentation,
)
from piritimer.core.loader import load_session
from piritimer.core.timeline import compile_session

STRETCH = """\
title: Stretches
safety: Stop on sharp pain.
notes: Mats needed.
tags: [hip]
sources:
  - title: A stretching guide
exercises:
  - name: Figure four
    hold: 30s
    notes: Knees level.
  - name: Knee hug
    hold: 20s
"""

BREATHING = """\
title: Breathing
safety: Stop on sharp pain.
tags: [breath, hip]
sources:
  - title: A stretching guide
  - title: A breathing guide
exercises:
  - name: Slow breaths
    breathing: {inhale: 4s, exhale: 6s, cycles: 3}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "stretches.yaml").write_text(STRETCH, encoding="utf-8")
    (tmp_path / "sessions" / "breathing.yaml").write_text(BREATHING, encoding="utf-8")
    (tmp_path / "classes").mkdir()
    return tmp_path


def write_class(folder: Path, text: str) -> Path:
    path = folder / "classes" / "tuesday.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(diagnostics: object) -> list[str]:
    return [str(d) for d in diagnostics]  # type: ignore[attr-defined]


def test_a_valid_class_chains_and_repeats_its_sessions(folder: Path) -> None:
    path = write_class(
        folder,
        """\
        class: Tuesday hip class
        starts in: 2m
        repeat: 2
        sessions:
          - ../sessions/stretches.yaml
          - ../sessions/breathing.yaml
        notes: Open the window first.
        """,
    )
    plan, diagnostics = load_class(path)
    assert diagnostics == ()
    assert plan is not None
    assert plan.starts_in_s == 120.0
    assert plan.repeat == 2
    session = plan.session()
    names = [e.name for e in session.exercises]
    assert names == ["Figure four", "Knee hug", "Slow breaths"] * 2
    assert session.title == "Tuesday hip class"
    assert session.safety == "Stop on sharp pain."
    assert [s.title for s in session.sources] == ["A stretching guide", "A breathing guide"]
    assert session.tags == ("hip", "breath")
    assert session.notes == "Open the window first.\n\nStretches: Mats needed."
    assert session.summary == "Stretches · Breathing (×2)"
    assert session.path == path
    assert session.exercises[0].notes == "Knees level."
    timeline = compile_session(session)
    single = compile_session(load_session(folder / "sessions" / "stretches.yaml").session)  # type: ignore[arg-type]
    assert timeline.total_s > 2 * single.total_s


def test_defaults_one_round_and_no_holding_screen(folder: Path) -> None:
    path = write_class(folder, "class: Short\nsessions: [../sessions/breathing.yaml]\n")
    session, diagnostics, starts_in_s = load_for_presentation(path)
    assert diagnostics == ()
    assert session is not None
    assert [e.name for e in session.exercises] == ["Slow breaths"]
    assert starts_in_s is None


def test_a_session_file_opens_for_presentation_too(folder: Path) -> None:
    session, diagnostics, starts_in_s = load_for_presentation(
        folder / "sessions" / "stretches.yaml"
    )
    assert diagnostics == ()
    assert session is not None
    assert session.title == "Stretches"
    assert starts_in_s is None


def test_a_broken_session_file_reports_as_the_loader_does(folder: Path) -> None:
    path = folder / "broken.yaml"
    path.write_text("title: x\nexercises:\n  - name: y\n    hold: 30 parsecs\n", encoding="utf-8")
    session, diagnostics, _ = load_for_presentation(path)
    assert session is None
    assert messages(diagnostics) == messages(load_session(path).diagnostics)


def test_errors_point_at_line_and_column(folder: Path) -> None:
    path = write_class(
        folder,
        """\
        class: Tuesday
        start in: 2m
        repeat: twice
        sessions:
          - ../sessions/stretches.yaml
          - ../sessions/missing.yaml
        """,
    )
    plan, diagnostics = load_class(path)
    assert plan is None
    assert messages(diagnostics) == [
        f"{path}:2:1: unknown key `start in` in class; did you mean `starts in`?",
        f"{path}:3:9: `repeat`: expected a whole number such as 3, found 'twice'",
        f"{path}:6:5: session file '../sessions/missing.yaml' not found next to the class file "
        f"({path.parent}) or among the bundled sessions",
    ]


def test_required_keys_and_empty_lists(folder: Path) -> None:
    plan, diagnostics = load_class_bytes("class: Tuesday\nsessions: []\n", label="c.yaml")
    assert plan is None
    assert messages(diagnostics) == ["c.yaml:2:11: `sessions` needs at least one session file"]
    plan, diagnostics = load_class_bytes("sessions: [a.yaml]\n", label="c.yaml")
    assert plan is None
    assert messages(diagnostics) == [
        "c.yaml:1:1: class is missing `class:` "
        "(the class's title, e.g. `class: Tuesday hip class`)",
        "c.yaml:1:12: session file 'a.yaml' not found among the bundled sessions",
    ]


def test_starts_in_and_repeat_are_checked(folder: Path) -> None:
    path = write_class(
        folder,
        "class: T\nstarts in: soon\nrepeat: 0\nsessions: [../sessions/breathing.yaml]\n",
    )
    _, diagnostics = load_class(path)
    assert [(d.line, d.column) for d in diagnostics] == [(2, 12), (3, 9)]
    assert "expected a whole number from 1 to 1000, found 0" in str(diagnostics[1])


def test_starts_in_none_means_no_holding_screen(folder: Path) -> None:
    path = write_class(
        folder, "class: T\nstarts in: none\nsessions: [../sessions/breathing.yaml]\n"
    )
    plan, diagnostics = load_class(path)
    assert diagnostics == ()
    assert plan is not None
    assert plan.starts_in_s is None


def test_an_invalid_session_in_a_class_is_reported_in_both_files(folder: Path) -> None:
    bad = folder / "sessions" / "bad.yaml"
    bad.write_text("title: Bad\nexercises:\n  - name: x\n", encoding="utf-8")
    path = write_class(folder, "class: T\nsessions:\n  - ../sessions/bad.yaml\n")
    plan, diagnostics = load_class(path)
    assert plan is None
    found = messages(diagnostics)
    assert found[0].startswith(f"{bad}:3:5: `x` has no work")
    assert (
        found[1]
        == f"{path}:3:5: session file '../sessions/bad.yaml' has 1 error (listed under {bad})"
    )


def test_a_class_too_long_to_run_is_refused_at_repeat(folder: Path) -> None:
    many = folder / "sessions" / "many.yaml"
    many.write_text(
        "title: Many\nexercises:\n  - name: x\n    reps: 1000\n    hold: 1s\n"
        "    rest between reps: none\n",
        encoding="utf-8",
    )
    path = write_class(folder, "class: T\nrepeat: 30\nsessions: [../sessions/many.yaml]\n")
    plan, diagnostics = load_class(path)
    assert plan is None
    assert messages(diagnostics) == [
        f"{path}:2:9: this class would have 30,090 steps; the limit is 20,000"
    ]


def test_yaml_problems_and_wrong_shapes(folder: Path) -> None:
    _, diagnostics = load_class_bytes("class: [unclosed\n", label="c.yaml")
    assert str(diagnostics[0]).startswith("c.yaml:2:1: YAML syntax:")
    _, diagnostics = load_class_bytes("- a\n- b\n", label="c.yaml")
    assert messages(diagnostics) == [
        "c.yaml:1:1: a class file is a mapping with `class:` and `sessions:` at the top"
    ]
    plan, diagnostics = load_class(folder / "nope.yaml")
    assert plan is None
    assert "cannot read" in str(diagnostics[0])
    session, diagnostics, _ = load_for_presentation(folder / "nope.yaml")
    assert session is None
    assert messages(diagnostics) == [
        f"{folder / 'nope.yaml'}:1:1: cannot read: No such file or directory"
    ]


def test_bundled_session_names_resolve(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from piritimer import paths

    monkeypatch.setattr(paths, "bundled_sessions_dir", lambda: folder / "sessions")
    plan, diagnostics = load_class_bytes(
        "class: T\nsessions: [breathing.yaml]\n",
        label="c.yaml",
        path=folder / "elsewhere" / "c.yaml",
    )
    assert diagnostics == ()
    assert plan is not None
    assert plan.sessions[0].title == "Breathing"


def test_chain_needs_a_session() -> None:
    with pytest.raises(ValueError, match="at least one session"):
        chain_sessions("T", ())


def test_the_pure_part_loads_no_qt() -> None:
    code = (
        "import sys, piritimer.core.class_plan\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_every_bundled_class_file_loads() -> None:
    from piritimer import paths

    found = sorted((paths.bundled_sessions_dir() / "classes").glob("*.yaml"))
    assert found
    for path in found:
        session, diagnostics, starts_in_s = load_for_presentation(path)
        assert diagnostics == (), [str(d) for d in diagnostics]
        assert session is not None
        assert session.exercises
