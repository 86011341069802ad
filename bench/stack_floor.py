"""What the chosen stack costs before any rule runs: the floor under issue 13's targets.

    PYTHONPATH=. python bench/stack_floor.py [--repeat 5] [--pdf FILE]

Each line is a whole process, measured as bench/speed_bench.py measures (CPU seconds of
the child, runs interleaved, medians with min–max). The floors are processes that do only
what every `planextract extract` must do with this stack, and nothing of the plan:

- the imports the extract command needs before it reads a byte (click, rapidfuzz,
  the contract's dataclasses and pydantic_core, which checks and writes the JSON, the
  rules and readers);
- PDFium's characters as the reader reads them (planextract/extract/pdfium_page.py
  page_chars: text object, unicode-map error, origin and loose box of every character,
  each call made for a whole page through ctypes), on the same PDF, without grouping them
  into words or any layout rule;
- the enrichment's spaCy pipeline built (spaCy imported without its CLI, the Dutch
  tokenizer, the rule components).

Printed next to them, as ratios, the base each target of the issue is stated against
(bare pdfplumber `extract_text`, `python -c pass`), so the room left for the rules is
plain: a target below the floor cannot be met by faster rules alone.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_bench import (
    BARE_PDFPLUMBER,
    EDITABLE_WARNING,
    KEMP_PDF,
    ROOT,
    Command,
    editable_install,
    run_interleaved,
    warn_if_editable,
)

EXTRACT_IMPORTS = "import planextract.cli.extract, planextract.pipeline"
# The chosen libraries alone, as the extract command imports them (no planextract code).
LIBRARY_IMPORTS = (
    "import click, pydantic_core, rapidfuzz.fuzz, rapidfuzz.process, rapidfuzz.distance.OSA"
)
STACK_IMPORTS = "import click, rapidfuzz, planextract.models.check"
# The reader's own characters (planextract/extract/pdfium_page.page_chars: the four
# PDFium values per character, each call made for a whole page), not grouped into words.
PDFIUM_CHARS = """
import sys
import pypdfium2 as pdfium, pypdfium2.raw as c
from planextract.extract.pdfium_page import page_chars
pdf = pdfium.PdfDocument(sys.argv[1])
chars = 0
for k in range(len(pdf)):
    page = pdf[k]
    tp = c.FPDFText_LoadPage(page.raw)
    chars += len(page_chars(tp, page.get_mediabox()[3]))
    c.FPDFText_ClosePage(tp)
"""
SPACY_PIPELINE = (
    "from planextract.enrich.nlp import pipeline\n"
    "from planextract.rules.profile import load_profile\n"
    "pipeline(load_profile().reflow)\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--pdf", type=Path, default=KEMP_PDF)
    args = parser.parse_args(argv)
    compileall.compile_dir(str(ROOT / "planextract"), quiet=1)
    warn_if_editable()
    py, pdf = sys.executable, str(args.pdf)
    commands = [
        Command("python -c pass", [py, "-c", "pass"]),
        Command("bare pdfplumber extract_text", [py, "-c", BARE_PDFPLUMBER, pdf]),
        Command("libraries: click, pydantic_core, rapidfuzz", [py, "-c", LIBRARY_IMPORTS]),
        Command("stack imports: click, rapidfuzz, contract", [py, "-c", STACK_IMPORTS]),
        Command("imports of the extract command", [py, "-c", EXTRACT_IMPORTS]),
        Command(
            "imports + PDFium chars (the reader's)",
            [py, "-c", f"{EXTRACT_IMPORTS}\n{PDFIUM_CHARS}", pdf],
        ),
        Command(
            "imports + PDFium chars + spaCy pipeline built",
            [py, "-c", f"{EXTRACT_IMPORTS}\n{PDFIUM_CHARS}\n{SPACY_PIPELINE}", pdf],
        ),
        Command(
            "imports + spaCy pipeline built",
            [py, "-c", f"{EXTRACT_IMPORTS}\n{SPACY_PIPELINE}"],
        ),
    ]
    run_interleaved(commands, args.repeat)
    by_name = {c.name: c for c in commands}
    print(f"{'process':52} {'CPU s median (min–max)':>24} {'RSS MB':>7}")
    for c in commands:
        spread = f"{c.median:.2f} ({min(c.cpu):.2f}–{max(c.cpu):.2f})"
        print(f"{c.name:52} {spread:>24} {c.rss_mb:7.0f}")
    plumber = by_name["bare pdfplumber extract_text"].median
    nothing = by_name["python -c pass"].median
    print(f"\nfloors against the issue's bases (medians, {args.repeat} interleaved runs):")
    rows = [
        (
            "libraries: click, pydantic_core, rapidfuzz",
            nothing,
            "python -c pass",
            "text plan --no-enrich ≤ 10×",
        ),
        (
            "stack imports: click, rapidfuzz, contract",
            nothing,
            "python -c pass",
            "text plan --no-enrich ≤ 10×",
        ),
        (
            "imports of the extract command",
            nothing,
            "python -c pass",
            "text plan --no-enrich ≤ 10×",
        ),
        (
            "imports + PDFium chars (the reader's)",
            plumber,
            "bare pdfplumber",
            "PDF --no-enrich ≤ 0.35×",
        ),
        (
            "imports + PDFium chars + spaCy pipeline built",
            plumber,
            "bare pdfplumber",
            "PDF with enrichment ≤ 0.6×",
        ),
    ]
    for name, base, base_name, target in rows:
        print(f"  {name:48} / {base_name:16} = {by_name[name].median / base:6.2f}×  ({target})")
    spacy = by_name["imports + spaCy pipeline built"].median
    print(
        f"  {'imports + spaCy pipeline built':48}   {'':16} = {spacy:6.2f} s  "
        "(text plan with enrichment ≤ 1.5 s)"
    )
    print(
        f"\n(CPU s medians; python -c pass, wall median: "
        f"{statistics.median(by_name['python -c pass'].wall):.3f} s wall)"
    )
    if editable_install():
        print(f"\n{EDITABLE_WARNING}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
