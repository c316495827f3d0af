"""The cue output: our mixer feeding one QAudioSink, on an audio thread of the app's process.

Why so (docs/audio.md has the measurements, bench/audio.py repeats them):

* **Queue.** Cues broke under load when 16 ms were queued: Qt 6.11 asks PulseAudio for a
  16 ms target whatever ``setBufferSize`` says, and a client that does not refill in time
  leaves runs of zeros ("Implicit underrun"). ``PULSE_LATENCY_MSEC`` (libpulse's own knob,
  read when a stream connects) makes the server hold ``SERVER_MS``; our thread keeps
  ``QUEUE_MS`` more in Qt's ring, which PulseAudio drains from its own thread with no Python
  and no GIL involved. A cue the engine foresaw is played early by the whole latency (the
  lead-in), so the larger queue costs nothing on the beat.
* **Thread.** The sink lives on its own QThread; the GUI thread only posts "play this cue,
  asked for at time t". A stalled window cannot starve the stream, and nothing of Qt
  Multimedia runs on the GUI thread.
* **Placement.** A cue is mixed in at the frame that leaves our queue ``LEAD_MS`` after the
  moment play() was called, so the output latency is the same for every cue whatever the
  phase of the 10 ms top-up timer or how late the queued call arrived.
* **Priority.** Where the system allows it, the feeding thread and Qt's PulseAudio thread
  run with real-time priority (``_realtime``): on a loaded machine nothing else kept cues
  whole.
* **Sleep.** Between sessions and while paused the top-up timer and the stream stop:
  nothing wakes. A session (or a resume) starts a fresh stream; a cue asked for while
  asleep wakes it, and it sleeps again once silent.
"""

from __future__ import annotations

import os
import threading
import time
import wave
from array import array
from collections import deque
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from piritimer import paths
from piritimer.audio.cues import Cue
from piritimer.audio.mixer import Mixer
from piritimer.audio.wav import RATE_HZ, read_wav

NO_DEVICE = "No sound output device was found, so the cues are silent."
SERVER_MS = 60
"""Asked of PulseAudio for our stream (it grants about 45 ms of it as buffer)."""
QUEUE_MS = 60
"""Kept in Qt's ring above what the server holds, topped up every ``FEED_MS``."""
FEED_MS = 10
BUFFER_MS = 150
"""The size of Qt's ring: room for the queue and a late top-up."""
LEAD_MS = 85
"""play() to the cue's first frame leaving our queue: at least ``QUEUE_MS + FEED_MS`` plus
the time a queued call takes to reach the audio thread on a busy machine."""
ORIGIN_WINDOW_S = 0.5
"""How far back the stream's timing is looked at (see ``_Feeder._origin``)."""
PULSE_THREAD = "QPulseAudioEngi"
"""The name (cut to 15 characters by Linux) of the thread where Qt hands our queue to PulseAudio."""

_SAMPLE_BYTES = 2


def _realtime(thread_id: int) -> None:
    """Round-robin real-time scheduling for an audio thread, where the system allows it.

    Under ``stress-ng --cpu 2`` on a busy 2-core machine our feeding thread and Qt's PulseAudio
    thread were kept off the CPU for 200 ms and more, longer than any queue we would want, and
    cues broke; real-time threads were not. It is what rtkit grants PulseAudio clients on a
    desktop. Without the right (no root, no RLIMIT_RTPRIO) the thread stays as it is.
    """
    try:
        os.sched_setscheduler(thread_id, os.SCHED_RR, os.sched_param(1))
    except (OSError, AttributeError):  # not allowed, or not Linux
        pass


class _Feeder(QObject):
    """Owns the QAudioSink on the audio thread and keeps its queue topped up.

    Signals:
        problem(str): the device could not be opened.
    """

    problem = Signal(str)

    def __init__(self, sounds: dict[Cue, array[int]]) -> None:
        super().__init__()
        self._sounds = sounds
        self._mixer = Mixer()
        self._frame_bytes = _SAMPLE_BYTES
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._wanted_awake = False
        self._running = False
        self._timer: QTimer | None = None
        self._origins: deque[tuple[float, float]] = deque()

    @Slot()
    def open(self) -> None:
        _realtime(threading.get_native_id())
        if not QMediaDevices.audioOutputs():
            self.problem.emit(NO_DEVICE)
            return
        device = QMediaDevices.defaultAudioOutput()
        # Stereo where the device runs two channels: side cues can then sit in the working
        # side's ear (Mixer pans them); a mono device gets them all in the middle. (Its
        # maximum says nothing: PulseAudio offers to remix any count into a mono sink.)
        channels = 2 if device.preferredFormat().channelCount() >= 2 else 1
        self._mixer.channels = channels
        self._frame_bytes = _SAMPLE_BYTES * channels
        audio_format = QAudioFormat()
        audio_format.setSampleRate(RATE_HZ)
        audio_format.setChannelCount(channels)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        sink = QAudioSink(device, audio_format, self)
        sink.setBufferSize(RATE_HZ * self._frame_bytes * BUFFER_MS // 1000)
        io = sink.start()
        # An idle push-mode sink reports UnderrunError until fed: only these mean no device.
        if io is None or sink.error() in (QtAudio.Error.OpenError, QtAudio.Error.FatalError):
            self.problem.emit(NO_DEVICE)
            return
        self._sink, self._io = sink, io
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._feed)
        self._running = True
        self._feed()  # open the stream now, long before the first cue, then sleep
        self._sleep_if_idle()
        for task in Path("/proc/self/task").glob("*"):
            try:
                if (task / "comm").read_text().startswith(PULSE_THREAD):
                    _realtime(int(task.name))
            except (OSError, ValueError):
                continue

    def _queued_frames(self) -> int:
        sink = self._sink
        assert sink is not None
        return (sink.bufferSize() - sink.bytesFree()) // self._frame_bytes

    def _feed(self) -> None:
        if self._io is None or self._sink is None:
            return
        now = time.monotonic()
        queued = self._queued_frames()
        self._origins.append((now, now - (self._mixer.mixed_frames - queued) / RATE_HZ))
        while len(self._origins) > 1 and self._origins[0][0] < now - ORIGIN_WINDOW_S:
            self._origins.popleft()
        wanted = RATE_HZ * QUEUE_MS // 1000 - queued
        free = self._sink.bytesFree() // self._frame_bytes
        frames = min(wanted, free)
        if frames > 0:
            self._io.write(self._mixer.mix(frames))
        if not self._wanted_awake:
            self._sleep_if_idle()

    def _origin(self) -> float:
        """The clock time frame 0 would have left our queue.

        Each top-up sees ``now - (frames written - frames still queued) / rate``. The server
        takes frames in bursts, so between bursts this overstates (the frames have not gone
        yet); just after one it is right. The lowest value of the last half second is the
        estimate; a window, because the sound card's clock and the monotonic one drift apart.
        """
        return min(origin for _, origin in self._origins)

    @Slot(float, object, float)
    def play(self, asked_at: float, cue: Cue, pan: float = 0.0) -> None:
        samples = self._sounds.get(cue)
        if samples is None or self._io is None:
            return
        if not self._running:
            self._wake()
        self._feed()
        leaves_at = asked_at + LEAD_MS / 1000
        frame = round((leaves_at - self._origin()) * RATE_HZ)
        self._mixer.start(samples, frame - self._mixer.mixed_frames, pan)

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        self._mixer.volume = volume

    @Slot(bool)
    def set_awake(self, awake: bool) -> None:
        self._wanted_awake = awake
        if awake and not self._running:
            self._wake()
        elif not awake:
            self._sleep_if_idle()

    def _wake(self) -> None:
        if self._sink is None or self._timer is None:
            return
        self._io = self._sink.start()  # a fresh stream: see _sleep_if_idle
        self._running = True
        self._origins.clear()
        self._timer.start(FEED_MS)
        self._feed()

    def _sleep_if_idle(self) -> None:
        # The stream is stopped, not suspended: a corked stream kept Qt's PulseAudio thread
        # and ours waking (1 % of a core while paused), and in our runs one resumed from
        # suspend() lost and delayed its first cues. _wake starts a fresh one (~10 ms).
        if self._running and not self._mixer.sounding and self._timer and self._sink:
            self._timer.stop()
            self._sink.stop()
            self._running = False


class SinkSoundOutput(QObject):
    """A SoundOutput whose cues are mixed into one QAudioSink on an audio thread.

    The sound files are read here, so a missing or unreadable one is a problem at once; the
    device is opened on the audio thread, and a missing one is reported a moment later.
    ``close()`` ends the thread (the app's ``aboutToQuit`` does so too).
    """

    _play = Signal(float, object, float)
    _volume = Signal(float)
    _awake = Signal(bool)

    def __init__(self, sounds_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[str] = []
        sounds: dict[Cue, array[int]] = {}
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
            sounds[cue] = sound.samples
        # Set here, on the GUI thread, before any stream connects (and before the audio thread
        # runs: changing the environment while another thread starts a process is a race).
        os.environ.setdefault("PULSE_LATENCY_MSEC", str(SERVER_MS))
        self._thread = QThread(self)
        self._thread.setObjectName("piritimer-sound")
        self._feeder = _Feeder(sounds)
        self._feeder.moveToThread(self._thread)
        self._thread.started.connect(self._feeder.open)
        self._thread.finished.connect(self._feeder.deleteLater)
        self._feeder.problem.connect(self._problem)
        self._play.connect(self._feeder.play)
        self._volume.connect(self._feeder.set_volume)
        self._awake.connect(self._feeder.set_awake)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._thread.start()

    @Slot(str)
    def _problem(self, text: str) -> None:
        if text not in self._problems:
            self._problems.append(text)

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        self._play.emit(time.monotonic(), cue, pan)

    def set_volume(self, volume: float) -> None:
        self._volume.emit(volume)

    def set_awake(self, awake: bool) -> None:
        """Run the stream (silence between cues) while a session runs; let it idle otherwise,
        so a paused or idle app wakes nothing and holds no sound device busy."""
        self._awake.emit(awake)

    def problems(self) -> list[str]:
        return list(self._problems)

    @Slot()
    def close(self) -> None:
        """Stop the audio thread (its sink goes with it). Safe to call twice."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(3000)


def open_sink_output(
    parent: QObject | None = None, sounds_dir: Path | None = None
) -> SinkSoundOutput:
    """The cues on the default device; without one, ``problems()`` says so a moment later."""
    return SinkSoundOutput(sounds_dir or paths.sounds_dir(), parent)
