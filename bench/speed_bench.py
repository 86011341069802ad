"""Whole-process speed, as a user feels it: each command is its own process, the runs
are interleaved (one of each, then the next round), and CPU seconds (user + system of
the child) are the measure, because on a shared virtual machine wall time also counts
other guests' work.

    PYTHONPATH=. python bench/speed_bench.py [--repeat 5] [--pdf FILE] [--text FILE ...]
                                             [--batch] [--batch-plans 40 --batch-pdf-copies 2]

Printed per command: median CPU s with min–max, median wall s, peak resident memory,
and the ratios the issue's targets are stated in (PDF extraction against bare
pdfplumber `extract_text` and against bare PDFium text, text plans and `--help`
against `python -c pass`). `--batch` runs bench/batch_bench.py after it (pages/s with 1
and 2 workers, memory per worker).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEMP_PDF = ROOT / "samples" / "pdf" / "kemp-en-duin-actieplan-2025.pdf"
TEXTS = [
    ROOT / "samples" / "kemp-en-duin-actieplan-2025.txt",
    ROOT / "samples" / "zuidoost-hageland-actieplan-2025.txt",
]
BARE_PDFPLUMBER = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text()\n"
    "        page.close()\n"
)
BARE_PDFIUM = (
    "import sys, pypdfium2 as pdfium\n"
    "pdf = pdfium.PdfDocument(sys.argv[1])\n"
    "for i in range(len(pdf)):\n"
    "    pdf[i].get_textpage().get_text_range()\n"
)


@dataclass
class Command:
    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    cwd: Path | None = None  # `python -m` imports from the working folder first
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    rss_mb: float = 0.0

    def run(self) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env, cwd=self.cwd
        )
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall.append(time.perf_counter() - start)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if proc.returncode not in (0,):
            raise SystemExit(f"{self.name} failed ({proc.returncode}): {err.strip()[-500:]}")
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.rss_mb = max(self.rss_mb, usage.ru_maxrss / 1024)

    @property
    def median(self) -> float:
        return statistics.median(self.cpu)


def run_interleaved(commands: list[Command], repeat: int) -> None:
    """One warm-up run of each (page cache, .pyc files), then `repeat` rounds of one run
    of each, so a change in the machine's speed touches every command alike."""
    for command in commands:
        command.run()
        command.cpu.clear()
        command.wall.clear()
    for _ in range(repeat):
        for command in commands:
            command.run()


def editable_install() -> bool:
    """Whether this Python has planextract installed in editable mode: an __editable__
    .pth file of it in a site-packages folder (the file that costs every process)."""
    import site

    folders = [*site.getsitepackages(), site.getusersitepackages()]
    return any(
        any(Path(folder).glob("__editable__*planextract*.pth"))
        for folder in folders
        if Path(folder).is_dir()
    )


EDITABLE_WARNING = (
    "warning: planextract is installed in editable mode in this Python. Its import hook "
    "(an __editable__ .pth file) runs in every process, `python -c pass` included: about "
    "16 ms here, which doubles `python -c pass` and makes every ratio to it look about "
    "twice as good as for a `pip install .` (the README's install). For the figures, run "
    "the bench with the Python of a plain install (PYTHONPATH=. still runs this tree)."
)


def warn_if_editable() -> None:
    """On stderr as the run starts (the figures repeat it on stdout at the end)."""
    if editable_install():
        print(EDITABLE_WARNING, file=sys.stderr)


def planextract_argv() -> list[str]:
    script = Path(sys.executable).parent / "planextract"
    return [str(script)] if script.exists() else [sys.executable, "-m", "planextract"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--pdf", type=Path, default=KEMP_PDF)
    parser.add_argument("--text", type=Path, nargs="*", default=TEXTS)
    parser.add_argument(
        "--compare",
        type=Path,
        help="source tree of another planextract version (e.g. from `git archive`): its "
        "extract commands run interleaved with these, as 'before'",
    )
    parser.add_argument("--batch", action="store_true", help="also run bench/batch_bench.py")
    parser.add_argument("--batch-plans", type=int, default=40)
    parser.add_argument("--batch-pdf-copies", type=int, default=2)
    args = parser.parse_args(argv)

    # A pip install writes the package's bytecode; an editable install under
    # PYTHONDONTWRITEBYTECODE never does, and each process would compile every module.
    compileall.compile_dir(str(ROOT / "planextract"), quiet=1)
    warn_if_editable()
    tool = planextract_argv()
    py = sys.executable
    out = Path(tempfile.mkdtemp(prefix="speed-bench-"))
    pdf = str(args.pdf)
    commands = [
        Command("python -c pass", [py, "-c", "pass"]),
        Command("planextract --help", [*tool, "--help"]),
        Command("bare pdfplumber extract_text", [py, "-c", BARE_PDFPLUMBER, pdf]),
        Command("bare PDFium text", [py, "-c", BARE_PDFIUM, pdf]),
        Command(f"extract {args.pdf.name}", [*tool, "extract", pdf, "--out", str(out), "-q"]),
        Command(
            f"extract {args.pdf.name} --no-enrich",
            [*tool, "extract", pdf, "--out", str(out), "-q", "--no-enrich"],
        ),
        Command(
            f"extract {args.pdf.name} --reader pdfplumber",
            [*tool, "extract", pdf, "--out", str(out), "-q", "--reader", "pdfplumber"],
        ),
    ]
    for text in args.text:
        base = [*tool, "extract", str(text), "--out", str(out), "-q"]
        commands.append(Command(f"extract {text.name}", base))
        commands.append(Command(f"extract {text.name} --no-enrich", [*base, "--no-enrich"]))
    if args.compare:
        other = args.compare.resolve()
        compileall.compile_dir(str(other / "planextract"), quiet=1)
        env = {**os.environ, "PYTHONPATH": str(other)}
        before = [py, "-m", "planextract", "extract", "-q"]
        commands.append(
            Command(
                f"before: extract {args.pdf.name}", [*before, pdf, "--out", str(out)], env, other
            )
        )
        commands.append(
            Command(
                f"before: extract {args.pdf.name} --no-enrich",
                [*before, pdf, "--out", str(out), "--no-enrich"],
                env,
                other,
            )
        )
        for text in args.text:
            base = [*before, str(text), "--out", str(out)]
            commands.append(Command(f"before: extract {text.name}", base, env, other))
            commands.append(
                Command(
                    f"before: extract {text.name} --no-enrich", [*base, "--no-enrich"], env, other
                )
            )
        help_before = [py, "-m", "planextract", "--help"]
        commands.append(Command("before: planextract --help", help_before, env, other))
    try:
        run_interleaved(commands, args.repeat)
    finally:
        shutil.rmtree(out, ignore_errors=True)

    by_name = {c.name: c for c in commands}
    print(f"{'command':60} {'CPU s median (min–max)':>24} {'wall s':>7} {'RSS MB':>7}")
    for c in commands:
        spread = f"{c.median:.2f} ({min(c.cpu):.2f}–{max(c.cpu):.2f})"
        print(f"{c.name:60} {spread:>24} {statistics.median(c.wall):7.2f} {c.rss_mb:7.0f}")
    plumber = by_name["bare pdfplumber extract_text"]
    pdfium = by_name["bare PDFium text"]
    nothing = by_name["python -c pass"]
    print(
        f"\nratios of medians (CPU), {args.repeat} interleaved runs; then the median and "
        "min–max of the ratio within each round (on a VM whose speed drifts, the rounds "
        "compare commands run seconds apart):"
    )
    ratios = [
        (f"extract {args.pdf.name}", plumber, "bare pdfplumber", "≤ 0.6"),
        (f"extract {args.pdf.name} --no-enrich", plumber, "bare pdfplumber", "≤ 0.35"),
        (f"extract {args.pdf.name} --reader pdfplumber", plumber, "bare pdfplumber", ""),
        (f"extract {args.pdf.name}", pdfium, "bare PDFium text", ""),
        (f"extract {args.pdf.name} --no-enrich", pdfium, "bare PDFium text", ""),
        ("planextract --help", nothing, "python -c pass", "≤ 5"),
    ]
    for text in args.text:
        ratios.append((f"extract {text.name} --no-enrich", nothing, "python -c pass", "≤ 10"))
        ratios.append((f"extract {text.name}", nothing, "python -c pass", "(≤ 1.5 s)"))
    if args.compare:
        ratios.append((f"before: extract {args.pdf.name}", plumber, "bare pdfplumber", "(before)"))
        ratios.append(
            (f"before: extract {args.pdf.name} --no-enrich", plumber, "bare pdfplumber", "(before)")
        )
        ratios.append(("before: planextract --help", nothing, "python -c pass", "(before)"))
        for text in args.text:
            ratios.append(
                (f"before: extract {text.name} --no-enrich", nothing, "python -c pass", "(before)")
            )
            ratios.append((f"before: extract {text.name}", nothing, "python -c pass", "(before)"))
    for name, base, base_name, target in ratios:
        command = by_name[name]
        value = command.median / base.median
        rounds = [c / b for c, b in zip(command.cpu, base.cpu, strict=True)]
        spread = f"{statistics.median(rounds):.2f}× ({min(rounds):.2f}–{max(rounds):.2f})"
        print(f"  {name:60} / {base_name:16} = {value:6.2f}×  {target:10} rounds {spread}")
    if editable_install():
        print(f"\n{EDITABLE_WARNING}")
    if args.batch:
        sys.stdout.flush()
        batch = [py, str(ROOT / "bench" / "batch_bench.py"), "--plans", str(args.batch_plans)]
        batch += ["--pdf-copies", str(args.batch_pdf_copies), "--jobs", "1", "2"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.call(batch, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
