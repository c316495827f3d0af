"""How the speech helper process is started, from source or from a frozen build (no Qt).

A frozen app (PyInstaller and the like) has no ``python -m``: its ``sys.executable`` is the
app itself. So the helper is the app's own executable started with ``HELPER_FLAG``, and the
entry point hands such a start to ``run_helper`` before anything else. From source or an
installed wheel, ``sys.executable`` is Python, which runs the helper's module.
"""

from __future__ import annotations

import sys

HELPER_FLAG = "--piritimer-speech-helper"
"""The first argument that turns a start of the app's own executable into the helper."""
HELPER_MODULE = "piritimer.audio.speech_worker"


def helper_command(engine: str) -> tuple[str, list[str]]:
    """(program, arguments) that start the speech helper for ``engine``."""
    if getattr(sys, "frozen", False):
        return sys.executable, [HELPER_FLAG, "--engine", engine]
    return sys.executable, ["-m", HELPER_MODULE, "--engine", engine]


def run_helper(argv: list[str]) -> int | None:
    """The helper's exit code if ``argv`` (without the program name) starts with
    ``HELPER_FLAG``, else None: start the app as usual. Call it first in the entry point."""
    if argv[:1] != [HELPER_FLAG]:
        return None
    from piritimer.audio.speech_worker import main

    return main(argv[1:])
