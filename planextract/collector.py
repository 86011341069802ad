"""CPython's cyclic garbage collector, tuned for planextract's own processes.

An extraction makes hundreds of thousands of small containers (lines, tokens, words,
model instances) and hardly any reference cycles. With CPython's default threshold (a
collection every 700 new containers) the collector runs about 230 times on the Kemp en
Duin text plan, and its full collections walk every object of the process, spaCy's
vocabulary and the validators of the models included: about 0.13 s of CPU of one
`extract` with enrichment, 0.04 s without. Collecting every 10 000 containers leaves
about 15 collections and no full one per plan; cycles are still collected, in larger
batches, so memory stays bounded over a long batch.

Only a command of the command line (also when a program runs it in-process, as click's
test runner does) and the batch workers call this: a program that imports planextract's
modules keeps its own collector settings.
"""

from __future__ import annotations

import gc

# New containers between two collections of the youngest generation (CPython: 700).
YOUNGEST_THRESHOLD = 10_000


def tune_collector() -> None:
    """Collect the youngest generation every YOUNGEST_THRESHOLD containers (never more
    often than the process already does); the older generations' ratios stay."""
    youngest, middle, oldest = gc.get_threshold()
    if 0 < youngest < YOUNGEST_THRESHOLD:
        gc.set_threshold(YOUNGEST_THRESHOLD, middle, oldest)
