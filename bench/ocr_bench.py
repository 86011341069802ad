"""Benchmark and agreement: the sample PDFs scanned (scripts/make_scanned_pdfs.py) and read
with OCR, against the same PDFs read from their text layer.

    PYTHONPATH=. python bench/ocr_bench.py [--pages 1-6] [--out DIR]

Prints per sample: seconds per scanned page (wall and CPU of the Tesseract children plus
this process), the text-layer read for comparison, goals and actions found in both and
how many of their titles read exactly alike (after whitespace and quote normalisation),
the field-level content agreement (target >= 0.95) and the checkbox states: right,
flagged as unreadable, wrong (target: none wrong). The scans are read under the default
limits (Limits(): 120 s per file plus 20 s per page read with OCR), as a user would.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests", ROOT / "scripts"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from make_scanned_pdfs import SAMPLES, _pages, scan_pdf  # noqa: E402
from ocr_compare import compare  # noqa: E402

from planextract.extract.limits import Limits  # noqa: E402
from planextract.pipeline import extract_file  # noqa: E402


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="pages to scan, e.g. 1-6 (default: all)")
    parser.add_argument("--out", type=Path, help="keep the scanned PDFs here")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    for src in SAMPLES:
        scanned = scan_pdf(src, out / f"{src.stem}-scanned.pdf", _pages(args.pages))
        t0, c0 = time.perf_counter(), _cpu()
        ref = extract_file(src, enrich=False)
        t_text, c_text = time.perf_counter() - t0, _cpu() - c0
        t0, c0 = time.perf_counter(), _cpu()
        got = extract_file(scanned, limits=Limits(), enrich=False)
        t_ocr, c_ocr = time.perf_counter() - t0, _cpu() - c0
        pages = got.document.page_count or 1
        print(f"{src.name}: {pages} scanned pages")
        print(
            f"  OCR read: {t_ocr / pages:.2f} s/page wall, {c_ocr / pages:.2f} s/page CPU "
            f"(text layer: {t_text / (ref.document.page_count or 1):.3f} s/page wall, "
            f"{c_text / (ref.document.page_count or 1):.3f} CPU)"
        )
        if args.pages:
            print("  (a subset of pages: the agreement below is against the whole text PDF)")
        cmp = compare(ref.plan, got.plan)
        goals = sum(a == b for a, b in zip(cmp.goals_ref, cmp.goals_ocr, strict=False))
        titles = sum(a == b for a, b in zip(cmp.titles_ref, cmp.titles_ocr, strict=False))
        print(
            f"  goals: {len(cmp.goals_ocr)} of {len(cmp.goals_ref)}, {goals} titles alike; "
            f"actions: {len(cmp.titles_ocr)} of {len(cmp.titles_ref)}, {titles} titles alike"
        )
        print(f"  field-level content agreement: {cmp.content:.3f} (target >= 0.95)")
        print(
            f"  checkboxes: {cmp.boxes_right} right, {cmp.boxes_flagged} flagged unreadable, "
            f"{len(cmp.boxes_wrong)} wrong {cmp.boxes_wrong or ''}"
        )
        for score, action_id, name, text in cmp.worst[:3]:
            print(f"  lowest: {score:.2f} {action_id} {name}: {text!r}")


if __name__ == "__main__":
    main()
