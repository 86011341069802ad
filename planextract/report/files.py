"""Writing report files: safe names, inside the output folder, atomically."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from planextract.models.plan import Plan
from planextract.output import inside, write_atomic
from planextract.report.content import plan_report
from planextract.report.html import plan_html
from planextract.report.markdown import plan_markdown
from planextract.rules.profile import Profile

SUFFIX = ".rapport"  # kemp.rapport.html: never clashes with the plan's own kemp.json
MAX_NAME = 80


def safe_name(text: str, fallback: str = "plan") -> str:
    """A file-name stem from untrusted text: ASCII letters, digits, '-', '_', '.' only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("._-")[:MAX_NAME].strip("._-")
    return stem or fallback


class UniqueNames:
    """Safe, distinct names, one at a time: a repeated name gets -2, -3… (case-insensitive,
    for case-insensitive file systems)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def take(self, raw: str) -> str:
        base = safe_name(raw)
        name, n = base, 1
        while name.lower() in self.seen:
            n += 1
            name = f"{base}-{n}"
        self.seen.add(name.lower())
        return name


def unique_names(names: Iterable[str]) -> list[str]:
    """Safe, distinct names in order (UniqueNames)."""
    keeper = UniqueNames()
    return [keeper.take(raw) for raw in names]


def plan_stem(plan: Plan) -> str:
    """The name of a plan's report files, from its source file name without extension."""
    return safe_name(Path(plan.source.file).stem)


def report_file(name: str, ext: str) -> str:
    return f"{name}{SUFFIX}.{ext}"


def plan_report_texts(plan: Plan, name: str, profile: Profile | None = None) -> dict[str, str]:
    """<name>.rapport.html, .md and .json: file name -> text."""
    report = plan_report(plan, profile)
    return {
        report_file(name, "html"): plan_html(report),
        report_file(name, "md"): plan_markdown(report),
        report_file(name, "json"): report.model_dump_json(indent=2) + "\n",
    }


def write_plan_report(
    plan: Plan, out_dir: Path, name: str | None = None, profile: Profile | None = None
) -> list[Path]:
    """Write <name>.rapport.html, .md and .json; return the paths."""
    name = safe_name(name) if name else plan_stem(plan)
    return write_texts(out_dir, plan_report_texts(plan, name, profile))


def write_texts(out_dir: Path, texts: dict[str, str]) -> list[Path]:
    """Write each file name -> text inside `out_dir`, atomically; return the paths."""
    paths = []
    for file_name, text in texts.items():
        path = inside(out_dir, file_name)
        write_atomic(path, text)
        paths.append(path)
    return paths
