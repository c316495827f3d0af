"""Reading session files: YAML in, a Session or a list of pinned messages out.

Nothing here raises for a bad file. Every problem becomes a Diagnostic at the line and column
of the offending key or value, and reading goes on so that one pass shows every mistake.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from piritimer import paths
from piritimer.core import hints, lint, spec
from piritimer.core.diagnostics import Diagnostic, SessionFileError, Severity, quoted
from piritimer.core.durations import (
    Breaths,
    DurationError,
    ZeroDurationError,
    format_duration,
    number_spelling,
    parse_duration,
    parse_hold,
    yaml_number,
)
from piritimer.core.i18n import _, grouped, is_language_tag, pgettext
from piritimer.core.model import (
    FORMAT_VERSION,
    BreathPattern,
    Defaults,
    Exercise,
    PacedBreathing,
    Phase,
    Progression,
    Session,
    SideOrder,
    Source,
    TimedHold,
    ValueRange,
    Work,
)
from piritimer.core.plan import parse_plan
from piritimer.core.progression import at_top
from piritimer.core.spec import MAX_COUNT, Field, Kind, Section
from piritimer.core.timeline import compile_session, count_steps, total_seconds
from piritimer.core.yaml_source import MAX_FILE_BYTES, check_size, compose, position, read_text

MAX_STEPS = 20_000
"""A session longer than this would be days long; refusing it keeps the timeline small."""
MAX_SESSION_S = 6 * 60 * 60
"""The longest session, counting only timed steps; a six-year session is a typo or a prank."""
URL_SCHEMES = ("http://", "https://")
"""Source links open in a browser; ``file:`` or ``javascript:`` links must never reach one."""

INTERNAL_ERROR = "piritimer failed to read this file"
"""How the message for a bug in the loader starts, in English (the fuzzer looks for it)."""
_NULL_TAG = "tag:yaml.org,2002:null"
_INVALID: Any = object()
"""Marks a value already reported as wrong (None is a valid value: "wait", "none")."""
_INTEGER = re.compile(r"^\+?[0-9]+$")
QUOTE_LIMIT = 40
"""No key or number a person means is longer; longer ones are quoted short, never converted."""


@dataclass(frozen=True)
class LoadResult:
    """What reading one file gave: a session when it is valid, and every message."""

    path: Path | None
    session: Session | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return self.session is not None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def load_session(path: Path | str) -> LoadResult:
    """Read and check the session file at ``path``. Never raises for a bad or missing file."""
    file_path = Path(path)
    try:
        with file_path.open("rb") as handle:
            # One byte past the limit is enough to refuse an oversized file without reading it all.
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        message = _("cannot read: {reason}").format(reason=reason)
        return LoadResult(file_path, None, (Diagnostic(str(path), 1, 1, message),))
    return load_session_bytes(data, label=str(path), base_dir=file_path.parent, path=file_path)


def load_session_bytes(
    data: bytes | str,
    *,
    label: str = "<session>",
    base_dir: Path | None = None,
    path: Path | None = None,
) -> LoadResult:
    """Check session text that has not come from (or not yet gone to) a file."""
    try:
        if isinstance(data, str):
            check_size(label, len(data.encode("utf-8", "surrogatepass")))
            text = data.removeprefix("\ufeff")
        else:
            text = read_text(label, data)
        root = compose(label, text)
    except SessionFileError as error:
        return LoadResult(path, None, (error.diagnostic,))
    reader = SpecReader(label, base_dir, text.split("\n"))
    try:
        session = reader.session(root, path)
        if session is not None and not reader.errors():
            reader.diagnostics += lint.spoken_lines_that_cannot_fit(
                session, compile_session(session), label
            )
    except Exception as error:  # noqa: BLE001 - a bug must not cost the user the other files
        message = _("piritimer failed to read this file ({error}); please report it").format(
            error=f"{type(error).__name__}: {error}"
        )
        return LoadResult(path, None, (*reader.diagnostics, Diagnostic(label, 1, 1, message)))
    # Checks run section by section; people read files top to bottom.
    reader.diagnostics.sort(key=lambda d: (d.line, d.column))
    errors = [d for d in reader.diagnostics if d.severity is Severity.ERROR]
    return LoadResult(path, None if errors else session, tuple(reader.diagnostics))


@dataclass
class _Mapping:
    """A checked mapping: converted values, and the nodes they came from (for positions)."""

    node: yaml.Node
    section: Section | None = None
    values: dict[str, Any] = field(default_factory=dict)
    value_nodes: dict[str, yaml.Node] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


class SpecReader:
    def __init__(self, label: str, base_dir: Path | None, lines: Sequence[str] = ()) -> None:
        self.label = label
        self.base_dir = base_dir
        self.lines = lines
        """The file's text by line, for warnings about how something was written."""
        self.diagnostics: list[Diagnostic] = []

    # -- reporting ----------------------------------------------------------------------------

    def error(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(self.label, line, column, message))

    def warn(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(self.label, line, column, message, Severity.WARNING))

    def errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    # -- legal, but probably not meant --------------------------------------------------------

    def check_comment_after_text(self, node: yaml.Node, key: str, item: bool = False) -> None:
        """``name: Knee hug #2`` is the name "Knee hug": `` #`` starts a comment. A comment
        meant as one is set off by two spaces (as the template writes them)."""
        if not isinstance(node, yaml.ScalarNode) or node.style or not self.lines:
            return
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column :]
        if not rest.startswith(" #"):
            return
        whole = f"{node.value}{rest}".strip().replace('"', '\\"')
        fix = f'- "{whole}"' if item else f'{key}: "{whole}"'
        self.warn(
            node,
            _(
                "`{key}` reads {text}: the text after ` #` is a comment; to keep it, put the "
                "whole text in quotes: `{fix}` (a comment meant as one takes two spaces before "
                "the #)"
            ).format(key=key, text=quoted(node.value), fix=fix),
        )

    def check_tags_text(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode) and "," in node.value:
            parts = ", ".join(p.strip() for p in node.value.split(",") if p.strip())
            self.warn(
                node,
                _(
                    "`tags: {written}` is one tag, {text}; for several tags write a list: "
                    "`tags: [{parts}]`"
                ).format(written=node.value, text=quoted(node.value), parts=parts),
            )

    def check_shown_length(self, checked: _Mapping, key: str, limit: int) -> None:
        text = checked.values.get(key)
        if isinstance(text, str) and len(text) > limit:
            self.warn(
                checked.value_nodes[key],
                _(
                    "`{key}` is {length} characters long and the window shows about {limit}, so "
                    "it will be cut short there; keep it short (details can go in `about:` or "
                    "`summary:`)"
                ).format(key=key, length=len(text), limit=limit),
            )

    # -- the session --------------------------------------------------------------------------

    def session(self, root: yaml.Node | None, path: Path | None) -> Session | None:
        if root is None:
            self.diagnostics.append(
                Diagnostic(
                    self.label,
                    1,
                    1,
                    _("the file is empty; a session needs at least `title:` and `exercises:`"),
                )
            )
            return None
        if not isinstance(root, yaml.MappingNode):
            self.error(
                root, _("a session file is a mapping with `title:` and `exercises:` at the top")
            )
            return None
        top = self.mapping(root, spec.SESSION)
        self.check_shown_length(top, "title", lint.TITLE_SHOWN_CHARS)
        defaults = self.defaults(top.get("defaults"))
        exercises = self.exercises(top.get("exercises", []), defaults)
        exercises_node = top.value_nodes.get("exercises")
        if isinstance(exercises_node, yaml.SequenceNode) and not exercises_node.value:
            self.error(top.value_nodes["exercises"], _("`exercises` needs at least one exercise"))
        if "title" not in top.values:
            return None
        session = Session(
            title=top.values["title"],
            exercises=exercises,
            summary=top.get("summary"),
            safety=top.get("safety"),
            sources=tuple(top.get("sources", ())),
            credits=top.get("credits"),
            tags=tuple(top.get("tags", ())),
            notes=top.get("notes"),
            defaults=defaults,
            plan=top.get("plan"),
            language=top.get("language"),
            path=path,
            format_version=top.get("format", FORMAT_VERSION),
        )
        self.check_size(session, root)
        return session

    def exercises(self, items: list[_Mapping], defaults: Defaults) -> tuple[Exercise, ...]:
        """The exercises, each rest item (``- rest: 1m``) folded into the one before it as its
        rest after (and the item's ``cue:`` as its ``rest after`` cue)."""
        exercises: list[Exercise | None] = []
        previous_rest: _Mapping | None = None
        for checked in items:
            if checked.section is not spec.REST_ITEM:
                exercises.append(self.exercise(checked, defaults))
                previous_rest = None
                continue
            if not exercises:
                self.error(checked.node, _("a rest item needs an exercise before it to follow"))
            elif previous_rest is not None:
                self.error(checked.node, _("two rests in a row; make them one `- rest:` item"))
            elif (before := exercises[-1]) is not None and "rest" in checked.values:
                cue = checked.values.get("cue")
                cues = tuple(c for c in before.cues if c[0] is not Phase.REST_AFTER)
                exercises[-1] = replace(
                    before,
                    rest_after_s=checked.values["rest"],
                    cues=(*cues, (Phase.REST_AFTER, cue)) if cue else before.cues,
                )
            if checked is items[-1]:
                self.warn(checked.node, _("a rest after the last exercise is never taken"))
            previous_rest = checked
        return tuple(e for e in exercises if e is not None)

    def check_size(self, session: Session, root: yaml.Node) -> None:
        session = at_top(session)  # a range may grow to its top
        steps = count_steps(session)
        if steps > MAX_STEPS:
            self.error(
                root,
                _("this session would have {steps} steps; the limit is {limit}").format(
                    steps=grouped(steps), limit=grouped(MAX_STEPS)
                ),
            )
            return
        total_s = total_seconds(session)
        if total_s > MAX_SESSION_S:
            self.error(
                root,
                _(
                    "this session would last {length}; a session may last at most {hours} hours"
                ).format(length=format_duration(total_s), hours=MAX_SESSION_S // 3600),
            )

    def defaults(self, checked: _Mapping | None) -> Defaults:
        base = Defaults()
        if checked is None:
            return base
        pattern = self.pattern(checked.get("breathing"), base.breathing)
        return Defaults(
            get_ready_s=checked.get("get ready", base.get_ready_s),
            setup_s=checked.get("setup time", base.setup_s),
            rest_between_reps_s=checked.get("rest between reps", base.rest_between_reps_s),
            rest_between_sets_s=checked.get("rest between sets", base.rest_between_sets_s),
            rest_after_s=checked.get("rest after", base.rest_after_s),
            switch_sides_s=checked.get("switch sides", base.switch_sides_s),
            breathing=pattern,
            voice=checked.get("voice", base.voice),
            sounds=checked.get("sounds", base.sounds),
        )

    @staticmethod
    def pattern(checked: _Mapping | None, base: BreathPattern) -> BreathPattern:
        if checked is None:
            return base
        return BreathPattern(
            inhale_s=checked.get("inhale", base.inhale_s),
            exhale_s=checked.get("exhale", base.exhale_s),
            hold_in_s=checked.get("hold in", base.hold_in_s),
            hold_out_s=checked.get("hold out", base.hold_out_s),
        )

    def exercise(self, checked: _Mapping, defaults: Defaults) -> Exercise | None:
        progression = self.progression(checked)
        self.check_shown_length(checked, "name", lint.NAME_SHOWN_CHARS)
        work = self.work(checked, defaults)
        if work is None or "name" not in checked.values:
            return None
        cues_checked: _Mapping | None = checked.get("cues")
        cues = (
            tuple((Phase(key), text) for key, text in cues_checked.values.items())
            if cues_checked
            else ()
        )
        return Exercise(
            name=checked.values["name"],
            work=work,
            setup=tuple(str(cue) for cue in checked.get("setup", ())),
            setup_waits=tuple(
                i for i, cue in enumerate(checked.get("setup", ())) if isinstance(cue, _WaitCue)
            ),
            setup_s=checked.get("setup time", defaults.setup_s),
            image=checked.get("image"),
            sides=checked.get("sides", SideOrder.NONE),
            sets=checked.get("sets", 1),
            reps=checked.get("reps", 1),
            rest_between_reps_s=checked.get(
                "rest between reps",
                None if "pace" in checked.values else defaults.rest_between_reps_s,
            ),
            counted="pace" in checked.values,
            rest_between_sets_s=checked.get("rest between sets", defaults.rest_between_sets_s),
            rest_after_s=checked.get("rest after", defaults.rest_after_s),
            get_ready_s=checked.get("get ready", defaults.get_ready_s),
            switch_sides_s=checked.get("switch sides", defaults.switch_sides_s),
            cues=cues,
            about=checked.get("about"),
            notes=checked.get("notes"),
            progression=progression,
            voice=checked.get("voice", True),
            sounds=checked.get("sounds", True),
            line=position(checked.node)[0],
        )

    def progression(self, checked: _Mapping) -> Progression | None:
        """Take the ranges out of ``checked``, leaving their start, and read the rule."""
        breathing: _Mapping | None = checked.get("breathing")
        ranges: dict[str, _Range] = {}
        for mapping, key in ((checked, "hold"), (checked, "reps"), (breathing, "cycles")):
            if mapping is not None and isinstance(mapping.values.get(key), _Range):
                ranges[key] = mapping.values[key]
                mapping.values[key] = ranges[key].low
        rule: _Mapping | None = checked.get("progression")
        if not ranges:
            if rule is not None:
                self.error(
                    checked.value_nodes["progression"],
                    _(
                        "`progression` moves through ranges, and this exercise has none: "
                        "write e.g. `hold: 30s to 60s` or `reps: 5 to 10`"
                    ),
                )
            return None
        rule = rule or _Mapping(checked.node)
        hold, cycles = ranges.get("hold"), ranges.get("cycles")
        if hold is not None and isinstance(hold.low, Breaths):
            cycles = _Range(hold.low.count, hold.high.count)
            hold = None
        step = rule.get("step")
        step_node = rule.value_nodes.get("step")
        if step_node is not None and step is not None:
            if isinstance(step, Breaths) and cycles is None:
                self.error(
                    step_node,
                    _("`step` counts breaths, but this hold is timed: write e.g. `step: 5s`"),
                )
            elif not isinstance(step, Breaths) and hold is None:
                self.error(
                    step_node,
                    _(
                        "`step` moves the hold, and this hold is counted in breaths: write e.g. "
                        "`step: 1 breath`"
                    )
                    if cycles
                    else _(
                        "`step` moves the hold, and this hold is not a range: write e.g. "
                        "`hold: 30s to 60s`"
                    ),
                )
        if "reps step" in rule.value_nodes and "reps" not in ranges:
            self.error(
                rule.value_nodes["reps step"],
                _("`reps step` moves a range of reps: write e.g. `reps: 5 to 10`"),
            )
        base = Progression()
        return Progression(
            hold_s=None if hold is None else ValueRange(hold.low, hold.high),
            cycles=None if cycles is None else ValueRange(cycles.low, cycles.high),
            reps=_value_range(ranges.get("reps")),
            hold_step_s=step if isinstance(step, float) else base.hold_step_s,
            cycles_step=step.count if isinstance(step, Breaths) else base.cycles_step,
            reps_step=rule.get("reps step", base.reps_step),
            after_runs=rule.get("after", base.after_runs),
            step_back=rule.get("step back", base.step_back),
        )

    def work(self, checked: _Mapping, defaults: Defaults) -> Work | None:
        hold = checked.get("hold")
        breathing: _Mapping | None = checked.get("breathing")
        name = checked.get("name")
        if "pace" in checked.value_nodes:
            if "hold" in checked.value_nodes or "breathing" in checked.value_nodes:
                self.error(
                    checked.value_nodes["pace"],
                    _(
                        "`pace:` counts repetitions of a movement; an exercise has a `pace:`, a "
                        "`hold:` or `breathing:`, only one of them"
                    ),
                )
                return None
            pace = checked.get("pace")
            return None if pace is None else TimedHold(pace)
        if hold is None and breathing is None:
            if "hold" not in checked.value_nodes and "breathing" not in checked.value_nodes:
                self.error(
                    checked.node,
                    (
                        _(
                            "`{name}` has no work: add `hold: 30s` (a timed hold), "
                            "`hold: 5 breaths`, `breathing:` with `cycles:`, or `pace: 2s` "
                            "(counted reps)"
                        ).format(name=name)
                        if name is not None
                        else _(
                            "this exercise has no work: add `hold: 30s` (a timed hold), "
                            "`hold: 5 breaths`, `breathing:` with `cycles:`, or `pace: 2s` "
                            "(counted reps)"
                        )
                    ),
                )
            return None
        if breathing is None:
            if isinstance(hold, Breaths):
                return PacedBreathing(defaults.breathing, hold.count, measured_hold=True)
            return TimedHold(hold)
        pattern = self.pattern(breathing, defaults.breathing)
        cycles = breathing.get("cycles")
        if isinstance(hold, Breaths):
            if cycles is not None:
                self.error(
                    breathing.value_nodes["cycles"],
                    _(
                        "`cycles: {cycles}` and `hold: {breaths} breaths` say the same thing; "
                        "keep one of them"
                    ).format(cycles=cycles, breaths=hold.count),
                )
                return None
            return PacedBreathing(pattern, hold.count, measured_hold=True)
        if hold is not None:
            self.error(
                checked.value_nodes["breathing"],
                _(
                    "an exercise has either a timed `hold:` or `breathing:`, not both; "
                    "to hold for a number of breaths write `hold: 5 breaths`"
                ),
            )
            return None
        if cycles is None:
            if "cycles" in breathing.value_nodes:
                return None  # already reported as a bad count
            self.error(
                checked.value_nodes["breathing"],
                _(
                    "`breathing` needs `cycles:` (how many breaths), or write `hold: 5 breaths` "
                    "beside it"
                ),
            )
            return None
        return PacedBreathing(pattern, cycles)

    # -- generic checking against the spec -----------------------------------------------------

    def mapping(self, node: yaml.MappingNode, section: Section) -> _Mapping:
        checked = _Mapping(node, section)
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or not key_node.value:
                self.error(
                    key_node,
                    _("keys in {section} must be plain words").format(
                        section=section_name(section)
                    ),
                )
                continue
            key = key_node.value
            if key in key_nodes:
                first_line = position(key_nodes[key])[0]
                self.error(
                    key_node,
                    _("duplicate key {key} (first given on line {line})").format(
                        key=_shown_key(key), line=first_line
                    ),
                )
                continue
            key_nodes[key] = key_node
            spec_field = section.field(key)
            if spec_field is None:
                self.error(key_node, self.unknown_key_message(key, section, value_node))
                continue
            checked.value_nodes[key] = value_node
            value = self.value(value_node, spec_field)
            if value is not _INVALID:
                checked.values[key] = value
        for spec_field in section.fields:
            if spec_field.required and spec_field.key not in key_nodes:
                self.error(
                    node,
                    _("{section} is missing `{key}:` ({what}, e.g. `{key}: {example}`)").format(
                        section=section_name(section),
                        key=spec_field.key,
                        what=_required_what(section, spec_field),
                        example=spec_field.example,
                    ),
                )
        return checked

    @staticmethod
    def unknown_key_message(key: str, section: Section, value: yaml.Node | None = None) -> str:
        name = section_name(section)
        if len(key) > QUOTE_LIMIT:
            return _("unknown key {key} in {section}").format(key=_shown_key(key), section=name)
        if invisible := hints.invisible_in_key(key):
            return _("unknown key {key} in {section}: {problem}").format(
                key=quoted(key), section=name, problem=invisible
            )
        normal = key.lower().replace("_", " ").replace("-", " ").strip()
        text = value.value if isinstance(value, yaml.ScalarNode) else None
        if normal not in section.keys and (where := hints.where_key_goes(normal, section, text)):
            return _("unknown key `{key}` in {section}; {where}").format(
                key=key, section=name, where=where
            )
        guess = next((k for k in section.keys if k == normal), None)
        if guess is None:
            close = difflib.get_close_matches(normal, section.keys, n=1, cutoff=0.6)
            guess = close[0] if close else None
        if guess is not None:
            return _("unknown key `{key}` in {section}; did you mean `{guess}`?").format(
                key=key, section=name, guess=guess
            )
        known = ", ".join(f"`{k}`" for k in section.keys)
        return _("unknown key `{key}` in {section}; expected one of {known}").format(
            key=key, section=name, known=known
        )

    def value(self, node: yaml.Node, spec_field: Field) -> Any:
        key = spec_field.key
        if _is_null(node):
            self.error(
                node,
                _("`{key}` needs a value, e.g. `{key}: {example}`").format(
                    key=key, example=spec_field.example
                ),
            )
            return _INVALID
        kind = spec_field.kind
        if kind is Kind.SECTION:
            if not isinstance(node, yaml.MappingNode):
                self.error(
                    node,
                    _(
                        "`{key}` should be a mapping of keys and values, e.g. `{key}: {example}`"
                    ).format(key=key, example=spec_field.example),
                )
                return _INVALID
            assert spec_field.section is not None
            return self.mapping(node, spec_field.section)
        if kind in (Kind.SECTION_LIST, Kind.SOURCES):
            return self.section_list(node, spec_field)
        if kind is Kind.TEXT:
            self.check_comment_after_text(node, key)
        if kind is Kind.TEXT_LIST:
            if key == "tags":
                self.check_tags_text(node)
            if isinstance(node, yaml.ScalarNode):
                self.check_comment_after_text(node, key)
            if isinstance(node, yaml.MappingNode):
                self.error(
                    node,
                    _("`{key}` should be text or a list of texts, e.g. `{key}: {example}`").format(
                        key=key, example=spec_field.example
                    ),
                )
                return _INVALID
            if isinstance(node, yaml.SequenceNode):
                texts = [self.text_item(item, key) for item in node.value]
            else:
                texts = [self.scalar(node, key, _text)]
            return _INVALID if _INVALID in texts else texts
        return self.scalar(node, key, _CONVERTERS[kind], spec_field)

    def text_item(self, node: yaml.Node, key: str) -> Any:
        if key == "setup" and _is_wait_item(node):
            assert isinstance(node, yaml.MappingNode)
            text = self.text_item(node.value[0][1], key)
            return _INVALID if text is _INVALID else _WaitCue(text)
        self.check_comment_after_text(node, key, item=True)
        if _is_null(node):
            self.error(
                node, _("an item of `{key}` is empty; write some text or remove it").format(key=key)
            )
            return _INVALID
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, key, _text)
        if isinstance(node, yaml.SequenceNode):
            message = _("each item of `{key}` should be text, found a list").format(key=key)
        else:
            message = _("each item of `{key}` should be text, found a mapping").format(key=key)
        if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
            (key_node, value_node), *_rest = node.value
            if isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.ScalarNode):
                said = f"{key_node.value}: {value_node.value}".replace('"', '\\"')
                message = _(
                    "each item of `{key}` should be text, found a mapping; a `: ` inside text "
                    'makes a mapping: write it in quotes, `- "{said}"`'
                ).format(key=key, said=said)
        self.error(node, message)
        return _INVALID

    def section_list(self, node: yaml.Node, spec_field: Field) -> Any:
        assert spec_field.section is not None
        if not isinstance(node, yaml.SequenceNode):
            self.error(
                node,
                _("`{key}` should be a list, each item starting with `- `").format(
                    key=spec_field.key
                ),
            )
            return _INVALID
        items: list[Any] = []
        for item in node.value:
            if spec_field.kind is Kind.SOURCES and isinstance(item, yaml.ScalarNode):
                title = self.scalar(item, "sources", _text)
                if title is not _INVALID:
                    items.append(Source(title=title))
            elif isinstance(item, yaml.MappingNode):
                section = spec_field.section
                if spec_field.key == "exercises" and _is_rest_item(item):
                    section = spec.REST_ITEM
                checked = self.mapping(item, section)
                if spec_field.kind is Kind.SOURCES:
                    if "title" in checked.values:
                        items.append(Source(**checked.values))
                else:
                    items.append(checked)
            else:
                first = spec_field.section.fields[0]
                self.error(
                    item,
                    _item_mapping_message(spec_field.section).format(
                        key=spec_field.key, example=f"{first.key}: {first.example}"
                    ),
                )
        return items

    def scalar(
        self,
        node: yaml.Node,
        key: str,
        convert: Callable[..., Any],
        spec_field: Field | None = None,
    ) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, _single_value_message(node, key, spec_field))
            return _INVALID
        try:
            return convert(node.value, self, node) if spec_field else convert(node.value)
        except ValueError as error:
            self.error(node, _("`{key}`: {problem}").format(key=key, problem=error))
            return _INVALID


def section_name(section: Section) -> str:
    """A section as a message names it after "in" ("unknown key `x` in exercise"): a
    translation may give it an article and a case ("dans un exercice")."""
    names = {
        "session": pgettext("section", "session"),
        "defaults": pgettext("section", "defaults"),
        "exercise": pgettext("section", "exercise"),
        "breathing": pgettext("section", "breathing"),
        "breathing pattern": pgettext("section", "breathing pattern"),
        "cues": pgettext("section", "cues"),
        "source": pgettext("section", "source"),
        "progression": pgettext("section", "progression"),
        "rest item": pgettext("section", "rest item"),
        "class": pgettext("section", "class"),
    }
    return names.get(section.name, section.name)


def _required_what(section: Section, spec_field: Field) -> str:
    """What a required key holds, in a message's words (the spec's docs are for the schema)."""
    what = {
        ("session", "title"): _("the session's title"),
        ("session", "exercises"): _("the exercises, in order"),
        ("exercise", "name"): _("the exercise's name"),
        ("source", "title"): _("title of the page, book or video"),
        ("rest item", "rest"): _("how long the rest lasts"),
        ("class", "class"): _("the class's title"),
        ("class", "sessions"): _(
            "session files, in order: paths next to this file, or bundled session names"
        ),
    }
    return what.get((section.name, spec_field.key), spec_field.doc[:-1].lower())


def _item_mapping_message(section: Section) -> str:
    if section.name == "exercise":
        return _("each item of `{key}` should be an exercise mapping, e.g. `- {example}`")
    if section.name == "source":
        return _("each item of `{key}` should be a source mapping, e.g. `- {example}`")
    return _("each item of `{key}` should be a mapping, e.g. `- {example}`")


def _single_value_message(node: yaml.Node, key: str, spec_field: Field | None) -> str:
    a_list = isinstance(node, yaml.SequenceNode)
    if spec_field is None:
        if a_list:
            return _("`{key}` should be a single value, found a list").format(key=key)
        return _("`{key}` should be a single value, found a mapping").format(key=key)
    if a_list:
        message = _("`{key}` should be a single value, e.g. `{key}: {example}`, found a list")
    else:
        message = _("`{key}` should be a single value, e.g. `{key}: {example}`, found a mapping")
    return message.format(key=key, example=spec_field.example)


class _WaitCue(str):
    """A setup cue written ``- wait: Fetch a foam roller``: wait for "I'm ready" after it."""

    __slots__ = ()


def _is_wait_item(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.MappingNode)
        and len(node.value) == 1
        and isinstance(node.value[0][0], yaml.ScalarNode)
        and node.value[0][0].value == "wait"
    )


def _is_rest_item(node: yaml.MappingNode) -> bool:
    """``- rest: 1m`` (with at most a ``cue:``): anything more is an exercise with a mistake."""
    keys = [k.value if isinstance(k, yaml.ScalarNode) else None for k, _ in node.value]
    return "rest" in keys and set(keys) <= set(spec.REST_ITEM.keys)


def _is_null(node: yaml.Node) -> bool:
    """``key:`` with nothing after it (or ``~``, ``null``), as YAML means it: no value."""
    # libyaml gives a plain scalar the style "" where pure-Python PyYAML gives None.
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG and not node.style


def _shown_key(key: str) -> str:
    return f"`{key}`" if len(key) <= QUOTE_LIMIT else quoted(key)


def _text(raw: str, *_ignored: object) -> str:
    text = raw.strip()
    if not text:
        raise ValueError(_("expected some text, found nothing"))
    return text


def _count(raw: str, *_ignored: object) -> int:
    if not _INTEGER.match(raw.strip()):
        number = yaml_number(raw)
        fits = number is not None and number.is_integer() and 1 <= number <= MAX_COUNT
        if fits and len(raw.strip()) <= QUOTE_LIMIT:
            raise ValueError(number_spelling(raw, "3"))
        raise ValueError(
            _("expected a whole number such as 3, found {found}").format(found=quoted(raw))
        )
    if len(raw.strip()) > QUOTE_LIMIT:
        raise ValueError(
            _("expected a whole number from 1 to {most}, found one {digits} digits long").format(
                most=MAX_COUNT, digits=grouped(len(raw.strip()))
            )
        )
    number = int(raw)
    if not 1 <= number <= MAX_COUNT:
        raise ValueError(
            _("expected a whole number from 1 to {most}, found {found}").format(
                most=MAX_COUNT, found=number
            )
        )
    return number


def _duration(raw: str, *_ignored: object) -> float:
    try:
        return parse_duration(raw)
    except DurationError as error:
        raise ValueError(str(error)) from None


def _with_word_hint(message: str, raw: str, words: tuple[str, ...]) -> str:
    """``message`` led by ``did you mean `none`?`` for a near miss of one of ``words`` (a
    text with no digit)."""
    if any(c.isdigit() for c in raw):
        return message
    close = hints.nearest_word(raw, words)
    if close is None:
        return message
    return _("did you mean `{close}`? {problem}").format(close=close, problem=message)


def _duration_or_none(raw: str, *_ignored: object) -> float | None:
    if raw.strip().lower() in spec.NONE_WORDS:
        return None
    try:
        return parse_duration(raw)
    except DurationError as error:
        message = str(error)
        if isinstance(error, ZeroDurationError):
            message = _("{problem}; to leave it out write `none`").format(problem=message)
        raise ValueError(_with_word_hint(message, raw, spec.NONE_WORDS[:1])) from None


def _duration_or_wait(raw: str, *_ignored: object) -> float | None:
    if raw.strip().lower() in spec.WAIT_WORDS:
        return None
    try:
        return parse_duration(raw)
    except DurationError as error:
        message = str(error)
        if isinstance(error, ZeroDurationError):
            message = _('{problem}; to wait for "I\'m ready" write `wait`').format(problem=message)
        raise ValueError(_with_word_hint(message, raw, spec.WAIT_WORDS)) from None


def _hold(raw: str, *_ignored: object) -> float | Breaths:
    try:
        hold = parse_hold(raw)
    except DurationError as error:
        raise ValueError(
            _("{problem} (or a number of breaths, e.g. `5 breaths`)").format(problem=error)
        ) from None
    if isinstance(hold, Breaths) and hold.count > MAX_COUNT:
        raise ValueError(
            _("expected from 1 to {most} breaths, found {found}").format(
                most=MAX_COUNT, found=hold.count
            )
        )
    return hold


@dataclass(frozen=True)
class _Range:
    """A range as written (``30s to 60s``), before the exercise is built from its start."""

    low: Any
    high: Any


def _value_range(span: _Range | None) -> ValueRange | None:
    return None if span is None else ValueRange(span.low, span.high)


_TO = re.compile(r"\s+to\s+", re.IGNORECASE)


def _range(raw: str, convert: Callable[[str], Any], example: str) -> _Range | None:
    """``low to high`` converted by ``convert``; None when ``raw`` is not written as a range."""
    parts = _TO.split(raw.strip())
    if len(parts) == 1:
        return None
    if len(parts) != 2:
        raise ValueError(
            _("a range is two values with `to` between them, e.g. `{example}`").format(
                example=example
            )
        )
    if _BREATHS_END.search(parts[1]) and _INTEGER.match(parts[0].strip()):
        parts[0] += " breaths"  # `5 to 10 breaths`: the unit is said once
    low, high = convert(parts[0]), convert(parts[1])
    if isinstance(low, Breaths) != isinstance(high, Breaths):
        raise ValueError(
            _("both ends of a range are times or both are breaths, found {found}").format(
                found=quoted(raw)
            )
        )
    low_n = low.count if isinstance(low, Breaths) else low
    high_n = high.count if isinstance(high, Breaths) else high
    if low_n == high_n:
        raise ValueError(
            _("the range {range} has one value; write just {value}").format(
                range=quoted(raw), value=quoted(parts[0])
            )
        )
    if low_n > high_n:
        raise ValueError(
            _("the range {range} goes down; write the smaller value first, e.g. `{fixed}`").format(
                range=quoted(raw), fixed=f"{parts[1].strip()} to {parts[0].strip()}"
            )
        )
    return _Range(low, high)


_BREATHS_END = re.compile(r"breaths?\s*$", re.IGNORECASE)


def _count_or_range(raw: str, *_ignored: object) -> int | _Range:
    return _range(raw, _count, "reps: 5 to 10") or _count(raw)


def _hold_or_range(raw: str, *_ignored: object) -> float | Breaths | _Range:
    return _range(raw, _hold, "hold: 30s to 60s") or _hold(raw)


def _plan(raw: str, *_ignored: object) -> object:
    return parse_plan(raw)


def _language(raw: str, *_ignored: object) -> str:
    tag = raw.strip()
    if not is_language_tag(tag):
        raise ValueError(
            _("expected a language tag such as `fr`, `de` or `es-MX`, found {found}").format(
                found=quoted(raw)
            )
        )
    # One spelling for a tag: `pt_BR` and `PT-br` are `pt-BR`.
    first, *rest = re.split(r"[-_]", tag)
    return "-".join([first.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def _switch(raw: str, *_ignored: object) -> bool:
    word = raw.strip().lower()
    if word in spec.TRUE_WORDS:
        return True
    if word in spec.FALSE_WORDS:
        return False
    message = _("expected `on` or `off`, found {found}").format(found=quoted(raw))
    close = hints.nearest_word(word, ("on", "off"))
    if close:
        message = _("did you mean `{close}`? expected `on` or `off`, found {found}").format(
            close=close, found=quoted(raw)
        )
    raise ValueError(message)


def _sides(raw: str, *_ignored: object) -> SideOrder:
    word = " ".join(raw.strip().lower().split())
    if word in spec.SIDE_ALIASES:
        return spec.SIDE_ALIASES[word]
    for order in SideOrder:
        if order.value == word:
            return order
    options = ", ".join(f"`{w}`" for w in spec.SIDE_WORDS)
    message = _("expected one of {options}, found {found}").format(
        options=options, found=quoted(raw)
    )
    if close := hints.nearest_word(word, spec.SIDE_WORDS):
        message = _("did you mean `{close}`? expected one of {options}, found {found}").format(
            close=close, options=options, found=quoted(raw)
        )
    raise ValueError(message)


def _version(raw: str, *_ignored: object) -> int:
    # `format: 1.0` is a natural way to write a version.
    if re.fullmatch(r"1(\.0+)?", raw.strip()):
        return FORMAT_VERSION
    if yaml_number(raw) == FORMAT_VERSION:
        raise ValueError(number_spelling(raw, "1"))
    if raw.strip() != str(FORMAT_VERSION):
        raise ValueError(
            _(
                "this piritimer reads format {version}; the file says {found}. "
                "Update piritimer, or write `format: 1`"
            ).format(version=FORMAT_VERSION, found=quoted(raw))
        )
    return FORMAT_VERSION


def _image(raw: str, reader: SpecReader, node: yaml.Node) -> Path:
    name = _text(raw)
    found = paths.find_image(name, reader.base_dir)  # raises ImageRefused, a ValueError
    if found is None:
        if reader.base_dir:
            message = _("image {name} not found next to this file or among the bundled images")
        else:
            message = _("image {name} not found among the bundled images")
        raise ValueError(message.format(name=quoted(name)))
    return found


def _url(raw: str, *_ignored: object) -> str:
    url = _text(raw)
    if (
        not url.lower().startswith(URL_SCHEMES)
        or any(c.isspace() for c in url)
        or url.endswith("//")
    ):
        raise ValueError(
            _(
                "a source link starts with http:// or https:// and has no spaces, found {found}"
            ).format(found=quoted(url))
        )
    return url


_CONVERTERS: dict[Kind, Callable[..., Any]] = {
    Kind.TEXT: _text,
    Kind.COUNT: _count,
    Kind.DURATION: _duration,
    Kind.DURATION_OR_NONE: _duration_or_none,
    Kind.DURATION_OR_WAIT: _duration_or_wait,
    Kind.HOLD: _hold,
    Kind.SWITCH: _switch,
    Kind.SIDES: _sides,
    Kind.VERSION: _version,
    Kind.IMAGE: _image,
    Kind.URL: _url,
    Kind.COUNT_OR_RANGE: _count_or_range,
    Kind.HOLD_OR_RANGE: _hold_or_range,
    Kind.PLAN: _plan,
    Kind.LANGUAGE: _language,
}
