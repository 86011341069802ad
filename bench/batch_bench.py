"""Batch throughput and worker memory on a corpus built from the real sample plans.

    PYTHONPATH=. python bench/batch_bench.py [--plans 300] [--pdf-copies 20] [--jobs 1 2]
                                             [--pdf FILE ...]

The corpus is generated in a temporary folder from the real samples: `--plans` copies of
samples/*.txt spread over zone/year folders, some with Windows line endings, some in
Windows-1252, and a share packed in a zip archive, so every variant is a plan the tool
must read; plus `--pdf-copies` copies of each sample PDF (samples/pdf/*.pdf, rendered
from the same plans) and any other PDF given with --pdf.

Printed per worker count: wall time, plans/s, pages/s, speed-up against the first worker
count, and per worker its peak resident memory and its resident memory after its first
and its last file (flat memory: last ≈ first). Timings include starting the workers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path

from planextract.batch.job import Outcome, Setup
from planextract.batch.progress import Progress
from planextract.batch.run import BatchOptions, BatchReport, run_batch

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SAMPLE_PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
ZIP_SHARE = 5  # every 5th plan goes into the zip archive


def variant(text: str, k: int) -> bytes:
    """Plan k of the corpus: the sample's text, encoded one of three ways."""
    if k % 3 == 1:
        return text.replace("\n", "\r\n").encode("utf-8")
    if k % 3 == 2:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8")


def build_corpus(root: Path, plans: int, pdfs: list[Path]) -> Path:
    corpus = root / "archief"
    texts = [p.read_text("utf-8") for p in SAMPLES]
    with zipfile.ZipFile(corpus.with_suffix(".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        for k in range(plans):
            sample = SAMPLES[k % len(SAMPLES)]
            name = f"{2020 + k % 6}/zone-{k % 60:02d}/{sample.stem}-{k:04d}.txt"
            data = variant(texts[k % len(texts)], k)
            if k % ZIP_SHARE == 0:
                archive.writestr(name, data)
            else:
                (corpus / name).parent.mkdir(parents=True, exist_ok=True)
                (corpus / name).write_bytes(data)
        for k, pdf in enumerate(pdfs):
            target = corpus / "pdf" / f"{pdf.stem}-{k:04d}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
    return corpus


def memory_by_worker(outcomes: list[Outcome]) -> dict[int, list[Outcome]]:
    workers: dict[int, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.worker_pid is not None and outcome.peak_rss_kb is not None:
            workers[outcome.worker_pid].append(outcome)
    return workers


def run(corpus: Path, out: Path, jobs: int) -> tuple[float, BatchReport]:
    options = BatchOptions(out_dir=out, jobs=jobs, setup=Setup())
    started = time.perf_counter()
    report = run_batch([corpus, corpus.with_suffix(".zip")], options, Progress(sys.stderr))
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=300, help="text plans in the corpus")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument(
        "--pdf-copies", type=int, default=20, help="copies of each sample PDF in the corpus"
    )
    parser.add_argument("--pdf", type=Path, nargs="*", default=[], help="other PDFs to add")
    args = parser.parse_args()
    args.pdf = [*SAMPLE_PDFS * args.pdf_copies, *args.pdf]

    with tempfile.TemporaryDirectory(prefix="planextract-bench-") as tmp:
        root = Path(tmp)
        corpus = build_corpus(root, args.plans, args.pdf)
        print(
            f"corpus: {args.plans} text plans from {len(SAMPLES)} samples "
            f"({args.plans // ZIP_SHARE + (args.plans % ZIP_SHARE > 0)} in a zip), "
            f"{len(args.pdf)} PDFs; {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        baseline = None
        for jobs in args.jobs:
            seconds, report = run(corpus, root / f"out-{jobs}", jobs)
            converted = [r for r in report.rows if r["status"] == "converted"]
            pages = sum(r["pages"] or 0 for r in converted)
            failed = report.count("failed")
            baseline = baseline or seconds
            by_format = defaultdict(list)
            for outcome in report.outcomes:
                if outcome.status == "converted":
                    by_format[Path(outcome.source).suffix].append(outcome.seconds)
            print(
                f"jobs={jobs}: {len(converted)} plans ({pages} pages) in {seconds:.2f} s = "
                f"{len(converted) / seconds:.1f} plans/s, {pages / seconds:.0f} pages/s, "
                f"speed-up {baseline / seconds:.2f}x, {failed} failed"
            )
            for suffix, times in sorted(by_format.items()):
                print(
                    f"  {suffix} files: {len(times)}, median {statistics.median(times) * 1000:.0f}"
                    f" ms, max {max(times) * 1000:.0f} ms"
                )
            for pid, outcomes in sorted(memory_by_worker(report.outcomes).items()):
                first, last = outcomes[0], outcomes[-1]
                peak = max(o.peak_rss_kb or 0 for o in outcomes)
                print(
                    f"  worker {pid}: {len(outcomes)} files, peak RSS {peak / 1024:.1f} MB, "
                    f"RSS after first file {(first.rss_kb or 0) / 1024:.1f} MB, "
                    f"after last {(last.rss_kb or 0) / 1024:.1f} MB"
                )


if __name__ == "__main__":
    main()
