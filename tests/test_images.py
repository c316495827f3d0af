"""Pictures from strangers: decoded once, capped, shared, and refused with one clear notice."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.widgets.image import ImageView
from piritimer.widgets.image_cache import MAX_SHOWN_SIDE, ImageCache
from tests.app_locale import locale_default

DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="40" height="20">{body}</svg>'
)


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    """The notices' sizes as the English app writes them ("8,000 × 8,000")."""
    with locale_default("en"):
        yield


@pytest.fixture
def cache() -> ImageCache:
    return ImageCache()


@pytest.fixture
def notices(cache: ImageCache) -> list[str]:
    told: list[str] = []
    cache.notice.connect(told.append)
    return told


def view(qtbot: QtBot, cache: ImageCache, path: Path | None) -> ImageView:
    widget = ImageView(cache=cache)
    qtbot.addWidget(widget)
    widget.resize(200, 150)
    widget.set_path(path)
    return widget


def png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_Mono)
    image.fill(1)
    assert image.save(str(path), "PNG")
    return path


def test_a_bundled_drawing_is_shown(qtbot: QtBot, cache: ImageCache, notices: list[str]) -> None:
    widget = view(qtbot, cache, paths.images_dir() / "figure-four.svg")
    assert widget.has_image()
    assert widget.problem is None
    assert not widget.natural_size().isEmpty()
    widget.grab()  # paints without a warning
    assert notices == []


def test_every_bundled_image_passes_the_checks(cache: ImageCache) -> None:
    for image in sorted(paths.images_dir().iterdir()):
        assert cache.picture(image).problem is None, image


def test_the_same_picture_in_two_views_is_decoded_once(
    qtbot: QtBot, cache: ImageCache, tmp_path: Path
) -> None:
    picture = png(tmp_path / "knee.png", 300, 200)
    first, second = view(qtbot, cache, picture), view(qtbot, cache, picture)
    first.grab()
    second.grab()
    assert cache.decodes == 1
    assert cache.picture(picture) is cache.picture(picture)
    assert cache.decodes == 1


def test_a_changed_file_is_decoded_again(cache: ImageCache, tmp_path: Path) -> None:
    picture = png(tmp_path / "knee.png", 300, 200)
    assert cache.picture(picture).natural.width() == 300
    png(picture, 120, 200)
    os.utime(picture, ns=(1, 1))  # a different modification time even on a coarse clock
    assert cache.picture(picture).natural.width() == 120
    assert cache.decodes == 2


def test_an_8000_pixel_square_png_is_not_decoded(
    qtbot: QtBot, cache: ImageCache, notices: list[str], tmp_path: Path
) -> None:
    # A few kilobytes that would cost 256 MB decoded: PNG cannot shrink while reading.
    picture = png(tmp_path / "bomb.png", 8000, 8000)
    assert picture.stat().st_size < 100_000
    widget = view(qtbot, cache, picture)
    assert widget.problem == (
        "it is 8,000 × 8,000 pixels; piritimer decodes at most 16.8 megapixels (e.g. 4,096 × 4,096)"
    )
    assert cache.picture(picture).pixmap is None
    assert notices == [
        "Picture 'bomb.png' not shown: it is 8,000 × 8,000 pixels; piritimer decodes at most "
        "16.8 megapixels (e.g. 4,096 × 4,096)."
    ]


def test_a_large_photograph_is_decoded_at_the_shown_size(cache: ImageCache, tmp_path: Path) -> None:
    # JPEG shrinks while reading, so even over the pixel cap it is read straight to 2048 wide.
    image = QImage(5000, 4000, QImage.Format.Format_Grayscale8)
    image.fill(128)
    assert image.save(str(tmp_path / "photo.jpg"), "JPEG")
    picture = cache.picture(tmp_path / "photo.jpg")
    assert picture.problem is None
    assert picture.pixmap is not None
    assert (picture.pixmap.width(), picture.pixmap.height()) == (MAX_SHOWN_SIDE, 1638)


def test_a_jpeg_declaring_30000_pixels_square_is_refused_before_decoding(
    cache: ImageCache, tmp_path: Path
) -> None:
    # A small JPEG whose header (SOF0) is edited to claim 30000 × 30000: shrinking 8 × while
    # reading would still build 3750 × 3750, so it is refused from the header alone.
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(0)
    assert image.save(str(tmp_path / "small.jpg"), "JPEG")
    data = bytearray((tmp_path / "small.jpg").read_bytes())
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = (30000).to_bytes(2, "big") * 2
    (tmp_path / "claims.jpg").write_bytes(bytes(data))
    assert cache.picture(tmp_path / "claims.jpg").problem == (
        "it is 30,000 × 30,000 pixels; piritimer decodes at most 16.8 megapixels "
        "(e.g. 4,096 × 4,096), or 268 megapixels from a JPEG"
    )


def test_a_wide_png_under_the_cap_is_scaled_on_read(cache: ImageCache, tmp_path: Path) -> None:
    picture = cache.picture(png(tmp_path / "wide.png", 4000, 1000))
    assert picture.pixmap is not None
    assert (picture.pixmap.width(), picture.pixmap.height()) == (MAX_SHOWN_SIDE, 512)


def test_an_svg_that_reads_another_file_is_refused_once(
    qtbot: QtBot, cache: ImageCache, notices: list[str], tmp_path: Path
) -> None:
    drawing = tmp_path / "knee.svg"
    body = '<image xlink:href="/home/me/photo.jpg" width="40" height="20"/>'
    drawing.write_text(DRAWING.format(body=body))
    views = [view(qtbot, cache, drawing) for _ in range(3)]
    for widget in views:
        widget.grab()
        widget.repaint()
    assert [w.problem for w in views] == [
        "it refers to '/home/me/photo.jpg' outside the drawing; "
        "piritimer shows only self-contained pictures"
    ] * 3
    assert all(w.has_image() for w in views)  # the placeholder takes the picture's place
    assert len(notices) == 1
    assert notices[0] == (
        "Picture 'knee.svg' not shown: it refers to '/home/me/photo.jpg' outside the drawing; "
        "piritimer shows only self-contained pictures."
    )
    assert cache.decodes == 1


def test_an_svg_with_an_embedded_picture_is_refused(cache: ImageCache, tmp_path: Path) -> None:
    drawing = tmp_path / "knee.svg"
    drawing.write_text(DRAWING.format(body='<image href="data:image/png;base64,iVBORw0KGgo="/>'))
    assert cache.picture(drawing).problem == (
        "it embeds another picture (a data: link), whose size piritimer cannot cap; "
        "export the drawing without embedded images"
    )


def test_an_svg_with_local_references_is_shown(cache: ImageCache, tmp_path: Path) -> None:
    body = (
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
        '<rect id="r" width="10" height="10"/></defs>'
        '<use xlink:href="#r"/><rect width="5" height="5" fill="url(#g)"/>'
    )
    drawing = tmp_path / "knee.svg"
    drawing.write_text(DRAWING.format(body=body))
    picture = cache.picture(drawing)
    assert picture.problem is None
    assert picture.svg is not None
    assert (picture.natural.width(), picture.natural.height()) == (40, 20)


@pytest.mark.qt_log_ignore(r".*")  # QtSvg warns about what it cannot parse, as it should
def test_a_broken_svg_shows_the_placeholder(
    qtbot: QtBot, cache: ImageCache, notices: list[str], tmp_path: Path
) -> None:
    drawing = tmp_path / "knee.svg"
    drawing.write_text("<svg><unclosed")
    widget = view(qtbot, cache, drawing)
    widget.grab()
    assert widget.problem == "it is not an SVG drawing piritimer can read"
    assert notices == ["Picture 'knee.svg' not shown: it is not an SVG drawing piritimer can read."]


def test_bytes_that_are_not_the_promised_format_are_refused(
    cache: ImageCache, tmp_path: Path
) -> None:
    # A JPEG named .png: only the PNG decoder may look at it, and it says no.
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    assert image.save(str(tmp_path / "real.jpg"), "JPEG")
    (tmp_path / "fake.png").write_bytes((tmp_path / "real.jpg").read_bytes())
    assert cache.picture(tmp_path / "fake.png").problem == "it is not a PNG picture"


def test_a_pipe_swapped_in_after_loading_neither_blocks_nor_shows(
    cache: ImageCache, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "knee.png")
    assert cache.picture(tmp_path / "knee.png").problem == (
        "it is not a regular file (a device, pipe or socket)"
    )


def test_a_file_grown_past_the_byte_cap_is_refused(cache: ImageCache, tmp_path: Path) -> None:
    with (tmp_path / "big.svg").open("wb") as handle:
        handle.truncate(paths.MAX_IMAGE_BYTES + 1)
    assert cache.picture(tmp_path / "big.svg").problem == (
        "it is 5,000,001 bytes; a picture may be at most 5,000,000 bytes"
    )


def test_a_missing_file_is_told_once(
    qtbot: QtBot, cache: ImageCache, notices: list[str], tmp_path: Path
) -> None:
    for _ in range(2):
        view(qtbot, cache, tmp_path / "gone.png").grab()
    assert notices == [
        "Picture 'gone.png' not shown: it cannot be read (No such file or directory)."
    ]


def test_no_path_draws_nothing(qtbot: QtBot, cache: ImageCache) -> None:
    widget = view(qtbot, cache, None)
    assert not widget.has_image()
    assert widget.natural_size().isEmpty()
    assert cache.decodes == 0


def test_the_window_shows_a_picture_notice_in_its_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from piritimer.app import build_window
    from piritimer.ui.library import LibraryModel
    from piritimer.widgets.image_cache import shared_cache
    from tests.ui.helpers import FakeClock, make_services

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    services = make_services(FakeClock(), LibraryModel([tmp_path]), settings)
    window = build_window(services, restore=False)
    qtbot.addWidget(window)
    shared_cache().picture(tmp_path / "gone.png")
    assert window.statusBar().currentMessage() == (
        "Picture 'gone.png' not shown: it cannot be read (No such file or directory)."
    )


def test_a_refused_picture_is_told_in_german_with_german_numbers(
    qtbot: QtBot,
    cache: ImageCache,
    notices: list[str],
    tmp_path: Path,
    in_language: Callable[[str], None],
) -> None:
    in_language("de")
    with locale_default("de"):
        view(qtbot, cache, png(tmp_path / "bombe.png", 8000, 8000))
    assert notices == [
        "Bild 'bombe.png' wird nicht angezeigt: es hat 8.000 × 8.000 Pixel; piritimer dekodiert "
        "höchstens 16,8 Megapixel (z. B. 4.096 × 4.096)."
    ]


def test_a_missing_picture_is_told_in_french(
    qtbot: QtBot,
    cache: ImageCache,
    notices: list[str],
    tmp_path: Path,
    in_language: Callable[[str], None],
) -> None:
    in_language("fr")
    view(qtbot, cache, tmp_path / "partie.png").grab()
    assert notices == [
        "Image 'partie.png' non affichée\u202f: elle ne peut pas être lue "
        "(No such file or directory)."
    ]
