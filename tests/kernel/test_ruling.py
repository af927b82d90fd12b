"""Explained rulings (docs/architecture.md): an outcome and its reasons, each with a code, articles and a flag."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import string
from decimal import Decimal
from typing import ClassVar

import attrs
import pytest

from gongshang_rules import (
    REASONS,
    AnnexRef,
    ArticleRef,
    InvalidInputError,
    LabelledEnum,
    Reason,
    ReasonTemplate,
    Role,
    Ruling,
)


class Colour(LabelledEnum):
    """A throwaway outcome enum for these tests."""

    RED = ("红", "red")
    BLUE = ("蓝", "blue")


@attrs.frozen(kw_only=True)
class ColourRuling(Ruling[Colour]):
    """A ruling subclass with one extra figure, shown by _extra_lines()."""

    days: int = 0

    def _extra_lines(self) -> list[str]:
        return [f"  days: {self.days}"]


def reason(
    code: str, /, *articles: ArticleRef | AnnexRef, interpretation: bool = False, **extra: object
) -> Reason:
    """A reason built by hand (role and authorities through ``extra``)."""
    fields: dict[str, object] = {
        "code": code,
        "articles": articles,
        "interpretation": interpretation,
        "message_zh": f"{code}的理由",
        "message_en": f"why {code}",
    }
    fields.update(extra)
    return Reason(**fields)  # type: ignore[arg-type]


RULING = ColourRuling(
    outcome=Colour.RED,
    reasons=(
        reason("FIRST_REASON", ArticleRef(13, paragraph=1), ArticleRef(4, item=1)),
        reason("SECOND_REASON", ArticleRef(36), interpretation=True, authorities=("民法典 第二百零一条",)),
        reason("THIRD_REASON", AnnexRef(2, note=5), ArticleRef(13, paragraph=1)),
    ),
    days=5,
)


class TestReason:
    """A Reason: stable code, citations, interpretation flag, two messages."""

    def test_str_shows_code_articles_authorities_flag_and_messages(self) -> None:
        """str() carries everything a reader needs to check the reason."""
        text = str(RULING.reasons[1])
        for part in (
            "SECOND_REASON",
            "art. 36",
            "民法典 第二百零一条",
            "[interpretation]",
            "why SECOND_REASON",
            "SECOND_REASON的理由",
        ):
            assert part in text

    def test_a_reason_citing_nothing_says_so(self) -> None:
        """A reason with no article of this procedure says so rather than printing an empty list."""
        assert "no article of this procedure" in str(reason("UNCITED"))

    @pytest.mark.parametrize(
        ("field", "value", "named"),
        [
            ("code", "lower_case", "code"),
            ("code", "TRAILING_", "code"),
            ("code", "", "code"),
            ("articles", [ArticleRef(4)], "articles"),
            ("articles", (ArticleRef(4), "art. 5"), "articles[1]"),
            ("interpretation", 1, "interpretation"),
            ("message_en", "  ", "message_en"),
            ("message_zh", None, "message_zh"),
            ("authorities", ["民法典"], "authorities"),
        ],
    )
    def test_bad_reason_fields_are_named(self, field: str, value: object, named: str) -> None:
        """Each bad field raises InvalidInputError naming it (with the index inside a tuple)."""
        with pytest.raises(InvalidInputError) as caught:
            reason("GOOD_CODE", ArticleRef(4), **{field: value})
        assert caught.value.field == named


class TestReasonTemplate:
    """ReasonTemplate: a reason before its particulars, registered once in REASONS."""

    TEMPLATE = ReasonTemplate(
        code="TEST_ONLY_VALIDITY",
        role=Role.DECISIVE,
        when="Never: a test example.",
        articles=(ArticleRef(13, paragraph=1),),
        interpretation=True,
        zh="有效期{months}个月，至{end}。",
        en="Valid for {months} months, through {end}.",
        register=False,
    )

    def test_make_fills_both_messages(self) -> None:
        """The particulars go into the Chinese and the English message; code, articles and flag are kept."""
        made = self.TEMPLATE.make(months=6, end="2026-02-28")
        assert made.message_zh == "有效期6个月，至2026-02-28。"
        assert made.message_en == "Valid for 6 months, through 2026-02-28."
        assert (made.code, made.articles, made.interpretation) == (
            "TEST_ONLY_VALIDITY",
            (ArticleRef(13, paragraph=1),),
            True,
        )

    def test_a_missing_particular_is_named(self) -> None:
        """Without 'end', make() raises InvalidInputError naming the code and the missing particular."""
        with pytest.raises(InvalidInputError) as caught:
            self.TEMPLATE.make(months=6)
        assert caught.value.field == "particulars"
        assert "TEST_ONLY_VALIDITY" in caught.value.problem
        assert "end" in caught.value.problem

    def test_a_positional_placeholder_is_refused_when_the_template_is_created(self) -> None:
        """A template with '{0}' could never be filled by keywords: refused at once, with InvalidInputError."""
        with pytest.raises(
            InvalidInputError, match=r"TEST_ONLY_POSITIONAL: a placeholder must be a \{name\}"
        ):
            ReasonTemplate(
                code="TEST_ONLY_POSITIONAL",
                role=Role.NOTE,
                when="Never: a test example.",
                articles=(),
                interpretation=False,
                zh="{0}",
                en="{0}",
                register=False,
            )

    def test_an_unregistered_template_stays_out_of_the_catalogue(self) -> None:
        """register=False is for throwaway examples."""
        assert "TEST_ONLY_VALIDITY" not in REASONS

    def test_a_duplicate_code_raises_and_leaves_the_catalogue_alone(self) -> None:
        """Registering an existing code again raises; the registered template is unchanged."""
        existing = REASONS["SCOPE_LOCAL"]
        with pytest.raises(InvalidInputError) as caught:
            ReasonTemplate(
                code="SCOPE_LOCAL",
                role=Role.DECISIVE,
                when="Never: a duplicate.",
                articles=(ArticleRef(5),),
                interpretation=False,
                zh="重复",
                en="duplicate",
            )
        assert caught.value.field == "code"
        assert REASONS["SCOPE_LOCAL"] is existing

    def test_the_catalogue_is_read_only(self) -> None:
        """REASONS cannot be written to by callers."""
        with pytest.raises(TypeError):
            REASONS["INJECTED"] = REASONS["SCOPE_LOCAL"]  # type: ignore[index]

    def test_every_catalogued_code_is_stable_and_unique(self) -> None:
        """Catalogue keys are the templates' own UPPER_SNAKE_CASE codes."""
        for code, template in REASONS.items():
            assert template.code == code
            assert code == code.upper() and " " not in code


class TestRuling:
    """A Ruling reads as an explanation: outcome, codes, articles, messages."""

    def test_str_contains_the_outcome_every_code_and_every_article(self) -> None:
        """str() names the outcome, every reason code, every article cited, and both messages."""
        text = str(RULING)
        assert "RED" in text and "red" in text and "红" in text
        for r in RULING.reasons:
            assert r.code in text
            assert r.message_en in text and r.message_zh in text
            for citation in r.articles:
                assert str(citation) in text
        assert "民法典 第二百零一条" in text
        assert "[interpretation]" in text

    def test_str_shows_a_subclasss_extra_figures(self) -> None:
        """A subclass's _extra_lines() appear below the headline."""
        assert "days: 5" in str(RULING)
        assert str(RULING).splitlines()[0].startswith("ColourRuling: RED")

    def test_codes_is_the_set_of_reason_codes(self) -> None:
        """codes is what another implementation's answer is compared on."""
        assert RULING.codes == {"FIRST_REASON", "SECOND_REASON", "THIRD_REASON"}

    def test_articles_are_listed_once_each_articles_first(self) -> None:
        """art. 13(1), cited twice, is listed once; articles sort by number, then paragraph; annexes come last."""
        assert RULING.articles == (
            ArticleRef(4, item=1),
            ArticleRef(13, paragraph=1),
            ArticleRef(36),
            AnnexRef(2, note=5),
        )

    # Regression (fixed in 8dcd422): sorting AnnexRef(1) with AnnexRef(1, note=3) compared None with an int, so
    # such a ruling raised TypeError instead of listing its citations.
    def test_a_ruling_citing_an_annex_and_one_of_its_notes_lists_both(self) -> None:
        """AnnexRef(1) and AnnexRef(1, note=3) are both listed, the whole annex first."""
        ruling = ColourRuling(
            outcome=Colour.BLUE, reasons=(reason("ANNEX_REASON", AnnexRef(1, note=3), AnnexRef(1)),)
        )
        assert ruling.articles == (AnnexRef(1), AnnexRef(1, note=3))

    def test_rests_on_interpretation_when_any_reason_does(self) -> None:
        """One interpretation among the reasons flags the ruling; none leaves it unflagged."""
        assert RULING.rests_on_interpretation
        plain = ColourRuling(outcome=Colour.BLUE, reasons=(reason("PLAIN", ArticleRef(2)),))
        assert not plain.rests_on_interpretation

    def test_reason_returns_the_reason_with_a_code(self) -> None:
        """reason(code) finds the reason."""
        assert RULING.reason("SECOND_REASON") is RULING.reasons[1]

    def test_reason_raises_for_a_code_the_ruling_does_not_give(self) -> None:
        """A missing code raises InvalidInputError naming 'code' and listing the codes it does give."""
        with pytest.raises(InvalidInputError) as caught:
            RULING.reason("ABSENT")
        assert caught.value.field == "code"
        assert "FIRST_REASON" in caught.value.problem

    def test_reasons_must_be_a_tuple_of_reasons(self) -> None:
        """A list, or a string among the reasons, is refused."""
        with pytest.raises(InvalidInputError) as caught:
            ColourRuling(outcome=Colour.RED, reasons=[RULING.reasons[0]])  # type: ignore[arg-type]
        assert caught.value.field == "reasons"
        with pytest.raises(InvalidInputError) as caught:
            ColourRuling(outcome=Colour.RED, reasons=("FIRST_REASON",))  # type: ignore[arg-type]
        assert caught.value.field == "reasons[0]"


class TestHtml:
    """In a notebook a ruling renders as an HTML table, escaped."""

    def test_html_escapes_every_text(self) -> None:
        """Markup in messages and authorities is shown as text, never interpreted."""
        hostile = ColourRuling(
            outcome=Colour.RED,
            reasons=(
                reason(
                    "HOSTILE",
                    ArticleRef(2),
                    message_en="<script>alert(1)</script> & more",
                    message_zh="<b>粗体</b>",
                    authorities=("<i>law</i>",),
                ),
            ),
        )
        page = hostile._repr_html_()
        assert "<script>" not in page and "<b>" not in page and "<i>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
        assert "&lt;b&gt;粗体&lt;/b&gt;" in page
        assert "&lt;i&gt;law&lt;/i&gt;" in page

    def test_html_shows_outcome_codes_and_both_citations(self) -> None:
        """The table has the outcome, every code, and each citation in English and Chinese."""
        page = RULING._repr_html_()
        assert "<strong>ColourRuling</strong>" in page and ">RED</span>" in page  # the outcome as a badge
        for code in RULING.codes:
            assert code in page
        assert "art. 13(1)" in page and "第十三条第一款" in page
        assert "附件2备注5" in page
        assert "days: 5" in page


class TestLabelledEnum:
    """Outcome enums: the member name is the stable code; the value carries the labels."""

    def test_a_member_has_labels_and_reads_as_its_name(self) -> None:
        """str() is the code; zh and en are the labels."""
        assert str(Colour.RED) == "RED"
        assert (Colour.RED.zh, Colour.RED.en) == ("红", "red")


def _mixed_ruling() -> ColourRuling:
    """A ruling whose first reason is a note: the order shown must still put the decisive ones first."""
    return ColourRuling(
        outcome=Colour.BLUE,
        reasons=(
            reason("INFO_FIRST", ArticleRef(17), role=Role.NOTE),
            reason("DECIDES_IT", ArticleRef(13, paragraph=1)),
            reason("INFO_SECOND", ArticleRef(36), role=Role.NOTE),
        ),
    )


class TestRoles:
    """Every reason is DECISIVE (the outcome rests on it) or a NOTE (it informs); decisive reasons come first."""

    def test_a_reason_built_by_hand_is_decisive_unless_marked_a_note(self) -> None:
        """Role defaults to DECISIVE; a note says so in str()."""
        assert reason("PLAIN").role is Role.DECISIVE and reason("PLAIN").decisive
        note = reason("INFO", role=Role.NOTE)
        assert not note.decisive and "[note]" in str(note) and "[note]" not in str(reason("PLAIN"))

    def test_a_bad_role_is_named(self) -> None:
        """A role that is not a Role member raises InvalidInputError naming 'role'."""
        with pytest.raises(InvalidInputError) as caught:
            reason("GOOD_CODE", role="NOTE")
        assert caught.value.field == "role"

    def test_a_template_needs_a_role_and_a_when(self) -> None:
        """role must be a Role and when a non-blank sentence: each problem names its field."""
        fields: dict[str, object] = {
            "code": "TEST_ONLY_ROLE",
            "role": Role.NOTE,
            "when": "Never.",
            "articles": (),
            "interpretation": False,
            "zh": "说明",
            "en": "note",
            "register": False,
        }
        for name, bad in (("role", "NOTE"), ("when", " ")):
            with pytest.raises(InvalidInputError) as caught:
                ReasonTemplate(**{**fields, name: bad})  # type: ignore[arg-type]
            assert caught.value.field == name
        with pytest.raises(TypeError):
            ReasonTemplate(**{k: v for k, v in fields.items() if k != "when"})  # type: ignore[arg-type]

    def test_a_template_gives_its_role_to_every_reason(self) -> None:
        """make() carries the template's role, with or without particulars."""
        assert TestReasonTemplate.TEMPLATE.make(months=3, end="x").role is Role.DECISIVE
        plain = ReasonTemplate(
            code="TEST_ONLY_PLAIN_NOTE",
            role=Role.NOTE,
            when="Never: a test example.",
            articles=(),
            interpretation=False,
            zh="说明。",
            en="A note.",
            register=False,
        )
        assert plain.make().role is Role.NOTE

    def test_every_registered_template_has_a_role_and_one_sentence_when(self) -> None:
        """The catalogue's contract: a role for every code, and when it is given in one sentence."""
        import gongshang_rules.oracle.cases  # noqa: F401 - registers every template

        for code, template in REASONS.items():
            assert isinstance(template.role, Role), code
            assert template.when.strip().endswith("."), code
            assert template.when.count(". ") <= 1, code  # one sentence (an abbreviation like "art." aside)

    def test_decisive_and_notes_split_the_reasons_in_order(self) -> None:
        """decisive, notes and decisive_codes; codes still holds every code."""
        ruling = _mixed_ruling()
        assert [r.code for r in ruling.decisive] == ["DECIDES_IT"]
        assert [r.code for r in ruling.notes] == ["INFO_FIRST", "INFO_SECOND"]
        assert ruling.decisive_codes == {"DECIDES_IT"}
        assert ruling.codes == {"DECIDES_IT", "INFO_FIRST", "INFO_SECOND"}

    def test_str_shows_the_decisive_reasons_first_then_the_notes(self) -> None:
        """'because:' with the decisive reasons, then 'notes:'; a ruling without notes has no notes heading."""
        lines = str(_mixed_ruling()).splitlines()
        because = lines.index("  because:")
        assert lines[because + 1].startswith("  - DECIDES_IT")
        notes = lines.index("  notes:")
        assert notes > because and lines[notes + 1].startswith("  - INFO_FIRST")
        assert "  notes:" not in str(RULING).splitlines()

    def test_html_shows_the_decisive_reasons_first_with_a_marker(self) -> None:
        """Rows are ordered decisive first; each row says what it is."""
        html = _mixed_ruling()._repr_html_()
        assert html.index("DECIDES_IT") < html.index("INFO_FIRST") < html.index("INFO_SECOND")
        assert html.count('data-role="note"') == 2 and html.count('data-role="decisive"') == 1
        # The decisive row is starred (issue 14's display), the legend says what the star means.
        assert html.count("&#9733; <code>") == 1 and "decides the outcome" in html


class TestLazyMessages:
    """Issue 13: a reason's messages are formatted when first read, and a reason behaves exactly as if they had
    been formatted when it was made: it compares, hashes, pickles, copies and prints the same."""

    TEMPLATE = ReasonTemplate(
        code="TEST_ONLY_LAZY",
        role=Role.NOTE,
        when="Never: a test example.",
        articles=(ArticleRef(13, paragraph=1),),
        interpretation=False,
        zh="备案于{on}，{months}个月，金额{amount}元，{who}。",
        en="Filed on {on}, {months} months, {amount} yuan, {who}.",
        register=False,
    )
    PARTICULARS: ClassVar[dict[str, object]] = {
        "on": dt.date(2024, 2, 29),
        "months": 6,
        "amount": Decimal("1234.5"),
        "who": "430102199001011238",
    }

    def formatted(self) -> Reason:
        """The same reason built with its texts given, as a reason read from JSON is."""
        made = self.TEMPLATE.make(**self.PARTICULARS)
        return Reason(
            code=made.code,
            articles=made.articles,
            interpretation=made.interpretation,
            message_zh=made.message_zh,
            message_en=made.message_en,
            authorities=made.authorities,
            role=made.role,
        )

    def test_the_texts_are_those_formatting_at_once_gives(self) -> None:
        """Dates in ISO form, amounts to the fen, an identity number masked, in both languages."""
        made = self.TEMPLATE.make(**self.PARTICULARS)
        assert made.message_zh == "备案于2024-02-29，6个月，金额1234.50元，430***********1238。"
        assert made.message_en == "Filed on 2024-02-29, 6 months, 1234.50 yuan, 430***********1238."

    @pytest.mark.parametrize("read_first", [False, True])
    def test_it_compares_and_hashes_like_a_formatted_reason(self, read_first: bool) -> None:
        made = self.TEMPLATE.make(**self.PARTICULARS)
        if read_first:
            assert made.message_en
        assert made == self.formatted() and hash(made) == hash(self.formatted())
        assert made != self.TEMPLATE.make(**{**self.PARTICULARS, "months": 7})

    def test_pickle_copy_repr_and_asdict_see_the_texts(self) -> None:
        made = self.TEMPLATE.make(**self.PARTICULARS)
        assert pickle.loads(pickle.dumps(made)) == self.formatted()
        assert copy.deepcopy(made) == self.formatted() and copy.copy(made) == self.formatted()
        assert "430***********1238" in repr(made) and "199001011238" not in repr(made)
        assert attrs.asdict(made)["message_zh"] == self.formatted().message_zh
        assert attrs.evolve(made, code="TEST_ONLY_LAZY_TOO").message_en == self.formatted().message_en

    def test_a_reason_stays_frozen(self) -> None:
        made = self.TEMPLATE.make(**self.PARTICULARS)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.message_zh = "改"  # type: ignore[misc]

    def test_a_message_is_formatted_once_and_only_when_read(self, rendered_messages: list[str]) -> None:
        rendered = rendered_messages
        made = self.TEMPLATE.make(**self.PARTICULARS)
        assert made.code == "TEST_ONLY_LAZY" and rendered == []
        assert made.message_en == made.message_en
        assert rendered == [self.TEMPLATE.en]

    def test_a_particular_is_fixed_when_the_reason_is_made(self) -> None:
        """A mutable value shown in a message shows what it was when the reason was made."""
        months = [6]
        made = self.TEMPLATE.make(**{**self.PARTICULARS, "months": months})
        months.append(7)
        assert "[6] months" in made.message_en

    def test_a_missing_particular_fails_when_the_reason_is_made(self) -> None:
        with pytest.raises(InvalidInputError, match="TEST_ONLY_LAZY needs 'who'"):
            self.TEMPLATE.make(on="2025-01-01", months=6, amount=Decimal("1"))

    def test_a_template_with_a_format_spec_formats_when_the_reason_is_made(self) -> None:
        """``{month:02d}`` could fail on the value given: it fails at make(), not when the message is read."""
        spec = ReasonTemplate(
            code="TEST_ONLY_SPEC",
            role=Role.NOTE,
            when="Never: a test example.",
            articles=(),
            interpretation=False,
            zh="{year}年{month:02d}月",
            en="{year}-{month:02d}",
            register=False,
        )
        assert spec.make(year=2025, month=8).message_en == "2025-08"
        with pytest.raises(InvalidInputError, match="TEST_ONLY_SPEC"):
            spec.make(year=2025, month="August")

    def test_every_registered_template_makes_a_reason_that_reads_like_its_text(self) -> None:
        """Over the catalogue: filling each placeholder with its own name gives the template's text."""
        from gongshang_rules.oracle.reasons import catalogue

        catalogue()  # every rule module imported, so every template registered
        for template in REASONS.values():
            names = {f for _t, f, _s, _c in string.Formatter().parse(template.zh + template.en) if f}
            if any(spec for _t, f, spec, _c in string.Formatter().parse(template.zh + template.en) if f):
                continue
            made = template.make(**{n: f"<{n}>" for n in names})
            assert made.message_zh == template.zh.format(**{n: f"<{n}>" for n in names}), template.code
            assert made.message_en == template.en.format(**{n: f"<{n}>" for n in names}), template.code
