"""help() of every decision lists its outcomes, the reason codes it can give, its errors and its articles.

The lists are docstring text written by ``make docs`` (gongshang_rules.oracle._helpgen), so importing the library computes
nothing; this test fails when one is stale.
"""

from __future__ import annotations

import pydoc

import pytest

import gongshang_rules as gr
from gongshang_rules.oracle import _helpgen


@pytest.fixture(scope="module")
def blocks() -> dict[str, str]:
    """Every decision's block, computed once (it parses the package's source)."""
    return _helpgen.blocks()


class TestDecisionHelp:
    """Each decision's docstring ends with the generated block, and the block is current."""

    def test_the_decisions_are_the_facade_functions_returning_rulings(self) -> None:
        """classify_scope and decide_settlement are decisions; place and to_frame are not."""
        found = _helpgen.decisions()
        assert {"classify_scope", "decide_settlement", "review_application", "audit_flags"} <= set(found)
        assert "place" not in found and "to_frame" not in found
        assert len(found) >= 20

    def test_every_docstring_is_current(self) -> None:
        """No decision's block differs from what the code gives: run `make docs` after changing a rule."""
        assert _helpgen.stale_or_write(write=False) == []
        assert _helpgen.main(["--check"]) == 0

    def test_help_of_decide_settlement_lists_outcomes_codes_errors_and_articles(self) -> None:
        """pydoc's text for decide_settlement names every outcome, codes of other rules it runs, the errors."""
        text = pydoc.render_doc(gr.decide_settlement, renderer=pydoc.plaintext)
        for outcome in gr.Settlement:
            assert f"``{outcome.name}``" in text
        for code in ("SETTLEMENT_DIRECT", "COVERAGE_WITHIN_VALIDITY", "INSTITUTION_SUSPENDED", "SCOPE_LOCAL"):
            assert (
                f"``{code}``" in text
            )  # its own, and those of the rules it runs (coverage, registry, scope)
        assert (
            "``InvalidInputError``" in text and "``UnknownInstitutionError``" not in text
        )  # it checks first
        assert "art. 18" in text and "annex 2" in text

    def test_each_block_lists_only_registered_codes(self, blocks: dict[str, str]) -> None:
        """Every decision lists some codes, each one in REASONS."""
        for name, block in blocks.items():
            codes = [w.strip("`,") for w in block.split("reason codes:")[1].split("* raises")[0].split()]
            listed = [c for c in codes if c.isupper()]
            assert listed and all(c in gr.REASONS for c in listed), name

    def test_working_day_decisions_say_an_unknown_year_is_an_error(self, blocks: dict[str, str]) -> None:
        """A deadline counted in working days can raise CalendarUnknownError, and its help says so."""
        assert "``CalendarUnknownError``" in blocks["decide_reconciliation_deadline"]
        assert "``UnknownInstitutionError``" not in blocks["decide_reconciliation_deadline"]


class TestRewrite:
    """The rewriter replaces an old block and turns a one-line docstring into a block."""

    def test_a_one_line_docstring_gets_the_block_and_an_old_block_is_replaced(self) -> None:
        """Source in, source out: the block sits at the end, indented, once."""
        import ast

        source = 'def f():\n    """One line."""\n    return 1\n'
        node = ast.parse(source).body[0]
        assert isinstance(node, ast.FunctionDef)
        once = _helpgen._rewrite(source, node, f"{_helpgen.MARKER}\n\n* outcomes: ``A``")
        assert (
            once
            == f'def f():\n    """One line.\n\n    {_helpgen.MARKER}\n\n    * outcomes: ``A``\n    """\n    return 1\n'
        )
        node = ast.parse(once).body[0]
        assert isinstance(node, ast.FunctionDef)
        twice = _helpgen._rewrite(once, node, f"{_helpgen.MARKER}\n\n* outcomes: ``B``")
        assert twice.count(_helpgen.MARKER) == 1 and "``B``" in twice and "``A``" not in twice


class TestStaleDocstrings:
    """A stale block is reported by --check and rewritten in place by make docs (here: into a captured write)."""

    def test_a_stale_block_is_reported_and_rewritten(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], blocks: dict[str, str]
    ) -> None:
        """A block that differs: --check exits 1 naming it; a run writes the file with the new block."""
        from pathlib import Path

        changed = dict(blocks)
        changed["classify_scope"] = blocks["classify_scope"].replace("* articles:", "* articles: art. 99,")
        monkeypatch.setattr(_helpgen, "blocks", lambda: changed)
        written: dict[str, str] = {}
        monkeypatch.setattr(
            Path, "write_text", lambda self, text, encoding=None: written.update({self.name: text})
        )
        assert _helpgen.main(["--check"]) == 1
        assert "stale: classify_scope" in capsys.readouterr().out
        assert _helpgen.main([]) == 0
        assert "rewrote: classify_scope" in capsys.readouterr().out
        assert list(written) == ["scope.py"] and "art. 99," in written["scope.py"]
        assert written["scope.py"].count(_helpgen.MARKER) == 1
