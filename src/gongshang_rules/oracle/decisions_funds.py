"""The decisions of reconciliation, the funds and supervision (articles 20 to 32), for the decision table.

:data:`~gongshang_rules.oracle.decisions.DECISIONS` imports this module the first time one of these decisions is
read, so that a case of another decision never imports the reconciliation, fund and supervision rules (issue 13's
cold start).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place
from ..kernel.ruling import Ruling
from ..rules.funds import (
    AnnualClearingRuling,
    FundFlowRuling,
    FundUsePlan,
    LedgerRuling,
    annual_clearing,
    check_ledger,
    fund_flow,
    fund_use_plan,
)
from ..rules.reconciliation import (
    DeadlineRuling,
    MonthlyReconciliation,
    decide_monthly_reconciliation_deadline,
    decide_reconciliation_deadline,
    reconcile_month,
)
from ..rules.supervision import (
    AuditRule,
    AuditRuling,
    RecoveryRuling,
    Suspension,
    SuspensionStatus,
    audit_flags,
    recovery_responsibility,
    suspension_status,
)
from .decisions import Decision, _decisions
from .facts_funds import (
    AuditFacts,
    FundFlowFacts,
    FundUsePlanFacts,
    LedgerFacts,
    MonthFacts,
    ReconciliationFacts,
    RecoveryFacts,
    SettledFacts,
    SuspensionFacts,
    YearFacts,
)

# Not on the facade: the decisions are read through DECISIONS, these types through their results.
__all__ = ["SuspensionPeriod", "SuspensionStatusRuling"]


# --- the suspension status, as a result writes it (its types, beside its decision) -----------------------------------------------------------------


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


mask_reprs(SuspensionPeriod, SuspensionStatusRuling)  # repr() and str() never show a whole number


def _suspension(
    identity_number: IdentityNumber, today: _dt.date, suspensions: tuple[Suspension, ...]
) -> Ruling[Any]:
    ruling = suspension_status(identity_number, today, suspensions)
    return SuspensionStatusRuling(
        outcome=ruling.outcome,
        reasons=ruling.reasons,
        on=ruling.on,
        in_force=tuple(
            SuspensionPeriod(suspended_on=s.suspended_on, lifted_on=s.lifted_on, suspended_by=s.suspended_by)
            for s in ruling.in_force
        ),
    )


def _audit_figures(ruling: Ruling[Any]) -> dict[str, Any]:
    """Each flag as its rule and rows (its reason is among the result's reasons), and every flagged row once."""
    assert isinstance(ruling, AuditRuling)
    return {
        "flags": [{"rule": f.rule.name, "settlement_ids": list(f.settlement_ids)} for f in ruling.flags],
        "flagged_ids": list(ruling.flagged_ids),
    }


_AUDIT_FIGURES_SCHEMA: Mapping[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["flags", "flagged_ids"],
    "properties": {
        "flags": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["rule", "settlement_ids"],
                "properties": {
                    "rule": {"enum": [m.name for m in AuditRule]},
                    "settlement_ids": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                },
            },
        },
        "flagged_ids": {"type": "array", "items": {"type": "string"}},
    },
}


#: This module's decisions, by name (in the order of :data:`~gongshang_rules.oracle.decisions.DECISIONS`).
ENTRIES: Mapping[str, Decision] = _decisions(
    Decision(
        name="reconciliation_deadline",
        facts=SettledFacts,
        ruling=DeadlineRuling,
        run=lambda f, _today, p: decide_reconciliation_deadline(
            f.settled_on, calendar=f.calendar, parameters=p
        ),
        summary="the day an intra-province settlement is reconciled, in principle: the next day",
        articles=(21, 36),
    ),
    Decision(
        name="monthly_reconciliation_deadline",
        facts=MonthFacts,
        ruling=DeadlineRuling,
        run=lambda f, _today, p: decide_monthly_reconciliation_deadline(
            f.year, f.month, calendar=f.calendar, parameters=p
        ),
        summary="the 5th working day of the next month, by which a month's settlements are reconciled",
        articles=(21, 36),
    ),
    Decision(
        name="annual_clearing",
        facts=YearFacts,
        ruling=AnnualClearingRuling,
        run=lambda f, _today, p: annual_clearing(f.year, parameters=p),
        summary="the annual clearing of a year: due by 31 March of the next",
        articles=(27, 36),
    ),
    Decision(
        name="reconcile_month",
        facts=ReconciliationFacts,
        ruling=MonthlyReconciliation,
        run=lambda f, _today, p: reconcile_month(
            f.year, f.month, f.settlements, f.refusals, calendar=f.calendar, parameters=p
        ),
        summary="a month's reconciliation: totals to the fen, refusals by insured place, article 21's deadlines",
        articles=(2, 3, 20, 21, 23, 24, 36),
    ),
    Decision(
        name="fund_flow",
        facts=FundFlowFacts,
        ruling=FundFlowRuling,
        run=lambda f, _today, p: fund_flow(f.record, parameters=p),
        summary="whose fund bears a settlement, and who pays whom under which article",
        articles=(2, 3, 23, 24, 25, 26, 27, 36),
    ),
    Decision(
        name="check_ledger",
        facts=LedgerFacts,
        ruling=LedgerRuling,
        run=lambda f, _today, _p: check_ledger(f.lines),
        summary="every ledger line that charges a bank charge or other transfer cost to the fund",
        articles=(24,),
    ),
    Decision(
        name="fund_use_plan",
        facts=FundUsePlanFacts,
        ruling=FundUsePlan,
        run=lambda f, _today, p: fund_use_plan(f.city, f.settlements, f.other_benefit_spending, parameters=p),
        summary="a city's fund-use plan: out-of-area spending combined with other benefits, listed separately",
        articles=(3, 25, 26, 36),
    ),
    Decision(
        name="suspension_status",
        facts=SuspensionFacts,
        ruling=SuspensionStatusRuling,
        run=lambda f, today, _p: _suspension(f.identity_number, today, f.suspensions),
        paths=MappingProxyType({"$.today": ("on",)}),
        summary="whether a worker's direct settlement is suspended today for serious violations",
        articles=(30,),
        uses_today=True,
    ),
    Decision(
        name="recovery_responsibility",
        facts=RecoveryFacts,
        ruling=RecoveryRuling,
        run=lambda f, _today, _p: recovery_responsibility(f.cause, f.insured, f.treatment),
        summary="who leads a check of suspicious data or a recovery, and who assists",
        articles=(2, 3, 31, 36),
    ),
    Decision(
        name="audit_flags",
        facts=AuditFacts,
        ruling=AuditRuling,
        run=lambda f, _today, _p: audit_flags(f.records, f.thresholds, f.filings),
        summary="the rows the joint audits focus on: large amounts, high frequency, dual-place spending",
        articles=(32,),
        figures=_audit_figures,
        figures_schema=_AUDIT_FIGURES_SCHEMA,
    ),
)
