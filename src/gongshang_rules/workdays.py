"""Working days, behind our own small interface (articles 10 and 21 count in working days).

A working day is a Monday to Friday that is not a day off in the State Council's holiday schedule, or a weekend day
the schedule makes a make-up workday (调休). The default calendar reads the schedules bundled in
``chinesecalendar``; a year it does not know raises :class:`CalendarUnknownError` naming the year, never a guess. A
caller can add a year's schedule (published after this package) with :meth:`WorkingDayCalendar.with_schedule`,
for example from a CSV in the format of ``shared/data/cn-holidays-2025-2026.csv`` via :func:`schedules_from_csv`.

>>> import datetime as dt
>>> working_day_after(dt.date(2025, 9, 30), 5)   # National Day week, then the make-up Saturday 10-11
datetime.date(2025, 10, 14)
>>> DEFAULT_CALENDAR.is_working_day(dt.date(2025, 10, 11))
True
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs
import chinese_calendar

from ._validate import check_date, check_int, is_bool, is_text
from .errors import CalendarUnknownError, InvalidInputError

__all__ = [
    "DEFAULT_CALENDAR",
    "WorkingDayCalendar",
    "YearSchedule",
    "schedules_from_csv",
    "working_day_after",
]

_ONE_DAY = _dt.timedelta(days=1)


def _check_days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise InvalidInputError(attribute.name, f"must be a frozenset of dates, got {type(value).__name__}")
    for d in value:
        check_date(attribute.name, d)


@attrs.frozen(kw_only=True)
class YearSchedule:
    """One year's State Council holiday schedule: the days off and the make-up workdays, with its source."""

    year: int = attrs.field()
    days_off: frozenset[_dt.date] = attrs.field(validator=_check_days)
    makeup_workdays: frozenset[_dt.date] = attrs.field(validator=_check_days)
    source: str = attrs.field(validator=is_text)

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[int], value: object) -> None:
        check_int(attribute.name, value, minimum=1949)

    def __attrs_post_init__(self) -> None:
        for name, days in (("days_off", self.days_off), ("makeup_workdays", self.makeup_workdays)):
            stray = sorted(d for d in days if d.year != self.year)
            if stray:
                raise InvalidInputError(name, f"holds {stray[0].isoformat()}, outside the year {self.year}")
        both = sorted(self.days_off & self.makeup_workdays)
        if both:
            raise InvalidInputError("makeup_workdays", f"{both[0].isoformat()} is also listed as a day off")
        weekday_makeups = sorted(d for d in self.makeup_workdays if d.weekday() < 5)
        if weekday_makeups:
            raise InvalidInputError(
                "makeup_workdays",
                f"{weekday_makeups[0].isoformat()} is a weekday; a make-up workday is a weekend day",
            )

    def is_working_day(self, d: _dt.date) -> bool:
        if d in self.makeup_workdays:
            return True
        return d.weekday() < 5 and d not in self.days_off


def _frozen_schedules(value: object) -> object:
    """A read-only copy of a mapping (so a caller's dict cannot change the calendar later); else as given."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


def _check_schedules(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        raise InvalidInputError(attribute.name, f"must map years to YearSchedule, got {type(value).__name__}")
    for year, schedule in value.items():
        if not isinstance(schedule, YearSchedule):
            raise InvalidInputError(
                f"{attribute.name}[{year!r}]", f"must be a YearSchedule, got {type(schedule).__name__}"
            )
        if year != schedule.year:
            raise InvalidInputError(f"{attribute.name}[{year!r}]", f"holds the schedule of {schedule.year}")


@attrs.frozen(kw_only=True)
class WorkingDayCalendar:
    """Working days from explicit year schedules, then (if ``use_bundled``) from ``chinesecalendar``."""

    schedules: Mapping[int, YearSchedule] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_frozen_schedules, validator=_check_schedules
    )
    use_bundled: bool = attrs.field(default=True, validator=is_bool)

    def with_schedule(self, schedule: YearSchedule) -> WorkingDayCalendar:
        """A calendar that also knows ``schedule`` (it replaces any schedule of the same year)."""
        if not isinstance(schedule, YearSchedule):
            raise InvalidInputError("schedule", f"must be a YearSchedule, got {type(schedule).__name__}")
        return attrs.evolve(self, schedules=MappingProxyType({**self.schedules, schedule.year: schedule}))

    def knows(self, year: int) -> bool:
        """Whether a schedule is known for ``year``."""
        if year in self.schedules:
            return True
        if not self.use_bundled:
            return False
        try:
            chinese_calendar.is_workday(_dt.date(year, 1, 1))
        except NotImplementedError:
            return False
        return True

    def is_working_day(self, d: _dt.date) -> bool:
        """Whether ``d`` is a working day; :class:`CalendarUnknownError` if its year's schedule is unknown."""
        check_date("d", d)
        schedule = self.schedules.get(d.year)
        if schedule is not None:
            return schedule.is_working_day(d)
        if self.use_bundled:
            try:
                return bool(chinese_calendar.is_workday(d))
            except NotImplementedError:
                pass
        raise CalendarUnknownError(d.year)


#: The default calendar: chinesecalendar's bundled schedules, and nothing else.
DEFAULT_CALENDAR = WorkingDayCalendar()


def working_day_after(d: _dt.date, n: int, *, calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> _dt.date:
    """The ``n``-th working day after ``d`` (``d`` itself is not counted, 民法典 第二百零一条).

    >>> import datetime as dt
    >>> working_day_after(dt.date(2026, 2, 13), 1)   # Friday before the Spring Festival; 02-14 is a make-up day
    datetime.date(2026, 2, 14)
    """
    check_date("d", d)
    check_int("n", n, minimum=1)
    if not isinstance(calendar, WorkingDayCalendar):
        raise InvalidInputError("calendar", f"must be a WorkingDayCalendar, got {type(calendar).__name__}")
    day, counted = d, 0
    while counted < n:
        if day == _dt.date.max:
            raise InvalidInputError(
                "d", f"no working day {n} after {d.isoformat()} before the last representable date"
            )
        day += _ONE_DAY
        if calendar.is_working_day(day):
            counted += 1
    return day


def schedules_from_csv(text: str) -> tuple[YearSchedule, ...]:
    """Year schedules from CSV text with columns ``date,kind,source`` (``kind``: ``off`` or ``makeup_workday``).

    Other columns (weekday, festival) are ignored. Returns one schedule per year, sorted by year.
    """
    if not isinstance(text, str):
        raise InvalidInputError("text", f"must be CSV text (str), got {type(text).__name__}")
    off: dict[int, set[_dt.date]] = {}
    makeup: dict[int, set[_dt.date]] = {}
    sources: dict[int, set[str]] = {}
    reader = csv.DictReader(io.StringIO(text))
    missing = {"date", "kind", "source"} - set(reader.fieldnames or ())
    if missing:
        raise InvalidInputError("text", f"CSV lacks the column(s) {', '.join(sorted(missing))}")
    for line, row in enumerate(reader, start=2):
        try:
            d = _dt.date.fromisoformat(row["date"])
        except (TypeError, ValueError):
            raise InvalidInputError(f"line {line}.date", f"not an ISO date: {row['date']!r}") from None
        kind = row["kind"]
        if kind == "off":
            off.setdefault(d.year, set()).add(d)
        elif kind == "makeup_workday":
            makeup.setdefault(d.year, set()).add(d)
        else:
            raise InvalidInputError(f"line {line}.kind", f"must be 'off' or 'makeup_workday', got {kind!r}")
        sources.setdefault(d.year, set()).add(row["source"] or "unknown")
    years: Iterable[int] = sorted(set(off) | set(makeup))
    return tuple(
        YearSchedule(
            year=y,
            days_off=frozenset(off.get(y, ())),
            makeup_workdays=frozenset(makeup.get(y, ())),
            source="; ".join(sorted(sources[y])),
        )
        for y in years
    )
