"""The reconciliation deadlines: chapter 3, article 21.

For intra-province care the treatment place's agency reconciles with the institution first, then with the insured
place's agency: in principle (原则上) on the day after the settlement (次日: the next calendar day, a holiday or not,
:func:`reconciliation_deadline`), and all of a month within the first 5 working days of the next month
(:func:`monthly_reconciliation_deadline`, counted on the State Council's holiday schedule). The ``decide_...``
functions give each as a ruling, checked against article 36. A month's reconciliation
(:func:`~gongshang_rules.rules.reconciliation.reconcile_month`, article 20) takes the deadlines of its
intra-province settlements from here (:class:`SettlementDeadline`, one for each, and the month's).

>>> import datetime as dt
>>> monthly_reconciliation_deadline(2025, 9)   # National Day week 10-01..08, make-up Saturday 10-11
datetime.date(2025, 10, 14)
>>> reconciliation_deadline(dt.date(2025, 12, 31))   # 次日, a holiday or not
datetime.date(2026, 1, 1)
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt

import attrs

from ..kernel._validate import check_date, check_int, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import STATE_COUNCIL_SCHEDULE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    MONTH_AFTER,
    SETTLEMENT_DATE,
    ParametersLike,
    check_parameters,
    picks_version,
    resolve_parameters,
)
from ..kernel.ruling import LabelledEnum, Reason, Ruling, decisive, note
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar, provisional_note, working_day_after
from .commencement import InForce, in_force
from .records import SettlementRecord
from .scope import Scope

__all__ = [
    "DeadlineOutcome",
    "DeadlineRuling",
    "SettlementDeadline",
    "decide_monthly_reconciliation_deadline",
    "decide_reconciliation_deadline",
    "monthly_reconciliation_deadline",
    "reconciliation_deadline",
]

_ONE_DAY = _dt.timedelta(days=1)
_A21 = ArticleRef(21)


# --- input checks shared with the month's reconciliation ---------------------------------------------------------


def _check_calendar(value: object) -> WorkingDayCalendar:
    if not isinstance(value, WorkingDayCalendar):
        raise InvalidInputError("calendar", f"must be a WorkingDayCalendar, got {type_name(value)}")
    return value


def _check_month(year: object, month: object) -> tuple[int, int]:
    y = check_int("year", year, minimum=1)
    if y > 9998:
        raise InvalidInputError("year", f"must be at most 9998, got {y}")
    m = check_int("month", month, minimum=1)
    if m > 12:
        raise InvalidInputError("month", f"must be 1 to 12, got {m}")
    return y, m


def _month_after(year: int, month: int) -> _dt.date:
    """The first day of the month after ``year``-``month``: the day article 21's monthly duty starts to run, whose
    parameters version a month's reconciliation uses [interpretation]."""
    return _dt.date(year + 1, 1, 1) if month == 12 else _dt.date(year, month + 1, 1)


# --- values ---------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SettlementDeadline:
    """The article 21 next-day reconciliation deadline of one intra-province settlement."""

    settlement_id: str
    settled_on: _dt.date
    deadline: _dt.date


# --- reasons --------------------------------------------------------------------------------------------------

RECONCILIATION_INTRA_PROVINCE_TWO_STAGES = note(
    "RECONCILIATION_INTRA_PROVINCE_TWO_STAGES",
    _A21,
    when="reconcile_month with INTRA_PROVINCE settlements in force.",
    zh="省内异地就医费用（结算号{ids}），就医地经办机构先与协议机构完成结算对账，再与参保地经办机构对账。",
    en="Intra-province costs (settlements {ids}): the treatment place's agency first reconciles with the "
    "institution, then with the insured place's agency.",
)
RECONCILIATION_NEXT_DAY = decisive(
    "RECONCILIATION_NEXT_DAY",
    _A21,
    when="reconciliation_deadline in force (deadline = settled_on + 1 day); reconcile_month with intra-province settlements in force (one deadline each).",
    zh="就医地和参保地经办机构原则上应于结算次日完成对账：{deadlines}。“原则上”表示经办时限要求，本规程未规定逾期后果。",
    en="In principle (原则上) the treatment and insured places' agencies reconcile each settlement on the day "
    "after it: {deadlines_en}. This is a target; the procedure attaches no consequence to missing it.",
)
RECONCILIATION_NEXT_DAY_NOT_MOVED = decisive(
    "RECONCILIATION_NEXT_DAY_NOT_MOVED",
    _A21,
    when="With RECONCILIATION_NEXT_DAY, when some next-day deadline is a day off in the calendar (it is not moved to a working day).",
    reading=True,
    zh="结算次日{days}为休息日，仍以该日为准：第二十一条规定的是“次日”而非“下一个工作日”，且仅为原则性要求，"
    "不按民法典第二百零三条顺延。",
    en="The day after settlement, {days}, is a day off, and stays the target: article 21 says 'the next day' "
    "(次日), not 'the next working day', and only in principle, so Civil Code art. 203's extension to the "
    "next working day is not applied.",
)
RECONCILIATION_MONTHLY_DEADLINE = decisive(
    "RECONCILIATION_MONTHLY_DEADLINE",
    _A21,
    when="monthly_reconciliation_deadline for a month with a day in force; reconcile_month with intra-province settlements in force: the 5th working day after the month's last day.",
    reading=True,
    zh="{month}所有省内异地就医直接结算费用应于次月前{n}个工作日内完成对账，即不迟于{deadline}。工作日按国务院节假日"
    "安排计算，调休上班日计入；本规程未规定逾期后果。",
    en="All intra-province direct settlements of {month} are to be reconciled within the first {n} working days "
    "of the next month, by {deadline}. Working days follow the State Council's holiday schedule, make-up "
    "workdays included; the procedure attaches no consequence to missing the deadline.",
    authorities=(STATE_COUNCIL_SCHEDULE,),
)


# --- rules ----------------------------------------------------------------------------------------------------


def reconciliation_deadline(
    settled_on: _dt.date, *, calendar: WorkingDayCalendar = DEFAULT_CALENDAR
) -> _dt.date:
    """The day by which an intra-province settlement is reconciled, in principle: the next day (article 21).

    次日 is the next calendar day, a holiday or not; ``calendar`` is checked but does not change the answer (it
    is accepted so that the deadline functions share one signature).

    >>> import datetime as dt
    >>> reconciliation_deadline(dt.date(2025, 9, 30))   # 10-01 is National Day: still the next day
    datetime.date(2025, 10, 1)
    """
    check_date("settled_on", settled_on)
    _check_calendar(calendar)
    if settled_on == _dt.date.max:
        raise InvalidInputError("settled_on", "has no next day")
    return settled_on + _ONE_DAY


def monthly_reconciliation_deadline(
    year: int,
    month: int,
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> _dt.date:
    """The day by which all of a month's intra-province settlements are reconciled (article 21).

    The 5th working day of the following month (每月前5个工作日内完成上月所有...对账), counted on ``calendar``
    (the State Council's schedule, make-up workdays included). A year whose schedule is unknown raises
    :class:`~gongshang_rules.CalendarUnknownError` naming it. The parameters version is the one in force on the
    first day of the following month [interpretation].

    >>> monthly_reconciliation_deadline(2026, 1)
    datetime.date(2026, 2, 6)
    >>> monthly_reconciliation_deadline(2025, 12)   # 2026-01-01..03 off, Sunday 01-04 a make-up workday
    datetime.date(2026, 1, 8)
    """
    year, month = _check_month(year, month)
    _check_calendar(calendar)
    p = resolve_parameters(parameters, _month_after(year, month))
    last = _dt.date(year, month, _calendar.monthrange(year, month)[1])
    return working_day_after(last, p.monthly_reconciliation_working_days, calendar=calendar)


class DeadlineOutcome(LabelledEnum):
    """Whether an article 21 reconciliation deadline applies."""

    DUE = ("按第二十一条的时限对账", "reconciled by the article 21 deadline")
    NOT_IN_FORCE = ("本规程在该日不在有效期内", "this procedure is not in force then")


@attrs.frozen(kw_only=True)
class DeadlineRuling(Ruling[DeadlineOutcome]):
    """An article 21 deadline with its reasons; ``deadline`` is ``None`` when the procedure does not apply."""

    deadline: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        return [f"  deadline: {self.deadline.isoformat() if self.deadline else 'none under this procedure'}"]


RECONCILIATION_DAY_OFF_UNKNOWN = note(
    "RECONCILIATION_DAY_OFF_UNKNOWN",
    _A21,
    when="reconciliation_deadline in force whose next day falls in a year the calendar does not know.",
    zh="{year}年的国务院节假日安排未知，{day}是否为休息日无从判断；次日期限本身不受影响。",
    en="The State Council's schedule for {year} is not known, so whether {day} is a day off cannot be said; the "
    "next-day deadline itself does not depend on it.",
)
RECONCILIATION_DAY_OFF_PROVISIONAL = note(
    "RECONCILIATION_DAY_OFF_PROVISIONAL",
    _A21,
    when="The next-day deadline of a settlement in force falls on 21 to 31 December of a year whose next year's "
    "State Council schedule the calendar does not know (with the bundled schedules: 2026-12-21 to 2026-12-31).",
    reading=True,
    zh="{deadline}在{year}年12月下旬（{start}至{end}）：其是否为休息日按{year}年的国务院节假日安排判断，{next}年的安排尚未知悉，"
    "可能调整这些日期；次日期限本身不受影响。",
    en="{deadline} is in late December {year} ({start} to {end}): whether it is a day off follows the State "
    "Council's {year} schedule, and the {next} schedule, not yet known, may move those days; the next-day "
    "deadline itself does not depend on it.",
)
RECONCILIATION_INTRA_PROVINCE_ONLY = note(
    "RECONCILIATION_INTRA_PROVINCE_ONLY",
    _A21,
    when="reconciliation_deadline and monthly_reconciliation_deadline: always, first.",
    reading=True,
    zh="第二十一条以“省内异地就医费用”开头，其对账时限读作只适用于省内异地就医直接结算，跨省异地就医对账按国家经办规程办理；"
    "该条第二句“上月所有异地就医直接结算费用”也可读作包括跨省费用。",
    en="Article 21 opens with 'intra-province out-of-area costs', so its deadlines are read as applying to "
    "intra-province direct settlements only, cross-province reconciliation following the national procedure; "
    "its second sentence's 'all out-of-area direct settlements of the previous month' could be read to include "
    "cross-province ones.",
)


@picks_version(SETTLEMENT_DATE, lambda settled_on, *_a, **_k: settled_on)
def decide_reconciliation_deadline(
    settled_on: _dt.date,
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> DeadlineRuling:
    """:func:`reconciliation_deadline` as a ruling: checked against article 36 (intra-province direct settlement
    exists from 2025-08-01 to 2027-07-31) and explained (article 21). The parameters version is the one in force
    on the settlement date.

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``DUE``, ``NOT_IN_FORCE``
    * reason codes: ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``, ``RECONCILIATION_DAY_OFF_PROVISIONAL``,
      ``RECONCILIATION_DAY_OFF_UNKNOWN``, ``RECONCILIATION_INTRA_PROVINCE_ONLY``, ``RECONCILIATION_NEXT_DAY``,
      ``RECONCILIATION_NEXT_DAY_NOT_MOVED`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it), ``CalendarUnknownError``; every one a
      ``GongshangError`` (a ``ValueError``)
    * articles: art. 2, art. 21, art. 36
    """
    check_date("settled_on", settled_on)
    _check_calendar(calendar)
    parameters = check_parameters(parameters)
    force = in_force(settled_on, Scope.INTRA_PROVINCE, parameters=parameters)
    scope_note = RECONCILIATION_INTRA_PROVINCE_ONLY.make()
    if force.outcome is not InForce.IN_FORCE:
        return DeadlineRuling(outcome=DeadlineOutcome.NOT_IN_FORCE, reasons=(scope_note, *force.reasons))
    deadline = reconciliation_deadline(settled_on)
    text = f"{settled_on.isoformat()} → {deadline.isoformat()}"
    reasons = [scope_note, RECONCILIATION_NEXT_DAY.make(deadlines=text, deadlines_en=text)]
    if not calendar.knows(deadline.year):
        # The deadline does not depend on it, but whether that day is a day off is unknown: say so, never guess.
        reasons.append(RECONCILIATION_DAY_OFF_UNKNOWN.make(day=deadline.isoformat(), year=deadline.year))
    elif not calendar.is_working_day(deadline):
        reasons.append(RECONCILIATION_NEXT_DAY_NOT_MOVED.make(days=deadline.isoformat()))
    provisional = provisional_note(
        settled_on, 1, deadline, calendar=calendar, template=RECONCILIATION_DAY_OFF_PROVISIONAL
    )
    if provisional is not None:
        reasons.append(provisional)
    return DeadlineRuling(outcome=DeadlineOutcome.DUE, reasons=tuple(reasons), deadline=deadline)


@picks_version(MONTH_AFTER, lambda year, month, *_a, **_k: _month_after(year, month))
def decide_monthly_reconciliation_deadline(
    year: int,
    month: int,
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> DeadlineRuling:
    """:func:`monthly_reconciliation_deadline` as a ruling: only a month with a day in force has intra-province
    settlements to reconcile (article 36), and the reasons say how the working days were counted (article 21).
    The parameters version is the one in force on the first day of the following month [interpretation].

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``DUE``, ``NOT_IN_FORCE``
    * reason codes: ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``, ``RECONCILIATION_INTRA_PROVINCE_ONLY``,
      ``RECONCILIATION_MONTHLY_DEADLINE`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it), ``CalendarUnknownError``; every one a
      ``GongshangError`` (a ``ValueError``)
    * articles: art. 2, art. 21, art. 36
    """
    year, month = _check_month(year, month)
    p = resolve_parameters(parameters, _month_after(year, month))
    first = _dt.date(year, month, 1)
    last = _dt.date(year, month, _calendar.monthrange(year, month)[1])
    scope_note = RECONCILIATION_INTRA_PROVINCE_ONLY.make()
    if last < p.in_force_from or first > p.in_force_through:
        force = in_force(first, Scope.INTRA_PROVINCE, parameters=parameters)
        return DeadlineRuling(outcome=DeadlineOutcome.NOT_IN_FORCE, reasons=(scope_note, *force.reasons))
    deadline = monthly_reconciliation_deadline(year, month, calendar=calendar, parameters=parameters)
    monthly = RECONCILIATION_MONTHLY_DEADLINE.make(
        month=f"{year}-{month:02d}",
        n=p.monthly_reconciliation_working_days,
        deadline=deadline.isoformat(),
    )
    return DeadlineRuling(outcome=DeadlineOutcome.DUE, reasons=(scope_note, monthly), deadline=deadline)


# --- the deadlines of a month's batch (for reconcile_month) ----------------------------------------------------


@attrs.frozen(kw_only=True)
class _Deadlines:
    """Article 21's deadlines of a month's intra-province settlements, and the reasons that give them."""

    next_day: tuple[SettlementDeadline, ...] = ()
    monthly: _dt.date | None = None
    reasons: tuple[Reason, ...] = ()


def _intra_province_deadlines(
    year: int,
    month: int,
    intra: list[SettlementRecord],
    calendar: WorkingDayCalendar,
    parameters: ParametersLike,
) -> _Deadlines:
    """Article 21: with the institution, then with the insured place; each settlement in principle by the next day
    (kept on a day off), the whole month within the first working days of the next. Nothing without any."""
    if not intra:
        return _Deadlines()
    monthly = monthly_reconciliation_deadline(year, month, calendar=calendar, parameters=parameters)
    next_day = tuple(
        SettlementDeadline(
            settlement_id=r.settlement_id,
            settled_on=r.settled_on,
            deadline=reconciliation_deadline(r.settled_on, calendar=calendar),
        )
        for r in intra
    )
    reasons = [
        RECONCILIATION_INTRA_PROVINCE_TWO_STAGES.make(ids="、".join(r.settlement_id for r in intra)),
        RECONCILIATION_NEXT_DAY.make(
            deadlines="；".join(f"{d.settlement_id}→{d.deadline.isoformat()}" for d in next_day),
            deadlines_en="; ".join(f"{d.settlement_id} by {d.deadline.isoformat()}" for d in next_day),
        ),
    ]
    days_off = sorted({d.deadline for d in next_day if not calendar.is_working_day(d.deadline)})
    if days_off:
        reasons.append(
            RECONCILIATION_NEXT_DAY_NOT_MOVED.make(days="、".join(d.isoformat() for d in days_off))
        )
    working_days = resolve_parameters(
        parameters, _month_after(year, month)
    ).monthly_reconciliation_working_days
    reasons.append(
        RECONCILIATION_MONTHLY_DEADLINE.make(
            month=f"{year}-{month:02d}", n=working_days, deadline=monthly.isoformat()
        )
    )
    return _Deadlines(next_day=next_day, monthly=monthly, reasons=tuple(reasons))
