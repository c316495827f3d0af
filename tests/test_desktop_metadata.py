"""What a distribution packages besides the code: the desktop entry, the hicolor icons and the
AppStream metainfo in data/, all named after one reverse-DNS app id (piritimer.paths.APP_ID).

Installed paths (a package or ``make install`` puts them here, PREFIX usually /usr):
PREFIX/share/applications/APP_ID.desktop, PREFIX/share/metainfo/APP_ID.metainfo.xml,
PREFIX/share/icons/hicolor/SIZExSIZE/apps/APP_ID.png and .../scalable/apps/APP_ID.svg.
"""

from __future__ import annotations

import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from piritimer import __version__
from piritimer.paths import APP_ID
from tests.test_assets import read_desktop_entry, render

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
METAINFO = DATA / f"{APP_ID}.metainfo.xml"
HICOLOR = DATA / "icons" / "hicolor"
ICON_SVG = ROOT / "assets" / "icons" / "piritimer.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def metainfo() -> ElementTree.Element:
    return ElementTree.parse(METAINFO).getroot()


def text(element: ElementTree.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"no <{path}> in the metainfo"
    return (found.text or "").strip()


def test_every_file_is_named_after_the_app_id() -> None:
    assert (DATA / f"{APP_ID}.desktop").is_file()
    assert read_desktop_entry()["Icon"] == APP_ID
    # On X11, Qt's WM_CLASS is the application name, not the id (tests/test_frozen.py).
    assert read_desktop_entry()["StartupWMClass"] == "piritimer"
    root = metainfo()
    assert text(root, "id") == APP_ID
    assert text(root, "launchable") == f"{APP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"  # type: ignore[union-attr]
    # Reverse DNS of the homepage's host: io.github.piritimer <-> github.com/piritimer.
    homepage = PROJECT["urls"]["Homepage"]
    assert homepage.startswith("https://github.com/piritimer/")
    assert text(root, "url[@type='homepage']") == homepage


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail; infos and pedantic notes (the id's capital letter, which
    # reverse-DNS ids of desktop apps usually have) do not.
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []


def test_metainfo_says_what_a_software_centre_shows() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert text(root, "metadata_license") == "CC0-1.0"
    assert text(root, "project_license") == PROJECT["license"] == "MIT"
    assert text(root, "name") == PROJECT["name"]
    assert text(root, "summary")
    assert len(root.findall("description/p")) >= 1
    assert text(root, "developer/name") == PROJECT["authors"][0]["name"]
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert text(root, "url[@type='bugtracker']") == PROJECT["urls"]["Issues"]
    # The newest release is the project's version.
    releases = root.findall("releases/release")
    assert releases
    assert releases[0].get("version") == PROJECT["version"] == __version__


def test_screenshots_are_the_repositorys_own_files() -> None:
    screenshots = metainfo().findall("screenshots/screenshot")
    assert len(screenshots) >= 3
    assert [shot.get("type") for shot in screenshots].count("default") == 1
    raw = PROJECT["urls"]["Homepage"].replace(
        "https://github.com/", "https://raw.githubusercontent.com/"
    )
    for shot in screenshots:
        assert text(shot, "caption")
        image = shot.find("image")
        assert image is not None
        url = (image.text or "").strip()
        assert url.startswith(f"{raw}/main/docs/screenshots/")
        local = ROOT / url.removeprefix(f"{raw}/main/")
        png = QImage(str(local))
        assert not png.isNull(), f"{url} names no screenshot in docs/screenshots"
        declared = (int(image.get("width", "0")), int(image.get("height", "0")))
        assert (png.width(), png.height()) == declared


def test_the_scalable_icon_is_the_app_icon() -> None:
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == ICON_SVG.read_bytes()


@pytest.mark.parametrize("size", SIZES)
def test_each_hicolor_png_is_rendered_from_the_svg(qapp: QApplication, size: int) -> None:
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    png = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    assert (png.width(), png.height()) == (size, size), "run python tools/render_icons.py"
    fresh = render(ICON_SVG, size)
    difference = sum(
        abs(a - b) for a, b in zip(bytes(png.constBits()), bytes(fresh.constBits()), strict=True)
    )
    # Anti-aliasing may differ by a step here and there; a stale PNG differs everywhere.
    assert difference / (size * size * 4) < 1.0, "run python tools/render_icons.py"


def test_no_other_icon_sizes_lie_around() -> None:
    folders = {path.name for path in HICOLOR.iterdir()}
    assert folders == {f"{size}x{size}" for size in SIZES} | {"scalable"}


def test_the_desktop_entry_metainfo_and_mime_type_speak_every_shipped_language() -> None:
    from piritimer.core import i18n

    entry = read_desktop_entry()
    root = metainfo()
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    summaries = {s.get(lang_attr) for s in root.findall("summary")}
    mime = ElementTree.parse(DATA / f"{APP_ID}.xml").getroot()
    comments = {
        c.get(lang_attr)
        for c in mime.iter("{http://www.freedesktop.org/standards/shared-mime-info}comment")
    }
    for language in i18n.SHIPPED_LANGUAGES:
        if language == i18n.SOURCE_LANGUAGE:
            continue
        for key in ("GenericName", "Comment", "Keywords"):
            assert entry.get(f"{key}[{language}]"), f"no {key}[{language}] in the desktop entry"
        assert language in summaries
        assert language in comments
    # Software centres count the app's languages from its gettext catalogs.
    assert text(root, "translation[@type='gettext']") == i18n.DOMAIN


def test_the_desktop_finds_the_app_from_its_player_and_its_notifications() -> None:
    """MPRIS's DesktopEntry and a notification's icon and desktop-entry hint name the
    desktop file and icon by the app id, as installed from data/."""
    from piritimer.platform import mpris, notifications_dbus

    assert mpris.DESKTOP_ENTRY == APP_ID
    assert (DATA / f"{mpris.DESKTOP_ENTRY}.desktop").is_file()
    assert notifications_dbus.ICON == read_desktop_entry()["Icon"]
    assert notifications_dbus.HINTS == {"desktop-entry": APP_ID}
