"""Bounded inflation of PDF streams: a stream is refused before it grows past the limit.

pdfminer inflates FlateDecode streams with `zlib.decompress` (and, when that fails, byte by
byte with `decompressobj`), whole and without a size limit: a 1 MB stream of spaces
inflates to 1 GiB. pdfminer looks both functions up on its module's `zlib` name, so the
reader gives it this stand-in whose functions stop at `max_bytes` of output.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfminer.pdftypes


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
    previous = pdfminer.pdftypes.zlib
    pdfminer.pdftypes.zlib = _BoundedZlib(max_bytes)  # type: ignore[assignment]
    try:
        yield
    finally:
        pdfminer.pdftypes.zlib = previous
