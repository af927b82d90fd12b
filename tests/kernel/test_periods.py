"""Periods in months (SPEC.md "Filing", validity; article 4 item 1, six months away) per 民法典 201 and 202.

The start day is not counted; the period ends on the same day-of-month in the final month, or on that month's
last day where the month has no such day.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import InvalidInputError, add_months, months_reached

D = dt.date


def last_day_of(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_shift(d: dt.date, n: int) -> tuple[int, int]:
    """(year, month) n months after d's month."""
    index = d.year * 12 + (d.month - 1) + n
    return index // 12, index % 12 + 1


class TestAddMonths:
    """add_months(d, n): the last day of an n-month period counted from d."""

    @pytest.mark.parametrize(
        ("start", "months", "end"),
        [
            (D(2025, 8, 15), 3, D(2025, 11, 15)),  # an ordinary day
            (D(2025, 8, 31), 6, D(2026, 2, 28)),  # SPEC.md's example: the 31st into February
            (D(2024, 2, 29), 12, D(2025, 2, 28)),  # a leap day into a common year
            (D(2023, 8, 29), 6, D(2024, 2, 29)),  # the 29th into a leap February
            (D(2024, 1, 31), 1, D(2024, 2, 29)),  # the 31st into a leap February
            (D(2025, 1, 31), 1, D(2025, 2, 28)),  # the 31st into a common February
            (D(2025, 8, 31), 3, D(2025, 11, 30)),  # a referral filed on the 31st ends on the 30th
            (D(2025, 5, 31), 3, D(2025, 8, 31)),  # the 31st into a month of 31 days is not clamped
            (D(2025, 11, 30), 3, D(2026, 2, 28)),  # the 30th into February
            (D(2025, 12, 31), 2, D(2026, 2, 28)),  # across the year end
            (D(2025, 11, 15), 3, D(2026, 2, 15)),  # across the year end, no clamping
            (D(2025, 2, 28), 1, D(2025, 3, 28)),  # a month end is not carried to the next month end
            (D(2025, 1, 31), 6, D(2025, 7, 31)),  # six months of residence from the 31st
            (D(2025, 1, 15), 24, D(2027, 1, 15)),  # two years as 24 months
        ],
    )
    def test_the_period_ends_on_the_same_day_or_the_months_last_day(
        self, start: dt.date, months: int, end: dt.date
    ) -> None:
        """The same day-of-month n months later, or that month's last day where it has none."""
        assert add_months(start, months) == end

    @pytest.mark.parametrize("n", [0, -1, True, 1.0, "6", None])
    def test_a_count_that_is_not_a_positive_int_is_rejected(self, n: object) -> None:
        """n is an int of at least 1; bools and floats are not counts."""
        with pytest.raises(InvalidInputError) as caught:
            add_months(D(2025, 8, 31), n)  # type: ignore[arg-type]
        assert caught.value.field == "n"

    # Regression: a period ending after 9999-12-31 escaped as dateutil's bare ValueError.
    def test_a_period_past_the_last_representable_day_is_refused_naming_a_field(self) -> None:
        """9999-12-01 plus one month cannot be represented: InvalidInputError naming d or n."""
        with pytest.raises(InvalidInputError) as caught:
            add_months(D(9999, 12, 1), 1)
        assert caught.value.field in {"d", "n"}

    @pytest.mark.parametrize("d", [dt.datetime(2025, 8, 31, 12, 0), "2025-08-31", None])  # noqa: DTZ001
    def test_a_start_that_is_not_a_date_is_rejected(self, d: object) -> None:
        """d is a plain datetime.date."""
        with pytest.raises(InvalidInputError) as caught:
            add_months(d, 6)  # type: ignore[arg-type]
        assert caught.value.field == "d"


# Dates far enough from the end of the calendar for 120 months to fit.
dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2200, 12, 31))
month_counts = st.integers(min_value=1, max_value=120)


class TestAddMonthsProperties:
    """Invariants of month arithmetic (民法典 第二百零二条)."""

    @given(d=dates, n=month_counts)
    def test_the_result_lies_in_the_month_n_months_later(self, d: dt.date, n: int) -> None:
        """Whatever the clamping, the result is in the calendar month n months after d's month."""
        result = add_months(d, n)
        assert (result.year, result.month) == month_shift(d, n)

    @given(d=dates, n=month_counts)
    def test_the_result_never_lands_past_the_months_last_day(self, d: dt.date, n: int) -> None:
        """No overflow into the next month: the day is at most the target month's length."""
        result = add_months(d, n)
        assert result.day <= last_day_of(result.year, result.month)

    @given(d=dates, n=month_counts)
    def test_the_day_is_clamped_only_when_it_does_not_exist(self, d: dt.date, n: int) -> None:
        """result.day == d.day unless d.day exceeds the target month's length; then it is the last day."""
        year, month = month_shift(d, n)
        length = last_day_of(year, month)
        expected_day = d.day if d.day <= length else length
        assert add_months(d, n) == D(year, month, expected_day)

    @given(a=dates, b=dates, n=month_counts)
    def test_the_result_is_monotone_in_the_start(self, a: dt.date, b: dt.date, n: int) -> None:
        """A later start never ends the period earlier (clamping may make two starts end together)."""
        early, late = sorted((a, b))
        assert add_months(early, n) <= add_months(late, n)

    @given(d=dates, n=month_counts)
    def test_the_result_is_strictly_after_the_start(self, d: dt.date, n: int) -> None:
        """A period of at least one month ends after it starts."""
        assert add_months(d, n) > d


class TestMonthsReached:
    """months_reached(since, months, on): whether `months` months have run since `since` on the day `on`."""

    def test_moved_on_january_31_six_months_are_not_reached_on_july_30(self) -> None:
        """Living away from 2025-01-31: the period's last day is 2025-07-31, so 07-30 is one day short."""
        assert not months_reached(D(2025, 1, 31), 6, D(2025, 7, 30))

    def test_moved_on_january_31_six_months_are_reached_on_july_31(self) -> None:
        """The last day of the period counts: on 2025-07-31 six months are reached."""
        assert months_reached(D(2025, 1, 31), 6, D(2025, 7, 31))

    def test_from_august_31_six_months_are_reached_on_february_28(self) -> None:
        """From 2025-08-31, February 2026 has no 31st: reached on 2026-02-28, not on 02-27."""
        assert not months_reached(D(2025, 8, 31), 6, D(2026, 2, 27))
        assert months_reached(D(2025, 8, 31), 6, D(2026, 2, 28))

    def test_from_a_leap_day_twelve_months_are_reached_on_february_28(self) -> None:
        """From 2024-02-29, twelve months are reached on 2025-02-28."""
        assert not months_reached(D(2024, 2, 29), 12, D(2025, 2, 27))
        assert months_reached(D(2024, 2, 29), 12, D(2025, 2, 28))

    def test_a_date_before_the_start_has_reached_nothing(self) -> None:
        """An 'on' date before 'since' never reaches the period."""
        assert not months_reached(D(2025, 8, 1), 6, D(2025, 1, 1))

    @pytest.mark.parametrize("field", ["since", "on"])
    def test_a_datetime_is_rejected_naming_the_field(self, field: str) -> None:
        """since and on are plain dates."""
        args = {"since": D(2025, 1, 31), "months": 6, "on": D(2025, 7, 31)}
        args[field] = dt.datetime(2025, 1, 31, 8, 0)  # noqa: DTZ001
        with pytest.raises(InvalidInputError) as caught:
            months_reached(**args)  # type: ignore[arg-type]
        assert caught.value.field == field

    # Regression (fixed in 8dcd422): the error named add_months' parameter "n", which the caller never saw.
    def test_a_bad_month_count_is_rejected_naming_months(self) -> None:
        """months=0 is rejected with the field 'months'."""
        with pytest.raises(InvalidInputError) as caught:
            months_reached(D(2025, 1, 31), 0, D(2025, 7, 31))
        assert caught.value.field == "months"

    @given(
        since=dates, n=st.integers(min_value=1, max_value=60), extra=st.integers(min_value=0, max_value=400)
    )
    def test_once_reached_a_duration_stays_reached(self, since: dt.date, n: int, extra: int) -> None:
        """Reached on the period's last day and every day after; not on the day before."""
        end = add_months(since, n)
        assert months_reached(since, n, end + dt.timedelta(days=extra))
        assert not months_reached(since, n, end - dt.timedelta(days=1))
