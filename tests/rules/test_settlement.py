"""Tests of the settlement decision: articles 3, 5, 12 to 14, 16 to 19, 22 and 30."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from builders import ID, episode, filing, line
from hypothesis import given, settings
from hypothesis import strategies as st

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    InvalidInputError,
    PersonCategory,
    ServiceKind,
    Worker,
    classify_scope,
    place,
)
from gongshang_rules.kernel.articles import ArticleRef
from gongshang_rules.kernel.terms import CareType
from gongshang_rules.oracle.examples import first_cross_province_case
from gongshang_rules.oracle.registry_io import example_registry
from gongshang_rules.rules.catalog import AllowanceHandling, CatalogSource, CostKind
from gongshang_rules.rules.episodes import CostLine, Credential, Episode, LineKind
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.forms import Device
from gongshang_rules.rules.settlement import Settlement, decide_settlement

REGISTRY = example_registry()
CHANGSHA, ZHUZHOU, XIANGTAN, GUANGDONG, XINJIANG = (
    place(code) for code in ("430100", "430200", "430300", "440000", "650000")
)


def decide(e: Episode) -> object:
    return decide_settlement(e, registry=REGISTRY)


class TestTheFirstRealCase:
    def test_the_news_case_settles_directly_as_reported(self) -> None:
        """The 2025-09-17 report: insured in Xinjiang, inpatient in Changsha, about 10,000 yuan settled directly."""
        case = first_cross_province_case()
        ruling = decide_settlement(case.episode, registry=case.registry)
        assert ruling.outcome is Settlement.DIRECT
        assert "SETTLEMENT_DIRECT_INBOUND" in ruling.codes  # the report: settled through the national system
        assert ruling.fund_share == Decimal("10240.50")
        assert ruling.worker_share == Decimal("0.00")
        assert Decimal("10000") < ruling.bill < Decimal("11000")

    def test_the_news_case_uses_the_treatment_place_catalogs_and_sends_the_meal_allowance_home(self) -> None:
        """Art. 17 ¶2, ¶3: treatment place's catalogs; the meal allowance is reimbursed in Xinjiang."""
        case = first_cross_province_case()
        ruling = decide_settlement(case.episode, registry=case.registry)
        assert {c.outcome for c in ruling.catalogs} == {CatalogSource.TREATMENT_PLACE}
        assert ruling.meal_allowance is not None
        assert ruling.meal_allowance.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.outside_direct_settlement == Decimal("300.00")
        assert {2, 5, 12, 16, 17, 18} <= {a.article for a in ruling.articles}
        # The filing was approved by Xinjiang under the national rules: its dates are not Hunan's art. 13(1).
        assert {"COVERAGE_INBOUND_FILED_BEFORE_ADMISSION", "COVERAGE_INBOUND_WITHIN_VALIDITY"} <= ruling.codes


class TestIntraProvince:
    def test_an_intra_province_stay_settles_directly_with_hunan_catalogs(self) -> None:
        """Arts. 5, 17 ¶1, 18: a filed intra-province stay settles directly under Hunan's unified catalogs."""
        ruling = decide(episode())
        assert ruling.outcome is Settlement.DIRECT
        assert ruling.fund_share == Decimal("1500.50")
        assert {c.outcome for c in ruling.catalogs} == {CatalogSource.HUNAN_UNIFIED}

    def test_the_intra_province_meal_allowance_is_part_of_direct_settlement(self) -> None:
        """Art. 17 ¶3: paid by the treatment-place agency under its policy, with the direct settlement."""
        ruling = decide(episode(lines=(line(), line(LineKind.MEAL_ALLOWANCE, "120.00"))))
        assert ruling.bill == Decimal("1120.00")
        assert ruling.fund_share == Decimal("1120.00")
        assert ruling.outside_direct_settlement == Decimal("0.00")

    def test_intra_province_referral_travel_is_reimbursed_at_the_insured_place(self) -> None:
        """Art. 17 ¶3 (interpretation for intra-province): travel and lodging lie outside direct settlement."""
        referral = filing(category=PersonCategory.REFERRAL)
        ruling = decide(episode(filing=referral, lines=(line(), line(LineKind.TRAVEL_AND_LODGING, "80.00"))))
        assert ruling.reason("TRAVEL_INTRA_PROVINCE_REFERRAL").interpretation
        assert ruling.outside_direct_settlement == Decimal("80.00")
        assert ruling.bill == Decimal("1000.00")

    def test_an_intra_province_outpatient_visit_settles_directly(self) -> None:
        """Arts. 5 and 18: outpatient care is excluded only from cross-province direct settlement."""
        ruling = decide(episode(care=CareType.OUTPATIENT, settled_on=None))
        assert ruling.outcome is Settlement.DIRECT

    def test_non_compliant_lines_are_the_workers(self) -> None:
        """Arts. 5, 17: costs outside the catalogs are not paid by the fund; the shares add up to the bill."""
        ruling = decide(episode(lines=(line(), line(LineKind.DRUG, "99.99", compliant=False))))
        assert (ruling.fund_share, ruling.worker_share) == (Decimal("1000.00"), Decimal("99.99"))
        assert "SETTLEMENT_NON_COMPLIANT_LINES" in ruling.codes

    def test_back_filing_after_recognition_refunds_the_funds_share(self) -> None:
        """Art. 12 ¶3: the worker paid at discharge (2025-08-20), recognition and the back-filing came later
        (2025-08-25): settled directly afterwards, and the fund's share refunded to the worker who paid."""
        ruling = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 8, 25)),
                started_on=dt.date(2025, 8, 10),
                settled_on=dt.date(2025, 8, 20),
                recognition_pending_at_admission=True,
            )
        )
        assert ruling.outcome is Settlement.DIRECT
        assert ruling.refund_to_worker == ruling.fund_share == Decimal("1500.50")

    def test_back_filing_before_discharge_settlement_refunds_nothing(self) -> None:
        """Art. 12 ¶3 (product owner): recognition and the back-filing (2025-08-15) done before discharge
        (2025-08-20): the fund's share is settled directly at discharge; the worker paid nothing, so no refund."""
        ruling = decide(
            episode(
                started_on=dt.date(2025, 8, 10),
                settled_on=dt.date(2025, 8, 20),
                recognition_pending_at_admission=True,
            )
        )
        assert ruling.outcome is Settlement.DIRECT
        assert ruling.fund_share == Decimal("1500.50")
        assert ruling.refund_to_worker == Decimal("0.00")
        assert "SETTLEMENT_REFUND_TO_WORKER" not in ruling.codes
        assert ruling.reason("COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE").interpretation

    def test_an_emergency_back_filed_after_settlement_is_reimbursed_manually(self) -> None:
        """Art. 12 ¶2: not back-filed before discharge settlement: manual reimbursement at the insured place."""
        ruling = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 9, 11)),
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Settlement.MANUAL_REIMBURSEMENT
        assert ruling.fund_share == Decimal("0.00")


class TestNotDirect:
    def test_third_party_liability_is_never_direct(self) -> None:
        """Art. 5: only costs with no third-party liability may be settled directly."""
        ruling = decide(episode(third_party_liability=True))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.fund_share == 0

    def test_a_cross_province_outpatient_visit_is_not_direct(self) -> None:
        """Art. 5: cross-province direct settlement does not include outpatient costs."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG),
                institution_code="EX-0004",
                care=CareType.OUTPATIENT,
                started_on=dt.date(2025, 9, 1),
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_CROSS_PROVINCE_OUTPATIENT" in ruling.codes

    def test_a_suspended_institution_cannot_settle_on_the_day_of_suspension(self) -> None:
        """Art. 14 ¶2: EX-0002 is suspended 2025-10-01 to 2025-10-31; the day before and the resumption are fine."""
        f = filing(filed_on=dt.date(2025, 9, 1))
        assert (
            decide(episode(filing=f, started_on=dt.date(2025, 9, 30), settled_on=None)).outcome
            is Settlement.DIRECT
        )
        on_the_day = decide(episode(filing=f, started_on=dt.date(2025, 10, 1), settled_on=None))
        assert on_the_day.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_INSTITUTION_NOT_AVAILABLE" in on_the_day.codes
        resumed = decide(episode(filing=f, started_on=dt.date(2025, 11, 1), settled_on=None))
        assert resumed.outcome is Settlement.DIRECT

    def test_the_institution_is_judged_on_the_settlement_date(self) -> None:
        """Arts. 14, 18 (interpretation): admitted before EX-0002's suspension, settled during it: not direct."""
        f = filing(filed_on=dt.date(2025, 9, 1))
        ruling = decide(episode(filing=f, started_on=dt.date(2025, 9, 25), settled_on=dt.date(2025, 10, 5)))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.reason("SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE").interpretation
        resumed = decide(episode(filing=f, started_on=dt.date(2025, 10, 20), settled_on=dt.date(2025, 11, 5)))
        assert resumed.outcome is Settlement.DIRECT

    def test_an_emergency_not_yet_filed_is_not_direct_but_names_the_back_filing_route(self) -> None:
        """Art. 12 ¶2: while still in hospital a back-filing is possible; the ruling says so."""
        ruling = decide(episode(filing=None, emergency_marked=True, settled_on=None))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert {"COVERAGE_BACK_FILING_STILL_POSSIBLE", "SETTLEMENT_BACK_FILING_PENDING"} <= ruling.codes

    def test_an_institution_not_in_the_registry_cannot_settle(self) -> None:
        """Art. 14 ¶1: only institutions in the registry settle directly; the scope is then unknown, not guessed."""
        ruling = decide(episode(institution_code="EX-9999"))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.scope is None
        assert ruling.worker_share == ruling.bill

    def test_a_worker_suspended_for_violations_is_not_settled_directly(self) -> None:
        """Art. 30 ¶1: a serious violation suspends the worker's direct settlement."""
        ruling = decide(episode(suspended_for_violation=True))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_SUSPENDED_FOR_VIOLATION" in ruling.codes

    def test_every_failing_condition_is_reported(self) -> None:
        """Third party, a suspended institution, no filing and no credential all appear in one ruling."""
        ruling = decide(
            episode(
                filing=None,
                third_party_liability=True,
                started_on=dt.date(2025, 10, 8),
                settled_on=None,
                credential=Credential.NONE,
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert {
            "SETTLEMENT_THIRD_PARTY_LIABILITY",
            "SETTLEMENT_INSTITUTION_NOT_AVAILABLE",
            "COVERAGE_NO_FILING",
            "SETTLEMENT_NO_CREDENTIAL_NOTED",
        } <= ruling.codes
        # Art. 22's manual route follows a covering filing: it is not promised here.
        assert "SETTLEMENT_NO_CREDENTIAL" not in ruling.codes
        assert "SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED" in ruling.codes


class TestManual:
    def test_a_network_failure_after_filing_goes_to_manual_reimbursement(self) -> None:
        """Art. 22: a network failure after filing: manual reimbursement, the duplicate check named."""
        ruling = decide(episode(network_available=False))
        assert ruling.outcome is Settlement.MANUAL_REIMBURSEMENT
        assert {"SETTLEMENT_NETWORK_UNAVAILABLE", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"} <= ruling.codes
        assert ruling.worker_share == ruling.bill

    def test_no_credential_goes_to_manual_reimbursement(self) -> None:
        """Arts. 16 and 22: without a card or other valid credential, direct settlement fails."""
        assert decide(episode(credential=Credential.NONE)).outcome is Settlement.MANUAL_REIMBURSEMENT


class TestOutsideOutOfArea:
    def test_care_within_the_insured_city_is_local_and_not_split_here(self) -> None:
        """Art. 3 ¶1: insured in 浏阳市, treated at EX-0001 in Changsha: local care; this procedure splits no bill."""
        liuyang = place("430181")
        ruling = decide(episode(insured=liuyang, filing=None, institution_code="EX-0001"))
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert ruling.fund_share is None and ruling.worker_share is None
        assert "not split" in str(ruling)

    def test_a_local_institution_outside_the_out_of_area_registry_is_local_care(self) -> None:
        """Art. 3 ¶1: the city's own agreement institutions settle local care; the registry of art. 14 does not decide."""
        ruling = decide(
            episode(filing=None, institution_code="CS-LOCAL-9", institution_place=place("430104"))
        )
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert "SETTLEMENT_LOCAL_INSTITUTION" in ruling.codes

    def test_an_unknown_institution_in_another_city_cannot_settle(self) -> None:
        """Art. 14 ¶1: out-of-area care needs a registry institution."""
        ruling = decide(episode(institution_code="ZZ-9", institution_place=ZHUZHOU))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_INSTITUTION_UNKNOWN" in ruling.codes

    def test_provincial_level_workers_are_settled_by_mutual_recognition(self) -> None:
        """Art. 3 ¶2: a 省本级 worker treated at a recognised (registry) institution is not out-of-area."""
        ruling = decide(episode(insured=place("省本级"), filing=None))
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert "SETTLEMENT_PROVINCIAL_RECOGNITION_INSTITUTION" in ruling.codes

    def test_provincial_level_care_needs_a_recognised_institution_on_the_day(self) -> None:
        """Art. 3 ¶2 with art. 14: EX-0002 is suspended in October 2025, so it cannot settle for 省本级 either."""
        ruling = decide(
            episode(insured=place("省本级"), filing=None, started_on=dt.date(2025, 10, 5), settled_on=None)
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_INSTITUTION_NOT_AVAILABLE" in ruling.codes

    def test_two_other_provinces_are_not_governed(self) -> None:
        """Art. 2: insured in Xinjiang, treated in Guangdong."""
        ruling = decide(episode(insured=XINJIANG, filing=None, institution_code="EX-0004"))
        assert ruling.outcome is Settlement.NOT_GOVERNED

    def test_intra_province_care_before_2025_08_01_is_not_in_force(self) -> None:
        """Art. 36: the procedure took effect on 2025-08-01."""
        ruling = decide(episode(started_on=dt.date(2025, 7, 31), settled_on=None))
        assert ruling.outcome is Settlement.NOT_IN_FORCE

    def test_cross_province_care_settled_before_2025_08_01_is_the_national_procedures(self) -> None:
        """Art. 36 and the national notice: cross-province care settled from 2025-04-01 is national business."""
        ruling = decide(
            episode(
                insured=XINJIANG,
                filing=None,
                institution_code="EX-0001",
                started_on=dt.date(2025, 7, 1),
                settled_on=dt.date(2025, 7, 10),
            )
        )
        assert ruling.outcome is Settlement.NOT_GOVERNED
        assert "IN_FORCE_NATIONAL_PROCEDURE_BEFORE" in ruling.codes

    def test_the_procedure_is_judged_on_the_settlement_date_as_chapter_4_judges_it(self) -> None:
        """Arts. 18, 36 (interpretation): admitted on the last day in force, settled after it: not this procedure's;
        admitted before the first day, settled on it: this procedure's (reconciliation and funds agree)."""
        f = filing(filed_on=dt.date(2027, 7, 1))
        late = decide(episode(filing=f, started_on=dt.date(2027, 7, 31), settled_on=dt.date(2027, 8, 10)))
        assert late.outcome is Settlement.NOT_IN_FORCE
        assert late.reason("SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE").interpretation
        early = decide(
            episode(
                filing=filing(filed_on=dt.date(2025, 7, 15)),
                started_on=dt.date(2025, 7, 20),
                settled_on=dt.date(2025, 8, 5),
            )
        )
        assert early.outcome is not Settlement.NOT_IN_FORCE


PROSTHESIS = (Device(name="小腿假肢", minimum_service_years=3, maximum_payment=Decimal("8000.00")),)


class TestPrecedence:
    """The order decide_settlement's docstring states: the first stage that decides gives the outcome, and a stage
    before the last (out-of-area care) judges nothing else."""

    def test_an_institution_nobody_can_place_comes_first_even_out_of_force(self) -> None:
        """Art. 14 ¶1 before art. 36: without the institution's place the dates cannot be judged."""
        ruling = decide(
            episode(institution_code="NOPE-1", started_on=dt.date(2025, 7, 1), settled_on=dt.date(2025, 7, 5))
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.scope is None
        assert [r.code for r in ruling.decisive] == ["SETTLEMENT_INSTITUTION_UNKNOWN"]

    def test_a_date_the_national_procedure_governs_comes_before_what_is_not_payable(self) -> None:
        """Art. 36 before art. 5: cross-province care settled in July 2025 is the national procedure's, so a third
        party's liability (or a missing card) is not judged here."""
        ruling = decide(
            episode(
                insured=XINJIANG,
                filing=None,
                institution_code="EX-0001",
                started_on=dt.date(2025, 7, 1),
                settled_on=dt.date(2025, 7, 10),
                third_party_liability=True,
                credential=Credential.NONE,
            )
        )
        assert ruling.outcome is Settlement.NOT_GOVERNED
        assert [r.code for r in ruling.decisive] == [
            "SCOPE_CROSS_PROVINCE_INBOUND",
            "IN_FORCE_NATIONAL_PROCEDURE_BEFORE",
        ]

    def test_a_filing_the_national_procedure_governs_comes_after_what_is_not_payable(self) -> None:
        """Art. 5 before art. 36 for the filing: an outbound emergency back-filing (the national procedure's) with a
        third party liable is not payable directly, the filing's reasons listed after."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG, filed_on=dt.date(2025, 9, 5)),
                institution_code="EX-0004",
                emergency_marked=True,
                third_party_liability=True,
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert [r.code for r in ruling.decisive] == [
            "SCOPE_CROSS_PROVINCE_OUTBOUND",
            "SETTLEMENT_THIRD_PARTY_LIABILITY",
            "COVERAGE_NATIONAL_PROCEDURE_FILING",
        ]

    def test_care_within_the_city_is_local_whatever_else_holds(self) -> None:
        """Art. 3 ¶1 before arts. 5, 16, 22, 30: local care is not judged by the out-of-area conditions."""
        ruling = decide(
            episode(
                filing=None,
                institution_code="EX-0001",
                third_party_liability=True,
                credential=Credential.NONE,
                network_available=False,
                suspended_for_violation=True,
            )
        )
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert [r.code for r in ruling.decisive] == ["SCOPE_LOCAL", "SETTLEMENT_LOCAL_CARE"]

    def test_but_not_before_the_procedure_is_in_force(self) -> None:
        """Art. 36 before art. 3: care within the city settled in July 2025 is not in force."""
        ruling = decide(
            episode(
                filing=None,
                institution_code="EX-0001",
                started_on=dt.date(2025, 7, 1),
                settled_on=dt.date(2025, 7, 5),
            )
        )
        assert ruling.outcome is Settlement.NOT_IN_FORCE

    def test_provincial_level_care_is_judged_by_its_institution_only(self) -> None:
        """Art. 3 ¶2: a 省本级 worker with a third party liable and no card is still local care."""
        ruling = decide(
            episode(
                insured=place("省本级"), filing=None, third_party_liability=True, credential=Credential.NONE
            )
        )
        assert ruling.outcome is Settlement.LOCAL_CARE

    def test_out_of_area_not_payable_then_manual_then_direct(self) -> None:
        """Arts. 5, 16, 22: not payable beats manual, which beats direct; the manual conditions are still noted."""
        both = decide(episode(third_party_liability=True, credential=Credential.NONE))
        assert both.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_NO_CREDENTIAL_NOTED" in both.codes
        assert decide(episode(credential=Credential.NONE)).outcome is Settlement.MANUAL_REIMBURSEMENT
        assert decide(episode()).outcome is Settlement.DIRECT


def device_episode(**kw: object) -> Episode:
    """A Changsha worker fitted with a device at EX-0003 (湘乡市, so Xiangtan)."""
    values: dict[str, object] = {
        "filing": filing(treatment=XIANGTAN, service=ServiceKind.ASSISTIVE_DEVICE, devices=PROSTHESIS),
        "institution_code": "EX-0003",
        "care": CareType.DEVICE_FITTING,
        "service": ServiceKind.ASSISTIVE_DEVICE,
        "started_on": dt.date(2025, 9, 1),
        "settled_on": None,
        "lines": (line(LineKind.ASSISTIVE_DEVICE, "9000.00", device_name="小腿假肢"),),
    }
    values.update(kw)
    return episode(**values)


class TestDevices:
    def test_the_fund_pays_up_to_the_filed_maximum(self) -> None:
        """Art. 19: costs above the filed limit are not paid by the fund."""
        ruling = decide(device_episode())
        assert ruling.outcome is Settlement.DIRECT
        assert (ruling.fund_share, ruling.worker_share) == (Decimal("8000.00"), Decimal("1000.00"))
        assert "DEVICE_OVER_LIMIT" in ruling.codes

    def test_a_device_within_the_limit_is_paid_in_full(self) -> None:
        """Art. 19: within the list and the limit, the fund pays."""
        ruling = decide(
            device_episode(lines=(line(LineKind.ASSISTIVE_DEVICE, "7999.99", device_name="小腿假肢"),))
        )
        assert ruling.fund_share == Decimal("7999.99")

    def test_a_device_not_on_the_filed_list_is_not_paid(self) -> None:
        """Art. 19: outside the filed scope, the fund pays nothing."""
        ruling = decide(
            device_episode(lines=(line(LineKind.ASSISTIVE_DEVICE, "500.00", device_name="轮椅"),))
        )
        assert ruling.fund_share == Decimal("0.00")
        assert "DEVICE_NOT_FILED" in ruling.codes

    def test_a_replacement_before_the_minimum_service_years_is_not_paid(self) -> None:
        """Art. 19 (interpretation): replaced after 2 years of a 3-year minimum: outside the standard."""
        early = line(
            LineKind.ASSISTIVE_DEVICE,
            "6000.00",
            device_name="小腿假肢",
            previous_fitting_on=dt.date(2023, 9, 2),
        )
        ruling = decide(device_episode(lines=(early,)))
        assert ruling.fund_share == Decimal("0.00")
        assert ruling.reason("DEVICE_REPLACED_TOO_EARLY").interpretation

    def test_a_replacement_on_the_day_the_minimum_is_reached_is_paid(self) -> None:
        """Three years from 2022-09-01 are reached on 2025-09-01."""
        due = line(
            LineKind.ASSISTIVE_DEVICE,
            "6000.00",
            device_name="小腿假肢",
            previous_fitting_on=dt.date(2022, 9, 1),
        )
        assert decide(device_episode(lines=(due,))).fund_share == Decimal("6000.00")

    def test_non_compliant_device_costs_are_the_workers_with_a_reason(self) -> None:
        """Arts. 17, 19: costs outside the device catalog are not paid, and the ruling says why."""
        lines = (
            line(LineKind.ASSISTIVE_DEVICE, "5000.00", device_name="小腿假肢"),
            line(LineKind.ASSISTIVE_DEVICE, "300.00", device_name="小腿假肢", compliant=False),
        )
        ruling = decide(device_episode(lines=lines))
        assert (ruling.fund_share, ruling.worker_share) == (Decimal("5000.00"), Decimal("300.00"))
        assert "DEVICE_NON_COMPLIANT" in ruling.codes

    def test_a_cross_province_device_follows_the_insured_places_catalog(self) -> None:
        """Art. 17 ¶2: the device catalog and limits of the insured place."""
        ruling = decide(
            device_episode(
                filing=filing(treatment=GUANGDONG, service=ServiceKind.ASSISTIVE_DEVICE, devices=PROSTHESIS),
                institution_code="EX-0004",
            )
        )
        assert [c.outcome for c in ruling.catalogs] == [CatalogSource.INSURED_PLACE]
        assert ruling.catalogs[0].cost_kind is CostKind.DEVICE_CATALOG


class TestEpisodeInput:
    def test_bad_episodes_name_the_field(self) -> None:
        """Inconsistent facts are refused with the field named, never coerced."""
        with pytest.raises(InvalidInputError, match="settled_on"):
            episode(settled_on=dt.date(2025, 8, 1))
        with pytest.raises(InvalidInputError, match="service"):
            episode(care=CareType.DEVICE_FITTING)
        with pytest.raises(InvalidInputError, match="lines"):
            episode(lines=())
        with pytest.raises(InvalidInputError, match="amount"):
            CostLine(kind=LineKind.DRUG, amount=1000.0)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="device_name"):
            line(LineKind.ASSISTIVE_DEVICE)
        with pytest.raises(InvalidInputError, match="device_name"):
            line(device_name="轮椅")
        with pytest.raises(InvalidInputError, match=r"filing\.insured"):
            episode(filing=filing(insured=XIANGTAN))
        with pytest.raises(InvalidInputError, match="devices"):
            filing(
                service=ServiceKind.ASSISTIVE_DEVICE,
                devices=(Device(name="轮椅", minimum_service_years=1, maximum_payment=Decimal(1)),) * 2,
            )
        with pytest.raises(InvalidInputError, match="devices"):
            filing(devices=PROSTHESIS)
        with pytest.raises(InvalidInputError, match=r"devices\[0\]"):
            filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=("轮椅",))
        with pytest.raises(InvalidInputError, match="devices"):
            filing(service=ServiceKind.ASSISTIVE_DEVICE, devices=list(PROSTHESIS))
        with pytest.raises(InvalidInputError, match="registry"):
            decide_settlement(episode(), registry={})  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="episode"):
            decide_settlement("e", registry=REGISTRY)  # type: ignore[arg-type]

    def test_meal_allowance_belongs_to_an_inpatient_stay(self) -> None:
        """Art. 17 ¶3: 住院伙食补助费 is an inpatient allowance; on a visit or a fitting it is refused as input."""
        with pytest.raises(InvalidInputError, match=r"lines\[1\]\.kind"):
            episode(care=CareType.OUTPATIENT, lines=(line(), line(LineKind.MEAL_ALLOWANCE, "30.00")))

    def test_a_previous_fitting_must_precede_the_fitting(self) -> None:
        """A replacement's previous fitting lies before the fitting date."""
        late = line(
            LineKind.ASSISTIVE_DEVICE,
            "100.00",
            device_name="小腿假肢",
            previous_fitting_on=dt.date(2025, 9, 2),
        )
        with pytest.raises(InvalidInputError, match="previous_fitting_on"):
            device_episode(lines=(late,))

    def test_an_inbound_filing_must_carry_the_validity_the_insured_province_approved(self) -> None:
        """SPEC: the library never computes an inbound filing's validity; the clerk has the platform's dates."""
        inbound = filing(insured=XINJIANG, treatment=CHANGSHA)
        with pytest.raises(InvalidInputError, match=r"filing\.stated_valid_through"):
            episode(insured=XINJIANG, filing=inbound, institution_code="EX-0001")

    def test_an_outbound_direct_settlement_does_not_cite_hunans_platform_article(self) -> None:
        """Art. 18 concerns Hunan's institutions; outbound care settles under the national procedure."""
        ruling = decide(episode(filing=filing(treatment=GUANGDONG), institution_code="EX-0004"))
        assert ruling.outcome is Settlement.DIRECT
        assert "SETTLEMENT_DIRECT_OUTBOUND" in ruling.codes
        assert 18 not in {a.article for a in ruling.articles if isinstance(a, ArticleRef)}

    def test_the_catalogs_are_summarised_once(self) -> None:
        """One reason lists the catalog of every kind of cost, instead of one reason per kind."""
        ruling = decide(
            episode(lines=(line(), line(LineKind.DRUG, "1.00"), line(LineKind.INPATIENT_SERVICE, "2.00")))
        )
        assert [r.code for r in ruling.reasons].count("SETTLEMENT_CATALOGS") == 1
        assert len(ruling.catalogs) == 3

    def test_str_explains_the_figures(self) -> None:
        """A person reads the outcome, the split of the bill and the catalogs."""
        text = str(decide(episode()))
        assert "DIRECT" in text and "bill 1500.50 = fund 1500.50 + worker 0.00" in text
        assert "catalog for DRUGS: HUNAN_UNIFIED" in text


# --- property tests -------------------------------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("99999.99"), places=2)
insured_places = st.sampled_from([CHANGSHA, ZHUZHOU, XIANGTAN, place("430181"), place("省本级"), XINJIANG])
institutions = st.sampled_from(["EX-0001", "EX-0002", "EX-0003", "EX-0004"])


@st.composite
def episodes(draw: st.DrawFn) -> Episode:
    insured = draw(insured_places)
    code = draw(institutions)
    institution = REGISTRY.get(code)
    service = draw(st.sampled_from(sorted(institution.services, key=lambda s: s.name)))
    if service is ServiceKind.ASSISTIVE_DEVICE:
        care = CareType.DEVICE_FITTING
        kinds = [LineKind.ASSISTIVE_DEVICE]
    else:
        care = draw(st.sampled_from([CareType.INPATIENT, CareType.OUTPATIENT]))
        kinds = [LineKind.MEDICAL_ITEM, LineKind.DRUG, LineKind.TRAVEL_AND_LODGING]
        if care is CareType.INPATIENT:
            kinds.append(LineKind.MEAL_ALLOWANCE)
    start = draw(st.dates(min_value=dt.date(2025, 3, 1), max_value=dt.date(2027, 9, 30)))
    lines = tuple(
        CostLine(
            kind=kind,
            amount=draw(amounts),
            compliant=draw(st.booleans()),
            device_name=draw(st.sampled_from(["小腿假肢", "轮椅"]))
            if kind is LineKind.ASSISTIVE_DEVICE
            else None,
        )
        for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=4))
    )
    the_filing = None
    if draw(st.booleans()) and classify_scope(insured, institution.place).outcome.out_of_area:
        the_filing = Filing(
            insured=insured,
            treatment=institution.treatment,
            category=draw(st.sampled_from(list(PersonCategory))),
            service=service,
            filed_on=start - dt.timedelta(days=draw(st.integers(min_value=-10, max_value=200))),
            devices=PROSTHESIS if service is ServiceKind.ASSISTIVE_DEVICE else (),
        )
        national = classify_scope(
            insured, institution.place
        ).outcome.cross_province and the_filing.filed_on < dt.date(2025, 8, 1)
        if (
            not insured.in_hunan or national
        ):  # the approved dates of an inbound or a national-procedure filing
            the_filing = attrs.evolve(
                the_filing,
                stated_valid_from=the_filing.filed_on,
                stated_valid_through=the_filing.filed_on + dt.timedelta(days=180),
            )
    return Episode(
        worker=Worker(name="王五", identity_number=ID, insured=insured),
        filing=the_filing,
        institution_code=code,
        care=care,
        service=service,
        started_on=start,
        settled_on=start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=40))),
        lines=lines,
        credential=draw(st.sampled_from(list(Credential))),
        third_party_liability=draw(st.booleans()),
        network_available=draw(st.booleans()),
        emergency_marked=draw(st.booleans()),
    )


class TestProperties:
    @settings(max_examples=300)
    @given(episodes())
    def test_the_shares_add_up_and_the_fund_never_pays_more_than_the_bill(self, e: Episode) -> None:
        """Property: fund + worker == bill to the fen; 0 <= fund <= bill; devices never above the filed limit."""
        ruling = decide(e)
        if ruling.fund_share is None or ruling.worker_share is None:
            assert ruling.outcome in (Settlement.LOCAL_CARE, Settlement.NOT_GOVERNED, Settlement.NOT_IN_FORCE)
            return
        assert ruling.fund_share + ruling.worker_share == ruling.bill
        assert Decimal(0) <= ruling.fund_share <= ruling.bill
        if e.care is CareType.DEVICE_FITTING:
            assert ruling.fund_share <= Decimal("8000.00")
        if ruling.outcome is not Settlement.DIRECT:
            assert ruling.fund_share == 0

    @settings(max_examples=300)
    @given(episodes())
    def test_never_direct_with_third_party_liability_or_cross_province_outpatient(self, e: Episode) -> None:
        """Property (art. 5): third-party liability and cross-province outpatient care are never direct."""
        ruling = decide(e)
        if e.third_party_liability or (
            ruling.scope is not None and ruling.scope.cross_province and e.care is CareType.OUTPATIENT
        ):
            assert ruling.outcome is not Settlement.DIRECT

    @settings(max_examples=200)
    @given(episodes())
    def test_the_decision_is_deterministic(self, e: Episode) -> None:
        """Property: the same facts give the same ruling."""
        assert decide(e) == decide(e)

    @settings(max_examples=200)
    @given(episodes(), st.integers(min_value=1, max_value=60))
    def test_moving_the_admission_earlier_within_validity_never_makes_it_manual(
        self, e: Episode, days: int
    ) -> None:
        """Property: a direct settlement stays direct (or becomes not-in-force) when admitted earlier but not before filing."""
        if e.filing is None or decide(e).outcome is not Settlement.DIRECT:
            return
        earlier = max(e.filing.filed_on, e.started_on - dt.timedelta(days=days))
        moved = decide(attrs.evolve(e, started_on=earlier))
        assert moved.outcome is not Settlement.MANUAL_REIMBURSEMENT


class TestDefectsOfTheIndependentReview:
    """Issue 15: each class of defect, written from the articles."""

    REFERRAL = filing(category=PersonCategory.REFERRAL, filed_on=dt.date(2025, 9, 15))  # valid to 2025-12-15

    def test_an_outpatient_visit_settled_after_expiry_is_not_paid_by_the_fund(self) -> None:
        """Art. 13 ¶2 is for an admission: an intra-province outpatient course settled after expiry is not direct."""
        ruling = decide(
            episode(
                filing=self.REFERRAL,
                care=CareType.OUTPATIENT,
                started_on=dt.date(2025, 12, 10),
                settled_on=dt.date(2025, 12, 16),
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.fund_share == Decimal("0.00")
        assert "COVERAGE_SERVICE_AFTER_VALIDITY" in ruling.codes

    def test_an_inpatient_stay_settled_after_expiry_is_still_paid(self) -> None:
        """Art. 13 ¶2: admitted on the last valid day 2025-12-15, discharged 2025-12-20: direct."""
        ruling = decide(
            episode(filing=self.REFERRAL, started_on=dt.date(2025, 12, 15), settled_on=dt.date(2025, 12, 20))
        )
        assert ruling.outcome is Settlement.DIRECT
        assert "COVERAGE_STAY_RUNS_PAST_VALIDITY" in ruling.codes

    def test_a_device_fitting_settled_after_expiry_is_not_paid_by_the_fund(self) -> None:
        """Art. 13 ¶2: a fitting begun 2025-12-01 and settled 2026-01-05 needs a valid filing on its days."""
        device_filing = filing(
            category=PersonCategory.REFERRAL,
            filed_on=dt.date(2025, 9, 15),
            service=ServiceKind.ASSISTIVE_DEVICE,
            devices=(Device(name="轮椅", minimum_service_years=3, maximum_payment=Decimal("2000.00")),),
        )
        ruling = decide(
            episode(
                filing=device_filing,
                institution_code="EX-0002",
                care=CareType.DEVICE_FITTING,
                service=ServiceKind.ASSISTIVE_DEVICE,
                started_on=dt.date(2025, 12, 1),
                settled_on=dt.date(2026, 1, 5),
                lines=(line(LineKind.ASSISTIVE_DEVICE, "1500.00", device_name="轮椅"),),
            )
        )
        assert ruling.outcome is not Settlement.DIRECT
        assert ruling.fund_share in (None, Decimal("0.00"))

    def test_a_cross_province_stay_under_the_national_procedure_divides_no_money(self) -> None:
        """Arts. 12, 36: a cross-province emergency back-filing is the national procedure's: no shares, no catalogs."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG, filed_on=dt.date(2025, 9, 5)),
                institution_code="EX-0004",
                emergency_marked=True,
            )
        )
        assert ruling.outcome is Settlement.NOT_GOVERNED
        assert (ruling.fund_share, ruling.worker_share) == (None, None)
        assert ruling.catalogs == ()
        assert ruling.meal_allowance is None

    def test_no_manual_promise_when_a_third_party_is_liable(self) -> None:
        """Arts. 5, 22: third-party liability and a network failure: not payable, and no manual route promised."""
        ruling = decide(episode(third_party_liability=True, network_available=False))
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_NETWORK_UNAVAILABLE" not in ruling.codes
        assert "SETTLEMENT_MANUAL_DUPLICATE_CHECK" not in ruling.codes
        assert {
            "SETTLEMENT_NETWORK_UNAVAILABLE_NOTED",
            "SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED",
        } <= ruling.codes

    def test_no_manual_promise_for_an_expired_filing(self) -> None:
        """Art. 22 applies after a covering filing: an expired filing and no card give no manual promise."""
        ruling = decide(
            episode(
                filing=self.REFERRAL,
                started_on=dt.date(2025, 12, 16),
                settled_on=dt.date(2025, 12, 20),
                credential=Credential.NONE,
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert "SETTLEMENT_NO_CREDENTIAL" not in ruling.codes

    def test_a_cross_province_outpatient_visit_names_no_treatment_place_catalog(self) -> None:
        """Art. 17 ¶2 names inpatient costs only: the catalogs of a cross-province visit are not specified."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG),
                institution_code="EX-0004",
                care=CareType.OUTPATIENT,
                started_on=dt.date(2025, 9, 1),
                settled_on=None,
            )
        )
        # Not payable directly: no catalog of direct settlement is named at all (art. 17 ¶1, ¶2: 直接结算的…费用).
        assert ruling.catalogs == ()
        assert not {code for code in ruling.codes if code.startswith("CATALOG_")}
        # Where a later table lets the visit settle directly, art. 17(2) still names no catalog for it.
        table = attrs.evolve(DEFAULT_PARAMETERS, cross_province_outpatient_excluded=False)
        visit = episode(
            filing=filing(treatment=GUANGDONG),
            institution_code="EX-0004",
            care=CareType.OUTPATIENT,
            started_on=dt.date(2025, 9, 1),
            settled_on=None,
        )
        direct = decide_settlement(visit, registry=REGISTRY, parameters=table)
        assert {c.outcome for c in direct.catalogs} == {CatalogSource.NOT_SPECIFIED}

    def test_the_outpatient_exclusion_is_a_dated_parameter(self) -> None:
        """Art. 5 "暂不包括门诊": a table that ends the exclusion lets a cross-province visit settle directly."""
        table = attrs.evolve(DEFAULT_PARAMETERS, cross_province_outpatient_excluded=False)
        visit = episode(
            filing=filing(treatment=GUANGDONG),
            institution_code="EX-0004",
            care=CareType.OUTPATIENT,
            started_on=dt.date(2025, 9, 1),
            settled_on=None,
        )
        assert decide_settlement(visit, registry=REGISTRY).outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert decide_settlement(visit, registry=REGISTRY, parameters=table).outcome is Settlement.DIRECT


class TestFiguresFollowTheOutcome:
    """Art. 17: catalogs and the intra-province meal allowance belong to a direct settlement; art. 22: a manual
    reimbursement follows the insured place's rules. Unsplit rulings carry no money figures (docs/oracle.md)."""

    def test_a_manual_reimbursement_names_no_catalog_and_no_treatment_place_meal_payer(self) -> None:
        """The network is down: the meal allowance goes back to the insured place with the rest, not paid twice."""
        ruling = decide(
            episode(network_available=False, lines=(line(), line(LineKind.MEAL_ALLOWANCE, "100.00")))
        )
        assert ruling.outcome is Settlement.MANUAL_REIMBURSEMENT
        assert ruling.worker_share == Decimal("1100.00")
        assert ruling.meal_allowance is None
        assert ruling.catalogs == ()
        assert "MEAL_INTRA_PROVINCE_IN_DIRECT_SETTLEMENT" not in ruling.codes

    def test_a_direct_settlement_keeps_its_catalogs_and_meal_payer(self) -> None:
        """The same stay settled directly: Hunan's catalogs, the meal allowance paid by the treatment place."""
        ruling = decide(episode(lines=(line(), line(LineKind.MEAL_ALLOWANCE, "100.00"))))
        assert ruling.outcome is Settlement.DIRECT
        assert ruling.meal_allowance is not None and ruling.meal_allowance.part_of_direct_settlement
        assert {c.outcome for c in ruling.catalogs} == {CatalogSource.HUNAN_UNIFIED}

    def test_a_cross_province_meal_allowance_goes_home_whatever_the_outcome(self) -> None:
        """Art. 17 ¶3: the cross-province meal allowance is the insured place's to reimburse, outside direct
        settlement, whether or not the stay is settled directly."""
        ruling = decide(
            episode(
                filing=filing(treatment=GUANGDONG),
                institution_code="EX-0004",
                third_party_liability=True,
                lines=(line(), line(LineKind.MEAL_ALLOWANCE, "100.00")),
            )
        )
        assert ruling.outcome is Settlement.NOT_PAYABLE_DIRECTLY
        assert ruling.meal_allowance is not None
        assert ruling.meal_allowance.outcome is AllowanceHandling.REIMBURSED_BY_INSURED_PLACE
        assert ruling.outside_direct_settlement == Decimal("100.00")

    def test_an_unsplit_ruling_carries_no_money_figures(self) -> None:
        """Local care: no shares, no refund, nothing outside direct settlement."""
        ruling = decide(episode(insured=place("430181"), filing=None, institution_code="EX-0001"))
        assert ruling.outcome is Settlement.LOCAL_CARE
        assert (ruling.fund_share, ruling.refund_to_worker, ruling.outside_direct_settlement) == (
            None,
            None,
            None,
        )

    def test_a_national_procedure_filing_needs_its_approved_dates(self) -> None:
        """An outbound filing of 2025-07-15 (the national procedure's) with no dates: the dates are asked for."""
        with pytest.raises(InvalidInputError, match="stated_valid_through"):
            decide(
                episode(
                    filing=filing(treatment=GUANGDONG, filed_on=dt.date(2025, 7, 15)),
                    institution_code="EX-0004",
                    started_on=dt.date(2025, 8, 10),
                    settled_on=dt.date(2025, 8, 20),
                )
            )


class TestNamesSplitOutOfTheModule:
    """Issue 9 split settlement.py by concern; a name that moved out is still found through the old module path."""

    def test_a_moved_name_is_found_where_it_was_with_a_warning(self) -> None:
        """``rules.settlement.SettlementRecord`` is records' (a template is found by its code), with a warning."""
        from gongshang_rules.rules import settlement as module
        from gongshang_rules.rules.records import SettlementRecord, check_records

        with pytest.warns(DeprecationWarning, match=r"rules\.records\.SettlementRecord"):
            assert module.SettlementRecord is SettlementRecord
        with pytest.warns(DeprecationWarning, match=r"rules\.records\.check_records"):
            assert module.check_records is check_records
        with pytest.warns(DeprecationWarning, match=r"rules\.manual_claims\.check_manual_claim"):
            assert module.check_manual_claim.__name__ == "check_manual_claim"
        with pytest.warns(DeprecationWarning, match=r"rules\.conditions\.SETTLEMENT_NO_CREDENTIAL"):
            assert module.SETTLEMENT_NO_CREDENTIAL.code == "SETTLEMENT_NO_CREDENTIAL"
        with pytest.warns(DeprecationWarning, match=r"rules\.bill\.DEVICE_OVER_LIMIT"):
            assert module.DEVICE_OVER_LIMIT.code == "DEVICE_OVER_LIMIT"
        assert module.CareType is CareType  # importable from here since it moved to terms (issue 15)

    def test_an_old_pickle_of_a_moved_class_still_loads(self) -> None:
        """A pickle names a class by module and name: the module it had before the split still finds it."""
        import pickle

        with pytest.warns(DeprecationWarning):
            assert pickle.loads(b"cgongshang_rules.rules.settlement\nCostLine\n.") is CostLine

    @pytest.mark.parametrize("name", ["months_reached", "_device_shares", "no_such_name"])
    def test_a_name_that_did_not_move_out_is_still_an_attribute_error(self, name: str) -> None:
        """What a sibling merely imports, a private name, or a name nowhere: AttributeError, not a guess."""
        from gongshang_rules.rules import settlement as module

        with pytest.raises(AttributeError, match=name):
            getattr(module, name)
