"""What if the law were different: decide cases twice, under their own parameters and under others, and compare.

A change of the procedure's numbers (a longer referral validity, a different review deadline) is a
:class:`~gongshang_rules.kernel.parameters.ParameterSchedule`. :func:`what_if` decides every case under the baseline (each
case's own ``parameters``, else today's law) and under the alternative, and reports what changes: how many cases
moved from one outcome to another, the money moved (the settlement's fund share and worker share), the reason codes
gained and lost (the ``PARAMETERS_VERSION_USED`` note aside: it only says a version was used), and every changed
case by its name. The command line is ``gongshang-rules whatif CASES.jsonl --parameters ALT.json``.

>>> import attrs, datetime as dt
>>> from gongshang_rules import DEFAULT_PARAMETERS, ParameterSchedule, case_from_json, loads
>>> case = case_from_json(loads('{"case": "A referral of 2026-01-15.", "decision": "filing_validity",'
...     ' "today": "2026-01-15", "facts": {"filing": {"insured": "430100", "treatment": "430600",'
...     ' "category": "REFERRAL", "service": "MEDICAL", "filed_on": "2026-01-15"}}}'))
>>> later = attrs.evolve(DEFAULT_PARAMETERS, effective_from=dt.date(2026, 1, 1), referral_validity_months=6,
...                      source="an amendment")
>>> report = what_if([case], parameters=ParameterSchedule(versions=(DEFAULT_PARAMETERS, later)))
>>> report.changed[0].figures, report.transitions[0].count
(('valid_through',), 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..kernel._privacy import redact
from ..kernel._validate import type_name
from ..kernel.errors import InvalidInputError
from ..kernel.parameters import PARAMETERS_VERSION_USED, ParametersLike, check_parameters
from .cases import Case, decide_case

__all__ = [
    "ChangedCase",
    "CodeCount",
    "Transition",
    "WhatIf",
    "what_if",
]

#: The outcome a case has when it cannot be decided (an error result).
ERROR = "ERROR"
_ZERO = Decimal("0.00")
_NOTE_CODES = frozenset({PARAMETERS_VERSION_USED.code})


@attrs.frozen(kw_only=True)
class Transition:
    """How many changed cases of one decision went from one outcome to another (the same outcome when only the
    codes or figures changed)."""

    decision: str
    before: str
    after: str
    count: int


@attrs.frozen(kw_only=True)
class CodeCount:
    """A reason code and the number of cases that gained (or lost) it."""

    code: str
    cases: int


@attrs.frozen(kw_only=True)
class ChangedCase:
    """One case whose result changes: its outcomes, the codes gained and lost, the figures that differ, and the
    money it moves (``None`` when the decision has no fund share or worker share)."""

    case: str
    decision: str
    before: str
    after: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    figures: tuple[str, ...]
    fund_share_moved: Decimal | None = None
    worker_share_moved: Decimal | None = None


@attrs.frozen(kw_only=True)
class WhatIf:
    """The comparison of a set of cases decided under the baseline and under the alternative parameters."""

    cases: int
    unchanged: int
    changed: tuple[ChangedCase, ...]
    transitions: tuple[Transition, ...]
    fund_share_moved: Decimal
    worker_share_moved: Decimal
    codes_gained: tuple[CodeCount, ...]
    codes_lost: tuple[CodeCount, ...]

    def __str__(self) -> str:
        lines = [f"what-if: {self.cases} cases: {len(self.changed)} changed, {self.unchanged} unchanged"]
        if self.transitions:
            lines.append("outcome transitions:")
            lines += [f"  {t.decision}: {t.before} -> {t.after}: {t.count}" for t in self.transitions]
        lines.append(
            f"money moved: fund share {self.fund_share_moved:+.2f}, worker share {self.worker_share_moved:+.2f}"
        )
        for title, counts in (("codes gained", self.codes_gained), ("codes lost", self.codes_lost)):
            if counts:
                lines.append(f"{title}: " + ", ".join(f"{c.code} ({c.cases})" for c in counts))
        if self.changed:
            lines.append("changed cases:")
            for c in self.changed:
                detail = [f"{c.before} -> {c.after}"]
                if c.gained:
                    detail.append("+" + " +".join(c.gained))
                if c.lost:
                    detail.append("-" + " -".join(c.lost))
                if c.figures:
                    detail.append("figures: " + ", ".join(c.figures))
                lines.append(f"  {c.case} [{c.decision}]: " + "; ".join(detail))
        return "\n".join(lines)


def _outcome(result: Mapping[str, Any]) -> str:
    return ERROR if "error" in result else str(result["outcome"])


def _codes(result: Mapping[str, Any]) -> frozenset[str]:
    if "error" in result:
        return frozenset()
    return frozenset(r["code"] for r in result["reasons"]) - _NOTE_CODES


def _money(result: Mapping[str, Any], name: str) -> Decimal | None:
    value = result.get("figures", {}).get(name) if "error" not in result else None
    return Decimal(value) if isinstance(value, str) else None


def _moved(before: Mapping[str, Any], after: Mapping[str, Any], name: str) -> Decimal | None:
    a, b = _money(before, name), _money(after, name)
    if a is None and b is None:
        return None
    return (b or _ZERO) - (a or _ZERO)


def _figures(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    a = before.get("figures", {}) if "error" not in before else {}
    b = after.get("figures", {}) if "error" not in after else {}
    return tuple(sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k)))


def compare_results(case: Case, before: Mapping[str, Any], after: Mapping[str, Any]) -> ChangedCase | None:
    """The change between two results of ``case``, or ``None`` when outcome, codes and figures are the same."""
    gained = tuple(sorted(_codes(after) - _codes(before)))
    lost = tuple(sorted(_codes(before) - _codes(after)))
    figures = _figures(before, after)
    was, now = _outcome(before), _outcome(after)
    if was == now and not gained and not lost and not figures:
        return None
    return ChangedCase(
        case=redact(case.name),
        decision=case.decision,
        before=was,
        after=now,
        gained=gained,
        lost=lost,
        figures=figures,
        fund_share_moved=_moved(before, after, "fund_share"),
        worker_share_moved=_moved(before, after, "worker_share"),
    )


def what_if(
    cases: Iterable[Case], *, parameters: ParametersLike, baseline: ParametersLike | None = None
) -> WhatIf:
    """Decide every case under ``baseline`` (default: each case's own ``parameters``, else today's law) and under
    ``parameters``, and report what changes (:class:`WhatIf`)."""
    check_parameters(parameters)
    if baseline is not None:
        check_parameters(baseline, "baseline")
    total = 0
    changed: list[ChangedCase] = []
    for index, case in enumerate(cases):
        if not isinstance(case, Case):
            raise InvalidInputError(f"cases[{index}]", f"must be a Case, got {type_name(case)}")
        total += 1
        difference = compare_results(
            case, decide_case(case, parameters=baseline), decide_case(case, parameters=parameters)
        )
        if difference is not None:
            changed.append(difference)
    transitions = Counter((c.decision, c.before, c.after) for c in changed)
    gained = Counter(code for c in changed for code in c.gained)
    lost = Counter(code for c in changed for code in c.lost)
    return WhatIf(
        cases=total,
        unchanged=total - len(changed),
        changed=tuple(changed),
        transitions=tuple(
            Transition(decision=d, before=b, after=a, count=n) for (d, b, a), n in sorted(transitions.items())
        ),
        fund_share_moved=sum((c.fund_share_moved or _ZERO for c in changed), _ZERO),
        worker_share_moved=sum((c.worker_share_moved or _ZERO for c in changed), _ZERO),
        codes_gained=tuple(CodeCount(code=k, cases=n) for k, n in sorted(gained.items())),
        codes_lost=tuple(CodeCount(code=k, cases=n) for k, n in sorted(lost.items())),
    )
