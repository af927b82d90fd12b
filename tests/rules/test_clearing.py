"""Tests of chapter 4, article 27: the annual clearing by the end of the next year's first quarter
(``rules.clearing``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import InvalidInputError
from gongshang_rules.rules.clearing import AnnualClearing, annual_clearing, annual_clearing_deadline

D = dt.date


class TestAnnualClearing:
    """Article 27: the clearing of a year by the end of the first quarter of the next (31 March)."""

    def test_the_clearing_of_2025_is_due_on_31_march_2026(self) -> None:
        """次年第一季度末: 2026-03-31."""
        assert annual_clearing_deadline(2025) == D(2026, 3, 31)

    def test_the_clearing_of_a_year_before_a_leap_year_is_still_31_march(self) -> None:
        """2027 → 2028-03-31: February's length does not matter."""
        assert annual_clearing_deadline(2027) == D(2028, 3, 31)

    @given(year=st.integers(min_value=1, max_value=9998))
    def test_the_deadline_is_always_31_march_of_the_next_year(self, year: int) -> None:
        """For every year."""
        assert annual_clearing_deadline(year) == D(year + 1, 3, 31)

    @pytest.mark.parametrize("year", [0, 9999, True, "2025", 2025.0])
    def test_a_year_that_is_not_a_plain_int_in_range_is_rejected(self, year: object) -> None:
        """Nothing is coerced; the error names the year."""
        with pytest.raises(InvalidInputError) as error:
            annual_clearing_deadline(year)  # type: ignore[arg-type]
        assert error.value.field == "year"

    def test_the_ruling_notes_the_provincial_agencys_power_to_adjust(self) -> None:
        """Art. 27 second sentence: not computable; the ruling says an adjustment prevails."""
        ruling = annual_clearing(2025)
        assert ruling.outcome is AnnualClearing.DUE
        assert ruling.deadline == D(2026, 3, 31)
        assert {"FUNDS_ANNUAL_CLEARING_DEADLINE", "FUNDS_ANNUAL_CLEARING_MODE_ADJUSTABLE"} == ruling.codes
        assert "2026-03-31" in str(ruling)

    def test_the_clearing_of_2027_falls_due_after_the_procedure_ends(self) -> None:
        """Art. 36: in force through 2027-07-31; the clearing of 2027 is due 2028-03-31, noted as such."""
        ruling = annual_clearing(2027)
        assert ruling.deadline == D(2028, 3, 31)
        assert "FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END" in ruling.codes

    @pytest.mark.parametrize("year", [2024, 2028])
    def test_a_year_with_no_day_in_force_is_not_cleared_under_this_procedure(self, year: int) -> None:
        """Art. 36: 2024 and 2028 have no day between 2025-08-01 and 2027-07-31."""
        ruling = annual_clearing(year)
        assert ruling.outcome is AnnualClearing.NOT_IN_FORCE
        assert ruling.deadline is None
        assert str(ruling).count("\n") >= 1

    def test_parameters_are_checked(self) -> None:
        """The parameters argument must be a Parameters table."""
        with pytest.raises(InvalidInputError) as error:
            annual_clearing(2025, parameters="2025")  # type: ignore[arg-type]
        assert error.value.field == "parameters"
