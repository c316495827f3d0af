"""The practice log feeds plans and progression: `LoggedHistory`, and `piritimer show`."""

from __future__ import annotations

from pathlib import Path

import pytest

from piritimer import paths
from piritimer.cli import main
from piritimer.core.practice import Outcome
from piritimer.practice import LoggedHistory, NullPracticeLog
from piritimer.practice.store import PracticeStore
from tests.practice.helpers import a_run

SESSION = """\
title: Growing holds
exercises:
  - name: Figure-four stretch
    hold: 30s to 60s
    progression: {step: 10s, after: 2}
"""


def test_runs_of_a_file_come_back_as_past_runs_and_running_ones_are_left_out(
    tmp_path: Path,
) -> None:
    store = PracticeStore(tmp_path / "practice.sqlite3")
    store.add_runs(
        [
            a_run(1, pain_before=4, pain_after=2),
            a_run(2, outcome=Outcome.STOPPED),
            a_run(3, outcome=Outcome.RUNNING, ended_at=None),
            a_run(4, file="/sessions/other.yaml"),
        ]
    ).result()
    history = LoggedHistory(store)
    runs = history.runs_of(Path("/sessions/figure-four.yaml"))
    assert [(r.completed, r.pain_before, r.pain_after) for r in runs] == [
        (True, 4, 2),
        (False, None, None),
    ]
    first = a_run(1).started_at.astimezone()
    assert runs[0].started == first.replace(tzinfo=None)  # local wall-clock time
    # Read once, until told the file's runs changed.
    store.save(a_run(5)).result()
    assert len(history.runs_of(Path("/sessions/figure-four.yaml"))) == 2
    history.forget(Path("/sessions/figure-four.yaml"))
    assert len(history.runs_of(Path("/sessions/figure-four.yaml"))) == 3
    store.close()


def test_a_log_that_keeps_nothing_counts_nothing() -> None:
    assert LoggedHistory(NullPracticeLog()).runs_of(Path("/x.yaml")) == []


def test_show_takes_todays_values_from_the_log(
    private_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = tmp_path / "growing.yaml"
    session.write_text(SESSION, encoding="utf-8")
    assert main(["show", str(session)]) == 0
    assert "today: 30 s, range 30–60 s" in capsys.readouterr().out
    store = PracticeStore(paths.practice_log_path())
    store.add_runs([a_run(n, file=str(session.absolute())) for n in (1, 2)]).result()
    store.close()
    assert main(["show", str(session)]) == 0
    assert "today: 40 s, range 30–60 s" in capsys.readouterr().out
