"""AudioGuide: sounds and voice for a running session, landing on the engine's boundaries."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from piritimer.audio.cues import Cue, SpokenLine, countdown, spoken_line, step_cue
from piritimer.audio.narration import (
    COMMAND_CUES,
    command_word,
    paused_on_line,
    resume_line,
    resuming_word,
    safety_line,
    time_calls,
    wait_hint,
    where_line,
)
from piritimer.audio.outputs import AudioOutputs
from piritimer.audio.player import CuePlayer
from piritimer.audio.settings import AudioSettings
from piritimer.audio.speech_policy import SpeechPolicy
from piritimer.audio.voice import Voice
from piritimer.core import i18n
from piritimer.core.engine import Command, Event, State, StateChanged, StepStarted
from piritimer.core.i18n import N_, Catalog, _
from piritimer.core.model import Exercise, Session, Side
from piritimer.core.timeline import Step, StepKind, Timeline
from piritimer.qt.driver import EngineDriver

TICK_LATE_LIMIT_S = 0.1
"""A countdown tick whose second has passed by more than this (after a resume, say) is
skipped: a late tick counts wrongly. Boundary cues are played however late they are."""

AWAKE_AFTER_FINISH_MS = 2500
"""Keep the stream open this long after the end, so the closing chime is not cut short."""

COMMAND_GAP_S = 0.3
"""After a skip or back, the new step's own cue follows the command's cue by this much, so the
two are heard one after the other and not as one blur."""

SIDE_CUE_KINDS = frozenset({StepKind.SETUP, StepKind.GET_READY, StepKind.SWITCH_SIDES})
"""The steps whose cues announce a side: heard in that side's ear on a stereo output."""
SIDE_PAN = {Side.LEFT: -1.0, Side.RIGHT: 1.0}

_ACTIVE = (State.RUNNING, State.WAITING, State.PAUSED)
_MOVES = (Command.NEXT, Command.PREVIOUS, Command.RESTART_STEP)
_PLAYING = (State.RUNNING, State.WAITING, State.FINISHED)
"""States in which a held-back step cue still sounds (not once paused or stopped)."""
_PROBLEM_ENDING = N_("The session runs on with the visuals and captions.")


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
        self._command: Command | None = None
        """The command being carried out, until the events it causes have been answered."""
        self._line: SpokenLine | None = None
        """The current step's line, as it was (or would have been) said."""
        self._unsaid: SpokenLine | None = None
        """A line a pause cut off, or a move while paused kept quiet: said on resume."""
        self._delayed: tuple[Cue, float] | None = None
        """A step cue held back to follow a command's cue (see COMMAND_GAP_S)."""
        self._reported: set[str] = set()
        self._sleep_timer = QTimer(self)
        self._sleep_timer.setSingleShot(True)
        self._sleep_timer.timeout.connect(lambda: self._outputs.sounds.set_awake(False))
        driver.engineEvent.connect(self._on_event)
        driver.timelineChanged.connect(self._on_timeline)
        driver.commandIssued.connect(self._on_command)
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

    def voice_languages(self) -> dict[str, str]:
        """Each voice and the language tag it speaks."""
        return self._outputs.speech.voice_languages()

    def problems(self) -> list[str]:
        """Every problem of the outputs in use, whether or not it was reported yet."""
        found = self._outputs.sounds.problems() if self._settings.sounds_on else []
        if self._settings.voice_on:
            found += self._outputs.speech.problems()
        return found

    def _words(self) -> Catalog:
        """The words the voice frames this session in: its ``language:``, else the app's."""
        return i18n.for_session(self._session.language if self._session is not None else None)

    def spoken_language(self) -> str:
        """The language the voice speaks: the session's ``language:`` tag as written (``fr``,
        ``es-419``: a voice of that region where the engine has one), else the app's. The
        session's own lines are most of what is said, so they pick the voice even where
        piritimer has no catalog for its framing words."""
        if self._session is not None and self._session.language:
            return self._session.language
        return i18n.current_language()

    def _apply(self) -> None:
        settings = self._user_settings.for_session(self._session)
        self._settings = settings
        self._player.lead_in_s = settings.lead_in_s
        language = self.spoken_language()
        self._voice.policy = SpeechPolicy(rate=settings.rate, language=language)
        sounds, speech = self._outputs.sounds, self._outputs.speech
        sounds.set_volume(settings.volume)
        speech.set_volume(settings.volume)
        speech.set_rate(settings.rate)
        speech.set_language(language)
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

    def _pan(self, step: Step | None) -> float:
        """Where a cue of ``step`` sits: in its side's ear (settings allowing), else centred."""
        if step is None or step.side is None or not self._settings.pan_side_cues:
            return 0.0
        if step.kind in SIDE_CUE_KINDS or self._settings.pan_every_side_cue:
            return SIDE_PAN[step.side]
        return 0.0

    def _exercise_of(self, step: Step | None) -> Exercise | None:
        if step is None or step.exercise_index is None:
            return None
        exercises = self._driver.engine.timeline.session.exercises
        return exercises[step.exercise_index] if step.exercise_index < len(exercises) else None

    def _voice_for(self, step: Step | None) -> bool:
        """The voice for ``step``: the settings, unless its exercise says ``voice: off``."""
        exercise = self._exercise_of(step)
        return self._settings.voice_on and (exercise is None or exercise.voice)

    def _sounds_for(self, step: Step | None) -> bool:
        """Sound cues for ``step``: the settings, unless its exercise says ``sounds: off``."""
        exercise = self._exercise_of(step)
        return self._settings.sounds_on and (exercise is None or exercise.sounds)

    def where_am_i(self) -> str:
        """Say (and caption) the exercise, side, rep, time left and what comes next."""
        text = where_line(self._driver.engine.timeline, self._driver.status(), self._words())
        self.caption.emit(text)
        if self._settings.voice_on:
            self._voice.stop()
            self._say(text, None)
        return text

    def _on_timeline(self, timeline: Timeline) -> None:
        self._player.cancel()
        self._voice.stop()
        self._preplayed = None
        self._command = self._line = self._unsaid = self._delayed = None
        self.set_session(timeline.session)

    def _on_command(self, command: Command) -> None:
        self._command = command

    def _take_command(self) -> Command | None:
        command, self._command = self._command, None
        return command

    def _say(self, text: str, boundary: float | None, essential: str | None = None) -> None:
        """Say a line of the guide's own for the current step (after what is being said)."""
        line = SpokenLine(text, text if essential is None else essential, self._driver.engine.index)
        self._voice.announce(line, boundary)

    def _command_cue(self, command: Command | None) -> None:
        cue = COMMAND_CUES.get(command) if command is not None else None
        if cue is not None and self._settings.sounds_on:
            self._player.play_now(cue)

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
        command = self._take_command()
        paused = engine.state is State.PAUSED
        preplayed = self._preplayed == (step.index, at)
        self._preplayed = None
        self._delayed = None
        moved = command in _MOVES
        if moved:
            self._command_cue(command)
        cue = step_cue(step)
        if cue is not None and self._sounds_for(step) and not paused and not preplayed:
            if moved:
                self._delayed = (cue, self._clock() + COMMAND_GAP_S)
            else:
                self._player.play_now(cue, self._pan(step))
        self._reschedule()
        words = self._words()
        line = spoken_line(step, self._settings.verbosity, words)
        self._line = line
        self._unsaid = None
        voice = self._voice_for(step)
        if paused:
            if command in _MOVES:
                assert command is not None
                self._unsaid = line
                if voice:
                    self._voice.stop()
                    self._say(paused_on_line(command, step, words), None)
            return
        if voice and command is Command.START and self._settings.safety_line:
            self._voice.stop()
            self._say(safety_line(engine.timeline.session, words), None)
        if line is not None:
            self.caption.emit(line.text)
            if voice:
                if moved and command is not None:
                    word = command_word(command, words)
                    line = SpokenLine(
                        f"{word} {line.text}", f"{word} {line.essential}", line.step_index
                    )
                self._voice.announce(line, engine.deadline())
        if voice and step.waits:
            self._say(wait_hint(words), None)

    def _state_changed(self, previous: State, state: State) -> None:
        sounds = self._outputs.sounds
        voice = self._settings.voice_on
        if state in _ACTIVE and previous not in _ACTIVE:
            self._report_problems()
        if state in (State.RUNNING, State.WAITING):
            self._sleep_timer.stop()
            sounds.set_awake(self._settings.sounds_on)
            if previous is State.PAUSED:
                self._resumed(self._take_command())
        if state is State.PAUSED:
            # Nothing is foreseen while paused: the stream sleeps, so a paused app wakes
            # nothing; it wakes on resume, well before the next boundary's cue is due. The
            # pause's own cue still rings out: a sleeping stream plays what it was given.
            self._take_command()
            if self._voice.output.is_speaking() and self._line is not None:
                self._unsaid = self._line  # cut off: said again on resume
            self._voice.stop()
            self._command_cue(Command.PAUSE)
            sounds.set_awake(False)
            if voice:
                self._say(command_word(Command.PAUSE, self._words()), None)
        if state is State.STOPPED:
            command = self._take_command()
            self._voice.stop()
            self._command_cue(command)
            sounds.set_awake(False)
            if voice and command is Command.STOP:
                self._say(command_word(Command.STOP, self._words()), None)
        if state is State.FINISHED:
            self._sleep_timer.start(AWAKE_AFTER_FINISH_MS)
        self._reschedule()

    def _resumed(self, command: Command | None) -> None:
        """Resume: its sound, where it resumes, and the line the pause kept from being heard."""
        self._command_cue(command or Command.RESUME)
        unsaid, self._unsaid = self._unsaid, None
        if not self._settings.voice_on:
            return
        engine = self._driver.engine
        deadline = engine.deadline()
        words = self._words()
        self._say(resume_line(self._driver.status(), words), deadline, resuming_word(words))
        if unsaid is not None and unsaid.step_index == engine.index:
            self._voice.announce(unsaid, deadline)
        if engine.step.waits:
            self._say(wait_hint(words), None)

    def _time_call(self, index: int, text: str) -> None:
        engine = self._driver.engine
        if self._voice_for(engine.step) and engine.index == index and engine.state is State.RUNNING:
            self._say(text, engine.deadline())

    def _reschedule(self) -> None:
        """Schedule the current step's countdown and the next boundary's cue (or nothing)."""
        self._player.cancel()
        engine = self._driver.engine
        now = self._clock()
        if self._delayed is not None and self._sounds_for(engine.step) and engine.state in _PLAYING:
            delayed, at = self._delayed
            if at >= now:
                self._player.schedule(delayed, at, pan=self._pan(engine.step))
        deadline = engine.deadline()
        if deadline is None or engine.state is not State.RUNNING:
            return
        step = engine.step
        for call in time_calls(step, self._settings.verbosity, self._words()):
            at = deadline - call.before_end_s
            if at >= now:
                self._player.schedule(None, at, partial(self._time_call, step.index, call.text))
        if not self._settings.sounds_on:
            return
        if self._sounds_for(step):
            for tick in countdown(step):
                at = deadline - tick.before_end_s
                if at >= now - TICK_LATE_LIMIT_S:
                    self._player.schedule(tick.cue, at, pan=self._pan(step))
        following = engine.timeline.next_step(step.index)
        cue = step_cue(following) if following is not None else None
        if following is not None and cue is not None and self._sounds_for(following):
            key = (following.index, deadline)
            self._player.schedule(
                cue, deadline, lambda: self._mark_preplayed(key), self._pan(following)
            )

    def _mark_preplayed(self, key: tuple[int, float]) -> None:
        self._preplayed = key

    def _report_problems(self) -> None:
        new = [problem for problem in self.problems() if problem not in self._reported]
        if not new:
            return
        self._reported.update(new)
        self.notice.emit(" ".join([*new, _(_PROBLEM_ENDING)]))
