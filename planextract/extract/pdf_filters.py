"""Decoded sizes of PDF streams under LZW and RunLength, counted while decoding, with a cap.

An LZW stream can decode to about 1 400 times its size (a 790 KB stream gives 1 GiB: PDFium
then aborts the process, pdfminer builds the whole table and output in memory), a
RunLength stream to 64 times. `check_streams` (pdf_inflate.py) bounds Flate streams; this
module bounds these two the same way, before any reader decodes them:

- LZW: every 'stream' keyword is tried as the start of LZW data, whatever the dictionary
  says (a filter name can be escaped or indirect), counting only lengths: the table holds
  how long each entry is, never its bytes, so the check needs no memory. Data that is no
  LZW stops at its first impossible code, after a few codes. Both code-width schedules
  are tried (EarlyChange 1, the default, and 0). A stream too short to reach the limit
  whatever its codes (n codes give at most n(n+1)/2 bytes) is not decoded at all.
- RunLength, and chains (`[/ASCII85Decode /LZWDecode]`, `[/ASCIIHexDecode /FlateDecode]`,
  …): any bytes are valid RunLength, so these are found by the stream dictionary's
  /Filter (a name, an array, #-escaped names, or one indirect reference). The ASCII
  filters and Flate before the last filter are decoded (Flate with the cap), the last one
  is counted. A stream whose dictionary cannot be read this way is not checked for these;
  LZW or RunLength in the middle of a chain is not decoded (neither is rare; RunLength
  gives at most 64 times the stream, so a 100 MB file at most 6.4 GB, and the memory
  budget still holds where the reader is Python).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib

_CHUNK = 1 << 20
_LOOK_BACK = 1 << 16  # bytes before 'stream' where its object header is looked for
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()%]+|\d+\s+\d+\s+R)")
_NAMES = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
    b"RunLengthDecode": "rl",
    b"RL": "rl",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
    b"ASCIIHexDecode": "ahx",
    b"AHx": "ahx",
}
_SWITCH = {1: (511, 1023, 2047), 0: (512, 1024, 2048)}  # table sizes where codes grow


class TooLarge(Exception):
    """A stream decodes to more than the limit (pdf_inflate turns it into StreamTooLarge)."""


def lzw_size(data: bytes, start: int, limit: int, early: int = 1) -> int:
    """Bytes that LZW data from `start` decodes to, up to its EOD code, an impossible code
    or the end of `data`; raises TooLarge past `limit`. Starts as after a clear code
    (PDFium does not require one); a full table is not cleared (as in pdfminer)."""
    switch_10, switch_11, switch_12 = _SWITCH[early]
    lengths: dict[int, int] = {}  # of the entries made, by code (a byte's is 1)
    table, previous, nbits = 258, 0, 9
    total = acc = have = 0
    pos, end = start, len(data)
    while True:
        while have < nbits:
            if pos >= end:
                return total
            acc = ((acc << 8) | data[pos]) & 0xFFFFFF
            pos += 1
            have += 8
        have -= nbits
        code = (acc >> have) & ((1 << nbits) - 1)
        if code == 256:
            table, previous, nbits = 258, 0, 9
            continue
        if code == 257:
            return total
        if not previous:  # the first code after a clear: a byte, and no new entry
            if code > 255:
                return total
            out = 1
        else:
            if code < table:
                out = lengths[code] if code > 257 else 1
                new = previous + 1
            elif code == table:
                out = new = previous + 1
            else:
                return total
            if table < 4096:
                lengths[table] = new
            table += 1
            if table == switch_10:
                nbits = 10
            elif table == switch_11:
                nbits = 11
            elif table == switch_12:
                nbits = 12
        total += out
        previous = out
        if total > limit:
            raise TooLarge


def lzw_bound(size: int) -> int:
    """The most that `size` bytes of LZW can decode to: each code is at least 9 bits and
    at most one byte longer than the longest before it."""
    codes = size * 8 // 9
    return codes * (codes + 1) // 2


def check_lzw(data: bytes, start: int, end: int, limit: int) -> None:
    """Raise TooLarge when data[start:] read as LZW (either width schedule) decodes past
    `limit`; `end` is where the stream seems to end (for the cheap bound only)."""
    if lzw_bound(end - start) <= limit:
        return
    for early in (1, 0):
        lzw_size(data, start, limit, early)


def runlength_size(data: bytes, limit: int) -> int:
    """Bytes that RunLength data decodes to; raises TooLarge past `limit`."""
    total, pos, end = 0, 0, len(data)
    while pos < end:
        length = data[pos]
        if length == 128:
            break
        if length < 128:
            total += length + 1
            pos += length + 2
        else:
            total += 257 - length
            pos += 2
        if total > limit:
            raise TooLarge
    return total


def _inflate(data: bytes, limit: int, keep: bool) -> bytes:
    """Flate data inflated (or only counted when not `keep`) up to `limit`."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    produced = pos = 0
    try:
        while not inflater.eof and (pos < len(data) or inflater.unconsumed_tail):
            if inflater.unconsumed_tail:
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            else:
                out = inflater.decompress(data[pos : pos + _CHUNK], _CHUNK)
                pos += _CHUNK
            produced += len(out)
            if produced > limit:
                raise TooLarge
            if keep:
                parts.append(out)
    except zlib.error:
        pass
    return b"".join(parts)


def _ascii85(data: bytes) -> bytes:
    body = data.split(b"~>", 1)[0]
    body = body.removeprefix(b"<~") if body.lstrip().startswith(b"<~") else body
    return base64.a85decode(body.strip(), adobe=False, ignorechars=b" \t\n\r\x0b\x0c\x00")


def _hex(data: bytes) -> bytes:
    digits = re.sub(rb"\s+", b"", data.split(b">", 1)[0])
    if len(digits) % 2:
        digits += b"0"
    return binascii.unhexlify(digits)


def _names(value: bytes) -> list[str | None]:
    found = re.findall(rb"/([^\s/\[\]<>()%]+)", value)
    return [_NAMES.get(_NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), n)) for n in found]


def stream_filters(
    data: bytes, keyword: int, after: int = 0, objects: dict[bytes, bytes | None] | None = None
) -> list[str | None]:
    """The filter chain of the stream whose 'stream' keyword is at `keyword`, from its
    dictionary (None for a filter this module does not know); [] when none is found. The
    dictionary is looked for after `after` (the previous stream's start: so many streams
    cost their total size, not their number times a window); `objects` caches what
    indirect references point to (each is looked up in the file once)."""
    header = data.rfind(b"obj", max(after, keyword - _LOOK_BACK), keyword)
    if header < 0:
        return []
    match = _FILTER.search(data, header + 3, keyword)
    if match is None:
        return []
    value: bytes | None = match[1]
    if value is not None and value.endswith(b"R"):  # indirect: the object's own value
        key = b" ".join(value.split()[:2])
        objects = {} if objects is None else objects
        if key not in objects:
            number, generation = key.split()
            pattern = rb"(?<!\d)%s\s+%s\s+obj\s*(\[[^\]]*\]|/\S+)" % (number, generation)
            target = re.search(pattern, data)
            objects[key] = target[1] if target else None
        value = objects[key]
    return _names(value) if value else []


def chain_bound(size: int, filters: list[str]) -> int:
    """The most `size` bytes can decode to through `filters` (ASCII85 gives at most 4 bytes
    for 1, its 'z', hex 1 for 2, Flate at most 1032 for 1): a chain that cannot reach the
    limit is not decoded (reportlab writes every stream as ASCII85 over Flate)."""
    for name in filters:
        if name == "a85":
            size = size * 4 + 4
        elif name == "ahx":
            size = size // 2 + 1
        elif name == "flate":
            size *= 1032
        elif name == "lzw":
            size = lzw_bound(size)
        else:
            size *= 64
    return size


def check_chain(
    data: bytes,
    keyword: int,
    start: int,
    end: int,
    limit: int,
    after: int = 0,
    objects: dict[bytes, bytes | None] | None = None,
) -> None:
    """Raise TooLarge when the stream data[start:end] decodes past `limit` through its
    declared filters, if they end in LZW, RunLength or (after an ASCII filter) Flate;
    `after` and `objects` as in stream_filters."""
    filters = stream_filters(data, keyword, after, objects)
    if not filters or filters == ["flate"] or filters == ["lzw"]:
        return  # Flate alone and LZW alone are tried on every stream
    *before, last = [f or "" for f in filters]
    if last not in ("flate", "lzw", "rl") or any(f not in ("a85", "ahx", "flate") for f in before):
        return
    if chain_bound(end - start, [*before, last]) <= limit:
        return
    body = data[start:end]
    try:
        for name in before:
            if name == "a85":
                body = _ascii85(body)
            elif name == "ahx":
                body = _hex(body)
            else:
                body = _inflate(body, limit, keep=True)
    except (ValueError, binascii.Error):
        return  # the reader cannot decode it either
    if last == "flate":
        _inflate(body, limit, keep=False)
    elif last == "lzw":
        check_lzw(body, 0, len(body), limit)
    elif chain_bound(len(body), ["rl"]) > limit:
        runlength_size(body, limit)
