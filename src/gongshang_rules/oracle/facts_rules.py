"""The facts of the decisions of the rules a settlement rests on, taken one at a time (articles 2 to 5, 11 to 14,
17, 22 and 36), and of the two period helpers.

The decisions of scope, commencement, a filing's validity and its changes, manual claims, an institution's status,
the catalogs and the allowances, the n-th working day and the period of months: a module of their own so that a
settlement case, the one most cases ask for, builds none of these classes and imports neither the filing-change nor
the manual-claim rules (issue 13's cold start); :mod:`~gongshang_rules.oracle.facts` still gives each name (no field
is named in this docstring: :mod:`~gongshang_rules.oracle.schema_text` reads a field's meaning from it).

>>> from gongshang_rules import place
>>> ScopeFacts(insured=place("长沙市"), treatment=place("岳阳市")).treatment.key
'430600'
"""

from __future__ import annotations

import datetime as _dt

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
    "MonthsFacts",
    "ScopeFacts",
    "TravelFacts",
    "WorkingDaysFacts",
]


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


# --- the period helpers ------------------------------------------------------------------------------------------


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


mask_reprs(
    *(globals()[name] for name in __all__)
)  # repr() and str() of facts never show a whole identity number
