"""spaCy imported without its command line (enrich/spacy_import.py), each case in a fresh
process: the test session itself may have imported spaCy already."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import KEMP_TXT


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_enrichment_leaves_spacy_cli_unloaded_and_it_still_imports() -> None:
    out = _run(
        f"""
        import sys
        from planextract.pipeline import extract_file
        plan = extract_file({str(KEMP_TXT)!r}).plan
        assert plan.enriched
        partners = [p.name for a in plan.actions() for p in a.partners]
        print("partners", len(partners))
        print("loaded", sorted(m for m in ("spacy.cli", "typer", "rich", "httpx", "weasel")
                               if m in sys.modules))
        import spacy
        print("info", spacy.info()["spacy_version"] == spacy.__version__)
        print("cli", spacy.cli.info.__module__)  # an attribute, as after a plain import
        import spacy.cli.download
        print("download", spacy.cli.download.__module__)
        """
    )
    assert "loaded []" in out
    assert "info True" in out
    assert "cli spacy.cli.info" in out
    assert "download spacy.cli.download" in out
    assert int(out.split("partners ")[1].split()[0]) > 0


def test_a_spacy_wanting_more_of_its_cli_is_imported_as_it_comes() -> None:
    out = _run(
        """
        import sys
        from types import ModuleType
        import planextract.enrich.spacy_import as si
        si._stand_in = lambda: ModuleType(si.CLI_INFO)  # offers no `info`: ImportError
        spacy = si.import_spacy()
        import spacy.cli.info
        print("real", sys.modules["spacy.cli.info"].info is not si.info, spacy.info is not si.info)
        import spacy.tokens.doc as doc_module, spacy.util
        print("one copy", doc_module.util is spacy.util)
        from planextract.enrich.nlp import _plan_nlp
        print("tokens", [t.text for t in _plan_nlp()("bijv. PZON/burger")])
        """
    )
    assert "real True True" in out
    assert "one copy True" in out
    assert "tokens ['bijv.', 'PZON', '/', 'burger']" in out


def test_a_module_already_standing_for_spacy_cli_info_is_left_alone() -> None:
    out = _run(
        """
        import sys
        from types import ModuleType
        theirs = ModuleType("spacy.cli.info")
        theirs.info = lambda: "theirs"
        sys.modules["spacy.cli.info"] = theirs
        from planextract.enrich.spacy_import import import_spacy
        spacy = import_spacy()
        print("kept", sys.modules["spacy.cli.info"] is theirs, spacy.info())
        """
    )
    assert "kept True theirs" in out
