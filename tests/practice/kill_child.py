"""Drives runs through the practice store until killed: ``kill_child.py DB``.

Prints ``began ID`` once a run's start is on disk and ``finished ID OUTCOME`` once its end
is, so the test knows what the database must hold whenever the kill lands.
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from piritimer.core.practice import Outcome, Run, new_run_id
from piritimer.practice.store import PracticeStore

STEPS = 6


def main(database: Path) -> None:
    store = PracticeStore(database)
    for number in itertools.count():
        run = Run(
            id=new_run_id(),
            title=f"Run {number}",
            file="/sessions/kill.yaml",
            content_hash="sha256:0",
            started_at=datetime.now(UTC),
            step_count=STEPS,
            pid=os.getpid(),
        )
        store.save(run).result()
        print("began", run.id, flush=True)
        for step in range(1, STEPS):
            run = replace(run, step_index=step, done=(*run.done, f"step {step}"))
            store.save(run).result()
        outcome = Outcome.COMPLETED if number % 3 else Outcome.STOPPED
        run = replace(run, outcome=outcome, ended_at=datetime.now(UTC))
        store.save(run).result()
        print("finished", run.id, outcome.value, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
