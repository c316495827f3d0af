"""A process killed with SIGKILL at random moments loses no run and leaves a sound database.

A child drives runs through the real store (start, steps, end, each waited for on disk) and
is killed at a random instant, again and again. After each kill, the database opened anew
must pass ``PRAGMA integrity_check``, hold every run the child had finished with its outcome,
and show every other run as interrupted. Real time must pass for a kill to land mid-write, so
this test waits up to a few tenths of a second per round.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from piritimer import paths
from piritimer.core.practice import Outcome
from piritimer.practice.store import PracticeStore
from tests.practice import kill_child

KILLS = 50
CHILD = Path(kill_child.__file__)


def run_child_until_killed(database: Path, delay_s: float) -> list[list[str]]:
    """Start the child, let it begin its first run (however slow the machine is to start a
    process), then kill it ``delay_s`` later; returns the lines it printed."""
    env = dict(os.environ, PYTHONPATH=str(paths.PACKAGE_DIR.parent))
    errors = database.with_name("child-stderr.txt")
    with errors.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(database)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
        )
    assert child.stdout is not None
    with child.stdout:
        first = child.stdout.readline()  # "began …", or b"" if the child died
        time.sleep(delay_s)
        child.send_signal(signal.SIGKILL)
        # Read on from the same buffered reader (communicate() would read the pipe beneath
        # it and lose what readline() had already buffered); the child is dead, so this ends.
        out = first + child.stdout.read()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, (
        f"the child ended before it was killed: {errors.read_text(errors='replace')}"
    )
    # The kill can land in the middle of a line: only whole lines were said.
    text = out.decode(errors="replace")
    return [line.split() for line in text[: text.rfind("\n") + 1].splitlines()]


def test_runs_survive_sigkill_at_random_moments(tmp_path: Path) -> None:
    database = tmp_path / "practice.sqlite3"
    chooser = random.Random(11)
    finished: dict[str, str] = {}
    began: set[str] = set()
    killed_mid_run = 0
    for _round in range(KILLS):
        lines = run_child_until_killed(database, chooser.uniform(0.0, 0.2))
        for word, run_id, *rest in lines:
            if word == "began":
                began.add(run_id)
            else:
                finished[run_id] = rest[0]
        killed_mid_run += bool(lines) and lines[-1][0] == "began"
        store = PracticeStore(database)
        try:
            assert store.integrity() == "ok"
            runs = {run.id: run for run in store.runs()}
        finally:
            store.close()
        missing = began - runs.keys()
        assert not missing, f"runs lost: {sorted(missing)}"
        for run_id, outcome in finished.items():
            assert runs[run_id].outcome.value == outcome
        for run_id in began - finished.keys():
            # Its end was not confirmed: either the kill came first (interrupted) or the end
            # reached the disk a moment before the kill did.
            assert runs[run_id].outcome is not Outcome.RUNNING
        assert all(run.outcome is not Outcome.RUNNING for run in runs.values())
    interrupted = [r for r in runs.values() if r.outcome is Outcome.INTERRUPTED]
    assert len(began) >= KILLS  # every round began a run before its kill
    assert killed_mid_run >= KILLS // 2, "too few kills landed inside a run to show anything"
    assert len(interrupted) >= KILLS // 3
