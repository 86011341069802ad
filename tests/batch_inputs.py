"""Inputs for the batch tests: archives holding the real sample plans next to broken and
hostile files, and a fault-injecting extractor."""

from __future__ import annotations

import os
import random
import signal
import stat
import time
import zipfile
from pathlib import Path

from conftest import ELZOH_PDF, ELZOH_TXT, KEMP_TXT

from planextract.batch.job import extract_plan
from planextract.extract.limits import Limits
from planextract.models.plan import Plan
from planextract.rules.profile import Profile


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (1 is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def minimal_pdf() -> bytes:
    """A small well-formed one-page PDF (for cutting in half)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 60 >>\nstream\nBT /F1 12 Tf 72 770 Td (Actieplan 2025 ELZ) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def truncated_pdf() -> bytes:
    data = minimal_pdf()
    return data[: len(data) // 2]


def random_bytes(size: int = 4096) -> bytes:
    return random.Random(20250101).randbytes(size)


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def write_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def mixed_folder(root: Path) -> Path:
    """A folder of good and broken plans, with subfolders and a zip inside."""
    folder = root / "archief"
    (folder / "2025" / "leeg").mkdir(parents=True)
    (folder / "2025" / ELZOH_TXT.name).write_bytes(ELZOH_TXT.read_bytes())
    (folder / "2025" / KEMP_TXT.name).write_bytes(KEMP_TXT.read_bytes())
    (folder / "2024").mkdir()
    (folder / "2024" / ELZOH_PDF.name).write_bytes(ELZOH_PDF.read_bytes())  # PDF and text mixed
    (folder / "2025" / "leeg" / "leeg.txt").write_bytes(b"")
    (folder / "2025" / "afgebroken.pdf").write_bytes(truncated_pdf())
    (folder / "ruis.pdf").write_bytes(random_bytes())
    (folder / "notities.md").write_text("geen plan\n", encoding="utf-8")
    write_zip(folder / "extra.zip", [("kemp.txt", KEMP_TXT.read_bytes())])
    return folder


def hostile_zip(path: Path, escape_to: Path) -> Path:
    """Good plans plus entries that try to write elsewhere or are broken."""
    plan = KEMP_TXT.read_bytes()
    inner = write_zip(path.parent / "binnen.zip", [("elzoh.txt", ELZOH_TXT.read_bytes())])
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        ("plannen/elzoh.txt", ELZOH_TXT.read_bytes()),
        ("plannen/kemp.txt", plan),
        ("plannen/leeg.txt", b""),
        ("plannen/afgebroken.pdf", truncated_pdf()),
        ("plannen/ruis.pdf", random_bytes()),
        ("../evil.txt", plan),
        ("../../../evil-deep.txt", plan),
        ("/" + str(escape_to).lstrip("/"), plan),
        ("C:\\evil-drive.txt", plan),
        (symlink_info("plannen/link.txt"), b"/etc/passwd"),
        ("genest/binnen.zip", inner.read_bytes()),
    ]
    inner.unlink()
    return write_zip(path, entries)


def faulty_extractor(path: Path, profile: Profile, limits: Limits, enrich: bool) -> Plan:
    """The real extractor, unless the file asks for a fault with a 'FAULT:<kind>' line."""
    head = path.read_bytes()[:64]
    if head.startswith(b"FAULT:hang"):  # stuck where the worker's own alarm cannot help
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if head.startswith(b"FAULT:slow"):  # slow Python code: the worker's alarm stops it
        time.sleep(600)
    if head.startswith(b"FAULT:segfault"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if head.startswith(b"FAULT:exit"):
        os._exit(7)
    if head.startswith(b"FAULT:memory"):
        hog = bytearray(8 * 1024**3)  # far beyond the worker's address-space limit
        del hog
    if head.startswith(b"FAULT:bug"):
        raise KeyError("simulated bug")
    return extract_plan(path, profile, limits, enrich)
