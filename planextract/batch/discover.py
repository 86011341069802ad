"""Turn the PATHs of a batch (folders, zip archives, single files) into work items.

Every item knows where its JSON goes, relative to the output folder, mirroring the input:
``archief/2024/plan.pdf`` -> ``archief/2024/plan.json``; a zip ``a.zip`` becomes a folder
``a/`` (``a.zip/`` when a folder ``a`` sits next to it). Two inputs that would write the
same JSON (``plan.pdf`` and ``plan.txt``) keep their extension (``plan.pdf.json``,
``plan.txt.json``). Anything that cannot be processed safely becomes an item with an error
instead of disappearing; files that are not plans are listed as ignored.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections import Counter, defaultdict
from dataclasses import field, replace
from pathlib import Path, PurePosixPath

from planextract.batch.index import INDEX_FILES
from planextract.batch.overview import REPORT_DIR
from planextract.batch.resume import STATE_DIR
from planextract.batch.zipsafe import (
    UnsafeEntry,
    ZipLimits,
    check_entry,
    open_archive,
    printable,
    read_entry,
)
from planextract.models.record import record
from planextract.output import fitting_name

# Word formats other than .docx are listed so that each gets its one-line advice
# ('save it as .docx') in the results instead of being ignored.
PLAN_SUFFIXES = frozenset({".pdf", ".txt", ".docx", ".docm", ".doc", ".odt"})
ZIP_SUFFIX = ".zip"
JUNK_FOLDERS = frozenset({"__MACOSX"})  # resource forks added by macOS zip tools


class DiscoveryError(Exception):
    """A PATH given on the command line does not exist: a usage error."""


@record(frozen=True, slots=True)
class WorkItem:
    source: str  # display path: input name + path inside it, '/'-separated
    path: Path  # the file on disk; the outer archive for zip entries
    name: str = ""  # file name of the plan itself
    members: tuple[str, ...] = ()  # zip entry names, outer to inner
    output: str | None = None  # JSON path relative to the output folder
    error: str | None = None  # set when the item is rejected before extraction
    code: str | None = None


@record
class Discovery:
    items: list[WorkItem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # display paths of non-plan files


@record
class _Scope:
    """Where an archive being read sits: in which file, which entries, which output folder."""

    path: Path  # the outermost archive on disk
    members: tuple[str, ...]  # entry names leading to this archive
    display: str
    mirror: PurePosixPath  # output folder for its entries
    depth: int = 1
    total: list[int] = field(default_factory=lambda: [0])  # uncompressed bytes, all levels
    folders: set[str] = field(default_factory=set)  # folder paths in it, casefolded
    duplicates: set[str] = field(default_factory=set)  # entry names held more than once


def _json_name(stem_of: str) -> str:
    return fitting_name(PurePosixPath(stem_of).stem, ".json")


class _Walker:
    def __init__(self, out_dir: Path, limits: ZipLimits) -> None:
        self.out_root = out_dir.resolve()
        self.limits = limits
        self.found = Discovery()

    def reject(self, source: str, path: Path, reason: str, code: str) -> None:
        self.found.items.append(WorkItem(source=source, path=path, error=reason, code=code))

    def plan(
        self, source: str, path: Path, out: PurePosixPath, members: tuple[str, ...] = ()
    ) -> None:
        self.found.items.append(
            WorkItem(
                source=source,
                path=path,
                name=out.name,
                members=tuple(members),
                output=str(out.parent / _json_name(out.name)),
            )
        )

    def top(self, path: Path, top_folders: set[str]) -> None:
        name = path.resolve().name or "root"
        if path.is_dir():
            self.folder(path, PurePosixPath(name))
        elif path.suffix.lower() == ZIP_SUFFIX:
            mirror = _zip_folder(path, top_folders)
            self.archive(path, _Scope(path, (), name, PurePosixPath(mirror)))
        else:  # named on the command line: try it whatever its extension
            self.plan(name, path, PurePosixPath(name))

    def folder(self, root: Path, display: PurePosixPath) -> None:
        for current, dirnames, filenames in os.walk(root):
            here = Path(current)
            rel = display / here.relative_to(root)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(".") and (here / d).resolve() != self.out_root
            )
            folders = {d.casefold() for d in dirnames}
            for filename in sorted(filenames):
                self.folder_file(here / filename, rel, filename, folders)

    def folder_file(self, path: Path, rel: PurePosixPath, filename: str, folders: set[str]) -> None:
        source = str(rel / filename)
        suffix = path.suffix.lower()
        if filename.startswith(".") or suffix not in PLAN_SUFFIXES | {ZIP_SUFFIX}:
            self.found.ignored.append(source)
            return
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            self.reject(source, path, "symbolic link, not followed", "unsafe-entry")
        elif not stat.S_ISREG(mode):
            self.reject(source, path, "not a regular file", "unreadable")
        elif suffix == ZIP_SUFFIX:
            self.archive(path, _Scope(path, (), source, rel / _zip_folder(path, folders)))
        else:
            self.plan(source, path, rel / filename)

    def archive(self, data: Path | bytes, scope: _Scope) -> None:
        try:
            archive = open_archive(data, self.limits)
        except UnsafeEntry as exc:
            self.reject(scope.display, scope.path, str(exc), "unreadable")
            return
        with archive:
            infos = sorted(archive.infolist(), key=lambda i: i.filename)
            scope.folders = {
                str(PurePosixPath(*p.parts[:k])).casefold()
                for i in infos
                for p in [PurePosixPath(i.filename.replace("\\", "/"))]
                for k in range(1, len(p.parts))
            }
            names = Counter(i.filename for i in infos)
            scope.duplicates = {name for name, n in names.items() if n > 1}
            for info in infos:
                if not info.is_dir():
                    self.entry(archive, info, scope)

    def entry(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, scope: _Scope) -> None:
        source = f"{scope.display}/{printable(info.filename)}"
        path = scope.path
        try:
            rel = check_entry(info, self.limits)
        except UnsafeEntry as exc:
            self.reject(source, path, str(exc), "unsafe-entry")
            return
        if info.filename in scope.duplicates:  # which of them would be read is a guess
            reason = "duplicate entry name in the archive; none of them is read"
            self.reject(source, path, reason, "unsafe-entry")
            return
        suffix = rel.suffix.lower()
        if (
            rel.name.startswith(".")
            or rel.parts[0] in JUNK_FOLDERS
            or suffix not in PLAN_SUFFIXES | {ZIP_SUFFIX}
        ):
            self.found.ignored.append(source)
            return
        scope.total[0] += info.file_size
        if scope.total[0] > self.limits.max_total_bytes:
            reason = f"archive holds more than {self.limits.max_total_bytes} bytes uncompressed"
            self.reject(source, path, reason, "limit")
            return
        chain = (*scope.members, info.filename)
        if suffix != ZIP_SUFFIX:
            self.plan(source, path, scope.mirror / rel, chain)
            return
        if scope.depth >= self.limits.max_depth:
            self.reject(
                source, path, f"zip nested deeper than {self.limits.max_depth} levels", "limit"
            )
            return
        try:
            inner = read_entry(archive, info, self.limits)
        except UnsafeEntry as exc:
            self.reject(source, path, str(exc), "unsafe-entry")
            return
        taken = str(rel.parent / rel.stem).casefold() in scope.folders
        mirror = scope.mirror / rel.parent / (rel.name if taken else rel.stem)
        self.archive(
            inner,
            _Scope(path, chain, source, mirror, scope.depth + 1, total=scope.total),
        )


def _zip_folder(path: Path, folders: set[str]) -> str:
    """Where a zip's results go: a folder named after its stem, or after its full name
    when a folder of that name (case-folded, in `folders`) sits beside it."""
    return path.stem if path.stem.casefold() not in folders else path.name


# Names directly under DIR that the batch writes itself: the quality overview, the journal
# and the index files. An input whose results would go into a folder of one of these names
# would mix with them, or (index.jsonl/ as a folder) make the index unwritable.
_RESERVED = {name.casefold() for name in (REPORT_DIR, STATE_DIR, *INDEX_FILES)}


def _resolve_clashes(items: list[WorkItem]) -> list[WorkItem]:
    """Give colliding outputs their full file name; reject what still collides."""

    def groups(batch: list[WorkItem]) -> dict[str, list[int]]:
        found: dict[str, list[int]] = defaultdict(list)
        for k, item in enumerate(batch):
            if item.output is not None:
                found[item.output.casefold()].append(k)
        return found

    items = list(items)
    for indexes in groups(items).values():
        if len(indexes) > 1:
            for k in indexes:
                out = PurePosixPath(items[k].output or "")
                name = fitting_name(items[k].name, ".json")
                items[k] = replace(items[k], output=str(out.parent / name))
    for indexes in groups(items).values():
        first = items[indexes[0]]
        for k in indexes[1:]:
            reason = f"same output file as {first.source}; rename one of them"
            items[k] = replace(items[k], output=None, error=reason, code="output-clash")
    for k, item in enumerate(items):
        top = PurePosixPath(item.output or "").parts[:1]
        if top and top[0].casefold() in _RESERVED:  # the tool's own folders under DIR
            reason = f"its result would go into {top[0]}/, a name the batch uses itself; rename it"
            items[k] = replace(item, output=None, error=reason, code="output-clash")
    return items


def _unique_sources(items: list[WorkItem]) -> list[WorkItem]:
    """Number repeated display paths (a zip may hold the same name twice)."""
    seen: dict[str, int] = {}
    unique = []
    for item in items:
        seen[item.source] = seen.get(item.source, 0) + 1
        if seen[item.source] > 1:
            item = replace(item, source=f"{item.source} [{seen[item.source]}]")
        unique.append(item)
    return unique


def _distinct_inputs(paths: list[Path]) -> list[Path]:
    """The PATHs without repeats; two different PATHs with the same name would mix their
    results under DIR, so that is a usage error."""
    distinct: dict[Path, Path] = {}
    for path in paths:
        distinct.setdefault(path.resolve(), path)
    names: dict[str, Path] = {}
    for path in distinct.values():
        name = (path.resolve().name or "root").casefold()
        if name in names:
            raise DiscoveryError(
                f"{names[name]} and {path} have the same name; their results would mix "
                "(convert them in separate batches or rename one)"
            )
        names[name] = path
    return list(distinct.values())


def discover(paths: list[Path], out_dir: Path, limits: ZipLimits | None = None) -> Discovery:
    """All work items under `paths`, sorted by source path (so runs are reproducible)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise DiscoveryError(f"no such file or folder: {', '.join(missing)}")
    paths = _distinct_inputs(paths)
    walker = _Walker(out_dir, limits or ZipLimits())
    top_folders = {p.resolve().name.casefold() for p in paths if p.is_dir()}
    for path in paths:
        walker.top(path, top_folders)
    found = walker.found
    items = _unique_sources(_resolve_clashes(found.items))
    found.items = sorted(items, key=lambda i: i.source)
    found.ignored.sort()
    return found
