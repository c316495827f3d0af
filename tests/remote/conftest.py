"""The phone remote served by a child process (its own event loop: a browser or urllib in the
test waits on it, and must not block it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver

from tests.remote.browser import headless_chromium, missing

SCENARIO = Path(__file__).with_name("serve_scenario.py")


@dataclass
class Served:
    process: subprocess.Popen[str]
    urls: dict[str, Any]

    def tell(self, line: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.urls['port']}"

    def token(self, kind: str) -> str:
        return str(self.urls[kind]).rstrip("/").split("/")[-1]


@contextmanager
def serving(*arguments: str) -> Iterator[Served]:
    """The scenario in a child process; ``arguments``: the app's language, if not English."""
    process = subprocess.Popen(
        [sys.executable, str(SCENARIO), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        _, errors = process.communicate(timeout=10)
        pytest.fail(f"the remote did not start: {errors}")
    yield Served(process, json.loads(line))
    try:
        process.communicate("quit\n", timeout=10)  # and closes the pipes
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.fixture
def served() -> Iterator[Served]:
    with serving() as english:
        yield english


@pytest.fixture
def served_in_french() -> Iterator[Served]:
    with serving("fr") as french:
        yield french


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    """Headless chromium (skipped only outside CI, where it is not installed)."""
    why = missing()
    if why and os.environ.get("CI") != "true":
        pytest.skip(why)
    with headless_chromium() as chromium:
        yield chromium
