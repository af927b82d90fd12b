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
import importlib
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel.ruling import LabelledEnum, Ruling

# Not on the facade: a case gets these rulings through its decision.
__all__ = ["Computed", "DateRuling"]


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


#: The suspension status's result types live beside its decision (issue 13: a settlement case never imports the
#: supervision rules); each is imported when first read here, so a pickle from before the move keeps working. Type
#: checkers do not see them here: import a name from the module that defines it.
_MOVED = dict.fromkeys(("SuspensionPeriod", "SuspensionStatusRuling"), "decisions_funds")

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MOVED.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)


mask_reprs(DateRuling)  # repr() and str() never show a whole number
