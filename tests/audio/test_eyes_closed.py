"""A session followed with eyes closed, recorded and checked by ear, as issue 12 asks.

The lab session "eyes" (tests/lab/lab_session: a two-sided exercise, two reps a side) runs
with the app's real outputs on our own PulseAudio, whose null sink is stereo, and is paused
for 2 s while its first line is being said. parec records the sink. Two runs: sounds only,
where every cue's onset can be found against silence, and sounds with the voice, for what is
said. Checked:

* a cue at every boundary, on the beat (30 ms), whole, each in the channel it was panned to;
* the pause and the resume each heard as their own sound;
* the line the pause cut off said again after "Resuming: …";
* side cues in the working side's ear (≥ 12 dB);
* rep numbers in the spoken lines.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from piritimer.audio.cues import Cue
from piritimer.audio.guide import SIDE_CUE_KINDS, SIDE_PAN
from piritimer.audio.mixer import pan_gains
from piritimer.audio.wav import RATE_HZ, Sound, read_wav
from piritimer.core.timeline import Timeline
from piritimer.paths import sounds_dir
from tests.audio.conftest import require_tools
from tests.audio.test_hardware import ONSET_TOLERANCE_MS, TAIL_S, run_child
from tests.lab.lab_session import build_timeline
from tests.lab.measure import Arrival, ClockMap, expected_cues, find_onset, rms, share_received
from tests.lab.pulse_lab import PulseLab, Recorder

pytestmark = pytest.mark.hardware

PAUSE = ("--pause-at-s", "1.2", "--pause-s", "2")
MIN_LEAD_DB = 12.0
COMMAND_TOLERANCE_MS = 60.0
"""A pause's or resume's sound is played at once, not foreseen: heard one output latency
after the press, give or take this."""


@dataclass
class EarRun:
    timeline: Timeline
    report: dict[str, Any]
    left: Any
    right: Any
    frames: ClockMap


@pytest.fixture(scope="module")
def stereo_voice_lab() -> Iterator[PulseLab]:
    require_tools(speech=True)
    lab = PulseLab()
    try:
        lab.start(speech=True, channels=2)
        yield lab
    finally:
        lab.stop()


def record(lab: PulseLab, *args: str) -> EarRun:
    recorder = Recorder(lab, channels=2)
    recorder.wait_for_audio()
    try:
        report, _ = run_child(lab, "eyes", *PAUSE, *args)
        time.sleep(TAIL_S)
    finally:
        recorder.stop()
    frames = ClockMap([Arrival(a.clock, a.total_samples // 2) for a in recorder.arrivals])
    return EarRun(
        build_timeline("eyes"), report, recorder.samples[0::2], recorder.samples[1::2], frames
    )


@pytest.fixture(scope="module")
def sounds_run(stereo_voice_lab: PulseLab) -> EarRun:
    return record(stereo_voice_lab)


@pytest.fixture(scope="module")
def voice_run(stereo_voice_lab: PulseLab) -> EarRun:
    return record(stereo_voice_lab, "--voice")


def _sounds() -> dict[Cue, Sound]:
    return {cue: read_wav(sounds_dir() / cue.file_name) for cue in Cue}


def _pan(run: EarRun, index: int) -> float:
    step = run.timeline.steps[index]
    return SIDE_PAN[step.side] if step.side is not None and step.kind in SIDE_CUE_KINDS else 0.0


def test_a_cue_at_every_boundary_on_the_beat_in_its_own_ear(sounds_run: EarRun) -> None:
    sounds = _sounds()
    starts = [(int(i), float(at)) for i, at in sounds_run.report["starts"]]
    assert [i for i, _ in starts] == list(range(len(sounds_run.timeline.steps)))
    latency_ms = float(sounds_run.report["lead_in_s"]) * 1000
    expected = expected_cues(sounds_run.timeline, starts)
    assert len(expected) == 11  # nine step cues (get ready has none), two get-ready ticks
    for item in expected:
        pan = _pan(sounds_run, item.step_index)
        left_gain, right_gain = pan_gains(pan)
        channel, gain = (sounds_run.right, right_gain) if pan > 0 else (sounds_run.left, left_gain)
        onset = find_onset(channel, sounds_run.frames, sounds[item.cue], item.due, gain=gain)
        assert onset is not None, f"{item} not heard"
        error_ms = (onset.clock - item.due) * 1000
        if item.step_index == 0:  # started by hand: heard one output latency after the press
            assert 0.0 <= error_ms <= latency_ms + ONSET_TOLERANCE_MS, (item, error_ms)
        else:
            assert abs(error_ms) <= ONSET_TOLERANCE_MS, (item, error_ms)
        share = share_received(channel, onset.index, sounds[item.cue], gain=gain)
        assert share >= 0.98, (item, share)


def test_pause_and_resume_are_heard(sounds_run: EarRun) -> None:
    sounds = _sounds()
    played = [(Cue(name), float(at)) for name, at in sounds_run.report["played"]]
    latency_s = float(sounds_run.report["lead_in_s"])
    commands = [(cue, at) for cue, at in played if cue in (Cue.PAUSED, Cue.RESUMED)]
    assert [cue for cue, _ in commands] == [Cue.PAUSED, Cue.RESUMED]
    for cue, at in commands:
        onset = find_onset(sounds_run.left, sounds_run.frames, sounds[cue], at + latency_s)
        assert onset is not None, f"{cue} not heard"
        error_ms = (onset.clock - at - latency_s) * 1000
        assert abs(error_ms) <= COMMAND_TOLERANCE_MS, (cue, error_ms)
    paused_at, resumed_at = commands[0][1], commands[1][1]
    assert resumed_at - paused_at == pytest.approx(2.0, abs=0.3)


def test_side_cues_lead_in_their_sides_ear_by_12_db(sounds_run: EarRun) -> None:
    starts = [(int(i), float(at)) for i, at in sounds_run.report["starts"]]
    leads: dict[float, list[float]] = {-1.0: [], 1.0: []}
    lengths = {cue: sound.length_s for cue, sound in _sounds().items()}
    for item in expected_cues(sounds_run.timeline, starts):
        pan = _pan(sounds_run, item.step_index)
        if pan == 0.0:
            continue
        start = sounds_run.frames.index_of(item.due)
        stop = start + round(lengths[item.cue] * RATE_HZ)
        left, right = rms(sounds_run.left, start, stop), rms(sounds_run.right, start, stop)
        leads[pan].append(20 * math.log10(left / right) * -pan)
    assert leads[-1.0]
    assert leads[1.0]
    assert min(leads[-1.0]) >= MIN_LEAD_DB, leads
    assert min(leads[1.0]) >= MIN_LEAD_DB, leads
    print(f"side cues lead by: left {leads[-1.0]} dB, right {leads[1.0]} dB")


def test_the_cut_off_line_is_said_again_and_reps_are_numbered(voice_run: EarRun) -> None:
    said = [text for text, _ in voice_run.report["said"]]
    setup = "Left side. Clam."
    assert said[0].startswith(setup), said
    assert said[1] == "Paused.", said
    assert said[2].startswith("Resuming: get into position,"), said
    assert said[3].startswith(setup), said  # the interrupted line, again
    assert "Hold for 5 seconds, rep 1 of 2." in said
    assert "Hold, rep 2 of 2." in said
    assert "Switch to the right side." in said
    assert said[-1] == "Well done. Session complete."
