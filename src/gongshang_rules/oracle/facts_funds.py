"""The facts of the decisions of reconciliation, the funds and supervision (articles 20 to 32), with the deadlines
of reconciliation (article 21) and the year of the annual clearing (article 27).

A module of their own so that a case of another decision never imports the reconciliation, fund and supervision
rules (issue 13's cold start); :mod:`~gongshang_rules.oracle.facts` still gives each name.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel._validate import is_date, is_instance, is_member, is_money, is_positive_int, is_tuple_of
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar
from ..rules.funds import LedgerLine
from ..rules.reconciliation import Refusal
from ..rules.records import SettlementRecord
from ..rules.supervision import AuditThresholds, FilingPeriod, RecoveryCause, Suspension

# Not on the facade: a case's facts are read from its JSON (``gongshang_rules.case_from_json``).
__all__ = [
    "AuditFacts",
    "FundFlowFacts",
    "FundUsePlanFacts",
    "LedgerFacts",
    "MonthFacts",
    "ReconciliationFacts",
    "RecoveryFacts",
    "SettledFacts",
    "SuspensionFacts",
    "YearFacts",
]


@attrs.frozen(kw_only=True)
class ReconciliationFacts:
    """``reconcile_month``: one month's settlements made in Hunan and their refusals (articles 20, 21).

    Every settlement must be settled (``ended_on``) in ``year``-``month``; a refusal names a settlement of the batch
    and may not bring its refusals above its fund share. ``calendar`` counts article 21's 5 working days.
    """

    year: int = attrs.field(validator=is_positive_int)
    month: int = attrs.field(validator=is_positive_int)
    settlements: tuple[SettlementRecord, ...] = attrs.field(validator=is_tuple_of(SettlementRecord))
    refusals: tuple[Refusal, ...] = attrs.field(default=(), validator=is_tuple_of(Refusal))
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class FundFlowFacts:
    """``fund_flow``: one settlement on record: whose fund bears it and how the money moves (articles 23 to 25)."""

    record: SettlementRecord = attrs.field(validator=is_instance(SettlementRecord))


@attrs.frozen(kw_only=True)
class LedgerFacts:
    """``check_ledger``: the lines of a ledger of out-of-area fund movements (article 24, last sentence)."""

    lines: tuple[LedgerLine, ...] = attrs.field(validator=is_tuple_of(LedgerLine))


@attrs.frozen(kw_only=True)
class FundUsePlanFacts:
    """``fund_use_plan``: a 市州, the settlements of a planning period, its other benefit spending (article 26)."""

    city: Place = attrs.field(validator=is_instance(Place))
    settlements: tuple[SettlementRecord, ...] = attrs.field(validator=is_tuple_of(SettlementRecord))
    other_benefit_spending: Decimal = attrs.field(validator=is_money)


@attrs.frozen(kw_only=True)
class SuspensionFacts:
    """``suspension_status``: is a worker's direct settlement suspended on the case's ``today`` (article 30)."""

    identity_number: IdentityNumber = attrs.field(validator=is_instance(IdentityNumber))
    suspensions: tuple[Suspension, ...] = attrs.field(validator=is_tuple_of(Suspension))


@attrs.frozen(kw_only=True)
class RecoveryFacts:
    """``recovery_responsibility``: why data are checked or benefits recovered, and the two places (article 31)."""

    cause: RecoveryCause = attrs.field(validator=is_member(RecoveryCause))
    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_instance(Place))


@attrs.frozen(kw_only=True)
class AuditFacts:
    """``audit_flags``: settlement records, the caller's thresholds, and filing periods (article 32).

    The procedure sets no thresholds: ``thresholds`` are the user's (``{}`` checks no amount and no frequency);
    without ``filings`` the dual-place rule is not run.
    """

    records: tuple[SettlementRecord, ...] = attrs.field(validator=is_tuple_of(SettlementRecord))
    thresholds: AuditThresholds = attrs.field(validator=is_instance(AuditThresholds))
    filings: tuple[FilingPeriod, ...] = attrs.field(default=(), validator=is_tuple_of(FilingPeriod))


@attrs.frozen(kw_only=True)
class SettledFacts:
    """``reconciliation_deadline``: the day an intra-province settlement was made (article 21)."""

    settled_on: _dt.date = attrs.field(validator=is_date)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class MonthFacts:
    """``monthly_reconciliation_deadline``: a month whose settlements are reconciled (article 21)."""

    year: int = attrs.field(validator=is_positive_int)
    month: int = attrs.field(validator=is_positive_int)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class YearFacts:
    """``annual_clearing``: a year whose out-of-area funds are cleared (article 27)."""

    year: int = attrs.field(validator=is_positive_int)


mask_reprs(
    *(globals()[name] for name in __all__)
)  # repr() and str() of facts never show a whole identity number
