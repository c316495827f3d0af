"""The bundled artwork: exercise drawings, the app icon and the desktop entry.

Qt draws SVG with its own SVG Tiny 1.2 renderer, so these tests load every drawing through
QSvgRenderer itself (a Qt warning fails the test, see pyproject's qt_log_level_fail) and check
that it paints something, rather than trusting a browser preview.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "assets" / "images"
ICONS = ROOT / "assets" / "icons"
DESKTOP = ROOT / "data" / "io.github.piritimer.Piritimer.desktop"

EXERCISE_IMAGES = [
    "wall-thigh-squeeze.svg",
    "supine-cross-connect.svg",
    "short-seated-butt-cracker.svg",
    "figure-four.svg",
    "figure-four-pull.svg",
    "sciatic-nerve-floss.svg",
    "peroneal-nerve-floss.svg",
    "positional-release-piriformis.svg",
    "positional-release-psoas.svg",
    "pigeon.svg",
    "seated-figure-four.svg",
    # the one-sided poses flipped for the other side (tests/test_mirrored_images.py)
    "figure-four-mirrored.svg",
    "figure-four-pull-mirrored.svg",
    "seated-figure-four-mirrored.svg",
    "pigeon-mirrored.svg",
    "supine-cross-connect-mirrored.svg",
    "sciatic-nerve-floss-mirrored.svg",
    "peroneal-nerve-floss-mirrored.svg",
    "positional-release-psoas-mirrored.svg",
    "positional-release-piriformis-mirrored.svg",
]
IMAGE_VIEWBOX = (0.0, 0.0, 480.0, 320.0)
# Drawings are shown at many sizes: a few KB of plain shapes, nothing embedded.
MAX_SVG_BYTES = 8 * 1024

ALL_SVGS = sorted(IMAGES.glob("*.svg")) + sorted(ICONS.glob("*.svg"))

# Things Qt's SVG Tiny renderer ignores or draws wrongly, and things a bundled file must never
# carry (code, network or file references, text that would need translating).
FORBIDDEN = {
    "script": re.compile(r"<script", re.IGNORECASE),
    "external http reference": re.compile(r"href\s*=\s*[\"']https?:", re.IGNORECASE),
    "xlink reference to a file": re.compile(r"xlink:href\s*=\s*[\"'](?!#)", re.IGNORECASE),
    "href to a file": re.compile(r"(?<![:\w])href\s*=\s*[\"'](?!#)", re.IGNORECASE),
    "text": re.compile(r"<(text|tspan|textArea)\b", re.IGNORECASE),
    "embedded image": re.compile(r"<image\b", re.IGNORECASE),
    "filter": re.compile(r"<filter\b|\bfilter\s*=", re.IGNORECASE),
    "mask": re.compile(r"<mask\b|\bmask\s*=", re.IGNORECASE),
    "marker": re.compile(r"<marker\b|\bmarker(-start|-mid|-end)?\s*=", re.IGNORECASE),
    "CSS": re.compile(r"<style\b|\bclass\s*=|\bstyle\s*=", re.IGNORECASE),
    "currentColor": re.compile(r"currentColor", re.IGNORECASE),
    "foreignObject": re.compile(r"<foreignObject\b", re.IGNORECASE),
}


def render(svg: Path, width: int) -> QImage:
    """Draw ``svg`` onto a transparent image ``width`` pixels wide, as the app would."""
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid(), f"{svg.name}: Qt cannot parse it"
    box = renderer.viewBoxF()
    height = round(width * box.height() / box.width())
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def argb_pixels(image: QImage) -> list[int]:
    """Every pixel as a 0xAARRGGBB int (the image must be Format_ARGB32)."""
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    row_bytes = image.width() * 4
    pixels: list[int] = []
    for y in range(image.height()):
        row = data[y * stride : y * stride + row_bytes]
        pixels.extend(int.from_bytes(row[i : i + 4], "little") for i in range(0, row_bytes, 4))
    return pixels


def test_every_exercise_image_is_bundled() -> None:
    missing = [name for name in EXERCISE_IMAGES if not (IMAGES / name).is_file()]
    assert missing == []


def test_the_app_icon_is_bundled_as_svg_and_png() -> None:
    assert (ICONS / "piritimer.svg").is_file()
    assert (ICONS / "piritimer.png").is_file()


@pytest.mark.parametrize("svg", ALL_SVGS, ids=lambda path: path.name)
def test_svg_uses_only_what_qt_draws_and_nothing_external(svg: Path) -> None:
    text = svg.read_text(encoding="utf-8")
    found = [what for what, pattern in FORBIDDEN.items() if pattern.search(text)]
    assert found == []
    assert len(text.encode("utf-8")) <= MAX_SVG_BYTES


@pytest.mark.parametrize("svg", ALL_SVGS, ids=lambda path: path.name)
def test_svg_loads_in_qt_with_a_view_box(qapp: QApplication, svg: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() > 0
    assert box.height() > 0


@pytest.mark.parametrize("name", EXERCISE_IMAGES)
def test_exercise_images_share_one_3_by_2_view_box(qapp: QApplication, name: str) -> None:
    box = QSvgRenderer(str(IMAGES / name)).viewBoxF()
    assert (box.x(), box.y(), box.width(), box.height()) == IMAGE_VIEWBOX


@pytest.mark.parametrize("svg", ALL_SVGS, ids=lambda path: path.name)
def test_svg_paints_a_picture(qapp: QApplication, svg: Path) -> None:
    pixels = argb_pixels(render(svg, 96))
    opaque = [pixel for pixel in pixels if pixel >> 24 == 0xFF]
    # A real drawing covers much of its area and uses several colours (backdrop, figure,
    # accent); an empty or one-shape file does neither.
    assert len(opaque) > len(pixels) // 3
    assert len(set(opaque)) >= 4


@pytest.mark.parametrize("name", EXERCISE_IMAGES)
def test_exercise_image_has_an_opaque_backdrop(qapp: QApplication, name: str) -> None:
    """The drawing brings its own card, so it reads the same on light and dark windows."""
    image = render(IMAGES / name, 120)
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    corner_inset = image.pixelColor(12, image.height() // 2)
    assert centre.alpha() == 255
    assert corner_inset.alpha() == 255


def test_icon_png_is_rendered_from_the_svg(qapp: QApplication) -> None:
    png = QImage(str(ICONS / "piritimer.png")).convertToFormat(QImage.Format.Format_ARGB32)
    assert (png.width(), png.height()) == (256, 256)
    fresh = render(ICONS / "piritimer.svg", 256)
    difference = sum(
        abs(a - b) for a, b in zip(bytes(png.constBits()), bytes(fresh.constBits()), strict=True)
    )
    # Anti-aliasing may differ by a step here and there; a stale PNG differs everywhere.
    assert difference / (256 * 256 * 4) < 1.0


def read_desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_desktop_entry_has_the_required_keys() -> None:
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "piritimer"
    assert entry["GenericName"] == "Exercise Timer"
    assert entry["Comment"]
    assert entry["Exec"] == "piritimer %f"
    assert entry["Icon"] == "io.github.piritimer.Piritimer"
    assert entry["Terminal"] == "false"
    # One main category (the menu specification); Qt is an additional one.
    assert entry["Categories"] == "Utility;Qt;"
    # Our own type for .piritimer bundles, and nothing else: the entry must not claim every
    # YAML file on the system.
    assert entry["MimeType"] == "application/x-piritimer;"
    assert entry["Keywords"].endswith(";")
    assert "exercise" in entry["Keywords"].split(";")


def test_desktop_entry_icon_name_matches_the_bundled_icon() -> None:
    hicolor = ROOT / "data" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{read_desktop_entry()['Icon']}.svg").is_file()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (Debian package desktop-file-utils) is not installed",
)
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert result.returncode == 0, result.stdout + result.stderr
    assert errors == []


MIME_XML = ROOT / "data" / "io.github.piritimer.Piritimer.xml"


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None,
    reason="update-mime-database (Debian package shared-mime-info) is not installed",
)
def test_the_bundle_mime_type_installs_and_maps_its_suffix(tmp_path: Path) -> None:
    from piritimer.core.bundle import MIME_TYPE, SUFFIX

    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages / "piritimer.xml")
    result = subprocess.run(
        ["update-mime-database", str(tmp_path / "mime")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # It notes that a temporary folder is not on the search path; a mistake names the file.
    assert "piritimer.xml" not in result.stderr, result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"50:{MIME_TYPE}:*{SUFFIX}" in globs
    assert f"{MIME_TYPE} application/zip" in (tmp_path / "mime" / "subclasses").read_text()
    assert read_desktop_entry()["MimeType"] == f"{MIME_TYPE};"
