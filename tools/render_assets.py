"""Render piritimer's SVG artwork to PNG, to look at it the way Qt will draw it.

Qt's SVG renderer implements SVG Tiny 1.2 only, so a browser preview can flatter a drawing
that Qt then draws wrongly. This tool renders with QSvgRenderer itself (offscreen platform):

    python tools/render_assets.py                      # every SVG, 480 px wide, into /tmp
    python tools/render_assets.py --width 32 --out /tmp/icons assets/icons/piritimer.svg
    python tools/render_assets.py --background "#202124"   # on a dark window colour
    python tools/render_assets.py --sheet /tmp/sheet.png   # all of them on one contact sheet
    python tools/render_assets.py --icon-png               # refresh assets/icons/piritimer.png
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICON_SVG = ROOT / "assets" / "icons" / "piritimer.svg"
ICON_PNG_SIZE = 256


def default_sources() -> list[Path]:
    """Every bundled SVG: exercise images first, then icons."""
    return sorted((ROOT / "assets" / "images").glob("*.svg")) + sorted(
        (ROOT / "assets" / "icons").glob("*.svg")
    )


def render(svg: Path, width: int, background: QColor | None = None) -> QImage:
    """Draw ``svg`` at ``width`` pixels wide, keeping its viewBox's aspect ratio."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: Qt cannot parse this SVG")
    box = renderer.viewBoxF()
    height = max(1, round(width * box.height() / box.width()))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background if background is not None else QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def contact_sheet(images: list[QImage], columns: int, background: QColor) -> QImage:
    """Lay equally wide renders out in a grid, 12 px apart."""
    gap = 12
    cell_w = max(image.width() for image in images)
    cell_h = max(image.height() for image in images)
    rows = (len(images) + columns - 1) // columns
    sheet = QImage(
        gap + columns * (cell_w + gap),
        gap + rows * (cell_h + gap),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    sheet.fill(background)
    painter = QPainter(sheet)
    for index, image in enumerate(images):
        row, column = divmod(index, columns)
        painter.drawImage(gap + column * (cell_w + gap), gap + row * (cell_h + gap), image)
    painter.end()
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("svgs", nargs="*", type=Path, help="SVG files (default: all bundled)")
    parser.add_argument("--width", type=int, default=480, help="width of each PNG in pixels")
    parser.add_argument("--out", type=Path, default=Path("/tmp/piritimer-render"))
    parser.add_argument("--background", help="fill colour behind the drawing, e.g. #202124")
    parser.add_argument("--sheet", type=Path, help="also write all renders onto one PNG")
    parser.add_argument("--columns", type=int, default=3, help="contact sheet columns")
    parser.add_argument(
        "--icon-png",
        action="store_true",
        help=f"write assets/icons/piritimer.png ({ICON_PNG_SIZE} px) from piritimer.svg",
    )
    args = parser.parse_args(argv)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    background = QColor(args.background) if args.background else None

    if args.icon_png:
        icon = render(ICON_SVG, ICON_PNG_SIZE)
        if not icon.save(str(ICON_SVG.with_suffix(".png"))):
            print(f"could not write {ICON_SVG.with_suffix('.png')}", file=sys.stderr)
            return 1
        print(ICON_SVG.with_suffix(".png"))

    sources = args.svgs or ([] if args.icon_png else default_sources())
    args.out.mkdir(parents=True, exist_ok=True)
    renders: list[QImage] = []
    for svg in sources:
        image = render(svg, args.width, background)
        target = args.out / f"{svg.stem}-{args.width}.png"
        image.save(str(target))
        renders.append(image)
        print(target)
    if args.sheet and renders:
        sheet_background = background or QColor("#FFFFFF")
        contact_sheet(renders, args.columns, sheet_background).save(str(args.sheet))
        print(args.sheet)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
