"""Services: everything the windows are given, built once by the composition root.

``piritimer.app.build_services`` makes the real ones; tests build their own with fakes. The
windows never look a service up or create one themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from piritimer.platform.media_remote import MediaRemote
from piritimer.practice import NullPracticeLog, PracticeLog
from piritimer.qt.driver import EngineDriver
from piritimer.ui.keep_awake import KeepAwake
from piritimer.ui.library import LibraryModel
from piritimer.ui.progress_book import ProgressBook
from piritimer.ui.reminders import Reminders
from piritimer.ui.tray import Tray

if TYPE_CHECKING:
    # Types only: the audio, editor and presentation modules load after the first paint.
    from piritimer.audio.guide import AudioGuide
    from piritimer.editor.windows import EditorWindows
    from piritimer.remote.service import RemoteService


class Captioned(Protocol):
    """An open presentation, as the home window sees it: it shows the spoken lines, and
    says when it is left."""

    def show_caption(self, text: str) -> None: ...

    def on_closed(self, callback: Callable[[], None]) -> None: ...


class PresentationOpener(Protocol):
    """Opens presentation mode for ``driver``; None when the teacher cancelled the picker.

    Raises ValueError, with the screens listed, for a screen number that is not there.
    """

    def __call__(
        self,
        driver: EngineDriver,
        screen: int | None,
        parent: QWidget | None,
        *,
        starts_in_s: float | None = None,
    ) -> Captioned | None: ...


@dataclass(frozen=True)
class Services:
    """The app's services, one of each.

    New services join this list and are built in ``piritimer.app.build_services`` like the
    others; those with a default here have a do-nothing stand-in for tests.
    """

    settings: QSettings
    library: LibraryModel
    """The sessions on show, with their folders and files watched for changes."""
    driver: EngineDriver
    """The one engine that runs sessions, for the home window and presentation mode alike."""
    audio: AudioGuide
    """Sound cues and voice; silent until the root gives it the real outputs."""
    keep_awake: KeepAwake
    editors: EditorWindows
    present: PresentationOpener
    progress: ProgressBook
    """Today's values of ranges and how plans stand, from past runs and the person's choices."""
    reminders: Reminders
    """Reminders at chosen times; silent until the root gives it the desktop's notifications."""
    tray: Tray
    """The tray icon, or nothing where the desktop has no tray."""
    remote: RemoteService | None = None
    """The phone remote, which the presentation opener attaches to each presentation; None
    where there is none (tests)."""
    startup_notices: tuple[str, ...] = ()
    """What went wrong while the services were built (a settings file kept aside), for the
    window to tell once it exists."""
    media: MediaRemote = field(default_factory=MediaRemote)
    """The media remote (MPRIS) that headsets and media widgets drive; its bus backend joins
    after the first paint, and without a bus it does nothing."""
    practice: PracticeLog = field(default_factory=NullPracticeLog)
    """The practice log: every run of a session (a do-nothing log where none can be kept)."""
