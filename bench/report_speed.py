"""Time the quality step and the report rendering on the sample plans; prints figures.

PYTHONPATH=$PWD python bench/report_speed.py [ROUNDS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from planextract.pipeline import extract_file
from planextract.quality.assess import assess
from planextract.report.archive import write_overview
from planextract.report.content import plan_report
from planextract.report.html import plan_html

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*-actieplan-*.txt"))


def per_call(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(rounds):
        fn()
    return (time.perf_counter() - start) / rounds * 1000


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    plans = [extract_file(path).plan for path in SAMPLES]
    for path, plan in zip(SAMPLES, plans, strict=True):
        q = per_call(lambda p=plan: assess(p), rounds)
        h = per_call(lambda p=plan: plan_html(plan_report(p)), rounds)
        size = len(plan_html(plan_report(plan)).encode())
        print(f"{path.name}: checks+scores {q:.1f} ms, HTML report {h:.1f} ms ({size} bytes)")
    with tempfile.TemporaryDirectory() as out:
        w = per_call(lambda: write_overview(plans, Path(out)), max(1, rounds // 4))
    print(f"write_overview ({len(plans)} plans, 9 files): {w:.1f} ms")


if __name__ == "__main__":
    main()
