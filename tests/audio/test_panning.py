"""Side cues in the working side's ear, measured on a stereo null sink.

The lab session (tests/lab/lab_session "mixed": a two-sided plank, then a breath drill) runs
with the app's real cue output on our own PulseAudio whose null sink has two channels;
parec records its monitor. For every cue the guide panned, the recording's level in each
channel over the cue is compared: the working side's channel must lead by at least 12 dB.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator

import pytest

from piritimer.audio.cues import Cue
from piritimer.audio.wav import RATE_HZ, read_wav
from piritimer.paths import sounds_dir
from tests.audio.conftest import require_tools
from tests.audio.test_hardware import TAIL_S, run_child
from tests.lab.measure import Arrival, ClockMap, rms
from tests.lab.pulse_lab import PulseLab, Recorder

pytestmark = pytest.mark.hardware

MIN_LEAD_DB = 12.0
WINDOW_S = 0.6
"""How long after a cue is handed over its sound is looked for: the output latency (~130 ms)
and the cue itself; cues closer together than this are not judged (they overlap)."""


@pytest.fixture(scope="module")
def stereo_lab() -> Iterator[PulseLab]:
    require_tools(speech=False)
    lab = PulseLab()
    try:
        lab.start(speech=False, channels=2)
        yield lab
    finally:
        lab.stop()


def test_left_cues_are_louder_left_and_right_cues_right(stereo_lab: PulseLab) -> None:
    recorder = Recorder(stereo_lab, channels=2)
    recorder.wait_for_audio()
    try:
        report, _ = run_child(stereo_lab, "mixed")
        time.sleep(TAIL_S)
    finally:
        recorder.stop()
    left, right = recorder.samples[0::2], recorder.samples[1::2]
    frames = ClockMap([Arrival(a.clock, a.total_samples // 2) for a in recorder.arrivals])
    played = [(Cue(name), at) for name, at in report["played"]]
    pans = [pan for _, pan in report["pans"]]
    lengths = {cue: read_wav(sounds_dir() / cue.file_name).length_s for cue in Cue}
    judged: dict[float, list[float]] = {-1.0: [], 1.0: []}
    for position, ((cue, at), pan) in enumerate(zip(played, pans, strict=True)):
        if pan == 0.0:
            continue
        neighbours = [t for i, (_, t) in enumerate(played) if i != position]
        if any(abs(t - at) < WINDOW_S for t in neighbours):
            continue
        start = frames.index_of(at)
        stop = start + round(min(WINDOW_S, 0.15 + lengths[cue]) * RATE_HZ)
        level_left, level_right = rms(left, start, stop), rms(right, start, stop)
        assert min(level_left, level_right) > 0, f"{cue} at {at}: silent channel?"
        lead_db = 20 * math.log10(level_left / level_right) * (-pan)
        judged[pan].append(lead_db)
    assert judged[-1.0], f"no left-side cue could be judged: {report['pans']}"
    assert judged[1.0], f"no right-side cue could be judged: {report['pans']}"
    for pan, leads in judged.items():
        side = "left" if pan < 0 else "right"
        assert min(leads) >= MIN_LEAD_DB, f"{side} cues lead by only {leads} dB"
    print(f"left cues lead by {judged[-1.0]} dB, right by {judged[1.0]} dB")
