"""Comparing results: where another implementation's result differs from ours, or from a case's expected result.

Two results agree when the outcome, the *set* of decisive reason codes and the figures agree: a code's role
(decisive or note) is the catalogue's (:data:`~gongshang_rules.kernel.ruling.REASONS`), notes are compared only when
strict, money is compared as decimals, and a figure only the candidate has is ignored. ``verify`` compares with
:func:`compare`; ``conformance``, ``decide`` and the corpus's test judge a result by a case's ``expected`` with
:func:`against_expected`, which for an ``expected`` that lists only the codes ``present`` (and ``absent``) checks
those and nothing else.

>>> reference = {"case": "c", "outcome": "DIRECT", "reasons": ["SETTLEMENT_DIRECT"], "figures": {"fund": "10.50"}}
>>> compare(reference, {**reference, "figures": {"fund": "10.5"}})
[]
>>> [str(d) for d in compare(reference, {**reference, "outcome": "MANUAL"})]
['c: outcome: expected DIRECT, got MANUAL']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._privacy import mask_reprs
from ..kernel.ruling import REASONS, ReasonTemplate, Role
from . import jsonio

if TYPE_CHECKING:
    from .cases import Case, Expected

__all__ = ["Difference", "compare"]


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


def _template(code: str) -> ReasonTemplate | None:
    """The catalogue's template of ``code``. A code not yet registered (the decision table loads its rules a group at
    a time, and ``conformance --results`` decides nothing) is looked for again once every rule is loaded."""
    template = REASONS.get(code)
    if template is None:
        _load_every_rule()
        template = REASONS.get(code)
    return template


@functools.cache
def _load_every_rule() -> None:
    from .reasons import library_modules

    library_modules()


def is_note(code: str) -> bool:
    """True for a code the catalogue gives as a note; a code the library does not know counts as decisive."""
    template = _template(code)
    return template is not None and template.role is Role.NOTE


def code_articles(code: str) -> tuple[str, ...]:
    """The articles a reason code rests on, from the catalogue (empty for a code the library does not know)."""
    template = _template(code)
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
        found.append(_code_difference(name, code, detail, case_articles, strict=strict))
    for detail in _figure_differences(
        reference.get("figures") or {}, candidate.get("figures") or {}, "figures"
    ):
        found.append(Difference(case=name, what="figures", detail=detail, articles=case_articles))
    return found


def against_expected(
    expected: Expected,
    result: Mapping[str, Any],
    *,
    name: str,
    decision: str,
    articles: Iterable[str] = (),
    strict: bool = False,
) -> list[Difference]:
    """Every way ``result`` falls short of a case's ``expected`` (named ``name``, asking for ``decision``).

    An expected error, or an ``expected`` with the whole set of ``reasons``, is compared as :func:`compare` does
    (with the expected problem paths). An ``expected`` that lists the codes ``present`` instead is strict on what it
    lists and nothing else: the outcome, each listed code given, no ``absent`` code given, each listed figure. A
    listed note that is missing, or an absent note that is given, fails only when ``strict`` (like any note).
    """
    reference = expected.as_result(name, decision)
    if expected.error is not None or expected.complete:
        return compare(reference, result, articles=articles, error_paths=True, strict=strict)
    case_articles = tuple(articles)
    found = [d for d in compare(reference, result, articles=articles) if d.what not in ("reasons", "notes")]
    if any(d.what in ("result", "error") for d in found):
        return found
    given = _codes(result)
    wrong = [(c, 0, f"missing reason {c}") for c in expected.codes - given]
    wrong += [(c, 1, f"reason {c} must not be given") for c in expected.absent & given]
    for code, _kind, detail in sorted(wrong, key=lambda item: (is_note(item[0]), item[1], item[0])):
        found.append(_code_difference(name, code, detail, case_articles, strict=strict))
    order = {"result": 0, "error": 0, "outcome": 1, "reasons": 2, "notes": 3, "figures": 4}
    return sorted(found, key=lambda d: order[d.what])


def _code_difference(
    name: str, code: str, detail: str, case_articles: tuple[str, ...], *, strict: bool
) -> Difference:
    """A difference in one reason code: under ``notes`` for a note, failing only when ``strict``."""
    note = is_note(code)
    return Difference(
        case=name,
        what="notes" if note else "reasons",
        detail=detail,
        articles=_merge(case_articles, code_articles(code)),
        fails=strict or not note,
    )


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def expected_result(case: Case) -> dict[str, Any] | None:
    """The case's ``expected`` in the shape of a result (``None`` when it has none)."""
    return None if case.expected is None else case.expected.as_result(case.name, case.decision)


mask_reprs(Difference)  # repr() and str() never show a whole identity number
