"""Child process for the kill test: saves a large session over and over until it is killed.

Run as ``python save_crash_child.py TARGET``. Importing Qt takes a good part of a second, so
this process imports once and then forks one worker per command read from stdin ("go"); each
worker alternates saving two complete versions of TARGET with the editor's own saving code
and is SIGKILLed by the test at a random moment. Replies on stdout, one line each:
``pid N`` when a worker starts saving, ``saved`` after each save it completes, and ``exit N``
once it has died and been reaped.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from piritimer.editor.saving import save_file


def version(label: str, exercises: int = 4000) -> bytes:
    """A valid session of roughly 700 KB whose every byte depends on ``label``."""
    lines = [f"# version {label}", f"title: Version {label}", "exercises:"]
    for number in range(exercises):
        lines += [f"  - name: {label} exercise {number}", "    hold: 30s", "    reps: 2"]
        lines += [f"    notes: {label * 60}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


VERSIONS = (version("A"), version("B"))


def say(line: str) -> None:
    # One write call per line: a kill can then never leave half a line in the pipe.
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def work(target: Path) -> None:
    """Alternate the two versions forever, starting with the one not on disk; only SIGKILL stops
    this. Says "saved" after each complete save."""
    say(f"pid {os.getpid()}")
    turn = 1 if target.read_bytes() == VERSIONS[0] else 0
    while True:
        save_file(target, VERSIONS[turn])
        say("saved")
        turn = 1 - turn


def main() -> None:
    target = Path(sys.argv[1])
    for command in sys.stdin:
        if command.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                work(target)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        say(f"exit {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
