"""The decision table: every decision a case can ask for, its facts type, and the function that decides it.

:data:`DECISIONS` maps a decision's name (``scope``, ``settlement``, ``reconcile_month``, ...) to its
:class:`Decision`: the facts type (:mod:`~gongshang_rules.oracle.facts`, or a library value's own type), the ruling
type, how the facts and the case's ``today`` are turned into a ruling, and the articles it can touch. Most decisions
call a rule of :mod:`gongshang_rules.rules`; the period helpers (``working_day_after``, ``add_months``,
``review_deadline``), which return a bare date, and ``suspension_status`` are given a ruling here (its types are in
:mod:`~gongshang_rules.oracle.rulings`), so that their result carries reasons like every other.

Adding a decision is one entry in :data:`DECISIONS`: its facts type and the function that decides it.

>>> import datetime as dt
>>> from gongshang_rules import place
>>> from gongshang_rules.oracle.facts import ScopeFacts
>>> from gongshang_rules.kernel.parameters import DEFAULT_SCHEDULE
>>> facts = ScopeFacts(insured=place("长沙市"), treatment=place("岳阳市"))
>>> DECISIONS["scope"].run(facts, dt.date(2025, 9, 1), DEFAULT_SCHEDULE).outcome.name
'INTRA_PROVINCE'
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel.authorities import CIVIL_CODE_ART_201, CIVIL_CODE_PERIODS, STATE_COUNCIL_SCHEDULE
from ..kernel.parameters import ParametersLike
from ..kernel.periods import add_months
from ..kernel.ruling import Reason, ReasonTemplate, Ruling, decisive
from ..kernel.workdays import CALENDAR_PROVISIONAL, WorkingDayCalendar, provisional_note, working_day_after
from ..rules.settlement import SettlementRuling, decide_settlement
from . import jsonio
from .facts import SettlementFacts
from .problems import path_join
from .rulings import Computed, DateRuling

__all__ = ["DECISIONS", "Decision"]


# --- the period helpers and the suspension status, as rulings -------------------------------------------------

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


def _provisional(
    after: _dt.date, n: int, day: _dt.date, calendar: WorkingDayCalendar, template: ReasonTemplate
) -> tuple[Reason, ...]:
    """The note, if any, that a date counted in working days rests on the provisional end of the last known year."""
    note = provisional_note(after, n, day, calendar=calendar, template=template)
    return () if note is None else (note,)


# --- the decisions ----------------------------------------------------------------------------------------------


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
    #: The fields of the case a problem can lie in that the library reports under names of its own, keyed by the
    #: field's path in the case: ``{"$.facts.date": ("d",)}`` for a decision whose function takes the fact ``date``
    #: as its argument ``d``, ``{"$.today": ("on",)}`` for one fed the case's ``today`` as ``on``. A problem under
    #: any other name lies at that name under ``$.facts`` (``$`` for the case's ``parameters``): :meth:`path_of`.
    paths: Mapping[str, tuple[str, ...]] = MappingProxyType({})

    def path_of(self, field: str) -> str:
        """The path in the case of a problem the library reports under ``field`` while deciding it.

        >>> DECISIONS["add_months"].path_of("d"), DECISIONS["add_months"].path_of("n")
        ('$.facts.date', '$.facts.n')
        """
        for path, names in self.paths.items():
            if field in names:
                return path
        return path_join("$" if field.startswith("parameters") else "$.facts", field)


def _decisions(*entries: Decision) -> Mapping[str, Decision]:
    return MappingProxyType({d.name: d for d in entries})


#: The decisions defined in this module: a settlement case's, the one most cases ask for (the others are in
#: the modules of their groups, see ``_WHERE``).
_ENTRIES: Mapping[str, Decision] = _decisions(
    Decision(
        name="settlement",
        facts=SettlementFacts,
        ruling=SettlementRuling,
        run=lambda f, _today, p: decide_settlement(f.episode, registry=f.registry, parameters=p),
        summary="how one episode is settled, with the fund's and the worker's shares",
        articles=(3, 5, 12, 13, 14, 16, 17, 18, 19, 22, 30, 36),
    ),
)


#: Where each decision is defined, in the table's order: ``""`` for this module, or the module of its group.
_WHERE: Mapping[str, str] = MappingProxyType(
    {
        "scope": "decisions_rules",
        "in_force": "decisions_rules",
        "eligibility": "decisions_applications",
        "filing_validity": "decisions_rules",
        "change_allowed": "decisions_rules",
        "filing_coverage": "decisions_rules",
        "settlement": "",
        "manual_claim": "decisions_rules",
        "institution_status": "decisions_rules",
        "catalog": "decisions_rules",
        "meal_allowance": "decisions_rules",
        "travel_and_lodging": "decisions_rules",
        "working_day_after": "decisions_rules",
        "add_months": "decisions_rules",
        "review_deadline": "decisions_applications",
        "reconciliation_deadline": "decisions_funds",
        "monthly_reconciliation_deadline": "decisions_funds",
        "annual_clearing": "decisions_funds",
        "review": "decisions_applications",
        "submission": "decisions_applications",
        "reconcile_month": "decisions_funds",
        "fund_flow": "decisions_funds",
        "check_ledger": "decisions_funds",
        "fund_use_plan": "decisions_funds",
        "suspension_status": "decisions_funds",
        "recovery_responsibility": "decisions_funds",
        "audit_flags": "decisions_funds",
        "responsible_agency": "decisions_applications",
    }
)


class _Table(Mapping[str, Decision]):
    """Every decision by name, in a fixed order; a group's module is imported when one of its decisions is first
    read (issue 13: a settlement case never imports the fund or agency rules, nor builds their facts classes)."""

    __slots__ = ("_loaded",)

    def __init__(self) -> None:
        self._loaded: dict[str, Decision] = dict(_ENTRIES)

    def __getitem__(self, name: str) -> Decision:
        decision = self._loaded.get(name)
        if decision is None:
            module = _WHERE[name]  # KeyError for a name that is no decision, as a mapping gives
            entries: Mapping[str, Decision] = importlib.import_module(f"{__package__}.{module}").ENTRIES
            self._loaded.update(entries)
            decision = entries[name]
        return decision

    def __contains__(self, name: object) -> bool:
        return name in _WHERE

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)

    def __repr__(self) -> str:
        return f"<the decision table: {', '.join(_WHERE)}>"


#: Every decision a case can ask for, by name. Adding a decision is one entry in its group's ``ENTRIES`` and its
#: name in ``_WHERE``.
DECISIONS: Mapping[str, Decision] = _Table()


mask_reprs(Decision)  # repr() and str() never show a whole identity number
