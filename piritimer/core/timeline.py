"""Compiling a session into a flat, immutable list of steps with exact offsets."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from piritimer.core import i18n
from piritimer.core.durations import format_duration
from piritimer.core.i18n import Catalog
from piritimer.core.model import Exercise, PacedBreathing, Phase, Session, Side, TimedHold
from piritimer.core.progression import Values, with_values


class StepKind(Enum):
    SETUP = "setup"
    GET_READY = "get ready"
    HOLD = "hold"
    INHALE = "inhale"
    HOLD_IN = "hold in"
    EXHALE = "exhale"
    HOLD_OUT = "hold out"
    REST = "rest"
    SWITCH_SIDES = "switch sides"
    DONE = "done"

    @property
    def is_breath(self) -> bool:
        return self in (StepKind.INHALE, StepKind.HOLD_IN, StepKind.EXHALE, StepKind.HOLD_OUT)

    @property
    def is_work(self) -> bool:
        return self is StepKind.HOLD or self.is_breath


@dataclass(frozen=True)
class Step:
    """One thing to do for a known time (or, with ``duration_s`` None, until "I'm ready")."""

    index: int
    kind: StepKind
    title: str
    """The large instruction: "Breathe in", "Hold", "Rest"."""
    detail: str
    """Smaller text under it: a cue, the setup instructions, what comes next."""
    say: str
    """What the voice says as the step begins."""
    start_s: float
    """Offset from the start of the session, counting only timed steps."""
    duration_s: float | None
    exercise_index: int | None = None
    exercise_name: str | None = None
    side: Side | None = None
    set_number: int = 0
    set_count: int = 0
    rep_number: int = 0
    rep_count: int = 0
    cycle_number: int = 0
    cycle_count: int = 0
    language: str | None = None
    """The session's ``language:``: the words the step was made in, and ``position_text``'s."""

    @property
    def waits(self) -> bool:
        return self.duration_s is None and self.kind is not StepKind.DONE

    @property
    def end_s(self) -> float:
        return self.start_s + (self.duration_s or 0.0)

    def position_text(self, *, words: Catalog | None = None) -> str:
        """Where this step sits: "Left side · set 2 of 3 · rep 5 of 8 · breath 2 of 5"
        (``words``: the catalog to say it in; by default the session's, else the app's)."""
        words = words or i18n.for_session(self.language)
        parts: list[str] = []
        if self.side is not None:
            parts.append(side_name(self.side, words=words))
        if self.set_count > 1:
            parts.append(
                words.gettext("set {number} of {count}").format(
                    number=self.set_number, count=self.set_count
                )
            )
        if self.rep_count > 1:
            parts.append(
                words.gettext("rep {number} of {count}").format(
                    number=self.rep_number, count=self.rep_count
                )
            )
        if self.cycle_count > 1:
            parts.append(
                words.gettext("breath {number} of {count}").format(
                    number=self.cycle_number, count=self.cycle_count
                )
            )
        text = " · ".join(parts)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Timeline:
    session: Session
    steps: tuple[Step, ...]

    @property
    def total_s(self) -> float:
        """Length of all timed steps; waiting for "I'm ready" adds to this."""
        return self.steps[-1].start_s if self.steps else 0.0

    @property
    def wait_count(self) -> int:
        return sum(1 for step in self.steps if step.waits)

    def exercise_range(self, exercise_index: int) -> range:
        indices = [s.index for s in self.steps if s.exercise_index == exercise_index]
        return range(indices[0], indices[-1] + 1) if indices else range(0)

    def next_step(self, index: int) -> Step | None:
        return self.steps[index + 1] if index + 1 < len(self.steps) else None


def compile_session(
    session: Session,
    only_exercise: int | None = None,
    today: Mapping[int, Values] | None = None,
    *,
    words: Catalog | None = None,
) -> Timeline:
    """Flatten a session (or just one of its exercises) into steps with exact offsets.

    ``today``: today's values of the exercises with ranges, by index (without them a range
    runs at its start, the value the loader gives the exercise). ``words``: the catalog the
    titles and spoken lines are in; by default the session's ``language:``, else the app's."""
    language = session.language if words is None else words.language
    words = words or i18n.for_session(session.language)
    builder = _Builder(words, language)
    today = today or {}
    chosen = [
        (i, with_values(e, today[i]) if i in today else e)
        for i, e in enumerate(session.exercises)
        if only_exercise in (None, i)
    ]
    for position, (index, exercise) in enumerate(chosen):
        following = chosen[position + 1][1] if position + 1 < len(chosen) else None
        builder.exercise(index, exercise, following)
    builder.add(
        StepKind.DONE,
        words.pgettext("step title", "Session complete"),
        words.gettext("Well done."),
        words.pgettext("voice", "Well done. Session complete."),
        None,
    )
    return Timeline(session, tuple(builder.steps))


def setup_groups(exercise: Exercise) -> list[tuple[tuple[str, ...], bool]]:
    """The setup steps: (cues, waits for "I'm ready") each. A ``- wait:`` cue ends a step that
    waits; the cues after the last one make the timed (``setup time``) step."""
    groups: list[tuple[tuple[str, ...], bool]] = []
    start = 0
    for index in exercise.setup_waits:
        groups.append((exercise.setup[start : index + 1], True))
        start = index + 1
    if start < len(exercise.setup) or not groups:
        groups.append((exercise.setup[start:], False))
    return groups


def count_steps(session: Session) -> int:
    """The number of steps compile_session would make, computed without making them."""
    total = 1
    for index, exercise in enumerate(session.exercises):
        sides = max(1, len(exercise.sides.sides))
        per_rep = 1 if isinstance(exercise.work, TimedHold) else _breath_phases(exercise.work)
        reps = exercise.sets * exercise.reps
        per_side = reps * per_rep
        per_side += (exercise.reps - 1) * exercise.sets * bool(exercise.rest_between_reps_s)
        per_side += (exercise.sets - 1) * bool(exercise.rest_between_sets_s)
        total += len(setup_groups(exercise)) + bool(exercise.get_ready_s)
        total += sides * per_side + (sides - 1)
        total += bool(exercise.rest_after_s) and index + 1 < len(session.exercises)
    return total


def total_seconds(session: Session) -> float:
    """``compile_session(session).total_s``, computed without making the steps (the loader
    checks every file's length, and a file may ask for 20,000 steps)."""
    total = 0.0
    for index, exercise in enumerate(session.exercises):
        work = exercise.work
        if isinstance(work, TimedHold):
            rep_s = work.hold_s
        else:
            pattern = work.pattern
            breath_s = pattern.inhale_s + pattern.exhale_s
            breath_s += (pattern.hold_in_s or 0.0) + (pattern.hold_out_s or 0.0)
            rep_s = work.cycles * breath_s
        sets, reps = exercise.sets, exercise.reps
        per_side = sets * reps * rep_s
        per_side += (reps - 1) * sets * (exercise.rest_between_reps_s or 0.0)
        per_side += (sets - 1) * (exercise.rest_between_sets_s or 0.0)
        sides = max(1, len(exercise.sides.sides))
        timed_setup = not setup_groups(exercise)[-1][1]
        total += (exercise.setup_s or 0.0) * timed_setup + (exercise.get_ready_s or 0.0)
        total += sides * per_side + (sides - 1) * exercise.switch_sides_s
        if index + 1 < len(session.exercises):
            total += exercise.rest_after_s or 0.0
    return total


def _breath_phases(work: PacedBreathing) -> int:
    pattern = work.pattern
    return work.cycles * (2 + (pattern.hold_in_s is not None) + (pattern.hold_out_s is not None))


def side_name(side: Side, *, words: Catalog | None = None) -> str:
    """ "Left side", "Right side"."""
    words = words or i18n.current()
    return words.gettext("Left side") if side is Side.LEFT else words.gettext("Right side")


def step_kind_name(kind: StepKind, *, words: Catalog | None = None) -> str:
    """A kind of step as a message or the ``show`` table names it ("the inhale step"); in
    English, the format's own word for the phase."""
    words = words or i18n.current()
    names = {
        StepKind.SETUP: words.pgettext("step kind", "setup"),
        StepKind.GET_READY: words.pgettext("step kind", "get ready"),
        StepKind.HOLD: words.pgettext("step kind", "hold"),
        StepKind.INHALE: words.pgettext("step kind", "inhale"),
        StepKind.HOLD_IN: words.pgettext("step kind", "hold in"),
        StepKind.EXHALE: words.pgettext("step kind", "exhale"),
        StepKind.HOLD_OUT: words.pgettext("step kind", "hold out"),
        StepKind.REST: words.pgettext("step kind", "rest"),
        StepKind.SWITCH_SIDES: words.pgettext("step kind", "switch sides"),
        StepKind.DONE: words.pgettext("step kind", "done"),
    }
    return names[kind]


class _Builder:
    def __init__(self, words: Catalog, language: str | None = None) -> None:
        self.words = words
        self.language = language
        self.steps: list[Step] = []
        self.offset_s = 0.0

    def add(
        self,
        kind: StepKind,
        title: str,
        detail: str,
        say: str,
        duration_s: float | None,
        **where: object,
    ) -> None:
        self.steps.append(
            Step(
                index=len(self.steps),
                kind=kind,
                title=title,
                detail=detail,
                say=say,
                start_s=self.offset_s,
                duration_s=duration_s,
                language=self.language,
                **where,  # type: ignore[arg-type]
            )
        )
        # Offsets are sums of the file's own numbers, never of measured times.
        self.offset_s += duration_s or 0.0

    def exercise(self, index: int, exercise: Exercise, following: Exercise | None) -> None:
        where: dict[str, object] = {"exercise_index": index, "exercise_name": exercise.name}
        sides: tuple[Side | None, ...] = exercise.sides.sides or (None,)
        # The side is named before the setup that puts you on it, and the setup speaks of
        # that side ("Left side. Cross your left ankle…"), not of "the working ankle".
        first_side = sides[0]
        words = self.words
        named = f"{self._side_said(first_side)} " if first_side else ""
        for number, (written, waits) in enumerate(setup_groups(exercise)):
            cues = tuple(for_side(cue, first_side) for cue in written)
            said = " ".join(_sentence(cue) for cue in cues)
            lead = f"{named}{_sentence(exercise.name)} " if number == 0 else ""
            self.add(
                StepKind.SETUP,
                exercise.name,
                "\n".join(cues),
                f"{lead}{said}".strip(),
                None if waits else exercise.setup_s,
                **{**where, "side": first_side},
            )
        for side_number, side in enumerate(sides):
            side_where = {**where, "side": side}
            if side_number == 0:
                if exercise.get_ready_s:
                    first = self._side_first(side) if side else ""
                    summary = work_summary(exercise, words=words)
                    get_ready_said = words.pgettext("voice", "Get ready.")
                    self.add(
                        StepKind.GET_READY,
                        words.pgettext("step title", "Get ready"),
                        f"{first} {summary}" if first else summary,
                        f"{get_ready_said} {first}".strip(),
                        exercise.get_ready_s,
                        **side_where,
                    )
            else:
                assert side is not None
                if side is Side.LEFT:
                    title = words.pgettext("step title", "Switch to the left side")
                    said = words.pgettext("voice", "Switch to the left side.")
                else:
                    title = words.pgettext("step title", "Switch to the right side")
                    said = words.pgettext("voice", "Switch to the right side.")
                self.add(
                    StepKind.SWITCH_SIDES,
                    title,
                    work_summary(exercise, words=words),
                    said,
                    exercise.switch_sides_s,
                    **side_where,
                )
            self.side(exercise, side_where)
        if following is not None and exercise.rest_after_s:
            cue = exercise.cue(Phase.REST_AFTER)
            following_shown = words.gettext("Next: {name}").format(name=following.name)
            following_said = words.pgettext("voice", "Next: {name}.").format(name=following.name)
            rest_said = words.pgettext("voice", "Rest.")
            self.add(
                StepKind.REST,
                words.pgettext("step title", "Rest"),
                f"{cue}\n{following_shown}" if cue else following_shown,
                " ".join(p for p in (rest_said, _sentence(cue), following_said) if p),
                exercise.rest_after_s,
                **where,
            )

    def side(self, exercise: Exercise, where: dict[str, object]) -> None:
        for set_number in range(1, exercise.sets + 1):
            for rep_number in range(1, exercise.reps + 1):
                rep_where = {
                    **where,
                    "set_number": set_number,
                    "set_count": exercise.sets,
                    "rep_number": rep_number,
                    "rep_count": exercise.reps,
                }
                self.rep(exercise, rep_where, first=set_number == rep_number == 1)
                if rep_number < exercise.reps and exercise.rest_between_reps_s:
                    self.rest(
                        exercise,
                        exercise.rest_between_reps_s,
                        self.words.gettext("Next: rep {number} of {count}").format(
                            number=rep_number + 1, count=exercise.reps
                        ),
                        rep_where,
                    )
            if set_number < exercise.sets and exercise.rest_between_sets_s:
                self.rest(
                    exercise,
                    exercise.rest_between_sets_s,
                    self.words.gettext("Next: set {number} of {count}").format(
                        number=set_number + 1, count=exercise.sets
                    ),
                    rep_where,
                )

    def rest(
        self, exercise: Exercise, rest_s: float, detail: str, where: dict[str, object]
    ) -> None:
        cue = exercise.cue(Phase.REST)
        rest_said = self.words.pgettext("voice", "Rest.")
        say = f"{rest_said} {_sentence(cue)}" if cue else rest_said
        title = self.words.pgettext("step title", "Rest")
        self.add(StepKind.REST, title, f"{cue}\n{detail}" if cue else detail, say, rest_s, **where)

    def _side_said(self, side: Side) -> str:
        if side is Side.LEFT:
            return self.words.pgettext("voice", "Left side.")
        return self.words.pgettext("voice", "Right side.")

    def _side_first(self, side: Side) -> str:
        if side is Side.LEFT:
            return self.words.gettext("Left side first.")
        return self.words.gettext("Right side first.")

    def rep(self, exercise: Exercise, where: dict[str, object], first: bool) -> None:
        work = exercise.work
        words = self.words
        if isinstance(work, TimedHold) and exercise.counted:
            # Counted reps: the number is the instruction; the hold cue (how to move) goes
            # with the first.
            number = int(str(where["rep_number"]))
            cue = exercise.cue(Phase.HOLD)
            say = f"{number}. {_sentence(cue)}".strip() if first else f"{number}."
            self.add(StepKind.HOLD, str(number), cue, say, work.hold_s, **where)
            return
        if isinstance(work, TimedHold):
            cue = exercise.cue(Phase.HOLD)
            lead = (
                words.pgettext("voice", "Hold for {duration}.").format(
                    duration=spoken_duration(work.hold_s, words=words)
                )
                if first
                else words.pgettext("voice", "Hold.")
            )
            title = words.pgettext("step title", "Hold")
            self.add(
                StepKind.HOLD, title, cue, f"{lead} {_sentence(cue)}".strip(), work.hold_s, **where
            )
            return
        pattern = work.pattern
        hold_cue = exercise.cue(Phase.HOLD) if work.measured_hold else ""
        phases = (
            (
                StepKind.INHALE,
                words.pgettext("step title", "Breathe in"),
                Phase.INHALE,
                pattern.inhale_s,
            ),
            (
                StepKind.HOLD_IN,
                words.pgettext("step title", "Hold the breath in"),
                Phase.HOLD_IN,
                pattern.hold_in_s,
            ),
            (
                StepKind.EXHALE,
                words.pgettext("step title", "Breathe out"),
                Phase.EXHALE,
                pattern.exhale_s,
            ),
            (
                StepKind.HOLD_OUT,
                words.pgettext("step title", "Hold the breath out"),
                Phase.HOLD_OUT,
                pattern.hold_out_s,
            ),
        )
        for cycle in range(1, work.cycles + 1):
            for kind, title, phase, seconds in phases:
                if seconds is None:
                    continue
                cue = exercise.cue(phase) or hold_cue
                # The cue is spoken on the first breath only: later breaths are too short to
                # carry more than the phase word, and the cue stays on screen throughout.
                # Full and empty in words as well as in sound: "hold in" and "hold out"
                # differ by one vowel, which a person lying with eyes closed can miss.
                spoken_title = spoken_breath_hold(kind, seconds, words=words) or title
                if cycle == 1 and cue and kind in SPOKEN_BREATH_HOLDS:
                    # One sentence, not two: a breath hold is short, and a full stop's pause
                    # would cost the time the extra word takes.
                    say = f"{spoken_title}, {_sentence(cue)[0].lower()}{_sentence(cue)[1:]}"
                elif cycle == 1 and cue:
                    say = f"{spoken_title}. {_sentence(cue)}"
                else:
                    say = spoken_title
                self.add(
                    kind,
                    title,
                    cue,
                    say,
                    seconds,
                    **where,
                    cycle_number=cycle,
                    cycle_count=work.cycles,
                )


_WORKING = re.compile(r"\b(the|a) working\b", re.IGNORECASE)


def for_side(text: str, side: Side | None) -> str:
    """``text`` with "the working ankle" made "your left ankle" for ``side`` (None: as is)."""
    if side is None:
        return text

    def replace(match: re.Match[str]) -> str:
        word = f"your {side.value}"
        return word.capitalize() if match.group(1)[0].isupper() else word

    return _WORKING.sub(replace, text)


SPOKEN_BREATH_HOLDS = {StepKind.HOLD_IN: "Hold full", StepKind.HOLD_OUT: "Hold empty"}
"""The English words; ``spoken_breath_hold`` gives them in a catalog's language."""
SHORT_BREATH_HOLD_S = 1.5
"""A breath hold shorter than this has room for one word: "Full." or "Empty."."""


def spoken_breath_hold(
    kind: StepKind, seconds: float, *, words: Catalog | None = None
) -> str | None:
    """What the voice calls a breath hold ("Hold full"), or None for any other step."""
    if kind not in SPOKEN_BREATH_HOLDS:
        return None
    words = words or i18n.current()
    short = seconds < SHORT_BREATH_HOLD_S
    if kind is StepKind.HOLD_IN:
        return words.pgettext("voice", "Full") if short else words.pgettext("voice", "Hold full")
    return words.pgettext("voice", "Empty") if short else words.pgettext("voice", "Hold empty")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def spoken_duration(seconds: float, *, words: Catalog | None = None) -> str:
    """ "30 seconds", "1 minute", "2 minutes 5 seconds": as the voice says a length, in
    ``words`` (a catalog; the app's by default)."""
    words = words or i18n.current()
    minutes, secs = divmod(round(seconds), 60)
    minutes_said = words.npgettext("voice", "{n} minute", "{n} minutes", minutes).format(n=minutes)
    seconds_said = words.npgettext("voice", "{n} second", "{n} seconds", secs).format(n=secs)
    if minutes and secs:
        return words.pgettext("voice", "{minutes} {seconds}").format(
            minutes=minutes_said, seconds=seconds_said
        )
    return minutes_said if minutes else seconds_said


def work_summary(exercise: Exercise, *, words: Catalog | None = None) -> str:
    """The gist of an exercise's work: \"2 sets of 3 × 30s hold\", \"5 breaths\"."""
    words = words or i18n.current()
    work = exercise.work
    reps, sets = exercise.reps, exercise.sets
    if isinstance(work, TimedHold) and exercise.counted:
        gist = words.ngettext("{reps} rep, {pace} each", "{reps} reps, {pace} each", reps).format(
            reps=reps, pace=format_duration(work.hold_s)
        )
    elif isinstance(work, TimedHold):
        length = format_duration(work.hold_s)
        gist = (
            words.gettext("{reps} × {length} hold").format(reps=reps, length=length)
            if reps > 1
            else words.gettext("{length} hold").format(length=length)
        )
    else:
        breaths = words.ngettext("{n} breath", "{n} breaths", work.cycles).format(n=work.cycles)
        gist = f"{reps} × {breaths}" if reps > 1 else breaths
    if sets > 1:
        return words.ngettext("{sets} set of {work}", "{sets} sets of {work}", sets).format(
            sets=sets, work=gist
        )
    return gist
