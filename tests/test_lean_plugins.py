"""Qt's plugin folders less the multimedia backend (piritimer.qt.lean_plugins); that sound
still plays that way is measured by tests/audio/test_hardware.py."""

from __future__ import annotations

import os
from pathlib import Path

from piritimer.qt.lean_plugins import lean_plugin_folder


def qt_like(root: Path) -> Path:
    for name in ("platforms", "multimedia", "iconengines", "imageformats"):
        (root / name).mkdir(parents=True)
    (root / "README").write_text("not a folder", encoding="utf-8")
    return root


def test_every_plugin_folder_but_multimedia_is_linked(tmp_path: Path) -> None:
    plugins = qt_like(tmp_path / "qt" / "plugins")
    folder = lean_plugin_folder(plugins, tmp_path / "cache")
    assert folder is not None
    assert sorted(p.name for p in folder.iterdir()) == ["iconengines", "imageformats", "platforms"]
    assert all(Path(os.readlink(p)) == plugins / p.name for p in folder.iterdir())


def test_the_folder_is_made_once_and_follows_qt(tmp_path: Path) -> None:
    plugins = qt_like(tmp_path / "qt" / "plugins")
    first = lean_plugin_folder(plugins, tmp_path / "cache")
    (plugins / "imageformats").rmdir()
    (plugins / "tls").mkdir()
    again = lean_plugin_folder(plugins, tmp_path / "cache")
    assert again == first
    assert again is not None
    assert sorted(p.name for p in again.iterdir()) == ["iconengines", "platforms", "tls"]


def test_another_qt_install_gets_its_own_folder(tmp_path: Path) -> None:
    one = lean_plugin_folder(qt_like(tmp_path / "a"), tmp_path / "cache")
    two = lean_plugin_folder(qt_like(tmp_path / "b"), tmp_path / "cache")
    assert one is not None
    assert two is not None
    assert one != two


def test_a_cache_that_is_a_file_leaves_qt_as_it_is(tmp_path: Path) -> None:
    plugins = qt_like(tmp_path / "qt")
    (tmp_path / "cache").write_text("in the way", encoding="utf-8")
    assert lean_plugin_folder(plugins, tmp_path / "cache") is None
