"""AudioGuide over a real engine and driver on a fake clock, with recording outputs.

The simulated event loop below fires whichever is due first, the driver's wake-up or the
player's: exactly what the two precise timers do in the app, minus the waiting.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio.cues import Cue, countdown, spoken_line, step_cue
from piritimer.audio.guide import COMMAND_GAP_S, AudioGuide
from piritimer.audio.narration import framing_safety_line, wait_hint
from piritimer.audio.outputs import AudioOutputs
from piritimer.audio.settings import AudioSettings, Verbosity
from piritimer.core.engine import Engine, State
from piritimer.core.model import BreathPattern, Defaults, PacedBreathing, Session, SideOrder
from piritimer.core.timeline import StepKind, compile_session
from piritimer.qt.driver import EngineDriver
from tests.audio.fakes import FakeClock, RecordingSounds, RecordingSpeech
from tests.sessions_for_tests import breathing_exercise, hold_exercise, two_exercise_timeline

LEAD_IN_S = 0.012


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def sounds(clock: FakeClock) -> RecordingSounds:
    return RecordingSounds(clock)


@pytest.fixture
def speech(clock: FakeClock) -> RecordingSpeech:
    return RecordingSpeech(clock)


@pytest.fixture
def driver(qapp: object, clock: FakeClock) -> EngineDriver:
    return EngineDriver(Engine(two_exercise_timeline(), clock=clock))


@pytest.fixture
def guide(driver: EngineDriver, sounds: RecordingSounds, speech: RecordingSpeech) -> AudioGuide:
    return AudioGuide(
        driver,
        AudioSettings(output_latency_ms=LEAD_IN_S * 1000, safety_line=False),
        outputs=AudioOutputs(sounds, speech),
    )


def run_until(driver: EngineDriver, guide: AudioGuide, clock: FakeClock, until: float) -> None:
    """Advance the clock event by event up to ``until``, pressing "ready" on wait steps."""
    while clock.now < until:
        if driver.state is State.WAITING:
            driver.ready()
            continue
        wakes = [w for w in (driver.engine.next_wakeup(),) if w is not None]
        wakes += [at for at, _ in guide.player.pending()]
        if not wakes or min(wakes) > until:
            clock.now = until
            break
        clock.now = max(clock.now, min(wakes))
        guide.player.poke()
        driver.poke()


def test_a_whole_session_hears_every_cue_once_and_early_by_the_lead_in(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    starts: list[tuple[int, float, State]] = []
    driver.stepStarted.connect(
        lambda step, at: starts.append((step.index, at, driver.engine.state))
    )
    driver.start()
    run_until(driver, guide, clock, clock.now + 10_000)
    assert driver.state is State.FINISHED
    timeline = driver.engine.timeline
    expected: list[tuple[float, Cue]] = []
    for position, (index, at, _) in enumerate(starts):
        step = timeline.steps[index]
        cue = step_cue(step)
        # A step started by the person (start, "I'm ready") cannot be foreseen: its cue
        # plays at once. A timed boundary's cue plays early by the lead-in.
        by_hand = position == 0 or timeline.steps[index - 1].waits
        if cue is not None:
            expected.append((at if by_hand else at - LEAD_IN_S, cue))
        if position + 1 < len(starts):
            end = starts[position + 1][1]
            expected += [(end - t.before_end_s - LEAD_IN_S, t.cue) for t in countdown(step)]
    expected.sort(key=lambda item: item[0])
    assert [cue for _, cue in sounds.played] == [cue for _, cue in expected]
    for (played_at, _), (due, _) in zip(sounds.played, expected, strict=True):
        assert played_at == pytest.approx(due, abs=1e-6)
    kinds = [timeline.steps[i].kind for i, _, _ in starts]
    assert kinds.count(StepKind.HOLD) == 4
    assert sounds.cues().count(Cue.START) == 4
    assert sounds.cues().count(Cue.COMPLETE) == 1
    # Four 30 s holds, one 8 s side switch, one 15 s rest; 5 s rests are too short to count.
    assert sounds.cues().count(Cue.LAST_SECONDS_TICK) == 3 * 4 + 3 + 3
    assert sounds.cues().count(Cue.GET_READY_TICK) == 2 * 2


def test_the_foreseen_cue_is_not_played_again_when_its_step_starts(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    driver.jump(1)  # get ready, 3 s, then the first hold
    start = clock.now
    assert sounds.cues() == []  # get ready has no start cue
    assert guide.player.pending() == [
        (pytest.approx(start + 1 - LEAD_IN_S), Cue.GET_READY_TICK),
        (pytest.approx(start + 2 - LEAD_IN_S), Cue.GET_READY_TICK),
        (pytest.approx(start + 3 - LEAD_IN_S), Cue.START),
    ]
    run_until(driver, guide, clock, start + 3.0)
    assert driver.engine.step.kind is StepKind.HOLD
    assert sounds.played[-1] == (pytest.approx(start + 3 - LEAD_IN_S), Cue.START)
    assert sounds.cues().count(Cue.START) == 1


def test_a_step_started_by_hand_gets_its_cue_at_once(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    driver.start()
    assert sounds.played == [(100.0, Cue.NEXT_EXERCISE)]
    clock.now += 1.0
    driver.jump(2)
    assert sounds.played[-1] == (101.0, Cue.START)
    driver.next()  # a skip: its own sound at once, the step's a moment after
    assert sounds.played[-1] == (101.0, Cue.SKIPPED)
    assert guide.player.pending()[0] == (pytest.approx(101.0 + COMMAND_GAP_S - LEAD_IN_S), Cue.REST)


def test_without_compensation_cues_play_on_the_boundary(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    guide.apply_settings(AudioSettings(lead_in_compensation=False))
    driver.jump(1)
    run_until(driver, guide, clock, clock.now + 3.0)
    assert sounds.played[-1] == (pytest.approx(103.0), Cue.START)


def test_pause_silences_and_resume_reschedules_the_rest(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    driver.jump(2)  # the first 30 s hold
    clock.now += 28.5  # past the 3- and 2-seconds ticks
    driver.pause()
    assert guide.player.pending() == []
    assert speech.log[-2:] == ["stop", "say Paused."]
    assert sounds.cues()[-1] is Cue.PAUSED
    clock.now += 60.0
    driver.resume()
    # 1.5 s left: the tick at 1 s to go and the rest cue at the end, both shifted by 60 s.
    assert [cue for _, cue in guide.player.pending()] == [Cue.LAST_SECONDS_TICK, Cue.REST]
    assert guide.player.pending()[1][0] == pytest.approx(clock.now + 1.5 - LEAD_IN_S)


def test_moving_while_paused_says_where_it_landed_and_the_line_waits_for_resume(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    driver.jump(2)
    driver.pause()
    driver.next()
    assert sounds.cues()[-1] is Cue.SKIPPED  # the skip's sound, not the rest's own cue
    assert speech.texts()[-1] == "Skipped. Paused on: rest."
    assert guide.player.pending() == []
    clock.now += 5.0  # "Paused on: rest" has been said: resume has the whole rest to speak in
    driver.resume()
    assert speech.texts()[-2:] == ["Resuming: rest, 5 seconds left.", "Rest."]


def test_the_stream_is_kept_awake_only_while_a_session_runs(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    assert not sounds.awake
    driver.start()
    assert sounds.awake
    driver.pause()
    assert not sounds.awake  # a paused app wakes nothing
    driver.resume()
    assert sounds.awake  # long before the next boundary's cue is due
    driver.stop()
    assert not sounds.awake


def test_the_stream_sleeps_a_little_after_the_end(
    qtbot: QtBot,
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    clock: FakeClock,
) -> None:
    driver.jump(len(driver.engine.timeline.steps) - 2)
    driver.next()
    assert driver.state is State.FINISHED
    assert sounds.cues()[-1] is Cue.SKIPPED
    clock.now += COMMAND_GAP_S
    guide.player.poke()
    assert sounds.cues()[-1] is Cue.COMPLETE
    assert sounds.awake  # the chime rings out
    qtbot.waitUntil(lambda: not sounds.awake, timeout=5000)


def test_every_line_is_a_caption_even_with_the_voice_off(
    qtbot: QtBot, driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech
) -> None:
    guide.apply_settings(AudioSettings(voice_on=False))
    with qtbot.waitSignal(guide.caption) as blocker:
        driver.start()
    assert blocker.args == [
        "Left side. Figure four. Lie on your back. Cross the ankle over the knee."
    ]
    assert speech.said == []


def test_the_voice_says_each_line_within_its_step(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech, clock: FakeClock
) -> None:
    captions: list[str] = []
    guide.caption.connect(captions.append)
    driver.start()
    run_until(driver, guide, clock, clock.now + 10_000)
    timeline = driver.engine.timeline
    assert captions == [line.text for s in timeline.steps if (line := spoken_line(s))]
    assert "Switch to the right side." in speech.texts()
    assert "Rest. Next: Thigh squeeze." in speech.texts()
    assert "Breathe out. Squeeze the roller." in speech.texts()
    assert speech.texts()[-1] == "Well done. Session complete."


def test_a_short_step_hears_only_its_essential_words(
    qapp: object, clock: FakeClock, sounds: RecordingSounds, speech: RecordingSpeech
) -> None:
    exercise = breathing_exercise(
        work=PacedBreathing(BreathPattern(2.0, 2.0), cycles=1), setup_s=5.0, get_ready_s=None
    )
    driver = EngineDriver(Engine(compile_session(Session("Fast", (exercise,))), clock=clock))
    guide = AudioGuide(driver, AudioSettings(), outputs=AudioOutputs(sounds, speech))
    driver.start()
    run_until(driver, guide, clock, clock.now + 60)
    # "Breathe out. Squeeze the roller." does not fit in 2 s; its phase word does.
    assert speech.texts()[1:3] == ["Breathe in.", "Breathe out."]


def test_a_new_step_cuts_off_the_stale_line(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech, clock: FakeClock
) -> None:
    driver.start()
    clock.now += 0.5
    driver.next()  # skipped while the setup line is still being said
    assert speech.log[-3:] == [
        "say Left side. Figure four. Lie on your back. Cross the ankle over the knee.",
        "stop",
        "say Skipped. Get ready.",  # the whole line does not fit after the skip's word
    ]


def test_settings_reach_the_outputs(
    guide: AudioGuide, sounds: RecordingSounds, speech: RecordingSpeech
) -> None:
    guide.apply_settings(AudioSettings(volume=0.25, rate=0.5, voice_name="Beta"))
    assert (sounds.volume, speech.volume, speech.rate, speech.voice) == (0.25, 0.25, 0.5, "Beta")
    assert guide.voice_names() == ["Alpha", "Beta"]


def test_sounds_off_plays_nothing_but_the_voice_speaks(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    guide.apply_settings(AudioSettings(sounds_on=False))
    driver.start()
    run_until(driver, guide, clock, clock.now + 60)
    assert sounds.played == []
    assert not sounds.awake
    assert len(speech.said) > 3


def test_a_session_file_can_switch_the_voice_and_sounds_off(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    quiet = Session("Quiet", (hold_exercise(),), defaults=Defaults(voice=False, sounds=False))
    driver.set_timeline(compile_session(quiet))  # the guide takes the session's defaults
    assert not guide.settings.voice_on
    assert not guide.settings.sounds_on
    captions: list[str] = []
    guide.caption.connect(captions.append)
    driver.start()
    run_until(driver, guide, clock, clock.now + 60)
    assert sounds.played == []
    assert speech.said == []
    assert captions
    guide.set_session(None)  # back to the person's own settings
    assert guide.settings.voice_on
    assert guide.settings.sounds_on


def test_a_stall_past_several_steps_sounds_only_the_current_one(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    driver.jump(1)  # get ready (3 s), hold (30 s), ...
    guide.player.cancel()  # as if the player's timer were starved too
    clock.now += 3.0 + 30.0 + 1.0
    driver.poke()
    assert driver.engine.step.kind is StepKind.REST
    assert sounds.cues() == [Cue.REST]


def make_guide(
    driver: EngineDriver, sound_problems: list[str], speech_problems: list[str], clock: FakeClock
) -> tuple[AudioGuide, list[str]]:
    outputs = AudioOutputs(
        RecordingSounds(clock, sound_problems), RecordingSpeech(clock, speech_problems)
    )
    guide = AudioGuide(driver, AudioSettings(), outputs=outputs)
    notices: list[str] = []
    guide.notice.connect(notices.append)
    return guide, notices


def test_one_clear_notice_when_audio_cannot_work(driver: EngineDriver, clock: FakeClock) -> None:
    guide, notices = make_guide(driver, ["No sound device."], ["No speech engine."], clock)
    driver.start()
    run_until(driver, guide, clock, clock.now + 60)
    driver.stop()
    driver.start()
    assert notices == [
        "No sound device. No speech engine. The session runs on with the visuals and captions."
    ]


def test_a_problem_found_later_is_reported_once_more(
    driver: EngineDriver, clock: FakeClock
) -> None:
    problems: list[str] = []
    guide, notices = make_guide(driver, problems, [], clock)
    guide._outputs.sounds._problems = problems  # type: ignore[attr-defined]
    driver.start()
    assert notices == []
    problems.append("The sound file rest.wav could not be read.")
    run_until(driver, guide, clock, clock.now + 60)
    assert notices == [
        "The sound file rest.wav could not be read. The session runs on with the visuals and"
        " captions."
    ]


def test_problems_of_an_output_that_is_switched_off_are_not_reported(
    driver: EngineDriver, clock: FakeClock
) -> None:
    guide, notices = make_guide(driver, ["No sound device."], ["No speech engine."], clock)
    guide.apply_settings(AudioSettings(voice_on=False))
    driver.start()
    assert notices == ["No sound device. The session runs on with the visuals and captions."]


def test_outputs_attached_later_are_used_and_checked(
    driver: EngineDriver, clock: FakeClock
) -> None:
    guide, notices = make_guide(driver, [], [], clock)
    driver.start()
    later = RecordingSounds(clock, ["No sound device."])
    guide.set_outputs(AudioOutputs(later, RecordingSpeech(clock)))
    assert notices == ["No sound device. The session runs on with the visuals and captions."]
    assert later.awake
    assert later.volume == 0.8
    driver.jump(2)
    assert later.cues() == [Cue.START]


def test_outputs_are_let_go_when_replaced_and_when_the_app_ends(
    driver: EngineDriver, clock: FakeClock
) -> None:
    guide = AudioGuide(driver, AudioSettings())
    first = AudioOutputs(RecordingSounds(clock), RecordingSpeech(clock))
    guide.set_outputs(first)
    second = AudioOutputs(RecordingSounds(clock), RecordingSpeech(clock))
    guide.set_outputs(second)
    assert (first.sounds.closed, first.speech.closed) == (True, True)
    assert (second.sounds.closed, second.speech.closed) == (False, False)
    guide.close()
    assert (second.sounds.closed, second.speech.closed) == (True, True)


def test_the_default_outputs_are_silent(driver: EngineDriver, clock: FakeClock) -> None:
    guide = AudioGuide(driver, AudioSettings())
    notices: list[str] = []
    guide.notice.connect(notices.append)
    driver.start()
    run_until(driver, guide, clock, clock.now + 60)
    assert notices == []
    assert guide.problems() == []


def test_pause_and_resume_are_heard_and_the_cut_off_line_is_said_again(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    driver.start()  # the setup line is being said...
    clock.now += 1.0
    driver.pause()  # ...and cut off
    assert sounds.cues()[-1] is Cue.PAUSED
    assert speech.log[-2:] == ["stop", "say Paused."]
    speech.speaking = False
    clock.now += 30.0
    driver.resume()
    assert sounds.cues()[-1] is Cue.RESUMED
    assert speech.texts()[-2:] == [
        "Resuming: get into position, 9 seconds left.",
        "Left side. Figure four. Lie on your back. Cross the ankle over the knee.",
    ]


def test_a_pause_between_lines_repeats_nothing(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech, clock: FakeClock
) -> None:
    driver.jump(2)  # a 30 s hold
    speech.speaking = False  # its line has been said
    clock.now += 12.0
    driver.pause()
    driver.resume()
    assert speech.texts()[-1] == "Resuming: hold, 18 seconds left."


def test_back_and_stop_are_heard(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, speech: RecordingSpeech
) -> None:
    driver.jump(3)
    driver.previous()
    assert sounds.cues()[-1] is Cue.BACK
    assert speech.texts()[-1].startswith("Back. Hold")
    driver.restart_step()
    assert speech.texts()[-1].startswith("Again. Hold")
    driver.stop()
    assert sounds.cues()[-1] is Cue.STOPPED
    assert speech.log[-2:] == ["stop", "say Stopped."]


def test_a_session_starts_with_its_safety_line_then_its_first_step(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech
) -> None:
    guide.apply_settings(AudioSettings(safety_line=True))
    driver.start()
    assert speech.log[:3] == [
        "stop",
        f"say {framing_safety_line()}",  # the test session has no safety text of its own
        "enqueue Left side. Figure four. Lie on your back.",
    ]


def test_no_safety_line_when_switched_off_or_on_a_jump(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech
) -> None:
    driver.start()
    assert framing_safety_line() not in speech.texts()
    guide.apply_settings(AudioSettings(safety_line=True))
    driver.stop()
    driver.jump(2)
    assert framing_safety_line() not in speech.texts()


def test_a_wait_says_how_to_go_on(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech
) -> None:
    wait = next(s.index for s in driver.engine.timeline.steps if s.waits)
    driver.jump(wait)
    assert speech.log[-1] == f"enqueue {wait_hint()}"


def test_a_long_hold_hears_halfway_and_ten_seconds_left(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech, clock: FakeClock
) -> None:
    driver.jump(2)  # a 30 s hold
    start = clock.now
    speech.speaking = False
    said: list[tuple[float, str]] = []
    run_until(driver, guide, clock, start + 29.0)
    said = [(at - start, text) for at, text in speech.said if at > start]
    assert said == [(15.0, "Halfway."), (20.0, "10 seconds left.")]


def test_quiet_says_the_essentials_and_no_time_calls(
    driver: EngineDriver, guide: AudioGuide, speech: RecordingSpeech, clock: FakeClock
) -> None:
    guide.apply_settings(AudioSettings(verbosity=Verbosity.QUIET, safety_line=False))
    driver.jump(2)
    run_until(driver, guide, clock, clock.now + 29.0)
    assert speech.texts() == ["Hold, rep 1 of 2."]


def test_where_am_i_says_exercise_side_rep_time_left_and_next(
    qtbot: QtBot,
    driver: EngineDriver,
    guide: AudioGuide,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    driver.jump(4)  # the second hold of the left side
    clock.now += 12.0
    driver.poke()
    with qtbot.waitSignal(guide.caption) as blocker:
        text = guide.where_am_i()
    assert text == (
        "Figure four, left side. Hold, rep 2 of 2. 18 seconds left. Next: switch to the right side."
    )
    assert blocker.args == [text]
    assert speech.log[-2:] == ["stop", f"say {text}"]


def test_side_cues_sit_in_the_working_sides_ear(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    driver.start()
    run_until(driver, guide, clock, clock.now + 10_000)
    pans = sounds.pans
    assert (Cue.NEXT_EXERCISE, -1.0) == pans[0]  # Figure four's setup: the left side
    assert (Cue.GET_READY_TICK, -1.0) in pans
    assert (Cue.SWITCH_SIDES, 1.0) in pans
    # Holds and rests are not side cues unless asked; the breathing drill has no side.
    assert {pan for cue, pan in pans if cue in (Cue.START, Cue.REST, Cue.INHALE)} == {0.0}


def test_every_cue_of_a_side_when_asked_and_none_when_off(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    guide.apply_settings(AudioSettings(pan_every_side_cue=True, safety_line=False))
    driver.start()
    run_until(driver, guide, clock, clock.now + 10_000)
    starts = [pan for cue, pan in sounds.pans if cue is Cue.START]
    assert starts == [-1.0, -1.0, 1.0, 1.0]
    sounds.pans.clear()
    guide.apply_settings(AudioSettings(pan_side_cues=False, safety_line=False))
    driver.start()
    run_until(driver, guide, clock, clock.now + 10_000)
    assert {pan for _, pan in sounds.pans} == {0.0}


def test_a_pause_right_after_a_skip_keeps_the_held_back_cue_quiet(
    driver: EngineDriver, guide: AudioGuide, sounds: RecordingSounds, clock: FakeClock
) -> None:
    driver.jump(2)
    driver.next()  # the rest's own cue is held back behind the skip's
    assert [cue for _, cue in guide.player.pending()][0] is Cue.REST
    driver.pause()
    assert guide.player.pending() == []
    clock.now += 1.0
    guide.player.poke()
    assert Cue.REST not in sounds.cues()


def test_an_exercise_with_voice_and_sounds_off_is_quiet_and_the_others_are_not(
    driver: EngineDriver,
    guide: AudioGuide,
    sounds: RecordingSounds,
    speech: RecordingSpeech,
    clock: FakeClock,
) -> None:
    loud = hold_exercise("Loud", sides=SideOrder.NONE, reps=1)
    quiet = hold_exercise("Quiet", sides=SideOrder.NONE, reps=1, voice=False, sounds=False)
    timeline = compile_session(Session("Mixed", (loud, quiet)))
    driver.set_timeline(timeline)
    start = clock.now
    driver.start()
    run_until(driver, guide, clock, start + timeline.total_s + 5)
    quiet_steps = [s for s in timeline.steps if s.exercise_index == 1]
    quiet_from = start + quiet_steps[0].start_s
    quiet_until = start + quiet_steps[-1].end_s
    in_quiet = [cue for at, cue in sounds.played if quiet_from - 0.5 < at < quiet_until - 0.5]
    said_in_quiet = [text for at, text in speech.said if quiet_from <= at < quiet_until]
    assert in_quiet == []
    assert said_in_quiet == []
    assert [text for at, text in speech.said if at < quiet_from]  # the loud one spoke
    assert [cue for at, cue in sounds.played if at < quiet_from - 0.5]
    assert Cue.COMPLETE in sounds.cues()  # the end is a step of no exercise: it sounds
