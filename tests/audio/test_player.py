"""CuePlayer: cues start early by the lead-in, on a fake clock whose timer we fire by hand."""

from __future__ import annotations

import pytest

from piritimer.audio.cues import Cue
from piritimer.audio.player import CuePlayer
from tests.audio.fakes import FakeClock, RecordingSounds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(10.0)


@pytest.fixture
def sounds(clock: FakeClock) -> RecordingSounds:
    return RecordingSounds(clock)


@pytest.fixture
def player(qapp: object, sounds: RecordingSounds, clock: FakeClock) -> CuePlayer:
    player = CuePlayer(sounds, clock)
    player.lead_in_s = 0.012
    return player


def test_a_cue_is_played_early_by_the_lead_in(
    player: CuePlayer, sounds: RecordingSounds, clock: FakeClock
) -> None:
    player.schedule(Cue.START, 12.0)
    assert player.pending() == [(pytest.approx(11.988), Cue.START)]
    assert player._timer.isActive()
    assert player._timer.interval() == 1987  # whole ms, rounded down
    clock.now = 11.987
    player.poke()
    assert sounds.played == []  # a fraction early: sleep for the rest
    assert player._timer.interval() == 0
    clock.now = 11.988
    player.poke()
    assert sounds.played == [(11.988, Cue.START)]
    assert not player._timer.isActive()


def test_cues_play_in_time_order_and_report_when_played(
    player: CuePlayer, sounds: RecordingSounds, clock: FakeClock
) -> None:
    played: list[str] = []
    player.schedule(Cue.EXHALE, 14.0, lambda: played.append("exhale"))
    player.schedule(Cue.LAST_SECONDS_TICK, 13.0)
    player.schedule(Cue.LAST_SECONDS_TICK, 12.0)
    clock.now = 20.0  # a stall: everything due plays at once, in order
    player.poke()
    assert sounds.cues() == [Cue.LAST_SECONDS_TICK, Cue.LAST_SECONDS_TICK, Cue.EXHALE]
    assert played == ["exhale"]


def test_a_cue_already_due_plays_at_once(
    player: CuePlayer, sounds: RecordingSounds, clock: FakeClock
) -> None:
    player.schedule(Cue.REST, clock.now)
    assert sounds.played == [(10.0, Cue.REST)]


def test_without_lead_in_a_cue_plays_on_its_moment(
    player: CuePlayer, sounds: RecordingSounds, clock: FakeClock
) -> None:
    player.lead_in_s = 0.0
    player.schedule(Cue.HOLD, 11.0)
    clock.now = 10.9995
    player.poke()  # within half a millisecond counts as on time
    assert sounds.cues() == [Cue.HOLD]


def test_cancel_forgets_pending_cues(
    player: CuePlayer, sounds: RecordingSounds, clock: FakeClock
) -> None:
    player.schedule(Cue.START, 11.0)
    player.cancel()
    assert player.pending() == []
    assert not player._timer.isActive()
    clock.now = 12.0
    player.poke()
    assert sounds.played == []


def test_play_now(player: CuePlayer, sounds: RecordingSounds) -> None:
    player.play_now(Cue.COMPLETE)
    assert sounds.played == [(10.0, Cue.COMPLETE)]
