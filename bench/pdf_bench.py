"""Benchmark: full PDF extraction against bare pdfplumber text extraction.

    PYTHONPATH=. python bench/pdf_bench.py [--repeat 5] [FILE.pdf ...]

For each PDF (default: the sample PDFs in samples/pdf/), in the same run and interleaved:
- bare: pdfplumber.open + page.extract_text() for every page (the floor: no layout,
  no structure);
- full: planextract's extract_file (reader, layout rules, classification, tree, models,
  timeline, quality checks, enrichment).
Prints the median and best wall time of each, the ratio full/bare of the medians (target
<= 1.3), the same ratio in CPU time of this process (on a shared virtual machine the wall
time also counts other guests' work: CPU time does not), pages per second of the full
extraction, and the peak memory of one full extraction (Python allocations via
tracemalloc, measured in a separate untimed run).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planextract.pipeline import extract_file  # noqa: E402
from planextract.rules.profile import load_profile  # noqa: E402

TARGET_RATIO = 1.3


def bare(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def full(path: Path) -> int:
    result = extract_file(path)
    return result.document.page_count or 0


def timed(fn: object, path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    fn(path)  # type: ignore[operator]
    return time.perf_counter() - start, time.process_time() - cpu


def peak_memory(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        full(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    load_profile()
    print(
        f"{'file':42} {'pages':>5} {'bare s':>13} {'full s':>13} {'ratio':>6} "
        f"{'cpu ratio':>9} {'pages/s':>8} {'peak MiB':>8}"
    )
    worst = 0.0
    for path in files:
        pages = full(path)  # warm-up: imports, caches
        bare(path)
        runs_bare: list[tuple[float, float]] = []
        runs_full: list[tuple[float, float]] = []
        for _ in range(args.repeat):
            runs_bare.append(timed(bare, path))
            runs_full.append(timed(full, path))
        t_bare, t_full = [w for w, _ in runs_bare], [w for w, _ in runs_full]
        med_bare, med_full = statistics.median(t_bare), statistics.median(t_full)
        ratio = med_full / med_bare
        cpu_ratio = statistics.median(c for _, c in runs_full) / statistics.median(
            c for _, c in runs_bare
        )
        worst = max(worst, ratio)
        peak = peak_memory(path) / 2**20
        print(
            f"{path.name:42} {pages:5d} {med_bare:6.3f}/{min(t_bare):6.3f} "
            f"{med_full:6.3f}/{min(t_full):6.3f} {ratio:6.2f} {cpu_ratio:9.2f} "
            f"{pages / med_full:8.1f} "
            f"{peak:8.1f}"
        )
    print(
        f"(times: median/best of {args.repeat}; ratio = median full / median bare; "
        f"target <= {TARGET_RATIO}; worst {worst:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
