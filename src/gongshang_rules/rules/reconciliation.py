"""The month's audit, reconciliation and refusals: chapter 3, articles 20 and 21.

* Article 20 ¶1: the treatment place's agency audits and reconciles, promptly, the out-of-area settlements its
  agreement institutions made in the previous month; costs that break the rules are refused under the treatment
  place's service agreement, and the amount and the reason of each refusal go to the Hunan platform, where the
  insured place's agency can look them up. ¶2: no performance deposit is withheld for out-of-area settlements.
* Article 21: for intra-province care, the treatment place's agency reconciles with the institution first, then
  with the insured place's agency, by the deadlines of :mod:`~gongshang_rules.rules.reconciliation_deadlines`
  (whose names are still importable from here, as from the 0.x path ``gongshang_rules.reconciliation``).

:func:`reconcile_month` reconciles one month's batch of :class:`~gongshang_rules.rules.settlement.SettlementRecord`
with its :class:`Refusal` list: the settlements reconciled, the totals to the fen (settled fund share, refused,
reconciled = settled − refused), the refusals listed by insured place, and the deadlines of the intra-province
settlements.

>>> reconcile_month(2025, 9, ()).outcome.name
'NOTHING_TO_RECONCILE'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._validate import check_money, is_text, money_sum, type_name
from ..kernel.articles import ArticleRef
from ..kernel.authorities import NATIONAL_PROCEDURE
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import (
    DEFAULT_SCHEDULE,
    MONTH_AFTER,
    ParametersLike,
    check_parameters,
    picks_version,
)
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Reason, ReasonTemplate, Ruling, decisive, note
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar
from .commencement import InForce, in_force, straddles
from .reconciliation_deadlines import DeadlineOutcome as DeadlineOutcome
from .reconciliation_deadlines import DeadlineRuling as DeadlineRuling
from .reconciliation_deadlines import SettlementDeadline as SettlementDeadline
from .reconciliation_deadlines import (
    _check_calendar,
    _check_month,
    _intra_province_deadlines,
    _month_after,
)
from .reconciliation_deadlines import (
    decide_monthly_reconciliation_deadline as decide_monthly_reconciliation_deadline,
)
from .reconciliation_deadlines import decide_reconciliation_deadline as decide_reconciliation_deadline
from .reconciliation_deadlines import monthly_reconciliation_deadline as monthly_reconciliation_deadline
from .reconciliation_deadlines import reconciliation_deadline as reconciliation_deadline
from .records import SettlementRecord, check_records
from .scope import Scope

__all__ = [
    "InsuredPlaceRefusals",
    "MonthlyReconciliation",
    "Reconciliation",
    "Refusal",
    "reconcile_month",
]

ZERO = Decimal("0.00")


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


def _check_refusals(value: object) -> tuple[Refusal, ...]:
    if not isinstance(value, tuple):
        raise InvalidInputError("refusals", f"must be a tuple of Refusal, got {type_name(value)}")
    for index, refusal in enumerate(value):
        if not isinstance(refusal, Refusal):
            raise InvalidInputError(f"refusals[{index}]", f"must be a Refusal, got {type_name(refusal)}")
    return value


def _check_settled_in(year: int, month: int, records: tuple[SettlementRecord, ...]) -> None:
    """Every record of the batch is settled in the month reconciled (article 20 ¶1: the settlements of a month)."""
    for index, record in enumerate(records):
        settled_on = record.settled_on
        if (settled_on.year, settled_on.month) != (year, month):
            raise InvalidInputError(
                f"settlements[{index}].ended_on",
                f"{record.settlement_id} was settled on {settled_on.isoformat()}, not in the month "
                f"{year}-{month:02d}",
            )


def _check_refused_within(
    refusals: tuple[Refusal, ...], reconciled: Mapping[str, SettlementRecord], excluded_ids: tuple[str, ...]
) -> None:
    """Every refusal names a settlement reconciled here, and no settlement's refusals exceed its fund share."""
    refused_of: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for index, refusal in enumerate(refusals):
        sid = refusal.settlement_id
        if sid in excluded_ids:
            raise InvalidInputError(
                f"refusals[{index}].settlement_id",
                f"names {sid}, which this procedure does not reconcile here (not out-of-area, treated outside "
                "Hunan, or settled on a day the procedure does not govern): refuse it where it is reconciled",
            )
        if sid not in reconciled:
            raise InvalidInputError(
                f"refusals[{index}].settlement_id", f"names {sid}, no settlement of the batch"
            )
        refused_of[sid] += refusal.amount
        if refused_of[sid] > reconciled[sid].fund_share:
            raise InvalidInputError(
                f"refusals[{index}].amount",
                f"brings the refusals of {sid} to {refused_of[sid]} yuan, more than its fund share "
                f"{reconciled[sid].fund_share} yuan",
            )


_EXCLUSION_BY_SCOPE = {
    Scope.LOCAL: RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA,
    Scope.PROVINCIAL_RECOGNITION: RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA,
    Scope.CROSS_PROVINCE_OUTBOUND: RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN,
    Scope.NOT_GOVERNED: RECONCILIATION_EXCLUDED_NOT_GOVERNED,
}


def _ids(records: Iterable[SettlementRecord | Refusal]) -> str:
    return "、".join(dict.fromkeys(r.settlement_id for r in records))


def _sort_out(
    records: tuple[SettlementRecord, ...], parameters: ParametersLike
) -> tuple[list[SettlementRecord], list[Reason]]:
    """The settlements reconciled here, and why each of the others is not (one reason per group, in this order).

    Reconciled here: out-of-area care treated in Hunan (intra-province, or cross-province inbound: article 20 ¶1),
    settled on a day this procedure is in force (article 36). Excluded first by scope: not out-of-area (article
    3), treated in another province (article 23 ¶3), outside Hunan altogether (article 2); then by the day: settled
    when this procedure did not govern, one group for each way it did not (article 36).
    """
    reconciled: list[SettlementRecord] = []
    by_scope: dict[ReasonTemplate, list[SettlementRecord]] = defaultdict(list)
    by_force: dict[InForce, list[SettlementRecord]] = defaultdict(list)
    for record in records:
        scope = record.scope
        if scope in _EXCLUSION_BY_SCOPE:
            by_scope[_EXCLUSION_BY_SCOPE[scope]].append(record)
            continue
        force = in_force(record.settled_on, scope, parameters=parameters).outcome
        if force is InForce.IN_FORCE:
            reconciled.append(record)
        else:
            by_force[force].append(record)
    excluded = [template.make(ids=_ids(group)) for template, group in by_scope.items()]
    excluded += [
        RECONCILIATION_EXCLUDED_NOT_IN_FORCE.make(ids=_ids(group), why=force.zh, why_en=force.en)
        for force, group in by_force.items()
    ]
    return reconciled, excluded


def _outcome(reconciled: list[SettlementRecord], refusals: tuple[Refusal, ...]) -> Reconciliation:
    """Article 20 ¶1, in precedence: nothing of the month to reconcile here; else costs refused; else accepted."""
    if not reconciled:
        return Reconciliation.NOTHING_TO_RECONCILE
    if refusals:
        return Reconciliation.REFUSALS_RECORDED
    return Reconciliation.ACCEPTED_IN_FULL


def _audit_reasons(
    month: str,
    reconciled: list[SettlementRecord],
    groups: tuple[InsuredPlaceRefusals, ...],
    totals: tuple[Decimal, Decimal],
    parameters: ParametersLike,
) -> list[Reason]:
    """Article 20: the month's audit, by settlement date (¶1); the refusals for each insured place, or none (¶1);
    the totals; no performance deposit withheld (¶2). Nothing when no settlement is reconciled here."""
    if not reconciled:
        return []
    settled, refused = totals
    reasons = [
        RECONCILIATION_AUDIT_OF_MONTH.make(month=month, count=len(reconciled), settled=settled),
        RECONCILIATION_MONTH_OF_SETTLEMENT_DATE.make(),
    ]
    straddling = [
        r for r in reconciled if straddles(r.started_on, r.settled_on, r.scope, parameters=parameters)
    ]
    if straddling:
        reasons.append(RECONCILIATION_JUDGED_ON_SETTLEMENT_DATE.make(ids=_ids(straddling)))
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
    if not groups:
        reasons.append(RECONCILIATION_NOTHING_REFUSED.make())
    return [
        *reasons,
        RECONCILIATION_TOTALS.make(settled=settled, refused=refused, reconciled=settled - refused),
        RECONCILIATION_NO_PERFORMANCE_DEPOSIT.make(),
    ]


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

    The outcome: ``NOTHING_TO_RECONCILE`` when no settlement of the month is reconciled here; else
    ``REFUSALS_RECORDED`` when costs were refused; else ``ACCEPTED_IN_FULL``. The reasons come in the order of the
    articles: the month's audit and its refusals (article 20), the intra-province deadlines (article 21), the
    cross-province settlements left to the national procedure (articles 23, 24), the settlements excluded and why
    (articles 2, 3, 36), and last, when nothing is reconciled, that there is nothing to reconcile.

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
    _check_settled_in(year, month, records)
    reconciled, excluded = _sort_out(records, parameters)
    by_id = {r.settlement_id: r for r in reconciled}
    excluded_ids = tuple(r.settlement_id for r in records if r.settlement_id not in by_id)
    _check_refused_within(checked_refusals, by_id, excluded_ids)

    settled = _sum(r.fund_share for r in reconciled)
    refused = _sum(f.amount for f in checked_refusals)
    groups = _group_by_insured(checked_refusals, by_id)
    outcome = _outcome(reconciled, checked_refusals)
    audit = _audit_reasons(f"{year}-{month:02d}", reconciled, groups, (settled, refused), parameters)
    intra = [r for r in reconciled if r.scope is Scope.INTRA_PROVINCE]
    deadlines = _intra_province_deadlines(year, month, intra, calendar, parameters)
    inbound = [r for r in reconciled if r.scope is Scope.CROSS_PROVINCE_INBOUND]
    national = [RECONCILIATION_CROSS_PROVINCE_NATIONAL.make(ids=_ids(inbound))] if inbound else []
    nothing = (
        [RECONCILIATION_NOTHING_SETTLED.make(year=year, month=month)]
        if outcome is Reconciliation.NOTHING_TO_RECONCILE
        else []
    )
    return MonthlyReconciliation(
        outcome=outcome,
        reasons=(*audit, *deadlines.reasons, *national, *excluded, *nothing),
        year=year,
        month=month,
        settlement_ids=tuple(r.settlement_id for r in reconciled),
        excluded_ids=excluded_ids,
        settled=settled,
        refused=refused,
        reconciled=settled - refused,
        refusals=checked_refusals,
        by_insured_place=groups,
        next_day_deadlines=deadlines.next_day,
        monthly_deadline=deadlines.monthly,
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
