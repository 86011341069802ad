"""Zip archives from untrusted sources: names, links, bombs, nesting and lying headers."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from batch_inputs import symlink_info, write_zip
from conftest import KEMP_TXT

from planextract.batch.discover import discover
from planextract.batch.zipsafe import UnsafeEntry, ZipLimits, read_member, safe_name

TOO_LONG = "entry name too long (a file or folder name of more than 255 bytes)"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "'..' in the entry name points outside the archive"),
        ("plannen/../../evil.txt", "'..' in the entry name points outside the archive"),
        ("..\\evil.txt", "'..' in the entry name points outside the archive"),
        ("/etc/evil.txt", "absolute path in the entry name"),
        ("\\\\server\\share\\evil.txt", "absolute path in the entry name"),
        ("C:\\evil.txt", "drive letter in the entry name"),
        ("c:evil.txt", "drive letter in the entry name"),
        ("plan\x00.txt", "control characters in the entry name"),
        ("./", "empty entry name"),
        ("x" * 300 + ".txt", TOO_LONG),
        ("a" * 256 + "/plan.txt", TOO_LONG),
        ("é" * 128 + ".txt", TOO_LONG),  # 128 characters, 256 bytes
    ],
)
def test_unsafe_names(name: str, reason: str) -> None:
    with pytest.raises(UnsafeEntry, match="^" + re.escape(reason) + "$"):
        safe_name(name)


def test_safe_names_are_normalised() -> None:
    assert str(safe_name("./plannen//2025/plan.txt")) == "plannen/2025/plan.txt"
    assert str(safe_name("plannen\\plan.txt")) == "plannen/plan.txt"
    assert str(safe_name("..plan.txt")) == "..plan.txt"  # dots in a name are fine
    longest = "/".join(["a" * 255, "x" * 251 + ".txt"])  # 255 bytes a part: every system's
    assert str(safe_name(longest)) == longest


def test_a_too_long_entry_name_fails_alone_in_a_batch(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planextract.cli import main

    entries = [("x" * 300 + ".txt", KEMP_TXT.read_bytes()), ("ok.txt", KEMP_TXT.read_bytes())]
    archive = write_zip(tmp_path / "lang.zip", entries)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(archive), "--out", str(out), "-j", "1"])
    assert result.exit_code == 1, result.output
    assert "x" * 300 + ".txt: entry name too long" in result.stderr
    assert "internal error" not in result.stderr and "/tmp/planextract-" not in result.stderr
    assert (out / "lang" / "ok.json").is_file()


def _reasons(tmp_path: Path, archive: Path, limits: ZipLimits) -> dict[str, str | None]:
    found = discover([archive], tmp_path / "out", limits)
    return {item.source: item.error for item in found.items}


def test_bombs_and_big_entries_are_refused_before_reading(tmp_path: Path) -> None:
    zeros = b"\0" * (3 * 1024 * 1024)  # compresses about 1000:1
    archive = write_zip(
        tmp_path / "bom.zip",
        [("bom.txt", zeros), ("plan.txt", KEMP_TXT.read_bytes()), ("groot.txt", b"x" * 5000)],
    )
    limits = ZipLimits(max_entry_bytes=4 * 1024 * 1024, ratio_from_bytes=1024 * 1024)
    reasons = _reasons(tmp_path, archive, limits)
    assert reasons["bom.zip/bom.txt"].startswith("compression ratio ")
    assert reasons["bom.zip/bom.txt"].endswith(":1 is above 100:1 (zip bomb?)")
    assert reasons["bom.zip/plan.txt"] is None
    small = ZipLimits(max_entry_bytes=4000)
    assert _reasons(tmp_path, archive, small)["bom.zip/groot.txt"] == (
        "entry is 5000 bytes uncompressed, more than the limit 4000"
    )


def test_total_size_and_entry_count_are_bounded(tmp_path: Path) -> None:
    plan = KEMP_TXT.read_bytes()
    archive = write_zip(tmp_path / "veel.zip", [(f"plan-{k}.txt", plan) for k in range(3)])
    reasons = _reasons(tmp_path, archive, ZipLimits(max_total_bytes=2 * len(plan)))
    assert list(reasons.values()) == [
        None,
        None,
        f"archive holds more than {2 * len(plan)} bytes uncompressed",
    ]
    assert _reasons(tmp_path, archive, ZipLimits(max_entries=2)) == {
        "veel.zip": "more than 2 entries in the archive"
    }


def test_nesting_is_bounded(tmp_path: Path) -> None:
    def zipped(entries: list[tuple[str, bytes]]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in entries:
                archive.writestr(name, data)
        return buffer.getvalue()

    level3 = zipped([("diep.txt", KEMP_TXT.read_bytes())])
    level2 = zipped([("c.zip", level3), ("midden.txt", KEMP_TXT.read_bytes())])
    archive = write_zip(tmp_path / "a.zip", [("b.zip", level2)])
    found = discover([archive], tmp_path / "out", ZipLimits(max_depth=2))
    by_source = {item.source: item for item in found.items}
    assert by_source["a.zip/b.zip/c.zip"].error == "zip nested deeper than 2 levels"
    middle = by_source["a.zip/b.zip/midden.txt"]
    assert (middle.output, middle.members) == ("a/b/midden.json", ("b.zip", "midden.txt"))
    assert read_member(archive, middle.members, ZipLimits()) == KEMP_TXT.read_bytes()


def test_links_encrypted_and_broken_archives(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "raar.zip", [(symlink_info("link.txt"), b"/etc/passwd")])
    # An entry marked encrypted (bit 0 of its flags; zipfile cannot write one).
    locked = bytearray(write_zip(tmp_path / "slot.zip", [("geheim.txt", b"plan")]).read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        locked[locked.find(signature) + offset] |= 0x1
    (tmp_path / "slot.zip").write_bytes(bytes(locked))
    broken = tmp_path / "kapot.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    found = discover([archive, tmp_path / "slot.zip", broken], tmp_path / "out")
    reasons = {item.source: item.error for item in found.items}
    assert reasons["raar.zip/link.txt"] == "symbolic link entry, not followed"
    assert reasons["slot.zip/geheim.txt"] == "encrypted zip entry"
    assert reasons["kapot.zip"].startswith("not a readable zip archive (")


def test_a_lying_header_is_caught_while_reading(tmp_path: Path) -> None:
    plan = KEMP_TXT.read_bytes()
    archive = write_zip(tmp_path / "lieg.zip", [("plan.txt", plan)])
    data = bytearray(archive.read_bytes())
    # Shrink the declared size in the central directory to 100 bytes: zipfile stops there
    # and the CRC of those 100 bytes does not match.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(UnsafeEntry, match=r"cannot read the zip entry \(Bad CRC-32"):
        read_member(archive, ("plan.txt",), ZipLimits())
