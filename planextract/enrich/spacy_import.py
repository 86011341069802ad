"""`import spacy` without spaCy's command line.

spacy/__init__.py imports `spacy.cli.info` only to offer `spacy.info()`, and with it the
whole CLI: typer, rich, httpx, jinja2, weasel, the download and training commands. That
is about 0.3 s of CPU and 18 MB in every process that enriches a plan (and in every batch
worker), for nothing the pipeline uses. During the import a stand-in module answers for
`spacy.cli.info`; it is gone from `sys.modules` afterwards, so a later `import spacy.cli`
gets the real CLI, `spacy.cli` is imported when first touched, and `spacy.info` stays
usable (it imports the real one when called).

A spaCy whose package import wants more from its CLI than the stand-in offers is imported
as it comes, with its CLI.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

CLI = "spacy.cli"
CLI_INFO = "spacy.cli.info"
_LOCK = threading.Lock()


def info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from the real CLI module, imported on the first call."""
    from spacy.cli.info import info as real_info

    return real_info(*args, **kwargs)


def _stand_in() -> ModuleType:
    module = ModuleType(CLI_INFO, "Stand-in for spacy.cli.info while spaCy is imported.")
    module.info = info  # type: ignore[attr-defined]
    return module


def _forget_cli() -> None:
    for name in [n for n in sys.modules if n == CLI or n.startswith(CLI + ".")]:
        del sys.modules[name]


def _cli_on_first_use(spacy: ModuleType) -> None:
    """`spacy.cli` as an attribute, as a plain `import spacy` leaves it: imported when
    first touched (PEP 562 module `__getattr__`, chained to one spaCy may have)."""
    previous: Callable[[str], Any] | None = spacy.__dict__.get("__getattr__")

    def __getattr__(name: str) -> Any:
        if name == "cli":
            return importlib.import_module(CLI)
        if previous is not None:
            return previous(name)
        raise AttributeError(f"module 'spacy' has no attribute {name!r}")

    spacy.__getattr__ = __getattr__  # type: ignore[method-assign]


def import_spacy() -> ModuleType:
    """The spacy package, imported once per process without its CLI when it can be."""
    with _LOCK:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        if CLI_INFO in sys.modules:  # someone else's module there: leave it alone
            import spacy

            return spacy
        stand_in = _stand_in()
        sys.modules[CLI_INFO] = stand_in
        try:
            import spacy
        except ImportError:
            # This spaCy needs more of its CLI at import: take it as it is. Only the CLI
            # modules are forgotten; the others are reused (a compiled module imported
            # twice would keep references to the first copies).
            _forget_cli()
            import spacy
        finally:
            if sys.modules.get(CLI_INFO) is stand_in:
                del sys.modules[CLI_INFO]
        if CLI not in sys.modules:
            _cli_on_first_use(spacy)
        return spacy
