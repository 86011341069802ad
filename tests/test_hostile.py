"""Hostile input (issue 16): every cost is bounded by the document's size, never by a
number or count written in it; bad input ends in one clean line, never a traceback.

Bounds are checked with an address-space limit on a child process (tests/bounded.py), not
with the clock: the inputs are huge or slow by construction, so an unbounded algorithm
fails with MemoryError (or an internal error) instead of passing slowly.
"""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path

from bounded import cli, pdf_bomb, snippet
from variants import replace_once, sample_text, write_variant

from planextract.rules.labels import match_column_label
from planextract.rules.profile import load_profile

ELZOH_OD = "Operationele doelstelling 1.3 – Tegen 2026"


def _findings(plan: dict, code: str) -> list[dict]:
    return [f for f in plan["quality"]["findings"] if f["code"] == code]


def test_a_huge_goal_number_costs_no_memory(tmp_path: Path) -> None:
    """OD 1.99999999999999: the heading grammar takes at most three digits per level, so
    that line is text, not a goal whose number drives a loop; and the gap check lists gaps
    as runs, never counting up to the highest number (OD 1.999 after 1.2)."""
    text = replace_once(
        sample_text("elzoh"), ELZOH_OD, "Operationele doelstelling 1.99999999999999 – Tegen 2026"
    )
    path = write_variant(tmp_path, "gap.txt", text)
    done = cli("extract", str(path), "--no-enrich")
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    numbers = [od["number"] for sd in plan["strategic_goals"] for od in sd["operational_goals"]]
    assert "1.99999999999999" not in numbers and "1.3" not in numbers, numbers
    text = replace_once(
        sample_text("elzoh"), ELZOH_OD, "Operationele doelstelling 1.999 – Tegen 2026"
    )
    path = write_variant(tmp_path, "gap3.txt", text)
    done = cli("extract", str(path), "--no-enrich")
    assert done.returncode == 0, done.stderr
    gaps = [f["message"] for f in _findings(json.loads(done.stdout), "goal.number_gap")]
    assert any("1.3–1.998" in m for m in gaps), gaps


def test_assignment_of_few_columns_to_many_actions_is_not_squared() -> None:
    """12 timeline columns, 20 000 actions: a padded square matrix would need 400 M cells."""
    done = snippet(
        "from planextract.timeline.assignment import max_assignment\n"
        "scores = [[float((i * 7 + j * 13) % 101) for j in range(20000)] for i in range(12)]\n"
        "chosen = max_assignment(scores)\n"
        "assert len(set(chosen)) == 12 and None not in chosen\n"
        "flipped = max_assignment([list(col) for col in zip(*scores)])\n"
        "assert sorted(j for j in flipped if j is not None) == list(range(12))\n"
        "assert all(flipped[chosen[i]] == i for i in range(12))\n"
    )
    assert done.returncode == 0, done.stderr


def test_a_short_word_in_the_label_column_is_no_label() -> None:
    """A ruled table whose left cell is 'CAW' (shorter than every label) crashed PDFs."""
    profile = load_profile()
    assert match_column_label("CAW", profile) is None
    assert match_column_label("", profile) is None
    found = match_column_label("Met wie werk je samen?", profile)
    assert found is not None and found.key == "with_whom"


def _one_clean_line(done: object, *needles: str) -> str:
    """stderr holds error lines only, no traceback; returns it."""
    err = done.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in err and "internal error" not in err, err
    for needle in needles:
        assert needle in err, err
    return err


def test_extract_has_a_memory_budget(tmp_path: Path) -> None:
    """1 GiB of spaces in a 1 MB PDF: refused before it inflates, or by the budget."""
    bomb = pdf_bomb(tmp_path / "bomb.pdf", 1 << 30)
    done = cli("extract", str(bomb), "--max-memory", "2048", memory_mb=3000)
    assert done.returncode == 1
    _one_clean_line(done, f"error: {bomb}: a PDF stream inflates to more than 256 MB")
    # The stream is refused before PDFium (which aborts when memory runs out) inflates it,
    # whatever the budget.
    done = cli("extract", str(bomb), "--max-memory", "200", memory_mb=3000)
    assert done.returncode == 1
    _one_clean_line(done, f"error: {bomb}: a PDF stream inflates to more than 256 MB")
    out = tmp_path / "rep"
    done = cli("report", str(bomb), "--out", str(out), "--max-memory", "200", memory_mb=3000)
    assert done.returncode == 1
    _one_clean_line(done, "a PDF stream inflates to more than 256 MB")


def test_batch_refuses_a_pdf_bomb_as_a_bound(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    pdf_bomb(tmp_path / "in" / "bomb.pdf", 1 << 30)
    out = tmp_path / "out"
    done = cli(
        "batch",
        str(tmp_path / "in"),
        "--out",
        str(out),
        "--max-memory",
        "400",
        "-j",
        "1",
        memory_mb=3000,
    )
    assert done.returncode == 1, done.stderr
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    # Refused as a bound before it inflates (the 'memory' code itself: test_batch.py).
    assert [(r["status"], r["code"]) for r in rows] == [("failed", "limit")], rows


def test_a_line_longer_than_spacy_allows(tmp_path: Path) -> None:
    """One answer line of over 1 000 000 characters, enriched and not."""
    line = " ".join(["samenwerking met het CAW en de huisartsen in 2025"] * 20001)
    assert len(line) > 1_000_000
    text = replace_once(sample_text("kemp"), "Wat? \n", "Wat? \n" + line + "\n")
    path = write_variant(tmp_path, "long.txt", text)
    for flags in ([], ["--no-enrich"]):
        done = cli("extract", str(path), *flags)
        assert done.returncode == 0, done.stderr
        plan = json.loads(done.stdout)
        first = plan["strategic_goals"][0]["operational_goals"][0]["actions"][0]
        assert line in first["what"]["text"]
        if not flags:  # the CAW of the long line is found like any other
            assert any(p["name"] == "CAW" and p["field"] == "what.text" for p in first["partners"])


def test_a_footer_number_of_5000_digits(tmp_path: Path) -> None:
    huge = "9" * 5000
    text = replace_once(sample_text("elzoh"), "Pagina 15 van 24", f"Pagina {huge} van 24")
    done = cli("extract", str(write_variant(tmp_path, "digits.txt", text)), "--no-enrich")
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    assert plan["source"]["pages"] == 24
    assert huge in done.stdout  # not a footer, so not dropped as one


def test_export_refuses_numbers_beyond_64_bits(tmp_path: Path, elzoh_result: object) -> None:
    from planextract.pipeline import plan_to_json

    plan = deepcopy(elzoh_result.plan)  # type: ignore[attr-defined]
    results = tmp_path / "results"
    results.mkdir()
    (results / "ok.json").write_text(plan_to_json(plan))
    plan.source.pages = 2**64
    (results / "big.json").write_text(plan_to_json(plan))
    done = cli("export", str(results), "--sqlite", str(tmp_path / "db" / "p.db"))
    assert done.returncode == 1
    err = _one_clean_line(done, "error: big.json: number too large for the tables")
    assert "1 plans exported" in err


def test_csv_cells_cannot_be_formulas(tmp_path: Path, elzoh_result: object) -> None:
    import csv

    from planextract.batch.index import make_row, write_index
    from planextract.pipeline import plan_to_json

    plan = deepcopy(elzoh_result.plan)  # type: ignore[attr-defined]
    plan.title = '=HYPERLINK("http://x","klik")'
    plan.organisation = "@SUM(1+1)"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.json").write_text(plan_to_json(plan))
    done = cli("export", str(tmp_path / "in"), "--csv", str(tmp_path / "csv"))
    assert done.returncode == 0, done.stderr
    with (tmp_path / "csv" / "plans.csv").open(newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'" + plan.title
    assert row["organisation"] == "'@SUM(1+1)"
    assert row["pages"] == "24"  # numbers stay numbers
    write_index(tmp_path, [make_row(file="-2+3.txt", status="failed", error="\tx")])
    with (tmp_path / "index.csv").open(newline="") as fh:
        row = next(csv.DictReader(fh))
    assert (row["file"], row["error"]) == ("'-2+3.txt", "'\tx")


def test_an_unwritable_out_is_one_line_per_command(tmp_path: Path) -> None:
    from conftest import ELZOH_TXT, KEMP_TXT

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "sub"
    done = cli("extract", str(ELZOH_TXT), str(KEMP_TXT), "--out", str(out), "--no-enrich")
    assert done.returncode == 1
    err = _one_clean_line(done, "zuidoost-hageland-actieplan-2025.json: cannot write")
    assert "kemp-en-duin-actieplan-2025.json: cannot write" in err  # it went on
    done = cli("report", str(ELZOH_TXT), "--out", str(out))
    assert done.returncode == 1
    _one_clean_line(done, "cannot write")
    done = cli("schema", "--out", str(out / "s.json"))
    assert done.returncode == 1
    _one_clean_line(done, "s.json: cannot write")
    (tmp_path / "in").mkdir()
    done = cli("export", str(tmp_path / "in"), "--sqlite", str(out / "p.db"))
    assert done.returncode == 1
    _one_clean_line(done, "cannot write")


def test_timeouts_that_disable_the_bound_are_refused() -> None:
    from conftest import ELZOH_TXT

    for value in ("nan", "inf", "0", "-1"):
        done = cli("extract", str(ELZOH_TXT), "--timeout", value)
        assert done.returncode == 2, value
        _one_clean_line(done, "the time limit must be a positive number of seconds")


def test_limits_out_of_range_are_usage_errors(tmp_path: Path) -> None:
    """A limit of 0 or less would make every file fail ('more than the limit -5'); a memory
    budget beyond a terabyte overflowed the address-space limit."""
    from click.testing import CliRunner
    from conftest import ELZOH_TXT

    from planextract.cli import main

    refused = {
        ("--max-pages", "-5"): "-5 is not in the range x>=1",
        ("--max-pages", "0"): "0 is not in the range x>=1",
        ("--max-memory", "0"): "0 is not in the range 64<=x<=1048576",
        ("--max-memory", "99999999999999999999"): "is not in the range 64<=x<=1048576",
    }
    for command in ("extract", "report", "batch"):
        for (option, value), reason in refused.items():
            args = [command, str(ELZOH_TXT), "--out", str(tmp_path / "o"), option, value]
            done = CliRunner().invoke(main, args)
            assert done.exit_code == 2, (command, option, value, done.output)
            assert f"Invalid value for '{option}': " in done.stderr and reason in done.stderr
    jobs = CliRunner().invoke(main, ["batch", str(ELZOH_TXT), "--out", str(tmp_path), "-j", "0"])
    assert jobs.exit_code == 2 and "0 is not in the range x>=1" in jobs.stderr
    assert not (tmp_path / "o").exists()


def test_a_timeout_too_large_for_the_clocks_is_a_usage_error(tmp_path: Path) -> None:
    """Beyond a week the timers overflow (setitimer, the batch's wait in milliseconds)."""
    from conftest import ELZOH_TXT

    for command, value in (("extract", "1e12"), ("batch", "2200000"), ("report", "604801")):
        done = cli(command, str(ELZOH_TXT), "--out", str(tmp_path / "o"), "--timeout", value)
        assert done.returncode == 2, (command, done.stderr)
        _one_clean_line(done, "the time limit may be at most 604800 seconds (a week)")
    assert not (tmp_path / "o").exists()


def test_a_device_that_never_ends_is_refused() -> None:
    done = cli("extract", "/dev/zero")
    assert done.returncode == 1
    _one_clean_line(done, "error: /dev/zero: more than the limit of")


def test_utf8_cut_inside_its_last_character(tmp_path: Path) -> None:
    data = sample_text("elzoh").encode("utf-8") + "☐".encode()[:2]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    done = cli("extract", str(path), "--no-enrich")
    assert done.returncode == 0, done.stderr
    source = json.loads(done.stdout)["source"]
    assert source["encoding"] == "utf-8 (1 invalid byte sequence(s) replaced by U+FFFD)"


def test_control_characters_in_file_names_are_escaped(tmp_path: Path) -> None:
    from conftest import ELZOH_TXT

    good = tmp_path / "plan\x1b[31m.txt"
    good.write_bytes(ELZOH_TXT.read_bytes())
    bad = tmp_path / "bad\nname.pdf"
    bad.write_bytes(b"no pdf")
    done = cli("extract", str(good), str(bad), "--out", str(tmp_path / "o"), "--no-enrich")
    assert done.returncode == 1
    assert "\x1b" not in done.stderr and "bad\nname" not in done.stderr
    assert "plan\\x1b[31m.txt: " in done.stderr and "bad\\x0aname.pdf: " in done.stderr


def test_a_result_out_of_proportion_to_its_input_is_refused(tmp_path: Path) -> None:
    """Repeated labels make an action each: 50 times the input in JSON; bounded at 25x."""
    labels = "Wat?\nWaarom?\nVoor wie?\nMet wie?\nHoe?\nEvaluatie\n☒ Procesevaluatie\n"
    text = replace_once(sample_text("kemp"), "Wat? \n", labels * 4000 + "Wat? \n")
    path = write_variant(tmp_path, "labels.txt", text)
    done = cli("extract", str(path), "--no-enrich", "--out", str(tmp_path / "o"))
    assert done.returncode == 1
    _one_clean_line(done, f"error: {path}: the result would be", "more than 25 times the input")
    assert not (tmp_path / "o" / "labels.json").exists()


def test_only_failures_of_the_input_are_remembered(tmp_path: Path) -> None:
    from planextract import __version__
    from planextract.batch.resume import Journal, failure_limits
    from planextract.extract.limits import Limits
    from planextract.extract.zipbounds import ZipLimits

    limits = failure_limits(Limits(), 2048, ZipLimits())
    journal = Journal(tmp_path)
    base = {"status": "failed", "sha256": "ab", "tool_version": __version__, "profile": "p"}
    base["limits"] = limits
    journal.append({**base, "file": "full-disk.txt", "code": "output", "error": "No space"})
    journal.append({**base, "file": "broken.pdf", "code": "unreadable", "error": "damaged"})
    journal.append({**base, "file": "no-reader.pdf", "code": "setup", "error": "reinstall"})
    assert list(journal.known_failures("p", limits)) == ["broken.pdf"]


def test_stale_temp_cleanup_spares_the_users_files(tmp_path: Path) -> None:
    from planextract.batch.resume import remove_stale_temp
    from planextract.output import atomic_path

    mine = [tmp_path / ".notes.backup.tmp", tmp_path / "sub" / ".a.b.tmp"]
    for path in mine:
        path.parent.mkdir(exist_ok=True)
        path.write_text("the user's own")
    with atomic_path(tmp_path / "sub" / "x.json") as tmp:  # a leftover of a killed run
        tmp.write_text("{")
        left = tmp.read_bytes()
        (tmp_path / "sub" / tmp.name.replace(".tmp", ".tmp.keep")).write_bytes(left)
    leftover = next((tmp_path / "sub").glob("*.tmp.keep"))
    leftover.rename(leftover.with_name(leftover.name.removesuffix(".keep")))
    assert remove_stale_temp(tmp_path) == 1
    assert all(p.read_text() == "the user's own" for p in mine)


def test_pdfminer_warnings_stay_off_stderr(tmp_path: Path) -> None:
    from conftest import ELZOH_PDF

    data = ELZOH_PDF.read_bytes().replace(b"/FontBBox", b"/FontBBoz")  # pdfminer warns
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    done = cli("extract", str(path), "--no-enrich", "--max-pages", "500")
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr


def test_batch_inputs_cannot_overwrite_the_tools_own_folders(tmp_path: Path) -> None:
    from conftest import ELZOH_TXT

    folder = tmp_path / "in" / "_kwaliteitsrapport"
    folder.mkdir(parents=True)
    (folder / "index.txt").write_bytes(ELZOH_TXT.read_bytes())
    (tmp_path / "plan.txt").write_bytes(ELZOH_TXT.read_bytes())
    out = tmp_path / "out"
    done = cli("batch", str(folder), str(tmp_path / "plan.txt"), "--out", str(out), "-j", "1")
    assert done.returncode == 1, done.stderr
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert [(r["file"], r["status"], r["code"]) for r in rows] == [
        ("_kwaliteitsrapport/index.txt", "failed", "output-clash"),
        ("plan.txt", "converted", None),
    ]
    overview = json.loads((out / "_kwaliteitsrapport" / "index.json").read_text())
    assert "schema_version" not in overview  # the overview, not a plan


def test_batch_inputs_named_like_the_index_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    """A folder index.jsonl/ and a zip index.csv.zip would put their results in folders
    named like the index files: each is refused, the index is written, the rest goes on."""
    import zipfile

    from conftest import ELZOH_TXT

    folder = tmp_path / "in" / "index.jsonl"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_bytes(ELZOH_TXT.read_bytes())
    archive = tmp_path / "in" / "INDEX.csv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("b.txt", ELZOH_TXT.read_bytes())
    (tmp_path / "plan.txt").write_bytes(ELZOH_TXT.read_bytes())
    out = tmp_path / "out"
    args = [str(folder), str(archive), str(tmp_path / "plan.txt")]
    done = cli("batch", *args, "--out", str(out), "-j", "1")
    assert done.returncode == 1, done.stderr
    _one_clean_line(done, "index.jsonl/a.txt: its result would go into index.jsonl/, a name")
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert [(r["file"], r["status"], r["code"]) for r in rows] == [
        ("INDEX.csv.zip/b.txt", "failed", "output-clash"),
        ("index.jsonl/a.txt", "failed", "output-clash"),
        ("plan.txt", "converted", None),
    ]
    assert (out / "index.csv").is_file()


def test_a_zip_with_two_entries_of_one_name_reads_neither(tmp_path: Path) -> None:
    import warnings
    import zipfile

    from conftest import ELZOH_TXT, KEMP_TXT

    from planextract.batch.discover import discover

    archive = tmp_path / "twee.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(archive, "w") as zf:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        zf.writestr("plan.txt", ELZOH_TXT.read_bytes())
        zf.writestr("plan.txt", KEMP_TXT.read_bytes())
    found = discover([archive], tmp_path / "out")
    assert [(i.source, i.code) for i in found.items] == [
        ("twee.zip/plan.txt", "unsafe-entry"),
        ("twee.zip/plan.txt [2]", "unsafe-entry"),
    ]


def test_batch_progress_escapes_control_characters(tmp_path: Path) -> None:
    from conftest import ELZOH_TXT

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\x1b[2Jb.txt").write_bytes(ELZOH_TXT.read_bytes())
    (tmp_path / "in" / "c\nd.txt").write_bytes(b"\x00\x01 binary")
    done = cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1")
    assert done.returncode == 1
    assert "\x1b" not in done.stderr and "c\nd" not in done.stderr, done.stderr
    assert "a\\x1b[2Jb.txt" in done.stderr and "c\\x0ad.txt" in done.stderr
