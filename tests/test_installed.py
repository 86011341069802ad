"""extract/installed.py gives importlib.metadata's versions without importing it."""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from planextract.extract import installed
from planextract.extract.installed import distribution_version
from planextract.pipeline import READERS

INSTALLED = sorted(
    {n for names in READERS.values() for n in names}
    | {"click", "pydantic", "pydantic-core", "rapidfuzz", "spacy", "pytest", "lxml"}
)


@pytest.mark.parametrize("name", INSTALLED)
def test_versions_are_importlib_metadatas(name: str) -> None:
    assert distribution_version(name) == version(name)


@pytest.mark.parametrize("name", ["PDFMiner_Six", "pdfminer-six", "Python.Docx", "PyPDFium2"])
def test_names_compare_as_pep_503_names(name: str) -> None:
    assert distribution_version(name) == version(name)


def test_a_distribution_not_installed_has_no_version() -> None:
    with pytest.raises(PackageNotFoundError):
        version("planextract-no-such-distribution")
    assert distribution_version("planextract-no-such-distribution") is None


def _dist_info(folder: Path, item: str, metadata: str | None) -> None:
    (folder / item).mkdir(parents=True)
    if metadata is not None:
        (folder / item / "METADATA").write_text(metadata, "utf-8")


def test_the_first_path_entry_that_has_it_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dist_info(
        tmp_path,
        "pdfplumber-99.1.dist-info",
        "Metadata-Version: 2.1\nName: pdfplumber\n"
        "Version: 99.1\n\nVersion: 1.0 is a line of the description\n",
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert distribution_version("pdfplumber") == version("pdfplumber") == "99.1"


def test_what_it_does_not_read_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an egg-info folder (PKG-INFO) and a dist-info without a Version header
    (tmp_path / "pdfplumber-7.0.egg-info").mkdir()
    (tmp_path / "pdfplumber-7.0.egg-info" / "PKG-INFO").write_text(
        "Metadata-Version: 1.1\nName: pdfplumber\nVersion: 7.0\n", "utf-8"
    )
    _dist_info(tmp_path, "click-3.0.dist-info", "Metadata-Version: 2.1\nName: click\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    asked: list[str] = []
    real = installed._dist_info_version

    def spy(name: str) -> str | None:
        found = real(name)
        if found is None:
            asked.append(name)
        return found

    monkeypatch.setattr(installed, "_dist_info_version", spy)
    assert distribution_version("pdfplumber") == version("pdfplumber") == "7.0"
    assert distribution_version("click") == version("click")
    assert asked == ["pdfplumber", "click"]


def test_json_of_a_pdf_is_written_without_importlib_metadata() -> None:
    import subprocess

    probe = (
        "import sys\n"
        "from planextract.pipeline import reader_versions\n"
        "found = reader_versions('pdf')\n"
        "assert all(v != 'unknown' for v in found.values()), found\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_an_egg_first_on_the_path_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    egg = tmp_path / "pdfplumber-7.1-py3.11.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    for where in (egg, egg / "EGG-INFO"):
        (where / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: pdfplumber\nVersion: 7.1\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert installed._dist_info_version("pdfplumber") is None
    assert distribution_version("pdfplumber") == version("pdfplumber")
    monkeypatch.setattr(sys, "path", [str(egg), *sys.path])
    assert installed._dist_info_version("pdfplumber") is None
    assert distribution_version("pdfplumber") == version("pdfplumber")
