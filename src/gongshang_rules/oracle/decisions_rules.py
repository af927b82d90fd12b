"""The decisions of the rules a settlement rests on, taken one at a time, and of the period helpers (articles 2 to 5,
11 to 14, 17, 22 and 36), for the decision table.

:data:`~gongshang_rules.oracle.decisions.DECISIONS` imports this module the first time one of these decisions is
read, so that a ``settlement`` case, the one most cases ask for, builds none of their facts classes and imports
neither the filing-change nor the manual-claim rules (issue 13's cold start).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..kernel.ruling import Ruling
from ..kernel.terms import ServiceKind
from ..rules.catalog import (
    AllowanceRuling,
    CatalogRuling,
    governing_catalog,
    meal_allowance,
    travel_and_lodging,
)
from ..rules.commencement import InForceRuling, in_force
from ..rules.coverage import filing_covers
from ..rules.coverage_facts import CoverageFacts, CoverageRuling
from ..rules.filing import ValidityRuling, filing_validity
from ..rules.filing_changes import ChangeRuling, change_allowed
from ..rules.institutions import InstitutionRuling, InstitutionStatus
from ..rules.manual_claims import ManualClaimRuling, check_manual_claim
from ..rules.scope import ScopeRuling, classify_scope
from .decisions import Decision, _decisions, _months, _working_days
from .facts_rules import (
    CatalogFacts,
    ChangeFacts,
    FilingFacts,
    InForceFacts,
    InstitutionFacts,
    ManualClaimFacts,
    MealAllowanceFacts,
    MonthsFacts,
    ScopeFacts,
    TravelFacts,
    WorkingDaysFacts,
)
from .rulings import DateRuling

__all__: list[str] = []  # the decisions are read through DECISIONS


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


#: This module's decisions, by name (in the order of :data:`~gongshang_rules.oracle.decisions.DECISIONS`).
ENTRIES: Mapping[str, Decision] = _decisions(
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
        paths=MappingProxyType({"$.today": ("on",)}),
        summary="whether this procedure governs an event of a scope on today",
        articles=(2, 36),
        uses_today=True,
    ),
    Decision(
        name="filing_validity",
        facts=FilingFacts,
        ruling=ValidityRuling,
        run=lambda f, _today, p: filing_validity(f.filing, parameters=p),
        paths=MappingProxyType({"$.facts.filing.filed_on": ("d",)}),
        summary="first and last valid day of a filing",
        articles=(13, 36),
    ),
    Decision(
        name="change_allowed",
        facts=ChangeFacts,
        ruling=ChangeRuling,
        run=lambda f, today, p: change_allowed(f.filing, f.change, today, parameters=p),
        paths=MappingProxyType({"$.today": ("on",)}),
        summary="whether a filing may be changed or cancelled today",
        articles=(11, 13),
        uses_today=True,
    ),
    Decision(
        name="filing_coverage",
        facts=CoverageFacts,
        ruling=CoverageRuling,
        run=lambda f, _today, p: filing_covers(f, parameters=p),
        paths=MappingProxyType({"$.facts.filing.filed_on": ("d",)}),
        summary="whether a filing covers an admission, visit or fitting",
        articles=(3, 12, 13),
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
        paths=MappingProxyType({"$.today": ("on",)}),
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
        paths=MappingProxyType({"$.facts.date": ("d",)}),
        summary="the n-th working day after a date (State Council schedules, make-up workdays included)",
        articles=(10, 21),
    ),
    Decision(
        name="add_months",
        facts=MonthsFacts,
        ruling=DateRuling,
        run=lambda f, _today, _p: _months(f.date, f.n),
        paths=MappingProxyType({"$.facts.date": ("d",)}),
        summary="the last day of a period of n months from a date",
        articles=(4, 13),
    ),
)
