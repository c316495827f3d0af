"""No display, or no Qt platform library: a plain message and exit 1, never a core dump."""

from __future__ import annotations

import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from piritimer.startup_check import (
    NO_DISPLAY,
    X11_SOCKET_DIR,
    Verdict,
    candidate_platforms,
    check,
    every_library,
    preflight,
    probe_wayland_display,
    probe_x11_display,
)
from tests.xvfb import private_xvfb

ROOT = Path(__file__).resolve().parent.parent


def no_display_environment(**extra: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")
    }
    return {**environment, **extra}


def run_piritimer(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "piritimer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )


def dead_display() -> str:
    number = 4711
    while Path(X11_SOCKET_DIR, f"X{number}").exists():
        number += 1
    return f":{number}"


def no_x11_problem(display: str) -> None:
    del display


# -- the app, as a person starts it -----------------------------------------------------------


def test_a_dead_display_is_a_message_and_exit_1() -> None:
    display = dead_display()
    done = run_piritimer(env=no_display_environment(DISPLAY=display, QT_QPA_PLATFORM="xcb"))
    assert done.returncode == 1
    assert f'cannot connect to the X display "{display}": no X server is running' in done.stderr
    assert "Traceback" not in done.stderr
    assert "qt.qpa" not in done.stderr  # Qt never got as far as trying
    assert done.stdout == ""


def test_no_display_at_all_says_so() -> None:
    done = run_piritimer(env=no_display_environment())
    assert done.returncode == 1
    assert NO_DISPLAY in done.stderr
    assert "Traceback" not in done.stderr


def test_help_and_version_need_no_display() -> None:
    done = run_piritimer("--version", env=no_display_environment())
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("piritimer ")


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "sessions/complete-routine.yaml"),
        ("show", "sessions/complete-routine.yaml"),
        ("schema",),
        ("new",),
    ],
)
def test_commands_need_no_display_and_load_no_qt(args: tuple[str, ...]) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from piritimer.cli import main
        code = main({list(args)!r})
        loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print("QT-LOADED:", loaded, file=sys.stderr)
        sys.exit(code)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=no_display_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert "QT-LOADED: []" in done.stderr


def test_the_check_itself_loads_no_qt() -> None:
    """It must run where importing Qt would abort: find_spec reads PySide6, never imports it."""
    script = textwrap.dedent(
        """
        import sys
        from piritimer.startup_check import check, qt_platform_plugin_dir
        assert qt_platform_plugin_dir() is not None
        check({"DISPLAY": ":4711"})
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=no_display_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


# -- what is checked --------------------------------------------------------------------------


def test_a_missing_xcb_library_names_its_package() -> None:
    def load(soname: str) -> None:
        if soname == "libxcb-cursor.so.0":
            raise OSError(f"{soname}: cannot open shared object file")

    verdict = check(
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"},
        system="linux",
        load=load,
        probe_x11=no_x11_problem,
    )
    assert not verdict.ok
    message = verdict.message()
    assert "the X11 (xcb) platform needs libxcb-cursor.so.0 (package libxcb-cursor0)" in message
    assert "sudo apt install libxcb-cursor0\n" in message
    assert "validate, show and schema work without a display" in message


def test_a_missing_qt_gui_library_stops_even_offscreen() -> None:
    def load(soname: str) -> None:
        if soname in ("libEGL.so.1", "libfontconfig.so.1"):
            raise OSError(soname)

    verdict = check({"QT_QPA_PLATFORM": "offscreen"}, system="linux", load=load)
    assert not verdict.ok
    assert "sudo apt install libegl1 libfontconfig1" in verdict.message()


def test_everything_present_is_ok() -> None:
    verdict = check({"DISPLAY": ":0"}, system="linux", load=every_library, probe_x11=no_x11_problem)
    assert verdict == Verdict(("xcb",), ())


def test_headless_platforms_need_no_display() -> None:
    assert check({"QT_QPA_PLATFORM": "offscreen"}, system="linux", load=every_library).ok


def nothing(soname: str) -> None:
    raise OSError(soname)


def test_windows_and_macos_are_not_checked() -> None:
    assert check({}, system="win32", load=nothing).ok
    assert check({}, system="darwin", load=nothing).ok


def test_the_bsds_get_the_display_checked_not_linux_library_names() -> None:
    environ = {"DISPLAY": ":0"}
    assert check(environ, system="freebsd14", load=nothing, probe_x11=no_x11_problem).ok
    assert not check(environ, system="linux", load=nothing, probe_x11=no_x11_problem).ok


def test_an_unknown_platform_lists_the_ones_qt_has(tmp_path: Path) -> None:
    for name in ("libqxcb.so", "libqoffscreen.so"):
        (tmp_path / name).touch()
    verdict = check(
        {"QT_QPA_PLATFORM": "bogus"}, system="linux", load=every_library, plugin_dir=tmp_path
    )
    assert not verdict.ok
    assert 'Qt has no platform plugin "bogus" (QT_QPA_PLATFORM); it has: offscreen, xcb' in (
        verdict.message()
    )


def test_candidates_follow_qt_qpa_platform_then_the_session() -> None:
    assert candidate_platforms({"QT_QPA_PLATFORM": "wayland;xcb:dpi=96"}) == ("wayland", "xcb")
    assert candidate_platforms({"WAYLAND_DISPLAY": "wayland-0"}) == ("wayland", "xcb")
    assert candidate_platforms({"XDG_SESSION_TYPE": "wayland"}) == ("wayland", "xcb")
    assert candidate_platforms({"DISPLAY": ":0"}) == ("xcb",)


def test_qt_is_steered_away_from_a_platform_that_would_abort() -> None:
    """Wayland works, xcb lacks a library: Qt is told to use Wayland only."""

    def load(soname: str) -> None:
        if soname == "libxcb-cursor.so.0":
            raise OSError(soname)

    environ = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    verdict = check(
        environ,
        system="linux",
        load=load,
        probe_x11=no_x11_problem,
        probe_wayland=lambda name: None,
    )
    assert verdict.usable == ("wayland",)
    assert preflight(environ, verdict=verdict) is None
    assert environ["QT_QPA_PLATFORM"] == "wayland"


def test_preflight_prints_the_message_and_returns_1() -> None:
    verdict = check({}, system="linux", load=every_library)
    stderr = io.StringIO()
    environ: dict[str, str] = {}
    assert preflight(environ, stderr, verdict=verdict) == 1
    assert stderr.getvalue() == verdict.message()
    assert NO_DISPLAY in stderr.getvalue()
    assert environ == {}


def test_preflight_leaves_an_explicit_choice_alone() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    verdict = check(environ, system="linux", load=every_library, probe_x11=no_x11_problem)
    assert preflight(environ, verdict=verdict) is None
    assert environ == {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}


def test_wayland_socket_is_looked_for_in_the_runtime_dir(tmp_path: Path) -> None:
    environ = {"XDG_RUNTIME_DIR": str(tmp_path)}
    missing = probe_wayland_display("wayland-7", environ)
    assert missing is not None
    assert f"no compositor answers at {tmp_path / 'wayland-7'}" in missing
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "wayland-7"))
        listener.listen(1)
        assert probe_wayland_display("wayland-7", environ) is None
        assert probe_wayland_display(str(tmp_path / "wayland-7"), {}) is None
    assert "XDG_RUNTIME_DIR is not set" in (probe_wayland_display("wayland-7", {}) or "")


def test_a_bad_display_name_is_not_a_crash() -> None:
    assert "not an X display name" in (probe_x11_display("nonsense") or "")


# -- a real X server --------------------------------------------------------------------------


def _xauthority_entry(cookie: bytes) -> bytes:
    def field(data: bytes) -> bytes:
        return len(data).to_bytes(2, "big") + data

    family_local = (256).to_bytes(2, "big")
    name = b"MIT-MAGIC-COOKIE-1"
    return (
        family_local
        + field(socket.gethostname().encode())
        + field(b"")
        + field(name)
        + (field(cookie))
    )


@pytest.fixture
def locked_display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb that admits only holders of a cookie we keep to ourselves."""
    if shutil.which("Xvfb") is None and os.environ.get("CI") != "true":
        pytest.skip("needs Xvfb")
    server_auth = tmp_path / "server-auth"
    server_auth.write_bytes(_xauthority_entry(secrets.token_bytes(16)))
    with private_xvfb("-auth", str(server_auth)) as display:
        yield display


@pytest.mark.hardware
def test_an_x_server_that_refuses_is_a_message_and_exit_1(
    locked_display: str, tmp_path: Path
) -> None:
    no_cookie = tmp_path / "client-auth"
    no_cookie.touch()
    env = no_display_environment(
        DISPLAY=locked_display, QT_QPA_PLATFORM="xcb", XAUTHORITY=str(no_cookie)
    )
    done = run_piritimer(env=env)
    assert done.returncode == 1
    assert f'cannot connect to the X display "{locked_display}": the X server refused' in (
        done.stderr
    )
    assert "Traceback" not in done.stderr


@pytest.mark.hardware
def test_a_live_x_server_passes(
    locked_display: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same server with its cookie lets us in: the check does not refuse a good display."""
    monkeypatch.setenv("XAUTHORITY", str(tmp_path / "server-auth"))
    assert probe_x11_display(locked_display) is None
    assert check({"DISPLAY": locked_display, "QT_QPA_PLATFORM": "xcb"}).ok
