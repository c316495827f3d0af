"""Every example in docs/session-format.md is checked, so the reference cannot drift.

Conventions in the document (this test enforces them):

* A fenced block whose info string is exactly ``yaml`` is a complete, valid session file.
* A fenced block whose info string is ``yaml title="invalid"`` is a complete file with at least
  one mistake: loading it must give at least one diagnostic and no session.
* A ``text`` block whose first line is ``$ piritimer show example.yaml`` or
  ``$ piritimer validate example.yaml`` shows the output of that command for the YAML block
  above it, saved as ``example.yaml``. A line holding only ``⋮`` stands for lines left out.

After a deliberate change to the timeline or to a message, regenerate the outputs with
``PYTHONPATH=. python tests/test_docs_examples.py`` and read the diff.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from piritimer import cli, paths
from piritimer.core import spec
from piritimer.core.loader import load_session_bytes

DOC = Path(__file__).resolve().parent.parent / "docs" / "session-format.md"
VALID = "yaml"
INVALID = 'yaml title="invalid"'
WARNED = 'yaml title="warned"'
"""Valid, with warnings (legal but probably not meant)."""
ELISION = "⋮"
KEEP_HEAD, KEEP_TAIL, MAX_LINES = 14, 4, 22
"""Regenerated outputs longer than MAX_LINES keep their first and last lines around a ⋮."""
_COMMAND = re.compile(r"^\$ piritimer (show|validate) example\.yaml$")


@dataclass(frozen=True)
class Block:
    info: str
    line: int
    """1-based line of the opening fence."""
    end_line: int
    """1-based line of the closing fence."""
    text: str

    def __str__(self) -> str:
        return f"line{self.line}"


@dataclass(frozen=True)
class Output:
    block: Block
    example: Block
    command: str

    def __str__(self) -> str:
        return f"line{self.block.line}-{self.command}"


def fenced_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].startswith("```") and lines[index] != "```":
            start = index
            index += 1
            while lines[index] != "```":
                index += 1
            body = "\n".join(lines[start + 1 : index]) + "\n"
            blocks.append(Block(lines[start][3:].strip(), start + 1, index + 1, body))
        index += 1
    return blocks


def examples(kind: str) -> list[Block]:
    return [b for b in fenced_blocks(DOC.read_text(encoding="utf-8")) if b.info == kind]


def outputs(markdown: str) -> list[Output]:
    found: list[Output] = []
    last_example: Block | None = None
    for block in fenced_blocks(markdown):
        if block.info in (VALID, INVALID, WARNED):
            last_example = block
        elif block.info == "text" and (command := _COMMAND.match(block.text.split("\n")[0])):
            assert last_example is not None, f"line {block.line}: output before any example"
            found.append(Output(block, last_example, command.group(1)))
    return found


def run_cli(command: str, session_text: str) -> str:
    """What a person sees after saving ``session_text`` as example.yaml and running piritimer."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        Path("example.yaml").write_text(session_text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main([command, "example.yaml"])
    return err.getvalue() + out.getvalue()


def matches(documented: str, actual: str) -> bool:
    """True when ``documented`` is ``actual`` with runs of lines replaced by ⋮ lines."""
    pattern = "\n".join(
        ".*" if line == ELISION else re.escape(line) for line in documented.splitlines()
    )
    return re.fullmatch(pattern, actual.rstrip("\n"), flags=re.DOTALL) is not None


def trimmed(actual: str) -> str:
    lines = actual.rstrip("\n").splitlines()
    if len(lines) > MAX_LINES:
        lines = [*lines[:KEEP_HEAD], ELISION, *lines[-KEEP_TAIL:]]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("block", examples(VALID), ids=str)
def test_valid_example_loads_without_messages(block: Block) -> None:
    result = load_session_bytes(
        block.text, label=f"session-format.md:{block.line}", base_dir=paths.bundled_sessions_dir()
    )
    assert [str(d) for d in result.diagnostics] == []
    assert result.ok


@pytest.mark.parametrize("block", examples(WARNED), ids=str)
def test_warned_example_loads_with_warnings_only(block: Block) -> None:
    result = load_session_bytes(block.text, label=f"session-format.md:{block.line}")
    assert result.ok
    assert result.diagnostics
    assert not result.errors


@pytest.mark.parametrize("block", examples(INVALID), ids=str)
def test_invalid_example_is_refused(block: Block) -> None:
    result = load_session_bytes(
        block.text, label=f"session-format.md:{block.line}", base_dir=paths.bundled_sessions_dir()
    )
    assert result.diagnostics
    assert not result.ok


@pytest.mark.parametrize(
    "output",
    outputs(DOC.read_text(encoding="utf-8")),
    ids=str,
)
def test_documented_output_is_what_piritimer_prints(output: Output) -> None:
    documented = output.block.text.split("\n", 1)[1]
    actual = run_cli(output.command, output.example.text)
    assert matches(documented, actual), (
        f"docs/session-format.md line {output.block.line} no longer shows what "
        f"`piritimer {output.command}` prints; run `python tests/test_docs_examples.py` "
        f"to regenerate. Actual output:\n{actual}"
    )


def test_every_yaml_block_is_marked_valid_or_invalid() -> None:
    infos = {b.info for b in fenced_blocks(DOC.read_text(encoding="utf-8"))}
    yaml_like = {info for info in infos if info.startswith("yaml")}
    assert yaml_like <= {VALID, INVALID, WARNED}


@pytest.mark.parametrize(
    "section",
    [spec.SESSION, spec.SOURCE, spec.DEFAULTS, spec.EXERCISE, spec.BREATHING, spec.CUES],
    ids=lambda s: s.name,
)
def test_every_key_has_a_row_in_a_table(section: spec.Section) -> None:
    markdown = DOC.read_text(encoding="utf-8")
    missing = [key for key in section.keys if f"| `{key}` |" not in markdown]
    assert missing == []


def test_document_has_both_kinds_of_example() -> None:
    assert len(examples(VALID)) >= 15
    assert len(examples(INVALID)) >= 8


@pytest.mark.parametrize(
    ("documented", "actual", "expected"),
    [
        ("a\nb\n", "a\nb\n", True),
        ("a\n⋮\nd\n", "a\nb\nc\nd\n", True),
        ("a\n⋮\nd\n", "a\nb\nc\ne\n", False),
        ("a\nb\n", "a\nb\nc\n", False),
        ("a (1)\n", "a (1)\n", True),
    ],
)
def test_elision_matching(documented: str, actual: str, expected: bool) -> None:
    assert matches(documented, actual) is expected


def regenerate() -> None:
    """Rewrite every command output in the document from what piritimer prints now."""
    markdown = DOC.read_text(encoding="utf-8")
    lines = markdown.splitlines()
    for output in reversed(outputs(markdown)):
        first = output.block.text.splitlines()[0]
        fresh = trimmed(run_cli(output.command, output.example.text)).splitlines()
        lines[output.block.line : output.block.end_line - 1] = [first, *fresh]
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # with piritimer importable: pip install -e . or PYTHONPATH=.
    regenerate()
