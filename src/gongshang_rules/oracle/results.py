"""The result format as Python types: the dicts :func:`~gongshang_rules.oracle.cases.decide_json` and ``batch`` give.

These :class:`~typing.TypedDict` types say, for a type checker, what ``schemas/result.schema.json`` says for any
language: a decided case (:class:`DecidedResult`) or one that cannot be decided (:class:`ErrorResult`). Keys marked
``NotRequired`` are optional additions of the format, which only grows.

>>> from gongshang_rules.oracle.cases import decide_json
>>> result: Result = decide_json('{"case": "x", "decision": "scope", "today": "2025-09-01",'
...                              ' "facts": {"insured": "430100", "treatment": "430600"}}')
>>> is_decided(result), result["outcome"] if is_decided(result) else None
(True, 'INTRA_PROVINCE')
"""

# No ``from __future__ import annotations`` here: TypedDict reads NotRequired from evaluated annotations.
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, TypedDict, TypeGuard

__all__ = [
    "DecidedResult",
    "ErrorResult",
    "ReasonResult",
    "Result",
    "is_decided",
]


class Citation(TypedDict, total=False):
    """A citation of this procedure, structured: an article (paragraph, item) or an annex (note)."""

    article: int
    paragraph: int | None
    item: int | None
    annex: int
    note: int | None


class ReasonResult(TypedDict):
    """One reason of a result: its stable code, its role, what it cites, whether it rests on a reading."""

    code: str
    role: NotRequired[Literal["DECISIVE", "NOTE"]]
    articles: list[str]
    citations: list[Citation]
    interpretation: bool
    message_zh: NotRequired[str]
    message_en: NotRequired[str]
    authorities: list[str]


class DecidedResult(TypedDict):
    """A decided case: its outcome, every reason in order, and the decision's figures; ``id`` is the case's id,
    when it has one."""

    case: str | None
    id: NotRequired[str]
    decision: str
    outcome: str
    reasons: list[ReasonResult]
    figures: dict[str, Any]


class Problem(TypedDict):
    """One problem of a case that cannot be decided: where (a JSON path) and what."""

    path: str
    message: str


class ErrorBody(TypedDict):
    """Every problem of a case; ``internal`` marks a failure of the library itself (a defect)."""

    problems: list[Problem]
    internal: NotRequired[bool]


class ErrorResult(TypedDict):
    """A case that cannot be decided; ``line`` is its line in a JSONL input, ``id`` the case's id when it has a
    valid one."""

    case: str | None
    id: NotRequired[str]
    decision: str | None
    error: ErrorBody
    line: NotRequired[int]


#: A result object: decided, or an error.
Result = DecidedResult | ErrorResult


def is_decided(result: Mapping[str, Any]) -> TypeGuard[DecidedResult]:
    """Whether ``result`` is a decided result (it has an ``outcome``), narrowing the type for a checker."""
    return "outcome" in result and "error" not in result
