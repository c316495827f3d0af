"""``piritimer history``: the practice log printed without a display."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.cli import main
from piritimer.core.practice import Outcome
from piritimer.practice.exchange import parse_json
from piritimer.practice.store import PracticeStore
from tests.practice.helpers import a_run

RUNS = [
    a_run(1, pain_before=4, pain_after=2, note="fine"),
    a_run(2, outcome=Outcome.STOPPED, step_index=3, title="Evil \x1b[31mred"),
]


@pytest.fixture
def filled(private_home: Path) -> Path:
    store = PracticeStore(paths.practice_log_path())
    store.add_runs(RUNS).result()
    store.close()
    return paths.practice_log_path()


def test_json_prints_what_import_reads(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--json"]) == 0
    assert parse_json(capsys.readouterr().out.encode()) == RUNS


def test_csv_prints_one_line_per_run(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [row[0] for row in rows] == ["id", "run-1", "run-2"]


def test_text_lists_runs_the_streak_and_where_the_log_is(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    # Newest day first, each day's runs under it.
    assert lines[0] == f"{RUNS[1].started_at.astimezone():%a %Y-%m-%d}"
    assert "Evil \\x1b[31mred  stopped  step 4 of 10" in lines[1]
    assert "\x1b" not in out  # a title cannot drive the terminal
    assert lines[3].endswith(
        "Figure four  completed  step 1 of 10  15:00  pain before 4 after 2  fine"
    )
    assert "Figure four: 1 run, 1 completed" in lines
    assert lines[-1].startswith("2 runs; streak")
    assert str(filled) in lines[-1]


def test_no_log_yet_says_so_and_creates_none(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    assert capsys.readouterr().out.startswith("No runs recorded yet")
    assert not paths.practice_log_path().exists()
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"] == []


def test_csv_and_json_together_are_refused(private_home: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["history", "--csv", "--json"])
    assert exit_info.value.code == 2


def test_it_runs_without_a_display_and_loads_no_qt(filled: Path, private_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PIRITIMER_HOME=str(private_home), QT_QPA_PLATFORM="xcb")
    code = (
        "import sys; from piritimer.cli import main; code = main(['history', '--json']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'; "
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["runs"]) == 2


FRENCH_WEEKDAYS = "lun. mar. mer. jeu. ven. sam. dim.".split()


def history_in(language: str, home: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``LANGUAGE=<language> piritimer history <options>``, in a process of its own: the C
    library keeps the first language it translated an OS error into (strerror) for the rest
    of a process, so a test's LANGUAGE must not reach the test process's C library."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env.update(PIRITIMER_HOME=str(home), LANGUAGE=language)
    return subprocess.run(
        [sys.executable, "-m", "piritimer", "history", *options],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_the_text_speaks_the_environments_language_and_the_data_stays_data(
    filled: Path, private_home: Path
) -> None:
    lines = history_in("fr", private_home).stdout.splitlines()
    day = RUNS[1].started_at.astimezone().date()
    assert lines[0] == f"{FRENCH_WEEKDAYS[day.weekday()]} {day.isoformat()}"
    assert "Evil \\x1b[31mred  arrêtée  étape 4 sur 10" in lines[1]
    assert lines[3].endswith(
        "Figure four  terminée  étape 1 sur 10  15:00  douleur avant 4, après 2  fine"
    )
    assert "Figure four\u202f: 1 séance, 1 terminée" in lines
    assert lines[-1].startswith("2 séances\u202f; série de 0 jour (record\u202f: 2)\u202f;")
    assert "journal de pratique\u202f: " in lines[-1]
    # --csv and --json are data: the same in every language.
    for kind in ("--csv", "--json"):
        english = history_in("en", private_home, kind).stdout
        assert history_in("fr", private_home, kind).stdout == english
        assert '"outcome": "completed"' in english or ",completed," in english


def test_the_help_speaks_the_environments_language(private_home: Path) -> None:
    out = history_in("de", private_home, "--help").stdout
    assert "als CSV, eine Zeile pro Durchlauf" in out
    assert "als JSON, das Format, das der Import liest" in out
