"""Reading a plan JSON back (report, the batch's skip check, export): one at a time, and
only after a size check, so a result too large to parse within bounds is refused on one
line instead of being read whole."""

from __future__ import annotations

from pathlib import Path

from planextract.errors import LimitExceeded, UnreadableInput
from planextract.extract.limits import Limits
from planextract.models.plan import Plan

_SHORT = 120  # characters of a validation error's place and message (they quote the file)


class NotAPlanResult(UnreadableInput):
    """Valid or invalid JSON, but not a plan; `detail` says where and why."""

    def __init__(self, file: str, detail: str) -> None:
        super().__init__(file, f"not a planextract plan JSON ({detail})")
        self.detail = detail


def read_result(path: Path, name: str, limits: Limits | None = None) -> Plan:
    """The plan in the JSON file at `path`; errors name it as `name`. Raises LimitExceeded
    for a file larger than a result may be (`Limits.max_output_bytes`, which extraction
    also keeps to), UnreadableInput for a file that cannot be read or is not a plan."""
    limit = (limits or Limits()).max_output_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise LimitExceeded(
                name,
                f"the result is {size // 1024} KB, more than the {limit >> 20} MB a result "
                "may have; not read",
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # a file that grows meanwhile is still refused
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read file ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise LimitExceeded(name, f"the result is more than the {limit >> 20} MB a result may have")
    from pydantic import ValidationError

    from planextract.models.contract import plan_from_json  # pydantic: only to read back

    try:
        return plan_from_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))[:_SHORT] or "document"
        message = str(first.get("msg", "invalid"))[:_SHORT]
        raise NotAPlanResult(name, f"{where}: {message}") from exc
