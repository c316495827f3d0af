from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from piritimer.cli import main

GOOD = textwrap.dedent(
    """\
    title: Two holds
    defaults: {get ready: none, rest after: none}
    exercises:
      - name: Figure four
        setup time: wait
        sides: left then right
        hold: 30s
    """
)


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    return path


def test_show_prints_offsets_waits_and_total(
    good_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(good_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Two holds"
    assert any(line.split()[:4] == ["1", "0:00", "wait", "setup"] for line in lines)
    assert any(line.split()[:4] == ["3", "0:30", "8s", "switch"] for line in lines)
    assert lines[-1] == "Total: 1:08 plus 1 wait for “I'm ready”, 5 steps"


def test_show_bad_file_exits_1_with_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nexercises:\n  - name: y\n    hold: -3s\n")
    assert main(["show", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:4:11: `hold`: a duration cannot be negative")


def test_validate_reports_ok_with_total(
    good_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(good_file)]) == 0
    assert capsys.readouterr().out == f"{good_file}: ok — 1 exercise, 1:08 total\n"


def test_schema_is_json_with_the_top_level_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["title", "exercises"]
    exercise = schema["properties"]["exercises"]["items"]["else"]  # `then` is a rest item
    assert "rest between reps" in exercise["properties"]


def test_module_and_main_py_run_without_a_display(good_file: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}  # no DISPLAY, no Qt platform
    for command in ([sys.executable, "-m", "piritimer"], [sys.executable, str(root / "main.py")]):
        done = subprocess.run(
            [*command, "validate", str(good_file)], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert "ok" in done.stdout


def test_missing_argument_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_schema_written_beside_user_sessions_only_when_changed(tmp_path: Path) -> None:
    from piritimer.core.schema import schema_json, write_schema_beside

    target = write_schema_beside(tmp_path / "sessions")
    assert target.read_text() == schema_json()
    stamp = target.stat().st_mtime_ns
    write_schema_beside(tmp_path / "sessions")
    assert target.stat().st_mtime_ns == stamp


def test_the_entry_point_doubles_as_the_speech_helper_for_frozen_builds() -> None:
    """A frozen build has no `python -m`: the app's own executable starts the helper."""
    done = subprocess.run(
        [sys.executable, "-m", "piritimer", "--piritimer-speech-helper", "--engine", "mock"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["type"] == "Ready"


def test_new_prints_the_template_which_validates(capsys: pytest.CaptureFixture[str]) -> None:
    from piritimer.editor.template import MODELINE

    assert main(["new"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == MODELINE
    from piritimer.core.loader import load_session_bytes

    assert load_session_bytes(text).ok


def test_new_file_writes_the_schema_beside_it_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from piritimer.core.schema import SCHEMA_FILE_NAME, schema_json

    target = tmp_path / "mine.yaml"
    assert main(["new", str(target)]) == 0
    assert main(["validate", str(target)]) == 0
    assert (tmp_path / SCHEMA_FILE_NAME).read_text() == schema_json()
    target.write_text("mine, edited")
    capsys.readouterr()
    assert main(["new", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == "mine, edited"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["fmt", "x.yaml"], "'fmt' is neither a command"),
        (["valdate", "x.yaml"], "did you mean `validate`?"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--present", "fmt"], "'fmt' is neither a command"),
        (["validate", "--bogus", "x.yaml"], "unrecognized arguments: --bogus"),
        (["validate", "--format", "xml", "x.yaml"], "invalid choice: 'xml'"),
    ],
)
def test_unknown_commands_and_options_are_usage_errors(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never a window: the error comes before the display check and before Qt."""
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: piritimer")
    assert said in err


def test_an_existing_file_with_any_name_still_opens(tmp_path: Path) -> None:
    from piritimer.cli import _openable

    odd = tmp_path / "fmt"
    assert not _openable(str(odd))
    odd.write_text(GOOD)
    assert _openable(str(odd))
    assert _openable(str(tmp_path / "not-yet.YAML"))
    assert _openable(str(tmp_path / "shared.piritimer"))


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(GOOD)
    (tmp_path / "a" / "deeper" / "two.yml").write_text(GOOD)
    (tmp_path / "a" / "deeper" / "bad.yaml").write_text("title: x\nexercises: []\n")
    (tmp_path / ".git" / "ignored.yaml").write_text("not: a session")
    (tmp_path / "a" / "notes.txt").write_text("not checked")
    return tmp_path


def test_validate_a_folder_checks_every_session_in_it_recursively(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _tree(tmp_path)
    assert main(["validate", str(root)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{root / 'a' / 'one.yaml'}: ok — 1 exercise, 1:08 total",
        f"{root / 'a' / 'deeper' / 'two.yml'}: ok — 1 exercise, 1:08 total",
    ]
    assert captured.err.splitlines() == [
        f"{root / 'a' / 'deeper' / 'bad.yaml'}:2:12: `exercises` needs at least one exercise",
        "1 of 3 files have errors",
    ]


def test_validate_an_empty_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    assert "no session files" in capsys.readouterr().err


def test_validate_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b"title: x\nexercises:\n  - name: y\n    hold: 3q\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["validate", "-"]) == 1
    assert capsys.readouterr().err.startswith("<stdin>:4:11: `hold`: unknown unit 'q'")


def test_validate_json_lists_every_file_and_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _tree(tmp_path)
    assert main(["validate", "--format", "json", str(root)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1
    assert report["warnings"] == 0
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert by_name["one.yaml"]["ok"] is True
    assert by_name["one.yaml"]["total_s"] == 68
    assert by_name["bad.yaml"]["diagnostics"] == [
        {
            "line": 2,
            "column": 12,
            "severity": "error",
            "message": "`exercises` needs at least one exercise",
        }
    ]


def test_validate_github_writes_workflow_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "a,b:c.yaml"
    bad.write_text("title: x\nexercises:\n  - name: y\n    hold: 100%\n")
    assert main(["validate", "--format", "github", str(bad)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    escaped = str(bad).replace(",", "%2C").replace(":", "%3A")
    assert line.startswith(f"::error file={escaped},line=4,col=11,title=piritimer::`hold`: ")
    assert "100%25" in line


def test_strict_turns_warnings_into_failure() -> None:
    from piritimer.core.diagnostics import Diagnostic, Severity
    from piritimer.core.report import FileReport, exit_code

    warned = FileReport("x", None, (Diagnostic("x", 1, 1, "hm", Severity.WARNING),))
    assert exit_code([warned]) == 0
    assert exit_code([warned], strict=True) == 1
