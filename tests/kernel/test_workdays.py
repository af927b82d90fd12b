"""Working days (articles 10 and 21 count in working days; SPEC.md "Filing", review within 5 working days).

A working day is a Monday to Friday that the State Council's schedule does not make a day off, or a weekend day it
makes a make-up workday (调休). A year whose schedule is unknown is an error naming the year, never a guess.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import HolidayTable
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules import (
    DEFAULT_CALENDAR,
    CalendarUnknownError,
    GongshangError,
    InvalidInputError,
    WorkingDayCalendar,
    YearSchedule,
    schedules_from_csv,
    working_day_after,
)

D = dt.date

# A made-up 2027 schedule, as a caller would pass once the State Council publishes the real one.
SCHEDULE_2027 = YearSchedule(
    year=2027,
    days_off=frozenset({D(2027, 1, 1)}),  # a Friday
    makeup_workdays=frozenset({D(2027, 1, 9)}),  # a Saturday
    source="test schedule for 2027",
)


@pytest.fixture(scope="module")
def csv_calendar(holiday_csv_text: str) -> WorkingDayCalendar:
    """A calendar that knows only the schedules in the CSV, not the package's bundled ones."""
    calendar = WorkingDayCalendar(use_bundled=False)
    for schedule in schedules_from_csv(holiday_csv_text):
        calendar = calendar.with_schedule(schedule)
    return calendar


class TestEveryDayOf2025And2026:
    """The default calendar and a CSV-built calendar agree with the published schedules on every day."""

    def test_the_data_covers_two_full_years(self, days_2025_2026: tuple[dt.date, ...]) -> None:
        """The walk below covers 730 days, from 2025-01-01 to 2026-12-31."""
        assert len(days_2025_2026) == 365 + 365
        assert (days_2025_2026[0], days_2025_2026[-1]) == (D(2025, 1, 1), D(2026, 12, 31))

    def test_default_calendar_agrees_with_the_published_schedules_on_every_day(
        self, holiday_table: HolidayTable, days_2025_2026: tuple[dt.date, ...]
    ) -> None:
        """A day is a working day iff it is a make-up workday, or a Monday-Friday not listed as off."""
        wrong = [
            d for d in days_2025_2026 if DEFAULT_CALENDAR.is_working_day(d) != holiday_table.is_working_day(d)
        ]
        assert wrong == []

    def test_calendar_built_from_the_csv_agrees_on_every_day(
        self,
        csv_calendar: WorkingDayCalendar,
        holiday_table: HolidayTable,
        days_2025_2026: tuple[dt.date, ...],
    ) -> None:
        """WorkingDayCalendar(use_bundled=False) fed by schedules_from_csv gives the same answer every day."""
        wrong = [
            d for d in days_2025_2026 if csv_calendar.is_working_day(d) != holiday_table.is_working_day(d)
        ]
        assert wrong == []

    def test_the_csv_holds_both_kinds_of_day_in_both_years(self, holiday_table: HolidayTable) -> None:
        """The cross-checks above are not vacuous: each year has days off and make-up workdays."""
        for year in (2025, 2026):
            assert any(d.year == year for d in holiday_table.days_off)
            assert any(d.year == year for d in holiday_table.makeup_workdays)


class TestHolidaysAndMakeUpDays:
    """Named days of the 2025 and 2026 schedules."""

    @pytest.mark.parametrize(
        "day",
        [D(2025, 10, 11), D(2026, 2, 14), D(2025, 1, 26), D(2025, 9, 28), D(2026, 1, 4), D(2026, 2, 28)],
    )
    def test_make_up_weekend_days_are_working_days(self, day: dt.date) -> None:
        """A weekend day the schedule makes a make-up workday (调休) is a working day."""
        assert day.weekday() >= 5
        assert DEFAULT_CALENDAR.is_working_day(day)

    @pytest.mark.parametrize(
        "day", [D(2025, 10, 1), D(2025, 10, 8), D(2025, 4, 4), D(2025, 5, 5), D(2026, 2, 23), D(2026, 9, 25)]
    )
    def test_weekday_holidays_are_not_working_days(self, day: dt.date) -> None:
        """A Monday to Friday inside a public holiday is not a working day."""
        assert day.weekday() < 5
        assert not DEFAULT_CALENDAR.is_working_day(day)

    def test_an_ordinary_saturday_is_not_a_working_day(self) -> None:
        """2025-10-18 is a Saturday the schedule does not touch."""
        assert not DEFAULT_CALENDAR.is_working_day(D(2025, 10, 18))

    def test_an_ordinary_weekday_is_a_working_day(self) -> None:
        """2025-10-09, the Thursday after the National Day week, is a working day."""
        assert DEFAULT_CALENDAR.is_working_day(D(2025, 10, 9))


class TestWorkingDayAfter:
    """working_day_after(d, n): the n-th working day after d, d itself not counted (民法典 第二百零一条)."""

    def test_fifth_working_day_after_2025_09_30_is_2025_10_14(self) -> None:
        """10-01..10-08 are off; 10-09, 10-10, the make-up Saturday 10-11, 10-13 and 10-14 are counted."""
        assert working_day_after(D(2025, 9, 30), 5) == D(2025, 10, 14)

    def test_the_day_itself_is_not_counted(self) -> None:
        """From a working Monday, the first working day after is Tuesday."""
        assert working_day_after(D(2025, 9, 1), 1) == D(2025, 9, 2)

    def test_a_make_up_saturday_is_the_next_working_day_after_a_friday(self) -> None:
        """2026-02-13 is a Friday; the make-up Saturday 2026-02-14 is the next working day."""
        assert working_day_after(D(2026, 2, 13), 1) == D(2026, 2, 14)

    def test_spring_festival_2026_is_skipped(self) -> None:
        """After the make-up Saturday 2026-02-14, 02-15..02-23 are off: the next working day is 02-24."""
        assert working_day_after(D(2026, 2, 14), 1) == D(2026, 2, 24)

    def test_counting_crosses_the_new_year_onto_a_make_up_sunday(self) -> None:
        """After 2025-12-31, 2026-01-01..03 are off and Sunday 2026-01-04 is a make-up workday."""
        assert working_day_after(D(2025, 12, 31), 1) == D(2026, 1, 4)

    def test_a_weekend_start_counts_from_monday(self) -> None:
        """From Saturday 2025-11-01, the fifth working day is Friday 2025-11-07."""
        assert working_day_after(D(2025, 11, 1), 5) == D(2025, 11, 7)

    def test_counting_into_an_unknown_year_raises_naming_it(self) -> None:
        """2026-12-31 is counted; the next candidate 2027-01-01 has no known schedule: an error, no guess."""
        with pytest.raises(CalendarUnknownError) as caught:
            working_day_after(D(2026, 12, 30), 2)
        assert caught.value.year == 2027

    @pytest.mark.parametrize("n", [0, -1, True, 1.0, "5"])
    def test_a_count_that_is_not_a_positive_int_is_rejected(self, n: object) -> None:
        """n is at least 1 and an int (a bool is not a count)."""
        with pytest.raises(InvalidInputError) as caught:
            working_day_after(D(2025, 9, 30), n)  # type: ignore[arg-type]
        assert caught.value.field == "n"

    @pytest.mark.parametrize("d", [dt.datetime(2025, 9, 30, 9, 0), "2025-09-30", None])  # noqa: DTZ001
    def test_a_start_that_is_not_a_date_is_rejected(self, d: object) -> None:
        """d is a plain datetime.date; a datetime is not accepted."""
        with pytest.raises(InvalidInputError) as caught:
            working_day_after(d, 5)  # type: ignore[arg-type]
        assert caught.value.field == "d"

    def test_a_calendar_of_the_wrong_type_is_rejected(self) -> None:
        """calendar must be a WorkingDayCalendar."""
        with pytest.raises(InvalidInputError) as caught:
            working_day_after(D(2025, 9, 30), 5, calendar={2025: "schedule"})  # type: ignore[arg-type]
        assert caught.value.field == "calendar"

    def test_an_explicit_calendar_is_used(self, csv_calendar: WorkingDayCalendar) -> None:
        """The CSV calendar gives the same answer as the default one for the National Day week."""
        assert working_day_after(D(2025, 9, 30), 5, calendar=csv_calendar) == D(2025, 10, 14)


class TestUnknownYears:
    """A year with no schedule raises CalendarUnknownError naming the year."""

    def test_2027_is_unknown_to_the_default_calendar(self) -> None:
        """No 2027 schedule is bundled: asking about 2027-01-04 is an error naming 2027."""
        with pytest.raises(CalendarUnknownError) as caught:
            DEFAULT_CALENDAR.is_working_day(D(2027, 1, 4))
        assert caught.value.year == 2027
        assert "2027" in str(caught.value)
        assert not DEFAULT_CALENDAR.knows(2027)

    def test_2024_is_unknown_to_a_calendar_without_bundled_schedules(
        self, csv_calendar: WorkingDayCalendar
    ) -> None:
        """With use_bundled=False, only the CSV's years are known: 2024 raises naming 2024."""
        with pytest.raises(CalendarUnknownError) as caught:
            csv_calendar.is_working_day(D(2024, 12, 31))
        assert caught.value.year == 2024
        assert "2024" in str(caught.value)
        assert not csv_calendar.knows(2024)

    def test_the_error_is_a_library_error_and_a_value_error(self) -> None:
        """Callers can catch GongshangError or ValueError without knowing the subclass."""
        with pytest.raises(GongshangError):
            DEFAULT_CALENDAR.is_working_day(D(2027, 6, 1))
        with pytest.raises(ValueError):
            DEFAULT_CALENDAR.is_working_day(D(2027, 6, 1))

    def test_known_years_are_reported(self, csv_calendar: WorkingDayCalendar) -> None:
        """knows() answers for the bundled and the CSV years."""
        assert DEFAULT_CALENDAR.knows(2025) and DEFAULT_CALENDAR.knows(2026)
        assert csv_calendar.knows(2025) and csv_calendar.knows(2026)

    def test_an_empty_calendar_without_bundled_schedules_knows_nothing(self) -> None:
        """WorkingDayCalendar(use_bundled=False) with no schedule knows not even 2025."""
        empty = WorkingDayCalendar(use_bundled=False)
        assert not empty.knows(2025)
        with pytest.raises(CalendarUnknownError):
            empty.is_working_day(D(2025, 10, 9))

    def test_is_working_day_rejects_a_datetime(self) -> None:
        """A datetime is not a date: InvalidInputError naming d."""
        with pytest.raises(InvalidInputError) as caught:
            DEFAULT_CALENDAR.is_working_day(dt.datetime(2025, 10, 9, 8, 30))  # type: ignore[arg-type]  # noqa: DTZ001
        assert caught.value.field == "d"


class TestCallerSchedules:
    """A caller-supplied schedule is honoured, for a new year or in place of a bundled one."""

    def test_a_caller_supplied_2027_schedule_is_honoured(self) -> None:
        """With a 2027 schedule added, 2027 is known; its day off and make-up day are applied."""
        calendar = DEFAULT_CALENDAR.with_schedule(SCHEDULE_2027)
        assert calendar.knows(2027)
        assert not calendar.is_working_day(D(2027, 1, 1))
        assert calendar.is_working_day(D(2027, 1, 9))
        assert calendar.is_working_day(D(2027, 1, 4))
        # 2026-12-31 (Thursday) is counted, 2027-01-01 is off, 01-02/03 are a weekend: 2nd is Monday 01-04.
        assert working_day_after(D(2026, 12, 30), 2, calendar=calendar) == D(2027, 1, 4)

    def test_adding_a_schedule_leaves_the_original_calendar_unchanged(self) -> None:
        """Calendars are values: with_schedule returns a new one."""
        DEFAULT_CALENDAR.with_schedule(SCHEDULE_2027)
        assert not DEFAULT_CALENDAR.knows(2027)

    def test_a_caller_schedule_replaces_the_bundled_one_for_its_year(self) -> None:
        """What if 2025-10-09 had been declared a day off: the caller's 2025 schedule wins over the bundled one."""
        what_if = YearSchedule(
            year=2025,
            days_off=frozenset({D(2025, 10, 9)}),
            makeup_workdays=frozenset(),
            source="what-if",
        )
        calendar = DEFAULT_CALENDAR.with_schedule(what_if)
        assert not calendar.is_working_day(D(2025, 10, 9))
        assert calendar.is_working_day(D(2025, 10, 1))  # not off in the what-if schedule

    def test_with_schedule_rejects_anything_but_a_year_schedule(self) -> None:
        """InvalidInputError naming schedule, not an AttributeError later."""
        with pytest.raises(InvalidInputError) as caught:
            DEFAULT_CALENDAR.with_schedule({"year": 2027})  # type: ignore[arg-type]
        assert caught.value.field == "schedule"

    # Regression (fixed in 8dcd422): schedules were not checked; a wrong value failed later with a bare
    # AttributeError, and a schedule filed under another year answered for that year silently.
    def test_a_calendar_rejects_schedules_that_are_not_year_schedules(self) -> None:
        """WorkingDayCalendar(schedules={2025: "x"}) raises InvalidInputError naming schedules."""
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(schedules={2025: "x"})  # type: ignore[dict-item]
        assert caught.value.field.startswith("schedules")

    def test_schedules_must_be_a_mapping(self) -> None:
        """A list of schedules is refused naming schedules."""
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(schedules=[SCHEDULE_2027])  # type: ignore[arg-type]
        assert caught.value.field == "schedules"

    def test_use_bundled_must_be_a_bool(self) -> None:
        """'no' is not False: nothing is coerced."""
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(use_bundled="no")  # type: ignore[arg-type]
        assert caught.value.field == "use_bundled"

    def test_a_callers_dict_cannot_change_the_calendar_later(self) -> None:
        """The calendar keeps its own copy: removing the 2027 schedule from the caller's dict changes nothing."""
        given_schedules = {2027: SCHEDULE_2027}
        calendar = WorkingDayCalendar(schedules=given_schedules)
        given_schedules.clear()
        assert calendar.knows(2027)
        assert not calendar.is_working_day(D(2027, 1, 1))

    def test_a_calendar_rejects_a_schedule_filed_under_another_year(self) -> None:
        """The 2027 schedule under the key 2028 would answer for 2028: InvalidInputError naming schedules."""
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(schedules={2028: SCHEDULE_2027})
        assert caught.value.field.startswith("schedules")


class TestYearScheduleInput:
    """Bad YearSchedule input raises InvalidInputError naming the field."""

    @staticmethod
    def build(**overrides: object) -> YearSchedule:
        fields: dict[str, object] = {
            "year": 2027,
            "days_off": frozenset({D(2027, 1, 1)}),
            "makeup_workdays": frozenset({D(2027, 1, 9)}),
            "source": "test",
        }
        fields.update(overrides)
        return YearSchedule(**fields)  # type: ignore[arg-type]

    def test_a_valid_schedule_is_built(self) -> None:
        """The baseline used below is itself valid."""
        assert self.build().year == 2027

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("year", "2027"),
            ("year", True),
            ("year", 1948),
            ("days_off", {D(2027, 1, 1)}),
            ("days_off", [D(2027, 1, 1)]),
            ("days_off", frozenset({dt.datetime(2027, 1, 1, 0, 0)})),  # noqa: DTZ001
            ("days_off", frozenset({"2027-01-01"})),
            ("days_off", frozenset({D(2026, 12, 31)})),
            ("makeup_workdays", frozenset({D(2027, 1, 8)})),
            ("makeup_workdays", frozenset({D(2028, 1, 8)})),
            ("source", ""),
            ("source", None),
        ],
    )
    def test_bad_input_names_the_field(self, field: str, value: object) -> None:
        """Wrong types, dates of another year, a weekday make-up day, a blank source: each names its field."""
        with pytest.raises(InvalidInputError) as caught:
            self.build(**{field: value})
        assert caught.value.field == field

    def test_a_day_both_off_and_make_up_is_rejected(self) -> None:
        """A day cannot be both a day off and a make-up workday."""
        with pytest.raises(InvalidInputError) as caught:
            self.build(days_off=frozenset({D(2027, 1, 9)}), makeup_workdays=frozenset({D(2027, 1, 9)}))
        assert caught.value.field == "makeup_workdays"


class TestSchedulesFromCsv:
    """schedules_from_csv reads the date,kind,source format; bad CSV names the field (and the line)."""

    HEADER = "date,weekday,kind,festival,source\n"

    def test_the_bundled_csv_gives_one_schedule_per_year_sorted(self, holiday_csv_text: str) -> None:
        """2025 and 2026, in that order, each with the notice it comes from."""
        schedules = schedules_from_csv(holiday_csv_text)
        assert [s.year for s in schedules] == [2025, 2026]
        assert "国办发明电〔2024〕12号" in schedules[0].source
        assert "2026年部分节假日安排" in schedules[1].source

    def test_the_schedules_hold_exactly_the_csv_days(
        self, holiday_csv_text: str, holiday_table: HolidayTable
    ) -> None:
        """Every off day and make-up day of the CSV, and nothing else."""
        schedules = schedules_from_csv(holiday_csv_text)
        assert frozenset().union(*(s.days_off for s in schedules)) == holiday_table.days_off
        assert frozenset().union(*(s.makeup_workdays for s in schedules)) == holiday_table.makeup_workdays

    def test_only_date_kind_and_source_are_needed(self) -> None:
        """Other columns are optional; a blank source becomes 'unknown'."""
        (schedule,) = schedules_from_csv("date,kind,source\n2027-01-01,off,\n2027-01-09,makeup_workday,\n")
        assert schedule.days_off == {D(2027, 1, 1)}
        assert schedule.makeup_workdays == {D(2027, 1, 9)}
        assert schedule.source == "unknown"

    def test_text_that_is_not_a_str_is_rejected(self, holiday_csv_text: str) -> None:
        """Bytes are not CSV text."""
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(holiday_csv_text.encode())  # type: ignore[arg-type]
        assert caught.value.field == "text"

    @pytest.mark.parametrize(
        ("text", "column"), [("date,source\n", "kind"), ("", "date"), ("day,kind,x\n", "source")]
    )
    def test_missing_columns_are_named(self, text: str, column: str) -> None:
        """A CSV without date, kind or source says which column is missing."""
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(text)
        assert caught.value.field == "text"
        assert column in caught.value.problem

    @pytest.mark.parametrize("bad", ["2025/10/01", "2025-02-30", ""])
    def test_a_bad_date_names_its_line(self, bad: str) -> None:
        """The second data line has a bad date: the field is 'line 3.date'."""
        text = self.HEADER + f"2025-10-01,周三,off,国庆节,x\n{bad},周三,off,国庆节,x\n"
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(text)
        assert caught.value.field == "line 3.date"

    def test_a_short_row_is_rejected_not_crashed(self) -> None:
        """A row with fewer cells than the header is InvalidInputError, not a TypeError."""
        with pytest.raises(InvalidInputError):
            schedules_from_csv("date,kind,source\n2025-10-01\n")

    def test_an_unknown_kind_names_its_line(self) -> None:
        """kind is 'off' or 'makeup_workday'; 'holiday' on line 2 is rejected naming 'line 2.kind'."""
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(self.HEADER + "2025-10-01,周三,holiday,国庆节,x\n")
        assert caught.value.field == "line 2.kind"

    def test_a_weekday_make_up_day_in_the_csv_is_rejected(self) -> None:
        """A make-up workday is a weekend day: a Wednesday listed as one is rejected."""
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(self.HEADER + "2025-10-01,周三,makeup_workday,国庆节,x\n")
        assert caught.value.field == "makeup_workdays"


# Dates whose first 20 working days after stay within the known years 2025 and 2026.
known_dates = st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 11, 30))
counts = st.integers(min_value=1, max_value=20)


class TestWorkingDayAfterProperties:
    """Invariants of working_day_after over 2025 and 2026."""

    @given(d=known_dates, n=counts)
    def test_the_result_is_a_working_day_strictly_after_the_start(self, d: dt.date, n: int) -> None:
        """The n-th working day after d is a working day, and later than d."""
        result = working_day_after(d, n)
        assert result > d
        assert DEFAULT_CALENDAR.is_working_day(result)

    @given(d=known_dates, n=st.integers(min_value=1, max_value=19))
    def test_the_result_strictly_increases_with_n(self, d: dt.date, n: int) -> None:
        """One more working day is strictly later."""
        assert working_day_after(d, n) < working_day_after(d, n + 1)

    @given(d=known_dates, n=counts)
    def test_exactly_n_working_days_lie_between_start_and_result(self, d: dt.date, n: int) -> None:
        """d excluded and the result included, the span holds exactly n working days."""
        result = working_day_after(d, n)
        span = [d + dt.timedelta(days=i) for i in range(1, (result - d).days + 1)]
        assert sum(DEFAULT_CALENDAR.is_working_day(x) for x in span) == n


class TestBundledSchedules:
    """The State Council schedules ship with the package: a release of ours fixes every working-day answer."""

    def test_the_bundled_years_are_2024_to_2026_each_with_its_notice(self) -> None:
        """2024, 2025 and 2026 are bundled; each year names the State Council notice it comes from."""
        from gongshang_rules.kernel.workdays import BUNDLED_SCHEDULES

        assert tuple(BUNDLED_SCHEDULES) == (2024, 2025, 2026)
        assert "国办发明电〔2023〕7号" in BUNDLED_SCHEDULES[2024].source
        assert "国办发明电〔2024〕12号" in BUNDLED_SCHEDULES[2025].source
        assert "2026年部分节假日安排" in BUNDLED_SCHEDULES[2026].source
        assert DEFAULT_CALENDAR.known_years() == (2024, 2025, 2026)

    def test_the_bundled_2025_2026_data_are_the_shared_table(self, holiday_csv_text: str) -> None:
        """The package's 2025-2026 schedules are exactly those of the reviewed CSV table."""
        from gongshang_rules.kernel.workdays import BUNDLED_SCHEDULES

        assert {s.year: s for s in schedules_from_csv(holiday_csv_text)} == {
            y: BUNDLED_SCHEDULES[y] for y in (2025, 2026)
        }

    def test_chinesecalendar_agrees_with_the_bundle_on_every_day_of_2024_to_2026(self) -> None:
        """A cross-check against an independent source: chinesecalendar, now a test dependency only."""
        import chinese_calendar  # the test extra installs it

        day, wrong = D(2024, 1, 1), []
        while day.year <= 2026:
            if DEFAULT_CALENDAR.is_working_day(day) != chinese_calendar.is_workday(day):
                wrong.append(day)
            day += dt.timedelta(days=1)
        assert wrong == []

    def test_2023_is_not_known_and_never_guessed(self) -> None:
        """A year before the bundle is an explicit CalendarUnknownError, as a year after it is."""
        with pytest.raises(CalendarUnknownError) as caught:
            DEFAULT_CALENDAR.is_working_day(D(2023, 12, 29))
        assert caught.value.year == 2023

    def test_the_runtime_does_not_import_chinesecalendar(self) -> None:
        """The core decides from package data: importing the library leaves chinesecalendar unloaded."""
        import subprocess
        import sys

        code = "import sys, gongshang_rules.oracle.cases; print('chinese_calendar' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.strip() == "False"


class TestProvisionalLateDecember:
    """Late December (21-31) of a year whose next schedule is unknown is provisional [interpretation]."""

    def test_21_december_of_the_last_known_year_is_provisional_and_20_december_is_not(self) -> None:
        """12月下旬 starts on the 21st."""
        assert DEFAULT_CALENDAR.provisional(D(2026, 12, 21))
        assert DEFAULT_CALENDAR.provisional(D(2026, 12, 31))
        assert not DEFAULT_CALENDAR.provisional(D(2026, 12, 20))
        assert not DEFAULT_CALENDAR.provisional(D(2026, 11, 25))

    def test_a_year_whose_next_year_is_known_is_not_provisional(self) -> None:
        """2025's late December is fixed by the known 2026 notice; with 2027 supplied, 2026's is too."""
        assert not DEFAULT_CALENDAR.provisional(D(2025, 12, 29))
        later = DEFAULT_CALENDAR.with_schedule(SCHEDULE_2027)
        assert not later.provisional(D(2026, 12, 28))
        assert later.provisional(D(2027, 12, 28))

    def test_an_unknown_year_is_not_provisional_it_is_unknown(self) -> None:
        """Provisional is about a known year's end; an unknown year has no answer to qualify."""
        assert not DEFAULT_CALENDAR.provisional(D(2027, 12, 28))

    def test_a_deadline_in_late_december_carries_the_note(self) -> None:
        """Counted from Friday 2026-12-18, the 5th working day is 12-25: provisional, with both dates named."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        deadline = working_day_after(D(2026, 12, 18), 5)
        note = provisional_note(D(2026, 12, 18), 5, deadline, template=CALENDAR_PROVISIONAL)
        assert deadline == D(2026, 12, 25) and note is not None
        assert note.code == "CALENDAR_PROVISIONAL" and note.interpretation
        assert "2026-12-21" in note.message_en and "2027" in note.message_en and "2027" in note.message_zh
        assert [str(a) for a in note.articles] == ["art. 10", "art. 21"]

    def test_a_deadline_before_late_december_has_no_note(self) -> None:
        """Counted from 2026-12-11 to 12-18, no provisional day is counted."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        assert provisional_note(D(2026, 12, 11), 5, D(2026, 12, 18), template=CALENDAR_PROVISIONAL) is None
        assert provisional_note(D(2026, 12, 25), 1, D(2026, 12, 25), template=CALENDAR_PROVISIONAL) is None

    def test_the_note_checks_its_arguments(self) -> None:
        """A wrong calendar or template is an InvalidInputError naming it."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        with pytest.raises(InvalidInputError, match="calendar"):
            provisional_note(
                D(2026, 12, 18), 5, D(2026, 12, 25), template=CALENDAR_PROVISIONAL, calendar="bundled"
            )  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="template"):
            provisional_note(D(2026, 12, 18), 5, D(2026, 12, 25), template="X")  # type: ignore[arg-type]


class TestLayeredCalendars:
    """A case's or the command line's schedules are added to the calendar the case is decided with."""

    def test_a_calendar_with_the_bundle_adds_its_years_to_the_base(self) -> None:
        """Schedules over a base: the base's years stay, the layer's are added (or replace the same year)."""
        layer = WorkingDayCalendar().with_schedule(SCHEDULE_2027)
        merged = layer.layered_on(DEFAULT_CALENDAR)
        assert merged.known_years() == (2024, 2025, 2026, 2027)

    def test_a_calendar_without_the_bundle_stands_alone(self) -> None:
        """use_bundled false: only the layer's own schedules count."""
        alone = WorkingDayCalendar(use_bundled=False).with_schedule(SCHEDULE_2027)
        assert alone.layered_on(DEFAULT_CALENDAR) is alone
        assert alone.known_years() == (2027,)
        assert alone.provisional(D(2027, 12, 31))

    def test_an_empty_layer_is_the_base(self) -> None:
        """No schedules and the bundle: the base itself."""
        base = DEFAULT_CALENDAR.with_schedule(SCHEDULE_2027)
        assert WorkingDayCalendar().layered_on(base) is base

    def test_the_base_must_be_a_calendar(self) -> None:
        """A wrong base is an InvalidInputError naming it."""
        with pytest.raises(InvalidInputError, match="base"):
            WorkingDayCalendar().layered_on({})  # type: ignore[arg-type]

    def test_the_schedule_used_for_a_year_is_the_callers_first(self) -> None:
        """schedule(year): the caller's schedule of a year before the bundled one; None for an unknown year."""
        mine = YearSchedule(year=2026, days_off=frozenset(), makeup_workdays=frozenset(), source="mine")
        calendar = DEFAULT_CALENDAR.with_schedule(mine)
        assert calendar.schedule(2026) is mine
        assert calendar.schedule(2025) is not None and calendar.schedule(2023) is None
        assert WorkingDayCalendar(use_bundled=False).schedule(2025) is None


class TestProvisionalProperty:
    """For any count in the bundle's years, the note is given exactly when the deadline is in 2026-12-21..31."""

    @given(
        start=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 30)),
        n=st.integers(min_value=1, max_value=15),
    )
    def test_the_note_is_given_exactly_for_late_december_2026(self, start: dt.date, n: int) -> None:
        """Counted on the default calendar: a note iff 2026-12-21 <= deadline (no later day is known)."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        try:
            deadline = working_day_after(start, n)
        except CalendarUnknownError:
            return  # the count needed 2027: an error, not a provisional answer
        note = provisional_note(start, n, deadline, template=CALENDAR_PROVISIONAL)
        assert (note is not None) == (deadline >= D(2026, 12, 21))


class TestBadInputNamesTheFieldAndWhatItGot:
    """House rule: bad input is refused naming the field and the type it got (an error a caller can act on)."""

    def test_days_that_are_not_a_frozenset_name_the_field_and_the_type(self) -> None:
        """``days_off`` given as a list."""
        with pytest.raises(InvalidInputError) as caught:
            YearSchedule(year=2027, days_off=[D(2027, 1, 1)], makeup_workdays=frozenset(), source="x")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == (
            "days_off",
            "must be a frozenset of dates, got list",
        )

    def test_schedules_that_are_not_a_mapping_or_hold_something_else_are_refused(self) -> None:
        """``schedules`` given as a list, or mapping 2027 to text."""
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(schedules=[SCHEDULE_2027])  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == (
            "schedules",
            "must map years to YearSchedule, got list",
        )
        with pytest.raises(InvalidInputError) as caught:
            WorkingDayCalendar(schedules={2027: "2027"})  # type: ignore[dict-item]
        assert (caught.value.field, caught.value.problem) == (
            "schedules[2027]",
            "must be a YearSchedule, got str",
        )

    def test_with_schedule_and_layered_on_name_their_argument_and_its_type(self) -> None:
        """``schedule`` and ``base``."""
        with pytest.raises(InvalidInputError) as caught:
            DEFAULT_CALENDAR.with_schedule(2027)  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("schedule", "must be a YearSchedule, got int")
        with pytest.raises(InvalidInputError) as caught:
            DEFAULT_CALENDAR.layered_on("bundled")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("base", "must be a WorkingDayCalendar, got str")

    def test_provisional_names_its_date(self) -> None:
        """``d`` given as text."""
        with pytest.raises(InvalidInputError) as caught:
            DEFAULT_CALENDAR.provisional("2026-12-28")  # type: ignore[arg-type]
        assert caught.value.field == "d"

    def test_csv_that_is_not_text_or_lacks_columns_is_refused(self) -> None:
        """``text`` given as bytes; a CSV without its kind and source columns names both, comma-separated."""
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv(b"date,kind,source\n")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("text", "must be CSV text (str), got bytes")
        with pytest.raises(InvalidInputError) as caught:
            schedules_from_csv("date,weekday\n2027-01-01,Fri\n")
        assert (caught.value.field, caught.value.problem) == ("text", "CSV lacks the column(s) kind, source")

    def test_working_day_after_names_a_wrong_calendar_and_the_end_of_the_calendar(self) -> None:
        """``calendar`` given as text; counting past 9999-12-31 (a Friday) names ``d``, the count and the date."""
        with pytest.raises(InvalidInputError) as caught:
            working_day_after(D(2025, 9, 1), 1, calendar="bundled")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == (
            "calendar",
            "must be a WorkingDayCalendar, got str",
        )
        last_year = YearSchedule(year=9999, days_off=frozenset(), makeup_workdays=frozenset(), source="test")
        calendar = WorkingDayCalendar(schedules={9999: last_year}, use_bundled=False)
        assert working_day_after(D(9999, 12, 30), 1, calendar=calendar) == D(9999, 12, 31)
        with pytest.raises(InvalidInputError) as caught:
            working_day_after(D(9999, 12, 30), 2, calendar=calendar)
        assert (caught.value.field, caught.value.problem) == (
            "d",
            "no working day 2 after 9999-12-30 before the last representable date",
        )

    def test_the_provisional_note_names_each_bad_argument_and_its_type(self) -> None:
        """``after``, ``deadline``, ``calendar`` and ``template``."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        good = {
            "after": D(2026, 12, 18),
            "n": 5,
            "deadline": D(2026, 12, 25),
            "template": CALENDAR_PROVISIONAL,
        }
        for field, value in (("after", "2026-12-18"), ("deadline", "2026-12-25")):
            with pytest.raises(InvalidInputError) as caught:
                provisional_note(**{**good, field: value})  # type: ignore[arg-type]
            assert caught.value.field == field
        with pytest.raises(InvalidInputError) as caught:
            provisional_note(**good, calendar="bundled")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == (
            "calendar",
            "must be a WorkingDayCalendar, got str",
        )
        with pytest.raises(InvalidInputError) as caught:
            provisional_note(**{**good, "template": "X"})  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.problem) == ("template", "must be a ReasonTemplate, got str")


class TestProvisionalNoteParticulars:
    """Arts. 10 and 21 count working days: a provisional deadline's note says from when, how many, to when, and
    which December's days (21st to 31st) rest on a schedule not yet known, in both languages."""

    def test_the_note_names_the_start_the_count_the_deadline_and_the_late_december_days(self) -> None:
        """Five working days after Friday 2026-12-18 is 2026-12-25; 2026-12-21 to 2026-12-31 may move with 2027."""
        from gongshang_rules.kernel.workdays import CALENDAR_PROVISIONAL, provisional_note

        note = provisional_note(D(2026, 12, 18), 5, D(2026, 12, 25), template=CALENDAR_PROVISIONAL)
        assert note is not None
        assert "2026-12-18后第5个工作日为2026-12-25" in note.message_zh
        assert "2026年12月下旬（2026-12-21至2026-12-31）的工作日按2026年通知计算" in note.message_zh
        assert "The 5th working day after 2026-12-18 is 2026-12-25" in note.message_en
        assert (
            "late December 2026 (2026-12-21 to 2026-12-31) are counted on the 2026 notice" in note.message_en
        )


class TestSchedulesFromCsvShapes:
    """The CSV format of the State Council schedules, read as a caller would supply a new year's notice."""

    def test_a_year_with_days_off_and_no_make_up_workday_is_read(self) -> None:
        """A notice may move no weekend: the year has days off and an empty set of make-up workdays."""
        (schedule,) = schedules_from_csv("date,kind,source\n2027-01-01,off,notice 2027\n")
        assert schedule.year == 2027
        assert schedule.days_off == frozenset({D(2027, 1, 1)})
        assert schedule.makeup_workdays == frozenset()

    def test_a_year_from_two_notices_names_both_sorted_and_separated(self) -> None:
        """Two sources for one year (a notice and its correction) are both kept: ``a; b``."""
        (schedule,) = schedules_from_csv(
            "date,kind,source\n2027-01-01,off,notice B\n2027-01-09,makeup_workday,notice A\n"
        )
        assert schedule.source == "notice A; notice B"
