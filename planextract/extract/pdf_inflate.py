"""Bounded inflation of PDF streams: a stream is refused before it grows past the limit.

pdfminer inflates FlateDecode streams with `zlib.decompress` (and, when that fails, byte by
byte with `decompressobj`), whole and without a size limit: a 1 MB stream of spaces
inflates to 1 GiB. pdfminer looks both functions up on its module's `zlib` name, so the
reader gives it this stand-in whose functions stop at `max_bytes` of output.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from planextract.extract.pdf_filters import TooLarge, check_chain, check_lzw


class StreamTooLarge(Exception):
    """A stream inflates to more than the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"a PDF stream inflates to more than {limit // (1024 * 1024)} MB")


class _Inflater:
    """zlib.decompressobj() that refuses to give more than `limit` bytes in total."""

    def __init__(self, limit: int) -> None:
        self._obj = zlib.decompressobj()
        self._left = limit
        self._limit = limit

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._obj.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0:
            raise StreamTooLarge(self._limit)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._obj, name)


class _BoundedZlib:
    """The part of the zlib module pdfminer uses, with bounded output."""

    error = zlib.error

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompressobj(self, *args: Any) -> _Inflater:
        return _Inflater(self.limit)

    def decompress(self, data: bytes) -> bytes:
        inflater = _Inflater(self.limit)
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


@contextmanager
def bounded_inflation(max_bytes: int) -> Iterator[None]:
    """While the block runs, pdfminer inflates no stream beyond `max_bytes`."""
    import pdfminer.pdftypes

    previous = pdfminer.pdftypes.zlib
    pdfminer.pdftypes.zlib = _BoundedZlib(max_bytes)  # type: ignore[assignment]
    try:
        yield
    finally:
        pdfminer.pdftypes.zlib = previous


_STREAM_START = re.compile(rb"stream\r?\n")


_STREAM_END = re.compile(rb"endstream")


def _check_other_filters(data: bytes, limit: int) -> None:
    """LZW, RunLength and chains (pdf_filters.py). Where each stream ends is found once
    for all, so the cost grows with the file's size, not with its number of streams."""
    ends = [m.start() for m in _STREAM_END.finditer(data)]
    objects: dict[bytes, bytes | None] = {}
    after = 0
    for m in _STREAM_START.finditer(data):
        i = bisect.bisect_left(ends, m.end())
        end = ends[i] if i < len(ends) else len(data)
        try:
            check_lzw(data, m.end(), end, limit)
            check_chain(data, m.start(), m.end(), end, limit, after, objects)
        except TooLarge:
            raise StreamTooLarge(limit) from None
        after = m.start()


_CHUNK = 1 << 20
_FIRST = 1 << 10


def check_streams(data: bytes, limit: int) -> None:
    """Raise StreamTooLarge when a Flate, LZW or RunLength stream of the raw file decodes
    past `limit`.

    Every 'stream' keyword is tried as the start of zlib data, inflated in bounded chunks
    whose output is counted and dropped, so the check itself needs little memory. Data that
    is no zlib stream (images, other filters) fails at once and is skipped. LZW, RunLength
    and filter chains are counted the same way (pdf_filters.py)."""
    _check_other_filters(data, limit)
    view = memoryview(data)  # slices without copies: a keyword that starts no stream is cheap
    for m in _STREAM_START.finditer(data):
        inflater = zlib.decompressobj()
        produced = 0
        pos = m.end()
        size = _FIRST  # data that is no zlib stream fails in its first bytes: read few
        try:
            while pos < len(data) and not inflater.eof:
                chunk = view[pos : pos + size]
                size = _CHUNK
                pos += len(chunk)
                out = inflater.decompress(chunk, _CHUNK)
                produced += len(out)
                while inflater.unconsumed_tail and produced <= limit:
                    out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                    produced += len(out)
                if produced > limit:
                    raise StreamTooLarge(limit)
        except zlib.error:
            continue
