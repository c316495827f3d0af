"""The cue player used by ``sound_worker``: our own mixer feeding one QAudioSink.

Why not QSoundEffect: in Qt 6.12 its audio thread drives the PulseAudio backend in a way
that now and then breaks the main thread's socket notifiers and leaves the event loop
spinning ("Invalid socket ... disabling"); in our runs, every 15-20 s of continuous cues. A
QAudioSink in push mode, written from the main thread, ran clean where QSoundEffect failed.
Mixing ourselves also keeps the stream running between cues, so no cue is ever clipped by a
stream that has to open first.

The sink's queue is kept topped up to ``AHEAD_MS`` of audio by a precise 2 ms timer; a cue
joins the mix at the next sample written, so it is heard about ``AHEAD_MS`` (plus the sound
server's own latency) after play() -- the output latency that the lead-in compensates.
"""

from __future__ import annotations

import wave
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from piritimer import paths
from piritimer.audio.cues import Cue
from piritimer.audio.mixer import Mixer
from piritimer.audio.outputs import SilentSoundOutput, SoundOutput
from piritimer.audio.wav import RATE_HZ, read_wav

NO_DEVICE = "No sound output device was found, so the cues are silent."
AHEAD_MS = 16
"""Audio kept queued: a main-thread stall shorter than this cannot break a cue. With 8 ms, one
cue in 244 arrived broken on a busy machine; the latency it adds is compensated anyway."""
FEED_MS = 2
BUFFER_MS = 60


class SinkSoundOutput(QObject):
    """Plays cues by mixing them into one QAudioSink stream (48 kHz mono 16-bit)."""

    def __init__(self, device: QAudioDevice, sounds_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._problems: list[str] = []
        self._sounds = {}
        for cue in Cue:
            path = sounds_dir / cue.file_name
            if not path.is_file():
                self._problem(f"The sound file {path.name} is missing, so that cue is silent.")
                continue
            try:
                sound = read_wav(path)
            except (OSError, EOFError, ValueError, wave.Error) as error:
                self._problem(f"The sound file {path.name} could not be read ({error}).")
                continue
            if sound.rate_hz != RATE_HZ:
                self._problem(f"The sound file {path.name} is not 48 kHz, so that cue is silent.")
                continue
            self._sounds[cue] = sound.samples
        self._mixer = Mixer()
        audio_format = QAudioFormat()
        audio_format.setSampleRate(RATE_HZ)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, audio_format, self)
        self._sink.setBufferSize(RATE_HZ * 2 * BUFFER_MS // 1000)
        self._io = self._sink.start()
        # An idle push-mode sink reports UnderrunError until fed: only these mean no device.
        if self._io is None or self._sink.error() in (
            QtAudio.Error.OpenError,
            QtAudio.Error.FatalError,
        ):
            self._problem(NO_DEVICE)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._feed)
        self._timer.start(FEED_MS)

    def _problem(self, text: str) -> None:
        if text not in self._problems:
            self._problems.append(text)

    def _feed(self) -> None:
        if self._io is None:
            return
        queued = self._sink.bufferSize() - self._sink.bytesFree()
        wanted = RATE_HZ * 2 * AHEAD_MS // 1000 - queued
        frames = min(wanted, self._sink.bytesFree()) // 2
        if frames > 0:
            self._io.write(self._mixer.mix(frames))

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        samples = self._sounds.get(cue)
        if samples is not None:
            if not self._timer.isActive():
                self.set_awake(True)  # a cue outside a session: wake for it
            self._mixer.start(samples)
            self._feed()

    def set_volume(self, volume: float) -> None:
        self._mixer.volume = volume

    def set_awake(self, awake: bool) -> None:
        """Run the stream (silence between cues) during a session; suspend it otherwise, so
        an idle app holds no sound device busy."""
        if awake and not self._timer.isActive():
            self._sink.resume()
            self._timer.start(FEED_MS)
            self._feed()
        elif not awake and self._timer.isActive() and not self._mixer.sounding:
            self._timer.stop()
            self._sink.suspend()

    def problems(self) -> list[str]:
        return list(self._problems)


def open_sink_output(parent: QObject | None = None, sounds_dir: Path | None = None) -> SoundOutput:
    """The mixer on the default device, or a silent output when there is no device."""
    if not QMediaDevices.audioOutputs():
        return SilentSoundOutput(NO_DEVICE)
    return SinkSoundOutput(
        QMediaDevices.defaultAudioOutput(), sounds_dir or paths.sounds_dir(), parent
    )
