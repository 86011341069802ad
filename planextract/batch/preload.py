"""Imported once by the fork server before it forks workers: spaCy's import and the
pipeline build (1-2 s) are paid once per batch, not per worker or per file."""

from __future__ import annotations

from planextract.batch.job import warm_up
from planextract.rules.profile import load_profile

warm_up(load_profile())
