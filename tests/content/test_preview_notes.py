"""The preview shows what someone practising alone needs: what to fetch, the notes, whose numbers
they are, and what "the working side" means."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.core.loader import load_session
from piritimer.core.model import Session
from piritimer.ui.library import read_entry
from piritimer.ui.preview import PreviewPage
from piritimer.ui.preview_notes import equipment, working_side_text


def _bundled(name: str) -> Path:
    return paths.bundled_sessions_dir() / name


def _session(path: Path) -> Session:
    session = load_session(path).session
    assert session is not None
    return session


def _preview(qtbot: QtBot, path: Path) -> PreviewPage:
    page = PreviewPage()
    qtbot.addWidget(page)
    page.show_entry(read_entry(path, bundled=True))
    return page


def test_equipment_is_found_in_setup_and_notes() -> None:
    assert equipment(_session(_bundled("restore-hip-position.yaml"))) == (
        "foam roller",
        "wall",
        "mat",
    )
    assert equipment(_session(_bundled("figure-four-stretches.yaml"))) == ("mat",)
    assert "firm chair" in equipment(_session(_bundled("nerve-flosses.yaml")))


def test_the_preview_lists_equipment_notes_and_what_each_source_gave(qtbot: QtBot) -> None:
    path = _bundled("restore-hip-position.yaml")
    session = _session(path)
    panel = _preview(qtbot, path).notes_panel
    assert not panel.isHidden()
    assert panel.equipment_label.text() == "You will need: foam roller, wall, mat."
    assert panel.notes_label.text() == session.notes
    sources = panel.sources_label.text()
    for source in session.sources:
        assert f"{source.title}: {source.note}" in sources
    assert "piritimer's" in sources


def test_each_card_shows_its_notes_and_defines_the_working_side(qtbot: QtBot) -> None:
    path = _bundled("figure-four-stretches.yaml")
    session = _session(path)
    page = _preview(qtbot, path)
    for card, exercise in zip(page.cards, session.exercises, strict=True):
        texts = [label.text() for label in card.note_labels]
        assert texts == [working_side_text(exercise), f"Note: {exercise.notes}"]
        assert "the left one first, then the right" in texts[0]
        assert "Source dose" in texts[1]  # whose numbers these are


def test_an_unsided_exercise_has_no_working_side_line(qtbot: QtBot) -> None:
    page = _preview(qtbot, _bundled("restore-hip-position.yaml"))
    squeeze = page.cards[1]
    assert [label.text() for label in squeeze.note_labels] == [
        f"Note: {_session(_bundled('restore-hip-position.yaml')).exercises[1].notes}"
    ]


def test_every_bundled_exercise_says_whose_numbers_it_uses() -> None:
    # The preview shows each exercise's note; for a bundled session that note is where a person
    # learns whether a count is the source's or piritimer's suggestion.
    for path in sorted(paths.bundled_sessions_dir().glob("*.yaml")):
        for exercise in _session(path).exercises:
            note = (exercise.notes or "").lower()
            assert "source" in note or "piritimer" in note, f"{path.name}: {exercise.name}"


def test_every_note_label_is_plain_text(qtbot: QtBot) -> None:
    page = _preview(qtbot, _bundled("complete-routine.yaml"))
    labels = page.notes_panel.findChildren(QLabel)
    labels += [label for card in page.cards for label in card.note_labels]
    assert labels
    assert {label.textFormat() for label in labels} == {Qt.TextFormat.PlainText}


def test_a_session_without_notes_or_sources_shows_only_what_it_has(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("title: Plain\nexercises:\n  - name: Knee hug\n    hold: 30s\n", "utf-8")
    page = PreviewPage()
    qtbot.addWidget(page)
    page.show_entry(read_entry(path, bundled=False))
    assert page.notes_panel.isHidden()  # nothing to say, so no empty panel
    assert page.cards[0].note_labels == []
