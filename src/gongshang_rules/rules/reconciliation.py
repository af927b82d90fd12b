"""Monthly audit, reconciliation and refusals, and the reconciliation deadlines: articles 20 and 21.

* Article 20 ¶1: the treatment place's agency audits and reconciles, promptly, the out-of-area settlements its
  agreement institutions made in the previous month; costs that break the rules are refused under the treatment
  place's service agreement, and the amount and the reason of each refusal go to the Hunan platform, where the
  insured place's agency can look them up. ¶2: no performance deposit is withheld for out-of-area settlements.
* Article 21: for intra-province care, the treatment place's agency reconciles with the institution first, then
  with the insured place's agency; in principle (原则上) the day after the settlement (次日: the next calendar day,
  :func:`reconciliation_deadline`), and all of a month within the first 5 working days of the next month
  (:func:`monthly_reconciliation_deadline`).

:func:`reconcile_month` reconciles one month's batch of :class:`~gongshang_rules.rules.settlement.SettlementRecord`
with its :class:`Refusal` list: the settlements reconciled, the totals to the fen (settled fund share, refused,
reconciled = settled − refused), the refusals listed by insured place, and the deadlines of the intra-province
settlements.

>>> import datetime as dt
>>> monthly_reconciliation_deadline(2025, 9)   # National Day week 10-01..08, make-up Saturday 10-11
datetime.date(2025, 10, 14)
>>> reconciliation_deadline(dt.date(2025, 12, 31))   # 次日, a holiday or not
datetime.date(2026, 1, 1)
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._validate import check_date, check_int, check_money, is_text, money_sum, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE, STATE_COUNCIL_SCHEDULE
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
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, ReasonTemplate, Ruling, decisive, note
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar, provisional_note, working_day_after
from .commencement import InForce, in_force, straddles
from .records import SettlementRecord, check_records
from .scope import Scope

__all__ = [
    "DeadlineOutcome",
    "DeadlineRuling",
    "InsuredPlaceRefusals",
    "MonthlyReconciliation",
    "Reconciliation",
    "Refusal",
    "SettlementDeadline",
    "decide_monthly_reconciliation_deadline",
    "decide_reconciliation_deadline",
    "monthly_reconciliation_deadline",
    "reconcile_month",
    "reconciliation_deadline",
]

ZERO = Decimal("0.00")
_ONE_DAY = _dt.timedelta(days=1)


# --- input checks shared by the chapter 4 and 5 modules -----------------------------------------------------


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


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return money_sum(amounts)  # in the money context, whatever the caller's


# --- values ----------------------------------------------------------------------------------------------------


def _positive_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    amount = check_money(attribute.name, value)
    if amount <= 0:
        raise InvalidInputError(attribute.name, f"must be more than 0, got {amount}")


@attrs.frozen(kw_only=True)
class Refusal:
    """A refusal (拒付) of part of one settlement's fund share under the treatment place's service agreement.

    Article 20 ¶1 requires both the refused ``amount`` (yuan, more than 0, at most the settlement's fund share) and
    the ``reason``; both are uploaded to the Hunan platform.
    """

    settlement_id: str = attrs.field(validator=is_text)
    amount: Decimal = attrs.field(validator=_positive_money)
    reason: str = attrs.field(validator=is_text)


@attrs.frozen(kw_only=True)
class InsuredPlaceRefusals:
    """What was refused for the workers of one insured place (article 20 ¶1, last clause), and its total."""

    insured: Place
    refusals: tuple[Refusal, ...]
    total: Decimal


@attrs.frozen(kw_only=True)
class SettlementDeadline:
    """The article 21 next-day reconciliation deadline of one intra-province settlement."""

    settlement_id: str
    settled_on: _dt.date
    deadline: _dt.date


class Reconciliation(LabelledEnum):
    """The outcome of a month's reconciliation."""

    ACCEPTED_IN_FULL = ("对账确认，无拒付", "reconciled: nothing refused")
    REFUSALS_RECORDED = ("对账确认，部分费用拒付", "reconciled, with refusals")
    NOTHING_TO_RECONCILE = (
        "本月无需本规程对账的异地就医结算费用",
        "no settlement of the month to reconcile here",
    )


@attrs.frozen(kw_only=True)
class MonthlyReconciliation(Ruling[Reconciliation]):
    """A month's reconciliation (articles 20, 21); figures in yuan, to the fen.

    ``settlement_ids`` are the settlements reconciled, ``excluded_ids`` those this procedure does not reconcile
    (the reasons say why and what governs them). ``settled`` is their total fund share, ``refused`` the total
    refused, ``reconciled`` = ``settled`` − ``refused``. ``by_insured_place`` lists the refusals per insured place.
    ``next_day_deadlines`` and ``monthly_deadline`` are article 21's deadlines for the intra-province settlements
    (empty and ``None`` when there are none).
    """

    year: int
    month: int
    settlement_ids: tuple[str, ...] = ()
    excluded_ids: tuple[str, ...] = ()
    settled: Decimal = ZERO
    refused: Decimal = ZERO
    reconciled: Decimal = ZERO
    refusals: tuple[Refusal, ...] = ()
    by_insured_place: tuple[InsuredPlaceRefusals, ...] = ()
    next_day_deadlines: tuple[SettlementDeadline, ...] = ()
    monthly_deadline: _dt.date | None = None

    def _extra_lines(self) -> list[str]:
        lines = [
            f"  month: {self.year}-{self.month:02d}; {len(self.settlement_ids)} settlement(s) reconciled, "
            f"{len(self.excluded_ids)} excluded",
            f"  settled {self.settled} - refused {self.refused} = reconciled {self.reconciled} (yuan)",
        ]
        lines += [
            f"  refused for {group.insured}: {group.total} in {len(group.refusals)} refusal(s)"
            for group in self.by_insured_place
        ]
        if self.monthly_deadline is not None:
            lines.append(
                f"  intra-province month reconciled by (in principle): {self.monthly_deadline.isoformat()}"
            )
        return lines


# --- reasons ---------------------------------------------------------------------------------------------------

_A20_1 = ArticleRef(20, paragraph=1)
_A21 = ArticleRef(21)

RECONCILIATION_AUDIT_OF_MONTH = decisive(
    "RECONCILIATION_AUDIT_OF_MONTH",
    _A20_1,
    when="reconcile_month with at least one settlement reconciled here (out-of-area, treated in Hunan, settled on a day in force).",
    zh="就医地经办机构对协议机构{month}发生的{count}笔异地就医结算费用（基金支付{settled}元）及时进行审核、对账。",
    en="The treatment place's agency promptly audits and reconciles the {count} out-of-area settlement(s) its "
    "institutions made in {month} (fund share {settled} yuan).",
)
RECONCILIATION_MONTH_OF_SETTLEMENT_DATE = note(
    "RECONCILIATION_MONTH_OF_SETTLEMENT_DATE",
    _A20_1,
    when="reconcile_month with at least one settlement reconciled here, after RECONCILIATION_AUDIT_OF_MONTH.",
    reading=True,
    zh="“上月发生的结算费用”按结算日（出院结算日，门诊或配置当日）所在月份归属：跨月住院随其结算月份对账。",
    en="'The settlement costs of the previous month' are those settled in that month (discharge settlement, or "
    "the day of a visit or fitting): a stay spanning two months is reconciled with the month it was settled in.",
)
RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE = note(
    "RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE",
    _A20_1,
    36,
    when="reconcile_month with an included settlement whose started_on is a day this procedure did not "
    "govern.",
    reading=True,
    zh="{ids}始于本规程不调整之日、结算于其有效期内：本规程是否适用以结算日判断，纳入本月对账。",
    en="{ids} began on a day this procedure did not govern and were settled within its validity: whether the "
    "procedure applies is judged on the settlement date, so they are reconciled this month.",
)
RECONCILIATION_REFUSALS_FOR_INSURED_PLACE = decisive(
    "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE",
    _A20_1,
    when="reconcile_month: once for each insured place whose settlements have refusals.",
    zh="按就医地服务协议拒付参保地{insured}工伤职工的费用{count}笔，共{total}元（结算号{ids}）；拒付金额、拒付原因录入并"
    "上传湖南人社一体化平台，参保地经办机构可查询和下载明细。",
    en="Refused under the treatment place's service agreement for workers insured in {insured_en}: {count} "
    "refusal(s), {total} yuan in all (settlements {ids}); the amounts and reasons are uploaded to the Hunan "
    "platform, where the insured place's agency can query and download the details.",
)
RECONCILIATION_NOTHING_REFUSED = decisive(
    "RECONCILIATION_NOTHING_REFUSED",
    _A20_1,
    when="reconcile_month with settlements reconciled here and no refusals (outcome ACCEPTED_IN_FULL).",
    zh="审核未发现不符合规定的费用，无拒付。",
    en="The audit found no cost that breaks the rules: nothing is refused.",
)
RECONCILIATION_TOTALS = note(
    "RECONCILIATION_TOTALS",
    _A20_1,
    when="reconcile_month with settlements reconciled here: restates the settled, refused and reconciled figures.",
    zh="基金支付合计{settled}元，拒付{refused}元，对账确认{reconciled}元。",
    en="Fund share {settled} yuan, refused {refused} yuan, reconciled {reconciled} yuan.",
)
RECONCILIATION_NO_PERFORMANCE_DEPOSIT = note(
    "RECONCILIATION_NO_PERFORMANCE_DEPOSIT",
    ArticleRef(20, paragraph=2),
    when="reconcile_month with settlements reconciled here, always.",
    zh="异地就医费用结算不预留履约质量保证金；服务考核扣分与本地医疗服务履约质量保证金返还合并计算。",
    en="No performance deposit is withheld from out-of-area settlements; service-assessment deductions are "
    "counted together with the return of the local performance deposit.",
)
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
RECONCILIATION_NOTHING_SETTLED = decisive(
    "RECONCILIATION_NOTHING_SETTLED",
    _A20_1,
    21,
    when="reconcile_month with no settlement reconciled here (outcome NOTHING_TO_RECONCILE).",
    zh="{year}年{month}月没有应按第二十一条对账的省内异地就医直接结算费用。",
    en="No intra-province direct settlement of {year}-{month:02d} is to be reconciled under article 21.",
)
RECONCILIATION_CROSS_PROVINCE_NATIONAL = decisive(
    "RECONCILIATION_CROSS_PROVINCE_NATIONAL",
    _A20_1,
    ArticleRef(23, paragraph=3),
    24,
    when="reconcile_month with CROSS_PROVINCE_INBOUND settlements in force (they get no article 21 deadlines).",
    reading=True,
    zh="跨省异地就医费用（结算号{ids}）由就医地经办机构及时审核、对账；第二十一条的对账时限只适用于省内异地就医，"
    "与参保省之间的对账和清算按国家经办规程执行。",
    en="Cross-province costs (settlements {ids}) are audited and reconciled promptly by the treatment place's "
    "agency; article 21's deadlines apply to intra-province care only, and reconciliation and clearing with the "
    "insured province follow the national procedure.",
    authorities=(NATIONAL_PROCEDURE,),
)
RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA = decisive(
    "RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA",
    3,
    when="reconcile_month: some settlement's scope is LOCAL or PROVINCIAL_RECOGNITION.",
    zh="结算号{ids}不属异地就医（市州内或省本级互认），不纳入异地就医对账，按本地规定办理。",
    en="Settlements {ids} are not out-of-area care (within one city, or provincial-level recognition): they are "
    "reconciled under local rules, not here.",
)
RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN = decisive(
    "RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN",
    _A20_1,
    ArticleRef(23, paragraph=3),
    when="reconcile_month: some settlement's scope is CROSS_PROVINCE_OUTBOUND.",
    zh="结算号{ids}在外省就医，由就医省经办机构按国家经办规程审核、对账，不在湖南就医地对账之列。",
    en="Settlements {ids} were made in another province: that province's agency audits and reconciles them "
    "under the national procedure, not a Hunan treatment-place agency.",
    authorities=(NATIONAL_PROCEDURE,),
)
RECONCILIATION_EXCLUDED_NOT_GOVERNED = decisive(
    "RECONCILIATION_EXCLUDED_NOT_GOVERNED",
    ArticleRef(2, paragraph=1),
    when="reconcile_month: some settlement's scope is NOT_GOVERNED.",
    zh="结算号{ids}的参保地和就医地均在湖南省外，不属本规程调整。",
    en="Settlements {ids} have both places outside Hunan: this procedure does not govern them.",
)
RECONCILIATION_EXCLUDED_NOT_IN_FORCE = decisive(
    "RECONCILIATION_EXCLUDED_NOT_IN_FORCE",
    36,
    when="reconcile_month: some out-of-area settlement treated in Hunan was settled on a day the procedure is not in force (once per in-force outcome).",
    reading=True,
    zh="结算号{ids}的结算日不在本规程调整期间（{why}），以结算日判断，不按本规程对账。",
    en="Settlements {ids} were settled on a day this procedure does not govern ({why_en}), judged on the "
    "settlement date: they are not reconciled under this procedure.",
)


# --- rules -----------------------------------------------------------------------------------------------------


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


def _check_refusals(value: object) -> tuple[Refusal, ...]:
    if not isinstance(value, tuple):
        raise InvalidInputError("refusals", f"must be a tuple of Refusal, got {type_name(value)}")
    for index, refusal in enumerate(value):
        if not isinstance(refusal, Refusal):
            raise InvalidInputError(f"refusals[{index}]", f"must be a Refusal, got {type_name(refusal)}")
    return value


_EXCLUSION_BY_SCOPE = {
    Scope.LOCAL: RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA,
    Scope.PROVINCIAL_RECOGNITION: RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA,
    Scope.CROSS_PROVINCE_OUTBOUND: RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN,
    Scope.NOT_GOVERNED: RECONCILIATION_EXCLUDED_NOT_GOVERNED,
}


def _ids(records: Iterable[SettlementRecord | Refusal]) -> str:
    return "、".join(dict.fromkeys(r.settlement_id for r in records))


@picks_version(MONTH_AFTER, lambda year, month, *_a, **_k: _month_after(year, month))
def reconcile_month(
    year: int,
    month: int,
    settlements: tuple[SettlementRecord, ...],
    refusals: tuple[Refusal, ...] = (),
    *,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    parameters: ParametersLike = DEFAULT_SCHEDULE,
) -> MonthlyReconciliation:
    """Reconcile one month's out-of-area settlements made in Hunan, with their refusals (articles 20, 21).

    Every record must be settled in ``year``-``month`` and have its own id; every refusal must name a reconciled
    settlement, and a settlement's refusals may not exceed its fund share: otherwise :class:`InvalidInputError`
    naming the field and position. Records this procedure does not reconcile (not out-of-area, treated in another
    province, outside Hunan altogether, or settled when the procedure was not in force) are listed as excluded,
    with what governs them instead. Intra-province records get article 21's deadlines; a month whose following
    month's schedule ``calendar`` does not know raises :class:`~gongshang_rules.CalendarUnknownError`. Whether
    each record is in force is read on its settlement date; the monthly deadline with the parameters version in
    force on the first day of the following month [interpretation].

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from gongshang_rules import IdentityNumber, place
    >>> from gongshang_rules.rules.records import SettlementRecord
    >>> record = SettlementRecord(
    ...     settlement_id="S-1", identity_number=IdentityNumber("430102199001011238"), institution_code="EX-0002",
    ...     insured=place("长沙市"), treatment=place("株洲市"), started_on=dt.date(2025, 9, 20),
    ...     ended_on=dt.date(2025, 9, 30), bill=Decimal("1200.00"), fund_share=Decimal("1000.00"),
    ... )
    >>> refusal = Refusal(settlement_id="S-1", amount=Decimal("150.50"), reason="超出诊疗项目目录")
    >>> ruling = reconcile_month(2025, 9, (record,), (refusal,))
    >>> ruling.outcome.name, ruling.settled, ruling.refused, ruling.reconciled
    ('REFUSALS_RECORDED', Decimal('1000.00'), Decimal('150.50'), Decimal('849.50'))
    >>> ruling.next_day_deadlines[0].deadline, ruling.monthly_deadline
    (datetime.date(2025, 10, 1), datetime.date(2025, 10, 14))

    What ``help()`` tells (written by ``make docs`` from the code):

    * outcomes: ``ACCEPTED_IN_FULL``, ``REFUSALS_RECORDED``, ``NOTHING_TO_RECONCILE``
    * reason codes: ``IN_FORCE_BEFORE_NATIONAL_SCHEME``, ``IN_FORCE_EXPIRED``, ``IN_FORCE_LAST_DAY_COUNTED``,
      ``IN_FORCE_NATIONAL_PROCEDURE_BEFORE``, ``IN_FORCE_NOT_YET``, ``IN_FORCE_SCOPE_NOT_GOVERNED``,
      ``IN_FORCE_WITHIN_PERIOD``, ``PARAMETERS_VERSION_USED``, ``RECONCILIATION_AUDIT_OF_MONTH``,
      ``RECONCILIATION_CROSS_PROVINCE_NATIONAL``, ``RECONCILIATION_EXCLUDED_NOT_GOVERNED``,
      ``RECONCILIATION_EXCLUDED_NOT_IN_FORCE``, ``RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA``,
      ``RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN``, ``RECONCILIATION_INTRA_PROVINCE_TWO_STAGES``,
      ``RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE``, ``RECONCILIATION_MONTHLY_DEADLINE``,
      ``RECONCILIATION_MONTH_OF_SETTLEMENT_DATE``, ``RECONCILIATION_NEXT_DAY``,
      ``RECONCILIATION_NEXT_DAY_NOT_MOVED``, ``RECONCILIATION_NOTHING_REFUSED``,
      ``RECONCILIATION_NOTHING_SETTLED``, ``RECONCILIATION_NO_PERFORMANCE_DEPOSIT``,
      ``RECONCILIATION_REFUSALS_FOR_INSURED_PLACE``, ``RECONCILIATION_TOTALS`` (docs/reasons.md)
    * raises: ``InvalidInputError`` for a bad argument (naming it), ``CalendarUnknownError``; every one a
      ``GongshangError`` (a ``ValueError``)
    * articles: art. 2, art. 3, art. 20, art. 21, art. 23, art. 24, art. 36
    """
    year, month = _check_month(year, month)
    records = check_records("settlements", settlements)
    checked_refusals = _check_refusals(refusals)
    _check_calendar(calendar)
    parameters = check_parameters(parameters)
    label = f"{year}-{month:02d}"
    for index, record in enumerate(records):
        settled_on = record.settled_on
        if (settled_on.year, settled_on.month) != (year, month):
            raise InvalidInputError(
                f"settlements[{index}].ended_on",
                f"{record.settlement_id} was settled on {settled_on.isoformat()}, not in the month {label}",
            )

    included: list[SettlementRecord] = []
    excluded: dict[ReasonTemplate, list[SettlementRecord]] = defaultdict(list)
    not_in_force: dict[InForce, list[SettlementRecord]] = defaultdict(list)
    for record in records:
        scope = record.scope
        if scope in _EXCLUSION_BY_SCOPE:
            excluded[_EXCLUSION_BY_SCOPE[scope]].append(record)
            continue
        force = in_force(record.settled_on, scope, parameters=parameters).outcome
        if force is InForce.IN_FORCE:
            included.append(record)
        else:
            not_in_force[force].append(record)

    by_id = {r.settlement_id: r for r in included}
    excluded_ids = [r.settlement_id for r in records if r.settlement_id not in by_id]
    refused_of: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for index, refusal in enumerate(checked_refusals):
        sid = refusal.settlement_id
        if sid in excluded_ids:
            raise InvalidInputError(
                f"refusals[{index}].settlement_id",
                f"names {sid}, which this procedure does not reconcile here (not out-of-area, treated outside "
                "Hunan, or settled on a day the procedure does not govern): refuse it where it is reconciled",
            )
        if sid not in by_id:
            raise InvalidInputError(
                f"refusals[{index}].settlement_id", f"names {sid}, no settlement of the batch"
            )
        refused_of[sid] += refusal.amount
        if refused_of[sid] > by_id[sid].fund_share:
            raise InvalidInputError(
                f"refusals[{index}].amount",
                f"brings the refusals of {sid} to {refused_of[sid]} yuan, more than its fund share "
                f"{by_id[sid].fund_share} yuan",
            )

    settled = _sum(r.fund_share for r in included)
    refused = _sum(f.amount for f in checked_refusals)
    reasons: list[Reason] = []
    groups: tuple[InsuredPlaceRefusals, ...] = ()
    intra = [r for r in included if r.scope is Scope.INTRA_PROVINCE]
    inbound = [r for r in included if r.scope is Scope.CROSS_PROVINCE_INBOUND]
    next_day: tuple[SettlementDeadline, ...] = ()
    monthly: _dt.date | None = None
    if included:
        reasons += [
            RECONCILIATION_AUDIT_OF_MONTH.make(month=label, count=len(included), settled=settled),
            RECONCILIATION_MONTH_OF_SETTLEMENT_DATE.make(),
        ]
        straddling = [
            r for r in included if straddles(r.started_on, r.settled_on, r.scope, parameters=parameters)
        ]
        if straddling:
            reasons.append(RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE.make(ids=_ids(straddling)))
        groups = _group_by_insured(checked_refusals, by_id)
        for group in groups:
            reasons.append(
                RECONCILIATION_REFUSALS_FOR_INSURED_PLACE.make(
                    insured=group.insured.name,
                    insured_en=str(group.insured),
                    count=len(group.refusals),
                    total=group.total,
                    ids=_ids(group.refusals),
                )
            )
        if not checked_refusals:
            reasons.append(RECONCILIATION_NOTHING_REFUSED.make())
        reasons += [
            RECONCILIATION_TOTALS.make(settled=settled, refused=refused, reconciled=settled - refused),
            RECONCILIATION_NO_PERFORMANCE_DEPOSIT.make(),
        ]
    if intra:
        monthly = monthly_reconciliation_deadline(year, month, calendar=calendar, parameters=parameters)
        next_day = tuple(
            SettlementDeadline(
                settlement_id=r.settlement_id,
                settled_on=r.settled_on,
                deadline=reconciliation_deadline(r.settled_on, calendar=calendar),
            )
            for r in intra
        )
        reasons += [
            RECONCILIATION_INTRA_PROVINCE_TWO_STAGES.make(ids=_ids(intra)),
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
        reasons.append(
            RECONCILIATION_MONTHLY_DEADLINE.make(
                month=label,
                n=resolve_parameters(
                    parameters, _month_after(year, month)
                ).monthly_reconciliation_working_days,
                deadline=monthly.isoformat(),
            )
        )
    if inbound:
        reasons.append(RECONCILIATION_CROSS_PROVINCE_NATIONAL.make(ids=_ids(inbound)))
    for template, group_records in excluded.items():
        reasons.append(template.make(ids=_ids(group_records)))
    for force, group_records in not_in_force.items():
        reasons.append(
            RECONCILIATION_EXCLUDED_NOT_IN_FORCE.make(ids=_ids(group_records), why=force.zh, why_en=force.en)
        )

    if not included:
        outcome = Reconciliation.NOTHING_TO_RECONCILE
        reasons.append(RECONCILIATION_NOTHING_SETTLED.make(year=year, month=month))
    elif checked_refusals:
        outcome = Reconciliation.REFUSALS_RECORDED
    else:
        outcome = Reconciliation.ACCEPTED_IN_FULL
    return MonthlyReconciliation(
        outcome=outcome,
        reasons=tuple(reasons),
        year=year,
        month=month,
        settlement_ids=tuple(r.settlement_id for r in included),
        excluded_ids=tuple(excluded_ids),
        settled=settled,
        refused=refused,
        reconciled=settled - refused,
        refusals=checked_refusals,
        by_insured_place=groups,
        next_day_deadlines=next_day,
        monthly_deadline=monthly,
    )


def _group_by_insured(
    refusals: tuple[Refusal, ...], by_id: dict[str, SettlementRecord]
) -> tuple[InsuredPlaceRefusals, ...]:
    """The refusals per insured place (article 20 ¶1: the insured place can see what was refused), by code."""
    places: dict[str, Place] = {}
    lists: dict[str, list[Refusal]] = defaultdict(list)
    for refusal in refusals:
        insured = by_id[refusal.settlement_id].insured
        places[insured.code] = insured
        lists[insured.code].append(refusal)
    return tuple(
        InsuredPlaceRefusals(
            insured=places[code], refusals=tuple(lists[code]), total=_sum(f.amount for f in lists[code])
        )
        for code in sorted(lists)
    )
