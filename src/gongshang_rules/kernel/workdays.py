"""Working days, behind our own small interface (articles 10 and 21 count in working days).

A working day is a Monday to Friday that is not a day off in the State Council's holiday schedule, or a weekend day
the schedule makes a make-up workday (调休). The default calendar reads the schedules shipped with this package
(``data/cn-holidays-*.csv``: every day of the notices for 2024, 2025 and 2026, each with its notice), so a release
of ours fixes every answer; a year it does not know raises :class:`CalendarUnknownError` naming the year, never a
guess. A caller adds a year's schedule (published after this package) with :meth:`WorkingDayCalendar.with_schedule`,
for example from a CSV in the same format via :func:`schedules_from_csv`.

The last days of the last known year are provisional: the next year's notice can move them (the notice for 2019 made
2018-12-29 a make-up workday and 2018-12-31 a day off). **[interpretation]** "Late December" is 12月下旬, 21 to 31
December, of a year whose next year's schedule the calendar does not know (:meth:`WorkingDayCalendar.provisional`);
a deadline that falls in those days or counts through them carries a note saying so (:func:`provisional_note`).

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

from . import _data
from ._validate import check_date, check_int, is_bool, is_text
from .errors import CalendarUnknownError, InvalidInputError
from .ruling import Reason, ReasonTemplate, note

__all__ = [
    "BUNDLED_SCHEDULES",
    "DEFAULT_CALENDAR",
    "WorkingDayCalendar",
    "YearSchedule",
    "provisional_note",
    "schedules_from_csv",
    "working_day_after",
]

#: The first day of "late December" (12月下旬), from which the last known year's days are provisional.
LATE_DECEMBER_FROM = 21

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
    """Working days from explicit year schedules, then (if ``use_bundled``) from :data:`BUNDLED_SCHEDULES`."""

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
        return year in self.schedules or (self.use_bundled and year in BUNDLED_SCHEDULES)

    def schedule(self, year: int) -> YearSchedule | None:
        """The schedule this calendar decides ``year`` with (the caller's before the bundled one), or ``None``."""
        found = self.schedules.get(year)
        if found is None and self.use_bundled:
            found = BUNDLED_SCHEDULES.get(year)
        return found

    def known_years(self) -> tuple[int, ...]:
        """The years whose schedule this calendar knows, ascending."""
        bundled = set(BUNDLED_SCHEDULES) if self.use_bundled else set()
        return tuple(sorted(set(self.schedules) | bundled))

    def provisional(self, d: _dt.date) -> bool:
        """Whether ``d`` is in late December (21-31) of a known year whose next year's schedule is not known.

        **[interpretation]** The next year's notice can move those days (a New Year holiday that starts in December,
        a make-up Saturday before it); until it is known, an answer that rests on them is provisional.
        """
        check_date("d", d)
        return (
            d.month == 12
            and d.day >= LATE_DECEMBER_FROM
            and self.knows(d.year)
            and not self.knows(d.year + 1)
        )

    def layered_on(self, base: WorkingDayCalendar) -> WorkingDayCalendar:
        """This calendar with ``base`` as its bundle: with ``use_bundled``, ``base``'s years under this one's own.

        A case's calendar is read this way: its schedules are added to the calendar the case is decided with (the
        bundled schedules and any given on the command line); with ``use_bundled: false`` it stands alone.
        """
        if not isinstance(base, WorkingDayCalendar):
            raise InvalidInputError("base", f"must be a WorkingDayCalendar, got {type(base).__name__}")
        if not self.use_bundled:
            return self
        if not self.schedules:
            return base
        return attrs.evolve(base, schedules=MappingProxyType({**base.schedules, **self.schedules}))

    def is_working_day(self, d: _dt.date) -> bool:
        """Whether ``d`` is a working day; :class:`CalendarUnknownError` if its year's schedule is unknown."""
        check_date("d", d)
        schedule = self.schedule(d.year)
        if schedule is None:
            raise CalendarUnknownError(d.year)
        return schedule.is_working_day(d)


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


def _bundled() -> Mapping[int, YearSchedule]:
    """The schedules of every ``data/cn-holidays-*.csv`` shipped with the package, by year (one file per notice
    set; a year in two files is a packaging mistake and fails at import)."""
    found: dict[int, YearSchedule] = {}
    for name in _data.names("data"):
        if name.startswith("cn-holidays-") and name.endswith(".csv"):
            for schedule in schedules_from_csv(_data.text("data", name)):
                if schedule.year in found:
                    raise InvalidInputError(name, f"{schedule.year} is also in another bundled file")
                found[schedule.year] = schedule
    return MappingProxyType(dict(sorted(found.items())))


#: The State Council schedules shipped with this package (2024 to 2026), by year: part of the oracle's version.
BUNDLED_SCHEDULES: Mapping[int, YearSchedule] = _bundled()

#: The default calendar: the bundled schedules, and nothing else.
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


CALENDAR_PROVISIONAL = note(
    "CALENDAR_PROVISIONAL",
    10,
    21,
    when="The computed working day falls on 21 to 31 December of a year whose next year's State Council schedule "
    "the calendar does not know (with the bundled schedules: 2026-12-21 to 2026-12-31).",
    reading=True,
    zh="{after}后第{n}个工作日为{deadline}；{year}年12月下旬（{start}至{end}）的工作日按{year}年通知计算，"
    "{next}年的放假安排尚未知悉，可能调整这些日期，故该期限为暂定。",
    en="The {n}th working day after {after} is {deadline}; the working days of late December {year} ({start} to "
    "{end}) are counted on the {year} notice, and the {next} schedule, not yet known, may move them: the deadline "
    "is provisional.",
)


def provisional_note(
    after: _dt.date,
    n: int,
    deadline: _dt.date,
    *,
    template: ReasonTemplate,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
) -> Reason | None:
    """A note when a deadline counted from ``after`` falls in or counts through late December of a last known year.

    ``None`` when no day in (``after``, ``deadline``] is provisional (:meth:`WorkingDayCalendar.provisional`). A
    count that runs past 31 December reached a known next year, so that December is not provisional: the days
    counted touch a provisional one exactly when ``deadline`` is one. ``template`` is the decision's own note (one
    that cites its article), with the particulars ``after``, ``n``, ``deadline``, ``year``, ``next``, ``start`` and
    ``end`` (no default: each decision names its own, so that the catalogue traces each note to its decisions).

    >>> import datetime as dt
    >>> note = CALENDAR_PROVISIONAL
    >>> provisional_note(dt.date(2026, 12, 18), 5, dt.date(2026, 12, 25), template=note).code
    'CALENDAR_PROVISIONAL'
    >>> provisional_note(dt.date(2026, 12, 11), 5, dt.date(2026, 12, 18), template=note) is None
    True
    """
    check_date("after", after)
    check_date("deadline", deadline)
    if not isinstance(calendar, WorkingDayCalendar):
        raise InvalidInputError("calendar", f"must be a WorkingDayCalendar, got {type(calendar).__name__}")
    if not isinstance(template, ReasonTemplate):
        raise InvalidInputError("template", f"must be a ReasonTemplate, got {type(template).__name__}")
    if deadline <= after or not calendar.provisional(deadline):
        return None
    year = deadline.year
    return template.make(
        after=after.isoformat(),
        n=n,
        deadline=deadline.isoformat(),
        year=year,
        next=year + 1,
        start=_dt.date(year, 12, LATE_DECEMBER_FROM).isoformat(),
        end=_dt.date(year, 12, 31).isoformat(),
    )
