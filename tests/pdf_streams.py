"""PDF stream data for the filter tests: a real LZW encoder, LZW and RunLength bombs, and
a one-page PDF around a content stream."""

from __future__ import annotations

from batch_inputs import pdf_from_objects

CLEAR, EOD = 256, 257
SWITCH = {1: (511, 1023, 2047), 0: (512, 1024, 2048)}  # decoder table sizes: wider codes


class _Bits:
    def __init__(self) -> None:
        self.acc = self.count = 0
        self.out = bytearray()

    def put(self, code: int, width: int) -> None:
        self.acc = (self.acc << width) | code
        self.count += width
        while self.count >= 8:
            self.count -= 8
            self.out.append((self.acc >> self.count) & 0xFF)
        self.acc &= (1 << self.count) - 1

    def done(self) -> bytes:
        if self.count:
            self.out.append((self.acc << (8 - self.count)) & 0xFF)
        return bytes(self.out)


def _width(table: int, early: int) -> int:
    """The code width a decoder reads with when its table has `table` entries."""
    return 9 + sum(table >= size for size in SWITCH[early])


class _Writer:
    """Codes written with the width the decoder will read them with."""

    def __init__(self, early: int) -> None:
        self.bits = _Bits()
        self.early = early
        self.clear()

    def clear(self) -> None:
        if hasattr(self, "table"):
            self.bits.put(CLEAR, _width(self.table, self.early))
        else:
            self.bits.put(CLEAR, 9)
        self.table, self.first = 258, True

    def put(self, code: int) -> None:
        self.bits.put(code, _width(self.table, self.early))
        if self.first:
            self.first = False
        else:
            self.table += 1  # the decoder adds an entry for every code but the first

    def done(self) -> bytes:
        self.bits.put(EOD, _width(self.table, self.early))
        return self.bits.done()


def lzw_encode(data: bytes, early: int = 1) -> bytes:
    """LZW as a PDF writer makes it: a clear code first and whenever the table is full."""
    out = _Writer(early)
    table = {bytes([i]): i for i in range(256)}
    word = b""
    for byte in data:
        longer = word + bytes([byte])
        if longer in table:
            word = longer
            continue
        out.put(table[word])
        if len(table) + 2 < 4094:
            table[longer] = len(table) + 2
        else:
            out.clear()
            table = {bytes([i]): i for i in range(256)}
        word = bytes([byte])
    if word:
        out.put(table[word])
    return out.done()


def lzw_bomb(inflated: int, early: int = 1) -> bytes:
    """LZW that decodes to about `inflated` spaces at about 1 400 times its size: runs of
    1, 2, 3 … 3 836 spaces, the table cleared whenever it is full, as the standard says."""
    out = _Writer(early)
    total = 0
    while total < inflated:
        out.put(ord(" "))
        length = 1
        total += length
        while out.table < 4094 and total < inflated:
            out.put(out.table)  # the entry being made: the last run and one more space
            length += 1
            total += length
        out.clear()
    return out.done()


def runlength_bomb(inflated: int) -> bytes:
    """RunLength that decodes to `inflated` spaces: 128 for every 2 bytes."""
    return bytes([129, 32]) * (inflated // 128 + 1) + bytes([128])


def pdf_with_stream(stream: bytes, filters: bytes, extra: list[bytes] | None = None) -> bytes:
    """A one-page PDF whose content stream is `stream`, declared with /Filter `filters`
    (b'/LZWDecode', b'[/ASCII85Decode /FlateDecode]', b'5 0 R'…); `extra` objects come
    after the four of the page (5, 6…)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        *(extra or []),
    ]
    return pdf_from_objects(objects)
