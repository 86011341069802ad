"""Hook for the archive quality overview.

The overview itself (an HTML page over all plans of the archive) belongs to the report
command, which is built separately. The batch calls `write_archive_overview` once at the
end of every run; until the report command provides the overview this writes nothing and
returns None, and the summary says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_archive_overview(out_dir: Path, rows: list[dict[str, Any]]) -> Path | None:
    """Write the archive quality overview for the results in `out_dir`.

    `rows` are the index rows of this run (see batch/index.py; `output` is the JSON path
    relative to `out_dir` for converted and skipped plans). Returns the written file.
    """
    return None
