"""The published case format: one JSON object asks for one decision; one JSON object answers it.

A **case** (schema ``schemas/case.schema.json``)::

    {"case": "A sentence that names the case", "decision": "settlement", "today": "2025-09-12",
     "facts": {...}, "articles": ["art. 5", "art. 18"], "expected": {...}}

``decision`` is one of :data:`DECISIONS` (``scope``, ``in_force``, ``eligibility``, ``filing_validity``,
``change_allowed``, ``filing_coverage``, ``settlement``, ``manual_claim``, ...); ``facts`` is that decision's facts
type as JSON (see :mod:`gongshang_rules.oracle.jsonio` for money, dates, places, identity numbers). ``today`` is the day
the case is decided on: the library never reads the clock, so a decision about "today" (is the procedure in force,
may the filing be changed, can the institution settle) takes it from here, and no fact repeats it. ``articles``
(the articles the case exercises) and ``expected`` (outcome, reason codes, figures) are optional: the conformance
corpus has both.

A **result** (schema ``schemas/result.schema.json``)::

    {"case": "...", "decision": "settlement", "outcome": "DIRECT",
     "reasons": [{"code": ..., "articles": [...], "citations": [...], "interpretation": false,
                  "message_zh": ..., "message_en": ..., "authorities": [...]}],
     "figures": {...}}

or, when the case cannot be decided, ``{"case": ..., "decision": ..., "error": {"problems": [{"path", "message"}]}}``.
Two results agree when the outcome, the *set* of reason codes and the figures agree (:func:`compare`).

Adding a decision is one entry in :data:`DECISIONS`: its facts type and the function that decides it.

>>> result = decide_json('{"case": "Changsha to Yueyang", "decision": "scope", "today": "2025-09-01",'
...                      ' "facts": {"insured": "430100", "treatment": "430600"}}')
>>> result["outcome"], [r["code"] for r in result["reasons"]], result["reasons"][0]["articles"]
('INTRA_PROVINCE', ['SCOPE_INTRA_PROVINCE'], ['art. 2(1)', 'art. 2(2)'])
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from ..kernel._privacy import mask_loaded_reprs, redact
from ..kernel._validate import (
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_money,
    is_positive_int,
    is_text,
    is_tuple_of,
)
from ..kernel.articles import ArticleRef
from ..kernel.authorities import CIVIL_CODE_ART_201, CIVIL_CODE_PERIODS, STATE_COUNCIL_SCHEDULE
from ..kernel.errors import GongshangError, InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.parameters import DEFAULT_SCHEDULE, ParameterSchedule, ParametersLike, resolve_parameters
from ..kernel.periods import add_months
from ..kernel.places import Place
from ..kernel.ruling import REASONS, LabelledEnum, Reason, ReasonTemplate, Role, Ruling, decisive
from ..kernel.terms import CareType, ServiceKind
from ..kernel.workdays import (
    CALENDAR_PROVISIONAL,
    DEFAULT_CALENDAR,
    WorkingDayCalendar,
    provisional_note,
    working_day_after,
)
from ..rules.agencies import AgencyRuling, AgencyTask, responsible_agency
from ..rules.applications import (
    REVIEW_DEADLINE,
    REVIEW_DEADLINE_OUTSIDE_PROCEDURE,
    REVIEW_DEADLINE_PROVISIONAL,
    REVIEW_IN_PRINCIPLE,
    Agency,
    FilingApplication,
    Requirement,
    ReviewRuling,
    SubmissionRuling,
    check_submission,
    review_application,
    review_deadline,
)
from ..rules.catalog import (
    AllowanceRuling,
    CatalogRuling,
    CostKind,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)
from ..rules.commencement import InForceRuling, in_force
from ..rules.eligibility import EligibilityFacts, EligibilityRuling, decide_eligibility
from ..rules.episodes import Episode
from ..rules.filing import (
    ChangeKind,
    ChangeRuling,
    CoverageFacts,
    CoverageRuling,
    Filing,
    ValidityRuling,
    change_allowed,
    filing_covers,
    filing_validity,
)
from ..rules.funds import (
    AnnualClearingRuling,
    FundFlowRuling,
    FundUsePlan,
    LedgerLine,
    LedgerRuling,
    annual_clearing,
    check_ledger,
    fund_flow,
    fund_use_plan,
)
from ..rules.institutions import InstitutionRegistry, InstitutionRuling, InstitutionStatus
from ..rules.manual_claims import ManualClaim, ManualClaimRuling, check_manual_claim
from ..rules.reconciliation import (
    DeadlineRuling,
    MonthlyReconciliation,
    Refusal,
    decide_monthly_reconciliation_deadline,
    decide_reconciliation_deadline,
    reconcile_month,
)
from ..rules.records import SettlementRecord
from ..rules.scope import Scope, ScopeRuling, classify_scope
from ..rules.settlement import SettlementRuling, decide_settlement
from ..rules.supervision import (
    AuditRule,
    AuditRuling,
    AuditThresholds,
    FilingPeriod,
    RecoveryCause,
    RecoveryRuling,
    Suspension,
    SuspensionStatus,
    audit_flags,
    recovery_responsibility,
    suspension_status,
)
from . import jsonio
from .jsonio import CaseError, Problem

__all__ = [
    "DECISIONS",
    "Case",
    "Decision",
    "Difference",
    "Expected",
    "case_from_json",
    "case_schema",
    "case_to_json",
    "compare",
    "decide_case",
    "decide_json",
    "result_schema",
]


# --- facts of the decisions that take more than one library value ----------------------------------------------


@attrs.frozen(kw_only=True)
class ScopeFacts:
    """``scope``: the insured place and the treatment place (articles 2, 3)."""

    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_instance(Place))


@attrs.frozen(kw_only=True)
class InForceFacts:
    """``in_force``: the scope of an event that happens on the case's ``today`` (article 36)."""

    scope: Scope = attrs.field(validator=is_member(Scope))


@attrs.frozen(kw_only=True)
class FilingFacts:
    """``filing_validity``: an approved filing (article 13 ¶1)."""

    filing: Filing = attrs.field(validator=is_instance(Filing))


@attrs.frozen(kw_only=True)
class ChangeFacts:
    """``change_allowed``: a filing and the change asked for on the case's ``today`` (articles 11, 13)."""

    filing: Filing = attrs.field(validator=is_instance(Filing))
    change: ChangeKind = attrs.field(validator=is_member(ChangeKind))


@attrs.frozen(kw_only=True)
class SettlementFacts:
    """``settlement``: one episode, and the registry of direct-settlement institutions (article 14).

    In JSON ``registry`` is ``"example"`` (the bundled example registry, :func:`~gongshang_rules.example_registry`)
    or a registry object ``{"institutions": [...], "about": "..."}`` in the format of
    :meth:`~gongshang_rules.InstitutionRegistry.from_json`.
    """

    episode: Episode = attrs.field(validator=is_instance(Episode))
    registry: InstitutionRegistry = attrs.field(validator=is_instance(InstitutionRegistry))


@attrs.frozen(kw_only=True)
class ManualClaimFacts:
    """``manual_claim``: a manual claim and the direct settlements on record (article 22)."""

    claim: ManualClaim = attrs.field(validator=is_instance(ManualClaim))
    settlements: tuple[SettlementRecord, ...] = attrs.field(
        default=(), validator=is_tuple_of(SettlementRecord)
    )


@attrs.frozen(kw_only=True)
class InstitutionFacts:
    """``institution_status``: can institution ``code`` settle ``service`` directly on ``today`` (article 14)."""

    registry: InstitutionRegistry = attrs.field(validator=is_instance(InstitutionRegistry))
    code: str = attrs.field(validator=is_text)
    service: ServiceKind = attrs.field(validator=is_member(ServiceKind))


@attrs.frozen(kw_only=True)
class CatalogFacts:
    """``catalog``: whose catalog governs a kind of cost in a scope (article 17 ¶1, ¶2).

    ``care`` (optional, an inpatient stay by default) is the kind of episode the costs belong to: article 17 ¶2
    names the catalogs of cross-province inpatient costs only."""

    scope: Scope = attrs.field(validator=is_member(Scope))
    cost_kind: CostKind = attrs.field(validator=is_member(CostKind))
    care: CareType = attrs.field(default=CareType.INPATIENT, validator=is_member(CareType))


@attrs.frozen(kw_only=True)
class MealAllowanceFacts:
    """``meal_allowance``: who pays the inpatient meal allowance in a scope (article 17 ¶3)."""

    scope: Scope = attrs.field(validator=is_member(Scope))


@attrs.frozen(kw_only=True)
class TravelFacts:
    """``travel_and_lodging``: who reimburses travel and lodging, for a referral or not (article 17 ¶3)."""

    scope: Scope = attrs.field(validator=is_member(Scope))
    is_referral: bool = attrs.field(validator=is_bool)


@attrs.frozen(kw_only=True)
class WorkingDaysFacts:
    """``working_day_after``: the ``n``-th working day after ``date`` (articles 10, 21).

    ``calendar`` defaults to the bundled State Council schedules; in JSON it is
    ``{"schedules": [{"year": 2027, "days_off": [...], "makeup_workdays": [...], "source": "..."}],
    "use_bundled": true}`` for a year the bundle does not know.
    """

    date: _dt.date = attrs.field(validator=is_date)
    n: int = attrs.field(validator=is_positive_int)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class MonthsFacts:
    """``add_months``: the last day of a period of ``n`` months from ``date`` (民法典 201, 202; articles 4, 13)."""

    date: _dt.date = attrs.field(validator=is_date)
    n: int = attrs.field(validator=is_positive_int)


@attrs.frozen(kw_only=True)
class ReviewDeadlineFacts:
    """``review_deadline``: the day a filing application received on ``received_on`` is due (article 10)."""

    received_on: _dt.date = attrs.field(validator=is_date)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class ReviewFacts:
    """``review``: a filing application and the day the agency received it (articles 7 to 10)."""

    application: FilingApplication = attrs.field(validator=is_instance(FilingApplication))
    received_on: _dt.date = attrs.field(validator=is_date)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


@attrs.frozen(kw_only=True)
class SubmissionFacts:
    """``submission``: which agency receives a filing application, and whether article 8 is met (articles 7, 8)."""

    application: FilingApplication = attrs.field(validator=is_instance(FilingApplication))


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
class AgencyFacts:
    """``responsible_agency``: which agency does a task for a worker insured and treated where (article 7)."""

    task: AgencyTask = attrs.field(validator=is_member(AgencyTask))
    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_instance(Place))


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
PERIOD_WORKING_DAYS_COUNTED = decisive(
    "PERIOD_WORKING_DAYS_COUNTED",
    10,
    21,
    when="The working_day_after decision, always: the n-th working day after the date, that date not counted.",
    reading=True,
    zh="{start}当日不计入，其后第{n}个工作日为{date}。工作日按国务院节假日安排计算，调休上班日计入。",
    en="{start} not counted: the {n}th working day after it is {date}. Working days follow the State Council's "
    "holiday schedule, make-up workdays included.",
    authorities=(CIVIL_CODE_ART_201, STATE_COUNCIL_SCHEDULE),
)
PERIOD_MONTHS_COUNTED = decisive(
    "PERIOD_MONTHS_COUNTED",
    4,
    13,
    when="The add_months decision, always: the period of n months from the date ends on the same day-of-month n "
    "months later, or on that month's last day when it has no such day.",
    reading=True,
    zh="自{start}起{n}个月（当日不计入），期间届满日为{date}：到期月的对应日，无对应日的为该月末日。",
    en="{n} months from {start} (that day not counted) end on {date}: the same day of the final month, or its last "
    "day when it has none.",
    authorities=(CIVIL_CODE_PERIODS,),
)


def _dated(day: _dt.date, *reasons: Reason) -> DateRuling:
    return DateRuling(outcome=Computed.COMPUTED, reasons=reasons, date=day)


def _months(start: _dt.date, n: int) -> DateRuling:
    end = add_months(start, n)
    return _dated(end, PERIOD_MONTHS_COUNTED.make(start=start.isoformat(), n=n, date=end.isoformat()))


def _working_days(start: _dt.date, n: int, calendar: WorkingDayCalendar) -> DateRuling:
    end = working_day_after(start, n, calendar=calendar)
    counted = PERIOD_WORKING_DAYS_COUNTED.make(start=start.isoformat(), n=n, date=end.isoformat())
    return _dated(end, counted, *_provisional(start, n, end, calendar, CALENDAR_PROVISIONAL))


def _review_deadline(
    received_on: _dt.date, calendar: WorkingDayCalendar, parameters: ParametersLike
) -> DateRuling:
    """``review_deadline`` as a ruling: the date, the Civil Code counting and the schedule it rests on (art. 10)."""
    p = resolve_parameters(parameters, received_on)
    if (
        not p.in_force_from <= received_on <= p.in_force_through
    ):  # article 36, as the review decision judges it
        reason = REVIEW_DEADLINE_OUTSIDE_PROCEDURE.make(
            received=received_on.isoformat(),
            start=p.in_force_from.isoformat(),
            end=p.in_force_through.isoformat(),
        )
        return DateRuling(outcome=Computed.NOT_IN_FORCE, reasons=(reason,), date=None)
    deadline = review_deadline(received_on, calendar=calendar, parameters=parameters)
    n = p.review_working_days
    return _dated(
        deadline,
        REVIEW_DEADLINE.make(received=received_on.isoformat(), n=n, deadline=deadline.isoformat()),
        REVIEW_IN_PRINCIPLE.make(n=n),
        *_provisional(received_on, n, deadline, calendar, REVIEW_DEADLINE_PROVISIONAL),
    )


def _provisional(
    after: _dt.date, n: int, day: _dt.date, calendar: WorkingDayCalendar, template: ReasonTemplate
) -> tuple[Reason, ...]:
    """The note, if any, that a date counted in working days rests on the provisional end of the last known year."""
    note = provisional_note(after, n, day, calendar=calendar, template=template)
    return () if note is None else (note,)


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


# --- the decisions ----------------------------------------------------------------------------------------------


def _institution_figures(ruling: Ruling[Any]) -> dict[str, Any]:
    assert isinstance(ruling, InstitutionRuling)
    change = ruling.change
    return {
        "institution": ruling.institution.code,
        "treatment": ruling.institution.treatment.key,
        "on": ruling.on.isoformat(),
        "service": ruling.service.name,
        "status": None if change is None else change.status.name,
        "status_since": None if change is None else change.on.isoformat(),
        "failing": list(ruling.failing),
    }


def _review_figures(ruling: Ruling[Any]) -> dict[str, Any]:
    assert isinstance(ruling, ReviewRuling)
    figures = jsonio.figures_of(ruling)
    figures["missing"] = [item.requirement.name for item in ruling.missing]
    return figures


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


Figures = Callable[[Ruling[Any]], dict[str, Any]]


@attrs.frozen(kw_only=True)
class Decision:
    """One kind of case: its name, its facts type, how it is decided, and which articles it can touch.

    ``run(facts, today, parameters)`` returns a :class:`~gongshang_rules.kernel.ruling.Ruling` (``parameters`` is the
    schedule or table the case is decided under; a decision with no number of the procedure ignores it); ``figures``
    turns the ruling's own
    fields into the result's ``figures`` (by default every field, a nested ruling as its outcome and figures).
    """

    name: str
    facts: type
    ruling: type
    run: Callable[[Any, _dt.date, ParametersLike], Ruling[Any]]
    summary: str
    articles: tuple[int, ...]
    uses_today: bool = False
    figures: Figures = jsonio.figures_of
    figures_schema: Mapping[str, Any] | None = None
    #: Where a problem the library reports under one of its own argument names lies in the case: ``{"d":
    #: "$.facts.date"}`` for a function whose argument ``d`` is the fact ``date``, ``{"on": "$.today"}`` for one fed
    #: the case's ``today``. Other names are taken as paths under ``$.facts``.
    paths: Mapping[str, str] = MappingProxyType({})


def _decisions(*entries: Decision) -> Mapping[str, Decision]:
    return MappingProxyType({d.name: d for d in entries})


#: Every decision a case can ask for, by name. Adding a decision is one entry here.
DECISIONS: Mapping[str, Decision] = _decisions(
    Decision(
        name="scope",
        facts=ScopeFacts,
        ruling=ScopeRuling,
        run=lambda f, _today, _p: classify_scope(f.insured, f.treatment),
        summary="scope of an (insured place, treatment place) pair",
        articles=(2, 3),
    ),
    Decision(
        name="in_force",
        facts=InForceFacts,
        ruling=InForceRuling,
        run=lambda f, today, p: in_force(today, f.scope, parameters=p),
        summary="whether this procedure governs an event of a scope on today",
        articles=(2, 36),
        uses_today=True,
    ),
    Decision(
        name="eligibility",
        facts=EligibilityFacts,
        ruling=EligibilityRuling,
        run=lambda f, _today, p: decide_eligibility(f, parameters=p),
        summary="whether a worker may apply for out-of-area direct settlement",
        articles=(3, 4, 36),
    ),
    Decision(
        name="filing_validity",
        facts=FilingFacts,
        ruling=ValidityRuling,
        run=lambda f, _today, p: filing_validity(f.filing, parameters=p),
        paths=MappingProxyType({"d": "$.facts.filing.filed_on"}),
        summary="first and last valid day of a filing",
        articles=(13, 36),
    ),
    Decision(
        name="change_allowed",
        facts=ChangeFacts,
        ruling=ChangeRuling,
        run=lambda f, today, p: change_allowed(f.filing, f.change, today, parameters=p),
        paths=MappingProxyType({"on": "$.today"}),
        summary="whether a filing may be changed or cancelled today",
        articles=(11, 13),
        uses_today=True,
    ),
    Decision(
        name="filing_coverage",
        facts=CoverageFacts,
        ruling=CoverageRuling,
        run=lambda f, _today, p: filing_covers(f, parameters=p),
        paths=MappingProxyType({"d": "$.facts.filing.filed_on"}),
        summary="whether a filing covers an admission, visit or fitting",
        articles=(3, 12, 13),
    ),
    Decision(
        name="settlement",
        facts=SettlementFacts,
        ruling=SettlementRuling,
        run=lambda f, _today, p: decide_settlement(f.episode, registry=f.registry, parameters=p),
        summary="how one episode is settled, with the fund's and the worker's shares",
        articles=(3, 5, 12, 13, 14, 16, 17, 18, 19, 22, 30, 36),
    ),
    Decision(
        name="manual_claim",
        facts=ManualClaimFacts,
        ruling=ManualClaimRuling,
        run=lambda f, _today, _p: check_manual_claim(f.claim, f.settlements),
        summary="whether a manual claim duplicates a direct settlement",
        articles=(22,),
    ),
    Decision(
        name="institution_status",
        facts=InstitutionFacts,
        ruling=InstitutionRuling,
        run=lambda f, today, _p: f.registry.can_settle_directly(f.code, today, f.service),
        paths=MappingProxyType({"on": "$.today"}),
        summary="whether an institution can settle a service directly today",
        articles=(5, 14),
        uses_today=True,
        figures=_institution_figures,
        figures_schema={
            "type": "object",
            "additionalProperties": False,
            "required": ["institution", "treatment", "on", "service", "status", "status_since", "failing"],
            "properties": {
                "institution": {"type": "string"},
                "treatment": {"$ref": "#/$defs/place"},
                "on": {"$ref": "#/$defs/date"},
                "service": {"enum": [m.name for m in ServiceKind]},
                "status": {"anyOf": [{"enum": [m.name for m in InstitutionStatus]}, {"type": "null"}]},
                "status_since": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "failing": {"type": "array", "items": {"type": "string"}},
            },
        },
    ),
    Decision(
        name="catalog",
        facts=CatalogFacts,
        ruling=CatalogRuling,
        run=lambda f, _today, _p: governing_catalog(f.scope, f.cost_kind, care=f.care),
        summary="whose catalog governs a kind of cost",
        articles=(17,),
    ),
    Decision(
        name="meal_allowance",
        facts=MealAllowanceFacts,
        ruling=AllowanceRuling,
        run=lambda f, _today, _p: meal_allowance(f.scope),
        summary="who pays the inpatient meal allowance",
        articles=(17,),
    ),
    Decision(
        name="travel_and_lodging",
        facts=TravelFacts,
        ruling=AllowanceRuling,
        run=lambda f, _today, _p: travel_and_lodging(f.scope, f.is_referral),
        summary="who reimburses referral travel and lodging",
        articles=(17,),
    ),
    Decision(
        name="working_day_after",
        facts=WorkingDaysFacts,
        ruling=DateRuling,
        run=lambda f, _today, _p: _working_days(f.date, f.n, f.calendar),
        paths=MappingProxyType({"d": "$.facts.date"}),
        summary="the n-th working day after a date (State Council schedules, make-up workdays included)",
        articles=(10, 21),
    ),
    Decision(
        name="add_months",
        facts=MonthsFacts,
        ruling=DateRuling,
        run=lambda f, _today, _p: _months(f.date, f.n),
        paths=MappingProxyType({"d": "$.facts.date"}),
        summary="the last day of a period of n months from a date",
        articles=(4, 13),
    ),
    Decision(
        name="review_deadline",
        facts=ReviewDeadlineFacts,
        ruling=DateRuling,
        run=lambda f, _today, p: _review_deadline(f.received_on, f.calendar, p),
        paths=MappingProxyType({"d": "$.facts.received_on"}),
        summary="the 5th working day after a filing application is received",
        articles=(10,),
    ),
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
        name="review",
        facts=ReviewFacts,
        ruling=ReviewRuling,
        run=lambda f, _today, p: review_application(
            f.application, f.received_on, calendar=f.calendar, parameters=p
        ),
        summary="review of a filing application: complete with its deadline, or every missing material",
        articles=(7, 8, 9, 10),
        figures=_review_figures,
        figures_schema={
            "type": "object",
            "additionalProperties": False,
            "required": ["deadline", "missing", "agency", "problems"],
            "properties": {
                "deadline": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "missing": {"type": "array", "items": {"enum": [m.name for m in Requirement]}},
                "agency": {"anyOf": [{"$ref": "#/$defs/Agency"}, {"type": "null"}]},
                "problems": {"type": "array", "items": {"type": "string"}},
            },
        },
    ),
    Decision(
        name="submission",
        facts=SubmissionFacts,
        ruling=SubmissionRuling,
        run=lambda f, _today, _p: check_submission(f.application),
        summary="which agency receives a filing application, and whether article 8 is met",
        articles=(3, 7, 8),
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
    Decision(
        name="responsible_agency",
        facts=AgencyFacts,
        ruling=AgencyRuling,
        run=lambda f, _today, _p: responsible_agency(f.task, f.insured, f.treatment),
        summary="which agency does a task of out-of-area direct settlement for a case",
        articles=(2, 3, 7, 8, 14, 20, 21, 23, 24, 25, 27, 30, 32, 36),
    ),
)


# --- cases --------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Expected:
    """A case's expected result: ``outcome``, the set of reason ``codes``, ``figures``; or an expected ``error``.

    In JSON: ``{"outcome": "DIRECT", "reasons": ["SETTLEMENT_DIRECT", ...], "figures": {...}}``, or
    ``{"error": ["$.facts.date"]}`` (the paths of the problems) for a case the library must reject.
    """

    outcome: str | None = None
    codes: frozenset[str] = frozenset()
    figures: Mapping[str, Any] = attrs.field(factory=dict)
    error: tuple[str, ...] | None = None

    def as_result(self, name: str, decision: str) -> dict[str, Any]:
        """This expectation in the shape of a result, for :func:`compare`."""
        if self.error is not None:
            return {
                "case": name,
                "decision": decision,
                "error": {"problems": [{"path": p, "message": "expected"} for p in self.error]},
            }
        return {
            "case": name,
            "decision": decision,
            "outcome": self.outcome,
            "reasons": [{"code": c} for c in sorted(self.codes)],
            "figures": dict(self.figures),
        }


@attrs.frozen(kw_only=True)
class Case:
    """One case: its ``name`` (a sentence), the ``decision`` asked for, ``today``, the ``facts`` (the decision's
    facts type), and optionally the ``articles`` it exercises, its ``expected`` result, and the ``parameters``
    (a :class:`~gongshang_rules.kernel.parameters.ParameterSchedule`) it is decided under: ``None`` for today's law,
    :data:`~gongshang_rules.kernel.parameters.DEFAULT_SCHEDULE`."""

    name: str = attrs.field(validator=is_text)
    decision: str = attrs.field(validator=is_text)
    today: _dt.date = attrs.field(validator=is_date)
    facts: Any
    articles: tuple[str, ...] = attrs.field(default=(), validator=is_tuple_of(str))
    expected: Expected | None = None
    parameters: ParameterSchedule | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ParameterSchedule))
    )

    def __attrs_post_init__(self) -> None:
        kind = DECISIONS.get(self.decision)
        if kind is None:
            raise InvalidInputError(
                "decision", f"must be one of {', '.join(DECISIONS)}; got {self.decision!r}"
            )
        if not isinstance(self.facts, kind.facts):
            raise InvalidInputError(
                "facts", f"must be {kind.facts.__name__} for {self.decision}, got {type(self.facts).__name__}"
            )
        for index, text in enumerate(self.articles):
            if not _CITATION_TEXT.fullmatch(text):
                raise InvalidInputError(
                    f"articles[{index}]", f"must be like 'art. 13(1)' or 'annex 2 note 5', got {text!r}"
                )


_CITATION_TEXT = re.compile(
    r"art\. ([1-9]|[12][0-9]|3[0-6])(\([1-9]\))?( item [1-9])?|annex [12]( note [1-9])?"
)
_CASE_KEYS = frozenset(
    {"case", "decision", "today", "facts", "articles", "expected", "parameters", "calendar"}
)
_EXPECTED_KEYS = frozenset({"outcome", "reasons", "figures", "error"})


def _take(problems: list[Problem], path: str, run: Callable[[], Any]) -> Any:
    try:
        return run()
    except CaseError as error:
        problems.extend(error.rooted(path).problems)
    except InvalidInputError as error:
        problems.append(Problem(path, error.problem))
    return None


def _text(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise InvalidInputError("", "must be a non-blank JSON string")
    return value


def _expected(value: Any) -> Expected:
    if type(value) is not dict:
        raise InvalidInputError("", "must be a JSON object with outcome, reasons and figures (or error)")
    problems: list[Problem] = []
    for key in sorted(set(value) - _EXPECTED_KEYS):
        problems.append(Problem(f"$.{key}", "unknown key; the keys are error, figures, outcome, reasons"))
    if "error" in value:
        paths = _take(problems, "$.error", lambda: jsonio.structure(value["error"], tuple[str, ...]))
        for key in sorted(set(value) & {"outcome", "reasons", "figures"}):
            problems.append(Problem(f"$.{key}", "must not be given with error"))
        if problems:
            raise CaseError(problems)
        return Expected(error=paths)
    outcome = _take(problems, "$.outcome", lambda: _text(value.get("outcome")))
    codes = _take(problems, "$.reasons", lambda: jsonio.structure(value.get("reasons", []), frozenset[str]))
    figures = value.get("figures", {})
    if type(figures) is not dict:
        problems.append(Problem("$.figures", "must be a JSON object"))
    if problems:
        raise CaseError(problems)
    return Expected(outcome=outcome, codes=codes, figures=jsonio.plain(figures))


def case_from_json(data: Any, *, calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> Case:
    """A :class:`Case` from parsed JSON (:func:`gongshang_rules.oracle.jsonio.loads`); one :class:`CaseError` listing
    every problem with its path (``$.facts.filing.category: ...``).

    ``calendar`` is the calendar the case is decided with (default: the bundled State Council schedules; the
    command line's ``--calendar FILE`` adds to it). The case's optional ``"calendar"`` key, then a decision's
    ``facts.calendar``, add their schedules to it (:meth:`WorkingDayCalendar.layered_on`); a case without either
    keeps its meaning.
    """
    if type(data) is not dict:
        raise CaseError([Problem("$", f"a case must be a JSON object, got {jsonio._json_type(data)}")])
    problems: list[Problem] = []
    for key in sorted(set(data) - _CASE_KEYS):
        problems.append(
            Problem(
                f"$.{key}",
                "unknown key; the keys are case, decision, today, facts, articles, expected, parameters, calendar",
            )
        )
    for key in ("case", "decision", "today", "facts"):
        if key not in data:
            problems.append(Problem(f"$.{key}", "required, and missing"))
    name = _take(problems, "$.case", lambda: _text(data["case"])) if "case" in data else None
    kind: Decision | None = None
    if "decision" in data:
        decision = data["decision"]
        kind = DECISIONS.get(decision) if type(decision) is str else None
        if kind is None:
            shown = repr(decision) if type(decision) is str else jsonio._json_type(decision)
            problems.append(Problem("$.decision", f"must be one of {', '.join(DECISIONS)}; got {shown}"))
    today = (
        _take(problems, "$.today", lambda: jsonio.structure(data["today"], _dt.date))
        if "today" in data
        else None
    )
    facts = None
    if kind is not None and "facts" in data:
        facts = _take(problems, "$.facts", lambda: jsonio.structure(data["facts"], kind.facts))
    if "calendar" in data:
        own = _take(problems, "$.calendar", lambda: jsonio.structure(data["calendar"], WorkingDayCalendar))
        calendar = own.layered_on(calendar) if own is not None else calendar
    if facts is not None and hasattr(facts, "calendar"):
        given = type(data["facts"]) is dict and "calendar" in data["facts"]
        effective = facts.calendar.layered_on(calendar) if given else calendar
        if effective is not facts.calendar:
            facts = attrs.evolve(facts, calendar=effective)
    articles: tuple[str, ...] = ()
    if "articles" in data:
        articles = _take(problems, "$.articles", lambda: _articles(data["articles"])) or ()
    expected = (
        _take(problems, "$.expected", lambda: _expected(data["expected"])) if "expected" in data else None
    )
    parameters = (
        _take(problems, "$.parameters", lambda: jsonio.structure(data["parameters"], ParameterSchedule))
        if "parameters" in data
        else None
    )
    if problems:
        raise CaseError(problems)
    assert kind is not None and name is not None and today is not None
    return Case(
        name=name,
        decision=kind.name,
        today=today,
        facts=facts,
        articles=articles,
        expected=expected,
        parameters=parameters,
    )


def _articles(value: Any) -> tuple[str, ...]:
    texts: tuple[str, ...] = jsonio.structure(value, tuple[str, ...])
    problems = [
        Problem(f"$[{i}]", f"must be like 'art. 13(1)' or 'annex 2 note 5', got {t!r}")
        for i, t in enumerate(texts)
        if not _CITATION_TEXT.fullmatch(t)
    ]
    if problems:
        raise CaseError(problems)
    return texts


def case_to_json(case: Case) -> dict[str, Any]:
    """A case as JSON data (identity numbers whole: this is input)."""
    data: dict[str, Any] = {
        "case": redact(case.name),
        "decision": case.decision,
        "today": case.today.isoformat(),
        "facts": jsonio.unstructure(case.facts, DECISIONS[case.decision].facts),
    }
    if case.articles:
        data["articles"] = list(case.articles)
    if case.expected is not None:
        expected = case.expected
        if expected.error is not None:
            data["expected"] = {"error": list(expected.error)}
        else:
            data["expected"] = {
                "outcome": expected.outcome,
                "reasons": sorted(expected.codes),
                "figures": dict(expected.figures),
            }
    if case.parameters is not None:
        data["parameters"] = jsonio.unstructure(case.parameters, ParameterSchedule)
    return data


# --- deciding -----------------------------------------------------------------------------------------------------


def parameters_of(case: Case, parameters: ParametersLike | None = None) -> ParametersLike:
    """What ``case`` is decided under: ``parameters`` when given (a run's ``--parameters``, which applies to every
    case and replaces the case's own), else the case's ``parameters``, else today's law (``DEFAULT_SCHEDULE``)."""
    if parameters is not None:
        return parameters
    return case.parameters if case.parameters is not None else DEFAULT_SCHEDULE


def decide(case: Case, *, parameters: ParametersLike | None = None) -> Ruling[Any]:
    """The ruling for ``case``, under :func:`parameters_of` (``parameters`` replaces the case's own). A problem the
    library finds while deciding is a :class:`CaseError` under ``$.facts``."""
    kind = DECISIONS[case.decision]
    try:
        return kind.run(case.facts, case.today, parameters_of(case, parameters))
    except InvalidInputError as error:
        path = kind.paths.get(error.field) or jsonio._path_join(
            "$" if error.field.startswith("parameters") else "$.facts", error.field
        )
        raise CaseError([Problem(path, error.problem)]) from None
    except GongshangError as error:
        raise CaseError([Problem("$.facts", str(error))]) from None


def result_of(case: Case, ruling: Ruling[Any]) -> dict[str, Any]:
    """The result object of ``case`` decided as ``ruling`` (the name masked like every echoed text)."""
    return {
        "case": redact(case.name),
        "decision": case.decision,
        "outcome": ruling.outcome.name,
        "reasons": [jsonio.reason_to_json(r) for r in ruling.reasons],
        "figures": _redacted(DECISIONS[case.decision].figures(ruling)),
    }


def _redacted(value: Any) -> Any:
    """Figures with every string masked (ids, codes and names a decision's own figure writer echoes)."""
    if type(value) is str:
        return redact(value)
    if type(value) is dict:
        return {k: _redacted(v) for k, v in value.items()}
    if type(value) is list:
        return [_redacted(v) for v in value]
    return value


def decide_case(case: Case, *, parameters: ParametersLike | None = None) -> dict[str, Any]:
    """The result object of ``case``: decided, or an error result when the library rejects its facts.
    ``parameters`` replaces the case's own (:func:`parameters_of`)."""
    try:
        ruling = decide(case, parameters=parameters)
    except CaseError as error:
        return error_result(error, name=case.name, decision=case.decision)
    return result_of(case, ruling)


def error_result(
    error: CaseError, *, name: Any = None, decision: Any = None, line: int | None = None
) -> dict[str, Any]:
    """The result object of a case that cannot be decided: every problem with its path.

    A name that is not a non-blank string is ``null``: ``batch`` and ``decide --json`` give the same answer.
    """
    result: dict[str, Any] = {
        "case": redact(name) if type(name) is str and name.strip() else None,
        "decision": decision if type(decision) is str and decision in DECISIONS else None,
        "error": {"problems": [{"path": p.path, "message": p.message} for p in error.problems]},
    }
    if line is not None:
        result["line"] = line
    return result


def internal_error_result(
    error: BaseException, *, name: Any = None, decision: Any = None, line: int | None = None
) -> dict[str, Any]:
    """The result of a case on which the library itself failed (a defect): an error result marked ``internal``.

    The message names the exception's type only: its text could echo the input.
    """
    problem = Problem(
        "$", f"internal error ({type(error).__name__}): the library failed on this case; please report it"
    )
    result = error_result(CaseError([problem]), name=name, decision=decision, line=line)
    result["error"]["internal"] = True
    return result


def is_internal_error(result: Mapping[str, Any]) -> bool:
    """Whether ``result`` is an internal-error result (:func:`internal_error_result`)."""
    error = result.get("error")
    return type(error) is dict and error.get("internal") is True


def decide_data(
    data: Any,
    *,
    line: int | None = None,
    parameters: ParametersLike | None = None,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
) -> tuple[Case | None, dict[str, Any]]:
    """Parsed JSON of a case → (the case or ``None``, its result object); never raises (but for an interrupt).

    ``parameters`` replaces the case's own (:func:`parameters_of`); ``calendar`` is the calendar the case is
    decided with (see :func:`case_from_json`). Bad input gives an error result; an unexpected exception inside
    the library gives an internal-error result (:func:`internal_error_result`), so that one case can never end a
    run of many.
    """
    try:
        return _decide_data(data, line=line, parameters=parameters, calendar=calendar)
    except Exception as error:
        name = data.get("case") if type(data) is dict else None
        decision = data.get("decision") if type(data) is dict else None
        return None, internal_error_result(error, name=name, decision=decision, line=line)


def _decide_data(
    data: Any, *, line: int | None, parameters: ParametersLike | None, calendar: WorkingDayCalendar
) -> tuple[Case | None, dict[str, Any]]:
    try:
        case = case_from_json(data, calendar=calendar)
    except CaseError as error:
        name = data.get("case") if type(data) is dict else None
        decision = data.get("decision") if type(data) is dict else None
        return None, error_result(error, name=name, decision=decision, line=line)
    result = decide_case(case, parameters=parameters)
    if line is not None and "error" in result:
        result["line"] = line
    return case, result


def decide_json(text: str | bytes) -> dict[str, Any]:
    """The result object of a case given as JSON text; bad input gives an error result, never an exception."""
    try:
        data = jsonio.loads(text)
    except CaseError as error:
        return error_result(error)
    return decide_data(data)[1]


@attrs.frozen(kw_only=True)
class Envelope:
    """What a case line says about itself, read even when its facts are not valid: name, decision, articles and
    expected result (each ``None`` or empty when missing or not valid)."""

    name: str | None
    decision: str | None
    articles: tuple[str, ...]
    expected: Expected | None


def envelope(data: Any) -> Envelope:
    """The :class:`Envelope` of parsed case JSON; never raises."""
    if type(data) is not dict:
        return Envelope(name=None, decision=None, articles=(), expected=None)
    name = data.get("case") if type(data.get("case")) is str and data["case"].strip() else None
    decision = data.get("decision") if data.get("decision") in DECISIONS else None
    try:
        articles = _articles(data.get("articles", []))
    except CaseError:
        articles = ()
    try:
        expected = _expected(data["expected"]) if "expected" in data else None
    except (CaseError, InvalidInputError):
        expected = None
    return Envelope(name=name, decision=decision, articles=articles, expected=expected)


def expected_result(case: Case) -> dict[str, Any] | None:
    """The case's ``expected`` in the shape of a result (``None`` when it has none)."""
    return None if case.expected is None else case.expected.as_result(case.name, case.decision)


# --- comparing results --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Difference:
    """One difference between a reference result and a candidate: what differs, and the articles involved."""

    case: str
    what: str
    detail: str
    articles: tuple[str, ...] = ()
    #: False for a difference in a note (a reason that does not change the outcome) when not comparing strictly:
    #: it is listed, but the case still agrees.
    fails: bool = True

    def __str__(self) -> str:
        cited = f" [{', '.join(self.articles)}]" if self.articles else ""
        return f"{self.case}: {self.what}: {self.detail}{cited}"


def failing(differences: Iterable[Difference]) -> list[Difference]:
    """The differences that make a case fail (every one but the notes listed when not comparing strictly)."""
    return [d for d in differences if d.fails]


def _malformed(candidate: Any) -> str | None:
    """What is wrong with the shape of another implementation's result, or ``None`` when it can be compared."""
    if not isinstance(candidate, dict):
        return f"expected a JSON object, got {type(candidate).__name__}"
    if "error" in candidate:
        error = candidate["error"]
        if not isinstance(error, dict) or not isinstance(error.get("problems", []), list):
            return '"error" must be an object with a "problems" list'
        if not all(
            isinstance(p, dict) and isinstance(p.get("path", "$"), str) for p in error.get("problems", [])
        ):
            return '"error.problems" must hold objects whose "path" is text'
        return None
    if not isinstance(candidate.get("reasons", []), list):
        return '"reasons" must be a list'
    if not isinstance(candidate.get("figures", {}), dict | None):
        return '"figures" must be an object'
    return None


def _codes(result: Mapping[str, Any]) -> set[str]:
    codes: set[str] = set()
    for reason in result.get("reasons") or ():
        if isinstance(reason, str):
            codes.add(reason)
        elif isinstance(reason, dict) and isinstance(reason.get("code"), str):
            codes.add(reason["code"])
    return codes


def is_note(code: str) -> bool:
    """True for a code the catalogue gives as a note; a code the library does not know counts as decisive."""
    template = REASONS.get(code)
    return template is not None and template.role is Role.NOTE


def code_articles(code: str) -> tuple[str, ...]:
    """The articles a reason code rests on, from the catalogue (empty for a code the library does not know)."""
    template = REASONS.get(code)
    return tuple(str(c) for c in template.articles) if template is not None else ()


_MONEY_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if (
        isinstance(a, str)
        and isinstance(b, str)
        and a != b
        and "." in a
        and "." in b
        and _MONEY_TEXT.fullmatch(a)
        and _MONEY_TEXT.fullmatch(b)
    ):
        return Decimal(a) == Decimal(b)
    return type(a) is type(b) and bool(a == b)


def _figure_differences(ref: Any, cand: Any, path: str) -> Iterable[str]:
    if isinstance(ref, dict):
        if not isinstance(cand, dict):
            yield f"{path}: expected an object {jsonio.dumps(ref)}, got {jsonio.dumps(cand)}"
            return
        for key in sorted(ref):
            if key not in cand:
                yield f"{path}.{key}: missing (expected {jsonio.dumps(ref[key])})"
            else:
                yield from _figure_differences(ref[key], cand[key], f"{path}.{key}")
        return
    if isinstance(ref, list):
        if not isinstance(cand, list) or len(cand) != len(ref):
            yield f"{path}: expected {jsonio.dumps(ref)}, got {jsonio.dumps(cand)}"
            return
        for index, (r, c) in enumerate(zip(ref, cand, strict=True)):
            yield from _figure_differences(r, c, f"{path}[{index}]")
        return
    if not _same(ref, cand):
        yield f"{path}: expected {jsonio.dumps(ref)}, got {jsonio.dumps(cand)}"


def compare(
    reference: Mapping[str, Any],
    candidate: Mapping[str, Any],
    *,
    articles: Iterable[str] = (),
    error_paths: bool = False,
    strict: bool = False,
) -> list[Difference]:
    """Every difference of ``candidate`` from ``reference``: outcome, the set of decisive reason codes, figures.

    A code's role is the catalogue's (:data:`~gongshang_rules.kernel.ruling.REASONS`), whatever a result says: a
    difference in a note is listed with ``what="notes"`` and, unless ``strict``, ``fails=False``. A code the
    catalogue does not know counts as decisive.

    A figure the reference has must be in the candidate with the same value (money compared as decimals:
    ``"10.5"`` equals ``"10.50"``); a figure only the candidate has is ignored. Where the reference is an error, the
    candidate must be one too; with ``error_paths`` the reference's problem paths must also be among the
    candidate's (the messages are never compared). ``articles`` (the case's) are named on every difference, with the
    articles of the reason codes involved.
    """
    case_articles = tuple(articles)
    malformed = _malformed(candidate)
    if malformed is not None:
        name = str(reference.get("case") or "?")
        return [
            Difference(
                case=name, what="result", detail=f"not a result object: {malformed}", articles=case_articles
            )
        ]
    name = str(reference.get("case") or candidate.get("case") or "?")
    if "error" in reference:
        if "error" in candidate:
            wanted = [p.get("path") for p in reference["error"].get("problems", [])]
            got = {p.get("path") for p in candidate["error"].get("problems", [])}
            missing = [p for p in wanted if p not in got]
            if error_paths and missing:
                return [
                    Difference(
                        case=name,
                        what="error",
                        detail=f"rejected, but no problem at {', '.join(map(str, missing))} (got {', '.join(sorted(map(str, got)))})",
                        articles=case_articles,
                    )
                ]
            return []
        paths = ", ".join(p.get("path", "$") for p in reference["error"].get("problems", []))
        return [
            Difference(
                case=name,
                what="error",
                detail=f"should be rejected as bad input ({paths}), got outcome {candidate.get('outcome')!r}",
                articles=case_articles,
            )
        ]
    if "error" in candidate:
        problems = "; ".join(
            f"{p.get('path')}: {p.get('message')}" for p in candidate["error"].get("problems", [])
        )
        return [
            Difference(
                case=name, what="error", detail=f"rejected as bad input: {problems}", articles=case_articles
            )
        ]
    found: list[Difference] = []
    if reference.get("outcome") != candidate.get("outcome"):
        found.append(
            Difference(
                case=name,
                what="outcome",
                detail=f"expected {reference.get('outcome')}, got {candidate.get('outcome')}",
                articles=case_articles,
            )
        )
    ref_codes, cand_codes = _codes(reference), _codes(candidate)
    for code, detail in sorted(
        [(c, f"missing reason {c}") for c in ref_codes - cand_codes]
        + [(c, f"unexpected reason {c}") for c in cand_codes - ref_codes],
        key=lambda item: (is_note(item[0]), item[1].split()[0], item[0]),
    ):
        note = is_note(code)
        found.append(
            Difference(
                case=name,
                what="notes" if note else "reasons",
                detail=detail,
                articles=_merge(case_articles, code_articles(code)),
                fails=strict or not note,
            )
        )
    for detail in _figure_differences(
        reference.get("figures") or {}, candidate.get("figures") or {}, "figures"
    ):
        found.append(Difference(case=name, what="figures", detail=detail, articles=case_articles))
    return found


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


# --- explaining ---------------------------------------------------------------------------------------------------


def explain(case: Case, ruling: Ruling[Any], *, quote: bool = False) -> str:
    """A decided case explained for a person: the decision, the outcome, the figures and every reason; with
    ``quote``, the text of each cited paragraph under its reason (:meth:`Ruling.explained`)."""
    kind = DECISIONS[case.decision]
    lines = [
        f"Case: {case.name}",
        f"Decision: {case.decision} ({kind.summary}), decided on {case.today.isoformat()}",
    ]
    if case.articles:
        lines.append(f"Articles exercised: {', '.join(case.articles)}")
    lines.append("")
    lines.append(ruling.explained(quote=True) if quote else str(ruling))
    return redact("\n".join(lines))  # the name and every figure: no whole identity number


# --- JSON Schemas ---------------------------------------------------------------------------------------------------

SCHEMA_BASE = "https://gongshang-rules.invalid/schemas/"
_MONEY_IN = r"^[0-9]+(\.[0-9]{1,2})?$"
_MONEY_OUT = r"^[0-9]+\.[0-9]{2}$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_CITATION = r"^(art\. ([1-9]|[12][0-9]|3[0-6])(\([1-9]\))?( item [1-9])?|annex [12]( note [1-9])?)$"


class _SchemaWriter:
    """JSON Schema (draft 2020-12) of the JSON forms of :mod:`gongshang_rules.oracle.jsonio`, read off the attrs types."""

    def __init__(self, *, output: bool) -> None:
        self.output = output
        self.defs: dict[str, Any] = {
            "date": {"type": "string", "pattern": _DATE, "description": "an ISO 8601 calendar date"},
            "money": {
                "type": "string",
                "pattern": _MONEY_OUT if output else _MONEY_IN,
                "description": "yuan as a decimal string"
                + (" with exactly 2 places" if output else " (0 to 2 places); never a JSON number"),
            },
            "place": {
                "type": "string",
                "minLength": 1,
                "description": "a division code or 省本级"
                + ("" if output else "; on input also a name that gongshang_rules.place() reads"),
            },
            "identity_number": {
                "type": "string",
                "description": "a 公民身份号码"
                + (", masked: first 3 and last 4 characters" if output else ", whole (18 characters)"),
            },
            "citation": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["article", "paragraph", "item"],
                        "properties": {
                            "article": {"type": "integer", "minimum": 1, "maximum": 36},
                            "paragraph": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                            "item": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["annex", "note"],
                        "properties": {
                            "annex": {"enum": [1, 2]},
                            "note": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                        },
                    },
                ]
            },
        }

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, t: Any) -> dict[str, Any]:
        import types
        import typing

        from ..kernel.articles import AnnexRef
        from ..kernel.identity import IdentityNumber
        from ..rules.forms import Annex1Form, Annex2Form

        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if t is type(None):
            return {"type": "null"}
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if set(members) == {ArticleRef, AnnexRef}:
                inner: dict[str, Any] = self.ref("citation")
            elif set(members) == {Annex1Form, Annex2Form}:
                inner = {"oneOf": [self.of(Annex1Form), self.of(Annex2Form)]}
            elif len(members) == 1:
                inner = self.of(members[0])
            else:  # pragma: no cover - no other union is part of the case format
                inner = {"anyOf": [self.of(m) for m in members]}
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is _dt.date:
            return self.ref("date")
        if t is Decimal:
            return self.ref("money")
        if t is Place:
            return self.ref("place")
        if t is IdentityNumber:
            return self.ref("identity_number")
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin is frozenset:
            return {"type": "array", "items": self.of(args[0]), "uniqueItems": True}
        if isinstance(t, type) and issubclass(t, LabelledEnum | Computed):
            return {"enum": [m.name for m in t]}
        if t is WorkingDayCalendar:
            return self._calendar()
        if t is InstitutionRegistry:
            return self._registry()
        if isinstance(t, type) and issubclass(t, Ruling):
            return self._figures(t, nested=True)
        if isinstance(t, type) and attrs.has(t):
            return self._attrs(t)
        raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover - every facts type is covered above

    def _attrs(self, cl: type) -> dict[str, Any]:
        from ..rules.forms import Annex1Form, Annex2Form

        name = cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: types may nest
            attrs.resolve_types(cl)
            fields = [f for f in attrs.fields(cl) if f.init and not f.name.startswith("_")]
            properties = {f.alias: self.of(f.type) for f in fields}
            required = [f.alias for f in fields if self.output or f.default is attrs.NOTHING]
            if cl in (Annex1Form, Annex2Form):
                properties["annex"] = {"const": 1 if cl is Annex1Form else 2}
                required.append("annex")
            schema: dict[str, Any] = {
                "type": "object",
                "additionalProperties": False,
                "properties": properties,
            }
            if required:
                schema["required"] = sorted(required)
            doc = (cl.__doc__ or "").strip().split("\n")[0]
            if doc:
                schema["description"] = doc
            self.defs[name] = schema
        return self.ref(name)

    def _calendar(self) -> dict[str, Any]:
        from ..kernel.workdays import YearSchedule

        if "calendar" not in self.defs:
            self.defs["calendar"] = {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "schedules": {"type": "array", "items": self.of(YearSchedule)},
                    "use_bundled": {"type": "boolean"},
                },
                "description": "State Council schedules added to the calendar the case is decided with (the bundled "
                "schedules and any given with --calendar); with use_bundled false, these schedules alone",
            }
        return self.ref("calendar")

    def _registry(self) -> dict[str, Any]:
        from ..rules.institutions import Institution

        if "registry" not in self.defs:
            self.defs["registry"] = {
                "oneOf": [
                    {"const": "example", "description": "the bundled example registry"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["institutions"],
                        "properties": {
                            "institutions": {"type": "array", "items": self.of(Institution)},
                            "about": {"type": "string"},
                        },
                    },
                ]
            }
        return self.ref("registry")

    def _figures(self, cl: type, *, nested: bool) -> dict[str, Any]:
        fields = jsonio._extra_fields(cl)
        properties = {f.name: self.of(f.type) for f in fields}
        required = [f.name for f in fields]
        if nested:
            properties["outcome"] = {"enum": [m.name for m in jsonio._outcome_type(cl)]}
            required.append("outcome")
        return {
            "type": "object",
            "additionalProperties": False,
            "required": sorted(required),
            "properties": properties,
        }


def _document(title: str, writer: _SchemaWriter, body: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        **body,
        "$defs": dict(sorted(writer.defs.items())),
    }


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case (published as ``schemas/case.schema.json``)."""
    writer = _SchemaWriter(output=False)
    branches = []
    for kind in DECISIONS.values():
        facts = writer.of(kind.facts)
        branches.append(
            {
                "if": {"properties": {"decision": {"const": kind.name}}},
                "then": {"properties": {"facts": facts}},
            }
        )
    body = {
        "description": "One case of 湘人社规〔2025〕24号: the decision asked for, the facts, and the day it is decided on.",
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "today", "facts"],
        "properties": {
            "case": {
                "type": "string",
                "minLength": 1,
                "description": "the case's name: a sentence, unique in a file",
            },
            "decision": {"enum": list(DECISIONS)},
            "today": writer.ref("date"),
            "facts": {"type": "object"},
            "articles": {"type": "array", "items": {"type": "string", "pattern": _CITATION}},
            "parameters": {
                **writer.of(ParameterSchedule),
                "description": "the procedure's numbers the case is decided under, as dated versions (the form "
                "gongshang_rules.unstructure(schedule) writes); absent: today's law",
            },
            "calendar": writer._calendar(),
            "expected": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["outcome", "reasons", "figures"],
                        "properties": {
                            "outcome": {"type": "string"},
                            "reasons": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                            "figures": {"type": "object"},
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["error"],
                        "properties": {"error": {"type": "array", "items": {"type": "string"}}},
                    },
                ]
            },
        },
        "allOf": branches,
    }
    return _document("gongshang-rules case", writer, body, "case")


def result_schema() -> dict[str, Any]:
    """The JSON Schema of a result (published as ``schemas/result.schema.json``)."""
    writer = _SchemaWriter(output=True)
    reason = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "code",
            "articles",
            "citations",
            "interpretation",
            "message_zh",
            "message_en",
            "authorities",
        ],
        "properties": {
            "code": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"},
            "role": {
                "enum": [m.name for m in Role],
                "description": "DECISIVE: a condition the outcome rests on (met or failed), or the rule that yields "
                "it; compared by verify and conformance. NOTE: information that does not change the outcome; "
                "compared only with --strict. The role is the catalogue's (gongshang-rules reasons), fixed per code.",
            },
            "articles": {"type": "array", "items": {"type": "string", "pattern": _CITATION}},
            "citations": {"type": "array", "items": writer.ref("citation")},
            "interpretation": {"type": "boolean"},
            "message_zh": {"type": "string"},
            "message_en": {"type": "string"},
            "authorities": {"type": "array", "items": {"type": "string"}},
        },
    }
    writer.defs["reason"] = reason
    writer.of(Agency)
    branches = []
    for kind in DECISIONS.values():
        figures = (
            dict(kind.figures_schema)
            if kind.figures_schema is not None
            else writer._figures(kind.ruling, nested=False)
        )
        outcome = {"enum": [m.name for m in jsonio._outcome_type(kind.ruling)]}
        branches.append(
            {
                "if": {"required": ["outcome"], "properties": {"decision": {"const": kind.name}}},
                "then": {"properties": {"outcome": outcome, "figures": figures}},
            }
        )
    decided = {
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "outcome", "reasons", "figures"],
        "properties": {
            "case": {"type": "string"},
            "decision": {"enum": list(DECISIONS)},
            "outcome": {"type": "string"},
            "reasons": {"type": "array", "items": writer.ref("reason")},
            "figures": {"type": "object"},
        },
    }
    failed = {
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "error"],
        "properties": {
            "case": {"type": ["string", "null"]},
            "decision": {"anyOf": [{"enum": list(DECISIONS)}, {"type": "null"}]},
            "line": {"type": "integer", "minimum": 1},
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["problems"],
                "properties": {
                    "internal": {
                        "const": True,
                        "description": "present (true) only when the library itself failed on this case: "
                        "a defect to report, not a problem of the input",
                    },
                    "problems": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["path", "message"],
                            "properties": {
                                "path": {"type": "string", "pattern": "^\\$"},
                                "message": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
    }
    body = {
        "description": "The answer to one case: outcome, reasons and figures; or every problem of a case that cannot "
        "be decided.",
        "oneOf": [decided, failed],
        "allOf": branches,
    }
    return _document("gongshang-rules result", writer, body, "result")


def schema_texts() -> dict[str, str]:
    """The published schema files' names and text, as written into ``schemas/``."""
    import json

    return {
        name: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        for name, schema in (("case.schema.json", case_schema()), ("result.schema.json", result_schema()))
    }


mask_loaded_reprs()  # Case, the facts types and every ruling: repr() and str() never show a whole number
