"""Real sound through a real PulseAudio server, recorded and measured.

A short session with every kind of cue (and the voice on) runs through EngineDriver on the
real clock in a child process (tests/lab/lab_session), with the app's real outputs (the cue
thread and the speech helper), while this process records the null sink's monitor with
parec. tests/lab/measure explains how recording time is mapped onto the monotonic clock and
how onsets are found.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from piritimer.audio.cues import Cue
from piritimer.audio.speech_policy import estimate_s
from piritimer.audio.wav import read_wav
from piritimer.core.timeline import Timeline
from piritimer.paths import sounds_dir
from tests.lab.measure import (
    ClockMap,
    CueResult,
    expected_cues,
    measure_cues,
    rms,
)
from tests.lab.pulse_lab import PulseLab, Recorder

pytestmark = pytest.mark.hardware

REPO = Path(__file__).resolve().parents[2]
ONSET_TOLERANCE_MS = 30.0
TAIL_S = 0.5
"""Recorded past the child's exit; it already lingers 1.5 s after the end (parec drops its
buffer when stopped, so the end of the last chime needs this margin)."""
CHILD_TIMEOUT_S = 90.0
FREEZE_SIGNS = ("QSocketNotifier", "Invalid socket")
"""What Qt printed when Qt Multimedia broke the event loop's socket notifiers (Qt 6.12)."""
FREEZE_STALL_MS = 1000.0
"""A GUI-thread stall this long is a freeze, not a busy machine (bench/audio.py reports the
real figure, tens of milliseconds)."""


@dataclass
class Run:
    timeline: Timeline
    report: dict[str, Any]
    recording: Recorder
    clock_map: ClockMap
    results: list[CueResult]
    stderr: str


def run_child(lab: PulseLab, *args: str) -> tuple[dict[str, Any], str]:
    env = {**lab.env, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.lab.lab_session", *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Keep only the head of stderr (a misbehaving plugin can write gigabytes), and any line
    # that shows the event loop breaking.
    head: list[str] = []
    out: list[str] = []

    def drain_stderr() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            if len(head) < 40 or (any(sign in line for sign in FREEZE_SIGNS) and len(head) < 80):
                head.append(line)

    def drain_stdout() -> None:
        assert child.stdout is not None
        out.extend(child.stdout)

    readers = [threading.Thread(target=f, daemon=True) for f in (drain_stderr, drain_stdout)]
    for reader in readers:
        reader.start()
    try:
        child.wait(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        pytest.fail("the session process stalled; its stderr began:\n" + "".join(head))
    for reader in readers:
        reader.join(5)
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()
    lines = [line for line in out if line.startswith("{")]
    assert child.returncode == 0, "".join(head)
    assert lines, "".join(head)
    return json.loads(lines[-1]), "".join(head)


def record_run(lab: PulseLab, *args: str) -> Run:
    from tests.lab.lab_session import build_timeline

    recorder = Recorder(lab)
    recorder.wait_for_audio()
    try:
        report, stderr = run_child(lab, "mixed", *args)
        time.sleep(TAIL_S)  # the tail of the last chime, still on its way through parec
    finally:
        recorder.stop()
    timeline = build_timeline("mixed")
    clock_map = ClockMap(recorder.arrivals)
    sounds = {cue: read_wav(sounds_dir() / cue.file_name) for cue in Cue}
    starts = [(int(index), float(at)) for index, at in report["starts"]]
    expected = expected_cues(timeline, starts)
    results = measure_cues(recorder.samples, clock_map, expected, sounds)
    return Run(timeline, report, recorder, clock_map, results, stderr)


@pytest.fixture(scope="module")
def cue_run(pulse_lab: PulseLab) -> Run:
    """Sounds only, so that every onset is found against silence."""
    return record_run(pulse_lab)


@pytest.fixture(scope="module")
def voice_run(pulse_lab: PulseLab) -> Run:
    """Sounds and voice together, as the app runs."""
    return record_run(pulse_lab, "--voice")


def describe(results: list[CueResult]) -> str:
    return "\n".join(
        f"{r.expected.cue.value:18} step {r.expected.step_index:2}"
        f" error {'missing' if r.error_ms is None else f'{r.error_ms:+.1f} ms'}"
        f" share {r.share:.1%}"
        for r in results
    )


@pytest.mark.parametrize("name", ["cue_run", "voice_run"])
def test_the_session_ran_to_its_end_with_no_notice(
    name: str, request: pytest.FixtureRequest
) -> None:
    run: Run = request.getfixturevalue(name)
    steps = run.timeline.steps
    assert [index for index, _ in run.report["starts"]] == list(range(len(steps)))
    assert run.report["notices"] == []
    assert run.report["problems"] == []


@pytest.mark.parametrize("name", ["cue_run", "voice_run"])
def test_sound_and_voice_never_freeze_the_event_loop(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The freeze that once made helpers necessary (Qt 6.12: QSoundEffect's audio thread
    broke the socket notifiers, and the event loop spun printing "Invalid socket"). Here the
    sink plays on a thread of the session's own process: this catches it if it comes back."""
    run: Run = request.getfixturevalue(name)
    assert not [line for line in run.stderr.splitlines() if any(s in line for s in FREEZE_SIGNS)]
    stalls = run.report["stall_ms"]
    assert stalls.get("session", 0.0) < FREEZE_STALL_MS, stalls


def test_cues_play_without_a_multimedia_backend(cue_run: Run) -> None:
    """The app leaves Qt's FFmpeg backend out (piritimer.qt.lean_plugins); every figure
    here is measured that way, and no notice of it reaches the person."""
    assert cue_run.report["lean_plugins"] is True
    assert cue_run.report["media_backend_loaded"] is False
    assert "No QtMultimedia backends" not in cue_run.stderr


def test_every_kind_of_cue_was_expected(cue_run: Run) -> None:
    cues = {r.expected.cue for r in cue_run.results}
    assert cues >= {
        Cue.NEXT_EXERCISE, Cue.GET_READY_TICK, Cue.START, Cue.LAST_SECONDS_TICK,
        Cue.SWITCH_SIDES, Cue.REST, Cue.INHALE, Cue.HOLD, Cue.EXHALE, Cue.COMPLETE,
    }  # fmt: skip


def test_each_cue_is_heard_within_30_ms_of_its_boundary(cue_run: Run) -> None:
    """Every foreseen boundary within 30 ms. The very first cue marks a step the person
    started (pressing start), which nothing could foresee: it is heard after the press and
    at most one output latency (+30 ms) later. (It wakes the stream, whose queue is still
    short then, so it is often heard sooner than a foreseen cue's latency.)"""
    table = describe(cue_run.results)
    latency_ms = float(cue_run.report["lead_in_s"]) * 1000
    for result in cue_run.results:
        assert result.onset is not None, f"{result.expected} not found\n{table}"
        assert result.onset.after_silence, f"{result.expected} not after silence\n{table}"
        assert result.error_ms is not None
        if result.expected.step_index == 0:
            assert 0.0 <= result.error_ms <= latency_ms + ONSET_TOLERANCE_MS, table
        else:
            assert abs(result.error_ms) <= ONSET_TOLERANCE_MS, table


def test_each_cue_arrives_whole(cue_run: Run) -> None:
    """Nothing clipped at the start (the stream is warm and kept awake), nothing dropped."""
    table = describe(cue_run.results)
    for result in cue_run.results:
        assert result.share >= 0.98, f"{result.expected} arrived in part\n{table}"


def test_voice_is_heard_where_each_line_is_due(voice_run: Run) -> None:
    """Speech energy after each line was handed over, in stretches where no cue sounds."""
    samples, clock_map = voice_run.recording.samples, voice_run.clock_map
    rate = clock_map.rate_hz
    lengths = {cue: read_wav(sounds_dir() / cue.file_name).length_s for cue in Cue}
    cue_spans = [
        (r.expected.due, r.expected.due + lengths[r.expected.cue]) for r in voice_run.results
    ]
    checked = 0
    for text, said_at in voice_run.report["said"]:
        if len(text.split()) < 2:
            continue  # one short word is over before its own cue is; nothing to tell apart
        window = (said_at + 0.2, said_at + estimate_s(text, 0.0) + 0.2)
        clear = [w for w in _gaps(window, cue_spans) if w[1] - w[0] >= 0.1]
        assert clear, f"no stretch free of cues to listen for {text!r}"
        energy = max(
            rms(samples, clock_map.index_of(a), clock_map.index_of(a) + round(0.05 * rate))
            for start, end in clear
            for a in _steps(start, end - 0.05, 0.025)
        )
        assert energy > 300, f"no voice for {text!r} (rms {energy:.0f})"
        checked += 1
    assert checked >= 6


Span = tuple[float, float]


def _gaps(window: Span, spans: list[Span]) -> list[Span]:
    """The parts of ``window`` that no span covers."""
    pieces = [window]
    for s, e in spans:
        pieces = [
            part
            for a, b in pieces
            for part in ((a, min(b, s)), (max(a, e), b))
            if part[1] > part[0]
        ]
    return pieces


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = max(1, int((stop - start) / step) + 1)
    return [start + i * step for i in range(count)]


def test_lines_are_shortened_to_fit_their_steps(voice_run: Run) -> None:
    said = [text for text, _ in voice_run.report["said"]]
    # Setup lasts 2 s: "Left side. Plank. Lie on your side." does not fit; side and name do.
    assert said[0] == "Left side. Plank."
    assert "Get ready. Left side first." in said
    assert "Switch to the right side." in said
    assert said[-1] == "Well done. Session complete."
