"""Peak memory of the batch supervisor (the process that runs `planextract batch`, not its
workers) on plans whose result is large: issue 16, point 4.

    PYTHONPATH=. python bench/supervisor_memory.py [--reps 0 500 1800 6800] [--enrich]

Each input is the Kemp en Duin sample with a block of bare template labels repeated
`--reps` times after its first 'Wat?' (each block makes one more action): 6800 gives a
text like the issue's (506 KB; a 35 MB JSON, which the output bound refuses); 500 and
1800 give results under that bound (2.7 MB from 94 KB, 9.4 MB from 179 KB), which the
batch writes and, before issue 16's point 4 was done, read back for the archive overview
(without --enrich unless asked, to be quick). Prints the input size, the result size,
the index status and the supervisor's peak resident memory (ru_maxrss of the batch
process itself; its workers and the fork server are separate processes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kemp-en-duin-actieplan-2025.txt"
LABELS = "Wat?\nWaarom?\nVoor wie?\nMet wie?\nHoe?\nEvaluatie\n☒ Procesevaluatie\n"

# Runs the CLI in this process and prints its own peak RSS (KiB) on the last line.
_WRAPPER = """
import resource, runpy, sys
sys.argv = ["planextract", *sys.argv[1:]]
try:
    runpy.run_module("planextract", run_name="__main__")
except SystemExit:
    pass
finally:
    print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def make_input(folder: Path, reps: int) -> Path:
    text = SAMPLE.read_text("utf-8").replace("Wat? \n", LABELS * reps + "Wat? \n", 1)
    path = folder / f"labels-{reps}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def measure(reps: int, jobs: int, timeout: float, enrich: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="planextract-supmem-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        source = make_input(folder, reps)
        out = Path(tmp) / "out"
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0")
        args = ["batch", str(folder), "--out", str(out), "-j", str(jobs), "-q"]
        args += ["--timeout", str(timeout)] + ([] if enrich else ["--no-enrich"])
        done = subprocess.run(
            [sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, env=env
        )
        peak = next(
            int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")
        )
        row = json.loads((out / "index.jsonl").read_text().splitlines()[0])
        result = out / (row["output"] or "-")
        return {
            "reps": reps,
            "input_kb": source.stat().st_size // 1024,
            "status": row["status"],
            "error": row["error"],
            "result_kb": result.stat().st_size // 1024 if result.is_file() else None,
            "supervisor_peak_mb": round(peak / 1024, 1),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, nargs="+", default=[0, 500, 1800, 6800])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--enrich", action="store_true")
    args = parser.parse_args()
    for reps in args.reps:
        found = measure(reps, args.jobs, args.timeout, args.enrich)
        print(json.dumps(found, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
