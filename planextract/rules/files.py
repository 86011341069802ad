"""The rule files shipped with the package (planextract/rules/*.toml)."""

from __future__ import annotations

from pathlib import Path

RULES_DIR = Path(__file__).parent


def rules_text(name: str) -> str:
    """A rule file's text, UTF-8. Read from the package's folder, where pip installs it
    (importlib.resources would add 4 ms of imports to every start; it would also find the
    files in a package imported from a zip archive, which is not how this tool is
    installed)."""
    return (RULES_DIR / name).read_text("utf-8")
