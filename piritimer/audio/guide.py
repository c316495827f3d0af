"""AudioGuide: sounds and voice for a running session, landing on the engine's boundaries."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from piritimer.audio.cues import countdown, spoken_line, step_cue
from piritimer.audio.outputs import AudioOutputs
from piritimer.audio.player import CuePlayer
from piritimer.audio.settings import AudioSettings
from piritimer.audio.speech_policy import SpeechPolicy
from piritimer.audio.voice import Voice
from piritimer.core.engine import Event, State, StateChanged, StepStarted
from piritimer.core.model import Session
from piritimer.core.timeline import Step, Timeline
from piritimer.qt.driver import EngineDriver

TICK_LATE_LIMIT_S = 0.1
"""A countdown tick whose second has passed by more than this (after a resume, say) is
skipped: a late tick counts wrongly. Boundary cues are played however late they are."""

AWAKE_AFTER_FINISH_MS = 2500
"""Keep the stream open this long after the end, so the closing chime is not cut short."""

_ACTIVE = (State.RUNNING, State.WAITING, State.PAUSED)
_PROBLEM_ENDING = "The session runs on with the visuals and captions."


class AudioGuide(QObject):
    """Plays each step's cue on its boundary, counts down the last seconds, and speaks.

    Cues for the next boundary are scheduled as soon as the current step starts, and played
    early by the output latency (settings ``lead_in_s``) so they are heard on the beat. A step
    the person starts by hand (start, skip, "I'm ready") gets its cue at once.

    Outputs default to silent ones, so tests and machines without audio need nothing; the app
    passes ``hardware.open_audio_outputs()`` (or calls ``set_outputs`` once it has them).

    Signals:
        caption(str): every line as its step begins, also with the voice off (captions
            always show).
        notice(str): one clear message when audio cannot work (no device, no speech engine,
            an unreadable sound file), sent when a session starts or when a new problem turns
            up; each problem is reported once.
    """

    caption = Signal(str)
    notice = Signal(str)

    def __init__(
        self,
        driver: EngineDriver,
        settings: AudioSettings,
        parent: QObject | None = None,
        outputs: AudioOutputs | None = None,
    ) -> None:
        super().__init__(parent)
        self._driver = driver
        self._user_settings = settings
        self._session: Session | None = None
        self._settings = settings
        self._outputs = outputs or AudioOutputs()
        self._player = CuePlayer(self._outputs.sounds, self._clock, self)
        self._voice = Voice(self._outputs.speech, self._clock)
        self._preplayed: tuple[int, float] | None = None
        self._reported: set[str] = set()
        self._sleep_timer = QTimer(self)
        self._sleep_timer.setSingleShot(True)
        self._sleep_timer.timeout.connect(lambda: self._outputs.sounds.set_awake(False))
        driver.engineEvent.connect(self._on_event)
        driver.timelineChanged.connect(self._on_timeline)
        self._apply()

    # -- configuration ----------------------------------------------------------------------

    @property
    def settings(self) -> AudioSettings:
        """The settings in force: the person's, narrowed by the current session's defaults."""
        return self._settings

    @property
    def user_settings(self) -> AudioSettings:
        """The person's own choice, before any session narrows it (what a settings dialog edits)."""
        return self._user_settings

    @property
    def player(self) -> CuePlayer:
        return self._player

    def apply_settings(self, settings: AudioSettings) -> None:
        self._user_settings = settings
        self._apply()

    def set_session(self, session: Session | None) -> None:
        """Apply ``session``'s ``defaults: {voice: off, sounds: off}`` on top of the settings.

        Loading a timeline into the driver does this too, with the timeline's session.
        """
        self._session = session
        self._apply()

    def set_outputs(self, outputs: AudioOutputs) -> None:
        """Swap in other outputs (the real ones, opened after the window is on screen)."""
        self._player.cancel()
        self._voice.stop()
        self._outputs.close()
        self._outputs = outputs
        self._player.output = outputs.sounds
        self._voice.output = outputs.speech
        self._apply()
        if self._driver.state in _ACTIVE:
            self._report_problems()
        if self._driver.state in (State.RUNNING, State.WAITING):
            self._outputs.sounds.set_awake(self._settings.sounds_on)

    def close(self) -> None:
        """Fall silent and let go of the outputs: the app is ending (the audio thread must
        end before Qt tears down, or the process aborts)."""
        self._player.cancel()
        self._voice.stop()
        self._outputs.close()

    def voice_names(self) -> list[str]:
        return self._outputs.speech.voice_names()

    def problems(self) -> list[str]:
        """Every problem of the outputs in use, whether or not it was reported yet."""
        found = self._outputs.sounds.problems() if self._settings.sounds_on else []
        if self._settings.voice_on:
            found += self._outputs.speech.problems()
        return found

    def _apply(self) -> None:
        settings = self._user_settings.for_session(self._session)
        self._settings = settings
        self._player.lead_in_s = settings.lead_in_s
        self._voice.policy = SpeechPolicy(rate=settings.rate)
        sounds, speech = self._outputs.sounds, self._outputs.speech
        sounds.set_volume(settings.volume)
        speech.set_volume(settings.volume)
        speech.set_rate(settings.rate)
        speech.set_voice(settings.voice_name)
        if not settings.voice_on:
            self._voice.stop()
        if not settings.sounds_on:
            self._player.cancel()
            sounds.set_awake(False)
        self._reschedule()

    def _clock(self) -> float:
        return self._driver.engine.clock()

    # -- engine events ----------------------------------------------------------------------

    def _on_timeline(self, timeline: Timeline) -> None:
        self._player.cancel()
        self._voice.stop()
        self._preplayed = None
        self.set_session(timeline.session)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            self._step_started(event.step, event.at)
        elif isinstance(event, StateChanged):
            self._state_changed(event.previous, event.state)

    def _step_started(self, step: Step, at: float) -> None:
        engine = self._driver.engine
        if step.index != engine.index:
            return  # caught up past it after a stall: only the current step matters now
        self._report_problems()
        paused = engine.state is State.PAUSED
        preplayed = self._preplayed == (step.index, at)
        self._preplayed = None
        cue = step_cue(step)
        if cue is not None and self._settings.sounds_on and not paused and not preplayed:
            self._player.play_now(cue)
        self._reschedule()
        line = spoken_line(step)
        if line is None:
            return
        self.caption.emit(line.text)
        if self._settings.voice_on and not paused:
            self._voice.announce(line, engine.deadline())

    def _state_changed(self, previous: State, state: State) -> None:
        sounds = self._outputs.sounds
        if state in _ACTIVE and previous not in _ACTIVE:
            self._report_problems()
        if state in (State.RUNNING, State.WAITING):
            self._sleep_timer.stop()
            sounds.set_awake(self._settings.sounds_on)
        if state is State.PAUSED:
            # Nothing is foreseen while paused: the stream sleeps, so a paused app wakes
            # nothing; it wakes on resume, well before the next boundary's cue is due.
            self._voice.stop()
            sounds.set_awake(False)
        if state is State.STOPPED:
            self._voice.stop()
            sounds.set_awake(False)
        if state is State.FINISHED:
            self._sleep_timer.start(AWAKE_AFTER_FINISH_MS)
        self._reschedule()

    def _reschedule(self) -> None:
        """Schedule the current step's countdown and the next boundary's cue (or nothing)."""
        self._player.cancel()
        engine = self._driver.engine
        if not self._settings.sounds_on or engine.state is not State.RUNNING:
            return
        deadline = engine.deadline()
        if deadline is None:
            return
        step = engine.step
        now = self._clock()
        for tick in countdown(step):
            at = deadline - tick.before_end_s
            if at >= now - TICK_LATE_LIMIT_S:
                self._player.schedule(tick.cue, at)
        following = engine.timeline.next_step(step.index)
        cue = step_cue(following) if following is not None else None
        if following is not None and cue is not None:
            key = (following.index, deadline)
            self._player.schedule(cue, deadline, lambda: self._mark_preplayed(key))

    def _mark_preplayed(self, key: tuple[int, float]) -> None:
        self._preplayed = key

    def _report_problems(self) -> None:
        new = [problem for problem in self.problems() if problem not in self._reported]
        if not new:
            return
        self._reported.update(new)
        self.notice.emit(" ".join([*new, _PROBLEM_ENDING]))
