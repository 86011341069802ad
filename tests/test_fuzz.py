"""A short run of the fuzzing harness (scripts/fuzz.py; the long run is
`PYTHONPATH=. python scripts/fuzz.py --cases 10000 --kind text`): mutated real samples
end in a result or one clean error, never an unhandled exception, a hang or a crash."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from conftest import ELZOH_PDF, SAMPLES


def _fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz", SAMPLES.parent / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module
    spec.loader.exec_module(module)
    return module


def _check(report: object) -> None:
    counts = report.counts  # type: ignore[attr-defined]
    assert not report.bad, report.bad  # type: ignore[attr-defined]
    assert counts["result"] > 0 and counts["clean error"] > 0, counts


def test_mutations_are_deterministic() -> None:
    fuzz = _fuzz()
    samples = [(p.name, p.read_bytes()) for p in fuzz.sample_files("text")]
    first = [fuzz.make_case("text", n, 7, samples) for n in range(30)]
    assert first == [fuzz.make_case("text", n, 7, samples) for n in range(30)]
    assert len({data for _, data, _ in first}) == 30


def test_short_fuzz_run_text(tmp_path: Path) -> None:
    report = _fuzz().run_fuzz("text", range(200), jobs=2, save_dir=tmp_path, small=True)
    _check(report)


def test_short_fuzz_run_pdf(tmp_path: Path) -> None:
    report = _fuzz().run_fuzz("pdf", range(10), jobs=2, save_dir=tmp_path, samples=[ELZOH_PDF])
    _check(report)


def test_short_fuzz_run_with_reports(tmp_path: Path) -> None:
    """The worker also writes each case's JSON and Dutch report, as in a batch."""
    report = _fuzz().run_fuzz(
        "text", range(200, 260), jobs=2, save_dir=tmp_path, small=True, reports=True
    )
    _check(report)


def test_a_report_that_cannot_be_made_counts_as_unhandled() -> None:
    from planextract.batch.job import Outcome

    fuzz = _fuzz()
    assert fuzz.classify(Outcome("a.txt", "converted")) == "result"
    failed = Outcome("a.txt", "converted", report_error="internal error (KeyError: 'x')")
    assert fuzz.classify(failed) == "unhandled"
