"""Run a short session through the real sound and speech outputs, on the real clock (lab code).

For measuring what reaches the speakers (hardware tests, ``bench/audio_latency.py``): run it
in a child process whose environment points at the sound server to record, and it prints one
JSON object: when each step started (``starts``), when each cue was handed to the output
(``played``), what was said (``said``), any output problems, the GUI thread's longest stall
(``stall_ms``, per phase) and the CPU share of the whole process tree while running and
while paused. The timelines are built by
``build_timeline`` here, so the recording side can rebuild exactly the same one.

Run (from the repository root): python -m tests.lab.lab_session {mixed,breaths} [--cycles N]
     [--design thread|helpers] [--no-lead-in] [--latency-ms MS] [--voice] [--engine speechd]
     [--pause-at-s S --pause-s S]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from piritimer import paths
from piritimer.audio.cues import Cue
from piritimer.audio.guide import AudioGuide
from piritimer.audio.hardware import open_audio_outputs
from piritimer.audio.outputs import AudioOutputs, SilentSpeechOutput, SoundOutput, SpeechOutput
from piritimer.audio.settings import AudioSettings
from piritimer.core.engine import Engine, State
from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Phase,
    Session,
    SideOrder,
    TimedHold,
)
from piritimer.core.timeline import Timeline, compile_session
from piritimer.qt.driver import EngineDriver
from piritimer.qt.lean_plugins import use_lean_plugins
from tests.lab import proctree

SETTLE_S = 1.5
"""Time between opening the outputs and pressing start: the cues load and the stream warms
up, as they do in the app while the person reads the first screen."""


def build_timeline(kind: str, cycles: int = 30) -> Timeline:
    """``mixed``: every kind of cue in ~30 s. ``breaths``: one silent second, then ``cycles``
    breaths of 0.7 s in and 0.7 s out (two cues each), the first cue foreseen like the rest.
    ``eyes``: a two-sided exercise of two reps a side, as someone follows it by ear (~36 s)."""
    if kind == "eyes":
        clam = Exercise(
            name="Clam",
            work=TimedHold(5.0),
            setup=("Lie on your side", "Lift the working knee"),
            setup_s=7.0,
            get_ready_s=3.0,
            sides=SideOrder.LEFT_THEN_RIGHT,
            reps=2,
            rest_between_reps_s=2.5,
            switch_sides_s=3.0,
            rest_after_s=None,
        )
        return compile_session(Session("Eyes closed", (clam,)))
    if kind == "breaths":
        drill = Exercise(
            name="Breaths",
            work=PacedBreathing(BreathPattern(0.7, 0.7), cycles=cycles),
            setup_s=None,
            get_ready_s=1.0,
            rest_after_s=None,
        )
        return compile_session(Session("Bench", (drill,)))
    plank = Exercise(
        name="Plank",
        work=TimedHold(6.0),
        setup=("Lie on your side",),
        setup_s=2.0,
        get_ready_s=3.0,
        sides=SideOrder.LEFT_THEN_RIGHT,
        switch_sides_s=2.5,
        rest_after_s=2.5,
        cues=((Phase.HOLD, "lift the hips"),),
    )
    breath = Exercise(
        name="Breath",
        work=PacedBreathing(BreathPattern(2.0, 2.0, hold_in_s=2.0), cycles=1),
        setup_s=2.0,
        get_ready_s=None,
        rest_after_s=None,
    )
    return compile_session(Session("Lab", (plank, breath)))


def first_step(kind: str) -> int:
    """Where to start: ``breaths`` skips its setup for "get ready", which has no sound of its
    own, so that even the first cue is a foreseen one."""
    return 1 if kind == "breaths" else 0


class LoggedSounds:
    """Passes cues on to the real output, noting when each was handed over."""

    def __init__(self, output: SoundOutput) -> None:
        self.output = output
        self.played: list[tuple[str, float]] = []
        self.pans: list[tuple[str, float]] = []

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        self.played.append((cue.value, time.monotonic()))
        self.pans.append((cue.value, pan))
        self.output.play(cue, pan)

    def set_volume(self, volume: float) -> None:
        self.output.set_volume(volume)

    def set_awake(self, awake: bool) -> None:
        self.output.set_awake(awake)

    def problems(self) -> list[str]:
        return self.output.problems()

    def close(self) -> None:
        self.output.close()


class LoggedSpeech:
    """Passes lines on to the real speech output, noting when each was said."""

    def __init__(self, output: SpeechOutput) -> None:
        self.output = output
        self.said: list[tuple[str, float]] = []

    def say(self, text: str) -> None:
        self.said.append((text, time.monotonic()))
        self.output.say(text)

    def enqueue(self, text: str) -> None:
        self.said.append((text, time.monotonic()))
        self.output.enqueue(text)

    def stop(self) -> None:
        self.output.stop()

    def is_speaking(self) -> bool:
        return self.output.is_speaking()

    def set_volume(self, volume: float) -> None:
        self.output.set_volume(volume)

    def set_rate(self, rate: float) -> None:
        self.output.set_rate(rate)

    def set_language(self, language: str) -> None:
        self.output.set_language(language)

    def set_voice(self, name: str | None) -> None:
        self.output.set_voice(name)

    def voice_names(self) -> list[str]:
        return self.output.voice_names()

    def voice_languages(self) -> dict[str, str]:
        return self.output.voice_languages()

    def problems(self) -> list[str]:
        return self.output.problems()

    def close(self) -> None:
        self.output.close()


class StallProbe(QObject):
    """Notes how late a 5 ms timer on the GUI thread fires: the event loop's longest stall.

    ``phase`` names what the stalls are counted for; ``run(False)`` stops the probe (it
    would otherwise be the only thing waking a paused app).
    """

    INTERVAL_MS = 5

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.worst_ms: dict[str, float] = {}
        self.phase = "startup"
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self.run(True)

    def run(self, on: bool) -> None:
        self._last = time.monotonic()
        if on:
            self._timer.start(self.INTERVAL_MS)
        else:
            self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        stall_ms = (now - self._last) * 1000 - self.INTERVAL_MS
        self._last = now
        self.worst_ms[self.phase] = max(self.worst_ms.get(self.phase, 0.0), stall_ms)


def open_outputs(app: QObject, design: str, voice: bool, engine: str) -> AudioOutputs:
    """``thread``: the app's outputs. ``helpers``: the old helper processes (tests.lab.helpers)."""
    if design == "helpers":
        from tests.lab.helpers.sound_process import ProcessSoundOutput
        from tests.lab.helpers.speech_output import ProcessSpeechOutput

        speech: SpeechOutput = ProcessSpeechOutput(engine, app) if voice else SilentSpeechOutput()
        return AudioOutputs(ProcessSoundOutput(app), speech)
    if voice:
        return open_audio_outputs(app, engine)
    from piritimer.audio.sink_output import open_sink_output

    return AudioOutputs(open_sink_output(app), SilentSpeechOutput())


def media_backend_loaded() -> bool:
    """Whether a Qt Multimedia backend plugin (FFmpeg's) is mapped into this process."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        return any("mediaplugin" in line for line in maps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("mixed", "breaths", "eyes"))
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--design", choices=("thread", "helpers"), default="thread")
    parser.add_argument("--no-lead-in", action="store_true")
    parser.add_argument("--latency-ms", type=float, default=None)
    parser.add_argument("--voice", action="store_true")
    parser.add_argument("--engine", default="speechd")
    parser.add_argument("--pause-at-s", type=float, default=None, help="pause the session then")
    parser.add_argument("--pause-s", type=float, default=5.0, help="for this long")
    options = parser.parse_args(argv)

    # Qt's plugins as the app loads them: no multimedia backend (piritimer.qt.lean_plugins).
    lean = use_lean_plugins(paths.qt_plugins_dir())
    app = QCoreApplication([sys.argv[0]])
    probe = StallProbe(app)
    timeline = build_timeline(options.kind, options.cycles)
    driver = EngineDriver(Engine(timeline))
    real = open_outputs(app, options.design, options.voice, options.engine)
    sounds, speech = LoggedSounds(real.sounds), LoggedSpeech(real.speech)
    settings = AudioSettings(
        volume=1.0,
        voice_on=options.voice,
        safety_line=False,  # the lines measured are the steps' own
        lead_in_compensation=not options.no_lead_in,
        **({} if options.latency_ms is None else {"output_latency_ms": options.latency_ms}),
    )
    guide = AudioGuide(driver, settings, app, AudioOutputs(sounds, speech))
    notices: list[str] = []
    guide.notice.connect(notices.append)
    starts: list[tuple[int, float]] = []
    driver.stepStarted.connect(lambda step, at: starts.append((step.index, at)))
    cpu: dict[str, float] = {}
    me = os.getpid()

    def begin() -> None:
        probe.phase = "session"
        cpu["start"], cpu["start_at"] = proctree.cpu_s(me), time.monotonic()
        first = first_step(options.kind)
        if first:
            driver.jump(first)
        else:
            driver.start()
        if options.pause_at_s is not None:
            QTimer.singleShot(round(options.pause_at_s * 1000), pause)

    def pause() -> None:
        driver.pause()
        probe.run(False)
        cpu["pause"], cpu["pause_at"] = proctree.cpu_s(me), time.monotonic()
        QTimer.singleShot(round(options.pause_s * 1000), resume)

    def resume() -> None:
        cpu["resume"], cpu["resume_at"] = proctree.cpu_s(me), time.monotonic()
        probe.run(True)
        driver.resume()

    def finished(state: State) -> None:
        if state is State.FINISHED:
            cpu["end"], cpu["end_at"] = proctree.cpu_s(me), time.monotonic()
            probe.phase = "ending"
            QTimer.singleShot(1500, app.quit)  # let the last chime ring out

    driver.stateChanged.connect(finished)
    QTimer.singleShot(round(SETTLE_S * 1000), begin)
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    restarts = getattr(real.sounds, "restarts", 0)
    for output in (real.sounds, real.speech):
        close = getattr(output, "close", None)
        if close is not None:
            close()

    def share(a: str, b: str) -> float | None:
        if a not in cpu or b not in cpu:
            return None
        return (cpu[b] - cpu[a]) / (cpu[b + "_at"] - cpu[a + "_at"])

    paused = share("pause", "resume")
    running = share("start", "end")
    if running is not None and paused is not None:
        # The pause is inside start..end: count only the time the session ran.
        busy = cpu["end"] - cpu["start"] - (cpu["resume"] - cpu["pause"])
        span = cpu["end_at"] - cpu["start_at"] - (cpu["resume_at"] - cpu["pause_at"])
        running = busy / span
    print(
        json.dumps(
            {
                "starts": starts,
                "played": sounds.played,
                "pans": sounds.pans,
                "said": speech.said,
                "notices": notices,
                "problems": real.problems(),
                "lead_in_s": settings.lead_in_s,
                "restarts": restarts,
                "stall_ms": probe.worst_ms,
                "cpu_running": running,
                "cpu_paused": paused,
                "lean_plugins": lean,
                "media_backend_loaded": media_backend_loaded(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
