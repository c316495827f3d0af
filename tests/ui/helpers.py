"""Shared helpers for the window's tests: a fake clock, fakes of the hardware services, and
Services made of them, passed to the windows through their constructors as the app does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from piritimer.audio.guide import AudioGuide
from piritimer.audio.settings_store import load_audio_settings
from piritimer.core.engine import Engine
from piritimer.core.past_run import NoHistory
from piritimer.editor.windows import EditorWindows
from piritimer.qt.driver import EngineDriver
from piritimer.ui.keep_awake import KeepAwake
from piritimer.ui.library import LibraryModel
from piritimer.ui.main_window import MainWindow, empty_timeline
from piritimer.ui.progress_book import ProgressBook
from piritimer.ui.reminders import Reminders
from piritimer.ui.services import Captioned, Services
from piritimer.ui.tray import Tray

FIXTURES = Path(__file__).parent / "fixtures"


class FakeClock:
    """Monotonic time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock and let the driver catch up, as its timer would."""
    clock.now += seconds
    window.driver.poke()


class FakeInhibitor:
    """Records what the window asks of the screen saver."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.active = False

    def inhibit(self, reason: str) -> None:
        self.calls.append(f"inhibit: {reason}")
        self.active = True

    def release(self) -> None:
        self.calls.append("release")
        self.active = False


class FakePresentation:
    def __init__(self) -> None:
        self.captions: list[str] = []
        self.closed: list[Callable[[], None]] = []

    def show_caption(self, text: str) -> None:
        self.captions.append(text)

    def on_closed(self, callback: Callable[[], None]) -> None:
        self.closed.append(callback)

    def leave(self) -> None:
        for callback in self.closed:
            callback()


class FakePresenter:
    """Opens a FakePresentation (or, with ``answer``, returns that or raises it)."""

    def __init__(self, answer: Captioned | Exception | None = None) -> None:
        self.answer: Captioned | Exception | None = answer or FakePresentation()
        self.calls: list[tuple[str, int | None, float | None]] = []

    def __call__(
        self,
        driver: EngineDriver,
        screen: int | None,
        parent: QWidget | None,
        *,
        starts_in_s: float | None = None,
    ) -> Captioned | None:
        self.calls.append((driver.engine.timeline.session.title, screen, starts_in_s))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def make_services(clock: FakeClock, library: LibraryModel, settings: QSettings) -> Services:
    """Services as piritimer.app builds them, on a fake clock, silent, with fakes for the
    screen saver and the projector. The audio guide is the real one on its silent outputs."""
    driver = EngineDriver(Engine(empty_timeline(), clock=clock))
    return Services(
        settings=settings,
        library=library,
        driver=driver,
        audio=AudioGuide(driver, load_audio_settings(settings), driver),
        keep_awake=KeepAwake(FakeInhibitor()),
        editors=EditorWindows(),
        present=FakePresenter(),
        progress=ProgressBook(settings, NoHistory()),
        reminders=Reminders(settings),
        tray=Tray(settings, Path(settings.fileName()).parent / "autostart", QIcon()),
    )
