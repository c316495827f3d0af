"""A private Xorg with the dummy video driver and two outputs, for tests with screens that
come and go like real cables: Xvfb shows Qt one screen whatever it is told, this shows two.

``DUMMY0`` plays the laptop (1366×768, primary) and ``DUMMY1`` the projector (1920×1080, to
its right); ``plug``/``unplug``/``set_mode`` change them live with xrandr, and Qt sees screens
added, removed and resized as it would on a laptop. Xorg needs root (or a setuid wrapper);
runs as root in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.xvfb import private_x_server

LAPTOP, PROJECTOR = "DUMMY0", "DUMMY1"
LAPTOP_MODE, PROJECTOR_MODE = "1366x768", "1920x1080"
# CVT modelines (``cvt 1366 768`` etc.): the dummy driver has no monitor to ask.
MODELINES = {
    "1366x768": "85.25 1366 1440 1576 1784 768 771 781 798 -hsync +vsync",
    "1920x1080": "148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync",
    "1280x720": "74.25 1280 1390 1430 1650 720 725 730 750 +hsync +vsync",
}
CONFIG = """\
Section "ServerFlags"
    Option "AutoAddDevices" "false"
    Option "DontVTSwitch" "true"
EndSection
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0-1000.0
    VertRefresh 5.0-200.0
{modelines}
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 4000 2000
        Modes "1366x768"
    EndSubSection
EndSection
"""


def available() -> str | None:
    """Why this machine cannot run it, or None when it can."""
    missing = [tool for tool in ("Xorg", "xrandr") if shutil.which(tool) is None]
    if missing:
        return f"needs {', '.join(missing)}"
    if not Path("/usr/lib/xorg/modules/drivers/dummy_drv.so").exists():
        return "needs xserver-xorg-video-dummy"
    if os.geteuid() != 0:
        return "Xorg with the dummy driver needs root here"
    return None


@dataclass(frozen=True)
class DummyDisplay:
    """A running dummy Xorg: its DISPLAY and xrandr on it."""

    display: str

    def xrandr(self, *arguments: str) -> None:
        subprocess.run(
            ["xrandr", *arguments],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            capture_output=True,
            timeout=20,
        )

    def plug(self, output: str = PROJECTOR, mode: str = PROJECTOR_MODE, x: int = 1366) -> None:
        self.xrandr("--output", output, "--mode", mode, "--pos", f"{x}x0")

    def unplug(self, output: str = PROJECTOR) -> None:
        self.xrandr("--output", output, "--off")

    def set_mode(self, output: str, mode: str) -> None:
        self.xrandr("--output", output, "--mode", mode)


@contextmanager
def private_xorg_dummy(*, projector: bool = True) -> Iterator[DummyDisplay]:
    """Xorg on a free display with a temporary config and log; the laptop output on, the
    projector plugged in too unless ``projector`` is False."""
    with tempfile.TemporaryDirectory(prefix="piritimer-xorg-") as folder:
        base = Path(folder)
        modelines = "\n".join(f'    Modeline "{name}" {line}' for name, line in MODELINES.items())
        (base / "xorg.conf").write_text(CONFIG.format(modelines=modelines), encoding="utf-8")
        (base / "conf.d").mkdir()  # no system snippets (input devices, other drivers)
        command = [
            "Xorg",
            "-config",
            str(base / "xorg.conf"),
            "-configdir",
            str(base / "conf.d"),
            "-logfile",
            str(base / "Xorg.log"),
            "-noreset",
            "-nolisten",
            "tcp",
        ]
        with private_x_server(command, "Xorg (dummy driver)") as display:
            screen = DummyDisplay(display)
            for output in (LAPTOP, PROJECTOR):
                for mode in MODELINES:
                    if mode != LAPTOP_MODE or output != LAPTOP:
                        screen.xrandr("--addmode", output, mode)
            screen.xrandr("--output", LAPTOP, "--mode", LAPTOP_MODE, "--pos", "0x0", "--primary")
            if projector:
                screen.plug()
            yield screen
