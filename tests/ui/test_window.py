"""Opening files (command line, dialog, drag-and-drop), remembering, themes and icons."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.core.engine import State
from piritimer.core.model import DEFAULT_SAFETY_NOTE
from piritimer.ui import main_window
from piritimer.ui.controls import Action
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from piritimer.ui.settings import LAST_SESSION_KEY, open_settings
from piritimer.widgets.theme import DARK, LIGHT, Colors
from tests.ui.helpers import FakeClock, advance


def drop(window: MainWindow, files: list[Path]) -> tuple[bool, bool]:
    """Drag ``files`` over the window and drop them; returns (entered, dropped) acceptance."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    point = QPointF(200, 200)
    action = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, mime, buttons, modifiers)
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    dropped = QDropEvent(point, action, mime, buttons, modifiers)
    dropped.setAccepted(False)
    window.dropEvent(dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_a_session_file_opens_it(
    window: MainWindow, tmp_path: Path, sessions_dir: Path
) -> None:
    outside = tmp_path / "dropped.yml"
    outside.write_text((sessions_dir / "quick.yaml").read_text(), encoding="utf-8")
    assert drop(window, [outside]) == (True, True)
    assert window.page is window.preview_page
    assert window.current_path == outside
    assert window.preview_page.title_label.text() == "Quick calm"
    assert window.library.entry(outside) is not None


def test_dropping_anything_else_is_refused(window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"not a session")
    assert drop(window, [picture]) == (False, False)
    assert window.page is window.library_page


def test_the_open_dialog_and_the_command_line_open_a_file(
    window: MainWindow, sessions_dir: Path
) -> None:
    window.choose_file = lambda: sessions_dir / "hip-release.yaml"
    window.open_action.trigger()
    assert window.preview_page.title_label.text() == "Hip release"
    window.choose_file = lambda: None  # cancelled
    window.show_library()
    window.open_dialog()
    assert window.page is window.library_page
    entry = window.open_file(sessions_dir / "quick.yaml")
    assert entry.title == "Quick calm"
    assert window.page is window.preview_page


def test_a_broken_file_opens_to_its_error_and_cannot_start(
    window: MainWindow, sessions_dir: Path
) -> None:
    window.library_page.card_for(sessions_dir / "broken.yaml").activated.emit(  # type: ignore[union-attr]
        sessions_dir / "broken.yaml"
    )
    preview = window.preview_page
    assert window.page is preview
    assert not preview.start_button.isEnabled()
    assert preview.error_label.text().startswith(
        "This session cannot be used until the file is fixed: line 4:"
    )
    assert not window.start_session()
    assert window.driver.state is State.IDLE


def test_the_preview_shows_what_the_session_holds(window: MainWindow, sessions_dir: Path) -> None:
    window.show_preview(sessions_dir / "hip-release.yaml")
    preview = window.preview_page
    assert preview.meta_label.text() == (
        "2:28 in all plus setup at your own pace · 2 exercises · #hip · #stretch · #breathing"
    )
    assert preview.safety_label.text() == (
        "Move slowly. Stop at once on sharp pain, numbness or tingling."
    )
    first, second = preview.cards
    assert first.name_label.text() == "1. Figure four"
    assert first.work_label.text() == "2 reps · 20s hold · left then right"
    assert first.time_label.text() == "2:01"
    assert [c.text() for c in first.setup_labels] == [
        "• Lie on your back, knees bent",
        "• Cross the right ankle over the left knee",
    ]
    assert first.image_view.path == sessions_dir / "figure-four.svg"
    assert first.image_view.isVisible()
    assert second.work_label.text() == "2 breaths (in 4s, hold 2s, out 6s)"
    assert "https://example.org/piriformis" in preview.sources_label.text()
    assert "Written for piritimer's tests." in preview.sources_label.text()
    window.show_preview(sessions_dir / "quick.yaml")
    assert preview.safety_label.text() == DEFAULT_SAFETY_NOTE
    assert preview.cards[0].image_view.isHidden()


def test_the_preview_follows_edits_on_disk(
    qtbot: QtBot, window: MainWindow, sessions_dir: Path
) -> None:
    path = sessions_dir / "quick.yaml"
    window.show_preview(path)
    path.write_text(path.read_text().replace("Quick calm", "Quick calm (edited)"))
    qtbot.waitUntil(
        lambda: window.preview_page.title_label.text() == "Quick calm (edited)", timeout=5000
    )
    path.write_text("title: [oops\n")
    qtbot.waitUntil(lambda: window.preview_page.error_label.isVisibleTo(window), timeout=5000)
    assert window.preview_page.error_label.text().startswith("This file has an error now (line")
    assert window.preview_page.start_button.isEnabled()  # the last good version still runs
    assert window.start_session()


def test_the_window_remembers_size_position_and_last_session(
    qtbot: QtBot, services: Services, settings: QSettings, sessions_dir: Path
) -> None:
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.show()
    # The offscreen screen is 800×600; restoring clamps a window to its screen.
    first.setGeometry(40, 50, 700, 480)
    first.show_preview(sessions_dir / "quick.yaml")
    first.close()
    assert settings.value(LAST_SESSION_KEY) == str(sessions_dir / "quick.yaml")
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert second.geometry() == first.geometry()
    assert second.page is second.preview_page
    assert second.current_path == sessions_dir / "quick.yaml"


def test_a_vanished_last_session_opens_the_library(
    qtbot: QtBot, services: Services, settings: QSettings, tmp_path: Path
) -> None:
    settings.setValue(LAST_SESSION_KEY, str(tmp_path / "gone.yaml"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.page is window.library_page


def test_settings_live_under_piritimer_home_in_tests(private_home: Path) -> None:
    settings = open_settings()
    settings.setValue("probe", 1)
    settings.sync()
    assert Path(settings.fileName()) == private_home / "settings.ini"
    assert Path(settings.fileName()).is_file()


def test_my_sessions_folder_is_created_and_opened(window: MainWindow, private_home: Path) -> None:
    opened: list[QUrl] = []
    window.open_url = opened.append
    window.library_page.folder_button.click()
    folder = paths.user_sessions_dir()
    assert folder.is_dir()
    assert folder == private_home / "sessions"
    assert opened == [QUrl.fromLocalFile(str(folder))]
    assert folder in window.library.folders()


def _contrast(foreground: str, background: str) -> float:
    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_both_themes_have_strong_contrast(colors: Colors) -> None:
    for background in (colors.window, colors.surface):
        assert _contrast(colors.text, background) >= 7.0
        assert _contrast(colors.muted, background) >= 4.5
        assert _contrast(colors.accent, background) >= 4.5
    assert _contrast(colors.accent_text, colors.accent) >= 4.5
    assert _contrast(colors.warning, colors.warning_surface) >= 4.5
    assert _contrast(colors.text, colors.breath_fill) >= 7.0


def test_the_theme_follows_the_system_scheme(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform cannot change scheme, so the system's answer is stood in for."""
    hints = QGuiApplication.styleHints()
    assert window.colors is LIGHT
    monkeypatch.setattr(main_window, "system_prefers_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.colors is DARK
    assert window.runner_page.dial._colors is DARK
    assert QGuiApplication.palette().window().color().name() == DARK.window
    assert DARK.surface in window.styleSheet()
    monkeypatch.setattr(main_window, "system_prefers_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.colors is LIGHT
    assert QGuiApplication.palette().window().color().name() == LIGHT.window


def test_finishing_keeps_the_runner_until_the_person_leaves(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    advance(window, clock, 60.0)
    assert window.driver.state is State.FINISHED
    assert window.page is window.runner_page
    window.runner_page.buttons[Action.STOP].click()
    assert window.page is window.preview_page
    assert window.preview_page.resume_button.isHidden()  # nothing left to continue


def test_first_paint_imports_no_multimedia_speech_or_svg() -> None:
    code = (
        "import sys; import piritimer.app, piritimer.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    for heavy in ("QtMultimedia", "QtTextToSpeech", "QtSvg", "QtDBus", "QtNetwork"):
        assert heavy not in loaded


def test_dropping_a_bundle_opens_its_session_from_the_cache(
    window: MainWindow, tmp_path: Path, sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from piritimer.core.bundle import write_bundle

    monkeypatch.setenv("PIRITIMER_HOME", str(tmp_path / "home"))
    good = write_bundle((sessions_dir / "quick.yaml").read_bytes(), [], tmp_path / "quick")
    assert drop(window, [good]) == (True, True)
    assert window.current_path is not None
    assert window.current_path.name == "session.yaml"
    assert (tmp_path / "home" / "cache" / "bundles") in window.current_path.parents


def test_dropping_a_refused_bundle_says_why_and_opens_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIRITIMER_HOME", str(tmp_path / "home"))
    bad = tmp_path / "bad.piritimer"
    bad.write_text("not a zip")
    before = window.current_path
    assert drop(window, [bad]) == (True, False)
    assert window.current_path == before
    assert "bad.piritimer was not opened: not a readable bundle" in (
        window.statusBar().currentMessage()
    )
