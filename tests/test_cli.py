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
    assert "rest between reps" in schema["properties"]["exercises"]["items"]["properties"]


def test_module_and_main_py_run_without_a_display(good_file: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}  # no DISPLAY, no Qt platform
    for command in ([sys.executable, "-m", "piritimer"], [sys.executable, str(root / "main.py")]):
        done = subprocess.run(
            [*command, "validate", str(good_file)], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert "ok" in done.stdout


def test_unknown_option_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "FILE" in capsys.readouterr().err


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
