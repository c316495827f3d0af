"""Every exercise picture decoded once, capped, and shared by every view that shows it.

The loader has already confined an ``image:`` to its session's folder or the bundled images
(``paths.find_image``). Here the bytes themselves are treated as hostile: the file is opened
without following it into a pipe, read only up to the byte cap, an SVG must refer to nothing
outside itself, and a bitmap's declared size is read from its header before any pixel is
decoded. What cannot be shown becomes a Picture with a ``problem``; views draw a placeholder and
the cache says so once.

QtSvg is imported on first use, not at start-up: the library page never needs it.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImageIOHandler, QImageReader, QPixmap

from piritimer import paths
from piritimer.core.diagnostics import quoted
from piritimer.core.i18n import _
from piritimer.core.svg_check import svg_problem
from piritimer.widgets.numbers import decimal, whole

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

MAX_DECODED_PIXELS = 4096 * 4096
"""A bitmap larger than this (64 MB as ARGB) is refused unless its decoder can shrink it while
reading (JPEG can; PNG cannot, and a 62 KB PNG may declare 8000 × 8000)."""
MAX_SHRUNK_PIXELS = 16_384 * 16_384
"""Even a decoder that shrinks while reading (by up to 8 × per side) would build a 2048 × 2048
image from this; beyond it, the shrunk image itself grows past the cap."""
MAX_SHOWN_SIDE = 2048
"""Pixels kept on the longer side: sharp on a 4K presenter screen, 16 MB at most per picture."""
MAX_ENTRIES = 64
_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp"}


@dataclass(frozen=True)
class Picture:
    """One decoded picture (an SVG renderer or a scaled pixmap), or why there is none."""

    path: Path
    natural: QSize
    svg: QSvgRenderer | None = None
    pixmap: QPixmap | None = None
    problem: str | None = None


class ImageCache(QObject):
    """Decodes each picture once per (path, modification time, size) and hands out the result.

    Signals:
        notice(str): once per picture that cannot be shown, a plain-text sentence saying why
            (it quotes a file name: show it as plain text).
    """

    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pictures: OrderedDict[tuple[str, int, int], Picture] = OrderedDict()
        self._told: set[tuple[str, int, int]] = set()
        self.decodes = 0
        """How many times a file was actually decoded (tests count it)."""

    def picture(self, path: Path) -> Picture:
        try:
            info = path.stat()
        except OSError as error:
            key = (str(path), 0, 0)
            return self._remember(key, self._refused(path, _reason(error)))
        key = (str(path), info.st_mtime_ns, info.st_size)
        cached = self._pictures.get(key)
        if cached is not None:
            self._pictures.move_to_end(key)
            return cached
        self.decodes += 1
        return self._remember(key, self._decode(path))

    def _remember(self, key: tuple[str, int, int], picture: Picture) -> Picture:
        self._pictures[key] = picture
        while len(self._pictures) > MAX_ENTRIES:
            self._pictures.popitem(last=False)
        if picture.problem is not None and key not in self._told:
            self._told.add(key)
            name = quoted(path_name(picture.path))
            self.notice.emit(
                _("Picture {name} not shown: {reason}.").format(name=name, reason=picture.problem)
            )
        return picture

    @staticmethod
    def _refused(path: Path, problem: str) -> Picture:
        return Picture(path, QSize(), problem=problem)

    def _decode(self, path: Path) -> Picture:
        try:
            data = read_capped(path)
        except (OSError, ValueError) as error:
            return self._refused(path, _reason(error))
        if path.suffix.lower() == ".svg":
            return self._decode_svg(path, data)
        return self._decode_bitmap(path, data)

    def _decode_svg(self, path: Path, data: bytes) -> Picture:
        problem = svg_problem(data)
        if problem is not None:
            return self._refused(path, problem)
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid() or renderer.defaultSize().isEmpty():
            return self._refused(path, _("it is not an SVG drawing piritimer can read"))
        return Picture(path, renderer.defaultSize(), svg=renderer)

    def _decode_bitmap(self, path: Path, data: bytes) -> Picture:
        image_format = _FORMATS.get(path.suffix.lower())
        if image_format is None:
            return self._refused(path, _("it is not a picture piritimer shows"))
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, image_format.encode())
        # Only the decoder the name promises: a ".png" must not reach the TIFF or PDF readers.
        reader.setDecideFormatFromContent(False)
        reader.setAutoDetectImageFormat(False)
        natural = reader.size()
        if natural.isEmpty():
            return self._refused(
                path, _("it is not a {format} picture").format(format=image_format.upper())
            )
        scaled = shown_size(natural)
        pixels = natural.width() * natural.height()
        shrinks = reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
        if pixels > MAX_SHRUNK_PIXELS or (pixels > MAX_DECODED_PIXELS and not shrinks):
            reason = (
                _(
                    "it is {width} × {height} pixels; piritimer decodes at most {most} "
                    "megapixels (e.g. {side} × {side}), or {jpeg} megapixels from a JPEG"
                )
                if shrinks
                else _(
                    "it is {width} × {height} pixels; piritimer decodes at most {most} "
                    "megapixels (e.g. {side} × {side})"
                )
            )
            return self._refused(
                path,
                reason.format(
                    width=whole(natural.width()),
                    height=whole(natural.height()),
                    most=decimal(MAX_DECODED_PIXELS / 1e6, 1),
                    side=whole(4096),
                    jpeg=decimal(MAX_SHRUNK_PIXELS / 1e6, 0),
                ),
            )
        if scaled != natural:
            reader.setScaledSize(scaled)
        image = reader.read()
        if image.isNull():
            return self._refused(
                path, _("it cannot be decoded ({reason})").format(reason=reader.errorString())
            )
        return Picture(path, image.size(), pixmap=QPixmap.fromImage(image))


def shown_size(natural: QSize) -> QSize:
    """The size a bitmap is decoded at: its own, or shrunk to fit MAX_SHOWN_SIDE."""
    if max(natural.width(), natural.height()) <= MAX_SHOWN_SIDE:
        return natural
    box = QSize(MAX_SHOWN_SIDE, MAX_SHOWN_SIDE)
    return natural.scaled(box, Qt.AspectRatioMode.KeepAspectRatio).expandedTo(QSize(1, 1))


def read_capped(path: Path) -> bytes:
    """The file's bytes, refusing anything but a regular file within the byte cap.

    Opened non-blocking and checked after opening, so a file swapped for a pipe or a device
    since the loader looked can neither block nor stream forever.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    with os.fdopen(descriptor, "rb") as handle:
        problem = paths.image_file_problem(os.fstat(handle.fileno()))
        if problem is not None:
            raise paths.ImageRefused(f"it {problem}")
        data = handle.read(paths.MAX_IMAGE_BYTES + 1)
    if len(data) > paths.MAX_IMAGE_BYTES:
        raise paths.ImageRefused(
            _("it grew past {count} bytes while read").format(count=whole(paths.MAX_IMAGE_BYTES))
        )
    return data


_O_BINARY = getattr(os, "O_BINARY", 0)


def path_name(path: Path) -> str:
    return path.name or str(path)


def _reason(error: OSError | ValueError) -> str:
    if isinstance(error, OSError):
        return _("it cannot be read ({reason})").format(reason=error.strerror or error)
    return str(error)


_shared: ImageCache | None = None


def shared_cache() -> ImageCache:
    """The one cache every ImageView uses unless given another (tests pass their own)."""
    global _shared  # noqa: PLW0603 - one per process, made once a QApplication exists
    if _shared is None:
        _shared = ImageCache()
    return _shared
