"""The procedure's numbers (articles 4, 10, 13, 21, 36) in dated tables, each with its article; a change of law."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

import gongshang_rules
from gongshang_rules import (
    DEFAULT_PARAMETERS,
    DEFAULT_SCHEDULE,
    PARAMETER_SOURCES,
    ArticleRef,
    IdentityNumber,
    InvalidInputError,
    Parameters,
    ParameterSchedule,
    PersonCategory,
    ServiceKind,
    Worker,
    decide_settlement,
    example_registry,
    place,
    resolve_parameters,
)
from gongshang_rules.kernel.terms import CareType
from gongshang_rules.rules.episodes import CostLine, Credential, Episode, LineKind
from gongshang_rules.rules.filing import Filing, filing_valid_through, filing_validity
from gongshang_rules.rules.filing_changes import ChangeKind, change_allowed
from gongshang_rules.rules.settlement import Settlement

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


# --- dated versions (issue 10) ------------------------------------------------------------------------------------

AMENDED = attrs.evolve(
    DEFAULT_PARAMETERS,
    effective_from=D(2026, 1, 1),
    referral_validity_months=6,
    source="a hypothetical amendment: referrals valid 6 months from 2026-01-01",
)
SCHEDULE = ParameterSchedule(versions=(DEFAULT_PARAMETERS, AMENDED))


class TestParameterSchedule:
    """A schedule is the law over time: .on(day) is the version in force that day."""

    def test_the_default_schedule_is_todays_law(self) -> None:
        """DEFAULT_SCHEDULE holds one version, the 2025 procedure's table, from 2025-08-01."""
        assert DEFAULT_SCHEDULE.versions == (DEFAULT_PARAMETERS,)
        assert DEFAULT_SCHEDULE.on(D(2026, 6, 1)) is DEFAULT_PARAMETERS

    @pytest.mark.parametrize(
        ("day", "months"),
        [(D(2025, 12, 31), 3), (D(2026, 1, 1), 6), (D(2027, 7, 31), 6), (D(2025, 8, 1), 3)],
    )
    def test_a_version_is_in_force_from_its_own_day(self, day: dt.date, months: int) -> None:
        """The latest version whose effective_from is on or before the day applies; its first day included."""
        assert SCHEDULE.on(day).referral_validity_months == months

    def test_a_day_before_every_version_takes_the_first(self) -> None:
        """Before 2025-08-01 the first table applies: it says itself that the procedure is not yet in force."""
        assert SCHEDULE.on(D(2025, 4, 1)) is DEFAULT_PARAMETERS

    def test_versions_must_be_in_date_order(self) -> None:
        """Two versions from the same day, or out of order, are refused, naming the version."""
        with pytest.raises(InvalidInputError) as caught:
            ParameterSchedule(versions=(AMENDED, DEFAULT_PARAMETERS))
        assert caught.value.field == "versions[1].effective_from"
        with pytest.raises(InvalidInputError):
            ParameterSchedule(versions=(DEFAULT_PARAMETERS, DEFAULT_PARAMETERS))

    @pytest.mark.parametrize(
        ("versions", "field"),
        [((), "versions"), ([DEFAULT_PARAMETERS], "versions"), ((DEFAULT_PARAMETERS, 3), "versions[1]")],
    )
    def test_bad_versions_name_the_field(self, versions: object, field: str) -> None:
        """An empty schedule, a list, or something not a table is refused with its field."""
        with pytest.raises(InvalidInputError) as caught:
            ParameterSchedule(versions=versions)  # type: ignore[arg-type]
        assert caught.value.field == field

    def test_on_wants_a_date(self) -> None:
        """A datetime is not a day."""
        with pytest.raises(InvalidInputError, match="on"):
            SCHEDULE.on(dt.datetime(2026, 1, 1, 8))  # noqa: DTZ001

    def test_resolve_takes_a_table_or_a_schedule(self) -> None:
        """One table applies whatever the day; a schedule gives its version; anything else names the field."""
        assert resolve_parameters(AMENDED, D(2025, 9, 1)) is AMENDED
        assert resolve_parameters(SCHEDULE, D(2026, 2, 1)) is AMENDED
        with pytest.raises(InvalidInputError) as caught:
            resolve_parameters({"referral_validity_months": 6}, D(2026, 2, 1), field="alternative")
        assert caught.value.field == "alternative"

    def test_a_schedule_reads_and_writes_as_json(self) -> None:
        """unstructure writes {"versions": [...]}; structure reads it back, problems with their paths."""
        data = gongshang_rules.unstructure(SCHEDULE)
        assert [v["effective_from"] for v in data["versions"]] == ["2025-08-01", "2026-01-01"]
        assert gongshang_rules.structure(data, ParameterSchedule) == SCHEDULE
        data["versions"][1]["referral_validity_months"] = 0
        with pytest.raises(gongshang_rules.CaseError) as caught:
            gongshang_rules.structure(data, ParameterSchedule)
        assert caught.value.problems[0].path == "$.versions[1].referral_validity_months"


class TestAChangeOfLaw:
    """Issue 10's proof: the referral validity becomes 6 months from 2026-01-01 by one dated version, and no rule
    changes. A filing keeps the law of its filing date (art. 13 ¶1)."""

    def test_a_filing_before_the_change_keeps_three_months(self) -> None:
        """Filed 2025-12-15 under the 3-month rule: valid through 2026-03-15."""
        assert filing_valid_through(D(2025, 12, 15), PersonCategory.REFERRAL, parameters=SCHEDULE) == D(
            2026, 3, 15
        )

    def test_a_filing_after_the_change_gets_six_months(self) -> None:
        """Filed 2026-01-15 under the 6-month rule: valid through 2026-07-15."""
        assert filing_valid_through(D(2026, 1, 15), PersonCategory.REFERRAL, parameters=SCHEDULE) == D(
            2026, 7, 15
        )

    def test_the_first_day_of_the_new_law_is_under_it(self) -> None:
        """Filed 2026-01-01, the amendment's first day: 6 months, through 2026-07-01."""
        assert filing_valid_through(D(2026, 1, 1), PersonCategory.REFERRAL, parameters=SCHEDULE) == D(
            2026, 7, 1
        )

    def test_the_long_term_validity_is_untouched(self) -> None:
        """Only the referral number changed: a long-term filing of 2026-01-15 still runs 6 months."""
        got = filing_valid_through(D(2026, 1, 15), PersonCategory.LONG_TERM_RESIDENCE, parameters=SCHEDULE)
        assert got == D(2026, 7, 15)

    def test_filing_validity_names_the_version_it_used(self) -> None:
        """The ruling says which version applied when it is not the default, and the message shows 6 months."""
        before = filing_validity(_filing(D(2025, 12, 15)), parameters=SCHEDULE)
        after = filing_validity(_filing(D(2026, 1, 15)), parameters=SCHEDULE)
        assert before.valid_through == D(2026, 3, 15)
        assert "PARAMETERS_VERSION_USED" not in before.codes
        assert after.valid_through == D(2026, 7, 15)
        note = after.reason("PARAMETERS_VERSION_USED")
        assert "2026-01-01" in note.message_en and "filing date 2026-01-15" in note.message_en
        assert note.interpretation
        assert "6个月" in after.reason("FILING_VALIDITY_COMPUTED").message_zh

    def test_a_settlement_reads_the_filing_by_its_own_date(self) -> None:
        """A stay from 2026-06-01 on the 2026-01-15 referral is settled directly; on the 2025-12-15 referral a stay
        from 2026-03-20 is not, though the settlement date falls under the new law."""
        covered = decide_settlement(
            _episode(D(2026, 1, 15), D(2026, 6, 1)), registry=example_registry(), parameters=SCHEDULE
        )
        assert covered.outcome is Settlement.DIRECT
        assert "PARAMETERS_VERSION_USED" in covered.codes
        under_default = decide_settlement(
            _episode(D(2026, 1, 15), D(2026, 6, 1)), registry=example_registry()
        )
        assert under_default.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        expired = decide_settlement(
            _episode(D(2025, 12, 15), D(2026, 3, 20)), registry=example_registry(), parameters=SCHEDULE
        )
        assert expired.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "COVERAGE_AFTER_VALIDITY" in expired.codes

    def test_a_case_carries_the_schedule(self) -> None:
        """Through the oracle: a filing_validity case and a settlement case with "parameters" in the case."""
        schedule = gongshang_rules.unstructure(SCHEDULE)
        validity = gongshang_rules.decide_json(
            gongshang_rules.dumps(
                {
                    "case": "x",
                    "decision": "filing_validity",
                    "today": "2026-01-15",
                    "parameters": schedule,
                    "facts": {"filing": gongshang_rules.unstructure(_filing(D(2026, 1, 15)))},
                }
            )
        )
        assert validity["figures"]["valid_through"] == "2026-07-15"
        episode = gongshang_rules.unstructure(_episode(D(2026, 1, 15), D(2026, 6, 1)))
        settled = gongshang_rules.decide_json(
            gongshang_rules.dumps(
                {
                    "case": "y",
                    "decision": "settlement",
                    "today": "2026-06-10",
                    "parameters": schedule,
                    "facts": {"episode": episode, "registry": "example"},
                }
            )
        )
        assert settled["outcome"] == "DIRECT"
        assert settled["figures"]["fund_share"] == "1500.50"

    def test_the_change_lock_is_read_on_the_filing_date(self) -> None:
        """[interpretation] A 4-month lock from 2026-01-01 does not lengthen the lock of a filing of 2025-08-31."""
        schedule = ParameterSchedule(
            versions=(DEFAULT_PARAMETERS, attrs.evolve(AMENDED, change_lock_months=4))
        )
        old = Filing(
            insured=place("430100"),
            treatment=place("430600"),
            category=PersonCategory.LONG_TERM_RESIDENCE,
            service=ServiceKind.MEDICAL,
            filed_on=D(2025, 11, 1),
        )
        new = attrs.evolve(old, filed_on=D(2026, 1, 10))
        assert change_allowed(old, ChangeKind.CANCEL, D(2026, 2, 2), parameters=schedule).allowed_from == D(
            2026, 2, 2
        )
        assert change_allowed(new, ChangeKind.CANCEL, D(2026, 5, 11), parameters=schedule).allowed_from == D(
            2026, 5, 11
        )


def _filing(filed_on: dt.date) -> Filing:
    return Filing(
        insured=place("430100"),
        treatment=place("430200"),
        category=PersonCategory.REFERRAL,
        service=ServiceKind.MEDICAL,
        filed_on=filed_on,
    )


def _episode(filed_on: dt.date, started_on: dt.date) -> Episode:
    return Episode(
        worker=Worker(
            name="李四", identity_number=IdentityNumber("430102199001011238"), insured=place("430100")
        ),
        filing=_filing(filed_on),
        institution_code="EX-0002",
        care=CareType.INPATIENT,
        service=ServiceKind.MEDICAL,
        started_on=started_on,
        settled_on=started_on + dt.timedelta(days=5),
        lines=(
            CostLine(kind=LineKind.MEDICAL_ITEM, amount=Decimal("1000.00")),
            CostLine(kind=LineKind.DRUG, amount=Decimal("500.50")),
        ),
        credential=Credential.SOCIAL_SECURITY_CARD,
    )


class TestEveryRuleTakesASchedule:
    """Every rule that takes parameters= accepts a schedule or a table, and refuses anything else by name."""

    CALLS = (
        lambda p: gongshang_rules.in_force(D(2026, 2, 1), gongshang_rules.Scope.INTRA_PROVINCE, parameters=p),
        lambda p: filing_validity(_filing(D(2026, 2, 1)), parameters=p),
        lambda p: gongshang_rules.review_deadline(D(2026, 2, 2), parameters=p),
        lambda p: gongshang_rules.monthly_reconciliation_deadline(2026, 1, parameters=p),
        lambda p: gongshang_rules.decide_monthly_reconciliation_deadline(2026, 1, parameters=p),
        lambda p: gongshang_rules.decide_reconciliation_deadline(D(2026, 2, 2), parameters=p),
        lambda p: gongshang_rules.annual_clearing(2026, parameters=p),
        lambda p: decide_settlement(
            _episode(D(2026, 1, 15), D(2026, 2, 1)), registry=example_registry(), parameters=p
        ),
    )

    @pytest.mark.parametrize("call", CALLS)
    def test_a_schedule_a_table_and_junk(self, call: Any) -> None:
        """The default schedule and the default table give the same answer; junk names "parameters"."""
        assert call(DEFAULT_SCHEDULE) == call(DEFAULT_PARAMETERS)
        assert call(SCHEDULE) is not None
        with pytest.raises(InvalidInputError) as caught:
            call("3 months")
        assert caught.value.field == "parameters"

    def test_the_version_note_appears_only_for_another_table(self) -> None:
        """The note is added once, and only when the table used is not the default."""
        other = decide_settlement(
            _episode(D(2026, 1, 15), D(2026, 2, 1)), registry=example_registry(), parameters=AMENDED
        )
        assert [r.code for r in other.reasons].count("PARAMETERS_VERSION_USED") >= 1
        assert len(set(other.reasons)) == len(other.reasons)
        assert (
            "PARAMETERS_VERSION_USED"
            not in gongshang_rules.annual_clearing(2026, parameters=SCHEDULE.on(D(2025, 9, 1))).codes
        )
        assert "PARAMETERS_VERSION_USED" in gongshang_rules.annual_clearing(2026, parameters=SCHEDULE).codes


class TestCasesWithParameters:
    """The case format grows a "parameters" key; a case without it keeps its meaning."""

    def test_a_case_with_parameters_reads_and_writes_back(self) -> None:
        """case_to_json writes the schedule as it was read; the case's result uses it."""
        data = {
            "case": "A referral of 2026-01-15 under the amendment.",
            "decision": "filing_validity",
            "today": "2026-01-15",
            "facts": {"filing": gongshang_rules.unstructure(_filing(D(2026, 1, 15)))},
            "parameters": gongshang_rules.unstructure(SCHEDULE),
        }
        case = gongshang_rules.case_from_json(data)
        assert case.parameters == SCHEDULE
        assert gongshang_rules.case_to_json(case)["parameters"] == data["parameters"]
        assert gongshang_rules.decide_case(case)["figures"]["valid_through"] == "2026-07-15"
        assert "parameters" not in gongshang_rules.case_to_json(attrs.evolve(case, parameters=None))

    def test_a_bad_filing_is_still_named(self) -> None:
        """The decorated rules check their arguments first: a wrong filing names the field."""
        with pytest.raises(InvalidInputError, match="filing"):
            filing_validity("filing", parameters=SCHEDULE)  # type: ignore[arg-type]

    def test_explained_without_quote_is_the_plain_explanation(self) -> None:
        """Ruling.explained() is str(); with quote=True each cited paragraph follows its reason."""
        ruling = filing_validity(_filing(D(2026, 1, 15)))
        assert ruling.explained() == str(ruling)
        assert "> art. 13(1) 第十三条第一款: 异地转诊转院备案有效期为3个月" in ruling.explained(quote=True)
