"""The wheel and sdist are ready for PyPI: what `twine check` and the index read from them
(core metadata 2.4, PEP 639 licence, the README as a Markdown long description, project URLs,
valid classifiers), built offline by the locked hatchling."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from trove_classifiers import classifiers as KNOWN_CLASSIFIERS

from piritimer import __version__
from piritimer.paths import APP_ID
from tests.test_desktop_metadata import SIZES

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Message, Message, list[str], list[str]]:
    """(wheel METADATA, sdist PKG-INFO, sdist member names, wheel member names)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-t", "sdist", "-d", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    wheel = next(out.glob(f"piritimer-{__version__}-py3-none-any.whl"))
    sdist = next(out.glob(f"piritimer-{__version__}.tar.gz"))
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"piritimer-{__version__}.dist-info/METADATA").decode()
        wheel_names = archive.namelist()
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        member = archive.extractfile(f"piritimer-{__version__}/PKG-INFO")
        assert member is not None
        pkg_info = member.read().decode()
    return Parser().parsestr(metadata), Parser().parsestr(pkg_info), names, wheel_names


@pytest.mark.parametrize("which", [0, 1], ids=["wheel", "sdist"])
def test_core_metadata_is_what_pypi_shows(
    built: tuple[Message, Message, list[str], list[str]], which: int
) -> None:
    meta = built[which]
    assert tuple(int(part) for part in meta["Metadata-Version"].split(".")) >= (2, 4)
    assert meta["Name"] == "piritimer"
    assert meta["Version"] == __version__ == PROJECT["version"]
    assert meta["Summary"] == PROJECT["description"]
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert meta["Description-Content-Type"] == "text/markdown"
    # The README is the long description, whole (PyPI renders it as the project page).
    assert meta.get_payload().strip() == (ROOT / "README.md").read_text(encoding="utf-8").strip()
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL", []))
    assert set(urls) >= {"Homepage", "Source", "Issues"}
    assert all(url.startswith("https://") for url in urls.values())
    classifiers = meta.get_all("Classifier", [])
    assert classifiers
    assert [c for c in classifiers if c not in KNOWN_CLASSIFIERS] == []
    # PEP 639: the licence is the expression; a licence classifier as well is refused.
    assert not [c for c in classifiers if c.startswith("License ::")]


def test_sdist_carries_what_a_distribution_builds_from(
    built: tuple[Message, Message, list[str], list[str]],
) -> None:
    names = {name.removeprefix(f"piritimer-{__version__}/") for name in built[2]}
    for needed in (
        "pyproject.toml", "README.md", "LICENSE", "sessions/quick-demo.yaml",
        "assets/icons/piritimer.svg", "data/io.github.piritimer.Piritimer.desktop",
        "data/io.github.piritimer.Piritimer.metainfo.xml", "tools/freeze.sh",
        "tools/piritimer.spec",
    ):  # fmt: skip
        assert needed in names


def test_wheel_installs_the_desktop_files_under_share(
    built: tuple[Message, Message, list[str], list[str]],
) -> None:
    share = f"piritimer-{__version__}.data/data/share/"
    names = {name.removeprefix(share) for name in built[3] if name.startswith(share)}
    expected = {
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"mime/packages/{APP_ID}.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    } | {f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png" for size in SIZES}
    assert names == expected
