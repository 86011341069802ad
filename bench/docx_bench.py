"""Time per plan read from Word (DOCX), next to the same plan as PDF and as text.

    PYTHONPATH=. python bench/docx_bench.py [--repeat 5]

For each sample plan: its text export (samples/*.txt), its PDF (samples/pdf/) and its
Word version (written by scripts/make_sample_docx.py into a temporary folder), timed in
the same run and interleaved. Per format: the reader alone (file -> Document) and the
full extraction (extract_file, enrichment included), median and best wall time, and the
ratio of the median to the text export's. CPU time of this process is printed too: on a
shared machine the wall time also counts other guests' work.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planextract.extract.limits import Limits  # noqa: E402
from planextract.pipeline import extract_file, read_document  # noqa: E402
from planextract.rules.profile import load_profile  # noqa: E402

PLANS = ("zuidoost-hageland-actieplan-2025", "kemp-en-duin-actieplan-2025")


def _docx_writer():
    spec = importlib.util.spec_from_file_location(
        "make_sample_docx", ROOT / "scripts" / "make_sample_docx.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_docx"] = module
    spec.loader.exec_module(module)
    return module


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)
    profile, limits = load_profile(), Limits()
    writer = _docx_writer()
    print(
        f"{'plan':34} {'format':6} {'reader s':>15} {'full s':>15} {'full cpu s':>10} {'x text':>6}"
    )
    with tempfile.TemporaryDirectory(prefix="planextract-docx-bench-") as tmp:
        for stem in PLANS:
            docx = writer.write_sample(f"{stem}.txt", Path(tmp), profile)
            files = {
                "text": ROOT / "samples" / f"{stem}.txt",
                "pdf": ROOT / "samples" / "pdf" / f"{stem}.pdf",
                "docx": docx,
            }
            for path in files.values():  # warm-up: imports, caches, the spaCy pipeline
                extract_file(path, profile, limits)
            runs: dict[str, dict[str, list[tuple[float, float]]]] = {
                fmt: {"reader": [], "full": []} for fmt in files
            }
            for _ in range(args.repeat):
                for fmt, path in files.items():
                    runs[fmt]["reader"].append(
                        timed(lambda p=path: read_document(p, profile, limits))
                    )
                    runs[fmt]["full"].append(timed(lambda p=path: extract_file(p, profile, limits)))
            text_full = statistics.median(w for w, _ in runs["text"]["full"])
            text_cpu = statistics.median(c for _, c in runs["text"]["full"])
            for fmt, timing in runs.items():
                reader = [w for w, _ in timing["reader"]]
                full = [w for w, _ in timing["full"]]
                cpu = statistics.median(c for _, c in timing["full"])
                print(
                    f"{stem:34} {fmt:6} {statistics.median(reader):7.3f}/{min(reader):7.3f} "
                    f"{statistics.median(full):7.3f}/{min(full):7.3f} {cpu:10.3f} "
                    f"{statistics.median(full) / text_full:6.2f} {cpu / text_cpu:10.2f}"
                )
    print(
        f"(times: median/best of {args.repeat}; x text = median full / text export's, "
        "in wall and in CPU time)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
