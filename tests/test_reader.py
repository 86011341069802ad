"""Reading text exports: encodings, line endings, odd spaces and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from variants import sample_text, write_variant

from planextract.errors import NotAPlan, PlanExtractError, UnreadableInput
from planextract.models.plan import Plan
from planextract.pipeline import extract_file


def outline(plan: Plan) -> list[tuple[str, str, str]]:
    return [(a.id, a.kind, a.title) for a in plan.actions()]


def test_utf8_with_bom_and_crlf(tmp_path: Path, kemp: Plan) -> None:
    path = write_variant(
        tmp_path, "kemp.txt", sample_text("kemp"), encoding="utf-8-sig", newline="\r\n"
    )
    plan = extract_file(path).plan
    assert plan.source.encoding == "utf-8-sig"
    assert outline(plan) == outline(kemp)
    assert plan.strategic_goals == kemp.strategic_goals


def test_windows_1252(tmp_path: Path, elzoh: Plan) -> None:
    # Windows-1252 has ë, ’, – and • but no checkbox glyphs: those become '?'.
    path = write_variant(
        tmp_path, "elzoh.txt", sample_text("elzoh"), encoding="cp1252", errors="replace"
    )
    plan = extract_file(path).plan
    assert plan.source.encoding == "cp1252"
    assert outline(plan) == outline(elzoh)
    ev = plan.action("2.1-1").evaluation
    assert ev is not None and ev.output is not None
    assert ev.output.selected is None and ev.output.glyph == "?"
    unreadable = [f for f in plan.quality.findings if f.code == "evaluation.checkbox_unreadable"]
    assert len(unreadable) == 14  # 7 forms x 2 boxes, none guessed
    assert unreadable[0].action_id == "1.1-1"


def test_no_break_spaces_and_tabs(tmp_path: Path, kemp: Plan) -> None:
    text = sample_text("kemp").replace("Wat? ", "Wat?\u00a0").replace("- ", "-\t")
    plan = extract_file(write_variant(tmp_path, "kemp.txt", text)).plan
    assert outline(plan) == outline(kemp)
    what = plan.action("2.1-1").what
    assert what is not None and what.do == kemp.action("2.1-1").what.do  # type: ignore[union-attr]


def test_form_feed_starts_a_page(tmp_path: Path) -> None:
    text = sample_text("elzoh").replace(" Pagina 15 van 24", "\f Pagina 15 van 24")
    plan = extract_file(write_variant(tmp_path, "elzoh.txt", text)).plan
    assert plan.action("2.1-1").pages == [16, 17]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary data"),
        (bytes(range(1, 32)) * 50, "binary data"),
    ],
)
def test_bad_text_input(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableInput) as err:
        extract_file(path)
    assert reason in err.value.reason
    assert err.value.file == "bad.txt"


def test_text_that_is_not_a_plan(tmp_path: Path) -> None:
    # Real prose from a plan, but none of the template's headings or fields.
    prose = "\n".join(sample_text("kemp").split("\n")[3:8])
    path = write_variant(tmp_path, "brief.txt", prose)
    with pytest.raises(NotAPlan, match="no headings or form fields"):
        extract_file(path)


def test_pdf_name_without_pdf_content(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "plan.pdf", sample_text("kemp"))
    with pytest.raises(PlanExtractError, match="not a PDF file"):
        extract_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="cannot read file"):
        extract_file(tmp_path / "nope.txt")
