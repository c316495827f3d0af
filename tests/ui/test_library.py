"""The library model and page: listing, errors, filters, and following changes on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.ui import library_scan, library_view
from piritimer.ui.library import LibraryModel
from piritimer.ui.library_view import LibraryPage

QUICK_V2 = """\
title: Quick calm, longer
tags: [breathing, evening]
exercises:
  - name: Slow breaths
    setup time: 5s
    get ready: none
    breathing: {inhale: 4s, exhale: 6s, cycles: 6}
"""


def _touch_later(path: Path, text: str) -> None:
    """Write and move the mtime on, so a rescan cannot mistake the file for unchanged."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_lists_every_file_with_title_duration_count_and_tags(
    library: LibraryModel, sessions_dir: Path
) -> None:
    by_name = {e.path.name: e for e in library.entries()}
    assert set(by_name) == {"hip-release.yaml", "quick.yaml", "broken.yaml"}
    hip = by_name["hip-release.yaml"]
    assert (hip.title, hip.exercise_count, hip.duration_text) == ("Hip release", 2, "2:28")
    assert hip.tags == ("hip", "stretch", "breathing")
    assert hip.summary.startswith("A figure-four stretch")
    assert library.tags() == ["breathing", "hip", "stretch"]


def test_a_broken_file_is_listed_with_its_first_message(
    qtbot: QtBot, library: LibraryModel
) -> None:
    page = LibraryPage(library)
    qtbot.addWidget(page)
    broken = next(e for e in library.entries() if e.path.name == "broken.yaml")
    assert broken.broken
    assert not broken.usable
    assert broken.first_error is not None
    assert broken.first_error.startswith("line 4: `hold`: 'thirty seconds' is not a duration")
    card = page.card_for(broken.path)
    assert card is not None
    assert not card.isHidden()
    assert card.error_label.text() == f"Error: {broken.first_error}"
    assert not card.error_label.isHidden()
    assert card.meta_label.text() == "cannot be opened"


def test_filter_by_words_and_by_tag(qtbot: QtBot, library: LibraryModel) -> None:
    page = LibraryPage(library)
    qtbot.addWidget(page)

    def shown() -> set[str]:
        return {c.entry.path.name for c in page.visible_cards()}

    assert shown() == {"hip-release.yaml", "quick.yaml", "broken.yaml"}
    page.filter_edit.setText("wall figure")
    assert shown() == {"hip-release.yaml"}
    page.filter_edit.setText("QUICK")
    assert shown() == {"quick.yaml"}
    page.filter_edit.setText("nothing like this")
    assert shown() == set()
    assert page.empty_label.isVisibleTo(page)
    assert page.empty_label.text() == "No session matches this filter."
    page.filter_edit.clear()
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("stretch"))
    assert shown() == {"hip-release.yaml"}
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("breathing"))
    assert shown() == {"hip-release.yaml", "quick.yaml"}
    page.filter_edit.setText("calm")
    assert shown() == {"quick.yaml"}


def test_an_empty_library_says_where_sessions_come_from(qtbot: QtBot, tmp_path: Path) -> None:
    model = LibraryModel([tmp_path / "absent"])
    page = LibraryPage(model)
    qtbot.addWidget(page)
    assert page.cards == []
    assert "My sessions folder" in page.empty_label.text()


def test_a_changed_file_is_reloaded(
    qtbot: QtBot, library: LibraryModel, sessions_dir: Path
) -> None:
    path = sessions_dir / "quick.yaml"
    with qtbot.waitSignal(library.entryChanged, timeout=5000):
        _touch_later(path, QUICK_V2)
    entry = library.entry(path)
    assert entry is not None
    assert entry.title == "Quick calm, longer"
    assert entry.duration_text == "1:05"
    assert "evening" in library.tags()


def test_a_broken_edit_keeps_the_last_good_session_and_shows_the_error(
    qtbot: QtBot, library: LibraryModel, sessions_dir: Path
) -> None:
    path = sessions_dir / "quick.yaml"
    good = library.entry(path)
    assert good is not None
    assert good.session is not None
    _touch_later(path, "title: Quick calm\nexercises:\n  - name: Slow\n    hold: soon\n")
    qtbot.waitUntil(lambda: library.entry(path).broken, timeout=5000)  # type: ignore[union-attr]
    entry = library.entry(path)
    assert entry is not None
    assert entry.session is good.session
    assert entry.usable
    assert entry.duration_text == good.duration_text
    assert entry.first_error is not None
    assert entry.first_error.startswith("line 4:")
    _touch_later(path, QUICK_V2)
    qtbot.waitUntil(lambda: not library.entry(path).broken, timeout=5000)  # type: ignore[union-attr]
    assert library.entry(path).title == "Quick calm, longer"  # type: ignore[union-attr]


def test_new_and_removed_files_are_picked_up(
    qtbot: QtBot, library: LibraryModel, sessions_dir: Path
) -> None:
    added = sessions_dir / "evening.yml"
    added.write_text(QUICK_V2, encoding="utf-8")
    qtbot.waitUntil(lambda: library.entry(added) is not None, timeout=5000)
    (sessions_dir / "notes.txt").write_text("not a session", encoding="utf-8")
    (sessions_dir / "broken.yaml").unlink()
    with qtbot.waitSignal(library.entryRemoved, timeout=5000) as removed:
        pass
    assert removed.args == [sessions_dir / "broken.yaml"]
    assert sorted(e.path.name for e in library.entries()) == [
        "evening.yml",
        "hip-release.yaml",
        "quick.yaml",
    ]


def test_a_save_by_rename_is_followed(
    qtbot: QtBot, library: LibraryModel, sessions_dir: Path
) -> None:
    """Editors often write a temporary file and rename it over the original."""
    path = sessions_dir / "quick.yaml"
    temporary = sessions_dir / ".quick.yaml.swp"
    temporary.write_text(QUICK_V2, encoding="utf-8")
    temporary.replace(path)
    qtbot.waitUntil(
        lambda: library.entry(path).title == "Quick calm, longer",  # type: ignore[union-attr]
        timeout=5000,
    )
    _touch_later(path, QUICK_V2.replace("longer", "again"))
    qtbot.waitUntil(
        lambda: library.entry(path).title == "Quick calm, again",  # type: ignore[union-attr]
        timeout=5000,
    )


def test_a_file_opened_from_elsewhere_is_listed_and_watched(
    qtbot: QtBot, library: LibraryModel, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere" / "mine.yaml"
    outside.parent.mkdir()
    outside.write_text(QUICK_V2, encoding="utf-8")
    entry = library.add_file(outside)
    assert entry.title == "Quick calm, longer"
    assert not entry.bundled
    assert library.entry(outside) is entry
    _touch_later(outside, QUICK_V2.replace("longer", "changed"))
    qtbot.waitUntil(
        lambda: library.entry(outside).title == "Quick calm, changed",  # type: ignore[union-attr]
        timeout=5000,
    )


def test_the_users_folder_is_created_on_demand(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "sessions"
    model = LibraryModel([folder])
    assert not folder.exists()
    model.add_folder(folder, create=True)
    assert folder.is_dir()
    (folder / "new.yaml").write_text(QUICK_V2, encoding="utf-8")
    qtbot.waitUntil(lambda: model.entry(folder / "new.yaml") is not None, timeout=5000)


def test_bundled_entries_come_first(qtbot: QtBot, sessions_dir: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "aaa.yaml").write_text(QUICK_V2.replace("Quick", "Aardvark"), encoding="utf-8")
    model = LibraryModel([user], bundled_folder=sessions_dir)
    with qtbot.waitSignal(model.scanFinished, timeout=10_000):
        pass
    entries = model.entries()
    assert [e.bundled for e in entries] == [True, True, True, False]
    assert entries[-1].title.startswith("Aardvark")


def test_a_folder_that_appears_later_is_then_watched(qtbot: QtBot, tmp_path: Path) -> None:
    """The user's folder may only come into being when the editor first saves there."""
    folder = tmp_path / "data" / "sessions"
    (tmp_path / "data").mkdir()
    model = LibraryModel([folder])
    folder.mkdir()
    (folder / "first.yaml").write_text(QUICK_V2, encoding="utf-8")
    qtbot.waitUntil(lambda: model.entry(folder / "first.yaml") is not None, timeout=5000)
    (folder / "second.yaml").write_text(QUICK_V2, encoding="utf-8")
    qtbot.waitUntil(lambda: model.entry(folder / "second.yaml") is not None, timeout=5000)


def test_a_big_folder_fills_in_batch_by_batch(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(library_scan, "BATCH_FILES", 2)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(7):
        (folder / f"s{number}.yaml").write_text(
            QUICK_V2.replace("longer", f"no. {number}"), encoding="utf-8"
        )
    model = LibraryModel([folder])
    assert model.scanning
    assert model.entries() == [], "nothing is read on the GUI thread"
    sizes: list[int] = []
    model.entriesChanged.connect(lambda: sizes.append(len(model.entries())))
    with qtbot.waitSignal(model.scanFinished, timeout=10_000):
        pass
    assert not model.scanning
    assert sizes == [2, 4, 6, 7]
    assert [e.title for e in model.entries()] == [f"Quick calm, no. {n}" for n in range(7)]


def test_the_page_builds_cards_a_page_at_a_time(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(library_view, "PAGE_CARDS", 4)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10):
        (folder / f"s{number}.yaml").write_text(QUICK_V2, encoding="utf-8")
    model = LibraryModel([folder])
    page = LibraryPage(model)
    qtbot.addWidget(page)
    assert "Reading your session files" in page.empty_label.text()
    qtbot.waitUntil(lambda: not model.scanning, timeout=10_000)
    assert page.shown_count() == 10
    assert len(page.cards) == 4
    assert page.more_label.text() == "Showing 4 of 10 sessions — scroll down for more"
    last = page.card_for(folder / "s9.yaml")
    assert last is not None
    assert len(page.cards) == 10
    assert not page.more_label.isVisibleTo(page)


def test_a_change_rereads_only_the_changed_file(
    qtbot: QtBot, library: LibraryModel, sessions_dir: Path
) -> None:
    before = {e.path.name: e for e in library.entries()}
    reread: list[str] = []
    library.entryChanged.connect(lambda entry: reread.append(entry.path.name))
    with qtbot.waitSignal(library.entryChanged, timeout=5000):
        _touch_later(sessions_dir / "quick.yaml", QUICK_V2)
    after = {e.path.name: e for e in library.entries()}
    assert reread == ["quick.yaml"]
    assert after["hip-release.yaml"] is before["hip-release.yaml"]
    assert after["broken.yaml"] is before["broken.yaml"]
    assert after["quick.yaml"] is not before["quick.yaml"]


def test_a_file_with_a_warning_is_listed_usable_with_the_warning(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "w.yaml").write_text(
        "title: Tagged\ntags: hip, stretch\nexercises: [{name: A, hold: 30s}]\n"
    )
    model = LibraryModel([tmp_path])
    qtbot.waitUntil(lambda: not model.scanning, timeout=10_000)
    (entry,) = model.entries()
    assert entry.usable
    assert not entry.broken
    assert entry.first_warning is not None
    assert entry.first_warning.startswith("line 2: `tags: hip, stretch` is one tag")
    page = LibraryPage(model)
    qtbot.addWidget(page)
    card = page.card_for(entry.path)
    assert card is not None
    assert card.error_label.text() == f"Warning: {entry.first_warning}"
    assert not card.error_label.isHidden()
