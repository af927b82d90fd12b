"""Tests of articles 11, 12 and 13: validity (``rules.filing``), changes (``rules.filing_changes``), and whether a
filing covers an episode (``rules.coverage``, with article 12's timing in ``rules.back_filing``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import DEFAULT_PARAMETERS, InvalidInputError, PersonCategory, ServiceKind, place
from gongshang_rules.kernel.articles import ArticleRef
from gongshang_rules.kernel.periods import add_months
from gongshang_rules.kernel.terms import CareType
from gongshang_rules.rules.coverage import filing_covers
from gongshang_rules.rules.coverage_facts import Coverage, CoverageFacts, CoverageRuling
from gongshang_rules.rules.filing import Filing, Validity, filing_valid_through, filing_validity
from gongshang_rules.rules.filing_changes import ChangeKind, ChangeStatus, change_allowed
from gongshang_rules.rules.forms import Device

CHANGSHA = place("430100")
YUELU = place("430104")
YUEYANG = place("430600")
YUEYANG_COUNTY = place("430621")
GUANGDONG = place("440000")
XINJIANG = place("650000")

dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
#: Filing dates on which this procedure is in force (art. 36): only these get a validity from art. 13.
in_force_dates = st.dates(min_value=dt.date(2025, 8, 1), max_value=dt.date(2027, 7, 31))


def filing(**overrides: object) -> Filing:
    values: dict[str, object] = {
        "insured": CHANGSHA,
        "treatment": YUEYANG,
        "category": PersonCategory.REFERRAL,
        "service": ServiceKind.MEDICAL,
        "filed_on": dt.date(2025, 9, 1),
    }
    values.update(overrides)
    return Filing(**values)  # type: ignore[arg-type]


#: An annex-2 filing's service and device list (art. 19, annex 2 note 6), for the fitting cases.
WHEELCHAIR_FILING: dict[str, object] = {
    "service": ServiceKind.ASSISTIVE_DEVICE,
    "devices": (Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("2000.00")),),
}


def facts(**overrides: object) -> CoverageFacts:
    values: dict[str, object] = {
        "insured": CHANGSHA,
        "filing": filing(),
        "service": ServiceKind.MEDICAL,
        "institution_code": "EX-0001",
        "institution_place": YUEYANG_COUNTY,
        "admitted_on": dt.date(2025, 10, 8),
    }
    values.update(overrides)
    return CoverageFacts(**values)  # type: ignore[arg-type]


class TestFilingValidThrough:
    def test_referral_filing_is_valid_for_three_months(self) -> None:
        """Art. 13 ¶1: a referral filing is valid 3 months; 2025-09-15 runs through 2025-12-15."""
        assert filing_valid_through(dt.date(2025, 9, 15), PersonCategory.REFERRAL) == dt.date(2025, 12, 15)

    def test_long_term_filing_is_valid_for_six_months(self) -> None:
        """Art. 13 ¶1: long-term residence and resident work are valid 6 months."""
        for category in (PersonCategory.LONG_TERM_RESIDENCE, PersonCategory.RESIDENT_WORK):
            assert filing_valid_through(dt.date(2025, 9, 15), category) == dt.date(2026, 3, 15)

    def test_filed_on_the_31st_ends_on_the_last_day_of_a_short_month(self) -> None:
        """SPEC: filed 2025-08-31, 6 months: valid through 2026-02-28 (民法典 202)."""
        assert filing_valid_through(dt.date(2025, 8, 31), PersonCategory.LONG_TERM_RESIDENCE) == dt.date(
            2026, 2, 28
        )

    def test_referral_filed_on_the_31st_of_may_ends_on_the_31st_of_august(self) -> None:
        """A day that exists in the final month is kept: 2026-05-31 + 3 months = 2026-08-31."""
        assert filing_valid_through(dt.date(2026, 5, 31), PersonCategory.REFERRAL) == dt.date(2026, 8, 31)

    def test_a_filing_on_the_31st_of_august_ends_at_the_end_of_february(self) -> None:
        """民法典 202: 2025-08-31 + 6 months has no 31 February: 2026-02-28 (2026 is no leap year)."""
        assert filing_valid_through(dt.date(2025, 8, 31), PersonCategory.RESIDENT_WORK) == dt.date(
            2026, 2, 28
        )

    def test_a_leap_day_filing_is_before_the_procedure_and_gets_no_period(self) -> None:
        """Art. 36: 2024-02-29 is before 2025-08-01: article 13 computes no validity for it, it raises."""
        with pytest.raises(InvalidInputError, match=r"filing_date.*article 36"):
            filing_valid_through(dt.date(2024, 2, 29), PersonCategory.REFERRAL)

    def test_the_procedures_first_and_last_days_compute_and_the_days_outside_do_not(self) -> None:
        """Art. 36: filed 2025-08-01 and 2027-07-31 compute; 2025-07-31 and 2027-08-01 raise."""
        assert filing_valid_through(dt.date(2025, 8, 1), PersonCategory.REFERRAL) == dt.date(2025, 11, 1)
        assert filing_valid_through(dt.date(2027, 7, 31), PersonCategory.REFERRAL) == dt.date(2027, 10, 31)
        for day in (dt.date(2025, 7, 31), dt.date(2027, 8, 1)):
            with pytest.raises(InvalidInputError, match="filing_date"):
                filing_valid_through(day, PersonCategory.LONG_TERM_RESIDENCE)

    def test_referral_ending_in_the_spring_festival_is_not_extended(self) -> None:
        """SPEC: validity is a status, not an act: a last day in the 2026 Spring Festival holiday stays put."""
        assert filing_valid_through(dt.date(2025, 11, 17), PersonCategory.REFERRAL) == dt.date(2026, 2, 17)

    def test_a_what_if_table_changes_the_period(self) -> None:
        """The numbers come from the parameter table: a 4-month referral validity is honoured."""
        table = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        assert filing_valid_through(
            dt.date(2025, 9, 15), PersonCategory.REFERRAL, parameters=table
        ) == dt.date(2026, 1, 15)

    def test_bad_input_names_the_field(self) -> None:
        """A datetime or a string is refused with the field named."""
        with pytest.raises(InvalidInputError, match="filing_date"):
            filing_valid_through(dt.datetime(2025, 9, 15, 8), PersonCategory.REFERRAL)  # noqa: DTZ001
        with pytest.raises(InvalidInputError, match="category"):
            filing_valid_through(dt.date(2025, 9, 15), "REFERRAL")  # type: ignore[arg-type]

    @given(in_force_dates)
    def test_last_valid_day_is_after_the_filing_date_and_referral_never_outlasts_long_term(
        self, filed: dt.date
    ) -> None:
        """Property: the last valid day is after the filing date; a referral's is never later than a long-term one."""
        referral = filing_valid_through(filed, PersonCategory.REFERRAL)
        long_term = filing_valid_through(filed, PersonCategory.LONG_TERM_RESIDENCE)
        assert filed < referral <= long_term


class TestFilingValidity:
    def test_a_hunan_filing_is_computed_under_article_13(self) -> None:
        """Art. 13 ¶1: with no dates on the form, validity is computed and the reading is flagged."""
        ruling = filing_validity(filing(filed_on=dt.date(2025, 8, 31)))
        assert ruling.outcome is Validity.COMPUTED
        assert (ruling.valid_from, ruling.valid_through) == (dt.date(2025, 8, 31), dt.date(2025, 11, 30))
        assert ruling.reason("FILING_VALIDITY_COMPUTED").interpretation

    def test_dates_stated_on_the_form_govern(self) -> None:
        """SPEC: validity dates stated on the approved form govern; a difference from the rule is noted."""
        ruling = filing_validity(
            filing(stated_valid_from=dt.date(2025, 9, 1), stated_valid_through=dt.date(2025, 12, 31))
        )
        assert ruling.outcome is Validity.STATED_ON_FORM
        assert ruling.valid_through == dt.date(2025, 12, 31)
        assert "FILING_VALIDITY_DIFFERS_FROM_RULE" in ruling.codes

    def test_stated_dates_equal_to_the_rule_raise_no_note(self) -> None:
        """When the form states exactly what article 13 gives, there is nothing to note."""
        ruling = filing_validity(
            filing(stated_valid_from=dt.date(2025, 9, 1), stated_valid_through=dt.date(2025, 12, 1))
        )
        assert ruling.codes == {"FILING_VALIDITY_STATED"}

    def test_an_inbound_filing_without_dates_is_not_computed(self) -> None:
        """SPEC: an inbound filing's validity is set by the insured province; never Hunan's 3 or 6 months."""
        ruling = filing_validity(filing(insured=XINJIANG, treatment=CHANGSHA))
        assert ruling.outcome is Validity.SET_BY_INSURED_PROVINCE
        assert ruling.valid_through is None

    def test_an_inbound_filing_with_dates_uses_them_without_comparing_to_hunan(self) -> None:
        """The insured province's dates are taken as approved, with no Hunan rule to differ from."""
        ruling = filing_validity(
            filing(
                insured=XINJIANG,
                treatment=CHANGSHA,
                stated_valid_from=dt.date(2025, 8, 1),
                stated_valid_through=dt.date(2026, 7, 31),
            )
        )
        # Approved by Xinjiang under the national rules: not cited to Hunan's art. 13(1).
        assert ruling.codes == {"FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE"}
        assert all(ref.article != 13 for ref in ruling.reasons[0].articles)

    def test_a_filing_running_past_2027_07_31_is_surfaced(self) -> None:
        """Art. 36: a filing whose validity runs past the procedure's last day says so."""
        ruling = filing_validity(filing(category=PersonCategory.RESIDENT_WORK, filed_on=dt.date(2027, 3, 1)))
        assert "FILING_RUNS_PAST_PROCEDURE_END" in ruling.codes
        ends_in_time = filing_validity(
            filing(category=PersonCategory.RESIDENT_WORK, filed_on=dt.date(2027, 1, 31))
        )
        assert "FILING_RUNS_PAST_PROCEDURE_END" not in ends_in_time.codes

    def test_str_shows_the_dates(self) -> None:
        """The explanation a person reads carries the validity dates."""
        assert "2025-09-01 to 2025-12-01" in str(filing_validity(filing()))
        assert "not computed" in str(filing_validity(filing(insured=XINJIANG, treatment=CHANGSHA)))


class TestFilingConstruction:
    def test_only_one_stated_date_is_refused(self) -> None:
        """The form states both validity dates or neither."""
        with pytest.raises(InvalidInputError, match="stated_valid_through"):
            filing(stated_valid_from=dt.date(2025, 9, 1))

    def test_stated_dates_out_of_order_are_refused(self) -> None:
        """The last valid day cannot precede the first."""
        with pytest.raises(InvalidInputError, match="stated_valid_through"):
            filing(stated_valid_from=dt.date(2025, 9, 1), stated_valid_through=dt.date(2025, 8, 1))

    def test_province_level_is_not_a_treatment_place(self) -> None:
        """Art. 2 ¶3: the treatment place is the institution's city, never 省本级."""
        with pytest.raises(InvalidInputError, match="treatment"):
            filing(treatment=place("省本级"))

    def test_no_filing_exists_for_local_or_provincial_level_care(self) -> None:
        """Art. 3: care within one city, or a 省本级 worker within Hunan, is not out-of-area: no filing."""
        with pytest.raises(InvalidInputError, match="treatment"):
            filing(treatment=YUELU)
        with pytest.raises(InvalidInputError, match="treatment"):
            filing(insured=place("省本级"))
        with pytest.raises(InvalidInputError, match="treatment"):
            filing(insured=XINJIANG, treatment=GUANGDONG)

    def test_a_device_filing_lists_its_devices(self) -> None:
        """Annex 2 note 6: a device filing without a device list is refused."""
        with pytest.raises(InvalidInputError, match="devices"):
            filing(service=ServiceKind.ASSISTIVE_DEVICE)

    def test_institution_codes_must_be_a_non_empty_set_of_text(self) -> None:
        """An empty set or a blank code is refused; None means 'any institution in the place'."""
        with pytest.raises(InvalidInputError, match="institution_codes"):
            filing(institution_codes=frozenset())
        with pytest.raises(InvalidInputError, match="institution_codes"):
            filing(institution_codes=frozenset({" "}))
        with pytest.raises(InvalidInputError, match="institution_codes"):
            filing(institution_codes=["EX-1"])


class TestChangeAllowed:
    def test_a_long_term_filing_is_locked_for_three_months(self) -> None:
        """Art. 13 ¶1: filed 2025-08-31, the 3 months end 2025-11-30; change from 2025-12-01."""
        f = filing(category=PersonCategory.LONG_TERM_RESIDENCE, filed_on=dt.date(2025, 8, 31))
        locked = change_allowed(f, ChangeKind.TREATMENT_PLACE, dt.date(2025, 11, 30))
        assert locked.outcome is ChangeStatus.LOCKED
        assert locked.allowed_from == dt.date(2025, 12, 1)
        assert change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1)).outcome is ChangeStatus.ALLOWED

    def test_personal_information_can_be_corrected_at_any_time(self) -> None:
        """Art. 11 (interpretation): a correction of personal information is not locked."""
        f = filing(category=PersonCategory.RESIDENT_WORK, filed_on=dt.date(2025, 9, 1))
        ruling = change_allowed(f, ChangeKind.PERSONAL_INFORMATION, dt.date(2025, 9, 2))
        assert ruling.outcome is ChangeStatus.ALLOWED
        assert ruling.rests_on_interpretation

    def test_a_referral_filing_has_no_lock(self) -> None:
        """Art. 13 ¶1 locks long-term filings only; a referral may change under article 11."""
        ruling = change_allowed(filing(), ChangeKind.CANCEL, dt.date(2025, 9, 2))
        assert ruling.outcome is ChangeStatus.ALLOWED
        assert ruling.codes == {"CHANGE_REFERRAL_NO_LOCK"}

    def test_an_expired_filing_cannot_be_changed(self) -> None:
        """After the last valid day there is no filing to change: file anew."""
        ruling = change_allowed(filing(), ChangeKind.TREATMENT_PLACE, dt.date(2025, 12, 2))
        assert ruling.outcome is ChangeStatus.FILING_EXPIRED

    def test_a_change_dated_before_the_filing_is_refused(self) -> None:
        """There is no filing to change before it exists."""
        with pytest.raises(InvalidInputError, match="on"):
            change_allowed(filing(), ChangeKind.CANCEL, dt.date(2025, 8, 31))

    def test_an_inbound_filing_is_changed_with_the_insured_province(self) -> None:
        """Chapter 2 governs Hunan's filings; an inbound one is changed where it was made."""
        f = filing(insured=XINJIANG, treatment=CHANGSHA)
        assert change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 9, 2)).outcome is ChangeStatus.NOT_GOVERNED

    def test_bad_input_names_the_field(self) -> None:
        """Wrong types are refused with the field named."""
        with pytest.raises(InvalidInputError, match="filing"):
            change_allowed("f", ChangeKind.CANCEL, dt.date(2025, 9, 2))  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="change"):
            change_allowed(filing(), "CANCEL", dt.date(2025, 9, 2))  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="on"):
            change_allowed(filing(), ChangeKind.CANCEL, "2025-09-02")  # type: ignore[arg-type]

    @given(in_force_dates, st.integers(min_value=-5, max_value=200))
    def test_the_lock_ends_exactly_when_three_months_have_passed(self, filed: dt.date, offset: int) -> None:
        """Property: a long-term filing is locked through the last day of the 3 months, open the day after."""
        f = filing(category=PersonCategory.LONG_TERM_RESIDENCE, filed_on=filed)
        on = filed + dt.timedelta(days=max(offset, 0))
        ruling = change_allowed(f, ChangeKind.CANCEL, on)
        # Art. 13 ¶1: "自备案之日起3个月后": the lock's own number, counted per 民法典 201 and 202.
        lock_end = add_months(filed, DEFAULT_PARAMETERS.change_lock_months)
        if on > DEFAULT_PARAMETERS.in_force_through:  # art. 36: not judged under an expired procedure
            assert ruling.outcome is ChangeStatus.NOT_IN_FORCE
        elif on <= lock_end:
            assert ruling.outcome is ChangeStatus.LOCKED
        elif on <= filing_valid_through(filed, PersonCategory.LONG_TERM_RESIDENCE):
            assert ruling.outcome is ChangeStatus.ALLOWED
        else:
            assert ruling.outcome is ChangeStatus.FILING_EXPIRED

    def test_the_lock_follows_its_own_parameter_not_the_referral_validity(self) -> None:
        """The change lock and the referral validity are two numbers of art. 13 ¶1: changing one moves only it."""
        f = filing(category=PersonCategory.LONG_TERM_RESIDENCE, filed_on=dt.date(2025, 8, 31))
        longer_referral = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=5)
        assert (
            change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1), parameters=longer_referral).outcome
            is ChangeStatus.ALLOWED
        )
        four_month_lock = attrs.evolve(DEFAULT_PARAMETERS, change_lock_months=4)
        locked = change_allowed(f, ChangeKind.CANCEL, dt.date(2025, 12, 1), parameters=four_month_lock)
        assert locked.outcome is ChangeStatus.LOCKED
        assert locked.allowed_from == dt.date(2026, 1, 1)
        assert "4个月" in locked.reason("CHANGE_LOCKED").message_zh
        assert "4 months" in locked.reason("CHANGE_LOCKED").message_en

    def test_the_locked_label_states_no_number(self) -> None:
        """The outcome's label leaves the number to the reason, which reads it from the table."""
        assert "3" not in ChangeStatus.LOCKED.zh + ChangeStatus.LOCKED.en


class TestFilingCovers:
    def test_an_admission_within_validity_at_an_institution_in_the_filed_city_is_covered(self) -> None:
        """Arts. 12 ¶1 and 13: filed before admission, at an institution of the filed city, within validity."""
        ruling = filing_covers(facts())
        assert ruling.outcome is Coverage.COVERED
        assert ruling.outcome.direct

    def test_a_filing_on_the_admission_day_counts_as_before_admission(self) -> None:
        """SPEC (interpretation): with dates only, a filing dated on the admission day is before admission."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 9, 1)))
        assert ruling.outcome is Coverage.COVERED
        assert ruling.reason("COVERAGE_FILED_ON_ADMISSION_DAY").interpretation

    def test_the_last_valid_day_is_covered_and_the_next_is_not(self) -> None:
        """Art. 13 ¶1: filed 2025-09-01 for a referral: admitted 2025-12-01 is covered; 2025-12-02 is not."""
        assert filing_covers(facts(admitted_on=dt.date(2025, 12, 1))).outcome is Coverage.COVERED
        late = filing_covers(facts(admitted_on=dt.date(2025, 12, 2)))
        assert late.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_AFTER_VALIDITY" in late.codes

    def test_discharge_after_expiry_still_settles_when_admitted_within_validity(self) -> None:
        """Art. 13 ¶2: an admission made within validity is not limited by the validity period."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 11, 28), settled_on=dt.date(2026, 1, 20)))
        assert ruling.outcome is Coverage.COVERED

    def test_losing_entitlement_during_the_stay_ends_direct_settlement(self) -> None:
        """Art. 13 ¶2: a filing that lapses during the stay (loss of entitlement) cannot settle directly."""
        ruling = filing_covers(
            facts(settled_on=dt.date(2025, 10, 20), entitlement_lost_on=dt.date(2025, 10, 15))
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_ENTITLEMENT_LOST" in ruling.codes

    def test_losing_entitlement_after_settlement_does_not_matter(self) -> None:
        """A loss after the discharge settlement is outside the stay."""
        ruling = filing_covers(
            facts(settled_on=dt.date(2025, 10, 20), entitlement_lost_on=dt.date(2025, 10, 21))
        )
        assert ruling.outcome is Coverage.COVERED

    def test_no_filing_is_not_settled_directly_and_says_what_governs(self) -> None:
        """Art. 12 ¶1: no filing, no direct settlement; the procedure is silent on reimbursement and says so."""
        ruling = filing_covers(facts(filing=None))
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "insured place's work-injury rules decide" in ruling.reason("COVERAGE_NO_FILING").message_en

    def test_an_institution_that_is_not_the_filed_one_is_not_covered(self) -> None:
        """Art. 12 ¶1: costs at a non-filed institution are not settled directly."""
        ruling = filing_covers(facts(filing=filing(institution_codes=frozenset({"EX-0002"}))))
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_NOT_FILED_INSTITUTION" in ruling.codes

    def test_a_filed_institution_code_is_covered(self) -> None:
        """The filed institution itself settles directly."""
        ruling = filing_covers(facts(filing=filing(institution_codes=frozenset({"EX-0001"}))))
        assert ruling.outcome is Coverage.COVERED

    def test_every_failing_condition_is_listed(self) -> None:
        """Wrong institution, wrong city, wrong service and an expired filing are all reported."""
        ruling = filing_covers(
            facts(
                filing=filing(institution_codes=frozenset({"EX-0002"})),
                institution_place=place("430700"),
                service=ServiceKind.REHABILITATION,
                admitted_on=dt.date(2026, 1, 5),
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert {
            "COVERAGE_NOT_FILED_INSTITUTION",
            "COVERAGE_OUTSIDE_FILED_PLACE",
            "COVERAGE_SERVICE_NOT_FILED",
            "COVERAGE_AFTER_VALIDITY",
        } <= ruling.codes

    def test_a_late_filing_without_a_back_filing_cause_is_not_covered(self) -> None:
        """Art. 12 ¶1: the filing must be complete before admission."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 8, 30)))
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_FILED_AFTER_ADMISSION" in ruling.codes

    def test_an_intra_province_emergency_back_filed_before_settlement_settles_directly(self) -> None:
        """Art. 12 ¶2: emergency, consent, back-filed before discharge settlement: direct settlement."""
        ruling = filing_covers(
            facts(
                admitted_on=dt.date(2025, 8, 28),
                settled_on=dt.date(2025, 9, 5),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING

    def test_a_back_filing_on_the_settlement_day_counts_as_before_it(self) -> None:
        """Art. 12 ¶2 with the same-day reading (interpretation)."""
        ruling = filing_covers(
            facts(
                admitted_on=dt.date(2025, 8, 28),
                settled_on=dt.date(2025, 9, 1),
                force_majeure=True,
            )
        )
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        assert ruling.reason("COVERAGE_BACK_FILED_SETTLEMENT_DAY").interpretation

    def test_an_emergency_back_filed_after_settlement_goes_to_manual_reimbursement(self) -> None:
        """Art. 12 ¶2: not completed before discharge settlement: reimbursed at the insured place."""
        ruling = filing_covers(
            facts(
                admitted_on=dt.date(2025, 8, 20),
                settled_on=dt.date(2025, 8, 31),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Coverage.MANUAL_REIMBURSEMENT
        assert "COVERAGE_BACK_FILING_TOO_LATE" in ruling.codes

    def test_an_emergency_with_no_filing_at_all_goes_to_manual_reimbursement(self) -> None:
        """Art. 12 ¶2: an emergency never back-filed is reimbursed at the insured place."""
        ruling = filing_covers(facts(filing=None, emergency_marked=True, settled_on=dt.date(2025, 10, 9)))
        assert ruling.outcome is Coverage.MANUAL_REIMBURSEMENT

    def test_an_emergency_not_yet_filed_nor_settled_may_still_back_file(self) -> None:
        """Art. 12 ¶2: while the worker is still in hospital, a back-filing is still possible."""
        ruling = filing_covers(facts(filing=None, emergency_marked=True))
        assert ruling.outcome is Coverage.BACK_FILING_POSSIBLE
        assert not ruling.outcome.direct

    def test_an_approved_back_filing_shows_the_insured_places_consent(self) -> None:
        """Art. 12 ¶2 (interpretation): the agency registering the back-filing is its consent."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 8, 28), emergency_marked=True))
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        assert ruling.reason("COVERAGE_BACK_FILING_APPROVED").interpretation

    def test_back_filing_after_injury_recognition_settles_and_refunds(self) -> None:
        """Art. 12 ¶3: recognition completed after care began, consent: direct settlement, fund's share refunded."""
        ruling = filing_covers(
            facts(
                admitted_on=dt.date(2025, 8, 10),
                settled_on=dt.date(2025, 8, 25),
                recognition_pending_at_admission=True,
            )
        )
        assert ruling.outcome is Coverage.COVERED_WITH_REFUND
        assert ruling.outcome.direct

    def test_recognition_pending_and_no_filing_yet_points_to_the_back_filing_route(self) -> None:
        """Art. 12 ¶3: once recognised, the worker may back-file; the answer says so instead of 'no filing'."""
        ruling = filing_covers(
            facts(filing=None, admitted_on=dt.date(2025, 8, 10), recognition_pending_at_admission=True)
        )
        assert ruling.outcome is Coverage.BACK_FILING_POSSIBLE
        assert ruling.codes == {"COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE"}

    def test_a_cross_province_emergency_without_a_filing_points_to_the_national_procedure(self) -> None:
        """Art. 12 ¶2 is intra-province only, filed or not."""
        ruling = filing_covers(facts(filing=None, institution_place=GUANGDONG, emergency_marked=True))
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE

    def test_an_inbound_filing_made_after_admission_is_the_insured_provinces_business(self) -> None:
        """SPEC: chapter 2 governs Hunan's filings; an inbound filing's timing is the national procedure's."""
        inbound = filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            filed_on=dt.date(2025, 9, 10),
            stated_valid_from=dt.date(2025, 9, 10),
            stated_valid_through=dt.date(2026, 3, 9),
        )
        ruling = filing_covers(
            facts(insured=XINJIANG, filing=inbound, institution_place=YUELU, admitted_on=dt.date(2025, 9, 1))
        )
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE
        wrong_place = filing_covers(
            facts(
                insured=XINJIANG, filing=inbound, institution_place=YUEYANG, admitted_on=dt.date(2025, 9, 1)
            )
        )
        assert wrong_place.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_OUTSIDE_FILED_PLACE" in wrong_place.codes

    def test_a_stay_running_past_validity_says_so(self) -> None:
        """Art. 13 ¶2: the reason names the carry-over only when the settlement is after the last valid day."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 11, 28), settled_on=dt.date(2025, 12, 10)))
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" in ruling.codes
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" not in filing_covers(facts()).codes

    def test_entitlement_lost_on_the_settlement_day_is_flagged_as_a_reading(self) -> None:
        """Art. 13 ¶2: 'during the stay' includes the settlement day, with dates only (interpretation)."""
        ruling = filing_covers(
            facts(settled_on=dt.date(2025, 10, 20), entitlement_lost_on=dt.date(2025, 10, 20))
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert ruling.reason("COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY").interpretation

    def test_outside_hunan_the_treatment_place_is_compared_by_province_and_says_so(self) -> None:
        """Art. 2 ¶3 and the annexes record a city; outside Hunan we know provinces only, flagged."""
        ruling = filing_covers(facts(filing=filing(treatment=GUANGDONG), institution_place=GUANGDONG))
        assert ruling.outcome is Coverage.COVERED
        assert ruling.reason("COVERAGE_PROVINCE_LEVEL_OUTSIDE_HUNAN").interpretation

    def test_a_table_that_is_not_a_parameters_table_is_refused(self) -> None:
        """Every function taking parameters checks them and names the field."""
        with pytest.raises(InvalidInputError, match="parameters"):
            filing_covers(facts(), parameters=None)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="parameters"):
            filing_valid_through(dt.date(2025, 9, 1), PersonCategory.REFERRAL, parameters={})  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="parameters"):
            filing_validity(filing(), parameters=None)  # type: ignore[arg-type]

    def test_cross_province_back_filing_is_governed_by_the_national_procedure(self) -> None:
        """Art. 12 ¶2, ¶3 are intra-province only: a cross-province back-filing points to the national procedure."""
        ruling = filing_covers(
            facts(
                filing=filing(treatment=GUANGDONG),
                institution_place=GUANGDONG,
                admitted_on=dt.date(2025, 8, 28),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE

    def test_an_inbound_filing_without_dates_must_be_confirmed_with_the_insured_province(self) -> None:
        """SPEC: the library does not compute an inbound filing's validity."""
        inbound = filing(insured=XINJIANG, treatment=CHANGSHA)
        ruling = filing_covers(facts(insured=XINJIANG, filing=inbound, institution_place=YUELU))
        assert ruling.outcome is Coverage.SET_BY_INSURED_PROVINCE

    def test_an_inbound_filing_with_dates_is_checked_against_them(self) -> None:
        """The insured province's stated dates decide coverage; the day before they start is not covered."""
        inbound = filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            filed_on=dt.date(2025, 8, 10),
            stated_valid_from=dt.date(2025, 8, 15),
            stated_valid_through=dt.date(2026, 2, 14),
        )
        base = {"insured": XINJIANG, "filing": inbound, "institution_place": YUELU}
        assert filing_covers(facts(admitted_on=dt.date(2025, 9, 1), **base)).outcome is Coverage.COVERED
        early = filing_covers(facts(admitted_on=dt.date(2025, 8, 14), **base))
        assert early.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_INBOUND_BEFORE_VALIDITY" in early.codes

    def test_an_inbound_filings_dates_are_cited_to_the_insured_provinces_approval(self) -> None:
        """Art. 2, 36: an inbound filing was approved by the insured province under the national rules: its dates
        are not cited to Hunan's art. 12(1) or 13(1)."""
        inbound = filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            filed_on=dt.date(2025, 8, 10),
            stated_valid_from=dt.date(2025, 8, 10),
            stated_valid_through=dt.date(2026, 2, 9),
        )
        base = {"insured": XINJIANG, "filing": inbound, "institution_place": YUELU}
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 9, 1), **base))
        assert {"COVERAGE_INBOUND_FILED_BEFORE_ADMISSION", "COVERAGE_INBOUND_WITHIN_VALIDITY"} <= ruling.codes
        dated = [r for r in ruling.reasons if "INBOUND" in r.code]
        assert all(ArticleRef(12, paragraph=1) not in r.articles for r in dated)
        assert all(ArticleRef(13, paragraph=1) not in r.articles for r in dated)
        late = filing_covers(facts(admitted_on=dt.date(2026, 2, 10), **base))
        assert "COVERAGE_INBOUND_AFTER_VALIDITY" in late.codes
        assert "COVERAGE_AFTER_VALIDITY" not in late.codes
        stay = filing_covers(facts(admitted_on=dt.date(2026, 2, 9), settled_on=dt.date(2026, 2, 20), **base))
        assert stay.outcome is Coverage.COVERED
        assert stay.reason("COVERAGE_INBOUND_STAY_RUNS_PAST_VALIDITY").interpretation

    def test_local_care_needs_no_filing(self) -> None:
        """Art. 3 ¶1: care within the insured city is not out-of-area."""
        ruling = filing_covers(facts(filing=None, institution_place=YUELU))
        assert ruling.outcome is Coverage.NOT_OUT_OF_AREA

    def test_care_between_two_other_provinces_is_not_governed(self) -> None:
        """Art. 2: neither place in Hunan."""
        ruling = filing_covers(facts(insured=XINJIANG, filing=None, institution_place=GUANGDONG))
        assert ruling.outcome is Coverage.NOT_GOVERNED

    def test_bad_facts_name_the_field(self) -> None:
        """Inconsistent facts are refused with the field named."""
        with pytest.raises(InvalidInputError, match="settled_on"):
            facts(settled_on=dt.date(2025, 10, 1))
        with pytest.raises(InvalidInputError, match=r"filing\.insured"):
            facts(insured=place("430300"))
        with pytest.raises(InvalidInputError, match="institution_place"):
            facts(institution_place=place("省本级"))
        with pytest.raises(InvalidInputError, match="facts"):
            filing_covers("facts")  # type: ignore[arg-type]

    @given(
        filed=dates,
        offset=st.integers(min_value=1, max_value=60),
        emergency=st.booleans(),
        consent=st.booleans(),
    )
    def test_never_covered_before_the_filing_date_without_a_back_filing_rule(
        self, filed: dt.date, offset: int, emergency: bool, consent: bool
    ) -> None:
        """Property: an admission before the filing date is direct only through article 12 ¶2 or ¶3."""
        admitted = filed - dt.timedelta(days=offset)
        ruling = filing_covers(
            facts(
                filing=filing(filed_on=filed),
                admitted_on=admitted,
                emergency_marked=emergency,
            )
        )
        if ruling.outcome.direct:
            assert emergency
            assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING

    @given(
        filed=dates,
        first=st.integers(min_value=0, max_value=200),
        earlier=st.integers(min_value=0, max_value=200),
    )
    def test_moving_the_admission_earlier_within_validity_never_loses_coverage(
        self, filed: dt.date, first: int, earlier: int
    ) -> None:
        """Property: if an admission is covered, an earlier admission on or after the filing date is too."""
        later = filed + dt.timedelta(days=first)
        sooner = max(filed, later - dt.timedelta(days=earlier))
        f = filing(filed_on=filed)
        if filing_covers(facts(filing=f, admitted_on=later)).outcome.direct:
            assert filing_covers(facts(filing=f, admitted_on=sooner)).outcome.direct


class TestTheExemptionIsForAnAdmission:
    """Art. 13 ¶2: 备案有效期内已办理住院手续的，不受备案有效期限制: a hospital admission only."""

    REFERRAL: ClassVar[dict[str, object]] = {
        "filing": filing(category=PersonCategory.REFERRAL, filed_on=dt.date(2025, 9, 15))
    }
    # Valid 2025-09-15 through 2025-12-15.

    def test_a_stay_admitted_on_the_last_valid_day_and_discharged_after_is_covered(self) -> None:
        """Admitted 2025-12-15 (last valid day), discharged 2025-12-20: the exemption carries the stay."""
        ruling = filing_covers(
            facts(admitted_on=dt.date(2025, 12, 15), settled_on=dt.date(2025, 12, 20), **self.REFERRAL)
        )
        assert ruling.outcome is Coverage.COVERED
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" in ruling.codes

    def test_an_admission_the_day_after_expiry_is_not_covered(self) -> None:
        """Admitted 2025-12-16, the day after the last valid day: expired."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 12, 16), **self.REFERRAL))
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_AFTER_VALIDITY" in ruling.codes

    def test_an_outpatient_course_settled_after_expiry_is_not_covered(self) -> None:
        """An outpatient course begun 2025-12-10 and settled 2025-12-16: the last visit is after expiry."""
        ruling = filing_covers(
            facts(
                admitted_on=dt.date(2025, 12, 10),
                settled_on=dt.date(2025, 12, 16),
                care=CareType.OUTPATIENT,
                **self.REFERRAL,
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_SERVICE_AFTER_VALIDITY" in ruling.codes
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" not in ruling.codes

    def test_an_outpatient_visit_on_the_last_valid_day_is_covered(self) -> None:
        """A visit on 2025-12-15, settled the same day: valid on the day of the service."""
        ruling = filing_covers(
            facts(admitted_on=dt.date(2025, 12, 15), care=CareType.OUTPATIENT, **self.REFERRAL)
        )
        assert ruling.outcome is Coverage.COVERED

    def test_a_device_fitting_is_a_fitting_whatever_the_care_says(self) -> None:
        """A device service begun in validity and settled after expiry is not covered, even with the default care."""
        device = filing(
            category=PersonCategory.REFERRAL,
            filed_on=dt.date(2025, 9, 15),
            **WHEELCHAIR_FILING,
        )
        ruling = filing_covers(
            facts(
                filing=device,
                service=ServiceKind.ASSISTIVE_DEVICE,
                admitted_on=dt.date(2025, 12, 1),
                settled_on=dt.date(2025, 12, 31),
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_SERVICE_AFTER_VALIDITY" in ruling.codes

    def test_device_fitting_care_is_refused_for_a_medical_service(self) -> None:
        """A DEVICE_FITTING care with a MEDICAL service contradicts itself: the field is named."""
        with pytest.raises(InvalidInputError, match="care"):
            facts(care=CareType.DEVICE_FITTING)


class TestFilingsOutsideTheProcedure:
    """Art. 36 governs filings too: article 13 computes no validity for a filing made while it is not in force."""

    def test_an_intra_province_filing_before_2025_08_01_is_not_in_force(self) -> None:
        """Filed 2025-07-31, the day before the procedure: no period, an explicit outcome."""
        ruling = filing_validity(filing(filed_on=dt.date(2025, 7, 31)))
        assert ruling.outcome is Validity.NOT_IN_FORCE
        assert (ruling.valid_from, ruling.valid_through) == (None, None)
        assert "FILING_BEFORE_PROCEDURE" in ruling.codes

    def test_a_filing_on_the_first_day_is_computed(self) -> None:
        """Filed 2025-08-01: in force; a referral runs to 2025-11-01."""
        ruling = filing_validity(filing(filed_on=dt.date(2025, 8, 1)))
        assert ruling.outcome is Validity.COMPUTED
        assert ruling.valid_through == dt.date(2025, 11, 1)

    def test_a_filing_after_2027_07_31_meets_an_expired_procedure(self) -> None:
        """Filed 2027-08-01: the procedure has expired; 2027-07-31 is still computed."""
        assert filing_validity(filing(filed_on=dt.date(2027, 8, 1))).outcome is Validity.EXPIRED
        assert filing_validity(filing(filed_on=dt.date(2027, 7, 31))).outcome is Validity.COMPUTED

    def test_a_cross_province_filing_before_2025_08_01_is_the_national_procedures(self) -> None:
        """Product owner: a cross-province filing of 2025-07-15 was made under the national procedure."""
        outbound = filing(treatment=GUANGDONG, filed_on=dt.date(2025, 7, 15))
        ruling = filing_validity(outbound)
        assert ruling.outcome is Validity.NATIONAL_PROCEDURE
        assert ruling.reason("FILING_UNDER_NATIONAL_PROCEDURE").interpretation
        assert ruling.valid_through is None
        stated = filing_validity(
            attrs.evolve(
                outbound, stated_valid_from=dt.date(2025, 7, 15), stated_valid_through=dt.date(2026, 1, 14)
            )
        )
        assert stated.outcome is Validity.NATIONAL_PROCEDURE
        assert stated.valid_through == dt.date(2026, 1, 14)

    def test_a_cross_province_filing_before_the_national_start_is_not_in_force(self) -> None:
        """Filed 2025-03-31, before the national start on 2025-04-01: in general under neither procedure; the
        answer names the national pilot (some cities from 2024-04-01) rather than implying nothing existed."""
        ruling = filing_validity(filing(treatment=GUANGDONG, filed_on=dt.date(2025, 3, 31)))
        assert ruling.outcome is Validity.NOT_IN_FORCE
        reason = ruling.reason("FILING_BEFORE_PROCEDURE")
        assert "pilot" in reason.message_en and "2024-04-01" in reason.message_en

    def test_a_cross_province_filing_after_the_procedure_is_the_national_procedures(self) -> None:
        """Filed 2027-08-01: this procedure has expired; cross-province care stays under the national procedure,
        whose validity (the approved dates) governs; an inbound filing keeps the dates its province approved."""
        inbound = filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            filed_on=dt.date(2027, 8, 1),
            stated_valid_from=dt.date(2027, 8, 1),
            stated_valid_through=dt.date(2028, 1, 31),
        )
        ruling = filing_validity(inbound)
        assert ruling.outcome is Validity.NATIONAL_PROCEDURE
        assert ruling.valid_through == dt.date(2028, 1, 31)
        assert all(not code.startswith("IN_FORCE_") for code in ruling.codes)

    def test_coverage_by_a_filing_made_before_the_procedure_is_refused(self) -> None:
        """An intra-province filing of 2025-07-20 does not cover an admission of 2025-08-10."""
        ruling = filing_covers(
            facts(filing=filing(filed_on=dt.date(2025, 7, 20)), admitted_on=dt.date(2025, 8, 10))
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "FILING_BEFORE_PROCEDURE" in ruling.codes

    def test_a_national_procedure_filing_without_dates_needs_them_confirmed(self) -> None:
        """An outbound filing of 2025-07-15 with no stated dates, a stay in August: this procedure governs the
        settlement (art. 25(1)); only the filing's validity is the national procedure's, and it is not stated."""
        outbound = filing(treatment=GUANGDONG, filed_on=dt.date(2025, 7, 15))
        ruling = filing_covers(
            facts(filing=outbound, institution_place=GUANGDONG, admitted_on=dt.date(2025, 8, 10))
        )
        assert ruling.outcome is Coverage.VALIDITY_NOT_STATED
        assert not ruling.outcome.direct

    def test_a_change_to_a_filing_not_made_under_this_procedure_is_not_judged_here(self) -> None:
        """Arts. 11, 13, 36: a filing made before 2025-08-01 has no lock under article 13."""
        old = filing(category=PersonCategory.LONG_TERM_RESIDENCE, filed_on=dt.date(2025, 7, 1))
        ruling = change_allowed(old, ChangeKind.CANCEL, dt.date(2025, 8, 15))
        assert ruling.outcome is ChangeStatus.NOT_UNDER_PROCEDURE

    @given(dates)
    def test_validity_is_computed_exactly_on_the_days_the_procedure_is_in_force(self, filed: dt.date) -> None:
        """Property (art. 36): an intra-province filing gets a computed period iff it is filed 2025-08-01..2027-07-31."""
        ruling = filing_validity(filing(filed_on=filed))
        in_force = dt.date(2025, 8, 1) <= filed <= dt.date(2027, 7, 31)
        assert (ruling.outcome is Validity.COMPUTED) == in_force
        assert (ruling.valid_through is not None) == in_force


class TestRefundOnlyWhatTheWorkerPaid:
    """Art. 12 ¶3 (product owner): only what the worker paid is refunded; the dates show whether the worker paid."""

    def recognition(self, filed_on: dt.date, settled_on: dt.date | None) -> CoverageRuling:
        return filing_covers(
            facts(
                filing=filing(filed_on=filed_on),
                admitted_on=dt.date(2025, 9, 1),
                settled_on=settled_on,
                recognition_pending_at_admission=True,
            )
        )

    def test_back_filed_after_discharge_settlement_the_fund_share_is_refunded(self) -> None:
        """Settled 2025-09-10 (the worker paid), back-filed 2025-09-20 after recognition: refund."""
        ruling = self.recognition(dt.date(2025, 9, 20), dt.date(2025, 9, 10))
        assert ruling.outcome is Coverage.COVERED_WITH_REFUND
        assert ruling.reason("COVERAGE_BACK_FILED_AFTER_RECOGNITION").interpretation

    def test_back_filed_before_discharge_settlement_nothing_is_refunded(self) -> None:
        """Back-filed 2025-09-05, settled 2025-09-10: settled directly at discharge, nothing to refund."""
        ruling = self.recognition(dt.date(2025, 9, 5), dt.date(2025, 9, 10))
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        assert ruling.reason("COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE").interpretation

    def test_back_filed_on_the_settlement_day_counts_as_before_it(self) -> None:
        """With dates only, a back-filing on the discharge day counts as before settlement: no refund."""
        ruling = self.recognition(dt.date(2025, 9, 10), dt.date(2025, 9, 10))
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING

    def test_still_in_hospital_nothing_is_refunded(self) -> None:
        """Back-filed while the worker is still in hospital: the fund's share will be settled directly."""
        assert self.recognition(dt.date(2025, 9, 5), None).outcome is Coverage.COVERED_BY_BACK_FILING


class TestBackFilingRoutesAreForMedicalCare:
    """Art. 12 ¶2 (急诊抢救…出院结算前) and ¶3 (就医时尚未完成工伤认定) are medical-care rules."""

    def test_a_device_fitting_cannot_be_back_filed_after_an_emergency(self) -> None:
        """A fitting begun 2025-10-01 and filed 2025-10-03 with an emergency mark: not covered."""
        device = filing(
            filed_on=dt.date(2025, 10, 3),
            **WHEELCHAIR_FILING,
        )
        ruling = filing_covers(
            facts(
                filing=device,
                service=ServiceKind.ASSISTIVE_DEVICE,
                admitted_on=dt.date(2025, 10, 1),
                settled_on=dt.date(2025, 10, 5),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert ruling.reason("COVERAGE_NO_BACK_FILING_FOR_FITTING").interpretation

    def test_an_unfiled_fitting_with_recognition_pending_is_not_covered(self) -> None:
        """No filing, recognition pending: no back-filing route for a fitting."""
        ruling = filing_covers(
            facts(filing=None, service=ServiceKind.ASSISTIVE_DEVICE, recognition_pending_at_admission=True)
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_NO_BACK_FILING_FOR_FITTING" in ruling.codes

    def test_an_outpatient_back_filing_is_flagged_as_a_reading(self) -> None:
        """An outpatient emergency back-filed before the visit's settlement: covered, the reading flagged."""
        ruling = filing_covers(
            facts(
                filing=filing(filed_on=dt.date(2025, 10, 9)),
                admitted_on=dt.date(2025, 10, 8),
                settled_on=dt.date(2025, 10, 10),
                emergency_marked=True,
                care=CareType.OUTPATIENT,
            )
        )
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        assert ruling.reason("COVERAGE_BACK_FILING_OUTPATIENT").interpretation

    def test_a_filing_after_the_procedure_carries_no_back_filing_promise(self) -> None:
        """Recognition pending, settled 2027-07-20, back-filed 2027-08-05 after the procedure's end: not covered,
        and no reason says the institution settles directly."""
        ruling = filing_covers(
            facts(
                filing=filing(filed_on=dt.date(2027, 8, 5)),
                admitted_on=dt.date(2027, 7, 10),
                settled_on=dt.date(2027, 7, 20),
                recognition_pending_at_admission=True,
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_BACK_FILED_AFTER_RECOGNITION" not in ruling.codes


class TestChangesOnADayOutsideTheProcedure:
    def test_a_change_asked_after_the_procedure_expired_is_not_judged_under_it(self) -> None:
        """Art. 36: a long-term filing of 2027-07-01 (valid to 2028-01-01), a cancellation asked on 2027-09-10:
        the procedure has expired, so its 3-month lock is not applied."""
        late = filing(category=PersonCategory.LONG_TERM_RESIDENCE, filed_on=dt.date(2027, 7, 1))
        ruling = change_allowed(late, ChangeKind.CANCEL, dt.date(2027, 9, 10))
        assert ruling.outcome is ChangeStatus.NOT_IN_FORCE
        assert "IN_FORCE_EXPIRED" in ruling.codes
        assert change_allowed(late, ChangeKind.CANCEL, dt.date(2027, 7, 31)).outcome is ChangeStatus.LOCKED


class TestNamesSplitOutOfTheModule:
    """Issue 9 split filing.py by concern; a name that moved out is still found through the old module path."""

    def test_a_moved_name_is_found_where_it_was_with_a_warning(self) -> None:
        """``gongshang_rules.rules.filing.filing_covers`` is coverage's, and the warning says where it lives."""
        from gongshang_rules.rules import filing as module

        with pytest.warns(DeprecationWarning, match=r"rules\.coverage\.filing_covers"):
            assert module.filing_covers is filing_covers
        with pytest.warns(DeprecationWarning, match=r"rules\.back_filing\.COVERAGE_NO_FILING"):
            assert module.COVERAGE_NO_FILING.code == "COVERAGE_NO_FILING"

    def test_an_old_pickle_of_a_moved_class_still_loads(self) -> None:
        """A pickle names a class by module and name: the module it had before the split still finds it."""
        import pickle

        with pytest.warns(DeprecationWarning):
            assert pickle.loads(b"cgongshang_rules.rules.filing\nCoverageFacts\n.") is CoverageFacts

    @pytest.mark.parametrize("name", ["Scope", "_cause", "no_such_name"])
    def test_a_name_that_did_not_move_out_is_still_an_attribute_error(self, name: str) -> None:
        """What a sibling merely imports, a private name, or a name nowhere: AttributeError, not a guess."""
        from gongshang_rules.rules import filing as module

        with pytest.raises(AttributeError, match=name):
            getattr(module, name)
