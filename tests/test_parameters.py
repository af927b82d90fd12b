"""The procedure's numbers (articles 4, 10, 13, 21, 36) in one dated table, each with its article."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from gongshang_rules import DEFAULT_PARAMETERS, PARAMETER_SOURCES, ArticleRef, InvalidInputError, Parameters

D = dt.date


class TestDefaultTable:
    """DEFAULT_PARAMETERS holds the numbers of 湘人社规〔2025〕24号, each traced to its article."""

    @pytest.mark.parametrize(
        ("name", "value", "source"),
        [
            ("referral_validity_months", 3, ArticleRef(13, paragraph=1)),  # 异地转诊转院备案有效期为3个月
            (
                "long_term_validity_months",
                6,
                ArticleRef(13, paragraph=1),
            ),  # 异地长期居住（工作）…有效期为6个月
            ("change_lock_months", 3, ArticleRef(13, paragraph=1)),  # 自备案之日起3个月后可以变更或取消备案
            ("review_working_days", 5, ArticleRef(10)),  # 原则上应在5个工作日内办理完毕
            ("residence_months_required", 6, ArticleRef(4, item=1)),  # 在参保地外居住（工作）6个月及以上
            ("monthly_reconciliation_working_days", 5, ArticleRef(21)),  # 每月前5个工作日内完成上月…对账
            ("in_force_from", D(2025, 8, 1), ArticleRef(36)),  # 本规程自2025年8月1日起实施
            ("in_force_through", D(2027, 7, 31), ArticleRef(36)),  # 有效期2年 (first day counted)
        ],
    )
    def test_each_number_is_the_articles_and_cites_it(
        self, name: str, value: object, source: ArticleRef
    ) -> None:
        """The value is the one in the article, and PARAMETER_SOURCES cites that article."""
        assert getattr(DEFAULT_PARAMETERS, name) == value
        assert source in PARAMETER_SOURCES[name]

    def test_the_national_start_is_april_1_2025(self) -> None:
        """The notice issuing the procedure: cross-province settlement in every city from 2025-04-01 (arts. 2, 36)."""
        assert DEFAULT_PARAMETERS.national_cross_province_from == D(2025, 4, 1)
        assert {a.article for a in PARAMETER_SOURCES["national_cross_province_from"]} == {2, 36}

    def test_the_table_names_its_source_and_date(self) -> None:
        """The table is dated by the procedure's commencement and names the document."""
        assert DEFAULT_PARAMETERS.source == "湘人社规〔2025〕24号"
        assert DEFAULT_PARAMETERS.effective_from == D(2025, 8, 1)

    def test_every_number_has_a_source(self) -> None:
        """Every field but the table's own source and date is cited in PARAMETER_SOURCES, and nothing else is."""
        numbers = {f.name for f in attrs.fields(Parameters)} - {"source", "effective_from"}
        assert set(PARAMETER_SOURCES) == numbers
        assert all(PARAMETER_SOURCES[name] for name in numbers)

    def test_the_table_is_frozen(self) -> None:
        """A table cannot be changed in place; a what-if is a new table."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            DEFAULT_PARAMETERS.referral_validity_months = 4  # type: ignore[misc]


class TestWhatIfTables:
    """attrs.evolve gives another table; the default is unchanged."""

    def test_evolve_changes_one_number(self) -> None:
        """A 4-month referral validity is a new table with everything else the same."""
        what_if = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        assert what_if.referral_validity_months == 4
        assert DEFAULT_PARAMETERS.referral_validity_months == 3
        assert what_if.long_term_validity_months == DEFAULT_PARAMETERS.long_term_validity_months


class TestBadTables:
    """A bad table raises InvalidInputError naming the field."""

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("referral_validity_months", 0),
            ("long_term_validity_months", -6),
            ("review_working_days", True),
            ("residence_months_required", 6.0),
            ("change_lock_months", "3"),
            ("monthly_reconciliation_working_days", None),
            ("in_force_from", dt.datetime(2025, 8, 1, 0, 0)),  # noqa: DTZ001
            ("effective_from", "2025-08-01"),
            ("source", " "),
        ],
    )
    def test_a_bad_value_names_its_field(self, field: str, value: object) -> None:
        """Counts are positive ints (not bools or floats), dates are plain dates, the source is text."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(DEFAULT_PARAMETERS, **{field: value})
        assert caught.value.field == field

    def test_the_end_cannot_precede_the_start(self) -> None:
        """in_force_through before in_force_from is rejected."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(DEFAULT_PARAMETERS, in_force_through=D(2025, 7, 31))
        assert caught.value.field == "in_force_through"

    def test_a_one_day_validity_is_allowed(self) -> None:
        """in_force_through equal to in_force_from is a (short) valid period."""
        one_day = attrs.evolve(DEFAULT_PARAMETERS, in_force_through=D(2025, 8, 1))
        assert one_day.in_force_through == one_day.in_force_from

    def test_the_national_scheme_cannot_start_after_this_procedure(self) -> None:
        """national_cross_province_from after in_force_from is rejected: the national scheme came first."""
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(DEFAULT_PARAMETERS, national_cross_province_from=D(2025, 8, 2))
        assert caught.value.field == "national_cross_province_from"
