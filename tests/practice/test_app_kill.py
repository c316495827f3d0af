"""The real app, killed with SIGKILL mid-session, leaves its run interrupted and loses none.

piritimer runs as a person starts it (``python -m piritimer FILE`` on a private Xvfb), Space
starts the session, and the whole process group is killed: at a random moment inside the
run in half the rounds, after the run has completed in the other half. After each kill the
log must pass ``PRAGMA integrity_check``, keep every completed run, and show the killed one
as interrupted. Each round starts the whole app, so there are fewer rounds than in
``test_store_kill.py``, which kills the store itself 50 times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.core.practice import Outcome, Run
from piritimer.practice.store import PracticeStore
from tests.xvfb import xvfb_for_keys

ROUNDS = 8
SESSION = """\
title: Kill me
exercises:
  - name: Short hold
    setup time: 1s
    get ready: none
    hold: 4s
    rest after: none
"""


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_for_keys("1280x800") as display:
        yield display


def read_runs(database: Path) -> list[Run]:
    if not database.exists():
        return []
    store = PracticeStore(database, alive=lambda _pid: True)  # the app may still be alive
    try:
        return store.runs()
    finally:
        store.close()


def wait_for(what: str, check: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def press_space(env: dict[str, str]) -> None:
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^piritimer$"],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    window = found.stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True, timeout=20)
    subprocess.run(["xdotool", "key", "space"], env=env, check=True, timeout=20)


@pytest.mark.hardware
def test_the_real_app_killed_mid_session_leaves_the_run_interrupted(
    display: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    session = tmp_path / "kill-me.yaml"
    session.write_text(SESSION, encoding="utf-8")
    database = home / "practice.sqlite3"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PIRITIMER_HOME": str(home),
        "PYTHONPATH": str(paths.PACKAGE_DIR.parent),
    }
    chooser = random.Random(5)
    completed: set[str] = set()
    for number in range(ROUNDS):
        before = {run.id for run in read_runs(database)}
        app = subprocess.Popen(
            [sys.executable, "-m", "piritimer", str(session)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the speech helper, if any, dies with it
        )
        try:
            press_space(env)

            def new_run(before: set[str] = before) -> list[Run]:
                return [r for r in read_runs(database) if r.id not in before]

            wait_for("the run to be recorded", lambda: bool(new_run()))
            if number % 2:
                wait_for(
                    "the run to complete",
                    lambda: new_run()[0].outcome is Outcome.COMPLETED,
                )
                completed.add(new_run()[0].id)
            else:
                time.sleep(chooser.uniform(0.0, 3.0))
        finally:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait(timeout=30)
        (killed,) = [r for r in read_runs(database) if r.id not in before]
        store = PracticeStore(database)  # as the next start would: the app is gone now
        try:
            assert store.integrity() == "ok"
            runs = {run.id: run for run in store.runs()}
        finally:
            store.close()
        assert before | {killed.id} == runs.keys()
        for run_id in completed:
            assert runs[run_id].outcome is Outcome.COMPLETED
        if killed.id not in completed:
            assert runs[killed.id].outcome is Outcome.INTERRUPTED
            assert runs[killed.id].pid == app.pid
    assert len(completed) == ROUNDS // 2
