"""Word files as containers: which kind a zip or OLE file is, and a bounded DOCX open.

A DOCX is a zip of XML parts, so it is bounded like a zip archive (entry count, declared
sizes, compression ratio, total) before python-docx parses a byte of it. An encrypted
DOCX and an old binary .doc are OLE compound files, not zips; both get a line saying what
to do, as do OpenDocument text, macro-enabled .docm and other Office files.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from planextract.errors import EncryptedInput, LimitExceeded, UnreadableInput
from planextract.extract.limits import Limits, read_bounded
from planextract.extract.magic import OLE_MAGIC, WORD_SUFFIXES
from planextract.extract.zipbounds import UnsafeEntry, ZipLimits, check_sizes
from planextract.rules.docx import load_docx_rules

_MAIN = "word/document.xml"
_SAVE_AS = "open it in Word and save it as .docx (or export it as PDF)"


def _ole_reason(data: bytes) -> tuple[type[UnreadableInput | EncryptedInput], str]:
    """Stream names in an OLE directory are UTF-16LE."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return EncryptedInput, "encrypted Word file: it needs a password; save a copy without one"
    if "WordDocument".encode("utf-16-le") in data:
        return UnreadableInput, f"old binary Word format (.doc); {_SAVE_AS}"
    return UnreadableInput, "an old Office file that is not a Word document; export it as PDF"


def _zip_reason(archive: zipfile.ZipFile, suffix: str) -> str | None:
    """Why a zip is not a DOCX to read, or None when it is one."""
    names = set(archive.namelist())
    if "mimetype" in names:
        info = archive.getinfo("mimetype")
        if info.file_size < 200 and b"opendocument.text" in archive.read(info):
            return "OpenDocument text (.odt); save it as .docx or export it as PDF"
    if _MAIN in names and "[Content_Types].xml" in names:
        info = archive.getinfo("[Content_Types].xml")
        check_sizes(info, _limits(Limits()))
        types = archive.read(info)
        if b"macroEnabled.main" in types:
            return "macro-enabled Word file (.docm); save it as .docx (without macros) or PDF"
        if b"template.main" in types:
            return "Word template (.dotx); save it as a Word document (.docx) or PDF"
        return None
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "an Excel or PowerPoint file, not a Word document; export the plan as PDF"
    if suffix in WORD_SUFFIXES:
        return "damaged Word file (no word/document.xml in the package)"
    return "a zip archive, not a plan; convert archives with 'planextract batch'"


def container_format(path: Path) -> str:
    """'docx' for a Word document; any other zip or OLE container raises with advice."""
    name = path.name
    data = read_bounded(path, Limits())
    if data.startswith(OLE_MAGIC):
        error, reason = _ole_reason(data)
        raise error(name, reason)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            reason = _zip_reason(archive, path.suffix.lower())
    except UnsafeEntry as exc:
        raise LimitExceeded(name, f"Word file refused: {exc}") from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableInput(name, f"damaged Word file or zip ({exc})") from exc
    if reason is not None:
        raise UnreadableInput(name, reason)
    return "docx"


def _limits(limits: Limits) -> ZipLimits:
    rules = load_docx_rules()
    return ZipLimits(
        max_entry_bytes=limits.max_bytes,
        max_total_bytes=rules.total_factor * limits.max_bytes,
        max_ratio=rules.max_ratio,
        ratio_from_bytes=rules.ratio_from_bytes,
        max_entries=rules.max_entries,
    )


def check_package(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a DOCX whose zip could cost more than the limits allow, before parsing."""
    bounds = _limits(limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableInput(name, f"damaged Word file ({exc})") from exc
    if len(infos) > bounds.max_entries:
        raise LimitExceeded(name, f"Word file with more than {bounds.max_entries} parts")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedInput(name, "Word package with encrypted parts; save a copy without")
        try:
            check_sizes(info, bounds)
        except UnsafeEntry as exc:
            raise LimitExceeded(name, f"Word file refused, part {info.filename!r}: {exc}") from exc
        total += info.file_size
    if total > bounds.max_total_bytes:
        raise LimitExceeded(
            name, f"Word file holds {total} bytes uncompressed, more than {bounds.max_total_bytes}"
        )


def open_docx(path: Path, limits: Limits) -> tuple[bytes, Any]:
    """The file's bytes and the python-docx Document; damaged files raise one line."""
    name = path.name
    data = read_bounded(path, limits)
    check_package(data, name, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return data, docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise UnreadableInput(name, "damaged Word file (no document part)") from exc
    except Exception as exc:  # untrusted bytes: any parser error is a damaged file
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0][:120]
        raise UnreadableInput(name, f"damaged Word file ({reason})") from exc
