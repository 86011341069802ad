"""All quality checks, registered in report order. Import this module (or use
``planextract.quality.assess``) to run them; each check lives in a small module:

- goals.py       numbering of strategic and operational goals
- fields.py      template fields and their required sub-parts, per action
- evaluation.py  evaluation boxes and criteria, per action
- timeline.py    the month x action timeline: present, columns, actions, milestones
- document.py    unassigned text, unreadable pages
"""

from __future__ import annotations

from planextract.quality import (  # noqa: F401  (register)
    document,
    evaluation,
    fields,
    goals,
    timeline,
)
from planextract.quality.registry import CHECKS, Context, check

__all__ = ["CHECKS", "Context", "check"]
