"""The facts of the decisions of filing applications and agencies (articles 7 to 10): ``review``, ``submission``,
``responsible_agency``, ``review_deadline``.

A module of their own so that a case of another decision never imports the application and agency rules
(issue 13's cold start); :mod:`~gongshang_rules.oracle.facts` still gives each name.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel._validate import is_date, is_instance, is_member
from ..kernel.places import Place
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar
from ..rules.agencies import AgencyTask
from ..rules.applications import FilingApplication

# Not on the facade: a case's facts are read from its JSON (``gongshang_rules.case_from_json``).
__all__ = ["AgencyFacts", "ReviewDeadlineFacts", "ReviewFacts", "SubmissionFacts"]


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
class AgencyFacts:
    """``responsible_agency``: which agency does a task for a worker insured and treated where (article 7)."""

    task: AgencyTask = attrs.field(validator=is_member(AgencyTask))
    insured: Place = attrs.field(validator=is_instance(Place))
    treatment: Place = attrs.field(validator=is_instance(Place))


@attrs.frozen(kw_only=True)
class ReviewDeadlineFacts:
    """``review_deadline``: the day a filing application received on ``received_on`` is due (article 10)."""

    received_on: _dt.date = attrs.field(validator=is_date)
    calendar: WorkingDayCalendar = attrs.field(
        default=DEFAULT_CALENDAR, validator=is_instance(WorkingDayCalendar)
    )


mask_reprs(
    *(globals()[name] for name in __all__)
)  # repr() and str() of facts never show a whole identity number
