"""A save killed at any instant leaves the complete old file or the complete new one.

A child process saves a ~0.5 MB session over and over with the editor's own saving code,
alternating two versions, and is killed with SIGKILL at a random moment, a hundred times. After
every kill the file must be exactly one of the two versions: never empty, never truncated,
never a mix. Real time must pass for a kill to land mid-write, so this test (alone among the
editor tests) waits a few milliseconds per round; the whole test takes about a second.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from piritimer import paths
from tests.editor import save_crash_child

ROUNDS = 100
MAX_DELAY_S = 0.015
"""A save takes a few milliseconds, so kills land before, during and between saves."""
CHILD = Path(save_crash_child.__file__)


class Child:
    """The forking child process, spoken to one line at a time with a time limit."""

    def __init__(self, target: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(paths.PACKAGE_DIR.parent))
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdout is not None
        self.stdout = self.process.stdout
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.stdout, selectors.EVENT_READ)
        self.buffer = b""

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def read_line(self, timeout_s: float = 30.0) -> str:
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self.buffer:
            if not self.selector.select(max(0.0, deadline - time.monotonic())):
                pytest.fail(f"the save child said nothing for {timeout_s}s")
            chunk = os.read(self.stdout.fileno(), 4096)
            if not chunk:
                pytest.fail("the save child exited early")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.selector.close()
            self.stdout.close()


def test_a_save_killed_at_random_points_never_leaves_a_broken_file(tmp_path: Path) -> None:
    old, new = save_crash_child.VERSIONS
    assert len(old) > 400_000
    assert len(new) == len(old)
    target = tmp_path / "large.yaml"
    target.write_bytes(old)
    child = Child(target)
    chance = random.Random(20260301)
    found: Counter[str] = Counter()
    saves_before_kill: Counter[int] = Counter()
    try:
        for round_number in range(ROUNDS):
            child.send("go")
            reply = child.read_line()
            assert reply.startswith("pid "), reply
            saves = 0
            if round_number % 4 == 3:
                # Some rounds wait for one finished save first, so kills also land in the
                # steady state (replacing a file this worker wrote) however slow the machine.
                assert child.read_line() == "saved"
                saves = 1
            time.sleep(chance.uniform(0, MAX_DELAY_S))
            os.kill(int(reply.split()[1]), signal.SIGKILL)
            while (line := child.read_line()) == "saved":
                saves += 1
            assert line == f"exit {-signal.SIGKILL}"
            saves_before_kill[min(saves, 2)] += 1
            data = target.read_bytes()
            if data == old:
                found["old"] += 1
            elif data == new:
                found["new"] += 1
            else:
                pytest.fail(
                    f"round {round_number}: {len(data)} bytes, neither version "
                    f"(first difference at byte {_first_difference(data, old)})"
                )
    finally:
        child.close()
    assert found["old"] + found["new"] == ROUNDS
    # Kills fell at different points: before the first save completed, and after some had.
    assert saves_before_kill[0] > 0, saves_before_kill
    assert saves_before_kill[1] + saves_before_kill[2] > 0, saves_before_kill
    print(f"saves completed before each kill (0, 1, 2 or more): {saves_before_kill}")


def _first_difference(data: bytes, reference: bytes) -> int:
    return next((i for i, (a, b) in enumerate(zip(data, reference, strict=False)) if a != b), -1)
