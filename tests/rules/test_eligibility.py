"""Who may apply (article 4; SPEC.md "Eligibility"): a completed basis fitting the service, and a person category.

Long-term residence or resident work: 6 months or more away from the insured place on the application date, and the
insured place's requirements met. Referral: the insured place cannot treat or fit, its requirements are met, and
the designated institution's referral opinion is present. Every unmet condition is listed, not only the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gongshang_rules import (
    BASES_FOR_SERVICE,
    DEFAULT_PARAMETERS,
    Basis,
    Eligibility,
    EligibilityFacts,
    EligibilityRuling,
    InvalidInputError,
    PersonCategory,
    Place,
    ServiceKind,
    classify_scope,
    decide_eligibility,
    place,
)
from gongshang_rules.kernel.authorities import NATIONAL_NOTICE

D = dt.date

# SPEC.md "Eligibility" [interpretation]: the bases that fit each service.
FITTING = {
    ServiceKind.MEDICAL: {Basis.INJURY_RECOGNITION, Basis.RECURRENCE_CONFIRMATION, Basis.CONTINUED_TREATMENT},
    ServiceKind.REHABILITATION: {Basis.REHABILITATION_CONFIRMATION},
    ServiceKind.ASSISTIVE_DEVICE: {Basis.DEVICE_CONFIRMATION},
}
# SPEC.md: the national text lists the bases without 原工伤部位继续治疗, which is Hunan's addition.
NATIONAL = set(Basis) - {Basis.CONTINUED_TREATMENT}

BASIS_CODES = {"BASIS_MISSING_FOR_SERVICE", "BASIS_NOT_IN_NATIONAL_LIST"}


def long_term(**overrides: object) -> EligibilityFacts:
    """An eligible intra-province case: insured in 株洲, living in 长沙 since 2025-01-15, applying 2025-09-01."""
    fields: dict[str, object] = {
        "insured": place("株洲市"),
        "treatment": place("长沙市"),
        "service": ServiceKind.MEDICAL,
        "bases": frozenset({Basis.INJURY_RECOGNITION}),
        "category": PersonCategory.LONG_TERM_RESIDENCE,
        "applied_on": D(2025, 9, 1),
        "away_since": D(2025, 1, 15),
        "meets_insured_place_requirements": True,
    }
    fields.update(overrides)
    return EligibilityFacts(**fields)  # type: ignore[arg-type]


def referral(**overrides: object) -> EligibilityFacts:
    """An eligible intra-province referral: 株洲 cannot treat, the opinion is present, requirements met."""
    fields: dict[str, object] = {
        "category": PersonCategory.REFERRAL,
        "away_since": None,
        "insured_place_cannot_treat": True,
        "has_referral_opinion": True,
    }
    fields.update(overrides)
    return long_term(**fields)


class TestEligibleCases:
    """Both conditions met: ELIGIBLE, with the reasons for each."""

    def test_a_long_term_resident_with_a_fitting_basis_is_eligible(self) -> None:
        """Scope, basis, six months and requirements each give a reason; nothing is unmet."""
        ruling = decide_eligibility(long_term())
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert ruling.unmet == ()
        assert ruling.codes == {
            "SCOPE_INTRA_PROVINCE",
            "BASIS_FITS_SERVICE",
            "AWAY_SIX_MONTHS_MET",
            "INSURED_PLACE_REQUIREMENTS_MET",
        }
        assert ruling.rests_on_interpretation  # the basis-service fit and the month count are readings

    def test_a_resident_worker_is_eligible_like_a_resident(self) -> None:
        """Resident work (常驻异地工作) is the other six-month category of article 4 item 1."""
        ruling = decide_eligibility(long_term(category=PersonCategory.RESIDENT_WORK))
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "AWAY_SIX_MONTHS_MET" in ruling.codes

    def test_a_referral_with_all_three_conditions_is_eligible(self) -> None:
        """Cannot treat, opinion present, requirements met: ELIGIBLE, and no six-month reason."""
        ruling = decide_eligibility(referral())
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert {
            "REFERRAL_NEEDED",
            "REFERRAL_OPINION_PRESENT",
            "INSURED_PLACE_REQUIREMENTS_MET",
        } <= ruling.codes
        assert not {"AWAY_SIX_MONTHS_MET", "AWAY_LESS_THAN_SIX_MONTHS"} & ruling.codes

    def test_an_inbound_case_says_the_worker_files_with_the_insured_province(self) -> None:
        """Insured in 新疆, treated in 长沙: eligible, with a reason that the insured province decides."""
        ruling = decide_eligibility(long_term(insured=place("新疆维吾尔自治区")))
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "INBOUND_FILED_WITH_INSURED_PROVINCE" in ruling.codes
        assert "SCOPE_CROSS_PROVINCE_INBOUND" in ruling.codes

    def test_an_outbound_case_has_no_inbound_reason(self) -> None:
        """Insured in 长沙, treated in 广东: eligible, and Hunan itself decides the filing."""
        ruling = decide_eligibility(long_term(insured=place("长沙市"), treatment=place("广东省")))
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "INBOUND_FILED_WITH_INSURED_PROVINCE" not in ruling.codes


class TestEveryUnmetConditionIsListed:
    """Every condition that fails is reported, not only the first."""

    def test_a_resident_failing_three_conditions_gets_three_codes(self) -> None:
        """No fitting basis, only 2 months away, requirements not met: all three codes in unmet."""
        ruling = decide_eligibility(
            long_term(
                bases=frozenset({Basis.DEVICE_CONFIRMATION}),
                away_since=D(2025, 7, 1),
                meets_insured_place_requirements=False,
            )
        )
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        assert set(ruling.unmet) == {
            "BASIS_MISSING_FOR_SERVICE",
            "AWAY_LESS_THAN_SIX_MONTHS",
            "INSURED_PLACE_REQUIREMENTS_NOT_MET",
        }

    def test_a_resident_failing_two_conditions_gets_two_codes(self) -> None:
        """Enough months but no basis and no requirements: both listed."""
        ruling = decide_eligibility(long_term(bases=frozenset(), meets_insured_place_requirements=False))
        assert set(ruling.unmet) == {"BASIS_MISSING_FOR_SERVICE", "INSURED_PLACE_REQUIREMENTS_NOT_MET"}

    def test_a_referral_failing_all_four_conditions_gets_four_codes(self) -> None:
        """No basis, the insured place can treat, no opinion, requirements not met: four codes."""
        ruling = decide_eligibility(
            referral(
                bases=frozenset(),
                insured_place_cannot_treat=False,
                has_referral_opinion=False,
                meets_insured_place_requirements=False,
            )
        )
        assert set(ruling.unmet) == {
            "BASIS_MISSING_FOR_SERVICE",
            "REFERRAL_NOT_NEEDED",
            "REFERRAL_OPINION_MISSING",
            "INSURED_PLACE_REQUIREMENTS_NOT_MET",
        }

    def test_every_unmet_code_is_explained_by_a_reason(self) -> None:
        """Each code in unmet is also a reason of the ruling, with its article 4 citation."""
        ruling = decide_eligibility(referral(bases=frozenset(), has_referral_opinion=False))
        for code in ruling.unmet:
            assert any(a.article == 4 for a in ruling.reason(code).articles)


class TestReferral:
    """Article 4 item 2: cannot treat, the insured place's referral requirements, and the referral opinion (art. 9)."""

    @pytest.mark.parametrize(
        ("override", "code"),
        [
            ({"insured_place_cannot_treat": False}, "REFERRAL_NOT_NEEDED"),
            ({"has_referral_opinion": False}, "REFERRAL_OPINION_MISSING"),
            ({"meets_insured_place_requirements": False}, "INSURED_PLACE_REQUIREMENTS_NOT_MET"),
        ],
    )
    def test_each_referral_condition_is_needed(self, override: dict[str, bool], code: str) -> None:
        """Failing any one of the three makes the referral NOT_ELIGIBLE with exactly that code."""
        ruling = decide_eligibility(referral(**override))
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        assert ruling.unmet == (code,)

    def test_the_missing_opinion_cites_article_9_item_1(self) -> None:
        """The referral opinion is the material article 9 item 1 requires."""
        ruling = decide_eligibility(referral(has_referral_opinion=False))
        assert any(a.article == 9 and a.item == 1 for a in ruling.reason("REFERRAL_OPINION_MISSING").articles)


class TestBasisMustFitTheService:
    """[interpretation] medical: recognition, recurrence, continued treatment; rehabilitation: its confirmation;
    device: its confirmation."""

    @pytest.mark.parametrize("service", list(ServiceKind))
    @pytest.mark.parametrize("basis", list(Basis))
    def test_a_single_basis_qualifies_only_for_its_services(self, service: ServiceKind, basis: Basis) -> None:
        """Within Hunan, one completed basis makes the worker eligible iff it fits the service."""
        ruling = decide_eligibility(long_term(service=service, bases=frozenset({basis})))
        fits = basis in FITTING[service]
        assert (ruling.outcome is Eligibility.ELIGIBLE) == fits
        assert ("BASIS_MISSING_FOR_SERVICE" in ruling.unmet) == (not fits)
        assert ruling.reason("BASIS_FITS_SERVICE" if fits else "BASIS_MISSING_FOR_SERVICE").interpretation

    def test_the_published_table_is_the_specs(self) -> None:
        """BASES_FOR_SERVICE is SPEC.md's table."""
        assert {service: set(bases) for service, bases in BASES_FOR_SERVICE.items()} == FITTING

    def test_a_missing_basis_reason_names_what_is_needed(self) -> None:
        """Rehabilitation without 工伤康复确认: the reason names it."""
        ruling = decide_eligibility(long_term(service=ServiceKind.REHABILITATION))
        assert "工伤康复确认" in ruling.reason("BASIS_MISSING_FOR_SERVICE").message_zh

    def test_no_basis_at_all_is_unmet(self) -> None:
        """An empty set of bases: nothing is completed."""
        assert "BASIS_MISSING_FOR_SERVICE" in decide_eligibility(long_term(bases=frozenset())).unmet


class TestContinuedTreatmentIsHunansAddition:
    """原工伤部位继续治疗 is accepted within Hunan; the national rules for cross-province care do not list it."""

    CONTINUED = frozenset({Basis.CONTINUED_TREATMENT})

    def test_continued_treatment_alone_is_accepted_within_hunan(self) -> None:
        """Intra-province medical care on continued treatment alone: ELIGIBLE."""
        assert decide_eligibility(long_term(bases=self.CONTINUED)).outcome is Eligibility.ELIGIBLE

    @pytest.mark.parametrize(
        ("insured", "treatment"), [("长沙市", "广东省"), ("新疆维吾尔自治区", "长沙市"), ("省本级", "上海")]
    )
    def test_continued_treatment_alone_cross_province_is_left_to_the_national_rules(
        self, insured: str, treatment: str
    ) -> None:
        """Cross-province either way: the national rules decide (art. 36), citing the national notice; no refusal."""
        ruling = decide_eligibility(
            long_term(insured=place(insured), treatment=place(treatment), bases=self.CONTINUED)
        )
        assert ruling.outcome is Eligibility.NATIONAL_RULES_DECIDE
        assert ruling.unmet == ("BASIS_NOT_IN_NATIONAL_LIST",)
        assert NATIONAL_NOTICE in ruling.reason("BASIS_NOT_IN_NATIONAL_LIST").authorities
        assert {a.article for a in ruling.reason("BASIS_NOT_IN_NATIONAL_LIST").articles} == {4, 36}

    # Regression (fixed in 8327b59): cross-province, the reason named 原工伤部位继续治疗 as sufficient, though
    # completing it alone then fails with BASIS_NOT_IN_NATIONAL_LIST (SPEC.md "Eligibility"; art. 36).
    @pytest.mark.parametrize(("insured", "treatment"), [("长沙市", "广东省"), ("新疆维吾尔自治区", "长沙市")])
    def test_cross_province_the_missing_basis_reason_names_only_national_bases(
        self, insured: str, treatment: str
    ) -> None:
        """With no basis, cross-province medical care is told it needs 工伤认定 or 工伤复发确认, not 继续治疗."""
        ruling = decide_eligibility(
            long_term(insured=place(insured), treatment=place(treatment), bases=frozenset())
        )
        missing = ruling.reason("BASIS_MISSING_FOR_SERVICE")
        assert "工伤认定" in missing.message_zh and "工伤复发确认" in missing.message_zh
        assert "原工伤部位继续治疗" not in missing.message_zh
        assert "continued treatment" not in missing.message_en

    def test_continued_treatment_with_a_national_basis_is_enough_cross_province(self) -> None:
        """With 工伤复发确认 as well, the cross-province case is ELIGIBLE on the national basis."""
        ruling = decide_eligibility(
            long_term(
                insured=place("长沙市"),
                treatment=place("广东省"),
                bases=frozenset({Basis.CONTINUED_TREATMENT, Basis.RECURRENCE_CONFIRMATION}),
            )
        )
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "工伤复发确认" in ruling.reason("BASIS_FITS_SERVICE").message_zh


class TestSixMonthsAway:
    """Article 4 item 1: 6 months or more away, counted by 民法典 201 and 202 [interpretation]."""

    # 2025-07-30/31 fall before commencement (2025-08-01): ask "what if it had been in force from 2025-07-01".
    EARLY = attrs.evolve(DEFAULT_PARAMETERS, in_force_from=D(2025, 7, 1))

    def test_moved_on_january_31_applying_july_30_is_not_enough(self) -> None:
        """Six months from 2025-01-31 are reached on 2025-07-31: on 07-30 they are not, and the reason says when."""
        ruling = decide_eligibility(
            long_term(away_since=D(2025, 1, 31), applied_on=D(2025, 7, 30)), parameters=self.EARLY
        )
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        assert ruling.unmet == ("AWAY_LESS_THAN_SIX_MONTHS",)
        assert "2025-07-31" in ruling.reason("AWAY_LESS_THAN_SIX_MONTHS").message_en

    def test_moved_on_january_31_applying_july_31_is_enough(self) -> None:
        """On 2025-07-31 the six months are reached."""
        ruling = decide_eligibility(
            long_term(away_since=D(2025, 1, 31), applied_on=D(2025, 7, 31)), parameters=self.EARLY
        )
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert ruling.reason("AWAY_SIX_MONTHS_MET").interpretation

    @pytest.mark.parametrize(
        ("since", "short", "reached"),
        [
            (D(2025, 3, 31), D(2025, 9, 29), D(2025, 9, 30)),  # the 31st into a month of 30 days
            (D(2025, 8, 31), D(2026, 2, 27), D(2026, 2, 28)),  # the 31st into February
            (D(2025, 2, 28), D(2025, 8, 27), D(2025, 8, 28)),  # a month end is not carried to the next one
        ],
    )
    def test_six_months_are_reached_on_the_periods_last_day(
        self, since: dt.date, short: dt.date, reached: dt.date
    ) -> None:
        """Within the procedure's dates: one day short is not enough; the last day of the period is."""
        assert decide_eligibility(long_term(away_since=since, applied_on=short)).unmet == (
            "AWAY_LESS_THAN_SIX_MONTHS",
        )
        assert (
            decide_eligibility(long_term(away_since=since, applied_on=reached)).outcome
            is Eligibility.ELIGIBLE
        )

    def test_moving_on_the_application_day_is_not_enough(self) -> None:
        """away_since equal to applied_on is allowed, and far from six months."""
        ruling = decide_eligibility(long_term(away_since=D(2025, 9, 1), applied_on=D(2025, 9, 1)))
        assert ruling.unmet == ("AWAY_LESS_THAN_SIX_MONTHS",)

    def test_a_what_if_table_changes_the_months_required(self) -> None:
        """With 3 months required, 2025-06-01 to 2025-09-01 is enough."""
        three = attrs.evolve(DEFAULT_PARAMETERS, residence_months_required=3)
        facts = long_term(away_since=D(2025, 6, 1), applied_on=D(2025, 9, 1))
        assert decide_eligibility(facts).outcome is Eligibility.NOT_ELIGIBLE
        assert decide_eligibility(facts, parameters=three).outcome is Eligibility.ELIGIBLE


class TestNoFilingNeeded:
    """Article 3: local care and 省本级 within Hunan are not out-of-area: no filing is needed."""

    @pytest.mark.parametrize(("insured", "treatment", "scope_code"), [
        ("长沙市", "浏阳市", "SCOPE_LOCAL"),
        ("浏阳市", "芙蓉区", "SCOPE_LOCAL"),
        ("省本级", "长沙市", "SCOPE_PROVINCIAL_RECOGNITION"),
        ("省本级", "吉首市", "SCOPE_PROVINCIAL_RECOGNITION"),
    ])  # fmt: skip
    def test_local_and_province_level_care_needs_no_filing(
        self, insured: str, treatment: str, scope_code: str
    ) -> None:
        """NO_FILING_NEEDED, with the scope's reason and ELIGIBILITY_NOT_OUT_OF_AREA, and nothing unmet."""
        ruling = decide_eligibility(long_term(insured=place(insured), treatment=place(treatment)))
        assert ruling.outcome is Eligibility.NO_FILING_NEEDED
        assert ruling.codes == {scope_code, "ELIGIBILITY_NOT_OUT_OF_AREA"}
        assert ruling.unmet == ()

    def test_no_filing_is_needed_even_when_article_4_would_fail(self) -> None:
        """Article 4's conditions are not asked of local care: no basis and no months still need no filing."""
        facts = long_term(treatment=place("株洲市"), bases=frozenset(), away_since=D(2025, 8, 31))
        assert decide_eligibility(facts).outcome is Eligibility.NO_FILING_NEEDED

    # Regression (fixed in 8327b59): local and 省本级 cases were answered NO_FILING_NEEDED under article 3 before
    # the date was checked, on dates when article 3 was not in force (SPEC.md "In force"; art. 36).
    @pytest.mark.parametrize(("insured", "treatment"), [("长沙市", "浏阳市"), ("省本级", "长沙市")])
    @pytest.mark.parametrize("applied_on", [D(2025, 7, 31), D(2027, 8, 2)])
    def test_local_care_outside_the_procedures_dates_is_not_in_force(
        self, insured: str, treatment: str, applied_on: dt.date
    ) -> None:
        """Before commencement or after expiry, article 3 does not decide the case: NOT_IN_FORCE."""
        facts = long_term(
            insured=place(insured),
            treatment=place(treatment),
            away_since=D(2024, 1, 1),
            applied_on=applied_on,
        )
        assert decide_eligibility(facts).outcome is Eligibility.NOT_IN_FORCE


class TestOutsideThisProcedure:
    """Not governed, or not in force on the application date: said explicitly, never decided under article 4."""

    def test_two_places_outside_hunan_are_not_governed(self) -> None:
        """广东 to 新疆: NOT_GOVERNED, nothing unmet."""
        ruling = decide_eligibility(long_term(insured=place("广东省"), treatment=place("新疆维吾尔自治区")))
        assert ruling.outcome is Eligibility.NOT_GOVERNED
        assert ruling.unmet == ()
        assert "SCOPE_NOT_GOVERNED" in ruling.codes

    def test_a_cross_province_application_before_august_goes_to_the_national_procedure(self) -> None:
        """On 2025-06-01 a cross-province case is the national procedure's: NOT_GOVERNED here."""
        ruling = decide_eligibility(
            long_term(
                insured=place("长沙市"),
                treatment=place("广东省"),
                away_since=D(2024, 1, 1),
                applied_on=D(2025, 6, 1),
            )
        )
        assert ruling.outcome is Eligibility.NOT_GOVERNED
        assert "IN_FORCE_NATIONAL_PROCEDURE_BEFORE" in ruling.codes

    @pytest.mark.parametrize("applied_on", [D(2025, 7, 31), D(2027, 8, 1)])
    def test_an_intra_province_application_outside_the_dates_is_not_in_force(
        self, applied_on: dt.date
    ) -> None:
        """The day before commencement and the day after expiry: NOT_IN_FORCE, with article 36's reason."""
        ruling = decide_eligibility(long_term(away_since=D(2024, 1, 1), applied_on=applied_on))
        assert ruling.outcome is Eligibility.NOT_IN_FORCE
        assert ruling.codes & {"IN_FORCE_NOT_YET", "IN_FORCE_EXPIRED"}
        assert ruling.unmet == ()


class TestBadInput:
    """Bad or inconsistent facts raise InvalidInputError naming the field."""

    @pytest.mark.parametrize(
        ("build", "overrides", "field"),
        [
            (long_term, {"away_since": None}, "away_since"),
            (long_term, {"category": PersonCategory.RESIDENT_WORK, "away_since": None}, "away_since"),
            (long_term, {"away_since": D(2025, 9, 2)}, "away_since"),
            (long_term, {"category": PersonCategory.RESIDENT_WORK, "insured_place_cannot_treat": True}, "insured_place_cannot_treat"),
            (long_term, {"category": PersonCategory.RESIDENT_WORK, "has_referral_opinion": False}, "has_referral_opinion"),
            (referral, {"away_since": D(2025, 1, 1)}, "away_since"),
            (referral, {"insured_place_cannot_treat": None}, "insured_place_cannot_treat"),
            (referral, {"has_referral_opinion": None}, "has_referral_opinion"),
            (long_term, {"applied_on": dt.datetime(2025, 9, 1, 10, 0)}, "applied_on"),  # noqa: DTZ001
            (long_term, {"away_since": dt.datetime(2025, 1, 15, 10, 0)}, "away_since"),  # noqa: DTZ001
            (long_term, {"applied_on": "2025-09-01"}, "applied_on"),
            (long_term, {"service": "MEDICAL"}, "service"),
            (long_term, {"category": "LONG_TERM_RESIDENCE"}, "category"),
            (long_term, {"category": PersonCategory.LONG_TERM_RESIDENCE.value}, "category"),
            (long_term, {"bases": {Basis.INJURY_RECOGNITION}}, "bases"),
            (long_term, {"bases": frozenset({"INJURY_RECOGNITION"})}, "bases"),
            (long_term, {"insured": "430200"}, "insured"),
            (long_term, {"treatment": None}, "treatment"),
            (long_term, {"meets_insured_place_requirements": 1}, "meets_insured_place_requirements"),
            (referral, {"has_referral_opinion": "yes"}, "has_referral_opinion"),
        ],
    )  # fmt: skip
    def test_bad_facts_name_the_field(
        self, build: Callable[..., EligibilityFacts], overrides: dict[str, object], field: str
    ) -> None:
        """Missing, forbidden or mistyped facts: InvalidInputError naming the field; nothing is coerced."""
        with pytest.raises(InvalidInputError) as caught:
            build(**overrides)
        assert caught.value.field == field

    def test_decide_eligibility_needs_facts(self) -> None:
        """A dict is not EligibilityFacts."""
        with pytest.raises(InvalidInputError) as caught:
            decide_eligibility({"insured": place("株洲市")})  # type: ignore[arg-type]
        assert caught.value.field == "facts"

    def test_province_level_as_treatment_place_is_refused(self) -> None:
        """省本级 is an insured place only (article 2 ¶3): refused when the decision classifies the scope."""
        with pytest.raises(InvalidInputError) as caught:
            decide_eligibility(long_term(treatment=place("省本级")))
        assert caught.value.field == "treatment"


# Strategies for the properties: every place pair that is out-of-area (so article 4 decides), dates in force.
OUT_OF_AREA_PAIRS = [
    (insured, treatment)
    for insured in (
        place("株洲市"),
        place("浏阳市"),
        place("省本级"),
        place("新疆维吾尔自治区"),
        place("广东省"),
    )
    for treatment in (place("长沙市"), place("湘潭县"), place("广东省"), place("北京市"))
    if classify_scope(insured, treatment).outcome.out_of_area
]


@st.composite
def facts(draw: st.DrawFn, pairs: list[tuple[Place, Place]] = OUT_OF_AREA_PAIRS) -> EligibilityFacts:
    insured, treatment = draw(st.sampled_from(pairs))
    category = draw(st.sampled_from(list(PersonCategory)))
    applied_on = draw(st.dates(min_value=D(2025, 8, 1), max_value=D(2027, 7, 31)))
    referral_category = category is PersonCategory.REFERRAL
    return EligibilityFacts(
        insured=insured,
        treatment=treatment,
        service=draw(st.sampled_from(list(ServiceKind))),
        bases=draw(st.frozensets(st.sampled_from(list(Basis)))),
        category=category,
        applied_on=applied_on,
        meets_insured_place_requirements=draw(st.booleans()),
        away_since=None
        if referral_category
        else draw(st.dates(min_value=D(2023, 1, 1), max_value=applied_on)),
        insured_place_cannot_treat=draw(st.booleans()) if referral_category else None,
        has_referral_opinion=draw(st.booleans()) if referral_category else None,
    )


def fitting_bases(f: EligibilityFacts) -> set[Basis]:
    """The bases that fit the service and, cross-province, are on the national list."""
    fitting = FITTING[f.service]
    cross_province = f.insured.in_hunan != f.treatment.in_hunan
    return fitting & NATIONAL if cross_province else fitting


class TestEligibilityProperties:
    """Invariants over generated facts."""

    @given(f=facts())
    def test_eligible_exactly_when_nothing_is_unmet(self, f: EligibilityFacts) -> None:
        """In force and out-of-area: ELIGIBLE iff nothing is unmet; the national rules decide iff the only unmet
        condition is a basis outside the national list (art. 36); anything else unmet is NOT_ELIGIBLE."""
        ruling = decide_eligibility(f)
        assert isinstance(ruling, EligibilityRuling)
        assert (ruling.outcome is Eligibility.ELIGIBLE) == (ruling.unmet == ())
        national_only = ruling.unmet == ("BASIS_NOT_IN_NATIONAL_LIST",)
        assert (ruling.outcome is Eligibility.NATIONAL_RULES_DECIDE) == national_only
        if ruling.unmet and not national_only:
            assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        assert set(ruling.unmet) <= ruling.codes

    @given(f=facts(), data=st.data())
    def test_adding_a_fitting_basis_never_adds_an_unmet_code(
        self, f: EligibilityFacts, data: st.DataObject
    ) -> None:
        """From a NOT_ELIGIBLE ruling, a fitting basis removes the basis condition and adds nothing else."""
        before = decide_eligibility(f)
        assume(before.outcome is Eligibility.NOT_ELIGIBLE)
        basis = data.draw(st.sampled_from(sorted(fitting_bases(f), key=lambda b: b.name)))
        after = decide_eligibility(attrs.evolve(f, bases=f.bases | {basis}))
        assert set(after.unmet) <= set(before.unmet)
        assert not set(after.unmet) & BASIS_CODES
        assert set(after.unmet) == set(before.unmet) - BASIS_CODES

    @given(f=facts())
    def test_the_basis_condition_matches_the_specs_table(self, f: EligibilityFacts) -> None:
        """The basis condition is met iff a held basis fits the service (and is national, cross-province)."""
        ruling = decide_eligibility(f)
        assert (not set(ruling.unmet) & BASIS_CODES) == bool(f.bases & fitting_bases(f))

    @given(f=facts())
    def test_any_added_basis_never_makes_more_conditions_fail(self, f: EligibilityFacts) -> None:
        """Adding 原工伤部位继续治疗 cross-province may swap which basis code is unmet, never add a condition."""
        before = decide_eligibility(f)
        after = decide_eligibility(attrs.evolve(f, bases=f.bases | {Basis.CONTINUED_TREATMENT}))
        assert len(after.unmet) <= len(before.unmet)
        assert set(after.unmet) - BASIS_CODES <= set(before.unmet) - BASIS_CODES


class TestSixMonthsOutsideTheInsuredProvince:
    """Cross-province care: the national rule measures 在参保省外居住(工作)半年(含)及以上 (art. 36, product owner)."""

    def outbound(self, **overrides: object) -> EligibilityFacts:
        """Insured in 株洲, living in 广东, applying 2025-09-01."""
        return long_term(treatment=place("广东省"), **overrides)

    def test_the_period_is_measured_outside_the_insured_province(self) -> None:
        """Away from 株洲 since 2025-01-15 but in 广东 only since 2025-06-01: under six months outside Hunan."""
        ruling = decide_eligibility(self.outbound(away_from_insured_province_since=D(2025, 6, 1)))
        assert ruling.outcome is Eligibility.NOT_ELIGIBLE
        assert ruling.unmet == ("AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS",)
        reason = ruling.reason("AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS")
        assert reason.interpretation
        assert NATIONAL_NOTICE in reason.authorities

    def test_six_months_outside_the_province_reached_on_the_application_day(self) -> None:
        """In 广东 since 2025-03-01: six months reached on 2025-09-01, the application day (含)."""
        ruling = decide_eligibility(self.outbound(away_from_insured_province_since=D(2025, 3, 1)))
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "AWAY_OUTSIDE_PROVINCE_MET" in ruling.codes
        assert "AWAY_SIX_MONTHS_MET" not in ruling.codes

    def test_without_the_province_date_away_since_is_taken_as_it(self) -> None:
        """A case written before the fact existed: away_since is the day the worker left the insured province."""
        ruling = decide_eligibility(self.outbound())
        assert ruling.outcome is Eligibility.ELIGIBLE
        assert "AWAY_OUTSIDE_PROVINCE_MET" in ruling.codes

    def test_an_inbound_worker_is_measured_the_same_way(self) -> None:
        """Insured in 新疆, working in 长沙 since 2025-04-01, applying 2025-09-01: five months, not eligible."""
        ruling = decide_eligibility(
            long_term(insured=place("新疆"), category=PersonCategory.RESIDENT_WORK, away_since=D(2025, 4, 1))
        )
        assert "AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS" in ruling.codes

    def test_intra_province_care_keeps_the_insured_place_measure(self) -> None:
        """Art. 4 item 1 for intra-province care: outside the insured place, the letter."""
        assert "AWAY_SIX_MONTHS_MET" in decide_eligibility(long_term()).codes

    def test_the_province_date_is_refused_where_it_does_not_apply(self) -> None:
        """Intra-province, a referral, a day after the application or before leaving the insured place: refused."""
        with pytest.raises(InvalidInputError, match="away_from_insured_province_since"):
            long_term(away_from_insured_province_since=D(2025, 6, 1))
        with pytest.raises(InvalidInputError, match="away_from_insured_province_since"):
            self.outbound(away_from_insured_province_since=D(2025, 9, 2))
        with pytest.raises(InvalidInputError, match="away_from_insured_province_since"):
            self.outbound(away_from_insured_province_since=D(2024, 12, 31))
        with pytest.raises(InvalidInputError, match="away_from_insured_province_since"):
            referral(treatment=place("广东省"), away_from_insured_province_since=D(2025, 6, 1))
