"""Packaging: licence, changelog, bounded dependencies and the pinned versions the output
depends on."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from conftest import ELZOH_TXT
from packaging.requirements import Requirement

from planextract.pipeline import READERS

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            found[name.strip().lower().replace("_", "-")] = pinned.strip()
    return found


def test_licence_and_changelog() -> None:
    assert PROJECT["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")
    assert f"## {PROJECT['version']}" in (ROOT / "CHANGELOG.md").read_text("utf-8")


def test_every_dependency_has_an_upper_bound_and_a_pin() -> None:
    pinned = pins()
    for spec in [*PROJECT["dependencies"], *PROJECT["optional-dependencies"]["dev"]]:
        req = Requirement(spec)
        assert any(s.operator in ("<", "<=", "==", "~=") for s in req.specifier), spec
        name = req.name.lower()
        assert name in pinned, name
        assert req.specifier.contains(pinned[name]), (spec, pinned[name])
    assert "pdfminer-six" in pinned or "pdfminer.six" in pinned


def test_ci_and_readme_install_with_the_constraints() -> None:
    assert "-c constraints.txt" in (ROOT / ".ci" / "run").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme.count("pip install -c constraints.txt .") == 1
    assert readme.count("pip install -q -c constraints.txt '.[dev]'") == 1


def test_json_names_its_reader_versions(elzoh_pdf_result: object) -> None:
    readers = elzoh_pdf_result.plan.source.readers  # type: ignore[attr-defined]
    # PDFium reads the characters; pdfplumber (on pdfminer.six) finds the timeline tables.
    assert set(readers) == set(READERS["pdf"]) == {"pypdfium2", "pdfplumber", "pdfminer.six"}
    assert readers == {name: version(name) for name in readers}
    pinned = pins()
    # The installed readers are the pinned ones (CI installs with constraints.txt).
    assert readers["pdfplumber"] == pinned["pdfplumber"]
    assert readers["pdfminer.six"] == pinned.get("pdfminer-six", pinned.get("pdfminer.six"))


def test_text_plans_need_no_reader_library() -> None:
    from planextract.pipeline import extract_file

    assert extract_file(ELZOH_TXT, enrich=False).plan.source.readers == {}
