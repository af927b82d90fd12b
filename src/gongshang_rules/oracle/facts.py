"""The facts of each decision of the case format: what a case's ``facts`` object holds, as a type.

A decision whose facts are one library value takes that value's own type (``eligibility`` takes
:class:`~gongshang_rules.rules.eligibility.EligibilityFacts`, ``filing_coverage``
:class:`~gongshang_rules.rules.filing.CoverageFacts`); the decisions that take more than one value, or a value and a
registry or calendar, take one of the types here. :data:`~gongshang_rules.oracle.decisions.DECISIONS` names the facts
type of every decision; :mod:`~gongshang_rules.oracle.jsonio` reads and writes them, and each type's first docstring
line is its description in ``schemas/case.schema.json``.

>>> from gongshang_rules import place
>>> ScopeFacts(insured=place("长沙市"), treatment=place("岳阳市")).treatment.key
'430600'
"""

from __future__ import annotations

import datetime as _dt
import importlib
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel._validate import (
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_positive_int,
    is_text,
    is_tuple_of,
)
from ..kernel.places import Place
from ..kernel.terms import CareType, ServiceKind
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar
from ..rules.catalog import CostKind
from ..rules.episodes import Episode
from ..rules.filing import Filing
from ..rules.filing_changes import ChangeKind
from ..rules.institutions import InstitutionRegistry
from ..rules.manual_claims import ManualClaim
from ..rules.records import SettlementRecord
from ..rules.scope import Scope

# Not on the facade: a case's facts are read from its JSON (``gongshang_rules.case_from_json``).
__all__ = [
    "CatalogFacts",
    "ChangeFacts",
    "FilingFacts",
    "InForceFacts",
    "InstitutionFacts",
    "ManualClaimFacts",
    "MealAllowanceFacts",
    "MonthFacts",
    "MonthsFacts",
    "ReviewDeadlineFacts",
    "ScopeFacts",
    "SettledFacts",
    "SettlementFacts",
    "TravelFacts",
    "WorkingDaysFacts",
    "YearFacts",
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


#: The facts of the decisions of applications and agencies, and of reconciliation, the funds and supervision, live
#: in modules of their own (issue 13: a settlement case never imports those rules); each is imported when it is
#: first read here, so ``facts.ReviewFacts`` and a pickle from before the move keep working. Type checkers do not
#: see them here: import a name from the module that defines it.
_MOVED = {
    **dict.fromkeys(("AgencyFacts", "ReviewFacts", "SubmissionFacts"), "facts_applications"),
    **dict.fromkeys(
        ("AuditFacts", "FundFlowFacts", "FundUsePlanFacts", "LedgerFacts", "ReconciliationFacts", "RecoveryFacts",
         "SuspensionFacts"),
        "facts_funds",
    ),
}  # fmt: skip

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MOVED.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)


mask_reprs(
    *(globals()[name] for name in __all__)
)  # repr() and str() of facts never show a whole identity number
