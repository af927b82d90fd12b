"""Article 4 at its boundaries: tests written to kill the eligibility module's surviving mutants.

Each test says what article 4 (or SPEC.md's reading of it) demands: the six months reached on the period's last
day (the 31st, a short month), the national rule's measure across provinces, the parameters a caller passes, and
the particulars a reader acts on (the dates, the months, the bases and services named), which must appear in both
the Chinese and the English message. docs/mutation.md names the mutants they kill. Only facade names are used, so
the tests keep working whatever module the rules move to.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from builders import says

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    Basis,
    Eligibility,
    EligibilityFacts,
    InvalidInputError,
    PersonCategory,
    ServiceKind,
    decide_eligibility,
    place,
)

ZHUZHOU, CHANGSHA, GUANGDONG, XINJIANG = (place(c) for c in ("430200", "430100", "440000", "650000"))


def long_term(**overrides: object) -> EligibilityFacts:
    """A Zhuzhou worker living in Changsha since 2025-03-31, applying 2025-09-30 for medical care."""
    values: dict[str, object] = {
        "insured": ZHUZHOU,
        "treatment": CHANGSHA,
        "service": ServiceKind.MEDICAL,
        "bases": frozenset({Basis.INJURY_RECOGNITION}),
        "category": PersonCategory.LONG_TERM_RESIDENCE,
        "applied_on": dt.date(2025, 9, 30),
        "away_since": dt.date(2025, 3, 31),
        "meets_insured_place_requirements": True,
    }
    values.update(overrides)
    return EligibilityFacts(**values)  # type: ignore[arg-type]


def referral(**overrides: object) -> EligibilityFacts:
    """A Zhuzhou worker referred to Changsha, every condition met."""
    values: dict[str, object] = {
        "category": PersonCategory.REFERRAL,
        "away_since": None,
        "insured_place_cannot_treat": True,
        "has_referral_opinion": True,
    }
    values.update(overrides)
    return long_term(**values)


class TestSixMonthsAway:
    """Art. 4 item 1: 6 months or more away on the application date; the period from the day after the move ends
    on the same day-of-month, or the month's last day (民法典 201, 202): since 2025-03-31, on 2025-09-30."""

    def test_the_six_months_met_say_since_when_by_when_and_the_day_they_were_reached(self) -> None:
        """Since 2025-03-31, applying 2025-09-30: reached that very day; every date and the 6 in both messages."""
        ruling = decide_eligibility(long_term())
        assert ruling.outcome is Eligibility.ELIGIBLE
        reason = ruling.reason("AWAY_SIX_MONTHS_MET")
        says(reason, "2025-03-31", "2025-09-30", "6")
        assert "在参保地外居住" in reason.message_zh and reason.message_en.startswith("Living outside")

    def test_a_day_short_says_the_day_they_will_be_reached(self) -> None:
        """Applying 2025-09-29: not yet; reached only on 2025-09-30, said in both messages."""
        ruling = decide_eligibility(long_term(applied_on=dt.date(2025, 9, 29)))
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        says(ruling.reason("AWAY_LESS_THAN_SIX_MONTHS"), "2025-03-31", "2025-09-29", "2025-09-30")

    def test_resident_work_is_said_as_work(self) -> None:
        """Resident work: the reason says working outside the insured place, in both languages."""
        reason = decide_eligibility(long_term(category=PersonCategory.RESIDENT_WORK)).reason(
            "AWAY_SIX_MONTHS_MET"
        )
        assert "在参保地外工作" in reason.message_zh and reason.message_en.startswith("Working outside")

    def test_a_what_if_table_of_3_months_is_used_and_said(self) -> None:
        """With 3 months required, since 2025-06-30 is enough on 2025-09-30; the reason says 3 months."""
        three = attrs.evolve(DEFAULT_PARAMETERS, residence_months_required=3)
        ruling = decide_eligibility(long_term(away_since=dt.date(2025, 6, 30)), parameters=three)
        assert ruling.outcome is Eligibility.ELIGIBLE
        reason = ruling.reason("AWAY_SIX_MONTHS_MET")
        assert "3个月" in reason.message_zh and "3 months" in reason.message_en


class TestSixMonthsOutsideTheInsuredProvince:
    """Art. 36 with the national rule (product owner): across provinces the months count outside the insured
    province, from ``away_from_insured_province_since`` when given."""

    def test_the_province_measure_says_its_own_dates(self) -> None:
        """Insured in Zhuzhou, in Guangdong since 2025-03-31 (away from Zhuzhou since 2025-01-10): reached on
        2025-09-30, counted from the province date."""
        facts = long_term(
            treatment=GUANGDONG,
            away_since=dt.date(2025, 1, 10),
            away_from_insured_province_since=dt.date(2025, 3, 31),
        )
        ruling = decide_eligibility(facts)
        assert ruling.outcome is Eligibility.ELIGIBLE
        reason = ruling.reason("AWAY_OUTSIDE_PROVINCE_MET")
        says(reason, "2025-03-31", "2025-09-30", "6")
        assert (
            "在参保省外居住" in reason.message_zh
            and "Living outside the insured province" in reason.message_en
        )

    def test_a_day_short_outside_the_province_says_when_it_will_be_reached(self) -> None:
        """In Guangdong since 2025-04-01: on 2025-09-30 not yet; reached 2025-10-01."""
        facts = long_term(
            treatment=GUANGDONG,
            away_since=dt.date(2025, 1, 10),
            away_from_insured_province_since=dt.date(2025, 4, 1),
        )
        ruling = decide_eligibility(facts)
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        says(
            ruling.reason("AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS"),
            "2025-04-01",
            "2025-09-30",
            "2025-10-01",
        )


class TestBasisReasons:
    """Art. 4 with SPEC.md's reading: the basis must fit the service; across provinces, the national list."""

    def test_a_fitting_basis_names_itself_and_the_service(self) -> None:
        """Injury recognition for medical care, in each language's words."""
        reason = decide_eligibility(long_term()).reason("BASIS_FITS_SERVICE")
        assert (
            Basis.INJURY_RECOGNITION.zh in reason.message_zh
            and Basis.INJURY_RECOGNITION.en in reason.message_en
        )
        assert ServiceKind.MEDICAL.zh in reason.message_zh and ServiceKind.MEDICAL.en in reason.message_en

    def test_across_provinces_the_basis_named_is_one_on_the_national_list(self) -> None:
        """Holding continued treatment (Hunan's) and recurrence confirmation (national): the latter is named."""
        facts = long_term(
            treatment=GUANGDONG, bases=frozenset({Basis.CONTINUED_TREATMENT, Basis.RECURRENCE_CONFIRMATION})
        )
        reason = decide_eligibility(facts).reason("BASIS_FITS_SERVICE")
        assert Basis.RECURRENCE_CONFIRMATION.zh in reason.message_zh
        assert Basis.CONTINUED_TREATMENT.zh not in reason.message_zh

    def test_a_missing_basis_names_the_service_and_every_fitting_basis(self) -> None:
        """Rehabilitation with only injury recognition: the reason names rehabilitation and its confirmation."""
        ruling = decide_eligibility(long_term(service=ServiceKind.REHABILITATION))
        reason = ruling.reason("BASIS_MISSING_FOR_SERVICE")
        assert ServiceKind.REHABILITATION.zh in reason.message_zh
        assert ServiceKind.REHABILITATION.en in reason.message_en
        assert Basis.REHABILITATION_CONFIRMATION.zh in reason.message_zh
        assert Basis.REHABILITATION_CONFIRMATION.en in reason.message_en

    def test_a_missing_basis_for_medical_care_lists_each_fitting_basis_one_by_one(self) -> None:
        """Medical care within Hunan fits three bases (injury recognition, recurrence, continued treatment):
        with none held the reason lists all three, each named apart (、 in Chinese, a comma in English)."""
        reason = decide_eligibility(long_term(bases=frozenset())).reason("BASIS_MISSING_FOR_SERVICE")
        needed = sorted(
            (Basis.INJURY_RECOGNITION, Basis.RECURRENCE_CONFIRMATION, Basis.CONTINUED_TREATMENT),
            key=lambda b: b.name,
        )
        assert "、".join(b.zh for b in needed) in reason.message_zh
        assert ", ".join(b.en for b in needed) in reason.message_en

    def test_a_missing_basis_across_provinces_lists_the_national_bases_only(self) -> None:
        """Art. 36 (国家有规定的，从其规定): for medical care in Guangdong the national list has no continued
        treatment, so the reason names injury recognition and recurrence, and nothing else."""
        reason = decide_eligibility(long_term(treatment=GUANGDONG, bases=frozenset())).reason(
            "BASIS_MISSING_FOR_SERVICE"
        )
        needed = sorted((Basis.INJURY_RECOGNITION, Basis.RECURRENCE_CONFIRMATION), key=lambda b: b.name)
        assert "、".join(b.zh for b in needed) in reason.message_zh
        assert ", ".join(b.en for b in needed) in reason.message_en
        assert Basis.CONTINUED_TREATMENT.zh not in reason.message_zh

    def test_only_hunans_basis_across_provinces_leaves_it_to_the_national_rules(self) -> None:
        """Continued treatment alone, everything else met: the national rules decide; with another condition
        unmet as well, not eligible."""
        only_hunan = long_term(treatment=GUANGDONG, bases=frozenset({Basis.CONTINUED_TREATMENT}))
        assert decide_eligibility(only_hunan).outcome is Eligibility.NATIONAL_RULES_DECIDE
        failing = attrs.evolve(only_hunan, meets_insured_place_requirements=False)
        assert decide_eligibility(failing).outcome is Eligibility.NOT_ELIGIBLE


class TestRequirementsAndReferral:
    """Art. 4: the insured place's requirements for the category are named; a referral's conditions each reported."""

    @pytest.mark.parametrize(
        ("facts", "zh", "en"),
        [
            (referral(), "转诊转院", "referral"),
            (long_term(), "异地就医（康复）、辅助器具配置", "out-of-area care by residents"),
            (
                long_term(category=PersonCategory.RESIDENT_WORK),
                "异地就医（康复）、辅助器具配置",
                "out-of-area care by resident workers",
            ),
        ],
        ids=["referral", "residence", "resident work"],
    )
    def test_the_requirements_reason_names_the_category_s_requirements(
        self, facts: EligibilityFacts, zh: str, en: str
    ) -> None:
        """Met or not, the reason says which requirements of the insured place were judged."""
        met = decide_eligibility(facts).reason("INSURED_PLACE_REQUIREMENTS_MET")
        assert f"符合参保地{zh}要求" in met.message_zh and f"requirements for {en}" in met.message_en
        unmet = decide_eligibility(attrs.evolve(facts, meets_insured_place_requirements=False))
        reason = unmet.reason("INSURED_PLACE_REQUIREMENTS_NOT_MET")
        assert f"不符合参保地{zh}要求" in reason.message_zh and f"requirements for {en}." in reason.message_en
        assert unmet.unmet == ("INSURED_PLACE_REQUIREMENTS_NOT_MET",)


class TestNotInForce:
    """Art. 36: before 2025-08-01, cross-province is the national procedure's (not governed here); intra-province
    is not in force."""

    def test_a_cross_province_application_in_july_is_not_governed_here(self) -> None:
        """Applying 2025-07-31 for Guangdong: the national procedure governs."""
        facts = long_term(
            treatment=GUANGDONG, applied_on=dt.date(2025, 7, 31), away_since=dt.date(2025, 1, 1)
        )
        assert decide_eligibility(facts).outcome is Eligibility.NOT_GOVERNED

    def test_an_intra_province_application_in_july_is_not_in_force(self) -> None:
        """Applying 2025-07-31 for Changsha: not in force."""
        facts = long_term(applied_on=dt.date(2025, 7, 31), away_since=dt.date(2025, 1, 1))
        assert decide_eligibility(facts).outcome is Eligibility.NOT_IN_FORCE

    def test_a_what_if_start_passed_as_a_parameter_decides_the_day(self) -> None:
        """A table starting 2025-10-01: an application of 2025-09-30 is not in force."""
        later = attrs.evolve(DEFAULT_PARAMETERS, in_force_from=dt.date(2025, 10, 1))
        assert decide_eligibility(long_term(), parameters=later).outcome is Eligibility.NOT_IN_FORCE


class TestFactsConstruction:
    """The facts are refused naming the field when they contradict article 4's categories; the boundary days
    (moving on the application day, leaving the province the day one left the insured place) are accepted."""

    def test_moving_on_the_application_day_is_accepted_and_the_day_after_refused(self) -> None:
        """away_since on applied_on is a fact (not enough months); after it is impossible."""
        assert long_term(away_since=dt.date(2025, 9, 30)).away_since == dt.date(2025, 9, 30)
        with pytest.raises(InvalidInputError) as caught:
            long_term(away_since=dt.date(2025, 10, 1))
        assert caught.value.field == "away_since" and caught.value.problem == "must not be after applied_on"

    def test_leaving_the_province_on_the_application_day_or_the_day_one_moved_is_accepted(self) -> None:
        """The province date may equal the application day, or away_since (one left both at once)."""
        assert long_term(treatment=GUANGDONG, away_from_insured_province_since=dt.date(2025, 9, 30))
        assert long_term(treatment=GUANGDONG, away_from_insured_province_since=dt.date(2025, 3, 31))

    @pytest.mark.parametrize(
        ("overrides", "problem"),
        [
            ({"away_from_insured_province_since": dt.date(2025, 10, 1)}, "must not be after applied_on"),
            (
                {"away_from_insured_province_since": dt.date(2025, 3, 30)},
                "must not be before away_since: leaving the insured province is leaving the insured place",
            ),
        ],
        ids=["after the application", "before leaving the insured place"],
    )
    def test_an_impossible_province_date_is_refused(self, overrides: dict[str, object], problem: str) -> None:
        """Naming the field and why."""
        with pytest.raises(InvalidInputError) as caught:
            long_term(treatment=GUANGDONG, **overrides)
        assert caught.value.field == "away_from_insured_province_since" and caught.value.problem == problem

    def test_a_province_date_is_refused_for_a_referral_and_within_hunan(self) -> None:
        """It measures long-term categories across provinces only."""
        with pytest.raises(InvalidInputError) as caught:
            referral(treatment=GUANGDONG, away_from_insured_province_since=dt.date(2025, 5, 1))
        assert caught.value.problem == "applies to LONG_TERM_RESIDENCE and RESIDENT_WORK only"
        assert caught.value.field == "away_from_insured_province_since"
        with pytest.raises(InvalidInputError) as caught:
            long_term(away_from_insured_province_since=dt.date(2025, 5, 1))
        assert caught.value.problem == "applies to cross-province care only"
        assert caught.value.field == "away_from_insured_province_since"

    def test_the_category_s_own_facts_are_required_and_the_others_refused(self) -> None:
        """Long-term: away_since required, the referral facts refused; referral: the reverse."""
        with pytest.raises(InvalidInputError) as caught:
            long_term(away_since=None)
        assert (caught.value.field, caught.value.problem) == (
            "away_since",
            "is required for LONG_TERM_RESIDENCE",
        )
        with pytest.raises(InvalidInputError) as caught:
            long_term(has_referral_opinion=True)
        assert caught.value.field == "has_referral_opinion"
        assert caught.value.problem == "applies to REFERRAL only, not LONG_TERM_RESIDENCE"
        with pytest.raises(InvalidInputError) as caught:
            referral(away_since=dt.date(2025, 1, 1))
        assert caught.value.field == "away_since"
        assert caught.value.problem == "applies to LONG_TERM_RESIDENCE and RESIDENT_WORK only"
        with pytest.raises(InvalidInputError) as caught:
            referral(has_referral_opinion=None)
        assert (caught.value.field, caught.value.problem) == (
            "has_referral_opinion",
            "is required for REFERRAL",
        )

    def test_something_that_is_not_facts_is_refused_naming_facts(self) -> None:
        """House rule: the error names ``facts`` and the type it got."""
        with pytest.raises(InvalidInputError) as caught:
            decide_eligibility({"applied_on": "2025-09-30"})  # type: ignore[arg-type]
        assert caught.value.field == "facts" and caught.value.problem == "must be EligibilityFacts, got dict"
