"""LZW, RunLength and filter chains are bounded like Flate (issue 16, points 3 and 4: a PDF
stream is refused before a reader decodes it past the stream limit).

The counts are checked against pdfminer's own decoders on real and hostile data; the
limits in the unit tests are small so that nothing large is made.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from bounded import cli
from pdf_streams import lzw_bomb, lzw_encode, pdf_with_stream, runlength_bomb
from pdfminer.lzw import lzwdecode
from pdfminer.runlength import rldecode

from planextract.extract.pdf_filters import (
    TooLarge,
    lzw_size,
    runlength_size,
    stream_filters,
)
from planextract.extract.pdf_inflate import StreamTooLarge, check_streams

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXT = (SAMPLES / "kemp-en-duin-actieplan-2025.txt").read_bytes()
MB = 1 << 20


@pytest.mark.parametrize("early", [1, 0])
def test_lzw_is_counted_as_pdfminer_decodes_it(early: int) -> None:
    for data in (TEXT, TEXT * 3, b"", b"a" * 18_000):
        encoded = lzw_encode(data, early)
        if early:
            assert lzwdecode(encoded) == data  # the test encoder is right
        assert lzw_size(encoded, 0, 1 << 40, early) == len(data)
    bomb = lzw_bomb(3_000_000, early)
    assert lzw_size(bomb, 0, 1 << 40, early) == 3_000_025
    if early:
        assert len(lzwdecode(bomb)) == 3_000_025
    with pytest.raises(TooLarge):
        lzw_size(bomb, 0, 2_000_000, early)


def test_lzw_count_needs_no_memory_and_stops_at_the_limit() -> None:
    """1 GiB from 790 KB: counted from lengths, never built; stopped at the limit."""
    bomb = lzw_bomb(1 << 30)
    assert len(bomb) < 800_000
    with pytest.raises(TooLarge):
        lzw_size(bomb, 0, 256 * MB)


def test_runlength_is_counted_as_pdfminer_decodes_it() -> None:
    data = runlength_bomb(1_000_000)
    assert runlength_size(data, 1 << 40) == len(rldecode(data)) == 1_000_064
    literal = bytes([2]) + b"abc" + bytes([255]) + b"x" + bytes([128]) + b"ignored"
    assert runlength_size(literal, 100) == len(rldecode(literal)) == 5
    with pytest.raises(TooLarge):
        runlength_size(data, 999_999)


def _refused(pdf: bytes, limit: int = MB) -> bool:
    try:
        check_streams(pdf, limit)
    except StreamTooLarge:
        return True
    return False


def test_check_streams_bounds_lzw_whatever_the_dictionary_says() -> None:
    bomb = lzw_bomb(3 * MB)
    for declared in (b"/LZWDecode", b"/LZW#44ecode", b"/FlateDecode", b"[]"):
        assert _refused(pdf_with_stream(bomb, declared)), declared
    assert _refused(pdf_with_stream(lzw_bomb(3 * MB, early=0), b"/LZWDecode"))
    # A real LZW content stream of 190 KB: counted, not refused; refused under a lower limit.
    plain = pdf_with_stream(lzw_encode(TEXT * 3), b"/LZWDecode")
    assert not _refused(plain) and _refused(plain, limit=100_000)


@pytest.mark.parametrize(
    ("stream", "filters"),
    [
        (runlength_bomb(3 * MB), b"/RunLengthDecode"),
        (runlength_bomb(3 * MB), b"[/RL]"),
        (base64.a85encode(lzw_bomb(3 * MB)) + b"~>", b"[/ASCII85Decode /LZWDecode]"),
        (base64.a85encode(zlib.compress(b" " * 3 * MB)) + b"~>", b"[/A85 /Fl]"),
        (zlib.compress(b" " * 3 * MB).hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"),
        (zlib.compress(zlib.compress(b" " * 3 * MB, 9)), b"[/FlateDecode /FlateDecode]"),
        (runlength_bomb(3 * MB), b"5 0 R"),  # the filter is another object
    ],
    ids=["rl", "rl-array", "a85-lzw", "a85-flate", "hex-flate", "flate-flate", "indirect"],
)
def test_check_streams_bounds_declared_chains(stream: bytes, filters: bytes) -> None:
    pdf = pdf_with_stream(stream, filters, extra=[b"/RunLengthDecode"])
    assert _refused(pdf)
    assert not _refused(pdf, limit=4 * MB)


def test_filters_are_read_from_the_stream_dictionary() -> None:
    pdf = pdf_with_stream(b"x", b"[/ASCII85Decode /Run#4cengthDecode /DCTDecode]")
    keyword = pdf.index(b"stream\n")
    assert stream_filters(pdf, keyword) == ["a85", "rl", None]
    pdf = pdf_with_stream(b"x", b"6 0 R", extra=[b"<< >>", b"[/AHx /LZW]"])
    assert stream_filters(pdf, pdf.index(b"stream\n")) == ["ahx", "lzw"]


def test_the_sample_pdfs_pass_the_check() -> None:
    for pdf in sorted((SAMPLES / "pdf").glob("*.pdf")):
        check_streams(pdf.read_bytes(), 256 * MB)


def test_an_lzw_bomb_is_one_clean_line_in_every_command(tmp_path: Path) -> None:
    """790 KB that decode to 1 GiB: PDFium aborted the process (SIGABRT) before."""
    folder = tmp_path / "in"
    folder.mkdir()
    bomb = folder / "lzw.pdf"
    bomb.write_bytes(pdf_with_stream(lzw_bomb(1 << 30), b"/LZWDecode"))
    line = f"error: {bomb}: a PDF stream inflates to more than 256 MB"
    done = cli("extract", str(bomb), memory_mb=3000)
    assert (done.returncode, done.stderr.strip()) == (1, line), done.stderr
    done = cli("report", str(bomb), "--out", str(tmp_path / "r"), memory_mb=3000)
    assert (done.returncode, done.stderr.strip()) == (1, line), done.stderr
    out = tmp_path / "out"
    done = cli("batch", str(folder), "--out", str(out), "-j", "1", "-q", memory_mb=3000)
    assert done.returncode == 1, done.stderr
    row = json.loads((out / "index.jsonl").read_text().splitlines()[0])
    assert (row["status"], row["code"]) == ("failed", "limit"), row


def test_the_check_grows_with_the_file_not_with_its_number_of_streams() -> None:
    """A file of nothing but 'stream' keywords: each was given 1 MB to inflate and a window
    to search (quadratic). Compared by CPU time at 8x the size: linear is 8x, quadratic 64x."""
    import time

    def cost(keywords: int) -> float:
        data = b"%PDF-1.4\n" + b"stream\n" * keywords
        started = time.process_time()
        check_streams(data, 256 * MB)
        return time.process_time() - started

    cost(1000)  # warm up
    small, large = cost(10_000), cost(80_000)
    assert large < 24 * max(small, 1e-3), (small, large)
