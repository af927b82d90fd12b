"""Tests of chapter 3, articles 20 and 21: the month's audit and reconciliation, and refusals
(``rules.reconciliation``).

Article 20 ¶1: the treatment place's agency audits and reconciles last month's settlements; refused costs carry an
amount and a reason, and the insured place can see what was refused for its workers. ¶2: no performance deposit.
Article 21: the month's intra-province settlements carry their deadlines (computed in ``rules.reconciliation_deadlines``,
tested in ``test_reconciliation_deadlines``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import builders
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gongshang_rules
from gongshang_rules import (
    CalendarUnknownError,
    IdentityNumber,
    InvalidInputError,
    place,
)
from gongshang_rules.rules import reconciliation
from gongshang_rules.rules.reconciliation import Reconciliation, Refusal, reconcile_month
from gongshang_rules.rules.records import SettlementRecord

D = dt.date
CHANGSHA, LIUYANG, ZHUZHOU, YUEYANG = (place(c) for c in ("430100", "430181", "430200", "430600"))
GUANGDONG, XINJIANG, SICHUAN = (place(c) for c in ("440000", "650000", "510000"))
ID = IdentityNumber("430102199001011238")
XJ_ID = IdentityNumber("650102198506151232")


record = builders.record  # a Changsha worker's stay in Zhuzhou by default


def refusal(sid: str, amount: str, why: str = "超出工伤保险诊疗项目目录") -> Refusal:
    return Refusal(settlement_id=sid, amount=Decimal(amount), reason=why)


class TestRefusal:
    """Article 20 ¶1: a refusal carries both its amount and its reason."""

    def test_a_refusal_keeps_its_amount_and_reason(self) -> None:
        """The amount is Decimal yuan and the reason text."""
        r = refusal("S-1", "150.50")
        assert (r.amount, r.reason) == (Decimal("150.50"), "超出工伤保险诊疗项目目录")

    @pytest.mark.parametrize("reason", ["", "   "])
    def test_a_refusal_without_a_reason_is_rejected(self, reason: str) -> None:
        """The reason is required: a blank one is an error naming the field."""
        with pytest.raises(InvalidInputError) as error:
            Refusal(settlement_id="S-1", amount=Decimal("1.00"), reason=reason)
        assert error.value.field == "reason"

    @pytest.mark.parametrize(
        "amount", [Decimal("0"), Decimal("0.00"), Decimal("-1.00"), Decimal("1.005"), 1.5, 2]
    )
    def test_an_amount_that_is_not_positive_fen_money_is_rejected(self, amount: object) -> None:
        """More than 0, at most fen precision, a Decimal (never a float or int)."""
        with pytest.raises(InvalidInputError) as error:
            Refusal(settlement_id="S-1", amount=amount, reason="x")  # type: ignore[arg-type]
        assert error.value.field == "amount"


class TestReconcileMonth:
    """Article 20 and 21 over a month's batch."""

    def batch(self) -> tuple[SettlementRecord, ...]:
        return (
            record("S-1", D(2025, 9, 30), "1000.00"),
            record("S-2", D(2025, 9, 12), "2000.50", insured=LIUYANG, treatment=YUEYANG),
            record("S-3", D(2025, 9, 5), "10240.50", insured=XINJIANG, treatment=CHANGSHA, identity=XJ_ID),
        )

    def test_the_totals_are_settled_minus_refused(self) -> None:
        """Fund shares 13241.00, refused 200.51: reconciled 13040.49, to the fen."""
        ruling = reconcile_month(2025, 9, self.batch(), (refusal("S-1", "150.50"), refusal("S-3", "50.01")))
        assert ruling.outcome is Reconciliation.REFUSALS_RECORDED
        assert (ruling.settled, ruling.refused, ruling.reconciled) == (
            Decimal("13241.00"),
            Decimal("200.51"),
            Decimal("13040.49"),
        )
        assert ruling.settlement_ids == ("S-1", "S-2", "S-3")
        assert "RECONCILIATION_TOTALS" in ruling.codes

    def test_the_insured_place_can_list_what_was_refused_for_its_workers(self) -> None:
        """Art. 20 ¶1 end: refusals grouped by insured place, by code, each with its total."""
        refusals = (
            refusal("S-3", "40.00"),
            refusal("S-1", "10.00"),
            refusal("S-2", "5.00"),
            refusal("S-1", "1.00"),
        )
        ruling = reconcile_month(2025, 9, self.batch(), refusals)
        groups = [
            (g.insured.code, g.total, [r.settlement_id for r in g.refusals]) for g in ruling.by_insured_place
        ]
        assert groups == [
            ("430100", Decimal("11.00"), ["S-1", "S-1"]),
            ("430181", Decimal("5.00"), ["S-2"]),
            ("650000", Decimal("40.00"), ["S-3"]),
        ]
        listed = [r for r in ruling.reasons if r.code == "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE"]
        assert len(listed) == 3
        assert all("查询和下载" in r.message_zh for r in listed)

    def test_no_performance_deposit_is_withheld(self) -> None:
        """Art. 20 ¶2: every reconciliation says no deposit is withheld, citing the paragraph."""
        ruling = reconcile_month(2025, 9, self.batch())
        reason = ruling.reason("RECONCILIATION_NO_PERFORMANCE_DEPOSIT")
        assert [str(a) for a in reason.articles] == ["art. 20(2)"]

    def test_nothing_refused_is_accepted_in_full(self) -> None:
        """No refusal: the reconciled total is the settled total."""
        ruling = reconcile_month(2025, 9, self.batch())
        assert ruling.outcome is Reconciliation.ACCEPTED_IN_FULL
        assert ruling.reconciled == ruling.settled == Decimal("13241.00")
        assert "RECONCILIATION_NOTHING_REFUSED" in ruling.codes

    def test_intra_province_settlements_get_both_deadlines_and_the_two_stages(self) -> None:
        """Art. 21: next-day deadlines for S-1 and S-2, and the month by 2025-10-14; the inbound S-3 gets none."""
        ruling = reconcile_month(2025, 9, self.batch())
        assert [(d.settlement_id, d.deadline) for d in ruling.next_day_deadlines] == [
            ("S-1", D(2025, 10, 1)),
            ("S-2", D(2025, 9, 13)),
        ]
        assert ruling.monthly_deadline == D(2025, 10, 14)
        assert {"RECONCILIATION_INTRA_PROVINCE_TWO_STAGES", "RECONCILIATION_MONTHLY_DEADLINE"} <= ruling.codes

    def test_the_next_day_reason_says_in_principle(self) -> None:
        """Art. 21's 原则上 is stated in the reason, with no consequence attached."""
        reason = reconcile_month(2025, 9, self.batch()).reason("RECONCILIATION_NEXT_DAY")
        assert "原则上" in reason.message_zh
        assert "in principle" in reason.message_en.lower()
        assert "S-1 by 2025-10-01" in reason.message_en

    def test_a_next_day_on_a_holiday_is_kept_and_flagged_as_a_reading(self) -> None:
        """S-1 settled 09-30: next day 10-01 (a holiday) stays the target; that reading is an interpretation."""
        ruling = reconcile_month(2025, 9, self.batch())
        reason = ruling.reason("RECONCILIATION_NEXT_DAY_NOT_MOVED")
        assert reason.interpretation
        assert "2025-10-01" in reason.message_en

    def test_new_years_eve_is_reconciled_on_new_years_day_and_the_month_by_january_8(self) -> None:
        """2025-12-31 → 2026-01-01 (the letter), the month by 2026-01-08."""
        ruling = reconcile_month(2025, 12, (record("S-9", D(2025, 12, 31)),))
        assert ruling.next_day_deadlines[0].deadline == D(2026, 1, 1)
        assert ruling.monthly_deadline == D(2026, 1, 8)
        assert "RECONCILIATION_NEXT_DAY_NOT_MOVED" in ruling.codes

    def test_a_next_day_on_a_working_day_needs_no_note(self) -> None:
        """Settled Monday 09-15, reconciled Tuesday 09-16, a working day: no note about days off."""
        ruling = reconcile_month(2025, 9, (record("S-5", D(2025, 9, 15)),))
        assert ruling.next_day_deadlines[0].deadline == D(2025, 9, 16)
        assert "RECONCILIATION_NEXT_DAY_NOT_MOVED" not in ruling.codes

    def test_the_monthly_deadline_is_flagged_as_resting_on_the_working_day_reading(self) -> None:
        """Counting make-up workdays follows the State Council schedule: an interpretation, named as such."""
        reason = reconcile_month(2025, 9, self.batch()).reason("RECONCILIATION_MONTHLY_DEADLINE")
        assert reason.interpretation
        assert reason.authorities

    def test_cross_province_settlements_are_reconciled_under_the_national_procedure(self) -> None:
        """Art. 21 is intra-province only: the inbound S-3 is audited here, reconciled with Xinjiang nationally."""
        ruling = reconcile_month(2025, 9, (self.batch()[2],))
        assert ruling.monthly_deadline is None
        assert ruling.next_day_deadlines == ()
        assert "RECONCILIATION_CROSS_PROVINCE_NATIONAL" in ruling.codes
        assert "reconciled by" not in str(ruling)

    def test_december_2026_with_intra_province_care_needs_the_2027_schedule(self) -> None:
        """The monthly deadline for December 2026 falls in 2027: CalendarUnknownError(2027)."""
        with pytest.raises(CalendarUnknownError) as error:
            reconcile_month(2026, 12, (record("S-1", D(2026, 12, 31)),))
        assert error.value.year == 2027

    def test_december_2026_with_only_cross_province_care_needs_no_schedule(self) -> None:
        """No intra-province record, no article 21 deadline: nothing to look up."""
        inbound = record("S-3", D(2026, 12, 31), insured=XINJIANG, treatment=CHANGSHA, identity=XJ_ID)
        assert reconcile_month(2026, 12, (inbound,)).outcome is Reconciliation.ACCEPTED_IN_FULL

    def test_a_stay_spanning_two_months_belongs_to_the_month_it_was_settled(self) -> None:
        """Admitted 08-25, settled 09-03: reconciled with September, an interpretation the ruling names."""
        stay = record("S-7", D(2025, 9, 3), started=D(2025, 8, 25))
        assert (
            reconcile_month(2025, 9, (stay,)).reason("RECONCILIATION_MONTH_OF_SETTLEMENT_DATE").interpretation
        )
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 8, (stay,))
        assert error.value.field == "settlements[0].ended_on"

    def test_an_empty_month_has_nothing_to_reconcile(self) -> None:
        """No settlement: nothing to reconcile, zero totals, no deadline."""
        ruling = reconcile_month(2025, 9, ())
        assert ruling.outcome is Reconciliation.NOTHING_TO_RECONCILE
        assert (ruling.settled, ruling.refused, ruling.reconciled) == (Decimal("0.00"),) * 3
        assert ruling.monthly_deadline is None
        assert ruling.codes == {"RECONCILIATION_NOTHING_SETTLED"}

    def test_records_this_procedure_does_not_reconcile_are_excluded_with_what_governs_them(self) -> None:
        """Local care (art. 3), care in another province, care outside Hunan (art. 2): excluded, each with a reason."""
        batch = (
            record("L-1", D(2025, 9, 2), treatment=LIUYANG),
            record("P-1", D(2025, 9, 3), insured=place("省本级"), treatment=YUEYANG),
            record("O-1", D(2025, 9, 4), treatment=GUANGDONG),
            record("N-1", D(2025, 9, 5), insured=XINJIANG, treatment=SICHUAN, identity=XJ_ID),
            record("S-1", D(2025, 9, 6)),
        )
        ruling = reconcile_month(2025, 9, batch)
        assert ruling.excluded_ids == ("L-1", "P-1", "O-1", "N-1")
        assert ruling.settlement_ids == ("S-1",)
        assert ruling.settled == Decimal("1000.00")
        assert {
            "RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA",
            "RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN",
            "RECONCILIATION_EXCLUDED_NOT_GOVERNED",
        } <= ruling.codes
        assert "L-1、P-1" in ruling.reason("RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA").message_zh

    def test_settlements_on_days_the_procedure_does_not_govern_are_excluded(self) -> None:
        """Art. 36: a cross-province settlement of July 2025 (national procedure) and one after 2027-07-31."""
        july = record("J-1", D(2025, 7, 15), insured=XINJIANG, treatment=CHANGSHA, identity=XJ_ID)
        ruling = reconcile_month(2025, 7, (july,))
        assert ruling.outcome is Reconciliation.NOTHING_TO_RECONCILE
        assert ruling.excluded_ids == ("J-1",)
        assert ruling.reason("RECONCILIATION_EXCLUDED_NOT_IN_FORCE").interpretation
        late = reconcile_month(2027, 8, (record("A-1", D(2027, 8, 2)),))
        assert late.excluded_ids == ("A-1",)

    def test_a_record_of_another_month_is_an_error_naming_its_position(self) -> None:
        """Every record must be settled in the reconciled month."""
        batch = (record("S-1", D(2025, 9, 30)), record("S-2", D(2025, 10, 1)))
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, batch)
        assert error.value.field == "settlements[1].ended_on"
        assert "S-2" in str(error.value)

    def test_a_duplicate_settlement_id_is_an_error_naming_its_position(self) -> None:
        """Settlement ids are unique in a batch."""
        batch = (record("S-1", D(2025, 9, 2)), record("S-2", D(2025, 9, 3)), record("S-1", D(2025, 9, 4)))
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, batch)
        assert error.value.field == "settlements[2].settlement_id"
        assert "settlements[0]" in str(error.value)

    def test_a_refusal_of_an_unknown_settlement_is_an_error(self) -> None:
        """A refusal names a settlement of the batch."""
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, self.batch(), (refusal("S-1", "1.00"), refusal("S-99", "1.00")))
        assert error.value.field == "refusals[1].settlement_id"

    def test_a_refusal_of_an_excluded_settlement_is_an_error(self) -> None:
        """A settlement not reconciled here cannot have a refusal here."""
        batch = (record("O-1", D(2025, 9, 4), treatment=GUANGDONG),)
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, batch, (refusal("O-1", "1.00"),))
        assert error.value.field == "refusals[0].settlement_id"

    def test_refusals_may_not_exceed_the_fund_share_of_their_settlement(self) -> None:
        """Two refusals of S-1 (fund share 1000.00): 600.00 + 400.00 is fine, a further 0.01 is not."""
        ok = reconcile_month(2025, 9, self.batch(), (refusal("S-1", "600.00"), refusal("S-1", "400.00")))
        assert ok.reconciled == Decimal("12241.00")
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(
                2025,
                9,
                self.batch(),
                (refusal("S-1", "600.00"), refusal("S-1", "400.00"), refusal("S-1", "0.01")),
            )
        assert error.value.field == "refusals[2].amount"

    @pytest.mark.parametrize(
        ("settlements", "refusals", "field"),
        [
            ([], (), "settlements"),
            (("S-1",), (), "settlements[0]"),
            ((), [], "refusals"),
            ((), ("S-1",), "refusals[0]"),
        ],
    )
    def test_batches_that_are_not_tuples_of_the_right_type_are_rejected(
        self, settlements: object, refusals: object, field: str
    ) -> None:
        """Nothing is coerced: lists and loose strings are errors naming the field."""
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, settlements, refusals)  # type: ignore[arg-type]
        assert error.value.field == field

    def test_calendar_and_parameters_are_checked(self) -> None:
        """A wrong calendar or parameters argument is an error naming it."""
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, (), calendar=None)  # type: ignore[arg-type]
        assert error.value.field == "calendar"
        with pytest.raises(InvalidInputError) as error:
            reconcile_month(2025, 9, (), parameters=None)  # type: ignore[arg-type]
        assert error.value.field == "parameters"

    def test_the_ruling_reads_as_an_explanation(self) -> None:
        """str() shows the month, the totals, the refusals per place and the monthly deadline; HTML renders."""
        ruling = reconcile_month(2025, 9, self.batch(), (refusal("S-1", "150.50"),))
        text = str(ruling)
        assert "2025-09" in text
        assert "settled 13241.00 - refused 150.50 = reconciled 13090.50" in text
        assert "2025-10-14" in text
        assert "<table>" in ruling._repr_html_()

    @given(data=st.data())
    def test_reconciled_plus_refused_is_the_settled_total_to_the_fen(self, data: st.DataObject) -> None:
        """For any batch and any refusals within the fund shares, reconciled + refused == settled, in fen."""
        cents = data.draw(st.lists(st.integers(min_value=0, max_value=10**8), min_size=0, max_size=8))
        batch = tuple(
            record(f"S-{i}", D(2025, 10, 1 + i), str(Decimal(c).scaleb(-2))) for i, c in enumerate(cents)
        )
        refusals = []
        for i, c in enumerate(cents):
            left = c
            for _ in range(data.draw(st.integers(min_value=0, max_value=2))):
                if left < 1:
                    break
                amount = data.draw(st.integers(min_value=1, max_value=left))
                left -= amount
                refusals.append(refusal(f"S-{i}", str(Decimal(amount).scaleb(-2))))
        ruling = reconcile_month(2025, 10, batch, tuple(refusals))
        assert ruling.reconciled + ruling.refused == ruling.settled
        assert ruling.settled == sum((r.fund_share for r in batch), Decimal("0"))
        for total in (ruling.settled, ruling.refused, ruling.reconciled):
            assert total.as_tuple().exponent == -2
        assert sum((g.total for g in ruling.by_insured_place), Decimal("0")) == ruling.refused


class TestTheOrderOfTheReasons:
    """The reasons of a month come in the order of the articles, and the outcome by a fixed precedence."""

    def test_a_mixed_month_gives_article_20_then_21_then_the_national_procedure_then_the_exclusions(
        self,
    ) -> None:
        """Arts. 20, 21, 23-24, then arts. 3 and 2 in the order the batch first shows each exclusion."""
        batch = (
            record("O-1", D(2025, 9, 4), treatment=GUANGDONG),
            record("S-2", D(2025, 9, 30), started=D(2025, 9, 20)),
            record("L-1", D(2025, 9, 2), treatment=LIUYANG),
            record("X-1", D(2025, 9, 12), insured=XINJIANG, treatment=CHANGSHA, identity=XJ_ID),
            record("S-1", D(2025, 9, 10), insured=LIUYANG, treatment=YUEYANG, started=D(2025, 7, 28)),
            record("N-1", D(2025, 9, 5), insured=XINJIANG, treatment=SICHUAN, identity=XJ_ID),
        )
        refusals = (refusal("X-1", "50.00"), refusal("S-2", "100.00"), refusal("S-1", "20.00"))
        ruling = reconcile_month(2025, 9, batch, refusals)
        assert ruling.outcome is Reconciliation.REFUSALS_RECORDED
        assert [r.code for r in ruling.reasons] == [
            "RECONCILIATION_AUDIT_OF_MONTH",
            "RECONCILIATION_MONTH_OF_SETTLEMENT_DATE",
            "RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE",
            "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE",
            "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE",
            "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE",
            "RECONCILIATION_TOTALS",
            "RECONCILIATION_NO_PERFORMANCE_DEPOSIT",
            "RECONCILIATION_INTRA_PROVINCE_TWO_STAGES",
            "RECONCILIATION_NEXT_DAY",
            "RECONCILIATION_NEXT_DAY_NOT_MOVED",
            "RECONCILIATION_MONTHLY_DEADLINE",
            "RECONCILIATION_CROSS_PROVINCE_NATIONAL",
            "RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN",
            "RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA",
            "RECONCILIATION_EXCLUDED_NOT_GOVERNED",
        ]
        assert [str(g.insured) for g in ruling.by_insured_place] == [
            "长沙市 (430100)",
            "浏阳市 (430181)",
            "新疆维吾尔自治区 (650000)",
        ]
        assert (ruling.settled, ruling.refused, ruling.reconciled) == (
            Decimal("3000.00"),
            Decimal("170.00"),
            Decimal("2830.00"),
        )
        assert (ruling.settlement_ids, ruling.excluded_ids) == (("S-2", "X-1", "S-1"), ("O-1", "L-1", "N-1"))

    def test_a_month_with_nothing_to_reconcile_lists_the_exclusions_then_says_so(self) -> None:
        """Art. 3 by scope first, then art. 36 once for each way the procedure did not govern, then nothing."""
        batch = (
            record("J-2", D(2025, 7, 15)),
            record("J-1", D(2025, 7, 16), insured=XINJIANG, treatment=CHANGSHA, identity=XJ_ID),
            record("L-1", D(2025, 7, 2), treatment=LIUYANG),
        )
        ruling = reconcile_month(2025, 7, batch)
        assert ruling.outcome is Reconciliation.NOTHING_TO_RECONCILE
        assert [r.code for r in ruling.reasons] == [
            "RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA",
            "RECONCILIATION_EXCLUDED_NOT_IN_FORCE",
            "RECONCILIATION_EXCLUDED_NOT_IN_FORCE",
            "RECONCILIATION_NOTHING_SETTLED",
        ]
        not_yet, national = (r for r in ruling.reasons if r.code == "RECONCILIATION_EXCLUDED_NOT_IN_FORCE")
        assert "J-2" in not_yet.message_en and "not yet in force" in not_yet.message_en
        assert "J-1" in national.message_en and "national procedure" in national.message_en


#: What ``gongshang_rules.reconciliation`` published in 0.x (its ``__all__``).
NAMES_0X = (
    "DeadlineOutcome",
    "DeadlineRuling",
    "InsuredPlaceRefusals",
    "MonthlyReconciliation",
    "Reconciliation",
    "Refusal",
    "SettlementDeadline",
    "decide_monthly_reconciliation_deadline",
    "decide_reconciliation_deadline",
    "monthly_reconciliation_deadline",
    "reconcile_month",
    "reconciliation_deadline",
)


class TestTheModuleTheOldPathLeadsTo:
    """Issue 9: article 21's deadlines have a module; ``rules.reconciliation``, where the 0.x path
    ``gongshang_rules.reconciliation`` leads, still gives every name that module published."""

    @pytest.mark.parametrize("name", NAMES_0X)
    def test_every_name_of_the_0x_module_is_still_there(self, name: str) -> None:
        """The same object the facade gives (so old imports and old pickles keep working)."""
        assert getattr(reconciliation, name) is getattr(gongshang_rules, name)
