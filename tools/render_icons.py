"""Render the desktop icons a distribution installs: the hicolor theme's PNG sizes from
assets/icons/piritimer.svg (drawn by Qt, as in tools/render_assets.py), plus the SVG itself as
the scalable one, each named after the app id.

    python tools/render_icons.py        # rewrites data/icons/hicolor/

tests/test_desktop_metadata.py fails when a PNG no longer matches the SVG.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_assets import ICON_SVG, ROOT, render  # noqa: E402

from piritimer.paths import APP_ID  # noqa: E402

HICOLOR = ROOT / "data" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The sizes desktops look for in hicolor (the icon theme specification's usual set)."""


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def svg_path() -> Path:
    return HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(ICON_SVG, size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    svg_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, svg_path())
    print(svg_path().relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
