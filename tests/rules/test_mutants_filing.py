"""Articles 11 to 13 at their boundaries: tests written to kill the filing module's surviving mutants.

Each test says what the article (or SPEC.md's reading of it) demands: the boundary days (the last valid day, the
admission day, the settlement day), the parameters a caller passes, and the particulars a reader acts on (a date,
a place, a code, a cause), which must appear in both the Chinese and the English message. docs/mutation.md names
the mutants they kill. Only facade names are used, so the tests keep working whatever module the rules move to.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

import attrs
import pytest
from builders import says

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    CareType,
    ChangeKind,
    ChangeStatus,
    Coverage,
    CoverageFacts,
    CoverageRuling,
    Device,
    Filing,
    InvalidInputError,
    PersonCategory,
    Scope,
    ServiceKind,
    Validity,
    ValidityRuling,
    change_allowed,
    filing_covers,
    filing_valid_through,
    filing_validity,
    place,
)
from gongshang_rules.rules.back_filing import COVERAGE_NO_FILING
from gongshang_rules.rules.coverage_facts import Findings

CHANGSHA = place("430100")
YUELU = place("430104")  # a district of Changsha
ZHUZHOU = place("430200")
YUEYANG = place("430600")
YUEYANG_COUNTY = place("430621")  # a county of Yueyang
GUANGDONG = place("440000")
ZHEJIANG = place("330000")
XINJIANG = place("650000")

FILED = dt.date(2025, 9, 1)
#: A referral filed 2025-09-01 is valid 3 months (art. 13 ¶1): through 2025-12-01, the same day-of-month.
LAST_VALID_DAY = dt.date(2025, 12, 1)


def filing(**overrides: object) -> Filing:
    """A referral filing of a Changsha worker for medical care in Yueyang, filed 2025-09-01."""
    values: dict[str, object] = {
        "insured": CHANGSHA,
        "treatment": YUEYANG,
        "category": PersonCategory.REFERRAL,
        "service": ServiceKind.MEDICAL,
        "filed_on": FILED,
    }
    values.update(overrides)
    return Filing(**values)  # type: ignore[arg-type]


def facts(**overrides: object) -> CoverageFacts:
    """An inpatient stay at H-1 in Yueyang county, admitted 2025-10-08, of the worker of :func:`filing`."""
    values: dict[str, object] = {
        "insured": CHANGSHA,
        "filing": filing(),
        "service": ServiceKind.MEDICAL,
        "institution_code": "H-1",
        "institution_place": YUEYANG_COUNTY,
        "admitted_on": dt.date(2025, 10, 8),
    }
    values.update(overrides)
    return CoverageFacts(**values)  # type: ignore[arg-type]


def inbound_filing(**overrides: object) -> Filing:
    """A Xinjiang worker's filing for care in Changsha, approved by Xinjiang (stated 2025-09-01 to 2026-02-28)."""
    values: dict[str, object] = {
        "insured": XINJIANG,
        "treatment": CHANGSHA,
        "category": PersonCategory.RESIDENT_WORK,
        "filed_on": FILED,
        "stated_valid_from": FILED,
        "stated_valid_through": dt.date(2026, 2, 28),
    }
    values.update(overrides)
    return filing(**values)


def inbound_facts(**overrides: object) -> CoverageFacts:
    """A stay in Changsha of the worker of :func:`inbound_filing`."""
    values: dict[str, object] = {
        "insured": XINJIANG,
        "filing": inbound_filing(),
        "institution_place": CHANGSHA,
        "admitted_on": dt.date(2025, 10, 8),
    }
    values.update(overrides)
    return facts(**values)


def outbound_facts(**overrides: object) -> CoverageFacts:
    """A stay in Guangdong of a Changsha worker whose referral filing names Guangdong."""
    values: dict[str, object] = {"filing": filing(treatment=GUANGDONG), "institution_place": GUANGDONG}
    values.update(overrides)
    return facts(**values)


# --- article 13 ¶1: changes -------------------------------------------------------------------------------------


class TestChangeOnTheLastValidDay:
    """Art. 13 ¶1: the filing is valid through its last valid day; only after it is there nothing to change."""

    #: Filed 2025-09-01 for long-term residence: valid 6 months, through 2026-03-01.
    LONG_TERM = filing(category=PersonCategory.LONG_TERM_RESIDENCE)

    def test_a_change_on_the_last_valid_day_is_allowed(self) -> None:
        """2026-03-01 is the last day of the 6 months: the filing is still valid, and the 3-month lock is over."""
        ruling = change_allowed(self.LONG_TERM, ChangeKind.TREATMENT_PLACE, dt.date(2026, 3, 1))
        assert ruling.outcome is ChangeStatus.ALLOWED

    def test_a_change_the_day_after_is_refused_as_expired_naming_the_last_valid_day(self) -> None:
        """2026-03-02: the validity ended on 2026-03-01, said in both languages."""
        ruling = change_allowed(self.LONG_TERM, ChangeKind.TREATMENT_PLACE, dt.date(2026, 3, 2))
        assert ruling.outcome is ChangeStatus.FILING_EXPIRED
        says(ruling.reasons[0], "2026-03-01")

    def test_a_longer_validity_passed_as_a_parameter_keeps_the_filing_changeable(self) -> None:
        """A what-if table with 9-month long-term filings: 2026-04-15 is within them, so not expired."""
        nine = attrs.evolve(DEFAULT_PARAMETERS, long_term_validity_months=9)
        ruling = change_allowed(self.LONG_TERM, ChangeKind.CANCEL, dt.date(2026, 4, 15), parameters=nine)
        assert ruling.outcome is ChangeStatus.ALLOWED

    def test_a_shorter_procedure_passed_as_a_parameter_is_not_in_force_on_the_day_asked(self) -> None:
        """A what-if table in which the procedure ends 2025-12-31: a change asked 2026-01-05 is not judged here."""
        short = attrs.evolve(DEFAULT_PARAMETERS, in_force_through=dt.date(2025, 12, 31))
        ruling = change_allowed(self.LONG_TERM, ChangeKind.CANCEL, dt.date(2026, 1, 5), parameters=short)
        assert ruling.outcome is ChangeStatus.NOT_IN_FORCE

    @pytest.mark.parametrize("change", [ChangeKind.PERSONAL_INFORMATION, ChangeKind.CANCEL])
    def test_the_reasons_without_a_lock_still_name_the_lock_of_article_13(self, change: ChangeKind) -> None:
        """Personal information (any filing) and a referral's change are not locked: the reason names the 3 months
        of article 13 it does not apply."""
        ruling = change_allowed(filing(), change, dt.date(2025, 9, 2))
        assert ruling.outcome is ChangeStatus.ALLOWED
        assert "3个月" in ruling.reasons[0].message_zh and "3-month" in ruling.reasons[0].message_en

    def test_an_inbound_filing_is_changed_with_the_province_named(self) -> None:
        """Art. 11 with art. 2: a Xinjiang worker's filing is changed with Xinjiang, named in both languages."""
        ruling = change_allowed(inbound_filing(), ChangeKind.CANCEL, dt.date(2025, 10, 1))
        assert ruling.outcome is ChangeStatus.NOT_GOVERNED
        says(ruling.reasons[0], "新疆维吾尔自治区")


class TestChangeBadInput:
    """House rule: bad input is refused naming the field and what it got."""

    def test_a_filing_given_as_text_is_refused_naming_filing(self) -> None:
        """``filing`` must be a Filing."""
        with pytest.raises(InvalidInputError) as caught:
            change_allowed("F-1", ChangeKind.CANCEL, dt.date(2025, 10, 1))  # type: ignore[arg-type]
        assert caught.value.field == "filing" and caught.value.problem.endswith("got str")

    def test_a_change_given_as_text_is_refused_naming_change(self) -> None:
        """``change`` must be a ChangeKind member."""
        with pytest.raises(InvalidInputError) as caught:
            change_allowed(filing(), "CANCEL", dt.date(2025, 10, 1))  # type: ignore[arg-type]
        assert caught.value.field == "change" and "'CANCEL'" in caught.value.problem

    def test_a_day_given_as_text_is_refused_naming_on(self) -> None:
        """``on`` must be a date."""
        with pytest.raises(InvalidInputError) as caught:
            change_allowed(filing(), ChangeKind.CANCEL, "2025-10-01")  # type: ignore[arg-type]
        assert caught.value.field == "on"

    def test_a_day_before_the_filing_is_refused_naming_on_and_both_dates(self) -> None:
        """A change cannot be asked of a filing not yet made: the error says both dates."""
        with pytest.raises(InvalidInputError) as caught:
            change_allowed(filing(), ChangeKind.CANCEL, dt.date(2025, 8, 31))
        assert caught.value.field == "on"
        assert "2025-08-31" in caught.value.problem and "2025-09-01" in caught.value.problem


# --- articles 12 and 13: coverage ---------------------------------------------------------------------------------


class TestCoverageBadInputAndScope:
    """House rule, and art. 3: what is refused, and what needs no filing at all."""

    def test_facts_given_as_text_are_refused_naming_facts(self) -> None:
        """``facts`` must be CoverageFacts."""
        with pytest.raises(InvalidInputError) as caught:
            filing_covers("facts")  # type: ignore[arg-type]
        assert caught.value.field == "facts" and caught.value.problem.endswith("got str")

    def test_care_within_one_city_needs_no_filing_and_the_reason_names_the_scope(self) -> None:
        """Art. 3 ¶1: a Changsha worker in a Changsha district is local care; the reason says so in both languages."""
        ruling = filing_covers(facts(filing=None, institution_place=YUELU))
        assert ruling.outcome is Coverage.NOT_OUT_OF_AREA
        assert Scope.LOCAL.zh in ruling.reasons[0].message_zh
        assert Scope.LOCAL.en in ruling.reasons[0].message_en


class TestCoverageOnADayTheProcedureDoesNotGovern:
    """Art. 36: judged on the settlement date; before 2025-08-01 cross-province care is the national procedure's."""

    def test_an_intra_province_stay_settled_before_the_procedure_is_not_in_force(self) -> None:
        """Intra-province direct settlement starts 2025-08-01: a stay settled 2025-07-20 is not in force; the reason
        names the settlement date."""
        ruling = filing_covers(
            facts(filing=None, admitted_on=dt.date(2025, 7, 10), settled_on=dt.date(2025, 7, 20))
        )
        assert ruling.outcome is Coverage.NOT_IN_FORCE
        says(ruling.reasons[0], "2025-07-20")

    def test_a_cross_province_stay_settled_before_the_procedure_is_the_national_procedures(self) -> None:
        """Cross-province direct settlement ran nationally from 2025-04-01: a stay settled 2025-07-20 is governed by
        the national procedure, not 'not in force'."""
        ruling = filing_covers(
            outbound_facts(filing=None, admitted_on=dt.date(2025, 7, 10), settled_on=dt.date(2025, 7, 20))
        )
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE

    def test_a_shorter_procedure_passed_as_a_parameter_decides_the_settlement_day(self) -> None:
        """A what-if table in which the procedure ends 2025-11-30: a stay settled 2025-12-01 is not in force."""
        short = attrs.evolve(DEFAULT_PARAMETERS, in_force_through=dt.date(2025, 11, 30))
        ruling = filing_covers(facts(settled_on=dt.date(2025, 12, 1)), parameters=short)
        assert ruling.outcome is Coverage.NOT_IN_FORCE
        assert filing_covers(facts(settled_on=dt.date(2025, 12, 1))).outcome is Coverage.COVERED


class TestCoverageWhereAndWhat:
    """Art. 12 ¶1: the costs at an institution that is not the filed one, or outside the filing, are not settled
    directly; the reason names what was filed and what was found."""

    def test_an_institution_in_another_city_is_named_with_the_filed_city(self) -> None:
        """Filed for Yueyang, treated in Zhuzhou: both cities appear in both messages."""
        ruling = filing_covers(facts(institution_place=ZHUZHOU))
        assert ruling.outcome is Coverage.NOT_COVERED
        says(ruling.reason("COVERAGE_OUTSIDE_FILED_PLACE"), "株洲市", "岳阳市")

    def test_a_filing_naming_no_institution_names_the_place_whose_institutions_count(self) -> None:
        """The forms record only the treatment place: the reason names it (the city of the county treated in)."""
        says(filing_covers(facts()).reason("COVERAGE_ANY_INSTITUTION_IN_PLACE"), "岳阳市")

    def test_an_institution_not_filed_is_named_by_its_code(self) -> None:
        """Filed for H-2 only, treated at H-1: the code of the institution refused is in both messages."""
        ruling = filing_covers(facts(filing=filing(institution_codes=frozenset({"H-2"}))))
        says(ruling.reason("COVERAGE_NOT_FILED_INSTITUTION"), "H-1")

    def test_a_service_not_filed_names_the_filed_and_the_actual_service(self) -> None:
        """Filed for medical care, treated for rehabilitation: both services, in each language's words."""
        reason = filing_covers(facts(service=ServiceKind.REHABILITATION)).reason("COVERAGE_SERVICE_NOT_FILED")
        for service in (ServiceKind.MEDICAL, ServiceKind.REHABILITATION):
            assert service.zh in reason.message_zh and service.en in reason.message_en


class TestCoverageWhen:
    """Art. 12 ¶1: the filing is complete before admission (on the admission day counts, a reading); each reason
    says the dates."""

    def test_a_filing_before_admission_says_both_dates(self) -> None:
        """Filed 2025-09-01, admitted 2025-10-08."""
        says(filing_covers(facts()).reason("COVERAGE_FILED_BEFORE_ADMISSION"), "2025-09-01", "2025-10-08")

    def test_a_filing_on_the_admission_day_says_the_day(self) -> None:
        """Filed and admitted 2025-09-01."""
        says(filing_covers(facts(admitted_on=FILED)).reason("COVERAGE_FILED_ON_ADMISSION_DAY"), "2025-09-01")

    def test_an_inbound_filing_on_the_admission_day_is_the_insured_provinces_approval(self) -> None:
        """Art. 2: a Xinjiang filing dated on the admission day counts as before it, cited to Xinjiang's approval."""
        ruling = filing_covers(inbound_facts(admitted_on=FILED))
        assert ruling.outcome is Coverage.COVERED
        assert "COVERAGE_FILED_ON_ADMISSION_DAY" not in ruling.codes
        says(ruling.reason("COVERAGE_INBOUND_FILED_ON_ADMISSION_DAY"), "2025-09-01", "新疆维吾尔自治区")

    def test_a_filing_after_admission_without_a_cause_says_both_dates(self) -> None:
        """Admitted 2025-08-28, filed 2025-09-01, no emergency: not settled directly."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 8, 28)))
        assert ruling.outcome is Coverage.NOT_COVERED
        says(ruling.reason("COVERAGE_FILED_AFTER_ADMISSION"), "2025-09-01", "2025-08-28")

    @pytest.mark.parametrize("care", [CareType.INPATIENT, CareType.OUTPATIENT])
    def test_an_emergency_with_a_filing_made_in_time_is_no_back_filing(self, care: CareType) -> None:
        """Filed before admission: art. 12 ¶2's back-filing is not involved, whatever the medical record marks."""
        ruling = filing_covers(facts(emergency_marked=True, care=care))
        assert ruling.outcome is Coverage.COVERED
        assert not {c for c in ruling.codes if "BACK_FIL" in c}


class TestBackFilingAfterAnEmergencyOrForceMajeure:
    """Art. 12 ¶2, intra-province: back-filed with consent and complete before discharge settlement, direct;
    otherwise manual reimbursement. The reasons name the cause, the filing and the settlement dates."""

    def test_a_back_filing_before_settlement_names_the_cause_and_the_filing_date(self) -> None:
        """An emergency marked in the medical record, admitted 2025-08-28, back-filed 2025-09-01, settled 09-05."""
        ruling = filing_covers(
            facts(admitted_on=dt.date(2025, 8, 28), settled_on=dt.date(2025, 9, 5), emergency_marked=True)
        )
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        # both reasons of the route, the consent and the back-filing itself (neither replaces the other)
        assert {"COVERAGE_BACK_FILING_APPROVED", "COVERAGE_BACK_FILED_EMERGENCY"} <= ruling.codes
        says(ruling.reason("COVERAGE_BACK_FILING_APPROVED"), "2025-09-01")
        emergency = ruling.reason("COVERAGE_BACK_FILED_EMERGENCY")
        says(emergency, "2025-09-01")
        assert "因急诊抢救补办备案" in emergency.message_zh
        assert "after an emergency marked in the medical record:" in emergency.message_en

    def test_a_back_filing_on_the_settlement_day_names_the_day(self) -> None:
        """Force majeure, back-filed on the settlement day 2025-09-01: counts as before settlement (a reading)."""
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 8, 28), settled_on=FILED, force_majeure=True))
        says(ruling.reason("COVERAGE_BACK_FILED_SETTLEMENT_DAY"), "2025-09-01")
        emergency = ruling.reason("COVERAGE_BACK_FILED_EMERGENCY")
        assert "因不可抗力补办备案" in emergency.message_zh
        assert "after force majeure:" in emergency.message_en

    def test_a_back_filing_after_settlement_names_the_cause_and_the_settlement_date(self) -> None:
        """Force majeure, settled 2025-08-31, filed 2025-09-01: too late, reimbursed at the insured place."""
        ruling = filing_covers(
            facts(admitted_on=dt.date(2025, 8, 20), settled_on=dt.date(2025, 8, 31), force_majeure=True)
        )
        assert ruling.outcome is Coverage.MANUAL_REIMBURSEMENT
        late = ruling.reason("COVERAGE_BACK_FILING_TOO_LATE")
        says(late, "2025-08-31")
        assert "因不可抗力可补办备案" in late.message_zh and "after force majeure may" in late.message_en

    def test_no_filing_after_settlement_names_the_cause_and_the_settlement_date(self) -> None:
        """An emergency never back-filed, settled 2025-10-09: manual reimbursement, the date in both messages."""
        ruling = filing_covers(facts(filing=None, emergency_marked=True, settled_on=dt.date(2025, 10, 9)))
        late = ruling.reason("COVERAGE_BACK_FILING_TOO_LATE")
        says(late, "2025-10-09")
        assert "因急诊抢救可补办备案" in late.message_zh
        assert "after an emergency marked in the medical record may" in late.message_en

    def test_no_filing_yet_names_the_cause_while_a_back_filing_is_possible(self) -> None:
        """Force majeure, still in hospital: a back-filing is still possible; the reason names the cause."""
        ruling = filing_covers(facts(filing=None, force_majeure=True))
        assert ruling.outcome is Coverage.BACK_FILING_POSSIBLE
        possible = ruling.reason("COVERAGE_BACK_FILING_STILL_POSSIBLE")
        assert (
            "因不可抗力尚未备案" in possible.message_zh
            and "after force majeure, not filed" in possible.message_en
        )

    def test_an_unfiled_outpatient_visit_after_an_emergency_is_flagged_as_a_reading(self) -> None:
        """Art. 12 ¶2 is timed by discharge settlement: for an outpatient visit that is a reading, and it says so."""
        ruling = filing_covers(facts(filing=None, emergency_marked=True, care=CareType.OUTPATIENT))
        assert ruling.outcome is Coverage.BACK_FILING_POSSIBLE
        assert "COVERAGE_BACK_FILING_OUTPATIENT" in ruling.codes

    def test_an_outpatient_visit_back_filed_after_force_majeure_is_flagged_as_a_reading(self) -> None:
        """Force majeure alone (no emergency, recognition complete) is a cause of art. 12 ¶2."""
        ruling = filing_covers(
            facts(admitted_on=dt.date(2025, 8, 28), force_majeure=True, care=CareType.OUTPATIENT)
        )
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        assert "COVERAGE_BACK_FILING_OUTPATIENT" in ruling.codes

    def test_a_fitting_back_filed_after_force_majeure_is_refused_for_that_reason(self) -> None:
        """Force majeure alone: the back-filing routes are for medical care, not a device fitting (a reading)."""
        wheelchair = Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("2000.00"))
        device_filing = filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=(wheelchair,))
        ruling = filing_covers(
            facts(
                filing=device_filing,
                service=ServiceKind.ASSISTIVE_DEVICE,
                admitted_on=dt.date(2025, 8, 28),
                force_majeure=True,
            )
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_NO_BACK_FILING_FOR_FITTING" in ruling.codes


class TestBackFilingAfterInjuryRecognition:
    """Art. 12 ¶3, intra-province: back-filed once recognised; the fund's share is refunded only if the worker paid
    at discharge (product owner). The reasons say which, with the dates."""

    PENDING: ClassVar[dict[str, object]] = {
        "admitted_on": dt.date(2025, 8, 10),
        "recognition_pending_at_admission": True,
    }

    def test_back_filed_after_the_worker_paid_names_the_filing_and_settlement_dates(self) -> None:
        """Settled 2025-08-25, back-filed 2025-09-01: refunded; both dates in both messages."""
        ruling = filing_covers(facts(settled_on=dt.date(2025, 8, 25), **self.PENDING))
        assert ruling.outcome is Coverage.COVERED_WITH_REFUND
        says(ruling.reason("COVERAGE_BACK_FILING_APPROVED"), "2025-09-01")
        says(ruling.reason("COVERAGE_BACK_FILED_AFTER_RECOGNITION"), "2025-09-01", "2025-08-25")

    def test_still_in_hospital_the_reason_says_not_yet_settled(self) -> None:
        """No settlement yet: settled directly at discharge, nothing to refund; the reason says it is not settled."""
        ruling = filing_covers(facts(**self.PENDING))
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        reason = ruling.reason("COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE")
        says(reason, "2025-09-01")
        assert "）在出院结算前完成（尚未出院结算）：" in reason.message_zh
        assert ") are complete before discharge settlement (not yet settled):" in reason.message_en

    def test_back_filed_on_the_settlement_day_the_reason_says_the_same_day(self) -> None:
        """Back-filed and settled 2025-09-01: with dates only, before settlement; the reason says it is the day."""
        ruling = filing_covers(facts(settled_on=FILED, **self.PENDING))
        assert ruling.outcome is Coverage.COVERED_BY_BACK_FILING
        reason = ruling.reason("COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE")
        assert "）与出院结算同日完成，" in reason.message_zh
        assert ") fall on the day of discharge settlement, which" in reason.message_en

    def test_back_filed_before_a_later_settlement_the_reason_names_the_settlement_date(self) -> None:
        """Back-filed 2025-09-01, settled 2025-09-05: the settlement date in both messages, no same-day wording."""
        ruling = filing_covers(facts(settled_on=dt.date(2025, 9, 5), **self.PENDING))
        reason = ruling.reason("COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE")
        says(reason, "2025-09-05", "2025-09-01")
        assert "同日" not in reason.message_zh and "on the day of" not in reason.message_en


class TestCrossProvinceBackFiling:
    """Art. 12 ¶2, ¶3 are intra-province only: a cross-province back-filing is the national procedure's (art. 36)."""

    def test_an_outbound_back_filing_after_force_majeure_is_the_national_procedures(self) -> None:
        """Force majeure alone is a cause: filed after admission to Guangdong, the national procedure governs."""
        ruling = filing_covers(outbound_facts(admitted_on=dt.date(2025, 8, 28), force_majeure=True))
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE

    def test_the_national_reason_names_the_filing_and_admission_dates(self) -> None:
        """An outbound emergency back-filed: both dates in both messages; nothing about inbound workers."""
        ruling = filing_covers(outbound_facts(admitted_on=dt.date(2025, 8, 28), emergency_marked=True))
        reason = ruling.reason("COVERAGE_NATIONAL_PROCEDURE_FILING")
        says(reason, "2025-09-01", "2025-08-28")
        assert "参保省依国家规定管理" not in reason.message_zh
        assert "inbound" not in reason.message_en
        assert reason.message_zh.endswith("只适用于省内异地就医，跨省情形按国家经办规程办理。")
        assert "intra-province care only; the national" in reason.message_en

    def test_an_inbound_back_filing_says_the_insured_province_manages_its_timing(self) -> None:
        """A Xinjiang filing made after admission: the insured province manages it, said in both languages."""
        ruling = filing_covers(inbound_facts(admitted_on=dt.date(2025, 8, 28)))
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE
        reason = ruling.reason("COVERAGE_NATIONAL_PROCEDURE_FILING")
        assert (
            "只适用于省内异地就医；外省参保人员的备案及其时限由参保省依国家规定管理，跨省"
            in reason.message_zh
        )
        assert "care only (and the insured province manages an inbound worker's filing and its timing);" in (
            reason.message_en
        )

    def test_an_unfiled_cross_province_emergency_names_the_cause(self) -> None:
        """No filing, an emergency in Guangdong: the national procedure, the cause named in both languages."""
        ruling = filing_covers(outbound_facts(filing=None, emergency_marked=True))
        assert ruling.outcome is Coverage.NATIONAL_PROCEDURE
        reason = ruling.reason("COVERAGE_NATIONAL_PROCEDURE_FILING")
        assert reason.message_zh.startswith("跨省异地就医急诊抢救，尚未备案：")
        assert reason.message_en.startswith(
            "Cross-province care after an emergency marked in the medical record, not"
        )

    def test_an_unfiled_cross_province_stay_after_pending_recognition_names_the_cause(self) -> None:
        """Recognition pending, no filing, in Guangdong: the national procedure; the cause in both languages."""
        reason = filing_covers(outbound_facts(filing=None, recognition_pending_at_admission=True)).reason(
            "COVERAGE_NATIONAL_PROCEDURE_FILING"
        )
        assert "工伤认定尚未完成，尚未备案" in reason.message_zh
        assert "after injury recognition not yet complete, not filed" in reason.message_en


class TestCoverageValidity:
    """Art. 13: the admission within the filing's validity, its last valid day included; the ruling carries the
    validity and each reason its dates."""

    def test_a_covered_ruling_carries_the_validity_period(self) -> None:
        """Filed 2025-09-01 for a referral: valid from 2025-09-01 through 2025-12-01."""
        ruling = filing_covers(facts())
        assert isinstance(ruling, CoverageRuling)
        assert (ruling.valid_from, ruling.valid_through) == (FILED, LAST_VALID_DAY)

    def test_the_within_validity_reason_says_the_admission_and_the_period(self) -> None:
        """Admitted 2025-10-08, within 2025-09-01 to 2025-12-01."""
        says(
            filing_covers(facts()).reason("COVERAGE_WITHIN_VALIDITY"),
            "2025-10-08",
            "2025-09-01",
            "2025-12-01",
        )

    def test_an_admission_after_the_last_valid_day_says_both_days(self) -> None:
        """Admitted 2025-12-02, the day after 2025-12-01."""
        reason = filing_covers(facts(admitted_on=dt.date(2025, 12, 2))).reason("COVERAGE_AFTER_VALIDITY")
        says(reason, "2025-12-02", "2025-12-01")

    def test_an_admission_before_the_stated_first_day_is_refused_saying_both_days(self) -> None:
        """A Hunan form stating validity from 2025-09-10: an admission on 2025-09-05 is before it."""
        stated = filing(stated_valid_from=dt.date(2025, 9, 10), stated_valid_through=dt.date(2025, 12, 10))
        ruling = filing_covers(facts(filing=stated, admitted_on=dt.date(2025, 9, 5)))
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_INBOUND_BEFORE_VALIDITY" not in ruling.codes
        says(ruling.reason("COVERAGE_BEFORE_STATED_VALIDITY"), "2025-09-05", "2025-09-10")

    def test_a_longer_validity_passed_as_a_parameter_covers_a_later_admission(self) -> None:
        """A what-if table with 4-month referrals: admitted 2025-12-15 is within them (through 2026-01-01)."""
        four = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        ruling = filing_covers(facts(admitted_on=dt.date(2025, 12, 15)), parameters=four)
        assert ruling.outcome is Coverage.COVERED
        assert ruling.valid_through == dt.date(2026, 1, 1)

    def test_a_stay_settled_on_the_last_valid_day_does_not_run_past_it(self) -> None:
        """Settled 2025-12-01, the last valid day: the whole stay is within validity; no art. 13 ¶2 exemption."""
        ruling = filing_covers(facts(settled_on=LAST_VALID_DAY))
        assert ruling.outcome is Coverage.COVERED
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" not in ruling.codes

    @pytest.mark.parametrize("care", [CareType.OUTPATIENT])
    def test_an_outpatient_course_settled_on_the_last_valid_day_is_covered(self, care: CareType) -> None:
        """Each visit on its own day: a course settled on 2025-12-01 is within validity to its end."""
        ruling = filing_covers(facts(care=care, settled_on=LAST_VALID_DAY))
        assert ruling.outcome is Coverage.COVERED

    def test_an_outpatient_course_settled_after_validity_names_the_care_and_the_days(self) -> None:
        """Settled 2025-12-02: not one direct settlement; the care and both days in both messages."""
        reason = filing_covers(facts(care=CareType.OUTPATIENT, settled_on=dt.date(2025, 12, 2))).reason(
            "COVERAGE_SERVICE_AFTER_VALIDITY"
        )
        says(reason, "2025-12-02", "2025-12-01")
        assert CareType.OUTPATIENT.zh in reason.message_zh and CareType.OUTPATIENT.en in reason.message_en

    def test_a_lost_entitlement_names_the_day(self) -> None:
        """Art. 13 ¶2: entitlement lost 2025-10-15 during the stay; on the settlement day, the reading says so too."""
        during = filing_covers(
            facts(settled_on=dt.date(2025, 10, 20), entitlement_lost_on=dt.date(2025, 10, 15))
        )
        says(during.reason("COVERAGE_ENTITLEMENT_LOST"), "2025-10-15")
        same = filing_covers(
            facts(settled_on=dt.date(2025, 10, 20), entitlement_lost_on=dt.date(2025, 10, 20))
        )
        says(same.reason("COVERAGE_ENTITLEMENT_LOST_ON_SETTLEMENT_DAY"), "2025-10-20")

    def test_an_inbound_filing_without_dates_names_the_province_to_confirm_with(self) -> None:
        """Art. 2: a Xinjiang filing stating no validity must be confirmed with Xinjiang, named in both messages."""
        undated = inbound_filing(stated_valid_from=None, stated_valid_through=None)
        ruling = filing_covers(inbound_facts(filing=undated))
        assert ruling.outcome is Coverage.SET_BY_INSURED_PROVINCE
        says(ruling.reason("COVERAGE_VALIDITY_UNKNOWN"), "新疆维吾尔自治区")


class TestFilingsUnderTheNationalProcedure:
    """Art. 36 (product owner): a cross-province filing made 2025-04-01 to 2025-07-31 is the national procedure's,
    whose validity governs; this procedure still governs the settlement."""

    FILED_IN_JUNE: ClassVar[dict[str, object]] = {"treatment": GUANGDONG, "filed_on": dt.date(2025, 6, 1)}

    def test_a_dated_national_filing_covers_and_says_it_is_the_national_procedures(self) -> None:
        """Stated 2025-06-01 to 2025-12-01, admitted 2025-09-01: covered, and the reason says whose filing it is."""
        national = filing(
            stated_valid_from=dt.date(2025, 6, 1),
            stated_valid_through=dt.date(2025, 12, 1),
            **self.FILED_IN_JUNE,
        )
        ruling = filing_covers(outbound_facts(filing=national, admitted_on=dt.date(2025, 9, 1)))
        assert ruling.outcome is Coverage.COVERED
        assert "FILING_UNDER_NATIONAL_PROCEDURE" in ruling.codes

    def test_an_undated_national_filing_at_the_wrong_place_is_not_covered(self) -> None:
        """No dates stated, and the institution is in Zhejiang, not the filed Guangdong: the wrong place fails
        whatever the validity is."""
        ruling = filing_covers(
            outbound_facts(filing=filing(**self.FILED_IN_JUNE), institution_place=ZHEJIANG, admitted_on=FILED)
        )
        assert ruling.outcome is Coverage.NOT_COVERED
        assert "COVERAGE_OUTSIDE_FILED_PLACE" in ruling.codes


class TestValidityOfFilingsOutsideTheProcedure:
    """Art. 36 and the product owner's reading: what a filing made while this procedure was not in force gets, and
    what the reason tells the reader."""

    def test_a_cross_province_filing_on_the_national_start_day_is_the_national_procedures(self) -> None:
        """Cross-province direct settlement ran nationally from 2025-04-01: a filing made that day is the national
        procedure's, not a filing made under no procedure."""
        ruling = filing_validity(filing(treatment=GUANGDONG, filed_on=dt.date(2025, 4, 1)))
        assert ruling.outcome is Validity.NATIONAL_PROCEDURE
        says(ruling.reasons[0], "2025-04-01", "2025-08-01")

    def test_a_dated_national_filing_keeps_its_stated_dates_and_says_them(self) -> None:
        """Stated 2025-06-01 to 2025-12-01 on a filing of 2025-06-01: those are its validity, in both messages."""
        national = filing(
            treatment=GUANGDONG,
            filed_on=dt.date(2025, 6, 1),
            stated_valid_from=dt.date(2025, 6, 1),
            stated_valid_through=dt.date(2025, 12, 1),
        )
        ruling = filing_validity(national)
        assert (ruling.valid_from, ruling.valid_through) == (dt.date(2025, 6, 1), dt.date(2025, 12, 1))
        reason = ruling.reasons[0]
        says(reason, "2025-06-01", "2025-12-01")
        assert "早于本规程施行日2025-08-01" in reason.message_zh
        assert "before this procedure took effect on 2025-08-01" in reason.message_en
        assert "（备案表载明2025-06-01至2025-12-01）" in reason.message_zh
        assert "(the form states 2025-06-01 to 2025-12-01)" in reason.message_en

    def test_an_undated_national_filing_says_to_confirm_it_with_the_insured_place(self) -> None:
        """No dates stated: the reader is told to confirm the validity with the insured place."""
        reason = filing_validity(filing(treatment=GUANGDONG, filed_on=dt.date(2025, 6, 1))).reasons[0]
        assert "按国家规定（备案未载明有效期，须向参保地核实），不按第十三条计算" in reason.message_zh
        assert (
            "procedure's (the filing states none: confirm it with the insured place), not"
            in reason.message_en
        )

    def test_a_national_filing_after_the_procedure_says_it_came_after_the_last_day(self) -> None:
        """Filed 2027-08-01, after the last day 2027-07-31, in both languages."""
        reason = filing_validity(filing(treatment=GUANGDONG, filed_on=dt.date(2027, 8, 1))).reasons[0]
        assert "晚于本规程有效期末日2027-07-31" in reason.message_zh
        assert "after this procedure's last day 2027-07-31" in reason.message_en

    def test_an_intra_province_filing_before_the_procedure_says_intra_province_settlement_started_with_it(
        self,
    ) -> None:
        """Filed 2025-07-31: intra-province direct settlement starts on 2025-08-01, said in both languages."""
        reason = filing_validity(filing(filed_on=dt.date(2025, 7, 31))).reasons[0]
        says(reason, "2025-07-31", "2025-08-01")
        assert (
            "：省内异地就医直接结算自本规程施行日起实施，此前不存在省内异地直接结算备案，"
            in reason.message_zh
        )
        assert ": intra-province direct settlement starts on the day this procedure takes effect;" in (
            reason.message_en
        )

    def test_a_cross_province_filing_before_the_national_start_names_the_start_and_the_pilot(self) -> None:
        """Filed 2025-03-31: the national start 2025-04-01 and the pilot's 2024-04-01, in both languages."""
        reason = filing_validity(filing(treatment=GUANGDONG, filed_on=dt.date(2025, 3, 31))).reasons[0]
        says(reason, "2025-04-01", "2024-04-01")
        assert "试点城市的备案按试点规定办理，不由本规程判断，第十三条" in reason.message_zh
        assert "a pilot city's filing follows the pilot's rules, which this procedure does not decide;" in (
            reason.message_en
        )

    def test_the_explanation_of_a_validity_not_computed_says_so_on_its_own_line(self) -> None:
        """str() of a validity set by the insured province: the line says it is not computed here."""
        assert (
            "  valid: not computed here"
            in str(
                filing_validity(inbound_filing(stated_valid_from=None, stated_valid_through=None))
            ).splitlines()
        )


class TestValidityStatedOnTheForm:
    """SPEC: dates stated on the approved form govern; a difference from article 13 is noted, computed with the
    parameters the caller passed."""

    def test_stated_dates_equal_to_a_what_if_period_raise_no_note(self) -> None:
        """With 4-month referrals, 2025-09-01 to 2026-01-01 is exactly article 13's period: nothing to note."""
        four = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        stated = filing(stated_valid_from=FILED, stated_valid_through=dt.date(2026, 1, 1))
        assert "FILING_VALIDITY_DIFFERS_FROM_RULE" not in filing_validity(stated, parameters=four).codes

    def test_a_difference_names_the_filing_date_and_the_computed_last_day(self) -> None:
        """Stated through 2025-12-31, article 13 gives 2025-12-01 from 2025-09-01: both in both messages."""
        stated = filing(stated_valid_from=FILED, stated_valid_through=dt.date(2025, 12, 31))
        says(filing_validity(stated).reason("FILING_VALIDITY_DIFFERS_FROM_RULE"), "2025-09-01", "2025-12-01")

    def test_validity_of_something_that_is_not_a_filing_is_refused_naming_filing(self) -> None:
        """House rule: the error names ``filing`` and the type it got."""
        with pytest.raises(InvalidInputError) as caught:
            filing_validity("F-1")  # type: ignore[arg-type]
        assert caught.value.field == "filing" and caught.value.problem == "must be a Filing, got str"


class TestCoverageFactsConstruction:
    """The facts at the institution: a one-day stay is a stay; inconsistent facts are refused naming the field."""

    def test_a_stay_settled_on_its_admission_day_is_accepted(self) -> None:
        """Admitted and settled 2025-10-08: only a settlement before admission is refused."""
        same_day = facts(settled_on=dt.date(2025, 10, 8))
        assert filing_covers(same_day).outcome is Coverage.COVERED
        with pytest.raises(InvalidInputError) as caught:
            facts(settled_on=dt.date(2025, 10, 7))
        assert caught.value.field == "settled_on" and caught.value.problem == "must not be before admitted_on"

    def test_a_filing_of_another_worker_is_refused_naming_filing_insured(self) -> None:
        """The filing must be the worker's: a Zhuzhou filing for a Changsha worker is refused."""
        with pytest.raises(InvalidInputError) as caught:
            facts(filing=filing(insured=ZHUZHOU))
        assert caught.value.field == "filing.insured"
        assert caught.value.problem == "must be the worker's insured place"

    def test_device_fitting_care_for_medical_care_is_refused_naming_care(self) -> None:
        """A device fitting is the care of an assistive-device service only."""
        with pytest.raises(InvalidInputError) as caught:
            facts(care=CareType.DEVICE_FITTING)
        assert caught.value.field == "care"
        assert caught.value.problem == "DEVICE_FITTING is the care of an ASSISTIVE_DEVICE service only"


class TestComputedValidityReasons:
    """Art. 13 ¶1: the computed validity's reason says the category, the months, the filing day and the last
    valid day; the parameters passed give the months."""

    def test_a_referral_reason_says_3_months_from_the_filing_day_to_the_last_valid_day(self) -> None:
        """Filed 2025-09-01, a referral: 3 months, through 2025-12-01, in both languages."""
        reason = filing_validity(filing()).reason("FILING_VALIDITY_COMPUTED")
        says(reason, "2025-09-01", "2025-12-01")
        assert "3个月" in reason.message_zh and "3 months" in reason.message_en
        assert PersonCategory.REFERRAL.zh in reason.message_zh
        assert PersonCategory.REFERRAL.en in reason.message_en

    def test_a_what_if_period_is_computed_and_said(self) -> None:
        """With 4-month referrals the filing of 2025-09-01 runs through 2026-01-01, and the reason says 4 months."""
        four = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        ruling = filing_validity(filing(), parameters=four)
        assert ruling.valid_through == dt.date(2026, 1, 1)
        reason = ruling.reason("FILING_VALIDITY_COMPUTED")
        says(reason, "2026-01-01")
        assert "4个月" in reason.message_zh and "4 months" in reason.message_en

    def test_a_filing_running_past_the_procedure_names_its_last_day_and_the_procedures(self) -> None:
        """Filed 2027-03-01 for resident work: valid through 2027-09-01, past 2027-07-31."""
        ruling = filing_validity(filing(category=PersonCategory.RESIDENT_WORK, filed_on=dt.date(2027, 3, 1)))
        says(ruling.reason("FILING_RUNS_PAST_PROCEDURE_END"), "2027-09-01", "2027-07-31")

    def test_an_inbound_filing_without_dates_names_the_province_and_hunans_periods_it_does_not_use(
        self,
    ) -> None:
        """Xinjiang sets the validity, not Hunan's 3 and 6 months: the province and both periods in both messages."""
        ruling = filing_validity(inbound_filing(stated_valid_from=None, stated_valid_through=None))
        reason = ruling.reason("FILING_VALIDITY_BY_INSURED_PROVINCE")
        says(reason, "新疆维吾尔自治区")
        assert "3个月、6个月" in reason.message_zh and "3 and 6 months" in reason.message_en

    def test_a_difference_from_the_form_names_the_computed_last_day(self) -> None:
        """Stated through 2025-12-31: article 13 would give 2025-12-01."""
        stated = filing(stated_valid_from=FILED, stated_valid_through=dt.date(2025, 12, 31))
        reason = filing_validity(stated).reason("FILING_VALIDITY_DIFFERS_FROM_RULE")
        assert "有效至2025-12-01" in reason.message_zh and "through 2025-12-01" in reason.message_en


class TestFilingValidThroughBadInput:
    """House rule: ``filing_valid_through`` refuses bad input naming the field."""

    def test_a_filing_date_given_as_text_is_refused_naming_filing_date(self) -> None:
        """``filing_date`` must be a date."""
        with pytest.raises(InvalidInputError) as caught:
            filing_valid_through("2025-09-01", PersonCategory.REFERRAL)  # type: ignore[arg-type]
        assert caught.value.field == "filing_date"

    def test_a_category_given_as_text_is_refused_naming_category(self) -> None:
        """``category`` must be a PersonCategory member."""
        with pytest.raises(InvalidInputError) as caught:
            filing_valid_through(FILED, "REFERRAL")  # type: ignore[arg-type]
        assert caught.value.field == "category" and "'REFERRAL'" in caught.value.problem

    def test_a_filing_date_outside_the_procedure_is_refused_pointing_to_filing_validity(self) -> None:
        """Art. 36: 2025-07-31 gets no period from article 13; the error says where to look instead."""
        with pytest.raises(InvalidInputError) as caught:
            filing_valid_through(dt.date(2025, 7, 31), PersonCategory.REFERRAL)
        assert caught.value.field == "filing_date"
        assert caught.value.problem.endswith(
            "article 13 gives such a filing no validity; filing_validity() says what governs it"
        )


class TestFilingConstructionErrors:
    """A filing is refused naming the field when it contradicts the forms (annexes 1, 2) or article 3."""

    def test_a_medical_filing_listing_devices_is_refused(self) -> None:
        """Only an annex-2 (assistive device) filing lists devices."""
        with pytest.raises(InvalidInputError) as caught:
            filing(devices=(Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("1.00")),))
        assert caught.value.field == "devices"
        assert caught.value.problem == "only an ASSISTIVE_DEVICE filing (annex 2) lists devices"

    def test_a_device_filing_without_devices_is_refused(self) -> None:
        """Annex 2 note 6: each device is listed with its years and maximum payment."""
        with pytest.raises(InvalidInputError) as caught:
            filing(service=ServiceKind.ASSISTIVE_DEVICE)
        assert caught.value.field == "devices"
        assert caught.value.problem == "an ASSISTIVE_DEVICE filing lists its devices (annex 2 note 6)"

    def test_devices_not_in_a_tuple_are_refused_naming_devices(self) -> None:
        """``devices`` is a tuple of Device."""
        with pytest.raises(InvalidInputError) as caught:
            filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=["轮椅"])
        assert (
            caught.value.field == "devices" and caught.value.problem == "must be a tuple of Device, got list"
        )

    def test_a_device_that_is_not_a_device_is_refused_naming_its_position(self) -> None:
        """The second entry is text: the error names ``devices[1]``."""
        wheelchair = Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("1.00"))
        with pytest.raises(InvalidInputError) as caught:
            filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=(wheelchair, "拐杖"))
        assert caught.value.field == "devices[1]" and caught.value.problem == "must be a Device, got str"

    def test_a_device_named_twice_is_refused(self) -> None:
        """Annex 2 lists each device once with its limit: two wheelchairs are ambiguous."""
        wheelchair = Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("1.00"))
        with pytest.raises(InvalidInputError) as caught:
            filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=(wheelchair, wheelchair))
        assert caught.value.field == "devices" and caught.value.problem == "names a device twice"

    def test_an_empty_set_of_institutions_is_refused(self) -> None:
        """None means any institution; an empty set would mean none."""
        with pytest.raises(InvalidInputError) as caught:
            filing(institution_codes=frozenset())
        assert caught.value.field == "institution_codes"
        assert caught.value.problem == "must be None (any institution) or a non-empty frozenset of codes"

    def test_a_filing_within_one_city_is_refused_naming_treatment(self) -> None:
        """Art. 3 ¶1: Changsha to a Changsha district is not out of area: there is no filing to make."""
        with pytest.raises(InvalidInputError) as caught:
            filing(treatment=YUELU)
        assert caught.value.field == "treatment"
        assert "(LOCAL)" in caught.value.problem
        assert caught.value.problem.endswith(
            "one city and provincial-level care out of out-of-area management, and article 2 governs Hunan only"
        )

    def test_one_stated_date_alone_is_refused(self) -> None:
        """The approved form states validity from and to: both or neither."""
        with pytest.raises(InvalidInputError) as caught:
            filing(stated_valid_from=FILED)
        assert caught.value.field == "stated_valid_through"
        assert caught.value.problem == "give both stated validity dates or neither"

    def test_a_one_day_stated_validity_is_accepted_and_a_reversed_one_refused(self) -> None:
        """From 2025-09-01 to 2025-09-01 is one valid day; to 2025-08-31 is before it starts."""
        one_day = filing(stated_valid_from=FILED, stated_valid_through=FILED)
        assert filing_validity(one_day).valid_through == FILED
        with pytest.raises(InvalidInputError) as caught:
            filing(stated_valid_from=FILED, stated_valid_through=dt.date(2025, 8, 31))
        assert caught.value.field == "stated_valid_through"
        assert caught.value.problem == "must not be before stated_valid_from"


class TestValidityShown:
    """str() of a validity ruling, what a person reads: both days, or that this library does not compute them."""

    def test_a_computed_validity_shows_both_days(self) -> None:
        """Art. 13 ¶1: a referral filed 2025-09-01 is valid through 2025-12-01."""
        assert f"  valid: 2025-09-01 to {LAST_VALID_DAY}" in str(filing_validity(filing())).splitlines()

    def test_a_ruling_with_one_day_given_reads_as_not_computed(self) -> None:
        """A hand-built ruling with only its first (or only its last) day: str() says not computed, and never
        fails on the missing day."""
        for start, through in ((FILED, None), (None, LAST_VALID_DAY)):
            ruling = ValidityRuling(
                outcome=Validity.COMPUTED, reasons=(), valid_from=start, valid_through=through
            )
            assert "  valid: not computed here" in str(ruling).splitlines()


class TestFindingsAddUp:
    """The coverage conditions are gathered group by group (``Findings``: failed, national, manual, possible,
    passed) and added in order: no group is lost in a sum, whichever side holds it."""

    def test_every_group_of_both_sides_is_kept_in_order(self) -> None:
        """Two findings, each with one reason in every group: the sum has both, left first, in every group."""
        left, right = (
            Findings(
                failed=(COVERAGE_NO_FILING.make(),),
                national=(COVERAGE_NO_FILING.make(),),
                manual=(COVERAGE_NO_FILING.make(),),
                possible=(COVERAGE_NO_FILING.make(),),
                passed=(COVERAGE_NO_FILING.make(),),
            )
            for _ in range(2)
        )
        total = left + right
        for group in ("failed", "national", "manual", "possible", "passed"):
            assert getattr(total, group) == (*getattr(left, group), *getattr(right, group)), group
            assert len(getattr(total, group)) == 2, group

    def test_a_national_finding_on_either_side_survives_the_sum(self) -> None:
        """Art. 36: the national procedure's reason is kept whether it comes first or second."""
        national = Findings(national=(COVERAGE_NO_FILING.make(),))
        assert (national + Findings()).national == national.national
        assert (Findings() + national).national == national.national

    def test_the_flags_are_kept_if_either_side_sets_them(self) -> None:
        """A refund (art. 12 ¶3) or a back-filing (art. 12 ¶2, ¶3) on either side holds for the sum."""
        assert (Findings(refund=True) + Findings()).refund and (Findings() + Findings(refund=True)).refund
        assert (Findings(back_filed=True) + Findings()).back_filed
        assert (Findings() + Findings(back_filed=True)).back_filed
        assert not (Findings() + Findings()).refund and not (Findings() + Findings()).back_filed
