"""`.piritimer` bundles: a session and its pictures as one file, opened as untrusted input."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.cli import main
from piritimer.core import bundle
from piritimer.core.bundle import BundleError, open_bundle
from piritimer.core.loader import load_session

SVG = (paths.images_dir() / "figure-four.svg").read_bytes()
SESSION = """\
title: Travelling
exercises:
  - name: Own picture
    image: pictures/mine.svg
    hold: 30s
  - name: Bundled picture
    image: wall-thigh-squeeze.svg
    hold: 30s
"""


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    folder = tmp_path / "author"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "mine.svg").write_bytes(SVG)
    (folder / "unrelated.txt").write_text("not sent")
    path = folder / "travel.yaml"
    path.write_text(SESSION)
    return path


def test_export_then_open_keeps_the_session_and_its_own_pictures(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(session_file)]) == 0
    exported = session_file.with_suffix(".piritimer")
    assert capsys.readouterr().out == f"wrote {exported}\n"
    with zipfile.ZipFile(exported) as archive:
        assert sorted(archive.namelist()) == ["pictures/mine.svg", "session.yaml"]
    cache = tmp_path / "cache"
    opened = open_bundle(exported, cache)
    assert opened.parent.parent == cache
    result = load_session(opened)
    assert result.ok, result.diagnostics
    assert result.session is not None
    own, shared = (e.image for e in result.session.exercises)
    assert own == opened.parent / "pictures" / "mine.svg"
    assert shared == paths.images_dir() / "wall-thigh-squeeze.svg"
    assert open_bundle(exported, cache) == opened  # the same bundle reuses its folder


def test_validate_and_show_read_a_bundle(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(session_file)]) == 0
    exported = session_file.with_suffix(".piritimer")
    capsys.readouterr()
    assert main(["validate", str(exported)]) == 0
    assert capsys.readouterr().out == f"{exported}: ok — 2 exercises, 1:55 total\n"
    assert main(["show", str(exported)]) == 0
    assert capsys.readouterr().out.startswith("Travelling\n")


def _zip(tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    path = tmp_path / "evil.piritimer"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return path


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


GOOD = ("session.yaml", SESSION.encode())


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        ([GOOD, ("../outside.svg", SVG)], "points outside the bundle"),
        ([GOOD, ("/etc/passwd", b"x")], "points outside the bundle"),
        ([GOOD, ("pictures\\..\\..\\x.svg", b"x")], "has a name no plain file"),
        ([GOOD, ("C:/x.svg", b"x")], "has a name no plain file"),
        ([GOOD, (_link("pictures/mine.svg"), b"/etc/passwd")], "is a symbolic link"),
        ([GOOD, ("bomb.svg", b"\0" * (8 * 1024 * 1024))], "a zip bomb"),
        ([("notes.txt", b"hello")], "has no session.yaml"),
        ([GOOD, ("Session.yaml", b"x")], "in the bundle twice"),
        ([GOOD, *((f"{n}.svg", b"x") for n in range(bundle.MAX_ENTRIES))], "entries; the limit"),
    ],
)
def test_an_untrusted_bundle_is_refused_and_nothing_is_unpacked(
    tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]], said: str
) -> None:
    path = _zip(tmp_path, entries)
    cache = tmp_path / "cache"
    with pytest.raises(BundleError, match=said):
        open_bundle(path, cache)
    assert not (tmp_path / "outside.svg").exists()
    assert list(cache.iterdir()) == [] if cache.exists() else True


def test_size_limits_count_each_entry_and_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "MAX_ENTRY_BYTES", 1000)
    with pytest.raises(BundleError, match="bytes; the limit is 1,000"):
        open_bundle(_zip(tmp_path, [GOOD, ("big.svg", b"x" * 1001)]), tmp_path / "c")
    monkeypatch.setattr(bundle, "MAX_ENTRY_BYTES", 10_000)
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", 1500)
    with pytest.raises(BundleError, match="unpacks to more than 1,500 bytes"):
        open_bundle(_zip(tmp_path, [GOOD, ("a.svg", b"x" * 900), ("b.svg", b"x" * 900)]), tmp_path)


def test_an_entry_larger_than_it_says_is_refused(tmp_path: Path) -> None:
    """The sizes in a zip are the archive's own claim: what comes out is counted."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(*GOOD)
        archive.writestr("liar.svg", b"x" * 5000)
    data = bytearray(buffer.getvalue())
    # Shrink the uncompressed size the central directory gives for liar.svg to 10 bytes.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path = tmp_path / "liar.piritimer"
    path.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="'liar.svg' is larger than it says|Bad CRC-32"):
        open_bundle(path, tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []  # the half-unpacked folder is gone


def test_not_a_zip_is_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "plain.piritimer"
    path.write_text(SESSION)
    with pytest.raises(BundleError, match="not a readable bundle"):
        open_bundle(path, tmp_path / "cache")


def test_opening_a_broken_bundle_from_the_command_line_fails_before_any_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIRITIMER_HOME", str(tmp_path / "home"))
    path = _zip(tmp_path, [GOOD, ("../x", b"x")])
    assert main([str(path)]) == 1
    assert capsys.readouterr().err == f"{path}: the entry '../x' points outside the bundle\n"


def test_validate_reports_a_refused_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _zip(tmp_path, [GOOD, (_link("x.svg"), b"/etc/passwd")])
    assert main(["validate", str(path)]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
