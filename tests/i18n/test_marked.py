"""Text a person sees is marked for translation: a literal handed straight to a Qt text
setter, a dialog, a notice or a command-line help is a bug (the pseudo-locale run,
tests/i18n/test_pseudo_locale.py, catches the text that reaches a window some other way).

A literal that must stay as it is (a product name, a format keyword) says why on its line:
``# not translated: <why>``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "piritimer"

TEXT_CALLS = frozenset(
    {
        # Qt widgets and actions whose first argument is shown
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QMenu",
        "QToolButton",
        "QListWidgetItem",
        "QTableWidgetItem",
        "QStandardItem",
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setPlaceholderText",
        "setTitle",
        "setAccessibleName",
        "setAccessibleDescription",
        "setInformativeText",
        "setDetailedText",
        "setLabelText",
        "setButtonText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setTabText",
        "setItemText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "addTab",
        "insertTab",
        "addAction",
        "addMenu",
        "addItem",
        "addItems",
        "addButton",
        "addRow",
        "showMessage",
        "showText",
        # message boxes and file dialogs (title and text)
        "information",
        "warning",
        "critical",
        "question",
        "getOpenFileName",
        "getSaveFileName",
        "getExistingDirectory",
        # the app's own ways to say something
        "announce",
        "notify",
        "say",
        "speak",
        # the command line
        "print",
        "error",
        "add_parser",
        # the loader's diagnostics, the bundle's refusals, the start-up check's problems
        "Diagnostic",
        "DurationError",
        "BundleError",
        "Problem",
    }
)
TEXT_KEYWORDS = frozenset(
    {"help", "description", "epilog", "usage", "text", "title", "tooltip", "label", "caption"}
)
WORDS = re.compile(r"[A-Za-z]{2,}")
EXEMPT = "# not translated:"


LOGGERS = frozenset({"log", "_log", "logger", "_logger", "logging"})
"""Log lines are for whoever reads the log, in English like the code: not shown text."""


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
            return ""
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_words(node: ast.AST) -> str | None:
    """The words of a plain or f-string literal (translated text is a call, never this)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return parts if WORDS.search(parts) else None
    if isinstance(node, ast.BinOp):  # "a " + "b", "x %s" % y
        return _literal_words(node.left) or _literal_words(node.right)
    return None


def unmarked(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        arguments: list[ast.AST] = []
        if _name(node) in TEXT_CALLS:
            arguments.extend(node.args)
        arguments.extend(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)
        for argument in arguments:
            words = _literal_words(argument)
            if words is None:
                continue
            line = lines[argument.lineno - 1]
            if EXEMPT in line or EXEMPT in lines[node.lineno - 1]:
                continue
            try:
                where = path.relative_to(ROOT)
            except ValueError:
                where = path
            found.append(f"{where}:{argument.lineno}: {words!r}")
    return found


AREAS = sorted(
    [p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()]
    + [p.name for p in PACKAGE.glob("*.py")]
)


@pytest.mark.parametrize("area", AREAS)
def test_shown_text_is_marked_for_translation(area: str) -> None:
    target = PACKAGE / area
    files = [target] if target.is_file() else sorted(target.rglob("*.py"))
    found = [hit for path in files for hit in unmarked(path)]
    assert found == []


def test_the_check_sees_a_literal_and_passes_a_marked_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Start the session')\n"
        "label.setText(_('Start the session'))\n"
        "parser.add_argument('--x', help=f'open {name} now')\n"
        "button.setText('▶')\n"
        "box.setText('piritimer')  # not translated: the product's name\n",
        encoding="utf-8",
    )
    hits = unmarked(sample)
    assert len(hits) == 2
    assert "'Start the session'" in hits[0]
    assert "'open  now'" in hits[1]
