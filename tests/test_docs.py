"""The generated reference pages in docs/ are current, and every interpretation is documented."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from gongshang_rules import REASONS
from gongshang_rules.oracle._docgen import main, pages, rules_citing, template_homes

ROOT = Path(__file__).resolve().parent.parent


class TestGeneratedDocs:
    @pytest.mark.parametrize("name", ["interpretations.md", "layout.md", "reasons.md", "traceability.md"])
    def test_the_committed_page_is_current(self, name: str) -> None:
        """docs/NAME equals what the code generates: run `make docs` after changing a rule."""
        generated = pages(ROOT / "tests")[name]
        committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert committed == generated, f"docs/{name} is stale: run `make docs`"

    def test_every_interpretation_is_on_the_interpretations_page(self) -> None:
        """Each reason flagged as an interpretation appears by code on the page."""
        page = pages(ROOT / "tests")["interpretations.md"]
        flagged = [code for code, t in REASONS.items() if t.interpretation]
        assert flagged
        for code in flagged:
            assert f"`{code}`" in page

    def test_every_reason_template_has_a_home_and_a_rule_using_it(self) -> None:
        """Every registered code is defined in a module and used by at least one function (no dead reasons)."""
        homes = template_homes()
        users = rules_citing()
        assert set(homes) == set(REASONS)
        unused = sorted(code for code in REASONS if not users.get(code))
        assert not unused, f"reason templates no rule uses: {unused}"

    def test_main_writes_the_pages(self, tmp_path: Path) -> None:
        """The generator writes the four pages into the given folder."""
        docs = tmp_path / "docs"
        docs.mkdir()
        assert main([str(docs)]) == 0
        assert sorted(p.name for p in docs.iterdir()) == [
            "interpretations.md",
            "layout.md",
            "reasons.md",
            "traceability.md",
        ]


@functools.cache
def traceability() -> str:
    """The generated traceability page, made once for the tests below (generating it reads every module)."""
    return pages(ROOT / "tests")["traceability.md"]


class TestTraceabilityByParagraph:
    """docs/traceability.md maps every paragraph (款), and names the ones nothing encodes, with the reason."""

    def test_every_paragraph_has_a_row(self) -> None:
        """Each paragraph of each article is a row of the paragraph table."""
        from gongshang_rules import ARTICLES

        page = traceability()
        for article in ARTICLES.values():
            for paragraph in article.paragraphs:
                assert f"| {paragraph.ref} | " in page

    def test_every_paragraph_nothing_encodes_says_why(self) -> None:
        """A paragraph no reason cites has a recorded reason: its article's, or one in UNENCODED_PARAGRAPHS."""
        from gongshang_rules.oracle._docgen import unencoded_paragraphs

        missing = unencoded_paragraphs()
        assert "art. 7(1)" in missing and "art. 13(1)" not in missing
        assert all(missing.values()), {label for label, why in missing.items() if not why}

    def test_corpus_cases_are_counted_by_paragraph(self) -> None:
        """The change-of-law corpus file exercises art. 13(1)."""
        page = traceability()
        row = next(line for line in page.splitlines() if line.startswith("| art. 13(1) |"))
        assert "change_of_law (" in row
