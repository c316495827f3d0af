"""Turning untrusted bytes into a YAML node tree, safely and with positions.

We only *compose* (build nodes), never *construct* Python objects, so no tag can run code;
scalars stay as the text the person wrote, so YAML 1.1 never turns ``NO`` into false or
``1:30`` into 90 behind their back. Aliases are refused: they are how "billion laughs" files
blow up, and a session file has no need of them.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from piritimer.core.diagnostics import Diagnostic, SessionFileError
from piritimer.core.i18n import _, grouped, pgettext

MAX_FILE_BYTES = 1_000_000
"""A generous session is a few kilobytes; a megabyte of YAML is not a session."""
MAX_DEPTH = 64
"""A session nests about five levels deep. libyaml's composer recurses in C, so a few tens of
thousands of nested brackets overflow the C stack and kill the process; we count depth first."""

try:  # libyaml's C composer is ~10x faster; PyPI wheels include it.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    # timestamp, merge and value are what YAML 1.1 makes of plain `2025-08-14`, `<<` and `=`;
    # we never construct them, so they stay the text that was written.
    for name in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value", "map", "seq")
}


_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
"""Embeddings, overrides and isolates: they make text display in another order than it is
stored (and read), so a cue could show "left" and mean "right". The marks U+200E and U+200F
only nudge neutral characters and are kept: right-to-left writing needs them."""
_FORBIDDEN_IN_FILE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
"""In the file as written: C0 controls other than tab and line breaks, DEL, C1 controls."""
_FORBIDDEN_IN_VALUE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
"""In a value (after YAML escapes such as ``"\\e"``): the same, and a carriage return, which would
move a terminal's cursor back over what was printed."""


def _character_names() -> dict[int, str]:
    """The names of the characters a message most often names, in the app's language (the
    rest keep their Unicode names)."""
    return {
        0x00: pgettext("character", "null"),
        0x07: pgettext("character", "bell"),
        0x08: pgettext("character", "backspace"),
        0x0D: pgettext("character", "carriage return"),
        0x1B: pgettext("character", "escape"),
        0x7F: pgettext("character", "delete"),
        0x85: pgettext("character", "next line"),
        0x00A0: pgettext("character", "no-break space"),
        0x2002: pgettext("character", "en space"),
        0x2003: pgettext("character", "em space"),
        0x2009: pgettext("character", "thin space"),
        0x200B: pgettext("character", "zero width space"),
        0x200C: pgettext("character", "zero width non-joiner"),
        0x200D: pgettext("character", "zero width joiner"),
        0x202A: pgettext("character", "left-to-right embedding"),
        0x202B: pgettext("character", "right-to-left embedding"),
        0x202C: pgettext("character", "pop directional formatting"),
        0x202D: pgettext("character", "left-to-right override"),
        0x202E: pgettext("character", "right-to-left override"),
        0x202F: pgettext("character", "narrow no-break space"),
        0x2060: pgettext("character", "word joiner"),
        0x2066: pgettext("character", "left-to-right isolate"),
        0x2067: pgettext("character", "right-to-left isolate"),
        0x2068: pgettext("character", "first strong isolate"),
        0x2069: pgettext("character", "pop directional isolate"),
        0x3000: pgettext("character", "ideographic space"),
        0xFEFF: pgettext("character", "zero width no-break space"),
    }


def describe_character(char: str) -> str:
    """``U+001B (escape)``: how a message names a character it cannot show."""
    code = ord(char)
    name = _character_names().get(code) or unicodedata.name(char, "").lower()
    if not name:
        name = pgettext("character", "control character")
    return f"U+{code:04X} ({name})"


def _character_message(char: str, *, escaped: bool) -> str:
    """What is wrong with ``char``, in the file as written or (``escaped``) in a value."""
    bidi = bool(re.match(f"[{_BIDI_CONTROLS}]", char))
    if bidi and escaped:
        message = _(
            "this text holds, written as an escape, the bidirectional control {character}, "
            "which makes text display in a different order than it reads; remove it"
        )
    elif bidi:
        message = _(
            "this file holds the bidirectional control {character}, which makes text display "
            "in a different order than it reads; remove it"
        )
    elif escaped:
        message = _(
            "this text holds, written as an escape, the control character {character}; "
            "session files hold printable text only"
        )
    else:
        message = _(
            "this file holds the control character {character}; session files hold printable "
            "text only"
        )
    return message.format(character=describe_character(char))


INVISIBLE = re.compile("[\u00a0\u1680\u180e\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")
"""Spaces YAML does not take for spaces, and characters that show as nothing: pasted from a web
page or a word processor, they look like an ordinary space, or like nothing at all."""


def invisible_characters(text: str, *, in_key: bool = False) -> str:
    """``U+00A0 (no-break space) at column 9``: the invisible characters in one line of text
    (``in_key``: at a position in a key)."""
    where = _("{character} at position {column}") if in_key else _("{character} at column {column}")
    found = [
        where.format(character=describe_character(m.group()), column=m.start() + 1)
        for m in INVISIBLE.finditer(text)
    ]
    return ", ".join(found)


def check_characters(path: str, text: str) -> None:
    """Refuse control and bidirectional-override characters, at their line and column."""
    found = _FORBIDDEN_IN_FILE.search(text)
    if found is None:
        return
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    message = _character_message(found.group(), escaped=False)
    raise SessionFileError(Diagnostic(path, line, column, message))


def check_size(path: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise SessionFileError(
            Diagnostic(
                path,
                1,
                1,
                _("file is {size} bytes; a session file may be at most {limit}").format(
                    size=grouped(size), limit=grouped(MAX_FILE_BYTES)
                ),
            )
        )


def read_text(path: str, data: bytes) -> str:
    """Decode a file's bytes as UTF-8, pointing at the first byte that is not."""
    check_size(path, len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise SessionFileError(
            Diagnostic(
                path,
                line,
                column,
                _("byte {byte} is not UTF-8; save the file as UTF-8").format(
                    byte=f"0x{data[error.start]:02x}"
                ),
            )
        ) from None
    return text.removeprefix("\ufeff")


def compose(path: str, text: str) -> yaml.Node | None:
    """Parse ``text`` into one YAML node tree (None for an empty file)."""
    check_characters(path, text)
    try:
        _check_depth(path, text)
        root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line, column, problem = _syntax_problem(error, text)
        message = _("YAML syntax: {problem}").format(problem=problem)
        raise SessionFileError(Diagnostic(path, line, column, message)) from None
    except yaml.YAMLError as error:
        message = _("YAML syntax: {problem}").format(problem=error)
        raise SessionFileError(Diagnostic(path, 1, 1, message)) from None
    except RecursionError:
        raise SessionFileError(Diagnostic(path, 1, 1, _("YAML is nested too deeply"))) from None
    if root is not None:
        _check_tree(path, root)
    return root


_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:- )?)([^\s:#][^:#]*?):(\S.*)$")
_COLON_IN_VALUE = re.compile(r"^(\s*(?:- )?[^:#]+?):\s+(.*:\s.*?)\s*$")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Where a YAML syntax error is, as the person sees it, and what to do about it."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = _libyaml_words(error.problem or error.context) or _("invalid YAML")
    lines = text.split("\n")
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return line, column, _("a tab cannot indent YAML; indent with spaces")
    if error.problem == "but found another document":
        return (
            line,
            column,
            _(
                "a second YAML document starts here (`---`); a session file is one document, "
                "so put each session in a file of its own"
            ),
        )
    if error.problem == "could not find expected ':'" and error.context_mark is not None:
        # libyaml notices the missing `: ` only on the next line; the mistake is on the line
        # where the key started.
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
        written = lines[line - 1] if line <= len(lines) else ""
        if (no_space := _NO_SPACE_AFTER_COLON.match(written)) and not INVISIBLE.search(written):
            _indent, key, value = no_space.groups()
            return (
                line,
                column,
                _("`{key}:{value}` needs a space after the colon: `{key}: {value}`").format(
                    key=key, value=value
                ),
            )
        problem = _("this line is not `key: value` (a colon and a space)")
    elif error.problem.startswith("mapping values are not allowed") if error.problem else False:
        written = lines[line - 1] if line <= len(lines) else ""
        if quoting := _COLON_IN_VALUE.match(written):
            key, value = quoting.groups()
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            return (
                line,
                column,
                _(
                    "`: ` inside a value starts a new key; put the value in quotes: `{fixed}`"
                ).format(fixed=f'{key.strip().removeprefix("- ")}: "{escaped}"'),
            )
    written = lines[line - 1] if line <= len(lines) else ""
    if invisible := invisible_characters(written):
        problem = _(
            "{problem}; this line holds {invisible}, which YAML does not read as a space: "
            "retype it as an ordinary space (or delete it)"
        ).format(problem=problem, invisible=invisible)
    return line, column, problem


def _libyaml_words(problem: str | None) -> str | None:
    """libyaml's own words for the commonest mistakes, translated (the rest stay its English)."""
    known = {
        "mapping values are not allowed here": _("mapping values are not allowed here"),
        "mapping values are not allowed in this context": _(
            "mapping values are not allowed in this context"
        ),
        "found character that cannot start any token": _(
            "found character that cannot start any token"
        ),
        "did not find expected key": _("did not find expected key"),
        "did not find expected '-' indicator": _("did not find expected '-' indicator"),
        "found unexpected end of stream": _("found unexpected end of stream"),
        "found undefined tag handle": _("found undefined tag handle"),
        "found unknown escape character": _("found unknown escape character"),
        "while parsing a flow mapping": _("while parsing a flow mapping"),
        "while parsing a flow sequence": _("while parsing a flow sequence"),
        "while scanning a quoted scalar": _("while scanning a quoted scalar"),
    }
    return None if problem is None else known.get(problem, problem)


def _check_depth(path: str, text: str) -> None:
    """Refuse absurd nesting by reading the event stream, which uses no recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise SessionFileError(
                    Diagnostic(
                        path,
                        line,
                        column,
                        _(
                            "YAML is nested more than {depth} levels deep; a session needs only "
                            "a few"
                        ).format(depth=MAX_DEPTH),
                    )
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _check_tree(path: str, root: yaml.Node) -> None:
    """Refuse aliases and unusual tags anywhere in the tree, iteratively (no deep recursion)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line, column = position(node)
            raise SessionFileError(
                Diagnostic(
                    path,
                    line,
                    column,
                    _(
                        "anchors and aliases (&name, *name) are not allowed in session files; "
                        "write the value out in full"
                    ),
                )
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and (bad := _FORBIDDEN_IN_VALUE.search(node.value)):
            line, column = position(node)
            message = _character_message(bad.group(), escaped=True)
            raise SessionFileError(Diagnostic(path, line, column, message))
        if node.tag not in _STANDARD_TAGS:
            line, column = position(node)
            raise SessionFileError(
                Diagnostic(
                    path,
                    line,
                    column,
                    _(
                        "the tag {tag} is not allowed; session files hold plain text, numbers, "
                        "lists and mappings"
                    ).format(tag=_short_tag(node.tag)),
                )
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag
