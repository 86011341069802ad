"""The PDF reader alone, warm: `read_pdf` (PDFium characters, words, layout, tables) of one
PDF, in a process that has imported everything and read the file once.

    PYTHONPATH=. python bench/pdf_read_warm.py [--repeat 5] [--runs 10] [--pdf FILE]
        [--no-ocr] [--compare /tmp/before]

Each round starts one process per tree (this one, and the `--compare` tree as 'before'),
which times `--runs` reads in CPU seconds; the rounds interleave the trees, so a change in
the machine's speed touches both alike. Printed: median and min over all reads.
`--no-ocr` reads the text layer only (a PDF with scanned pages, like the Zuidoost-Hageland
sample's annex, is otherwise timed mostly in Tesseract).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEMP_PDF = ROOT / "samples" / "pdf" / "kemp-en-duin-actieplan-2025.pdf"

CHILD = """
import gc, json, sys, time
from pathlib import Path
from planextract.extract.limits import Limits
from planextract.extract.read_pdf import read_pdf
from planextract.rules.profile import load_profile
path, runs, ocr = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "ocr"
profile = load_profile()
read_pdf(path, profile, Limits(ocr=ocr))
times = []
for _ in range(runs):
    gc.collect()
    start = time.process_time()
    read_pdf(path, profile, Limits(ocr=ocr))
    times.append(time.process_time() - start)
print(json.dumps(times))
"""


def timed_reads(tree: Path, pdf: Path, runs: int, ocr: bool = True) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(pdf), str(runs), "ocr" if ocr else "no-ocr"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [float(t) for t in json.loads(out.stdout)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--runs", type=int, default=10, help="reads per process (default 10)")
    parser.add_argument("--pdf", type=Path, default=KEMP_PDF)
    parser.add_argument("--no-ocr", action="store_true", help="the text layer only")
    parser.add_argument("--compare", type=Path, help="source tree of another version")
    args = parser.parse_args(argv)
    trees = {"now": ROOT}
    if args.compare:
        trees["before"] = args.compare.resolve()
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.repeat):
        for name, tree in trees.items():
            times[name].extend(timed_reads(tree, args.pdf.resolve(), args.runs, not args.no_ocr))
    for name, values in times.items():
        print(
            f"read_pdf {args.pdf.name} ({name}): median {statistics.median(values):.3f} s, "
            f"min {min(values):.3f} s CPU ({len(values)} warm reads)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
