"""Reading zip archives from untrusted sources.

Entry names are only ever used to build output paths under the output folder, so a name
that could point elsewhere (``..``, absolute, drive letter, backslash tricks, control
characters) or that no file system takes (a part longer than 255 bytes) is rejected, as
are links and special files. Sizes are bounded before any byte is decompressed (declared
size, compression ratio, total per archive, nesting depth) and again while reading,
because declared sizes can lie.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

from planextract.extract.zipbounds import UnsafeEntry, ZipLimits, check_sizes

__all__ = ["UnsafeEntry", "ZipLimits", "check_entry", "open_archive", "read_entry", "read_member"]

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CHUNK = 1024 * 1024
# The longest file or folder name in bytes that file systems take (NAME_MAX on Linux and
# macOS): a longer part could be neither copied for reading nor mirrored under DIR.
MAX_PART_BYTES = 255


def printable(name: str) -> str:
    """The name with control characters made visible, for messages and index files."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def safe_name(name: str) -> PurePosixPath:
    """The entry name as a relative path that stays inside the archive folder."""
    if _CONTROL.search(name):
        raise UnsafeEntry("control characters in the entry name")
    unified = name.replace("\\", "/")
    if unified.startswith("/"):
        raise UnsafeEntry("absolute path in the entry name")
    if _DRIVE.match(unified):
        raise UnsafeEntry("drive letter in the entry name")
    parts = [p for p in unified.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise UnsafeEntry("'..' in the entry name points outside the archive")
    if not parts:
        raise UnsafeEntry("empty entry name")
    if any(len(part.encode("utf-8", "surrogateescape")) > MAX_PART_BYTES for part in parts):
        raise UnsafeEntry(
            f"entry name too long (a file or folder name of more than {MAX_PART_BYTES} bytes)"
        )
    return PurePosixPath(*parts)


def check_entry(info: zipfile.ZipInfo, limits: ZipLimits) -> PurePosixPath:
    """Name and size checks that need no decompression; returns the safe relative path."""
    path = safe_name(info.filename)
    mode = info.external_attr >> 16
    if info.create_system == 3 and mode and stat.S_IFMT(mode):  # Unix mode bits are set
        if stat.S_ISLNK(mode):
            raise UnsafeEntry("symbolic link entry, not followed")
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise UnsafeEntry("special file entry (not a regular file)")
    check_sizes(info, limits)
    return path


def open_archive(data: bytes | Path, limits: ZipLimits) -> zipfile.ZipFile:
    """Open a zip and refuse archives with too many entries."""
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnsafeEntry(f"not a readable zip archive ({exc})") from exc
    if len(archive.infolist()) > limits.max_entries:
        archive.close()
        raise UnsafeEntry(f"more than {limits.max_entries} entries in the archive")
    return archive


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits) -> bytes:
    """The entry's bytes: zipfile reads no more than the declared size, which was checked,
    and verifies the CRC at the end, so a lying header is an error."""
    check_entry(info, limits)
    buffer = bytearray()
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                buffer += chunk
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UnsafeEntry(f"cannot read the zip entry ({exc})") from exc
    return bytes(buffer)


def read_member(path: Path, members: tuple[str, ...], limits: ZipLimits) -> bytes:
    """The bytes of members[-1], inside the zips named by members[:-1], inside `path`."""
    data: bytes | Path = path
    for name in members:
        with open_archive(data, limits) as archive:
            try:
                info = archive.getinfo(name)
            except KeyError as exc:
                raise UnsafeEntry(f"entry {printable(name)!r} is gone from the archive") from exc
            data = read_entry(archive, info, limits)
    assert isinstance(data, bytes)
    return data
