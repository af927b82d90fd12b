"""The rulings the oracle gives itself, for the decisions whose library function returns no ruling.

The period helpers return a bare date (:func:`~gongshang_rules.kernel.workdays.working_day_after`,
:func:`~gongshang_rules.kernel.periods.add_months`, :func:`~gongshang_rules.rules.applications.review_deadline`): a
case is answered with a :class:`DateRuling`, the date and the reasons it rests on.
:func:`~gongshang_rules.rules.supervision.suspension_status` holds the worker's identity number in its suspensions: a
case is answered with a :class:`SuspensionStatusRuling`, the suspensions in force without it.
:data:`~gongshang_rules.oracle.decisions.DECISIONS` makes them.

>>> import datetime as dt
>>> DateRuling(outcome=Computed.COMPUTED, reasons=(), date=dt.date(2026, 2, 28)).date.isoformat()
'2026-02-28'
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Ruling
from ..rules.supervision import SuspensionStatus

# Not on the facade: a case gets these rulings through its decision.
__all__ = ["Computed", "DateRuling", "SuspensionPeriod", "SuspensionStatusRuling"]


# --- results that are a computed date ---------------------------------------------------------------------------


class Computed(LabelledEnum):
    """The outcome of a period helper: a date was computed."""

    COMPUTED = ("已计算", "computed")
    NOT_IN_FORCE = ("本规程不在有效期内，不计算", "not computed: this procedure is not in force on that day")


@attrs.frozen(kw_only=True)
class DateRuling(Ruling[Computed]):
    """The result of a period helper (``working_day_after``, ``add_months``, ``review_deadline``): one date
    (``None`` when a deadline of this procedure is asked for a day it does not govern)."""

    date: _dt.date | None

    def _extra_lines(self) -> list[str]:
        return [f"  date: {self.date.isoformat() if self.date else 'none'}"]


# The readings and the schedule a computed date rests on (the helpers themselves return bare dates).


# --- the suspension status, as a result writes it -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SuspensionPeriod:
    """A suspension in force, as a result writes it: its first day, the day it is lifted (``None`` while not lifted)
    and the Hunan treatment place that suspended it. No identity number: the case's facts name the worker."""

    suspended_on: _dt.date
    lifted_on: _dt.date | None = None
    suspended_by: Place | None = None


@attrs.frozen(kw_only=True)
class SuspensionStatusRuling(Ruling[SuspensionStatus]):
    """``suspension_status``: the outcome and reasons of :func:`~gongshang_rules.rules.supervision.suspension_status`, with
    ``on`` (the case's ``today``) and the suspensions in force on it, each without the worker's identity number."""

    on: _dt.date
    in_force: tuple[SuspensionPeriod, ...] = ()

    def _extra_lines(self) -> list[str]:
        return [f"  on {self.on.isoformat()}: {len(self.in_force)} suspension(s) in force"]


mask_reprs(DateRuling, SuspensionPeriod, SuspensionStatusRuling)  # repr() and str() never show a whole number
