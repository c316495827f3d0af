"""Class files are first-class files: ``validate``, ``show``, their own schema and modeline,
and the editor's live check read them as the class they are."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from piritimer import paths
from piritimer.cli import main
from piritimer.core.class_plan import load_any, load_any_bytes
from piritimer.core.schema import CLASS_SCHEMA_FILE_NAME, class_schema, class_schema_json
from piritimer.editor.checker import check_text
from piritimer.editor.schema_file import ensure_schema_beside, named_schema

ROOT = Path(__file__).resolve().parents[1]
HIP_CLASS = paths.bundled_classes_dir() / "hip-class.yaml"
TWO_HOLDS = """\
title: Two holds
defaults: {get ready: none, rest after: none}
exercises:
  - name: Figure four
    hold: 30s
  - name: Knee hug
    hold: 20s
"""


@pytest.fixture
def class_file(tmp_path: Path) -> Path:
    (tmp_path / "holds.yaml").write_text(TWO_HOLDS, encoding="utf-8")
    path = tmp_path / "tuesday.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            # yaml-language-server: $schema=./{CLASS_SCHEMA_FILE_NAME}
            class: Tuesday
            repeat: 3
            starts in: 1m
            sessions: [holds.yaml]
            """
        ),
        encoding="utf-8",
    )
    return path


def test_validate_accepts_a_class_and_counts_all_of_it(
    class_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(class_file), str(HIP_CLASS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0] == f"{class_file}: ok — 6 exercises, 4:00 total"
    )  # (15 s setup + hold) ×2, ×3 rounds
    assert out[1].startswith(f"{HIP_CLASS}: ok — ")


def test_validate_reports_a_broken_class_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("class: Broken\nrepeat: 0\nsessions: [nowhere.yaml]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3:12:" in err
    assert "not found" in err
    assert "missing `title:`" not in err


def test_show_prints_the_whole_class_timeline_with_its_total(
    class_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(class_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Tuesday"
    assert sum("Knee hug" in line for line in lines) >= 3  # every round is listed
    assert lines[-1] == "Total: 4:00, 13 steps"


def test_the_class_schema_is_committed_and_accepts_the_bundled_classes() -> None:
    committed = ROOT / "docs" / "schema" / "class-1.schema.json"
    assert committed.read_text(encoding="utf-8") == class_schema_json()
    schema = class_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted(paths.bundled_classes_dir().glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"class": "x", "sessions": ["a.yaml"], "title": "x"}, schema)


def test_print_the_class_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--class"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "piritimer class"


def test_a_class_modeline_gets_the_class_schema_beside_it(class_file: Path) -> None:
    text = class_file.read_text(encoding="utf-8")
    assert named_schema(text) == CLASS_SCHEMA_FILE_NAME
    written = ensure_schema_beside(class_file, text)
    assert written == class_file.parent / CLASS_SCHEMA_FILE_NAME
    assert written.read_text(encoding="utf-8") == class_schema_json()


def test_the_editor_checks_class_text_as_a_class(class_file: Path) -> None:
    text = class_file.read_text(encoding="utf-8")
    check = check_text(text, str(class_file), class_file.parent)
    assert check.ok
    assert check.timeline is not None
    assert check.timeline.session.title == "Tuesday"
    assert len(check.timeline.session.exercises) == 6
    broken = check_text(text.replace("holds.yaml", "gone.yaml"), "x", class_file.parent)
    assert not broken.ok
    assert "not found" in broken.result.errors[0].message


def test_load_any_tells_classes_from_sessions(class_file: Path) -> None:
    opened = load_any(class_file)
    assert opened.is_class
    assert opened.starts_in_s == 60.0
    session = load_any(class_file.parent / "holds.yaml")
    assert not session.is_class
    assert session.starts_in_s is None
    assert session.ok
    unsaved = load_any_bytes(TWO_HOLDS, label="<new>")
    assert unsaved.ok
    assert not unsaved.is_class
