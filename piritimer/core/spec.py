"""The session file format, version 1, described once as data.

The loader checks files against these tables and the JSON Schema is generated from them, so
the two cannot disagree. Keys are plain words, spaces included (``rest between reps``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from piritimer.core.model import Phase, SideOrder


class Kind(Enum):
    TEXT = auto()
    TEXT_LIST = auto()
    COUNT = auto()
    DURATION = auto()
    DURATION_OR_NONE = auto()
    DURATION_OR_WAIT = auto()
    HOLD = auto()
    SWITCH = auto()
    SIDES = auto()
    VERSION = auto()
    IMAGE = auto()
    URL = auto()
    SOURCES = auto()
    SECTION = auto()
    SECTION_LIST = auto()
    COUNT_OR_RANGE = auto()
    """A count, or a range to progress through: ``5 to 10``."""
    HOLD_OR_RANGE = auto()
    """A hold, or a range to progress through: ``30s to 60s``, ``5 to 10 breaths``."""
    PLAN = auto()
    LANGUAGE = auto()
    """A language tag: ``fr``, ``de-CH``, ``es-419``."""


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    doc: str
    example: str
    required: bool = False
    section: Section | None = None


@dataclass(frozen=True)
class Section:
    name: str
    doc: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


MAX_COUNT = 1000
"""The largest count (sets, reps, cycles, breaths) a file may give."""
NONE_WORDS = ("none", "off", "no", "false")
WAIT_WORDS = ("wait",)
TRUE_WORDS = ("on", "yes", "true")
FALSE_WORDS = ("off", "no", "false")
SIDE_WORDS = tuple(order.value for order in SideOrder)
SIDE_ALIASES = {"both": SideOrder.LEFT_THEN_RIGHT}
"""Other words for a side order: `sides: both` works the left side, then the right."""
SIDE_CHOICES = (*SIDE_WORDS, *SIDE_ALIASES)


def _timing_fields(where: str) -> tuple[Field, ...]:
    return (
        Field(
            "get ready",
            Kind.DURATION_OR_NONE,
            f"Countdown before the timed work starts{where}; `none` to leave it out.",
            "5s",
        ),
        Field(
            "setup time",
            Kind.DURATION_OR_WAIT,
            f'How long the setup cues stay up{where}; `wait` waits for "I\'m ready".',
            "wait",
        ),
        Field(
            "rest between reps",
            Kind.DURATION_OR_NONE,
            f"Rest between two repetitions{where}; `none` for no rest.",
            "5s",
        ),
        Field(
            "rest between sets",
            Kind.DURATION_OR_NONE,
            f"Rest between two sets{where}; `none` for no rest.",
            "30s",
        ),
        Field(
            "rest after",
            Kind.DURATION_OR_NONE,
            f"Rest after the exercise, before the next one{where}; `none` for no rest.",
            "15s",
        ),
        Field("switch sides", Kind.DURATION, f"Time to change to the other side{where}.", "8s"),
    )


BREATH_PATTERN_FIELDS = (
    Field("inhale", Kind.DURATION, "Length of a breath in.", "4s"),
    Field("hold in", Kind.DURATION_OR_NONE, "Hold with the lungs full; `none` to skip.", "2s"),
    Field("exhale", Kind.DURATION, "Length of a breath out.", "6s"),
    Field("hold out", Kind.DURATION_OR_NONE, "Hold with the lungs empty; `none` to skip.", "none"),
)

BREATH_PATTERN = Section(
    "breathing pattern",
    "The pace of one breath.",
    BREATH_PATTERN_FIELDS,
)

BREATHING = Section(
    "breathing",
    "Paced breathing: the pace of one breath and how many breaths (cycles) per repetition.",
    (
        *BREATH_PATTERN_FIELDS,
        Field(
            "cycles",
            Kind.COUNT_OR_RANGE,
            "Breaths per repetition, or a range to progress through (`5 to 8`).",
            "5",
        ),
    ),
)

CUES = Section(
    "cues",
    "Short words shown and spoken during each phase, e.g. `exhale: squeeze the roller`.",
    tuple(
        Field(p.value, Kind.TEXT, f"Cue during the {p.value} phase.", "relax your shoulders")
        for p in Phase
        if p is not Phase.REST_AFTER
    )
    + (
        Field(
            Phase.REST_AFTER.value,
            Kind.TEXT,
            "Cue during the rest after the exercise, before the next one.",
            "shake out your legs",
        ),
    ),
)

SOURCE = Section(
    "source",
    "Where the exercise facts come from. A plain text item is taken as the title.",
    (
        Field(
            "title",
            Kind.TEXT,
            "Title of the page, book or video.",
            "Piriformis Stretch",
            required=True,
        ),
        Field("author", Kind.TEXT, "Who wrote it.", "A. Writer"),
        Field("site", Kind.TEXT, "Where it was published.", "Example Health Blog"),
        Field(
            "url",
            Kind.URL,
            "Where to find it (an http or https link).",
            "https://example.org/piriformis",
        ),
        Field("date", Kind.TEXT, "When it was published.", "2025-08-14"),
        Field("note", Kind.TEXT, "What was taken from it.", "hold times and cues"),
    ),
)

PROGRESSION = Section(
    "progression",
    "The rule for moving through an exercise's ranges: one step up after a number of completed "
    "runs whose pain did not rise, one step back after a run whose pain rose.",
    (
        Field(
            "step",
            Kind.HOLD,
            "How much the hold grows at each step: a duration for a timed hold (default 5s), "
            "breaths for a hold in breaths or breathing cycles (default `1 breath`).",
            "5s",
        ),
        Field("reps step", Kind.COUNT, "How many reps each step adds (default 1).", "1"),
        Field(
            "after",
            Kind.COUNT,
            "Completed runs without more pain before the next step up (default 3).",
            "3",
        ),
        Field(
            "step back",
            Kind.SWITCH,
            "Step back after a run whose pain rose (`on` or `off`; default on).",
            "on",
        ),
    ),
)

DEFAULTS = Section(
    "defaults",
    "Values every exercise uses unless it says otherwise.",
    (
        *_timing_fields(" (for every exercise)"),
        Field(
            "breathing",
            Kind.SECTION,
            "Default pace of a breath (`hold: 5 breaths`).",
            "{inhale: 4s, exhale: 6s}",
            section=BREATH_PATTERN,
        ),
        Field("voice", Kind.SWITCH, "Speak instructions aloud (`on` or `off`).", "on"),
        Field("sounds", Kind.SWITCH, "Play sound cues (`on` or `off`).", "on"),
    ),
)

EXERCISE = Section(
    "exercise",
    "One exercise: how to get into position, and the work to do there.",
    (
        Field("name", Kind.TEXT, "The exercise's name.", "Figure-four stretch", required=True),
        Field("about", Kind.TEXT, "One or two sentences on what it is for.", "Eases the hip."),
        Field(
            "image",
            Kind.IMAGE,
            "A picture of the position: a path next to this file, or a bundled image name.",
            "figure-four.svg",
        ),
        Field(
            "setup",
            Kind.TEXT_LIST,
            "Setup cues, shown and spoken before the work; an item `- wait: Fetch a roller` "
            'waits for "I\'m ready" after it.',
            "[Lie on your back, Cross the right ankle over the left knee]",
        ),
        Field(
            "sides",
            Kind.SIDES,
            "Which sides to work: "
            + ", ".join(f"`{w}`" for w in SIDE_WORDS)
            + " (`both` is `left then right`).",
            "left then right",
        ),
        Field("sets", Kind.COUNT, "Number of sets (each side).", "2"),
        Field(
            "reps",
            Kind.COUNT_OR_RANGE,
            "Repetitions in each set, or a range to progress through (`5 to 10`).",
            "8",
        ),
        Field(
            "hold",
            Kind.HOLD_OR_RANGE,
            "How long each repetition holds: a duration, a number of breaths, or a range to "
            "progress through (`30s to 60s`).",
            "30s",
        ),
        Field(
            "progression",
            Kind.SECTION,
            "How to move through this exercise's ranges from one run to the next.",
            "{step: 5s, after: 3}",
            section=PROGRESSION,
        ),
        Field(
            "pace",
            Kind.DURATION,
            "Counted repetitions instead of a hold: each rep takes this long and its number is "
            'spoken ("10 clams, 2 s each": `reps: 10`, `pace: 2s`); no rest between reps unless '
            "you give one.",
            "2s",
        ),
        Field(
            "breathing",
            Kind.SECTION,
            "Paced breathing for each repetition.",
            "{inhale: 4s, exhale: 6s, cycles: 5}",
            section=BREATHING,
        ),
        Field("cues", Kind.SECTION, "A cue per phase.", "{exhale: squeeze}", section=CUES),
        *_timing_fields(""),
        Field(
            "notes",
            Kind.TEXT,
            "Notes for a teacher or therapist (not spoken).",
            "Watch that knees stay level.",
        ),
        Field(
            "voice",
            Kind.SWITCH,
            "`off`: nothing is spoken during this exercise (a quiet drill). A file can only "
            "switch the voice off, never back on.",
            "off",
        ),
        Field(
            "sounds",
            Kind.SWITCH,
            "`off`: no sound cues during this exercise. A file can only switch sounds off.",
            "off",
        ),
    ),
)

REST_ITEM = Section(
    "rest item",
    "A rest between two exercises, written as an item of `exercises:` (`- rest: 1m`). It sets "
    "the rest after the exercise before it.",
    (
        Field("rest", Kind.DURATION, "How long the rest lasts.", "1m", required=True),
        Field("cue", Kind.TEXT, "Shown and spoken during the rest.", "shake out your legs"),
    ),
)

SESSION = Section(
    "session",
    "A piritimer session file (format 1).",
    (
        Field("format", Kind.VERSION, "The format version of this file; `1`.", "1"),
        Field("title", Kind.TEXT, "The session's title.", "Piriformis release", required=True),
        Field(
            "summary",
            Kind.TEXT,
            "A sentence or two on what the session does.",
            "Three gentle drills.",
        ),
        Field("safety", Kind.TEXT, "The safety note shown before starting.", "Stop on sharp pain."),
        Field(
            "language",
            Kind.LANGUAGE,
            "The language the file is written in, as a tag (`fr`, `de`, `es-MX`). The voice "
            'frames its lines in it ("Get ready", "Switch sides") with a voice that speaks it; '
            "without it, the app's language.",
            "fr",
        ),
        Field("tags", Kind.TEXT_LIST, "Words to filter by in the library.", "[hip, stretch]"),
        Field(
            "plan",
            Kind.PLAN,
            "How often the session is meant to be done: `daily`, `twice a day`, "
            "`3 times a day`, `3 days a week`, `once a week`.",
            "daily",
        ),
        Field(
            "sources",
            Kind.SOURCES,
            "Where the facts come from.",
            "[{title: Piriformis Stretch, author: A. Writer}]",
            section=SOURCE,
        ),
        Field("credits", Kind.TEXT, "Who wrote this file; licences.", "Written by Sam."),
        Field("notes", Kind.TEXT, "Teacher's notes for the whole session.", "Bring mats."),
        Field(
            "defaults",
            Kind.SECTION,
            "Values every exercise uses unless it says otherwise.",
            "{get ready: 5s}",
            section=DEFAULTS,
        ),
        Field(
            "exercises",
            Kind.SECTION_LIST,
            "The exercises, in order.",
            "[{name: ..., hold: 30s}]",
            required=True,
            section=EXERCISE,
        ),
    ),
)
