"""Every window in the pseudo-locale, right to left, in French and in German, as PNGs:
``python tools/i18n_screenshots.py`` writes docs/screenshots/i18n/<window>-<language>.png.

The windows are the ones the i18n tests check (tests/i18n/windows.py), at 1366×768, built
through the app's own language path (``apply_language``): ``qps`` is the pseudo catalog
(every string accented and 40 % longer, tests/i18n/pseudo.py), ``he`` the same catalog under
a right-to-left language's code, ``fr`` and ``de`` the shipped catalogs. Qt renders them
offscreen (its raster engine, the pixels a screen would show); QWidget.grab takes each one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUTPUT = ROOT / "docs" / "screenshots" / "i18n"
PSEUDO = ("qps", "he")
"""Languages made from the pseudo catalog: left to right, and right to left."""
LANGUAGES = (*PSEUDO, "fr", "de")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="only these")
    parser.add_argument("--window", action="append", help="only these windows (by name)")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="piritimer-i18n-shots-") as home:
        # No real settings, sessions or practice log in the pictures.
        os.environ["PIRITIMER_HOME"] = str(Path(home) / "home")
        return render(options.out, options.language or LANGUAGES, options.window, Path(home))


def render(out: Path, languages: Sequence[str], names: list[str] | None, home: Path) -> int:
    from PySide6.QtCore import QLocale, Qt, QTranslator

    from piritimer import paths
    from piritimer.app import create_application
    from piritimer.core import i18n
    from piritimer.widgets.app_language import apply_language
    from tests.i18n.pseudo import write_pseudo_catalog
    from tests.i18n.windows import WINDOWS, Stage

    app = create_application([])
    unknown = sorted(set(names or ()) - set(WINDOWS))
    if unknown:
        print(f"no such window: {', '.join(unknown)}; there are: {', '.join(WINDOWS)}")
        return 2
    pseudo_dir = home / "locale"
    for language in PSEUDO:
        write_pseudo_catalog(pseudo_dir, language)
    out.mkdir(parents=True, exist_ok=True)
    default_locale = QLocale()
    for language in languages:
        i18n.configure(pseudo_dir if language in PSEUDO else paths.locale_dir())
        before = set(app.findChildren(QTranslator))
        assert apply_language(app, language) == language, f"no catalog for {language}"
        stage = Stage(home / f"stage-{language}")
        try:
            for name, build in WINDOWS.items():
                if names and name not in names:
                    continue
                window = build(stage)
                target = out / f"{name}-{language}.png"
                if not window.grab().save(str(target)):
                    print(f"could not write {target}", file=sys.stderr)
                    return 1
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                stage.close_windows()
        finally:
            stage.close()
            # Each language's Qt words out again before the next is put in.
            for translator in set(app.findChildren(QTranslator)) - before:
                app.removeTranslator(translator)
            QLocale.setDefault(default_locale)
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
