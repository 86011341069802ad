"""Size bounds on zip containers (archives of plans, and DOCX files, which are zips).

Checked on the declared sizes before any byte is decompressed; zipfile reads no more than
the declared size and verifies the CRC, so a header that lies becomes a read error.
Shared by the batch (zip archives) and the DOCX reader, hence here and not in batch/.
"""

from __future__ import annotations

import zipfile

from planextract.extract.limits import Limits
from planextract.models.record import record


@record(frozen=True, slots=True)
class ZipLimits:
    max_entry_bytes: int = Limits().max_bytes  # uncompressed size of one entry, as for a file
    max_total_bytes: int = 2 * 1024 * 1024 * 1024  # uncompressed size of one archive, nested
    max_ratio: float = 100.0  # uncompressed / compressed, for entries above ratio_from_bytes
    ratio_from_bytes: int = 1024 * 1024  # small entries may compress well (text does)
    max_depth: int = 2  # 1: no zips inside zips; 2: one level of nesting
    max_entries: int = 10_000  # entries in one archive


class UnsafeEntry(Exception):
    """An entry that is not read: the message is the one-line reason."""


def check_sizes(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    """Encryption, declared size and compression ratio of one entry."""
    if info.flag_bits & 0x1:
        raise UnsafeEntry("encrypted zip entry")
    if info.file_size > limits.max_entry_bytes:
        raise UnsafeEntry(
            f"entry is {info.file_size} bytes uncompressed, more than the limit "
            f"{limits.max_entry_bytes}"
        )
    if info.file_size > limits.ratio_from_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise UnsafeEntry(
                f"compression ratio {ratio:.0f}:1 is above {limits.max_ratio:.0f}:1 (zip bomb?)"
            )
