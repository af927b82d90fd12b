"""The converter's hooks for JSON leaves and lists: text, numbers, dates, money, places, identity numbers, enums,
tuples and sets, citations and reasons (the forms are listed in :mod:`gongshang_rules.oracle.jsonio`).

A structure hook takes parsed JSON (:func:`~gongshang_rules.loads`) and returns the value, or raises
:class:`~gongshang_rules.oracle.problems.BadValue` saying what is wrong where it stands; the converter adds the path.
Nothing is coerced: ``"3"`` is no integer, ``1`` no text, ``12.5`` no money.

>>> structure_money("3000.5", None), money(structure_money("3000", None))
(Decimal('3000.5'), '3000.00')
>>> try:
...     structure_date("2025-02-30", None)
... except BadValue as error:
...     print(error.problem)
'2025-02-30' is not a calendar date
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ..kernel._validate import MAX_AMOUNT, money_text
from ..kernel.articles import AnnexRef, ArticleRef, Citation
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place, place
from ..kernel.ruling import Reason, Role
from .jsontext import JsonFloat, dumps, json_type
from .problems import BadValue

__all__: list[str] = []  # the converter's parts: nothing here is on the facade

T = TypeVar("T")


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONEY = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_CANONICAL_ID = re.compile(r"[0-9]{17}[0-9X]")


def structure_str(value: Any, _type: Any) -> str:
    if type(value) is not str:
        raise BadValue(f"must be text (a JSON string), got {json_type(value)}")
    return value


def structure_int(value: Any, _type: Any) -> int:
    if type(value) is not int:
        raise BadValue(f"must be a whole number (a JSON integer), got {json_type(value)}")
    return value


def structure_bool(value: Any, _type: Any) -> bool:
    if type(value) is not bool:
        raise BadValue(f"must be true or false, got {json_type(value)}")
    return value


def structure_date(value: Any, _type: Any) -> _dt.date:
    if type(value) is not str:
        raise BadValue(f"must be a date as text YYYY-MM-DD, got {json_type(value)}")
    if not _DATE.fullmatch(value):
        raise BadValue(f"must be a date YYYY-MM-DD, got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{value!r} is not a calendar date") from None


def unstructure_date(value: _dt.date) -> str:
    return value.isoformat()


def structure_money(value: Any, _type: Any) -> Decimal:
    if type(value) is str:
        if _MONEY.fullmatch(value):
            whole = len(value.partition(".")[0].lstrip("0"))
            amount = Decimal(value) if whole <= 12 else None
            if amount is None or amount > MAX_AMOUNT:
                # Never echoed: an amount this long is more likely an identity number in the wrong column.
                raise BadValue(
                    f"must be at most {MAX_AMOUNT} yuan (no bill or fund is larger), got an amount with "
                    f"{whole} digits before the decimal point"
                )
            return amount
        raise BadValue(
            f"must be an amount in yuan as a decimal string with at most 2 decimal places and no sign, e.g. "
            f'"10234.50"; got {value!r}'
        )
    if isinstance(value, JsonFloat):
        raise BadValue(
            f"a JSON number ({value.text}) is never money: write the amount as a decimal string, "
            f'e.g. "{_money_example(value.text)}"'
        )
    raise BadValue(f'must be an amount in yuan as a decimal string, e.g. "10234.50"; got {json_type(value)}')


def _money_example(text: str) -> str:
    try:
        return money(Decimal(text))
    except (ArithmeticError, ValueError):  # pragma: no cover - JSON's number grammar always parses
        return "10234.50"


def money(value: Decimal) -> str:
    """An amount as written in output: a decimal string with exactly 2 places (``Decimal("3000")`` → ``"3000.00"``)."""
    return money_text(value)


def structure_place(value: Any, _type: Any) -> Place:
    if type(value) is not str:
        raise BadValue(f"must be a place code or name (a JSON string), got {json_type(value)}")
    try:
        return place(value)
    except InvalidInputError as error:
        raise BadValue(error.problem) from None


def unstructure_place(value: Place) -> str:
    return value.key


def structure_identity(value: Any, _type: Any) -> IdentityNumber:
    if type(value) is not str:
        raise BadValue(f"must be an identity number (a JSON string), got {json_type(value)}")
    try:
        if _CANONICAL_ID.fullmatch(value):  # already as IdentityNumber keeps it: check it once, not twice
            return IdentityNumber(value)
        return IdentityNumber.parse(value)
    except InvalidInputError as error:
        raise BadValue(error.problem) from None


def is_enum(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, enum.Enum)


def enum_hook(cl: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = cl.__members__
    names = ", ".join(members)

    def structure(value: Any, _type: Any) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
            shown = repr(value) if len(value) <= 60 else repr(value[:57] + "...")
            raise BadValue(f"must be one of {names}; got {shown}")
        raise BadValue(f"must be one of {names} (a JSON string); got {json_type(value)}")

    return structure


def unstructure_enum(value: enum.Enum) -> str:
    return value.name


# --- containers ------------------------------------------------------------------------------------------------------


def is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_frozenset(cl: Any) -> bool:
    return typing.get_origin(cl) is frozenset


def list_items(conv: cattrs.Converter, value: Any, item_type: Any, cl: Any) -> list[Any]:
    if type(value) is not list:
        raise BadValue(f"must be a JSON list, got {json_type(value)}")
    hook = conv.get_structure_hook(item_type)
    result: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            result.append(hook(item, item_type))
        except Exception as error:
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(str(index), index, item_type),
            ]
            errors.append(error)
    if errors:
        raise IterableValidationError("While structuring a list", errors, cl)
    return result


def sort_key(value: Any) -> tuple[int, str]:
    """Sort key of an unstructured set item: strings (enum names, codes, dates) by text, anything else by its JSON."""
    return (0, value) if isinstance(value, str) else (1, dumps(value))


# --- citations and reasons -------------------------------------------------------------------------------------------


def citation_to_json(citation: Citation) -> dict[str, int | None]:
    """``{"article": 13, "paragraph": 1, "item": null}`` or ``{"annex": 2, "note": 5}``."""
    if isinstance(citation, ArticleRef):
        return {"article": citation.article, "paragraph": citation.paragraph, "item": citation.item}
    return {"annex": citation.annex, "note": citation.note}


def citation_from_json(value: Any) -> Citation:
    """The citation written by :func:`citation_to_json`; :class:`~gongshang_rules.CaseError` when it is not one."""
    if type(value) is not dict:
        raise BadValue(f"must be a citation object, got {json_type(value)}")
    try:
        if "article" in value:
            _keys(value, {"article"}, {"paragraph", "item"})
            return ArticleRef(value["article"], paragraph=value.get("paragraph"), item=value.get("item"))
        if "annex" in value:
            _keys(value, {"annex"}, {"note"})
            return AnnexRef(value["annex"], note=value.get("note"))
    except InvalidInputError as error:
        raise BadValue(f"{error.field}: {error.problem}") from None
    raise BadValue('must have "article" (with "paragraph", "item") or "annex" (with "note")')


def _keys(value: dict[str, Any], required: set[str], optional: set[str]) -> None:
    unknown = sorted(set(value) - required - optional)
    if unknown:
        raise BadValue(f"unknown key(s) {', '.join(unknown)}")


_CITES: dict[int, tuple[tuple[Citation, ...], list[str], list[dict[str, int | None]]]] = {}


def _cited(articles: tuple[Citation, ...]) -> tuple[list[str], list[dict[str, int | None]]]:
    """The two JSON forms of a reason's citations, cached per tuple (templates share theirs)."""
    cached = _CITES.get(id(articles))
    if cached is None or cached[0] is not articles:
        cached = (articles, [str(c) for c in articles], [citation_to_json(c) for c in articles])
        if len(_CITES) < 4096:
            _CITES[id(articles)] = cached
    return cached[1], cached[2]


def reason_to_json(reason: Reason, *, messages: bool = True) -> dict[str, Any]:
    """A reason as written in results (see :mod:`gongshang_rules.oracle.jsonio` for ``articles`` and ``citations``).

    ``messages=False`` leaves ``message_zh`` and ``message_en`` out without reading them, so a reason made with
    its messages pending never formats them (``batch --no-messages``).
    """
    texts, structured = _cited(reason.articles)
    if not messages:
        return {
            "code": reason.code,
            "role": reason.role.name,
            "articles": texts,
            "citations": structured,
            "interpretation": reason.interpretation,
            "authorities": list(reason.authorities),
        }
    return {
        "code": reason.code,
        "role": reason.role.name,
        "articles": texts,
        "citations": structured,
        "interpretation": reason.interpretation,
        "message_zh": reason.message_zh,
        "message_en": reason.message_en,
        "authorities": list(reason.authorities),
    }


_REASON_KEYS = frozenset(
    {"code", "role", "articles", "citations", "interpretation", "message_zh", "message_en", "authorities"}
)


def structure_reason(value: Any, _type: Any) -> Reason:
    if type(value) is not dict:
        raise BadValue(f"must be a reason object, got {json_type(value)}")
    errors: list[Exception] = []
    extra = set(value) - _REASON_KEYS
    if extra:
        errors.append(ForbiddenExtraKeysError("", Reason, extra))
    fields: dict[str, Any] = {}

    def take(name: str, hook: Callable[[Any], Any]) -> None:
        try:
            fields[name] = hook(value[name])
        except Exception as error:
            error.__notes__ = [*getattr(error, "__notes__", []), AttributeValidationNote("", name, None)]
            errors.append(error)

    take("code", lambda v: structure_str(v, str))
    if "role" in value:  # optional: a reason written before roles is read as decisive
        take("role", lambda v: enum_hook(Role)(v, Role))
    take("interpretation", lambda v: structure_bool(v, bool))
    take("message_zh", lambda v: structure_str(v, str))
    take("message_en", lambda v: structure_str(v, str))
    take("authorities", lambda v: tuple(structure_str(a, str) for a in _list(v)))
    take("citations", lambda v: tuple(_list_of(v, citation_from_json)))
    take("articles", lambda v: [structure_str(a, str) for a in _list(v)])
    if errors:
        raise ClassValidationError("While structuring Reason", errors, Reason)
    citations: tuple[Citation, ...] = fields.pop("citations")
    texts: list[str] = fields.pop("articles")
    if texts != [str(c) for c in citations]:
        error = BadValue(f"must be the citations as text: {[str(c) for c in citations]}, got {texts}")
        error.__notes__ = [AttributeValidationNote("", "articles", None)]
        raise ClassValidationError("While structuring Reason", [error], Reason)
    try:
        return Reason(articles=citations, **fields)
    except InvalidInputError as error:
        raise ClassValidationError("While structuring Reason", [error], Reason) from None


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise BadValue(f"must be a JSON list, got {json_type(value)}")
    return value


def _list_of(value: Any, hook: Callable[[Any], T]) -> list[T]:
    items = _list(value)
    result: list[T] = []
    errors: list[Exception] = []
    for index, item in enumerate(items):
        try:
            result.append(hook(item))
        except Exception as error:
            error.__notes__ = [IterableValidationNote(str(index), index, None)]
            errors.append(error)
    if errors:
        raise IterableValidationError("While structuring a list", errors, list)
    return result
