"""Periods counted in months, per 民法典 第二百零一条 and 第二百零二条 [interpretation, SPEC.md].

A period of *n* months "from" a day does not count that day (第二百零一条); it ends on the day of the final month
with the same number as the start day, or on that month's last day where the month has no such day
(第二百零二条). So a filing made on 2025-08-31 with a 6-month validity is valid through 2026-02-28.

>>> import datetime as dt
>>> add_months(dt.date(2025, 8, 31), 6)
datetime.date(2026, 2, 28)
>>> add_months(dt.date(2024, 2, 29), 12)
datetime.date(2025, 2, 28)
>>> add_months(dt.date(2025, 8, 15), 3)
datetime.date(2025, 11, 15)
"""

from __future__ import annotations

import datetime as _dt

from dateutil.relativedelta import relativedelta

from ._validate import check_date, check_int
from .errors import InvalidInputError

__all__ = [
    "add_months",
    "months_reached",
]

#: The authority cited by every rule that counts a period in months.


def add_months(d: _dt.date, n: int) -> _dt.date:
    """The last day of a period of ``n`` months counted from ``d`` (民法典 第二百零一条、第二百零二条).

    The same day-of-month ``n`` months later, or the last day of that month where it has no such day; ``n`` is
    at least 1. (dateutil's ``relativedelta`` clamps exactly so; we wrap it to check the input.)
    """
    check_date("d", d)
    check_int("n", n, minimum=1)
    try:
        result: _dt.date = d + relativedelta(months=n)
    except (ValueError, OverflowError):
        raise InvalidInputError(
            "d", f"{n} months after {d.isoformat()} is past the last representable date"
        ) from None
    return result


def months_reached(since: _dt.date, months: int, on: _dt.date) -> bool:
    """Whether, on the day ``on``, ``months`` whole months have run since ``since`` [interpretation].

    The period starts the day after ``since`` and its last day is :func:`add_months` (``since``, ``months``);
    the day ``on`` itself counts as a day of the period, so the duration is reached on that last day.

    >>> import datetime as dt
    >>> months_reached(dt.date(2025, 1, 31), 6, dt.date(2025, 7, 30))
    False
    >>> months_reached(dt.date(2025, 1, 31), 6, dt.date(2025, 7, 31))
    True
    """
    check_date("since", since)
    check_int("months", months, minimum=1)
    check_date("on", on)
    return on >= add_months(since, months)
