"""Tests of chapter 4, articles 23 to 26: whose fund, how the money moves (``rules.funds``), and the city's fund-use
plan built from the same settlements (``rules.fund_plan``).

Article 23: prepayment and clearing defined; cross-province per the national procedure. Article 24: cross-province
prepay then clear. Article 25: Hunan workers treated elsewhere: the provincial finance department transfers to the
treatment province; costs in Hunan: the treatment place's agency advances to the institution; always the insured
place's fund. Article 26: the city's fund-use plan. Article 24's last sentence (bank fees) is in ``test_ledger``,
article 27 (annual clearing) in ``test_clearing``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import builders
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gongshang_rules
from gongshang_rules import IdentityNumber, InvalidInputError, place
from gongshang_rules.kernel.places import all_places
from gongshang_rules.rules import funds
from gongshang_rules.rules.fund_plan import FundUsePlanStatus, fund_use_plan
from gongshang_rules.rules.funds import FundFlow, FundStepKind, PartyRole, fund_flow
from gongshang_rules.rules.records import SettlementRecord
from gongshang_rules.rules.scope import Scope, classify_scope

D = dt.date
CHANGSHA, LIUYANG, ZHUZHOU, YUEYANG, YUEYANG_COUNTY = (
    place(c) for c in ("430100", "430181", "430200", "430600", "430621")
)
PROVINCE_LEVEL = place("省本级")
GUANGDONG, XINJIANG, SICHUAN = (place(c) for c in ("440000", "650000", "510000"))
ID = IdentityNumber("430102199001011238")
SEPTEMBER_10 = D(2025, 9, 10)


def record(
    sid: str = "S-1",
    *,
    insured: object = CHANGSHA,
    treatment: object = ZHUZHOU,
    settled: dt.date = SEPTEMBER_10,
    fund: str = "1500.50",
) -> SettlementRecord:
    """A settlement record; by default intra-province (Changsha worker treated in Zhuzhou) in September 2025."""
    bill = str(Decimal(fund) + Decimal("100.00"))
    started = settled - dt.timedelta(days=5)
    return builders.record(
        sid, settled, fund, started=started, bill=bill, insured=insured, treatment=treatment
    )


class TestFundFlow:
    """Articles 23 to 25 for one settlement."""

    def test_a_hunan_worker_treated_in_another_province_is_transferred_by_the_finance_department(
        self,
    ) -> None:
        """Art. 25 ¶1: the provincial finance department transfers to Guangdong; Changsha's fund bears it."""
        ruling = fund_flow(record(treatment=GUANGDONG))
        assert ruling.outcome is FundFlow.OUTBOUND_TRANSFER
        assert ruling.fund_of == CHANGSHA
        assert ruling.amount == Decimal("1500.50")
        assert [(s.kind, s.payer.role, s.payee.role, s.payee.place) for s in ruling.steps] == [
            (FundStepKind.PREPAYMENT, PartyRole.HUNAN, PartyRole.OTHER_PROVINCE, GUANGDONG),
            (
                FundStepKind.TRANSFER,
                PartyRole.PROVINCIAL_FINANCE_DEPARTMENT,
                PartyRole.OTHER_PROVINCE,
                GUANGDONG,
            ),
            (FundStepKind.CLEARING, PartyRole.HUNAN, PartyRole.OTHER_PROVINCE, GUANGDONG),
        ]
        assert ruling.advancing_agency is None
        cited = {str(a) for a in ruling.articles}
        assert {"art. 23(1)", "art. 23(2)", "art. 23(3)", "art. 24", "art. 25(1)", "art. 25"} <= cited

    def test_cross_province_prepayment_and_clearing_follow_the_national_procedure(self) -> None:
        """Art. 23 ¶3: the reason names the national procedure as the authority."""
        reason = fund_flow(record(treatment=GUANGDONG)).reason("FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR")
        assert any("工伤保险跨省异地就医直接结算经办规程" in a for a in reason.authorities)
        assert "参保省湖南省向就医省广东省预付" in reason.message_zh
        inbound = fund_flow(record(insured=XINJIANG, treatment=LIUYANG)).reason(
            "FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR"
        )
        assert "参保省新疆维吾尔自治区向就医省湖南省预付" in inbound.message_zh

    def test_a_provincial_level_worker_treated_elsewhere_is_charged_to_the_provincial_level_fund(
        self,
    ) -> None:
        """Art. 25 ¶1: 省本级 is the insured place; its fund bears the cost."""
        ruling = fund_flow(record(insured=PROVINCE_LEVEL, treatment=SICHUAN))
        assert ruling.outcome is FundFlow.OUTBOUND_TRANSFER
        assert ruling.fund_of == PROVINCE_LEVEL

    def test_care_in_hunan_for_another_province_is_advanced_by_the_treatment_city(self) -> None:
        """Art. 25 ¶2 with arts. 23, 24: Changsha's agency advances (Liuyang is a county of Changsha); Xinjiang pays."""
        ruling = fund_flow(record(insured=XINJIANG, treatment=LIUYANG))
        assert ruling.outcome is FundFlow.INBOUND_ADVANCE
        assert ruling.fund_of == XINJIANG
        assert ruling.advancing_agency is not None
        assert ruling.advancing_agency.place == CHANGSHA
        assert [(s.kind, s.payer.role, s.payee.role) for s in ruling.steps] == [
            (FundStepKind.PREPAYMENT, PartyRole.OTHER_PROVINCE, PartyRole.HUNAN),
            (FundStepKind.ADVANCE, PartyRole.TREATMENT_PLACE_AGENCY, PartyRole.AGREEMENT_INSTITUTION),
            (FundStepKind.CLEARING, PartyRole.OTHER_PROVINCE, PartyRole.HUNAN),
        ]
        assert ruling.steps[0].payer.place == XINJIANG

    def test_intra_province_care_is_advanced_by_the_treatment_city_and_charged_to_the_insured_county(
        self,
    ) -> None:
        """Art. 25 ¶2: a Liuyang worker in Yueyang County: Yueyang's agency advances; Liuyang's fund bears it;
        art. 23 ¶2: the two agencies clear it (the definition of clearing is not limited to cross-province care)."""
        ruling = fund_flow(record(insured=LIUYANG, treatment=YUEYANG_COUNTY))
        assert ruling.outcome is FundFlow.INTRA_PROVINCE_ADVANCE
        assert ruling.fund_of == LIUYANG
        assert ruling.advancing_agency is not None
        assert ruling.advancing_agency.zh == "岳阳市工伤保险经办机构"
        assert [s.kind for s in ruling.steps] == [FundStepKind.ADVANCE, FundStepKind.CLEARING]
        clearing = ruling.steps[1]
        assert (
            clearing.payer.role is PartyRole.PROVINCIAL_AGENCY
        )  # art. 7(2): the provincial agency clears funds
        assert clearing.payee.place == place("430600")
        assert ruling.reason("FUNDS_INTRA_PROVINCE_CLEARING").interpretation

    def test_care_within_one_city_is_outside_chapter_4(self) -> None:
        """Art. 3 ¶1: a Changsha worker in Liuyang is local care; no fund flow is computed."""
        ruling = fund_flow(record(treatment=LIUYANG))
        assert ruling.outcome is FundFlow.NOT_OUT_OF_AREA
        assert ruling.fund_of is None
        assert ruling.steps == ()
        assert "FUNDS_NOT_OUT_OF_AREA" in ruling.codes
        assert "charged to the fund of" not in str(ruling)

    def test_provincial_recognition_is_outside_chapter_4(self) -> None:
        """Art. 3 ¶2: a 省本级 worker treated in Yueyang is not out-of-area."""
        assert (
            fund_flow(record(insured=PROVINCE_LEVEL, treatment=YUEYANG)).outcome is FundFlow.NOT_OUT_OF_AREA
        )

    def test_care_outside_hunan_altogether_is_not_governed(self) -> None:
        """Art. 2: insured in Xinjiang and treated in Sichuan: not this procedure's case."""
        ruling = fund_flow(record(insured=XINJIANG, treatment=SICHUAN))
        assert ruling.outcome is FundFlow.NOT_GOVERNED
        assert ruling.codes == {"SCOPE_NOT_GOVERNED"}

    def test_a_cross_province_settlement_before_august_2025_follows_the_national_procedure(self) -> None:
        """Art. 36: 2025-07-15, cross-province: the national procedure governs; judged on the settlement date."""
        ruling = fund_flow(record(insured=XINJIANG, treatment=CHANGSHA, settled=D(2025, 7, 15)))
        assert ruling.outcome is FundFlow.NOT_GOVERNED
        assert ruling.reason("FUNDS_JUDGED_ON_SETTLEMENT_DATE").interpretation
        assert "IN_FORCE_NATIONAL_PROCEDURE_BEFORE" in ruling.codes

    @pytest.mark.parametrize("settled", [D(2025, 7, 31), D(2027, 8, 1)])
    def test_an_intra_province_settlement_outside_the_procedures_dates_is_not_in_force(
        self, settled: dt.date
    ) -> None:
        """Art. 36: in force 2025-08-01 to 2027-07-31; the day before and the day after are outside."""
        assert fund_flow(record(settled=settled)).outcome is FundFlow.NOT_IN_FORCE

    def test_the_first_and_last_days_in_force_are_in(self) -> None:
        """Art. 36 boundaries: 2025-08-01 and 2027-07-31 are governed."""
        for settled in (D(2025, 8, 1), D(2027, 7, 31)):
            assert fund_flow(record(settled=settled)).outcome is FundFlow.INTRA_PROVINCE_ADVANCE

    @given(
        insured=st.sampled_from([p for p in all_places()]),
        treatment=st.sampled_from([p for p in all_places() if p != PROVINCE_LEVEL]),
    )
    def test_the_insured_places_fund_always_bears_out_of_area_costs(
        self, insured: object, treatment: object
    ) -> None:
        """Art. 25: for every out-of-area pair of places, the fund is the insured place's."""
        scope = classify_scope(insured, treatment).outcome  # type: ignore[arg-type]
        ruling = fund_flow(record(insured=insured, treatment=treatment))
        if scope.out_of_area:
            assert ruling.fund_of == insured
            assert ruling.reason("FUNDS_CHARGED_TO_INSURED_PLACE_FUND")
        else:
            assert ruling.fund_of is None
        assert (ruling.advancing_agency is not None) == (
            scope in (Scope.INTRA_PROVINCE, Scope.CROSS_PROVINCE_INBOUND)
        )

    def test_wrong_input_is_rejected(self) -> None:
        """A record must be a SettlementRecord, parameters a Parameters table."""
        with pytest.raises(InvalidInputError) as error:
            fund_flow("S-1")  # type: ignore[arg-type]
        assert error.value.field == "record"
        with pytest.raises(InvalidInputError) as error:
            fund_flow(record(), parameters=None)  # type: ignore[arg-type]
        assert error.value.field == "parameters"

    def test_the_ruling_shows_the_path_of_the_money(self) -> None:
        """str() names the fund charged and each step."""
        text = str(fund_flow(record(insured=XINJIANG, treatment=CHANGSHA)))
        assert "charged to the fund of: 新疆维吾尔自治区 (650000) (1500.50 yuan)" in text
        assert "ADVANCE: the treatment place's agency (长沙市 (430100)) -> the agreement institution" in text
        assert "CLEARING: another province (新疆维吾尔自治区 (650000)) <-> Hunan" in text


class TestFundUsePlan:
    """Article 26: out-of-area spending combined with other benefit spending, listed separately, sent upward."""

    def batch(self) -> tuple[SettlementRecord, ...]:
        return (
            record("A", insured=CHANGSHA, treatment=ZHUZHOU, fund="1000.00"),
            record("B", insured=LIUYANG, treatment=GUANGDONG, fund="20000.00"),
            record("C", insured=XINJIANG, treatment=CHANGSHA, fund="5000.00"),
            record("D", insured=ZHUZHOU, treatment=LIUYANG, fund="700.00"),
            record("E", insured=CHANGSHA, treatment=LIUYANG, fund="300.00"),
        )

    def test_out_of_area_spending_is_combined_and_listed_separately(self) -> None:
        """Changsha's plan: A (intra) and B (a Liuyang worker, cross-province) count; total adds other benefits."""
        plan = fund_use_plan(CHANGSHA, self.batch(), Decimal("98000.00"))
        assert plan.outcome is FundUsePlanStatus.WITH_OUT_OF_AREA_SPENDING
        assert (plan.intra_province, plan.cross_province, plan.out_of_area) == (
            Decimal("1000.00"),
            Decimal("20000.00"),
            Decimal("21000.00"),
        )
        assert (plan.other_benefits, plan.total) == (Decimal("98000.00"), Decimal("119000.00"))
        assert plan.counted_ids == ("A", "B")
        assert plan.not_counted_ids == ("C", "D", "E")
        assert "FUNDS_PLAN_COMBINED_AND_LISTED" in plan.codes

    def test_the_plan_goes_to_the_provincial_agency_and_on_to_the_finance_department(self) -> None:
        """Art. 26: the city agency submits to the provincial agency, which sends it to the finance department."""
        plan = fund_use_plan(CHANGSHA, self.batch(), Decimal("0.00"))
        assert plan.agency.zh == "长沙市工伤保险经办机构"
        assert plan.submitted_to.zh == "湖南省省级工伤保险经办机构"
        assert "省财政部门审核" in plan.reason("FUNDS_PLAN_SUBMISSION").message_zh

    def test_costs_advanced_for_workers_insured_elsewhere_are_not_this_citys_spending(self) -> None:
        """Art. 25: C (Xinjiang) and D (Zhuzhou), treated in Changsha, are charged to their own funds."""
        plan = fund_use_plan(CHANGSHA, self.batch(), Decimal("0.00"))
        reason = plan.reason("FUNDS_PLAN_INSURED_ELSEWHERE")
        assert "C、D" in reason.message_zh
        assert reason.interpretation
        assert plan.reason("FUNDS_PLAN_OUT_OF_AREA_SPENDING").interpretation

    def test_local_care_is_not_listed_as_out_of_area_spending(self) -> None:
        """Art. 3: E (Changsha worker in Liuyang) is local care."""
        plan = fund_use_plan(CHANGSHA, self.batch(), Decimal("0.00"))
        assert "E" in plan.reason("FUNDS_PLAN_NOT_OUT_OF_AREA").message_zh

    def test_the_procedure_sets_no_period_for_the_plan_and_the_plan_says_so(self) -> None:
        """Art. 26 is silent on how often: the reason names the provincial agency's arrangements."""
        plan = fund_use_plan(ZHUZHOU, (), Decimal("100.00"))
        assert plan.outcome is FundUsePlanStatus.NO_OUT_OF_AREA_SPENDING
        assert plan.total == Decimal("100.00")
        assert "FUNDS_PLAN_PERIOD_NOT_SPECIFIED" in plan.codes

    def test_settlements_outside_the_procedures_dates_are_not_planned(self) -> None:
        """Art. 36: a Changsha worker's intra-province settlement of 2027-08-02 is not planned under it."""
        plan = fund_use_plan(CHANGSHA, (record("L", settled=D(2027, 8, 2)),), Decimal("0.00"))
        assert plan.counted_ids == ()
        assert "FUNDS_PLAN_NOT_IN_FORCE" in plan.codes

    @pytest.mark.parametrize("city", [LIUYANG, PROVINCE_LEVEL, GUANGDONG, "长沙市"])
    def test_only_a_city_has_a_plan(self, city: object) -> None:
        """Art. 26 names city agencies: a county, 省本级, another province or a string is an error."""
        with pytest.raises(InvalidInputError) as error:
            fund_use_plan(city, (), Decimal("0.00"))  # type: ignore[arg-type]
        assert error.value.field == "city"

    @pytest.mark.parametrize("other", [100.0, Decimal("-1.00"), Decimal("1.001")])
    def test_other_benefit_spending_must_be_fen_money(self, other: object) -> None:
        """Money is a non-negative Decimal with fen precision; a float is never money."""
        with pytest.raises(InvalidInputError) as error:
            fund_use_plan(CHANGSHA, (), other)  # type: ignore[arg-type]
        assert error.value.field == "other_benefit_spending"

    def test_the_plan_reads_as_figures(self) -> None:
        """str() shows the submission and the figures."""
        text = str(fund_use_plan(CHANGSHA, self.batch(), Decimal("98000.00")))
        assert "out-of-area 21000.00 (intra-province 1000.00, cross-province 20000.00)" in text
        assert "= 119000.00" in text


class TestReadingsAndPlacesInTheFundRules:
    """Issue 15: the settlement-date reading on every decision that rests on it; the treatment place is the 市州."""

    def test_a_stay_straddling_2025_08_01_carries_the_settlement_date_reading(self) -> None:
        """Art. 36: admitted 2025-07-28, settled 2025-08-05: in force by the settlement date, and it says so."""
        straddling = SettlementRecord(
            settlement_id="S-7",
            identity_number=ID,
            institution_code="EX-0002",
            insured=CHANGSHA,
            treatment=ZHUZHOU,
            started_on=D(2025, 7, 28),
            ended_on=D(2025, 8, 5),
            bill=Decimal("1600.50"),
            fund_share=Decimal("1500.50"),
        )
        ruling = fund_flow(straddling)
        assert ruling.outcome is FundFlow.INTRA_PROVINCE_ADVANCE
        assert ruling.reason("FUNDS_JUDGED_ON_SETTLEMENT_DATE").interpretation
        assert "FUNDS_JUDGED_ON_SETTLEMENT_DATE" not in fund_flow(record()).codes
        plan = fund_use_plan(CHANGSHA, (straddling,), Decimal("0.00"))
        assert "FUNDS_PLAN_JUDGED_ON_SETTLEMENT_DATE" in plan.codes

    def test_the_intra_province_clearing_names_the_treatment_city_not_its_county(self) -> None:
        """Art. 2 ¶3: an institution in 岳阳县 is treated in 岳阳市: the clearing message names the city."""
        ruling = fund_flow(record(treatment=YUEYANG_COUNTY))
        clearing = ruling.reason("FUNDS_INTRA_PROVINCE_CLEARING")
        assert "岳阳市" in clearing.message_zh
        assert "岳阳县" not in clearing.message_zh


#: What ``gongshang_rules.funds`` published in 0.x (its ``__all__``).
NAMES_0X = (
    "AnnualClearing",
    "AnnualClearingRuling",
    "ChargedTo",
    "FundFlow",
    "FundFlowRuling",
    "FundStep",
    "FundStepKind",
    "FundUsePlan",
    "FundUsePlanStatus",
    "LedgerCheck",
    "LedgerKind",
    "LedgerLine",
    "LedgerRuling",
    "Party",
    "PartyRole",
    "annual_clearing",
    "annual_clearing_deadline",
    "check_ledger",
    "fund_flow",
    "fund_use_plan",
)


class TestTheModuleTheOldPathLeadsTo:
    """Issue 9: articles 24, 26 and 27 have a module each; ``rules.funds``, where the 0.x path
    ``gongshang_rules.funds`` leads, still gives every name that module published."""

    @pytest.mark.parametrize("name", NAMES_0X)
    def test_every_name_of_the_0x_module_is_still_there(self, name: str) -> None:
        """The same object the facade gives (so old imports and old pickles keep working)."""
        assert getattr(funds, name) is getattr(gongshang_rules, name)
