"""The facts of each decision of the case format: what a case's ``facts`` object holds, as a type.

A decision whose facts are one library value takes that value's own type (``eligibility`` takes
:class:`~gongshang_rules.rules.eligibility.EligibilityFacts`, ``filing_coverage``
:class:`~gongshang_rules.rules.filing.CoverageFacts`); the decisions that take more than one value, or a value and a
registry or calendar, take a type of their own. :data:`~gongshang_rules.oracle.decisions.DECISIONS` names the facts
type of every decision; :mod:`~gongshang_rules.oracle.jsonio` reads and writes them, and each type's first docstring
line is its description in ``schemas/case.schema.json``.

This module defines the facts of ``settlement``; those of the other decisions live in a module of their group,
imported when first used (issue 13's cold start: a settlement case builds no other facts class):
:mod:`~gongshang_rules.oracle.facts_rules` (the single rules a settlement rests on, and the period helpers),
:mod:`~gongshang_rules.oracle.facts_applications` (filing applications and agencies) and
:mod:`~gongshang_rules.oracle.facts_funds` (reconciliation, the funds and supervision). Every name still reads from
here, and a pickle made before the move still loads.

>>> from gongshang_rules import place
>>> from gongshang_rules.oracle import facts
>>> facts.ScopeFacts(insured=place("长沙市"), treatment=place("岳阳市")).treatment.key
'430600'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel._validate import is_instance
from ..rules.episodes import Episode
from ..rules.institutions import InstitutionRegistry

# Not on the facade: a case's facts are read from its JSON (``gongshang_rules.case_from_json``).
__all__ = ["SettlementFacts"]


@attrs.frozen(kw_only=True)
class SettlementFacts:
    """``settlement``: one episode, and the registry of direct-settlement institutions (article 14).

    In JSON ``registry`` is ``"example"`` (the bundled example registry, :func:`~gongshang_rules.example_registry`)
    or a registry object ``{"institutions": [...], "about": "..."}`` in the format of
    :meth:`~gongshang_rules.InstitutionRegistry.from_json`.
    """

    episode: Episode = attrs.field(validator=is_instance(Episode))
    registry: InstitutionRegistry = attrs.field(validator=is_instance(InstitutionRegistry))


#: The facts of every other decision live in the module of its group (issue 13: a settlement case never imports
#: those rules nor builds their classes); each is imported when it is first read here, so ``facts.ScopeFacts`` and a
#: pickle from before the move keep working. Type checkers do not see them here: import a name from the module that
#: defines it.
_MOVED = {
    **dict.fromkeys(
        ("CatalogFacts", "ChangeFacts", "FilingFacts", "InForceFacts", "InstitutionFacts", "ManualClaimFacts",
         "MealAllowanceFacts", "MonthsFacts", "ScopeFacts", "TravelFacts", "WorkingDaysFacts"),
        "facts_rules",
    ),
    **dict.fromkeys(("AgencyFacts", "ReviewDeadlineFacts", "ReviewFacts", "SubmissionFacts"), "facts_applications"),
    **dict.fromkeys(
        ("AuditFacts", "FundFlowFacts", "FundUsePlanFacts", "LedgerFacts", "MonthFacts", "ReconciliationFacts",
         "RecoveryFacts", "SettledFacts", "SuspensionFacts", "YearFacts"),
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
