"""The decisions of eligibility, filing applications and agencies (articles 3 to 10), for the decision table.

:data:`~gongshang_rules.oracle.decisions.DECISIONS` imports this module the first time one of these decisions is
read, so that a case of another decision never imports the application and agency rules (issue 13's cold start).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..kernel.parameters import ParametersLike, resolve_parameters
from ..kernel.ruling import Ruling
from ..kernel.workdays import WorkingDayCalendar
from ..rules.agencies import AgencyRuling, responsible_agency
from ..rules.applications import SubmissionRuling, check_submission
from ..rules.eligibility import EligibilityFacts, EligibilityRuling, decide_eligibility
from ..rules.materials import Requirement
from ..rules.review import (
    REVIEW_DEADLINE,
    REVIEW_DEADLINE_OUTSIDE_PROCEDURE,
    REVIEW_DEADLINE_PROVISIONAL,
    REVIEW_IN_PRINCIPLE,
    ReviewRuling,
    review_application,
    review_deadline,
)
from . import jsonio
from .decisions import Decision, _dated, _decisions, _provisional
from .facts_applications import AgencyFacts, ReviewDeadlineFacts, ReviewFacts, SubmissionFacts
from .rulings import Computed, DateRuling

__all__: list[str] = []  # the decisions are read through DECISIONS


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


def _review_figures(ruling: Ruling[Any]) -> dict[str, Any]:
    assert isinstance(ruling, ReviewRuling)
    figures = jsonio.figures_of(ruling)
    figures["missing"] = [item.requirement.name for item in ruling.missing]
    return figures


#: This module's decisions, by name (in the order of :data:`~gongshang_rules.oracle.decisions.DECISIONS`).
ENTRIES: Mapping[str, Decision] = _decisions(
    Decision(
        name="eligibility",
        facts=EligibilityFacts,
        ruling=EligibilityRuling,
        run=lambda f, _today, p: decide_eligibility(f, parameters=p),
        summary="whether a worker may apply for out-of-area direct settlement",
        articles=(3, 4, 36),
    ),
    Decision(
        name="review_deadline",
        facts=ReviewDeadlineFacts,
        ruling=DateRuling,
        run=lambda f, _today, p: _review_deadline(f.received_on, f.calendar, p),
        paths=MappingProxyType({"$.facts.received_on": ("d",)}),
        summary="the 5th working day after a filing application is received",
        articles=(10,),
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
        name="responsible_agency",
        facts=AgencyFacts,
        ruling=AgencyRuling,
        run=lambda f, _today, _p: responsible_agency(f.task, f.insured, f.treatment),
        summary="which agency does a task of out-of-area direct settlement for a case",
        articles=(2, 3, 7, 8, 14, 20, 21, 23, 24, 25, 27, 30, 32, 36),
    ),
)
