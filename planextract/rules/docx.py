"""Named rules about Word files (rules/docx.toml)."""

from __future__ import annotations

import tomllib
from functools import cache

from planextract.models.record import record
from planextract.rules.files import rules_text


@record(frozen=True, slots=True)
class DocxRules:
    max_entries: int
    max_ratio: float
    ratio_from_bytes: int
    total_factor: int
    bullet_symbols: dict[str, str]
    label_row_min_columns: int
    label_row_max_rows: int


@cache
def load_docx_rules() -> DocxRules:
    data = tomllib.loads(rules_text("docx.toml"))
    pkg = data["package"]
    return DocxRules(
        max_entries=int(pkg["max_entries"]),
        max_ratio=float(pkg["max_ratio"]),
        ratio_from_bytes=int(pkg["ratio_from_bytes"]),
        total_factor=int(pkg["total_factor"]),
        bullet_symbols=dict(data["bullet_symbols"]),
        label_row_min_columns=int(data["label_row"]["min_columns"]),
        label_row_max_rows=int(data["label_row"]["max_rows"]),
    )
