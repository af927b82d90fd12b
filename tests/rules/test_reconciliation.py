"""Tests of articles 20 and 21: the monthly audit and reconciliation, refusals, and the reconciliation deadlines.

Article 20 ¶1: the treatment place's agency audits and reconciles last month's settlements; refused costs carry an
amount and a reason, and the insured place can see what was refused for its workers. ¶2: no performance deposit.
Article 21: intra-province, in principle the day after settlement (次日), and all of last month within the first 5
working days of the month.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from conftest import HolidayTable
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    CalendarUnknownError,
    IdentityNumber,
    InvalidInputError,
    WorkingDayCalendar,
    YearSchedule,
    place,
)
from gongshang_rules.rules.reconciliation import (
    Reconciliation,
    Refusal,
    monthly_reconciliation_deadline,
    reconcile_month,
    reconciliation_deadline,
)
from gongshang_rules.rules.records import SettlementRecord

D = dt.date
CHANGSHA, LIUYANG, ZHUZHOU, YUEYANG = (place(c) for c in ("430100", "430181", "430200", "430600"))
GUANGDONG, XINJIANG, SICHUAN = (place(c) for c in ("440000", "650000", "510000"))
ID = IdentityNumber("430102199001011238")
XJ_ID = IdentityNumber("650102198506151232")


def record(
    sid: str,
    settled: dt.date,
    fund: str = "1000.00",
    *,
    insured: object = CHANGSHA,
    treatment: object = ZHUZHOU,
    started: dt.date | None = None,
    bill: str | None = None,
    identity: IdentityNumber = ID,
) -> SettlementRecord:
    """A settlement record; by default an intra-province stay (insured in Changsha, treated in Zhuzhou)."""
    return SettlementRecord(
        settlement_id=sid,
        identity_number=identity,
        institution_code="EX-0002",
        insured=insured,  # type: ignore[arg-type]
        treatment=treatment,  # type: ignore[arg-type]
        started_on=started or settled,
        ended_on=settled,
        bill=Decimal(bill or fund),
        fund_share=Decimal(fund),
    )


def refusal(sid: str, amount: str, why: str = "超出工伤保险诊疗项目目录") -> Refusal:
    return Refusal(settlement_id=sid, amount=Decimal(amount), reason=why)


class TestReconciliationDeadline:
    """Article 21: in principle on the day after the settlement (次日): the next calendar day."""

    def test_the_deadline_is_the_next_calendar_day(self) -> None:
        """A settlement on a Wednesday is reconciled, in principle, on the Thursday."""
        assert reconciliation_deadline(D(2025, 9, 17)) == D(2025, 9, 18)

    def test_a_settlement_on_new_years_eve_is_reconciled_on_new_years_day(self) -> None:
        """2025-12-31 → 2026-01-01: the letter says 次日, so the next day, though it is a public holiday."""
        assert reconciliation_deadline(D(2025, 12, 31)) == D(2026, 1, 1)

    def test_the_next_day_is_not_moved_past_the_national_day_week(self) -> None:
        """2025-09-30 → 2025-10-01, the first day of the National Day week, not the next working day 10-09."""
        assert reconciliation_deadline(D(2025, 9, 30)) == D(2025, 10, 1)

    def test_a_settlement_at_the_end_of_a_month_is_reconciled_on_the_first_of_the_next(self) -> None:
        """Month ends and leap days: 2028-02-28 → 02-29, 2028-02-29 → 03-01, 2026-02-28 → 03-01."""
        assert reconciliation_deadline(D(2028, 2, 28)) == D(2028, 2, 29)
        assert reconciliation_deadline(D(2028, 2, 29)) == D(2028, 3, 1)
        assert reconciliation_deadline(D(2026, 2, 28)) == D(2026, 3, 1)

    def test_the_calendar_does_not_change_the_next_day(self) -> None:
        """次日 needs no holiday schedule: even a calendar that knows no year gives the next day, never an error."""
        empty = WorkingDayCalendar(use_bundled=False)
        assert reconciliation_deadline(D(2030, 5, 1), calendar=empty) == D(2030, 5, 2)

    @pytest.mark.parametrize("bad", [dt.datetime(2025, 9, 1, 8, 0), "2025-09-01", None])  # noqa: DTZ001
    def test_a_settlement_date_that_is_not_a_date_is_rejected(self, bad: object) -> None:
        """Dates are datetime.date: a datetime, a string or None is an error naming settled_on."""
        with pytest.raises(InvalidInputError) as error:
            reconciliation_deadline(bad)  # type: ignore[arg-type]
        assert error.value.field == "settled_on"

    def test_a_calendar_that_is_not_a_calendar_is_rejected(self) -> None:
        """The calendar argument is checked, not ignored."""
        with pytest.raises(InvalidInputError) as error:
            reconciliation_deadline(D(2025, 9, 1), calendar="bundled")  # type: ignore[arg-type]
        assert error.value.field == "calendar"

    def test_the_last_representable_day_has_no_next_day(self) -> None:
        """date.max has no next day: a clear error, not an OverflowError."""
        with pytest.raises(InvalidInputError):
            reconciliation_deadline(dt.date.max)

    @given(settled=st.dates(max_value=D(9999, 12, 30)))
    def test_the_deadline_is_always_exactly_one_day_later(self, settled: dt.date) -> None:
        """For every date, the next-day deadline is that date plus one day."""
        assert reconciliation_deadline(settled) - settled == dt.timedelta(days=1)


class TestMonthlyReconciliationDeadline:
    """Article 21: all of a month's settlements within the first 5 working days of the next month."""

    def test_september_2025_is_reconciled_after_the_national_day_week(self) -> None:
        """By hand: 10-01..08 off; 10-09 Thu (1), 10-10 Fri (2), Sat 10-11 make-up (3), 10-13 (4), 10-14 (5)."""
        assert monthly_reconciliation_deadline(2025, 9) == D(2025, 10, 14)

    def test_april_2025_is_reconciled_after_the_labour_day_holiday(self) -> None:
        """By hand: 05-01..05 off; 05-06 Tue (1), 07 (2), 08 (3), 09 Fri (4), Mon 05-12 (5)."""
        assert monthly_reconciliation_deadline(2025, 4) == D(2025, 5, 12)

    def test_september_2026_counts_the_make_up_saturday_after_national_day(self) -> None:
        """By hand: 2026-10-01..07 off; 10-08 (1), 10-09 (2), Sat 10-10 make-up (3), 10-12 (4), 10-13 (5)."""
        assert monthly_reconciliation_deadline(2026, 9) == D(2026, 10, 13)

    def test_december_2025_counts_the_new_year_make_up_sunday(self) -> None:
        """By hand: 2026-01-01..03 off; Sun 01-04 make-up (1), 01-05 (2), 06 (3), 07 (4), Thu 01-08 (5)."""
        assert monthly_reconciliation_deadline(2025, 12) == D(2026, 1, 8)

    def test_january_2026_is_reconciled_before_the_spring_festival(self) -> None:
        """By hand: Sunday 02-01; 02-02 Mon to 02-06 Fri are the first 5; the festival (02-15..23) comes later."""
        assert monthly_reconciliation_deadline(2026, 1) == D(2026, 2, 6)

    def test_february_2026_does_not_count_the_make_up_saturday_of_february(self) -> None:
        """Saturday 02-28 is a make-up workday of February itself, not of March: 03-02 to 03-06 are the first 5."""
        assert monthly_reconciliation_deadline(2026, 2) == D(2026, 3, 6)

    def test_december_2026_needs_the_2027_schedule_and_says_so(self) -> None:
        """The bundled schedules do not know 2027: CalendarUnknownError naming 2027, never a guess."""
        with pytest.raises(CalendarUnknownError) as error:
            monthly_reconciliation_deadline(2026, 12)
        assert error.value.year == 2027
        assert "2027" in str(error.value)

    def test_a_2027_schedule_from_the_caller_makes_december_2026_computable(self) -> None:
        """With a (test) 2027 schedule, 01-01 Fri off: 01-04 Mon (1) to 01-08 Fri (5)."""
        schedule = YearSchedule(
            year=2027, days_off=frozenset({D(2027, 1, 1)}), makeup_workdays=frozenset(), source="test"
        )
        calendar = WorkingDayCalendar().with_schedule(schedule)
        assert monthly_reconciliation_deadline(2026, 12, calendar=calendar) == D(2027, 1, 8)

    def test_the_number_of_working_days_comes_from_the_parameters(self) -> None:
        """A what-if table with 3 working days: September 2025 closes on the make-up Saturday 10-11."""
        three = attrs.evolve(DEFAULT_PARAMETERS, monthly_reconciliation_working_days=3)
        assert monthly_reconciliation_deadline(2025, 9, parameters=three) == D(2025, 10, 11)

    @pytest.mark.parametrize(
        ("year", "month", "field"),
        [
            (2025, 0, "month"),
            (2025, 13, "month"),
            (2025, True, "month"),
            (2025, 9.0, "month"),
            ("2025", 9, "year"),
            (0, 9, "year"),
            (9999, 9, "year"),
            (False, 9, "year"),
        ],
    )
    def test_a_year_or_month_out_of_range_is_an_error_naming_the_field(
        self, year: object, month: object, field: str
    ) -> None:
        """Months are 1 to 12 and years ints; nothing is coerced."""
        with pytest.raises(InvalidInputError) as error:
            monthly_reconciliation_deadline(year, month)  # type: ignore[arg-type]
        assert error.value.field == field

    def test_parameters_of_the_wrong_type_are_rejected(self) -> None:
        """The parameters argument must be a Parameters table."""
        with pytest.raises(InvalidInputError) as error:
            monthly_reconciliation_deadline(2025, 9, parameters={"monthly": 5})  # type: ignore[arg-type]
        assert error.value.field == "parameters"

    @given(index=st.integers(min_value=0, max_value=22))
    def test_the_deadline_is_the_fifth_working_day_of_the_next_month(
        self, index: int, holiday_table: HolidayTable
    ) -> None:
        """For 2025-01..2026-11 the deadline is a working day in the next month, preceded there by exactly 4."""
        year, month = 2025 + index // 12, index % 12 + 1
        deadline = monthly_reconciliation_deadline(year, month)
        next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
        assert (deadline.year, deadline.month) == (next_year, next_month)
        assert holiday_table.is_working_day(deadline)
        first = D(next_year, next_month, 1)
        before = [
            first + dt.timedelta(days=i)
            for i in range((deadline - first).days)
            if holiday_table.is_working_day(first + dt.timedelta(days=i))
        ]
        assert len(before) == 4


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
