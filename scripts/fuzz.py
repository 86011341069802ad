"""Mutation fuzzing of the extraction: seeded, deterministic damage to the real samples.

    PYTHONPATH=. python scripts/fuzz.py --cases 10000 --kind text [--seed 1] [--jobs 2]
    PYTHONPATH=. python scripts/fuzz.py --cases 1000 --kind pdf

Each case is one sample (samples/*.txt, samples/pdf/*.pdf) with one to three mutations
(text: bytes, lines, unicode, lengths; PDF: stream bytes, truncation, xref damage), chosen
by a random generator seeded with (seed, kind, case number), so a case is reproduced by its
number alone. Cases run in the batch's worker processes (planextract.batch.workers): each
with a time budget, an address-space limit, killed when it does not answer, replaced when
it dies. The run prints how many cases ended in a result, a clean error (one line: damaged,
not a plan, a limit), an unhandled exception (`internal error`), a hang (the worker did not
answer within the hard deadline) or a crash (the worker died), and saves every input of the
last three kinds with its reason under output/fuzz/ (git-ignored). With --reports each
worker also writes the case's JSON and its Dutch quality report (as in a batch) and makes
its overview summary: a report that cannot be made counts as unhandled.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planextract.batch.discover import WorkItem
from planextract.batch.job import Outcome, Setup, Task
from planextract.batch.workers import WorkerPool
from planextract.extract.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAVE_DIR = ROOT / "output" / "fuzz"
BAD = ("unhandled", "hang", "crash")
KINDS = ("result", "clean error", "unhandled", "hang", "crash")

# Characters that stress the rules: checkboxes, dashes, quotes, spaces, direction marks,
# combining marks, the replacement character, private-use glyphs, control characters.
NASTY = [
    "☒", "☐", "–", "—", "’", "\u00a0", "\u200b", "\u202e", "\u0301", "\ufffd", "\uf0fe",
    "\x00", "\x1b", "\f", "\r", "\t", "\u2028", "𝔄", "ß", "Ǆ", "İ", "=", "@", "<script>",
]  # fmt: skip
TEMPLATE_WORDS = [
    "Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Evaluatie", "Actie:", "Tijdslijn",
    "Strategische doelstelling 1 –", "Operationele doelstelling 1.1 –", "Pagina 3 van 24",
    "☒ Procesevaluatie", "☐ Resultaatgerichte evaluatie (Output)", "Januari", "December",
    "1) Wat ga je wel doen?", "Doelgroep(en)", "- ", "o ", "/", "Bijlage", "Inleiding",
]  # fmt: skip


HUGE_NUMBER_LINES = [
    b"Pagina %s van 24", b"Pagina 3 van %s", b"Operationele doelstelling 1.%s -",
    b"Strategische doelstelling %s - x", b"minstens %sx per jaar",
]  # fmt: skip


def _span(rng: random.Random, n: int, most: int) -> tuple[int, int]:
    start = rng.randrange(max(1, n))
    return start, min(n, start + rng.randint(1, max(1, most)))


# -- text mutations ----------------------------------------------------------------------


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    op = rng.choice(("drop", "dup", "shuffle", "swap", "repeat"))
    a, b = _span(rng, len(lines), 40)
    if op == "drop":
        del lines[a:b]
    elif op == "dup":
        lines[a:a] = lines[a:b]
    elif op == "shuffle":
        part = lines[a:b]
        rng.shuffle(part)
        lines[a:b] = part
    elif op == "swap" and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:  # one block many times: many actions, repeated labels
        lines[a:a] = lines[a:b] * rng.randint(2, 200)
    return b"\n".join(lines)


def _unicode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(NASTY + TEMPLATE_WORDS) + text[at:]
    encoding = rng.choice(("utf-8", "utf-8", "utf-16", "cp1252", "utf-8-sig"))
    return text.encode(encoding, errors="replace")


def _lengths(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines) + 1)
    op = rng.choice(("long line", "many lines", "huge number", "deep goal", "template"))
    if op == "long line":
        word = rng.choice([b"CAW ", b"x", b"huisartsen ", b"2025 ", b"- ", "☐ ".encode()])
        new = [word * rng.randint(1000, 300_000)]
    elif op == "many lines":
        new = [rng.choice(lines)] * rng.randint(100, 20_000)
    elif op == "huge number":
        digits = b"9" * rng.choice((19, 20, 400, 4301, 5000, 20_000))
        new = [rng.choice(HUGE_NUMBER_LINES) % digits]
    elif op == "deep goal":
        dots = b".".join([b"1"] * rng.randint(3, 2000))
        new = [b"Operationele doelstelling " + dots + b" - x"]
    else:
        new = [rng.choice(TEMPLATE_WORDS).encode() for _ in range(rng.randint(1, 500))]
    lines[at:at] = new
    return b"\n".join(lines)


def _window(data: bytes, rng: random.Random) -> bytes:
    """A piece of the plan only: small inputs are fast and hit the edges of every rule."""
    lines = data.split(b"\n")
    a, b = _span(rng, len(lines), 400)
    return b"\n".join(lines[a:b])


TEXT_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _flip_bytes, _insert_bytes, _cut, _lines, _lines, _unicode, _unicode, _lengths, _window,
]  # fmt: skip


# -- PDF mutations -----------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n")


def _stream_bytes(data: bytes, rng: random.Random) -> bytes:
    starts = [m.end() for m in _STREAM.finditer(data)]
    if not starts:
        return _flip_bytes(data, rng)
    out = bytearray(data)
    at = rng.choice(starts)
    for _ in range(rng.randint(1, 8)):
        i = at + rng.randrange(200)
        if i < len(out):
            out[i] = rng.randrange(256)
    return bytes(out)


def _xref(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"xref")
    if at < 0:
        return _flip_bytes(data, rng)
    op = rng.choice(("offsets", "startxref", "drop", "trailer"))
    if op == "offsets":
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            i = at + rng.randrange(min(2000, len(data) - at))
            if out[i : i + 1].isdigit():
                out[i] = ord(str(rng.randrange(10)))
        return bytes(out)
    if op == "startxref":
        return re.sub(rb"startxref\s+\d+", b"startxref %d" % rng.randrange(10**7), data)
    if op == "drop":
        return data[:at] + data[at + rng.randint(1, 400) :]
    return data.replace(b"/Root", rng.choice([b"/Roet", b"/Root 999 0 R /X"]), 1)


def _pdf_objects(data: bytes, rng: random.Random) -> bytes:
    op = rng.choice(("length", "count", "kids", "filter", "dup"))
    if op == "length":
        return re.sub(rb"/Length \d+", b"/Length %d" % rng.randrange(10**9), data, count=3)
    if op == "count":
        return re.sub(rb"/Count \d+", b"/Count %d" % rng.randrange(10**12), data, count=1)
    if op == "kids":
        return data.replace(b"/Kids [", b"/Kids [1 0 R ", 1)
    if op == "filter":
        new = rng.choice([b"/LZWDecode", b"/ASCII85Decode", b"/RunLengthDecode", b"/Nope"])
        return data.replace(b"/FlateDecode", new, rng.randint(1, 5))
    a, b = _span(rng, len(data), 20_000)
    return data[:b] + data[a:b] + data[b:]


PDF_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _stream_bytes, _stream_bytes, _xref, _cut, _flip_bytes, _insert_bytes, _pdf_objects,
]  # fmt: skip


# -- cases -------------------------------------------------------------------------------


def sample_files(kind: str) -> list[Path]:
    if kind == "text":
        return sorted(SAMPLES.glob("*.txt"))
    return sorted((SAMPLES / "pdf").glob("*.pdf")) + sorted(
        (SAMPLES / "pdf" / "variants").glob("*.pdf")
    )


def make_case(
    kind: str, number: int, seed: int, samples: list[tuple[str, bytes]], small: bool = False
) -> tuple[str, bytes, str]:
    """(file name, bytes, what was done) of case `number`: the same for the same seed.
    `small`: a text case starts from a piece of the plan (a fast run for the tests)."""
    rng = random.Random(f"{seed}:{kind}:{number}")
    name, data = rng.choice(samples)
    mutations = TEXT_MUTATIONS if kind == "text" else PDF_MUTATIONS
    done = []
    if small and kind == "text":
        data = _window(data, rng)
        done.append("window")
    for _ in range(rng.randint(1, 3)):
        mutate = rng.choice(mutations)
        data = mutate(data, rng)
        done.append(mutate.__name__.strip("_"))
    suffix = ".txt" if kind == "text" else ".pdf"
    return f"{kind}-{number:06d}{suffix}", data, f"{name}: {', '.join(done)}"


def classify(outcome: Outcome) -> str:
    if outcome.status != "failed":
        return "unhandled" if outcome.report_error else "result"
    if outcome.code == "internal":
        return "unhandled"
    if outcome.code == "crash":
        return "crash"
    if outcome.code == "limit" and (outcome.error or "").startswith("no result within"):
        return "hang"
    return "clean error"


@dataclass
class FuzzReport:
    counts: Counter[str] = field(default_factory=Counter)
    bad: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, case, how, why
    codes: Counter[str] = field(default_factory=Counter)


def _chunks(numbers: range, size: int) -> Iterator[range]:
    for start in range(numbers.start, numbers.stop, size):
        yield range(start, min(start + size, numbers.stop))


def run_fuzz(
    kind: str,
    cases: range,
    seed: int = 1,
    jobs: int = 2,
    seconds: float = 30.0,
    memory_mb: int = 1024,
    save_dir: Path | None = SAVE_DIR,
    chunk: int = 200,
    progress: Callable[[str], None] | None = None,
    small: bool = False,
    samples: list[Path] | None = None,
    reports: bool = False,
) -> FuzzReport:
    """Run the cases in worker processes; inputs of unhandled exceptions, hangs and crashes
    are saved to `save_dir` (with a .txt note: how it was made and what happened).
    `reports`: each case's JSON and quality report are written too (in a temp folder)."""
    inputs = [(p.name, p.read_bytes()) for p in samples or sample_files(kind)]
    setup = Setup(limits=Limits(seconds=seconds), memory_mb=memory_mb, enrich=True)
    report = FuzzReport()
    for numbers in _chunks(cases, chunk):
        with tempfile.TemporaryDirectory(prefix="planextract-fuzz-") as tmp:
            made: dict[str, tuple[bytes, str]] = {}
            tasks = []
            for number in numbers:
                name, data, how = make_case(kind, number, seed, inputs, small)
                path = Path(tmp) / name
                path.write_bytes(data)
                made[name] = (data, how)
                stage = None
                if reports:
                    stage = Path(tmp) / f"stage-{number}"
                    stage.mkdir()
                item = WorkItem(source=name, path=path, name=name)
                tasks.append(Task(item, None, stage=stage, report_name="case" if reports else None))
            for outcome in WorkerPool(jobs, setup).run(tasks):
                verdict = classify(outcome)
                report.counts[verdict] += 1
                if verdict != "result":
                    report.codes[outcome.code or ("report" if outcome.report_error else "?")] += 1
                if verdict in BAD:
                    data, how = made[outcome.source]
                    why = outcome.error or f"no report: {outcome.report_error}"
                    report.bad.append((verdict, outcome.source, how, why))
                    if save_dir is not None:
                        save_dir.mkdir(parents=True, exist_ok=True)
                        (save_dir / outcome.source).write_bytes(data)
                        note = f"{verdict}: {why}\nmade from {how} (seed {seed})\n"
                        (save_dir / f"{outcome.source}.why.txt").write_text(note)
        if progress:
            done = numbers.stop - cases.start
            progress(f"{kind}: {done} cases, {dict(report.counts)}, codes {dict(report.codes)}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--kind", choices=("text", "pdf", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--max-memory", type=int, default=1024, help="MB per worker")
    parser.add_argument("--chunk", type=int, default=200, help="cases per pool of workers")
    parser.add_argument(
        "--reports", action="store_true", help="also write each case's JSON and quality report"
    )
    args = parser.parse_args(argv)
    kinds = ("text", "pdf") if args.kind == "both" else (args.kind,)
    bad = 0
    for kind in kinds:
        report = run_fuzz(
            kind,
            range(args.first, args.first + args.cases),
            seed=args.seed,
            jobs=args.jobs,
            seconds=args.timeout,
            memory_mb=args.max_memory,
            chunk=args.chunk,
            progress=lambda line: print(line, file=sys.stderr, flush=True),
            reports=args.reports,
        )
        parts = ", ".join(f"{report.counts[k]} {k}" for k in KINDS)
        with_reports = ", with reports" if args.reports else ""
        print(f"{kind}: {args.cases} cases (seed {args.seed}{with_reports}): {parts}")
        print(f"  clean errors by code: {dict(sorted(report.codes.items()))}")
        for verdict, case, how, why in report.bad:
            print(f"  {verdict}: {case} ({how}): {why}")
        bad += sum(report.counts[k] for k in BAD)
    if bad:
        print(f"failing inputs saved in {SAVE_DIR}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
