"""Write planextract/models/plan-output.core-schema.json, the core schema every plan
JSON is checked against (models/check.py), after a change to models/plan.py:

    python scripts/make_output_schema.py
"""

from __future__ import annotations

from planextract.models.check import CORE_SCHEMA_FILE
from planextract.models.contract import output_core_schema_text

if __name__ == "__main__":
    CORE_SCHEMA_FILE.write_text(output_core_schema_text(), "utf-8")
    print(f"wrote {CORE_SCHEMA_FILE}")
