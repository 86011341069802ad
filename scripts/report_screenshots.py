"""Write the quality reports of the two sample plans and a screenshot of each into
output/screenshots/ (git-ignored), to look at the reports as a reader sees them.

    PYTHONPATH=$PWD python scripts/report_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from headless import screenshot  # noqa: E402

from planextract.pipeline import extract_file  # noqa: E402
from planextract.report.archive import write_overview  # noqa: E402


def main() -> None:
    out = ROOT / "output" / "screenshots"
    kemp = extract_file(ROOT / "samples" / "kemp-en-duin-actieplan-2025.txt").plan
    elzoh = extract_file(ROOT / "samples" / "zuidoost-hageland-actieplan-2025.txt").plan
    write_overview([("kemp", kemp), ("elzoh", elzoh)], out)
    for name in ("kemp.rapport", "elzoh.rapport", "index"):
        png = screenshot(out / f"{name}.html", out / f"{name}.png", height=5200)
        print(png.relative_to(ROOT))


if __name__ == "__main__":
    main()
