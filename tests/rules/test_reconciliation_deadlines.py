"""Tests of chapter 3, article 21: the reconciliation deadlines (``rules.reconciliation_deadlines``).

Intra-province, in principle the day after settlement (次日), and all of last month within the first 5 working days
of the month.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from conftest import HolidayTable
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import (
    DEFAULT_PARAMETERS,
    CalendarUnknownError,
    InvalidInputError,
    WorkingDayCalendar,
    YearSchedule,
)
from gongshang_rules.rules.reconciliation_deadlines import (
    monthly_reconciliation_deadline,
    reconciliation_deadline,
)

D = dt.date


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
