"""Chapter 3 at its boundaries: tests written to kill the settlement module's surviving mutants.

Each test says what the article (or SPEC.md's reading of it) demands: a device bill exactly at its maximum payment,
a replacement exactly when the minimum service years are reached, a previous fitting on the admission day, a stay
that straddles the procedure's first day, the parameters a caller passes, and the particulars a reader acts on
(an amount, a date, a device, an institution), which must appear in both the Chinese and the English message.
docs/mutation.md names the mutants they kill. Only facade names are used, so the tests keep working whatever
module the rules move to.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import builders
import pytest
from builders import ID, filing, line, says

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    AgencyRole,
    AllowanceHandling,
    CareType,
    CatalogSource,
    CostKind,
    CostLine,
    Credential,
    Device,
    Episode,
    Institution,
    InstitutionRegistry,
    InstitutionStatus,
    InvalidInputError,
    LineKind,
    ManualClaim,
    PersonCategory,
    Scope,
    ServiceKind,
    Settlement,
    SettlementRecord,
    SettlementRuling,
    StatusChange,
    check_manual_claim,
    decide_settlement,
    place,
    reconcile_month,
)

CHANGSHA, YUELU, ZHUZHOU, XIANGTAN, XIANGXIANG = (
    place(code) for code in ("430100", "430104", "430200", "430300", "430381")
)
GUANGDONG, XINJIANG = place("440000"), place("650000")
PROVINCIAL_LEVEL = place("省本级")

ALL_SERVICES = frozenset(ServiceKind)


def institution(code: str, where: object, *changes: tuple[dt.date, InstitutionStatus]) -> Institution:
    """An agreement institution providing every service, listed from 2025-04-01 unless ``changes`` say more."""
    history = changes or ((dt.date(2025, 4, 1), InstitutionStatus.ADDED),)
    return Institution(
        code=code,
        name=f"医院{code}",
        place=where,  # type: ignore[arg-type]
        services=ALL_SERVICES,
        history=tuple(StatusChange(on=on, status=status) for on, status in history),
    )


REGISTRY = InstitutionRegistry(
    institutions=(
        institution("H-ZZ", ZHUZHOU),
        institution("H-XX", XIANGXIANG),
        institution("H-GD", GUANGDONG),
        institution("H-CS", CHANGSHA),
        institution(
            "H-SUS",
            ZHUZHOU,
            (dt.date(2025, 4, 1), InstitutionStatus.ADDED),
            (dt.date(2025, 10, 1), InstitutionStatus.SUSPENDED),
        ),
    )
)

WHEELCHAIR = Device(name="wheelchair", minimum_service_years=3, maximum_payment=Decimal("2000.00"))
WALKER = Device(name="walker", minimum_service_years=2, maximum_payment=Decimal("500.00"))


def device(name: str, amount: str, **kw: object) -> CostLine:
    """A device line naming its device."""
    return line(LineKind.ASSISTIVE_DEVICE, amount, device_name=name, **kw)


def episode(**kw: object) -> Episode:
    """The shared stay (:func:`builders.episode`) at H-ZZ in Zhuzhou, this module's registry, with the
    social security card."""
    values: dict[str, object] = {"institution_code": "H-ZZ", "credential": Credential.SOCIAL_SECURITY_CARD}
    values.update(kw)
    return builders.episode(**values)


def fitting(*lines: CostLine, devices: tuple[Device, ...] = (WHEELCHAIR, WALKER), **kw: object) -> Episode:
    """A filed intra-province device fitting at H-XX (Xiangxiang, so Xiangtan) on 2025-09-10."""
    values: dict[str, object] = {
        "institution_code": "H-XX",
        "care": CareType.DEVICE_FITTING,
        "service": ServiceKind.ASSISTIVE_DEVICE,
        "started_on": dt.date(2025, 9, 10),
        "settled_on": None,
        "lines": lines,
        "filing": filing(treatment=XIANGTAN, service=ServiceKind.ASSISTIVE_DEVICE, devices=devices),
    }
    values.update(kw)
    return episode(**values)


def decide(e: Episode, **kw: object) -> SettlementRuling:
    """The settlement decision against :data:`REGISTRY`."""
    return decide_settlement(e, registry=REGISTRY, **kw)  # type: ignore[arg-type]


def shares(ruling: SettlementRuling) -> tuple[Decimal | None, Decimal | None]:
    """(fund, worker)."""
    return ruling.fund_share, ruling.worker_share


# --- article 19: devices within the filed list and its limit -------------------------------------------------


class TestDeviceLimit:
    """Art. 19: the fund pays what lies within the filed device list and its maximum payment; the rest is the
    worker's."""

    def test_a_device_bill_exactly_at_its_maximum_payment_is_within_the_limit(self) -> None:
        """2,000.00 yuan for a wheelchair whose maximum payment is 2,000.00: all paid, nothing over the limit."""
        ruling = decide(fitting(device("wheelchair", "2000.00")))
        assert ruling.outcome is Settlement.DIRECT
        assert shares(ruling) == (Decimal("2000.00"), Decimal("0.00"))
        assert "DEVICE_OVER_LIMIT" not in ruling.codes
        says(ruling.reason("DEVICE_WITHIN_LIMIT"), "wheelchair", "2000.00")

    def test_a_device_bill_a_fen_over_its_maximum_pays_the_maximum(self) -> None:
        """2,000.01 yuan: the fund pays 2,000.00, the worker 0.01; over the limit, not within it."""
        ruling = decide(fitting(device("wheelchair", "2000.01")))
        assert shares(ruling) == (Decimal("2000.00"), Decimal("0.01"))
        assert "DEVICE_OVER_LIMIT" in ruling.codes and "DEVICE_WITHIN_LIMIT" not in ruling.codes

    def test_a_device_over_its_maximum_names_the_amount_the_limit_and_the_excess(self) -> None:
        """3,500.00 yuan of a 2,000.00 limit: the worker pays the excess of 1,500.00, named in both messages."""
        ruling = decide(fitting(device("wheelchair", "3500.00")))
        assert shares(ruling) == (Decimal("2000.00"), Decimal("1500.00"))
        reason = ruling.reason("DEVICE_OVER_LIMIT")
        says(reason, "wheelchair", "3500.00", "2000.00")
        assert "超出部分1500.00元" in reason.message_zh and "excess of 1500.00 yuan" in reason.message_en

    def test_a_device_within_its_limit_names_what_the_fund_pays_and_the_limit(self) -> None:
        """1,200.00 yuan of a 2,000.00 limit: the fund pays 1,200.00; both figures in both messages."""
        ruling = decide(fitting(device("wheelchair", "1200.00")))
        assert shares(ruling) == (Decimal("1200.00"), Decimal("0.00"))
        says(ruling.reason("DEVICE_WITHIN_LIMIT"), "1200.00", "2000.00")

    def test_a_wholly_compliant_device_has_no_non_compliant_part(self) -> None:
        """Every line compliant: no reason says part of it is outside the catalog."""
        assert "DEVICE_NON_COMPLIANT" not in decide(fitting(device("wheelchair", "1200.00"))).codes

    def test_the_non_compliant_part_of_a_device_is_the_workers_and_is_named(self) -> None:
        """300.00 of 1,500.00 not compliant: the fund pays 1,200.00; the reason names the device and 300.00."""
        ruling = decide(
            fitting(device("wheelchair", "1200.00"), device("wheelchair", "300.00", compliant=False))
        )
        assert shares(ruling) == (Decimal("1200.00"), Decimal("300.00"))
        says(ruling.reason("DEVICE_NON_COMPLIANT"), "wheelchair", "300.00")

    def test_a_device_not_filed_is_the_workers_and_the_next_device_is_still_paid(self) -> None:
        """A cushion not on the filed list, then a walker on it: the cushion is the worker's, the walker paid."""
        ruling = decide(fitting(device("cushion", "100.00"), device("walker", "400.00")))
        says(ruling.reason("DEVICE_NOT_FILED"), "cushion")
        assert shares(ruling) == (Decimal("400.00"), Decimal("100.00"))

    def test_the_shares_add_up_over_every_device(self) -> None:
        """A walker over its limit (600.00 of 500.00), a wheelchair within it (1,200.00) and a zimmer frame not
        filed (100.00): the fund pays 500.00 + 1,200.00, the worker 100.00 + 100.00."""
        ruling = decide(
            fitting(
                device("walker", "600.00"), device("wheelchair", "1200.00"), device("zimmer frame", "100.00")
            )
        )
        assert shares(ruling) == (Decimal("1700.00"), Decimal("200.00"))
        assert ruling.fund_share + ruling.worker_share == ruling.bill  # type: ignore[operator]

    def test_a_device_replaced_too_early_adds_to_what_the_worker_already_pays(self) -> None:
        """A walker over its limit (the worker pays 100.00), then a wheelchair replaced too early (1,200.00)."""
        ruling = decide(
            fitting(
                device("walker", "600.00"),
                device("wheelchair", "1200.00", previous_fitting_on=dt.date(2024, 9, 10)),
            )
        )
        assert shares(ruling) == (Decimal("500.00"), Decimal("1300.00"))


class TestDeviceReplacement:
    """Art. 19 with the reading that a replacement before the minimum service years is outside the standard; the
    years count as 12 months each, and the period is reached on its last day (periods per 民法典 201, 202)."""

    def test_a_replacement_on_the_day_the_service_years_are_reached_is_paid(self) -> None:
        """Last fitted 2022-09-10, 3 years: reached on 2025-09-10, the fitting day: paid."""
        ruling = decide(fitting(device("wheelchair", "1200.00", previous_fitting_on=dt.date(2022, 9, 10))))
        assert "DEVICE_REPLACED_TOO_EARLY" not in ruling.codes
        assert ruling.fund_share == Decimal("1200.00")

    def test_a_replacement_a_day_early_is_the_workers_and_the_reason_gives_the_dates(self) -> None:
        """Last fitted 2022-09-11: the 3 years are reached only on 2025-09-11; the worker pays it all."""
        ruling = decide(fitting(device("wheelchair", "1200.00", previous_fitting_on=dt.date(2022, 9, 11))))
        assert shares(ruling) == (Decimal("0.00"), Decimal("1200.00"))
        says(ruling.reason("DEVICE_REPLACED_TOO_EARLY"), "wheelchair", "2022-09-11", "3", "2025-09-11")

    def test_the_latest_previous_fitting_decides(self) -> None:
        """Two lines of one device naming fittings of 2022-01-05 and 2023-03-31: the latter is the last fitting."""
        ruling = decide(
            fitting(
                device("wheelchair", "600.00", previous_fitting_on=dt.date(2022, 1, 5)),
                device("wheelchair", "600.00", previous_fitting_on=dt.date(2023, 3, 31)),
            )
        )
        says(ruling.reason("DEVICE_REPLACED_TOO_EARLY"), "2023-03-31", "2026-03-31")

    def test_a_replacement_too_early_does_not_stop_the_next_device(self) -> None:
        """A walker replaced too early (worker pays) and a wheelchair first fitted: the wheelchair is paid."""
        ruling = decide(
            fitting(
                device("walker", "400.00", previous_fitting_on=dt.date(2024, 9, 10)),
                device("wheelchair", "1000.00"),
            )
        )
        assert shares(ruling) == (Decimal("1000.00"), Decimal("400.00"))

    def test_a_previous_fitting_on_the_fitting_day_is_refused(self) -> None:
        """A previous fitting must be before this one: the same day is refused, naming the line; the day before
        is accepted (and a replacement after one day is too early)."""
        with pytest.raises(InvalidInputError) as caught:
            fitting(device("wheelchair", "100.00", previous_fitting_on=dt.date(2025, 9, 10)))
        assert caught.value.field == "lines[0].previous_fitting_on"
        day_before = fitting(device("wheelchair", "100.00", previous_fitting_on=dt.date(2025, 9, 9)))
        assert "DEVICE_REPLACED_TOO_EARLY" in decide(day_before).codes


# --- article 36: the settlement date, and the parameters passed ---------------------------------------------


class TestSettlementDateAndParameters:
    """Art. 36 judged on the settlement date (a reading, said whenever it decides); a what-if table is used."""

    def test_a_stay_straddling_the_first_day_says_it_is_judged_on_the_settlement_date(self) -> None:
        """Admitted 2025-07-28, settled 2025-08-05 (intra-province from 2025-08-01): the reading is stated with
        the settlement date."""
        ruling = decide(episode(started_on=dt.date(2025, 7, 28), settled_on=dt.date(2025, 8, 5)))
        says(ruling.reason("SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE"), "2025-08-05")

    def test_a_stay_within_the_procedure_does_not_state_the_reading(self) -> None:
        """Admitted 2025-09-01, settled 2025-09-10: both days in force; the reading decides nothing."""
        assert "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE" not in decide(episode()).codes

    def test_a_what_if_first_day_makes_a_stay_straddle_it(self) -> None:
        """A table in which the procedure starts 2025-09-05: the stay of 2025-09-01 to 09-10 straddles it."""
        later = attrs.evolve(DEFAULT_PARAMETERS, in_force_from=dt.date(2025, 9, 5))
        ruling = decide(episode(filing=filing(filed_on=dt.date(2025, 9, 5))), parameters=later)
        assert "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE" in ruling.codes

    def test_a_what_if_last_day_puts_the_settlement_out_of_force(self) -> None:
        """A table in which the procedure ends 2025-09-05: a stay settled 2025-09-10 is not in force."""
        short = attrs.evolve(DEFAULT_PARAMETERS, in_force_through=dt.date(2025, 9, 5))
        ruling = decide(episode(), parameters=short)
        assert ruling.outcome is Settlement.NOT_IN_FORCE
        says(ruling.reason("SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE"), "2025-09-10")

    def test_a_what_if_validity_passed_as_a_parameter_covers_a_later_stay(self) -> None:
        """A referral filed 2025-08-15 is valid 3 months (through 2025-11-15); with 4-month referrals a stay
        admitted 2025-12-01 is covered."""
        four = attrs.evolve(DEFAULT_PARAMETERS, referral_validity_months=4)
        late = episode(
            filing=filing(category=PersonCategory.REFERRAL),
            started_on=dt.date(2025, 12, 1),
            settled_on=dt.date(2025, 12, 5),
        )
        assert decide(late).outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert decide(late, parameters=four).outcome is Settlement.DIRECT

    def test_a_what_if_table_that_admits_cross_province_outpatient_care_settles_it(self) -> None:
        """Art. 5 excludes cross-province outpatient costs 'for now': a table lifting it settles one directly."""
        lifted = attrs.evolve(DEFAULT_PARAMETERS, cross_province_outpatient_excluded=False)
        visit = episode(
            filing=filing(treatment=GUANGDONG),
            institution_code="H-GD",
            care=CareType.OUTPATIENT,
            settled_on=None,
        )
        assert decide(visit).outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_CROSS_PROVINCE_OUTPATIENT" in decide(visit).codes
        assert decide(visit, parameters=lifted).outcome is Settlement.DIRECT


# --- the figures of a ruling that does not split the bill, and of one that does ------------------------------


class TestUnsplitRulings:
    """Where this procedure does not split the bill, the ruling still says the scope and the whole bill."""

    def test_local_care_carries_its_scope_and_the_whole_bill(self) -> None:
        """Art. 3 ¶1: a Changsha worker at H-CS in Changsha: local care, the bill 1,500.50, not split."""
        ruling = decide(episode(institution_code="H-CS", filing=None))
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert (ruling.scope, ruling.bill) == (Scope.LOCAL, Decimal("1500.50"))
        assert shares(ruling) == (None, None)
        assert ruling.outside_direct_settlement is None and ruling.refund_to_worker is None

    def test_a_case_not_in_force_carries_its_scope_and_the_whole_bill(self) -> None:
        """Art. 36: settled 2027-08-02, after the last day: not in force, the bill 1,500.50, not split."""
        ruling = decide(episode(started_on=dt.date(2027, 7, 20), settled_on=dt.date(2027, 8, 2)))
        assert ruling.outcome is Settlement.NOT_IN_FORCE
        assert (ruling.scope, ruling.bill) == (Scope.INTRA_PROVINCE, Decimal("1500.50"))
        assert shares(ruling) == (None, None)

    def test_a_case_between_two_other_provinces_is_not_governed_with_its_bill(self) -> None:
        """Art. 2: a Xinjiang worker in Guangdong: not governed, the bill kept whole."""
        ruling = decide(episode(insured=XINJIANG, institution_code="H-GD", filing=None))
        assert ruling.outcome is Settlement.NOT_GOVERNED
        assert (ruling.scope, ruling.bill) == (Scope.NOT_GOVERNED, Decimal("1500.50"))

    def test_an_unknown_institution_without_a_place_is_not_payable_and_named(self) -> None:
        """Art. 14 ¶1: code H-NONE is not in the registry and no place is given: named in both messages."""
        ruling = decide(episode(institution_code="H-NONE"))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.scope is None and ruling.bill == Decimal("1500.50")
        says(ruling.reason("SETTLEMENT_INSTITUTION_UNKNOWN"), "H-NONE")


class TestDirectFigures:
    """Arts. 5, 12 ¶3, 17: what the fund pays, what the worker pays, and what lies outside direct settlement."""

    def test_a_stay_without_allowances_has_no_meal_or_travel_ruling(self) -> None:
        """No meal-allowance or travel line: no ruling on either, nothing outside direct settlement."""
        ruling = decide(episode())
        assert ruling.meal_allowance is None
        assert not {c for c in ruling.codes if c.startswith(("MEAL_", "TRAVEL_"))}
        assert ruling.outside_direct_settlement == Decimal("0.00")

    def test_a_covered_stay_refunds_nothing(self) -> None:
        """Filed before admission: the worker advanced nothing, so nothing is refunded (art. 12 ¶3 does not
        apply)."""
        ruling = decide(episode())
        assert ruling.refund_to_worker == Decimal("0.00")
        assert "SETTLEMENT_REFUND_TO_WORKER" not in ruling.codes

    def test_a_refund_after_recognition_names_the_amount(self) -> None:
        """Art. 12 ¶3: paid at discharge on 2025-08-25, back-filed 2025-09-01: the fund's share is refunded."""
        ruling = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 9, 1)),
                started_on=dt.date(2025, 8, 10),
                settled_on=dt.date(2025, 8, 25),
                recognition_pending_at_admission=True,
            )
        )
        assert ruling.outcome is Settlement.DIRECT
        assert ruling.refund_to_worker == Decimal("1500.50")
        says(ruling.reason("SETTLEMENT_REFUND_TO_WORKER"), "1500.50")

    def test_non_compliant_lines_are_the_workers_and_named(self) -> None:
        """Art. 5: 200.00 of drugs outside the catalog: the worker pays them; the amount in both messages."""
        ruling = decide(episode(lines=(line(), line(LineKind.DRUG, "200.00", compliant=False))))
        assert shares(ruling) == (Decimal("1000.00"), Decimal("200.00"))
        says(ruling.reason("SETTLEMENT_NON_COMPLIANT_LINES"), "200.00")

    def test_an_outbound_direct_settlement_names_the_treatment_province(self) -> None:
        """Art. 25 ¶1: settled in Guangdong, transferred to it: the province named in both messages."""
        ruling = decide(episode(filing=filing(treatment=GUANGDONG), institution_code="H-GD"))
        assert ruling.outcome is Settlement.DIRECT
        says(ruling.reason("SETTLEMENT_DIRECT_OUTBOUND"), "广东省")

    def test_an_inbound_direct_settlement_names_the_insured_province(self) -> None:
        """Art. 25 ¶2: a Xinjiang worker in Changsha: charged to Xinjiang's fund, named in both messages."""
        inbound = filing(
            insured=XINJIANG,
            treatment=CHANGSHA,
            stated_valid_from=dt.date(2025, 8, 15),
            stated_valid_through=dt.date(2026, 2, 15),
        )
        ruling = decide(episode(insured=XINJIANG, filing=inbound, institution_code="H-CS"))
        assert ruling.outcome is Settlement.DIRECT
        says(ruling.reason("SETTLEMENT_DIRECT_INBOUND"), "新疆维吾尔自治区")

    def test_the_credential_presented_is_named(self) -> None:
        """Art. 16: the worker's social security card, in each language's words."""
        reason = decide(episode()).reason("SETTLEMENT_CREDENTIAL_PRESENTED")
        assert Credential.SOCIAL_SECURITY_CARD.zh in reason.message_zh
        assert Credential.SOCIAL_SECURITY_CARD.en in reason.message_en


class TestInstitutionOnTheSettlementDate:
    """Art. 14 ¶2: whether the institution can settle is judged on the settlement date, and the reason says when
    and why not."""

    def test_an_institution_suspended_before_discharge_names_itself_the_day_and_the_status(self) -> None:
        """H-SUS suspended from 2025-10-01: a stay settled that day is not payable directly."""
        ruling = decide(
            episode(
                institution_code="H-SUS", started_on=dt.date(2025, 9, 20), settled_on=dt.date(2025, 10, 1)
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        reason = ruling.reason("SETTLEMENT_INSTITUTION_NOT_AVAILABLE")
        says(reason, "医院H-SUS (H-SUS)", "2025-10-01")
        assert "不能直接结算就医（协议中止）" in reason.message_zh
        assert "could not settle medical care directly" in reason.message_en
        assert "(agreement suspended)" in reason.message_en
        says(ruling.reason("SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE"), "2025-10-01")

    def test_a_visit_settled_on_its_day_has_no_settlement_date_note(self) -> None:
        """An outpatient visit settled the day it is made: nothing to say about a later settlement date."""
        ruling = decide(episode(care=CareType.OUTPATIENT, settled_on=None))
        assert "SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE" not in ruling.codes


# --- article 22: the duplicate check, and the records it reads ------------------------------------------------


def record(**kw: object) -> SettlementRecord:
    """A direct settlement of the worker at H-ZZ, 2025-09-01 to 2025-09-10 (intra-province)."""
    values: dict[str, object] = {
        "settlement_id": "S-1",
        "identity_number": ID,
        "institution_code": "H-ZZ",
        "insured": CHANGSHA,
        "treatment": ZHUZHOU,
        "started_on": dt.date(2025, 9, 1),
        "ended_on": dt.date(2025, 9, 10),
        "bill": Decimal("1500.50"),
        "fund_share": Decimal("1500.50"),
    }
    values.update(kw)
    return SettlementRecord(**values)  # type: ignore[arg-type]


def claim(**kw: object) -> ManualClaim:
    """The worker's manual claim at H-ZZ for drugs and medical items, 2025-09-05 to 2025-09-12."""
    values: dict[str, object] = {
        "identity_number": ID,
        "institution_code": "H-ZZ",
        "started_on": dt.date(2025, 9, 5),
        "ended_on": dt.date(2025, 9, 12),
        "kinds": frozenset({LineKind.MEDICAL_ITEM, LineKind.DRUG}),
    }
    values.update(kw)
    return ManualClaim(**values)  # type: ignore[arg-type]


class TestDuplicateCheckParticulars:
    """Art. 22 ¶1: the insured place checks the claim against the settlements; the reason names the settlements
    and the kinds of cost, each list in each language's own separator."""

    def test_a_duplicate_of_two_settlements_names_both_and_the_kinds(self) -> None:
        """Two settlements overlap a claim for drugs and medical items: both ids, and both kinds, in both messages."""
        ruling = check_manual_claim(
            claim(),
            [
                record(),
                record(settlement_id="S-2", started_on=dt.date(2025, 9, 11), ended_on=dt.date(2025, 9, 12)),
            ],
        )
        assert ruling.duplicates == ("S-1", "S-2")
        reason = ruling.reasons[0]
        says(reason, "S-1、S-2")
        assert "药品、诊疗项目" in reason.message_zh and "drug, medical item" in reason.message_en

    def test_a_claim_outside_direct_settlement_names_the_kinds_and_the_settlements(self) -> None:
        """Art. 17 ¶3: a Changsha worker's meal allowance and travel in Guangdong are reimbursed at home: no
        duplicate of GD-1 or GD-2, said with the kinds."""
        cross = [
            record(settlement_id=sid, treatment=GUANGDONG, institution_code="H-GD")
            for sid in ("GD-1", "GD-2")
        ]
        allowances = claim(
            institution_code="H-GD", kinds=frozenset({LineKind.MEAL_ALLOWANCE, LineKind.TRAVEL_AND_LODGING})
        )
        ruling = check_manual_claim(allowances, cross)
        assert ruling.codes == {"MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT"}
        reason = ruling.reasons[0]
        says(reason, "GD-1、GD-2")
        assert "住院伙食补助费、交通食宿费" in reason.message_zh
        assert "inpatient meal allowance, travel and lodging" in reason.message_en

    def test_no_overlap_names_the_institution_and_the_claimed_period(self) -> None:
        """A settlement ending the day before the claim starts is no duplicate; the check names what it checked."""
        ruling = check_manual_claim(claim(), [record(ended_on=dt.date(2025, 9, 4))])
        assert ruling.codes == {"MANUAL_CLAIM_NO_DUPLICATE"}
        says(ruling.reasons[0], "H-ZZ", "2025-09-05", "2025-09-12")

    def test_a_settlement_ending_on_the_claims_first_day_overlaps_it(self) -> None:
        """The two periods share 2025-09-05: the drugs of that day were settled directly."""
        assert check_manual_claim(claim(), [record(ended_on=dt.date(2025, 9, 5))]).duplicates == ("S-1",)


class TestDuplicateCheckBadInput:
    """House rule: bad input is refused naming the field (and the position) and what it got."""

    def test_a_claim_that_is_not_a_claim_is_refused(self) -> None:
        """``claim`` must be a ManualClaim."""
        with pytest.raises(InvalidInputError) as caught:
            check_manual_claim("c", [])  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("claim", "must be a ManualClaim, got str")

    def test_settlements_that_are_not_iterable_are_refused(self) -> None:
        """``settlements`` must be an iterable of records (text is not)."""
        with pytest.raises(InvalidInputError) as caught:
            check_manual_claim(claim(), None)  # type: ignore[arg-type]
        assert caught.value.field == "settlements"
        assert caught.value.problem == "must be an iterable of SettlementRecord, got NoneType"

    def test_a_record_that_is_not_a_record_is_refused_naming_its_position(self) -> None:
        """The second item is text: ``settlements[1]``."""
        with pytest.raises(InvalidInputError) as caught:
            check_manual_claim(claim(), [record(), "S-2"])  # type: ignore[list-item]
        assert caught.value.field == "settlements[1]"
        assert caught.value.problem == "must be a SettlementRecord, got str"

    def test_a_claim_ending_before_it_starts_is_refused(self) -> None:
        """A one-day claim is a claim; one ending the day before it starts is not."""
        assert claim(ended_on=dt.date(2025, 9, 5)).ended_on == dt.date(2025, 9, 5)
        with pytest.raises(InvalidInputError) as caught:
            claim(ended_on=dt.date(2025, 9, 4))
        assert (caught.value.field, caught.value.problem) == ("ended_on", "must not be before started_on")

    def test_the_kinds_claimed_must_be_a_non_empty_set_of_line_kinds(self) -> None:
        """Nothing claimed, or a kind given as text, is refused naming ``kinds``."""
        with pytest.raises(InvalidInputError) as caught:
            claim(kinds=frozenset())
        assert caught.value.field == "kinds"
        assert caught.value.problem == "must be a non-empty frozenset of LineKind members"
        with pytest.raises(InvalidInputError) as caught:
            claim(kinds=frozenset({"DRUG"}))
        assert (caught.value.field, caught.value.problem) == (
            "kinds",
            "must hold LineKind members only, got str",
        )

    def test_a_record_ending_before_it_starts_or_paying_more_than_the_bill_is_refused(self) -> None:
        """A fund share equal to the bill is a record; one above it is not; nor is an end before the start."""
        assert record(fund_share=Decimal("1500.50")).fund_share == record().bill
        with pytest.raises(InvalidInputError) as caught:
            record(fund_share=Decimal("1500.51"))
        assert (caught.value.field, caught.value.problem) == ("fund_share", "must not exceed the bill")
        with pytest.raises(InvalidInputError) as caught:
            record(ended_on=dt.date(2025, 8, 31))
        assert (caught.value.field, caught.value.problem) == ("ended_on", "must not be before started_on")


class TestRecordsReadByTheFundRules:
    """The records the later chapters read (art. 21's reconciliation, here) are checked where they come in: a
    tuple of records with distinct settlement ids, a bad one named by its position."""

    def test_records_not_in_a_tuple_are_refused(self) -> None:
        """A list is refused, naming ``settlements``."""
        with pytest.raises(InvalidInputError) as caught:
            reconcile_month(2025, 9, [record()])  # type: ignore[arg-type]
        assert caught.value.field == "settlements"
        assert caught.value.problem == "must be a tuple of SettlementRecord, got list"

    def test_a_record_that_is_not_a_record_is_refused_naming_its_position(self) -> None:
        """``settlements[1]`` is text."""
        with pytest.raises(InvalidInputError) as caught:
            reconcile_month(2025, 9, (record(), "S-2"))  # type: ignore[arg-type]
        assert caught.value.field == "settlements[1]"
        assert caught.value.problem == "must be a SettlementRecord, got str"

    def test_a_settlement_id_used_twice_is_refused_naming_both_positions(self) -> None:
        """Two records S-1: the second is named, with the first's position."""
        with pytest.raises(InvalidInputError) as caught:
            reconcile_month(2025, 9, (record(), record(ended_on=dt.date(2025, 9, 20))))
        assert caught.value.field == "settlements[1].settlement_id"
        assert caught.value.problem == (
            "'S-1' is already the id of settlements[0]: settlement ids must be unique"
        )

    def test_distinct_records_are_read(self) -> None:
        """Two records with their own ids are reconciled: the month's fund shares add up."""
        ruling = reconcile_month(
            2025, 9, (record(), record(settlement_id="S-2", fund_share=Decimal("1000.00")))
        )
        assert ruling.settled == Decimal("2500.50")


class TestExplanation:
    """str() of a ruling, what a person reads: the scope (or that it is unknown), the outside-settlement total and
    any refund."""

    def test_an_unknown_institution_is_said_to_be_unknown(self) -> None:
        """Not in the registry and no place given."""
        lines = str(decide(episode(institution_code="H-NONE"))).splitlines()
        assert "  scope: unknown (institution not in the registry)" in lines

    def test_a_known_scope_is_named(self) -> None:
        """Changsha to Zhuzhou: intra-province."""
        assert "  scope: INTRA_PROVINCE" in str(decide(episode())).splitlines()

    def test_the_meal_allowance_sent_home_and_a_refund_are_shown(self) -> None:
        """A cross-province meal allowance of 120.00 lies outside; a refund after recognition is shown."""
        outbound = episode(
            filing=filing(treatment=GUANGDONG),
            institution_code="H-GD",
            lines=(line(), line(LineKind.MEAL_ALLOWANCE, "120.00")),
        )
        assert "  outside direct settlement: 120.00" in str(decide(outbound)).splitlines()
        refunded = episode(
            filing=filing(filed_on=dt.date(2025, 9, 1)),
            started_on=dt.date(2025, 8, 10),
            settled_on=dt.date(2025, 8, 25),
            recognition_pending_at_admission=True,
        )
        assert "  refund of the fund's share to the worker: 1500.50" in str(decide(refunded)).splitlines()

    def test_a_ruling_with_one_share_given_is_not_shown_as_a_split(self) -> None:
        """str() never claims a split it cannot state: a hand-built ruling with the fund's share and no worker's
        (or the reverse) reads as not split, and never shows ``None`` as an amount."""
        for fund, worker in ((Decimal("10.00"), None), (None, Decimal("10.00"))):
            ruling = SettlementRuling(
                outcome=Settlement.DIRECT,
                reasons=(),
                scope=Scope.INTRA_PROVINCE,
                bill=Decimal("10.00"),
                fund_share=fund,
                worker_share=worker,
            )
            text = str(ruling)
            assert "  bill 10.00 yuan: not split under this procedure" in text.splitlines()
            assert "None" not in text


class TestManualFigures:
    """Art. 22 with art. 17 ¶3: a filed stay that cannot be settled directly (the network is down) goes home for
    manual reimbursement; a cross-province meal allowance is the insured place's to reimburse whatever the
    outcome, and the ruling says so."""

    def test_a_cross_province_manual_reimbursement_carries_the_meal_allowance_ruling(self) -> None:
        """Changsha to Guangdong, network down, 120.00 yuan of meal allowance: the worker pays the 1,000.00 bill,
        the meal allowance lies outside it and its ruling names the insured place's agency as the one to
        reimburse it."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG),
                institution_code="H-GD",
                network_available=False,
                lines=(line(), line(LineKind.MEAL_ALLOWANCE, "120.00")),
            )
        )
        assert ruling.outcome is Settlement.MANUAL_REIMBURSEMENT
        assert shares(ruling) == (Decimal("0.00"), Decimal("1000.00"))
        assert ruling.outside_direct_settlement == Decimal("120.00")
        assert ruling.meal_allowance is not None
        assert ruling.meal_allowance.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.meal_allowance.payer is AgencyRole.INSURED_PLACE_AGENCY
        assert ruling.meal_allowance.part_of_direct_settlement is False
        assert "MEAL_CROSS_PROVINCE_INSURED_PLACE" in ruling.codes


class TestNotPayableFigures:
    """Arts. 5, 12 ¶1, 14: a case not payable directly is split with the worker paying the bill at the institution;
    nothing lies outside and nothing is refunded unless said; the scope is kept."""

    def test_an_unknown_institution_splits_nothing_to_the_fund(self) -> None:
        """Not in the registry, no place: the worker pays 1,500.50; nothing outside, nothing refunded."""
        ruling = decide(episode(institution_code="H-NONE"))
        assert shares(ruling) == (Decimal("0.00"), Decimal("1500.50"))
        assert ruling.outside_direct_settlement == Decimal("0.00")
        assert ruling.refund_to_worker == Decimal("0.00")

    def test_an_institution_not_in_the_registry_but_placed_is_named(self) -> None:
        """H-NEW in Zhuzhou, not in the registry: not payable directly, the code in both messages."""
        ruling = decide(episode(institution_code="H-NEW", institution_place=ZHUZHOU))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.scope is Scope.INTRA_PROVINCE
        says(ruling.reason("SETTLEMENT_INSTITUTION_UNKNOWN"), "H-NEW")

    def test_a_third_party_liability_keeps_the_scope(self) -> None:
        """Art. 5: a third party liable: not payable directly, intra-province."""
        ruling = decide(episode(third_party_liability=True))
        assert (ruling.outcome, ruling.scope) == (Settlement.NOT_PAYABLE_DIRECTLY, Scope.INTRA_PROVINCE)

    def test_a_late_back_filing_is_only_noted_when_the_case_is_not_payable_anyway(self) -> None:
        """Art. 12 ¶2's manual route is not promised for a case a third party is liable for: the late back-filing
        is restated as a note."""
        ruling = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 9, 1)),
                started_on=dt.date(2025, 8, 20),
                settled_on=dt.date(2025, 8, 31),
                emergency_marked=True,
                third_party_liability=True,
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_BACK_FILING_TOO_LATE_NOTED" in ruling.codes
        assert "COVERAGE_BACK_FILING_TOO_LATE" not in ruling.codes


class TestCatalogSummary:
    """Art. 17 ¶1, ¶2: the reason lists the catalog of each kind of cost, one entry per kind."""

    def test_the_summary_lists_each_kind_with_its_catalog_in_both_languages(self) -> None:
        """Medical items and drugs, intra-province: Hunan's unified catalogs for each."""
        reason = decide(episode()).reason("SETTLEMENT_CATALOGS")
        hunan = CatalogSource.HUNAN_UNIFIED
        zh = reason.message_zh.removeprefix("各类费用审核适用的目录和标准：").removesuffix("。")
        en = reason.message_en.removeprefix(
            "The catalogs and standards that govern each kind of cost: "
        ).removesuffix(".")
        kinds = (CostKind.DRUGS, CostKind.MEDICAL_ITEMS)
        assert set(zh.split("；")) == {f"{k.zh}：{hunan.zh}" for k in kinds}
        assert set(en.split("; ")) == {f"{k.en}: {hunan.en}" for k in kinds}


class TestBadArguments:
    """House rule: the decision refuses what is not an episode or a registry, naming the argument."""

    def test_an_episode_that_is_not_one_is_refused(self) -> None:
        """``episode``."""
        with pytest.raises(InvalidInputError) as caught:
            decide_settlement("E-1", registry=REGISTRY)  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("episode", "must be an Episode, got str")

    def test_a_registry_that_is_not_one_is_refused(self) -> None:
        """``registry``."""
        with pytest.raises(InvalidInputError) as caught:
            decide_settlement(episode(), registry=("H-ZZ",))  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == (
            "registry",
            "must be an InstitutionRegistry, got tuple",
        )


class TestProvincialLevelWorkers:
    """Art. 3 ¶2: a 省本级 worker treated in a Hunan city settles at the institutions the province recognises; the
    reason names the institution, by its registry label where it is listed."""

    def test_a_provincial_level_worker_at_a_listed_institution_is_local_care_naming_it(self) -> None:
        """At H-ZZ in Zhuzhou: local care (not split), the institution named by its label."""
        ruling = decide(episode(insured=PROVINCIAL_LEVEL, filing=None))
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert (ruling.scope, ruling.bill) == (Scope.PROVINCIAL_RECOGNITION, Decimal("1500.50"))
        says(ruling.reason("SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION"), "医院H-ZZ (H-ZZ)")

    def test_a_provincial_level_worker_at_an_unlisted_institution_is_not_payable_naming_its_code(
        self,
    ) -> None:
        """At H-NEW in Zhuzhou, not in the registry: not payable directly; the code named; the scope kept."""
        ruling = decide(
            episode(
                insured=PROVINCIAL_LEVEL, filing=None, institution_code="H-NEW", institution_place=ZHUZHOU
            )
        )
        assert (ruling.outcome, ruling.scope) == (
            Settlement.NOT_PAYABLE_DIRECTLY,
            Scope.PROVINCIAL_RECOGNITION,
        )
        says(ruling.reason("SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION"), "H-NEW")


class TestTheFactsReachTheFiling:
    """Arts. 12 ¶2 and 13 ¶2 decide through the filing: the episode's facts are the ones judged."""

    def test_entitlement_lost_during_the_stay_ends_direct_settlement(self) -> None:
        """Art. 13 ¶2: lost on 2025-09-05, settled 2025-09-10: not payable directly."""
        ruling = decide(episode(entitlement_lost_on=dt.date(2025, 9, 5)))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "COVERAGE_ENTITLEMENT_LOST" in ruling.codes

    def test_a_force_majeure_back_filing_before_settlement_settles_directly(self) -> None:
        """Art. 12 ¶2: admitted 2025-08-28 after force majeure, back-filed 2025-09-01, settled 2025-09-10."""
        ruling = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 9, 1)),
                started_on=dt.date(2025, 8, 28),
                force_majeure=True,
            )
        )
        assert ruling.outcome is Settlement.DIRECT
        assert "COVERAGE_BACK_FILED_EMERGENCY" in ruling.codes


class TestCrossProvinceFilingsOfTheNationalProcedure:
    """Arts. 12 ¶2 and 36: a cross-province back-filing is the national procedure's; a filing made under it must
    carry the validity that procedure gave it."""

    def test_an_outbound_back_filing_is_not_governed_here_and_keeps_the_bill_whole(self) -> None:
        """Admitted in Guangdong 2025-08-28 after an emergency, filed 2025-09-01: not governed, not split."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG, filed_on=dt.date(2025, 9, 1)),
                institution_code="H-GD",
                started_on=dt.date(2025, 8, 28),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Settlement.NOT_GOVERNED
        assert (ruling.scope, ruling.bill) == (Scope.CROSS_PROVINCE_OUTBOUND, Decimal("1500.50"))
        assert shares(ruling) == (None, None)

    def test_a_national_filing_without_its_dates_is_refused_asking_for_them(self) -> None:
        """Filed for Guangdong on 2025-07-15 (the national procedure's), no dates stated, a stay in August."""
        undated = episode(
            filing=filing(treatment=GUANGDONG, filed_on=dt.date(2025, 7, 15)),
            institution_code="H-GD",
            started_on=dt.date(2025, 8, 10),
            settled_on=dt.date(2025, 8, 20),
        )
        with pytest.raises(InvalidInputError) as caught:
            decide(undated)
        assert caught.value.field == "episode.filing.stated_valid_through"
        assert caught.value.problem == (
            "a cross-province filing made under the national procedure has the validity that procedure gave it: "
            "give the dates the platform shows"
        )


class TestEpisodeConstruction:
    """The facts of one episode are refused naming the field when they contradict chapter 3 or each other; a stay
    settled on its admission day is a stay."""

    def refused(self, build: object, field: str, problem: str) -> None:
        """``build()`` raises InvalidInputError naming ``field`` with ``problem``."""
        with pytest.raises(InvalidInputError) as caught:
            build()  # type: ignore[operator]
        assert (caught.value.field, caught.value.problem) == (field, problem)

    def test_a_stay_settled_on_its_admission_day_is_accepted_and_one_settled_before_refused(self) -> None:
        """Admitted and settled 2025-09-01; settled 2025-08-31 is impossible."""
        assert decide(episode(settled_on=dt.date(2025, 9, 1))).outcome is Settlement.DIRECT
        self.refused(
            lambda: episode(settled_on=dt.date(2025, 8, 31)), "settled_on", "must not be before started_on"
        )

    def test_a_device_line_needs_its_device_and_other_lines_have_none(self) -> None:
        """Art. 19 pays within the filed device list: a device line names its device; no other line does."""
        self.refused(
            lambda: line(LineKind.ASSISTIVE_DEVICE), "device_name", "is required on an ASSISTIVE_DEVICE line"
        )
        self.refused(
            lambda: line(device_name="wheelchair"), "device_name", "applies to ASSISTIVE_DEVICE lines only"
        )
        self.refused(
            lambda: line(previous_fitting_on=dt.date(2024, 1, 1)),
            "device_name",
            "applies to ASSISTIVE_DEVICE lines only",
        )

    def test_a_fitting_is_a_device_service_and_only_a_fitting_is(self) -> None:
        """A device fitting for medical care, or a device service as an inpatient stay, is refused."""
        problem = "a DEVICE_FITTING episode is for ASSISTIVE_DEVICE, and only such an episode is"
        self.refused(lambda: episode(care=CareType.DEVICE_FITTING), "service", problem)
        self.refused(lambda: episode(service=ServiceKind.ASSISTIVE_DEVICE), "service", problem)

    def test_an_episode_has_a_bill(self) -> None:
        """No cost line at all is refused."""
        self.refused(lambda: episode(lines=()), "lines", "must hold at least one cost line")

    def test_a_meal_allowance_belongs_to_an_inpatient_stay(self) -> None:
        """Art. 17 ¶3's 住院伙食补助费 on an outpatient visit is refused naming the line."""
        self.refused(
            lambda: episode(care=CareType.OUTPATIENT, lines=(line(), line(LineKind.MEAL_ALLOWANCE, "50.00"))),
            "lines[1].kind",
            "住院伙食补助费 (meal allowance) belongs to an inpatient stay",
        )

    def test_a_previous_fitting_must_be_before_the_fitting(self) -> None:
        """Refused naming the line and saying why."""
        self.refused(
            lambda: fitting(device("wheelchair", "100.00", previous_fitting_on=dt.date(2025, 9, 10))),
            "lines[0].previous_fitting_on",
            "must be before the fitting date started_on",
        )

    def test_the_filing_must_be_the_workers(self) -> None:
        """A Zhuzhou worker's filing for a Changsha worker is refused."""
        self.refused(
            lambda: episode(filing=filing(insured=ZHUZHOU, treatment=XIANGTAN)),
            "filing.insured",
            "must be the worker's insured place",
        )

    def test_an_inbound_filing_carries_the_dates_its_province_approved(self) -> None:
        """Art. 2: Xinjiang sets the validity; without its dates the episode is refused asking for them."""
        self.refused(
            lambda: episode(insured=XINJIANG, filing=filing(insured=XINJIANG, treatment=CHANGSHA)),
            "filing.stated_valid_through",
            "an inbound filing's validity is set by the insured province: give the dates the platform shows",
        )
