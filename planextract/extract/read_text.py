"""Read a plan exported as plain text into a Document."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from planextract.errors import LimitExceeded, UnreadableInput
from planextract.extract.limits import Limits, read_bounded
from planextract.models.document import Document, Line
from planextract.rules.pages import after_indent, export_indent
from planextract.rules.profile import Profile
from planextract.rules.text import (
    clean_spaces,
    without_markdown_emphasis,
    without_markdown_heading,
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM, or UTF-16 with BOM), else Windows-1252.

    Returns the text and the name of the encoding that was used.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableInput(file, f"invalid {encoding} text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise UnreadableInput(file, "binary data, not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut inside its last character
            return _utf8_replaced(data)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    text, encoding = _utf8_replaced(data)
    if text.count("\ufffd") > max(8, len(text) // 1000):
        raise UnreadableInput(file, "neither UTF-8 nor Windows-1252 text")
    return text, encoding


def _utf8_replaced(data: bytes) -> tuple[str, str]:
    """Mostly UTF-8: invalid bytes become U+FFFD, and the encoding name says how many."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    return text, f"utf-8 ({replaced} invalid byte sequence(s) replaced by U+FFFD)"


def split_lines(text: str) -> list[tuple[str, bool]]:
    """Split on CRLF, CR or LF. A form feed starts a new page: (line, page_break_before)."""
    if "\f" not in text:  # the usual export: no page breaks to carry
        out: list[tuple[str, bool]] = [(raw, False) for raw in re.split(r"\r\n|\r|\n", text)]
        if out and out[-1] == ("", False):
            out.pop()  # the newline at the end of the file
        return out
    out = []
    pending_break = False
    for raw in re.split(r"\r\n|\r|\n", text):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k > 0:
                pending_break = True
                if not part:
                    continue
            out.append((part, pending_break))
            pending_break = False
    if out and out[-1] == ("", False):
        out.pop()  # the newline at the end of the file
    return out


def read_text(path: Path, profile: Profile, limits: Limits) -> Document:
    """Read a text export. Pages come from page-start marks and printed footers later.
    A line's `raw` is the line as the export wrote it, without the leading spaces the
    export puts before every line (rules/pages.export_indent)."""
    name = path.name
    data = read_bounded(path, limits)
    return read_text_bytes(data, name, profile, limits)


def read_text_bytes(data: bytes, name: str, profile: Profile, limits: Limits) -> Document:
    if not data.strip():
        raise UnreadableInput(name, "empty file")
    text, encoding = decode(data, name)
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(5, len(sample) // 100):
        raise UnreadableInput(name, "binary data, not a text file")
    pieces = split_lines(text)
    if len(pieces) > limits.max_lines:
        raise LimitExceeded(name, f"{len(pieces)} lines, more than the limit {limits.max_lines}")
    lines: list[Line] = []
    # An export that indents every line: the lines as if it did not (page marks, cells).
    indent = export_indent(raw for raw, _ in pieces)
    for no, (raw, form_feed) in enumerate(pieces, start=1):
        raw = after_indent(raw.rstrip("\n"), indent)
        lines.append(
            Line(
                no=no,
                raw=raw,
                text=without_markdown_emphasis(without_markdown_heading(clean_spaces(raw))),
                page_mark=form_feed or bool(profile.page_mark.match(raw)),
            )
        )
    return Document(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format="text",
        lines=lines,
        encoding=encoding,
    )
