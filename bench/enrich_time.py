"""Extra time the enrichment step adds per plan.

    PYTHONPATH=$PWD python bench/enrich_time.py [--repeat N]

Prints, for this process:
- the one-off cost of importing spaCy and building the blank Dutch pipeline with the
  gazetteer (paid once per process, by the first plan that needs it);
- per sample plan, the median over N runs of: extraction without enrichment
  (`extract_file(..., enrich=False)`), and `enrich_plan` alone on a copy of that plan.
Run on a quiet machine; the figures are wall-clock.
"""

from __future__ import annotations

import statistics
import sys
import time
from copy import deepcopy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "samples").glob("*.txt"))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    t0 = time.perf_counter()
    from planextract.enrich.nlp import pipeline
    from planextract.rules.profile import load_profile

    profile = load_profile()
    pipeline(profile.reflow)
    load = time.perf_counter() - t0
    print(f"one-off per process: import spaCy + build pipeline {_ms(load)}")

    from planextract.enrich.apply import enrich_plan
    from planextract.pipeline import extract_file

    print(f"median of {repeat} runs per plan:")
    for path in PLANS:
        base, extra = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            plan = extract_file(path, profile, enrich=False).plan
            base.append(time.perf_counter() - t)
            copy = deepcopy(plan)
            t = time.perf_counter()
            enrich_plan(copy, profile)
            extra.append(time.perf_counter() - t)
        b, e = statistics.median(base), statistics.median(extra)
        print(
            f"  {path.name:40} extraction {_ms(b)}   enrichment +{_ms(e)}"
            f"   (+{e / b:.0%} of extraction)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
