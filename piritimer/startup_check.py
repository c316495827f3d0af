"""Before the window: is there a display Qt can use, and the libraries its plugin needs?

Qt aborts the whole process when it cannot start its platform plugin ("could not load the Qt
platform plugin "xcb"" and a core dump), usually because a system library is missing
(``libxcb-cursor0`` since Qt 6.5) or because there is no display to talk to. This module asks
the same questions first, without importing Qt, so the person reads what is missing and which
package provides it, and the app exits 1.

Only Linux and the BSDs are checked: on Windows and macOS Qt's platform plugin ships with the
wheel and needs nothing more.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import socket
import sys
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from piritimer.core.i18n import N_, _

Loader = Callable[[str], None]
"""Loads a shared library by soname; raises OSError if it cannot."""
Probe = Callable[[str], str | None]
"""Tries to reach a display by name; returns why it could not, or None."""

# Sonames Qt's libraries link against, each with the Debian and Ubuntu package that has it
# (read from PySide6 6.11's libQt6Gui, libqxcb/libQt6XcbQpa and libqwayland with readelf -d).
GUI_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
}
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
# Platforms that draw without a display server; they need only Qt's own GUI libraries.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb"})
X11_SOCKET_DIR = "/tmp/.X11-unix"
X11_TCP_PORT = 6000
CONNECT_TIMEOUT_S = 2.0
XCB_CONN_CLOSED_INVALID_SCREEN = 6
NO_DISPLAY = N_(
    "no display: neither DISPLAY nor WAYLAND_DISPLAY is set "
    "(start piritimer from a desktop session)"
)


@dataclass(frozen=True)
class Problem:
    platform: str
    text: str
    packages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    usable: tuple[str, ...]
    """The candidate platforms that should start, in the order Qt is to try them."""
    problems: tuple[Problem, ...]
    """What stops the others (and, when none can start, all of them)."""
    checked: bool = True
    """False where nothing needs checking (Windows, macOS)."""

    @property
    def ok(self) -> bool:
        return bool(self.usable) or not self.checked

    def message(self) -> str:
        """What is missing and what to install, for a person at a terminal."""
        lines = [_("piritimer cannot open its window:")]
        lines += [f"  - {problem.text}" for problem in self.problems]
        packages = sorted({package for problem in self.problems for package in problem.packages})
        if packages:
            lines.append(
                _("Install the missing packages, e.g.: {command}").format(
                    command=f"sudo apt install {' '.join(packages)}"
                )
            )
        lines.append(_("(piritimer validate, show and schema work without a display.)"))
        return "\n".join(lines) + "\n"


def load_library(soname: str) -> None:
    ctypes.CDLL(soname)


def every_library(soname: str) -> None:
    """A loader that finds everything (where the library names are not known)."""
    del soname


def candidate_platforms(environ: Mapping[str, str]) -> tuple[str, ...]:
    """The Qt platforms that will be tried, in order, from the environment as Qt reads it."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "wayland;xcb" is a list to try in turn; "xcb:option=value" carries plugin options.
        names = (name.split(":", 1)[0].strip() for name in chosen.split(";"))
        return tuple(name for name in names if name)
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return ("wayland", "xcb")
    return ("xcb",)


def check(
    environ: Mapping[str, str] = os.environ,
    *,
    system: str = sys.platform,
    load: Loader = load_library,
    probe_x11: Probe | None = None,
    probe_wayland: Probe | None = None,
    plugin_dir: Path | None = None,
) -> Verdict:
    """Which candidate platforms can start here, and what stops the others."""
    if system in ("win32", "darwin"):
        return Verdict((), (), checked=False)
    platforms = candidate_platforms(environ)
    x11 = probe_x11 or probe_x11_display
    wayland = probe_wayland or (lambda name: probe_wayland_display(name, environ))
    plugins = plugin_dir if plugin_dir is not None else qt_platform_plugin_dir()
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        plugins = None  # plugins from elsewhere: Qt knows better than we do
    if not system.startswith("linux"):
        # The sonames and package names are Linux's; on the BSDs only the display is checked.
        load = every_library
    base = _missing(GUI_LIBRARIES, load, "Qt", _("Qt needs {soname} (package {package})"))
    usable: list[str] = []
    problems: list[Problem] = list(base)
    for platform in platforms:
        found = _platform_problems(platform, environ, load, x11, wayland, plugins)
        if not found and not base:
            usable.append(platform)
        problems += found
    return Verdict(tuple(usable), tuple(problems))


def _platform_problems(
    platform: str,
    environ: Mapping[str, str],
    load: Loader,
    x11: Probe,
    wayland: Probe,
    plugins: Path | None,
) -> list[Problem]:
    if plugins is not None and not (plugins / f"libq{platform}.so").exists():
        known = sorted(
            path.name.removeprefix("libq").removesuffix(".so") for path in plugins.glob("libq*.so")
        )
        return [
            Problem(
                platform,
                _(
                    'Qt has no platform plugin "{platform}" (QT_QPA_PLATFORM); it has: {known}'
                ).format(platform=platform, known=", ".join(known)),
            )
        ]
    if platform in HEADLESS_PLATFORMS:
        return []
    if platform == "xcb":
        missing = _missing(
            XCB_LIBRARIES,
            load,
            "the X11 (xcb) platform",
            _("the X11 (xcb) platform needs {soname} (package {package})"),
        )
        if missing:
            return missing
        display = environ.get("DISPLAY", "")
        if not display:
            if not environ.get("WAYLAND_DISPLAY"):
                return [Problem(platform, _(NO_DISPLAY))]
            return [Problem(platform, _("no X11 display: DISPLAY is not set"))]
        why = x11(display)
        text = _('cannot connect to the X display "{display}": {why}')
        return [Problem(platform, text.format(display=display, why=why))] if why else []
    if platform == "wayland":
        missing = _missing(
            WAYLAND_LIBRARIES,
            load,
            "the Wayland platform",
            _("the Wayland platform needs {soname} (package {package})"),
        )
        if missing:
            return missing
        name = environ.get("WAYLAND_DISPLAY", "")
        if not name:
            return [Problem(platform, _("no Wayland display: WAYLAND_DISPLAY is not set"))]
        why = wayland(name)
        text = _('cannot connect to Wayland "{name}": {why}')
        return [Problem(platform, text.format(name=name, why=why))] if why else []
    return []  # a platform we know nothing about: let Qt try it


def _missing(
    libraries: Mapping[str, str], load: Loader, needed_by: str, text: str
) -> list[Problem]:
    """``text`` says what ``needed_by`` lacks, with ``{soname}`` and ``{package}``."""
    problems = []
    for soname, package in libraries.items():
        try:
            load(soname)
        except OSError:
            said = text.format(soname=soname, package=package)
            problems.append(Problem(needed_by, said, (package,)))
    return problems


# -- reaching a display -----------------------------------------------------------------------


def probe_x11_display(display: str) -> str | None:
    """Is an X server listening there, and does it let us in? (libxcb, as Qt will connect.)"""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return _probe_x11_socket(display)  # and libxcb1 is reported missing
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    connection = xcb.xcb_connect(display.encode(), None)
    error = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    if not error:
        return None
    # Only now look for a listener, to say which of the two it was: a bare connection made
    # before libxcb's can make a fresh server drop the next one.
    unreachable = _probe_x11_socket(display)
    if unreachable:
        return unreachable
    if error == XCB_CONN_CLOSED_INVALID_SCREEN:
        return _("the X server has no such screen")
    return _("the X server refused the connection (no access: check XAUTHORITY or xhost)")


def _probe_x11_socket(display: str) -> str | None:
    """Is anything listening where the display name points?"""
    host, _colon, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return _("that is not an X display name (expected e.g. :0)")
    if host not in ("", "unix"):
        try:
            socket.create_connection(
                (host, X11_TCP_PORT + int(number)), timeout=CONNECT_TIMEOUT_S
            ).close()
        except OSError as error:
            return _("no X server answers on {host} ({reason})").format(
                host=host, reason=error.strerror or error
            )
        return None
    path = f"{X11_SOCKET_DIR}/X{number}"
    # Linux servers also listen in the abstract namespace, which a sandbox may leave visible
    # when /tmp/.X11-unix is not.
    addresses = [path, f"\0{path}"] if sys.platform.startswith("linux") else [path]
    for address in addresses:
        try:
            with socket.socket(socket.AF_UNIX) as unix:
                unix.settimeout(CONNECT_TIMEOUT_S)
                unix.connect(address)
        except OSError:
            continue
        return None
    return _("no X server is running there (nothing listens at {path})").format(path=path)


def probe_wayland_display(name: str, environ: Mapping[str, str]) -> str | None:
    if name.startswith("/"):
        path = name
    else:
        runtime = environ.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return _("XDG_RUNTIME_DIR is not set, so the compositor's socket cannot be found")
        path = os.path.join(runtime, name)
    try:
        with socket.socket(socket.AF_UNIX) as unix:
            unix.settimeout(CONNECT_TIMEOUT_S)
            unix.connect(path)
    except OSError as error:
        return _("no compositor answers at {path} ({reason})").format(
            path=path, reason=error.strerror or error
        )
    return None


def qt_platform_plugin_dir() -> Path | None:
    """PySide6's ``Qt/plugins/platforms``, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "Qt" / "plugins" / "platforms"
        if folder.is_dir():
            return folder
    return None


# -- the front door ---------------------------------------------------------------------------


def preflight(
    environ: MutableMapping[str, str] = os.environ,
    stderr: TextIO | None = None,
    *,
    verdict: Verdict | None = None,
) -> int | None:
    """Exit status 1 after saying what is missing, or None if the window can open.

    When Qt would choose the platform itself and one of its choices cannot start, it is told
    to try only those that can: its xcb plugin aborts the process where Wayland would have
    worked.
    """
    result = verdict if verdict is not None else check(environ)
    if not result.ok:
        (stderr or sys.stderr).write(result.message())
        return 1
    if result.problems and result.usable and not environ.get("QT_QPA_PLATFORM"):
        environ["QT_QPA_PLATFORM"] = ";".join(result.usable)
    return None
