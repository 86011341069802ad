"""Field-level scores of writer variants of the two real plans (tests/writer_variants.py).

    PYTHONPATH=. python bench/variant_scores.py [--seeds 8] [--show FAMILY] [-v]

Each variant is extracted (no enrichment) and compared with the extraction of the plan it
was made from: goals, actions, every field part and evaluation type. Prints the mean and
the minimum per family and sample, and the overall figures the issue asks for.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from writer_variants import ALL_FAMILIES, SOURCES, compare_variant, variant

from planextract.models.check import checked_data
from planextract.pipeline import extract_file


def extract_json(path: Path) -> dict:
    return checked_data(extract_file(path, enrich=False).plan)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--families", nargs="*", default=ALL_FAMILIES)
    ap.add_argument("-v", "--verbose", action="store_true", help="print differences")
    args = ap.parse_args()
    originals = {name: extract_json(path) for name, path in SOURCES.items()}
    rows: list[tuple[str, str, list[float]]] = []
    all_scores: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for family in args.families:
            for name in SOURCES:
                scores = []
                for seed in range(args.seeds):
                    path = Path(tmp) / f"{name}-{family}-{seed}.txt"
                    path.write_text(variant(name, family, seed), "utf-8")
                    try:
                        score = compare_variant(
                            originals[name], extract_json(path), name, family, seed
                        )
                        ratio = score.ratio
                        diffs = score.differences
                    except Exception as exc:  # a variant that fails to extract scores 0
                        ratio, diffs = 0.0, [f"error: {exc}"]
                    scores.append(ratio)
                    if args.verbose and diffs:
                        print(f"--- {name} {family} seed {seed}: {ratio:.3f}")
                        for d in diffs[:12]:
                            print("   ", d)
                rows.append((family, name, scores))
                all_scores.extend(scores)
    print(f"{'family':<22} {'sample':<6} {'mean':>6} {'min':>6}  variants")
    for family, name, scores in rows:
        print(
            f"{family:<22} {name:<6} {statistics.mean(scores):6.3f} {min(scores):6.3f}  "
            f"{len(scores)}"
        )
    print(
        f"overall: mean {statistics.mean(all_scores):.3f}, min {min(all_scores):.3f} "
        f"over {len(all_scores)} variant plans"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
