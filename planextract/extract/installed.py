"""The version of an installed distribution, without importing importlib.metadata.

Every JSON of a PDF or Word file names the versions of the libraries that read it.
`importlib.metadata` costs about 30 ms of CPU to import (email, csv, zipfile…) and 5 ms
for three lookups, in every PDF or Word process. A distribution installed by pip has a
`<name>-<version>.dist-info` folder on `sys.path` whose METADATA holds its `Version:`;
it is read here in the order importlib.metadata searches (`sys.path`, '' being the
working folder). Anything else (an egg, a zip on the path, a name not found, a file
without the header) is left to importlib.metadata itself, so the answer is always its
answer.
"""

from __future__ import annotations

import os
import re
import sys

# PEP 503 names: runs of '-', '_' and '.' are one separator, case does not count.
_SEPARATORS = re.compile(r"[-_.]+")


def _normalised(name: str) -> str:
    return _SEPARATORS.sub("_", name).lower()


def _metadata_version(folder: str) -> str | None:
    """The `Version:` header of folder/METADATA (headers end at the first blank line)."""
    try:
        with open(os.path.join(folder, "METADATA"), encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    break
                key, sep, value = line.partition(":")
                if sep and key.strip().lower() == "version":
                    return value.strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _egg_of(path: str, wanted: str) -> bool:
    """Whether `path` names an egg (`<name>-<version>...egg`) of the wanted name, by either
    normalisation importlib.metadata uses for eggs."""
    low = os.path.basename(path.rstrip("/\\")).lower()
    if not low.endswith(".egg"):
        return False
    dist = low.rpartition(".")[0].partition("-")[0]
    return _normalised(dist) == wanted or dist.replace("-", "_") == wanted


def _dist_info_version(name: str) -> str | None:
    """As importlib.metadata's path search: per `sys.path` entry, the first `.dist-info`
    or `.egg-info` of the name in listing order, then eggs. Only a `.dist-info` is read
    here; None leaves the rest to importlib.metadata."""
    wanted = _normalised(name)
    for entry in sys.path:
        folder = entry or "."
        try:
            items = os.listdir(folder)
        except (OSError, TypeError, ValueError):
            continue
        # an egg, or an .egg folder on the path, of the name: importlib.metadata reads it
        egg = _egg_of(folder, wanted)
        for item in items:
            low = item.lower()
            if low.endswith((".dist-info", ".egg-info")):
                if _normalised(low.rpartition(".")[0].partition("-")[0]) == wanted:
                    if low.endswith(".dist-info"):
                        return _metadata_version(os.path.join(folder, item))
                    return None
            elif low.endswith(".egg") and _egg_of(item, wanted):
                egg = True
        if egg:
            return None
    return None


def distribution_version(name: str) -> str | None:
    """The installed version of distribution `name` (as `importlib.metadata.version`
    gives it), None when it is not installed."""
    found = _dist_info_version(name)
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None
