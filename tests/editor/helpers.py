"""Shared pieces of the editor tests: the fixture session and scripted dialog answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from piritimer.editor import prompts

FIXTURE = Path(__file__).parent / "sessions" / "hip-care.yaml"


@dataclass
class ScriptedPrompts:
    """Stands in for every dialog: answers come from the test, and each question is recorded."""

    unsaved: prompts.UnsavedChoice | None = None
    save_with_errors: bool | None = None
    save_path: Path | None = None
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def ask_unsaved_changes(self, _parent: object, name: str) -> prompts.UnsavedChoice:
        self.asked.append(f"unsaved {name}")
        assert self.unsaved is not None, "unexpected 'unsaved changes' question"
        return self.unsaved

    def confirm_save_with_errors(self, _parent: object, problems: int) -> bool:
        self.asked.append(f"save with {problems} problems")
        assert self.save_with_errors is not None, "unexpected 'save with errors' question"
        return self.save_with_errors

    def ask_save_path(self, _parent: object, suggested: Path) -> Path | None:
        self.asked.append(f"save as {suggested.name}")
        return self.save_path

    def show_error(self, _parent: object, title: str, text: str) -> None:
        self.errors.append(f"{title}: {text}")

    def ask_open_path(self, _parent: object, directory: Path) -> Path | None:
        raise AssertionError(f"unexpected 'open' dialog in {directory}")

    def ask_line(self, _parent: object, current: int, last: int) -> int | None:
        raise AssertionError("unexpected 'go to line' dialog")
