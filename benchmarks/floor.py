"""The floor for a settlement decision (issue 13): a bare hand-written if-chain over the same parsed facts.

It knows only what the generated bench cases exercise (:data:`bench.SHAPES`: the example registry's EX-0001,
EX-0002 and EX-0004, ordinary filings with no named institution, admission on or a few days after the filing,
no devices, no meal allowance) and gives the outcome, the fund's and the worker's shares and the decisive reason
codes, in the library's order. It has no reasons, no messages, no validation and no registry: it is what the
rule costs when nothing else is paid for, so ``library / floor`` is the overhead of the oracle's scaffolding.
:func:`agree` checks it against :func:`gongshang_rules.rules.settlement.decide_settlement` case by case, so the ratio
compares like with like; a case outside what the floor knows raises :class:`Unsupported`, never a wrong answer.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")
# The example registry's direct-settlement institutions the bench uses: the days each cannot settle directly.
_SUSPENDED = {"EX-0002": ((_dt.date(2025, 10, 1), _dt.date(2025, 10, 31)),)}
_KNOWN = frozenset({"EX-0001", "EX-0002", "EX-0004"})
_MONTHS = {"REFERRAL": 3, "LONG_TERM_RESIDENCE": 6, "RESIDENT_WORK": 6}

Floor = tuple[str, Decimal, Decimal, tuple[str, ...]]


class Unsupported(Exception):
    """The case is outside what the floor knows (see the module's docstring)."""


def _shifted(day: _dt.date, months: int) -> _dt.date:
    month = day.month - 1 + months
    if day.day > 28:
        raise Unsupported("day of month past 28")
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def settle(episode: Any) -> Floor:
    """(outcome, fund share, worker share, decisive codes) of a generated settlement episode."""
    filing = episode.filing
    code = episode.institution_code
    if filing is None or code not in _KNOWN or filing.institution_codes is not None or filing.devices:
        raise Unsupported("not a generated bench case")
    insured = episode.worker.insured.code
    treatment = filing.treatment.code
    started = episode.started_on
    filed = filing.filed_on
    if insured.startswith("43"):
        inbound = False
        if treatment.startswith("43"):
            codes = ["SCOPE_INTRA_PROVINCE", "SETTLEMENT_DIRECT"]
        else:
            codes = ["SCOPE_CROSS_PROVINCE_OUTBOUND", "SETTLEMENT_DIRECT_OUTBOUND"]
        through = _shifted(filed, _MONTHS[filing.category.name])
        valid = filed <= started <= through
    else:
        inbound = True
        codes = ["SCOPE_CROSS_PROVINCE_INBOUND", "SETTLEMENT_DIRECT_INBOUND"]
        valid = filing.stated_valid_from <= started <= filing.stated_valid_through
    if not valid:
        raise Unsupported("admission outside the filing's validity")
    prefix = "COVERAGE_INBOUND_" if inbound else "COVERAGE_"
    codes.append("COVERAGE_ANY_INSTITUTION_IN_PLACE")
    codes.append(prefix + ("FILED_ON_ADMISSION_DAY" if filed == started else "FILED_BEFORE_ADMISSION"))
    codes.append(prefix + "WITHIN_VALIDITY")
    fund = ZERO
    worker = ZERO
    for line in episode.lines:
        if line.compliant:
            fund += line.amount
        else:
            worker += line.amount
    for first, last in _SUSPENDED.get(code, ()):
        if first <= started <= last:
            codes[1] = "SETTLEMENT_INSTITUTION_NOT_AVAILABLE"
            return "NOT_PAYABLE_DIRECTLY", ZERO, fund + worker, tuple(codes)
    if worker:
        codes.append("SETTLEMENT_NON_COMPLIANT_LINES")
    return "DIRECT", fund, worker, tuple(codes)


def library(episode: Any, registry: Any) -> Floor:
    """The same four things from the library's own decision."""
    from gongshang_rules.kernel.ruling import Role
    from gongshang_rules.rules.settlement import decide_settlement

    ruling = decide_settlement(episode, registry=registry)
    decisive = tuple(reason.code for reason in ruling.reasons if reason.role is Role.DECISIVE)
    return ruling.outcome.name, ruling.fund_share, ruling.worker_share, decisive


def agree(facts: list[Any]) -> int:
    """Check the floor against the library on every ``SettlementFacts``; return how many agreed (all, or raise)."""
    for index, fact in enumerate(facts):
        mine = settle(fact.episode)
        theirs = library(fact.episode, fact.registry)
        if mine != theirs:
            raise AssertionError(f"case {index}: floor {mine} != library {theirs}")
    return len(facts)
