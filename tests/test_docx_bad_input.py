"""Bad Word files: one clear line naming the file and what to do, never a traceback; a
DOCX is bounded like a zip before it is parsed; a batch goes on past them."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_TXT

from planextract.cli import main
from planextract.errors import EncryptedInput, LimitExceeded, PlanExtractError, UnreadableInput
from planextract.extract.limits import Limits
from planextract.pipeline import extract_file

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def compound_file(streams: list[str]) -> bytes:
    """A minimal OLE compound file (header + one directory sector) with these stream
    names: what an encrypted DOCX ('EncryptionInfo', 'EncryptedPackage') or a .doc
    ('WordDocument') is on the outside."""
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    entries = bytearray()
    for k, name in enumerate(["Root Entry", *streams]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), 5 if k == 0 else 2)
        entries += entry
    return bytes(header) + bytes(entries.ljust(512, b"\x00"))


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def one_line(path: Path, limits: Limits | None = None) -> PlanExtractError:
    with pytest.raises(PlanExtractError) as err:
        extract_file(path, limits=limits, enrich=False)
    assert "\n" not in err.value.one_line()
    return err.value


@pytest.fixture
def bad_files(tmp_path: Path, elzoh_docx: Path) -> dict[str, Path]:
    good = elzoh_docx.read_bytes()
    files = {
        "afgebroken.docx": good[: len(good) // 2],
        "beveiligd.docx": compound_file(["EncryptionInfo", "EncryptedPackage"]),
        "oud.doc": compound_file(["WordDocument", "1Table"]),
        "plan.odt": zipped({"mimetype": b"application/vnd.oasis.opendocument.text"}),
        "macro.docm": zipped(
            {
                "[Content_Types].xml": b'<Types><Override ContentType="application/'
                b'vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
                "word/document.xml": b"<w:document/>",
            }
        ),
        "rtf.doc": b"{\\rtf1\\ansi Actieplan}",
        "leeg.docx": b"",
        "zonder-document.docx": zipped({"[Content_Types].xml": b"<Types/>"}),
        # A zip bomb renamed: 50 MB of spaces as the document part.
        "bom.docx": zipped(
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 50_000_000}
        ),
    }
    out = {}
    for name, data in files.items():
        out[name] = tmp_path / name
        out[name].write_bytes(data)
    return out


def test_each_bad_word_file_fails_with_one_clear_line(bad_files: dict[str, Path]) -> None:
    errors = {name: one_line(path) for name, path in bad_files.items()}
    assert isinstance(errors["beveiligd.docx"], EncryptedInput)
    assert errors["beveiligd.docx"].one_line() == (
        "beveiligd.docx: encrypted Word file: it needs a password; save a copy without one"
    )
    assert errors["oud.doc"].one_line() == (
        "oud.doc: old binary Word format (.doc); open it in Word and save it as .docx "
        "(or export it as PDF)"
    )
    assert errors["plan.odt"].one_line() == (
        "plan.odt: OpenDocument text (.odt); save it as .docx or export it as PDF"
    )
    assert errors["macro.docm"].one_line() == (
        "macro.docm: macro-enabled Word file (.docm); save it as .docx (without macros) or PDF"
    )
    assert errors["rtf.doc"].one_line() == (
        "rtf.doc: Rich Text Format (RTF); save it as .docx or PDF"
    )
    assert errors["leeg.docx"].one_line() == "leeg.docx: empty file"
    assert errors["zonder-document.docx"].reason == (
        "damaged Word file (no word/document.xml in the package)"
    )
    bomb = errors["bom.docx"]
    assert isinstance(bomb, LimitExceeded)
    assert "compression ratio" in bomb.reason and "zip bomb" in bomb.reason
    damaged = errors["afgebroken.docx"]
    assert isinstance(damaged, UnreadableInput)
    assert damaged.reason.startswith("damaged Word file")


def test_huge_word_file_is_refused_before_parsing(elzoh_docx: Path, tmp_path: Path) -> None:
    size = elzoh_docx.stat().st_size
    error = one_line(elzoh_docx, Limits(max_bytes=size - 1))
    assert isinstance(error, LimitExceeded)
    assert error.reason == f"file is {size} bytes, more than the limit {size - 1}"
    # A part larger than the limit once uncompressed is refused from its declared size,
    # though the file itself is within the limit.
    text = ELZOH_TXT.read_bytes() * 40
    big = tmp_path / "groot.docx"
    big.write_bytes(zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": text}))
    limit = 2 * big.stat().st_size
    assert len(text) > limit
    error = one_line(big, Limits(max_bytes=limit))
    assert isinstance(error, LimitExceeded)
    assert error.reason == (
        f"Word file refused, part 'word/document.xml': entry is {len(text)} bytes "
        f"uncompressed, more than the limit {limit}"
    )


def test_a_batch_goes_on_past_bad_word_files(
    bad_files: dict[str, Path], elzoh_docx: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, path in bad_files.items():
        (folder / name).write_bytes(path.read_bytes())
    (folder / "elzoh.docx").write_bytes(elzoh_docx.read_bytes())
    with zipfile.ZipFile(folder / "inzending.zip", "w") as z:
        z.write(elzoh_docx, "plannen/elzoh.docx")
        z.write(bad_files["oud.doc"], "plannen/oud.doc")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--no-enrich"])
    assert "Traceback" not in result.output
    rows = {}
    for line in (out / "index.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        rows[row["file"]] = row
    assert rows["in/elzoh.docx"]["status"] == "converted"
    assert rows["in/inzending.zip/plannen/elzoh.docx"]["status"] == "converted"
    failed = {f for f, r in rows.items() if r["status"] == "failed"}
    assert failed == {f"in/{name}" for name in bad_files} | {"in/inzending.zip/plannen/oud.doc"}
    for name in failed:
        assert rows[name]["error"] and "\n" not in rows[name]["error"]
    plan = json.loads((out / "in/elzoh.json").read_text("utf-8"))
    assert plan["source"]["format"] == "docx"
    assert plan["organisation"] == "Eerstelijnszone Zuidoost Hageland"
