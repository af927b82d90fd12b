"""How a ruling shows itself (issue 14): a short repr(), and an HTML table for notebooks, left-aligned, with the
outcome as a badge, the decisive reasons first, the figures as a table and each citation with its title."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import gongshang_rules as gr
from gongshang_rules.kernel.ruling import Reason, Ruling, _figure_text


@pytest.fixture(scope="module")
def settled() -> gr.SettlementRuling:
    """The news case (2025-09-17) settled: a ruling with many reasons and money figures."""
    case = gr.first_cross_province_case()
    return gr.decide_settlement(case.episode, registry=case.registry)


@attrs.frozen
class _Role:
    name: str


def with_roles(ruling: Ruling[Any], notes: set[str]) -> list[Any]:
    """The ruling's reasons as stand-ins that carry a role, the way issue 11 adds one."""

    @attrs.frozen(kw_only=True)
    class RoledReason:
        reason: Reason
        role: _Role

        def __getattr__(self, name: str) -> Any:
            return getattr(self.reason, name)

    return [
        RoledReason(reason=r, role=_Role("NOTE" if r.code in notes else "DECISIVE")) for r in ruling.reasons
    ]


class TestRepr:
    """repr() names the ruling, its outcome and its decisive codes, and stays short; str() is unchanged."""

    def test_repr_is_short_and_names_outcome_and_codes(self, settled: gr.SettlementRuling) -> None:
        """A settlement's repr holds its type, outcome and codes, and not its messages (issue 14: 7,700 chars)."""
        text = repr(settled)
        assert text.startswith("SettlementRuling(DIRECT: ") and text.endswith(")")
        # The decisive codes by name (issue 11), the notes counted.
        assert all(code in text for code in settled.decisive_codes)
        assert f"{len(settled.notes)} notes" in text
        assert len(text) < 400 and "message" not in text

    def test_every_ruling_subclass_gets_the_short_repr(self) -> None:
        """A subclass decorated with attrs keeps Ruling's repr, not attrs' field-by-field one."""
        assert repr(gr.classify_scope(gr.place("长沙市"), gr.place("岳阳市"))) == (
            "ScopeRuling(INTRA_PROVINCE: SCOPE_INTRA_PROVINCE)"
        )
        validity = gr.filing_validity(
            gr.Filing(
                insured=gr.place("430100"), treatment=gr.place("430600"), category=gr.PersonCategory.REFERRAL,
                service=gr.ServiceKind.MEDICAL, filed_on=dt.date(2025, 11, 30),
            )
        )  # fmt: skip
        assert repr(validity) == "ValidityRuling(COMPUTED: FILING_VALIDITY_COMPUTED)"

    def test_str_still_explains(self, settled: gr.SettlementRuling) -> None:
        """str() keeps its headline, figures and every reason with its messages."""
        text = str(settled)
        assert text.startswith("SettlementRuling: DIRECT (")
        assert all(r.message_en in text for r in settled.reasons)

    def test_notes_are_counted_not_listed_once_reasons_have_roles(self, settled: gr.SettlementRuling) -> None:
        """With roles (issue 11), repr lists the decisive codes and counts the notes."""
        roled = object.__new__(type(settled))
        for field in attrs.fields(type(settled)):
            object.__setattr__(roled, field.name, getattr(settled, field.name))
        object.__setattr__(roled, "reasons", tuple(with_roles(settled, {"SETTLEMENT_CREDENTIAL_PRESENTED"})))
        text = repr(roled)
        assert "SETTLEMENT_CREDENTIAL_PRESENTED" not in text and text.endswith("; 1 note)")
        page = roled._repr_html_()
        rows = re.findall(r"<tr[^>]*>.*?</tr>", page.split("<thead>")[-1])
        codes = [re.search(r"<code>([A-Z_0-9]+)</code>", row) for row in rows]
        listed = [m.group(1) for m in codes if m]
        assert listed[-1] == "SETTLEMENT_CREDENTIAL_PRESENTED"  # the note comes after every decisive reason
        assert "color:#666" in rows[-1] and "&#9733;" not in rows[-1]


class TestHtml:
    """The notebook view."""

    def test_html_is_left_aligned_with_the_outcome_as_a_badge(self, settled: gr.SettlementRuling) -> None:
        """The container and every cell are left-aligned; the outcome code sits in a badge."""
        page = settled._repr_html_()
        assert page.startswith('<div style="text-align:left">')
        assert re.search(r'<span style="[^"]*border-radius[^"]*">DIRECT</span>', page)
        cells = re.findall(r"<t[hd]( style=\"[^\"]*\")?>", page)
        assert cells and all("text-align:left" in c for c in cells)

    def test_figures_are_a_table(self, settled: gr.SettlementRuling) -> None:
        """Each figure is a row: bill and fund share to the fen, the scope by its code."""
        page = settled._repr_html_()
        assert (
            f'>bill</th><td style="text-align:left;vertical-align:top;padding:2px 8px">{settled.bill:.2f}<'
            in page
        )
        assert ">scope</th>" in page and "CROSS_PROVINCE_INBOUND" in page

    def test_citations_show_the_title_of_the_article(self, settled: gr.SettlementRuling) -> None:
        """Each citation names the article in both languages and shows its title."""
        page = settled._repr_html_()
        article = gr.ARTICLES[settled.articles[0].article]  # type: ignore[union-attr]
        assert article.title_en in page and article.title_zh in page

    def test_decisive_reasons_are_starred(self, settled: gr.SettlementRuling) -> None:
        """Each decisive reason's row is starred, the notes' not, and the legend says what the star means."""
        page = settled._repr_html_()
        assert page.count("&#9733; <code>") == len(settled.decisive) < len(settled.reasons)
        assert "decides the outcome" in page

    def test_a_ruling_without_figures_has_no_figure_table(self) -> None:
        """A scope ruling has no figures: one table only, the reasons."""
        page = gr.classify_scope(gr.place("长沙市"), gr.place("岳阳市"))._repr_html_()
        assert page.count("<table") == 1

    def test_identity_numbers_in_figures_are_masked(self) -> None:
        """A figure that holds text shaped like an identity number is shown masked."""
        number = gr.IdentityNumber.parse("11010519491231002X")
        assert _figure_text(number) == "110***********002X"


class TestFigureText:
    """How figure values are written in the HTML table."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Decimal("5"), "5.00"),
            (None, "—"),
            ((gr.Scope.LOCAL, "x"), "LOCAL, x"),
            (frozenset({"b", "a"}), "a, b"),
            (dt.date(2025, 2, 28), "2025-02-28"),
        ],
    )
    def test_values_are_written_plainly(self, value: object, text: str) -> None:
        """Money to the fen, None as a dash, enums by code, sets sorted."""
        assert _figure_text(value) == text

    def test_a_nested_ruling_is_its_outcome(self, settled: gr.SettlementRuling) -> None:
        """A nested ruling (the meal allowance) is written as its outcome code."""
        assert settled.meal_allowance is not None
        assert _figure_text(settled.meal_allowance) == settled.meal_allowance.outcome.name
