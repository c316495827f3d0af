"""A private PulseAudio server (null sink) and speech-dispatcher for the hardware tests.

Under CI=true these tests always run, and fail if a tool is missing; elsewhere they skip
only when PulseAudio's tools are not installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.lab.pulse_lab import PulseLab, missing_tools


def require_tools(speech: bool) -> None:
    missing = missing_tools(speech=speech)
    if not missing:
        return
    message = f"needs {', '.join(missing)} (tools/system-packages.sh installs them)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def pulse_lab() -> Iterator[PulseLab]:
    """Our own PulseAudio (48 kHz mono null sink "piri") and speech-dispatcher on it."""
    require_tools(speech=True)
    lab = PulseLab()
    try:
        lab.start(speech=True)
        yield lab
    finally:
        lab.stop()
