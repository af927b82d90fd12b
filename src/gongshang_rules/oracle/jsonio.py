"""JSON in and out: one cattrs converter for every public input type and every result type.

The JSON forms (documented for other implementations in ``docs/oracle.md``):

* **money** is a decimal *string* in yuan: ``"10234.50"``. On input 0 to 2 decimal places are accepted
  (``"3000"``, ``"3000.5"``); on output there are always exactly 2. A JSON number is never money: a float
  (``10234.5``) is *rejected*, not rounded, and so is an integer. JSON is parsed with ``parse_float`` so that a float
  is seen as what it is, wherever it stands.
* **dates** are ISO 8601 calendar dates, ``"YYYY-MM-DD"`` exactly.
* **enums** are written by member name (the stable code): ``"CROSS_PROVINCE_INBOUND"``.
* a **place** is its :attr:`~gongshang_rules.kernel.places.Place.key`: the division code, or ``"省本级"``; on input anything
  :func:`~gongshang_rules.kernel.places.place` reads (a code or a name) is accepted.
* an **identity number** is read whole (``"650102198506151232"``). It is written whole only when *input facts* are
  written back (:func:`unstructure`, to write a case file). In output (results, reasons, errors) it never appears
  whole: results do not echo input facts, a result type that holds an identity number writes it masked
  (``"650***********1232"``, :func:`output`), and every message and error text passes through
  :func:`~gongshang_rules.kernel._privacy.redact`.
* **frozensets** are sorted lists (enum members by name), duplicates rejected on input; tuples are lists.
* a **citation** is written twice in a reason: ``"articles": ["art. 13(1)"]`` (the text other implementations
  print) and ``"citations": [{"article": 13, "paragraph": 1, "item": null}]`` (or ``{"annex": 2, "note": 5}``).
* JSON objects must not repeat a key, and must not hold a key the type does not know.
* JSON text may nest lists and objects at most :data:`MAX_DEPTH` deep (a case needs about 10), and an amount may
  not exceed :data:`~gongshang_rules.kernel._validate.MAX_AMOUNT`: either is an error naming where, never a crash.

Bad JSON or bad fields give ONE :class:`CaseError` listing every problem with its JSON path::

    $.facts.filing.category: must be one of REFERRAL, LONG_TERM_RESIDENCE, RESIDENT_WORK; got 'REFERAL'

Output is deterministic: :func:`dumps` sorts keys, keeps Chinese as is (UTF-8) and uses fixed separators, so the same
value gives byte-identical JSON on every run and machine.

>>> from gongshang_rules.rules.filing import Filing
>>> filing = structure(loads('{"insured": "430100", "treatment": "430600", "category": "REFERRAL",'
...     ' "service": "MEDICAL", "filed_on": "2025-11-30"}'), Filing)
>>> filing.treatment.name, filing.filed_on.isoformat()
('岳阳市', '2025-11-30')
>>> dumps(unstructure(filing))
'{"category":"REFERRAL","filed_on":"2025-11-30","insured":"430100","service":"MEDICAL","treatment":"430600"}'
>>> from gongshang_rules.rules.episodes import CostLine
>>> structure(loads('{"kind": "DRUG", "amount": 12.5}'), CostLine)
Traceback (most recent call last):
...
gongshang_rules.oracle.jsonio.CaseError: 1 problem in the input:
  $.amount: a JSON number (12.5) is never money: write the amount as a decimal string, e.g. "12.50"
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..kernel._privacy import redact
from ..kernel._validate import MAX_AMOUNT, money_text
from ..kernel.articles import AnnexRef, ArticleRef, Citation
from ..kernel.errors import GongshangError, InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place, place
from ..kernel.ruling import Reason, Role, Ruling
from ..kernel.workdays import WorkingDayCalendar, YearSchedule
from ..rules.forms import Annex1Form, Annex2Form, FilingForm
from ..rules.institutions import InstitutionRegistry, example_registry

__all__ = [
    "CaseError",
    "Problem",
    "dumps",
    "figures_of",
    "loads",
    "output",
    "ruling_from_json",
    "ruling_to_json",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: How deep JSON input may nest lists and objects. The deepest corpus case nests 9; 64 leaves room for any real
#: case and keeps every recursive walk over the data (structuring, comparing, echoing) far from Python's limit.
MAX_DEPTH = 64


# --- errors --------------------------------------------------------------------------------------------------------


@attrs.frozen
class Problem:
    """One problem of the input: where it is (a JSON path, ``$`` the whole document) and what is wrong."""

    path: str = attrs.field(converter=redact)  # a key can be anything, an identity number included
    message: str = attrs.field(converter=redact)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CaseError(InvalidInputError):
    """Bad JSON or bad fields: ``problems`` lists every problem found, each with its JSON path.

    ``field`` is the path of the first problem; ``str()`` lists them all, one per line. No message holds a whole
    identity number.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            problems = (Problem("$", "invalid input"),)
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(self.problems[0].path, f"{count} problem{'s' if count > 1 else ''} in the input")
        self._text = f"{count} problem{'s' if count > 1 else ''} in the input:\n{listing}"

    def __str__(self) -> str:
        return self._text

    def rooted(self, prefix: str) -> CaseError:
        """The same problems with their paths under ``prefix`` (``$.facts`` + ``$.x`` = ``$.facts.x``)."""
        return CaseError([Problem(prefix + p.path[1:], p.message) for p in self.problems])


class _Bad(InvalidInputError):
    """A leaf value is wrong where it stands (the path says where); raised by the hooks below."""

    def __init__(self, problem: str) -> None:
        super().__init__("", problem)


def _json_type(value: object) -> str:
    if isinstance(value, JsonFloat):
        return f"a number ({value.text})"
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _path_join(path: str, field: str) -> str:
    if not field:
        return path
    if field.startswith("["):
        return path + field
    return f"{path}.{field}"


def problems_of(error: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in ``error`` (a cattrs validation error tree, or one of ours), each with its JSON path."""
    if isinstance(error, CaseError):
        return [Problem(path + p.path[1:], p.message) for p in error.problems]
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index!r}]"
            found.extend(problems_of(sub, sub_path))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(sorted(a.name for a in attrs.fields(error.cl))) if attrs.has(error.cl) else ""
        return [
            Problem(f"{path}.{key}", f"unknown key; the keys are {allowed}" if allowed else "unknown key")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        return [Problem(path, "required, and missing")]
    if isinstance(error, InvalidInputError):
        return [Problem(_path_join(path, error.field), error.problem)]
    if isinstance(error, GongshangError):
        return [Problem(path, str(error))]
    return [Problem(path, f"invalid value ({type(error).__name__})")]


# --- reading JSON text -----------------------------------------------------------------------------------------------


class JsonFloat:
    """A JSON number with a fraction or an exponent, kept as its text: never money, never an int."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"JsonFloat({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsonFloat) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise _Bad(f"{name} is not a JSON value")


def loads(text: str | bytes) -> Any:
    """Parse JSON text strictly: floats become :class:`JsonFloat`, ``NaN`` and repeated keys are errors.

    Every error is a :class:`CaseError` at ``$`` saying where in the text the problem is.

    >>> loads('{"a": 1.50, "b": [1, "x"]}')
    {'a': JsonFloat('1.50'), 'b': [1, 'x']}
    >>> loads('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.jsonio.CaseError: 1 problem in the input:
      $: the key 'a' appears twice in one JSON object
    """
    try:
        data = json.loads(text, parse_float=JsonFloat, parse_constant=_constant, object_pairs_hook=_pairs)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CaseError([Problem("$", f"not valid JSON: {error.msg} ({where})")]) from None
    except _DuplicateKeyError as error:
        raise CaseError([Problem("$", f"the key {error.key!r} appears twice in one JSON object")]) from None
    except _Bad as error:
        raise CaseError([Problem("$", error.problem)]) from None
    except UnicodeDecodeError as error:
        raise CaseError([Problem("$", f"not UTF-8 text: {error.reason}")]) from None
    except ValueError as error:  # e.g. an integer of thousands of digits (Python's int_max_str_digits)
        raise CaseError([Problem("$", f"not acceptable JSON: {str(error)[:120]}")]) from None
    except RecursionError:
        raise CaseError([Problem("$", f"JSON nested too deeply (at most {MAX_DEPTH} levels)")]) from None
    if _brackets(text) > MAX_DEPTH:  # fewer brackets than the limit cannot nest deeper: no walk needed
        check_depth(data)
    return data


def _brackets(text: str | bytes) -> int:
    if isinstance(text, str):
        return text.count("[") + text.count("{")
    return text.count(b"[") + text.count(b"{")


def check_depth(data: Any, limit: int = MAX_DEPTH) -> None:
    """A :class:`CaseError` at the first list or object nested deeper than ``limit``; a walk without recursion.

    >>> check_depth([[[1]]], limit=2)
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.jsonio.CaseError: 1 problem in the input:
      $[0][0]: JSON nested too deeply (at most 2 levels)
    """
    stack: list[tuple[Any, int, str]] = [(data, 1, "$")]
    while stack:
        value, depth, path = stack.pop()
        if type(value) is dict:
            items: Iterable[tuple[str, Any]] = ((f"{path}.{k}", v) for k, v in value.items())
        elif type(value) is list:
            items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
        else:
            continue
        if depth > limit:
            raise CaseError([Problem(path, f"JSON nested too deeply (at most {limit} levels)")])
        for sub_path, item in items:
            if type(item) is dict or type(item) is list:
                stack.append((item, depth + 1, sub_path))


def _plain(value: Any) -> Any:
    """``value`` with every :class:`JsonFloat` turned back into a float (for echoing free-form JSON).

    Data nested deeper than :data:`MAX_DEPTH` is a :class:`CaseError` (``loads`` never gives such data).
    """
    check_depth(value)
    return _plain_checked(value)


def _plain_checked(value: Any) -> Any:
    if isinstance(value, JsonFloat):
        # Free-form JSON echoed back: money never comes here, since its structure hook rejects floats.
        return float(value.text)
    if isinstance(value, dict):
        return {k: _plain_checked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_checked(v) for v in value]
    return value


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_ASCII_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def dumps(value: Any) -> str:
    """Deterministic JSON text: keys sorted, UTF-8 characters kept, separators ``,`` and ``:``, one line.

    Text that cannot be written as UTF-8 (a lone surrogate from a ``\\ud800`` escape in the input) is written with
    ASCII escapes instead, so the line is still valid JSON and UTF-8.
    """
    text = _ENCODER.encode(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(value)
    return text


# --- leaf hooks ------------------------------------------------------------------------------------------------------

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONEY = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_CANONICAL_ID = re.compile(r"[0-9]{17}[0-9X]")


def _structure_str(value: Any, _type: Any) -> str:
    if type(value) is not str:
        raise _Bad(f"must be text (a JSON string), got {_json_type(value)}")
    return value


def _structure_int(value: Any, _type: Any) -> int:
    if type(value) is not int:
        raise _Bad(f"must be a whole number (a JSON integer), got {_json_type(value)}")
    return value


def _structure_bool(value: Any, _type: Any) -> bool:
    if type(value) is not bool:
        raise _Bad(f"must be true or false, got {_json_type(value)}")
    return value


def _structure_date(value: Any, _type: Any) -> _dt.date:
    if type(value) is not str:
        raise _Bad(f"must be a date as text YYYY-MM-DD, got {_json_type(value)}")
    if not _DATE.fullmatch(value):
        raise _Bad(f"must be a date YYYY-MM-DD, got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{value!r} is not a calendar date") from None


def _unstructure_date(value: _dt.date) -> str:
    return value.isoformat()


def _structure_money(value: Any, _type: Any) -> Decimal:
    if type(value) is str:
        if _MONEY.fullmatch(value):
            whole = len(value.partition(".")[0].lstrip("0"))
            amount = Decimal(value) if whole <= 12 else None
            if amount is None or amount > MAX_AMOUNT:
                # Never echoed: an amount this long is more likely an identity number in the wrong column.
                raise _Bad(
                    f"must be at most {MAX_AMOUNT} yuan (no bill or fund is larger), got an amount with "
                    f"{whole} digits before the decimal point"
                )
            return amount
        raise _Bad(
            f"must be an amount in yuan as a decimal string with at most 2 decimal places and no sign, e.g. "
            f'"10234.50"; got {value!r}'
        )
    if isinstance(value, JsonFloat):
        raise _Bad(
            f"a JSON number ({value.text}) is never money: write the amount as a decimal string, "
            f'e.g. "{_money_example(value.text)}"'
        )
    raise _Bad(f'must be an amount in yuan as a decimal string, e.g. "10234.50"; got {_json_type(value)}')


def _money_example(text: str) -> str:
    try:
        return money(Decimal(text))
    except (ArithmeticError, ValueError):  # pragma: no cover - JSON's number grammar always parses
        return "10234.50"


def money(value: Decimal) -> str:
    """An amount as written in output: a decimal string with exactly 2 places (``Decimal("3000")`` → ``"3000.00"``)."""
    return money_text(value)


def _structure_place(value: Any, _type: Any) -> Place:
    if type(value) is not str:
        raise _Bad(f"must be a place code or name (a JSON string), got {_json_type(value)}")
    try:
        return place(value)
    except InvalidInputError as error:
        raise _Bad(error.problem) from None


def _unstructure_place(value: Place) -> str:
    return value.key


def _structure_identity(value: Any, _type: Any) -> IdentityNumber:
    if type(value) is not str:
        raise _Bad(f"must be an identity number (a JSON string), got {_json_type(value)}")
    try:
        if _CANONICAL_ID.fullmatch(value):  # already as IdentityNumber keeps it: check it once, not twice
            return IdentityNumber(value)
        return IdentityNumber.parse(value)
    except InvalidInputError as error:
        raise _Bad(error.problem) from None


def _is_enum(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, enum.Enum)


def _enum_hook(cl: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = cl.__members__
    names = ", ".join(members)

    def structure(value: Any, _type: Any) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
            shown = repr(value) if len(value) <= 60 else repr(value[:57] + "...")
            raise _Bad(f"must be one of {names}; got {shown}")
        raise _Bad(f"must be one of {names} (a JSON string); got {_json_type(value)}")

    return structure


def _unstructure_enum(value: enum.Enum) -> str:
    return value.name


# --- containers ------------------------------------------------------------------------------------------------------


def _is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(cl: Any) -> bool:
    return typing.get_origin(cl) is frozenset


def _items(conv: cattrs.Converter, value: Any, item_type: Any, cl: Any) -> list[Any]:
    if type(value) is not list:
        raise _Bad(f"must be a JSON list, got {_json_type(value)}")
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


def _sort_key(value: Any) -> tuple[int, str]:
    """Sort key of an unstructured set item: strings (enum names, codes, dates) by text, anything else by its JSON."""
    return (0, value) if isinstance(value, str) else (1, dumps(value))


# --- the converters --------------------------------------------------------------------------------------------------


def _attrs_structure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any, Any], Any]]:
    """Structure attrs classes with cattrs' generated code; then list every validator problem, not the first."""

    def factory(cl: type) -> Callable[[Any, Any], Any]:
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, conv)

        def structure(value: Any, _type: Any) -> Any:
            if type(value) is not dict:
                raise _Bad(f"must be a JSON object, got {_json_type(value)}")
            try:
                return base(value, cl)
            except ClassValidationError as error:
                raise _every_problem(conv, cl, value, error) from None

        return structure

    return factory


def _every_problem(
    conv: cattrs.Converter, cl: type, value: dict[str, Any], error: ClassValidationError
) -> Exception:
    """When building ``cl`` failed in its validators, run each field's validator to find every failing field.

    cattrs collects the problems of each field's *type*; attrs stops at the first failing *validator*. A cross-field
    check (``__attrs_post_init__``) runs only once every field is valid, so it is reported alone.
    """
    failed = {
        note.name
        for exc in error.exceptions
        for note in getattr(exc, "__notes__", ())
        if isinstance(note, AttributeValidationNote)
    }
    only = error.exceptions[0] if len(error.exceptions) == 1 else None
    in_init = (
        only is not None and not getattr(only, "__notes__", None) and isinstance(only, InvalidInputError)
    )
    found: list[Exception] = []
    for field in attrs.fields(cl):
        if field.validator is None or not field.init or field.alias not in value or field.name in failed:
            continue
        try:
            converted = conv.structure(value[field.alias], field.type)
            field.validator(None, field, converted)
        except InvalidInputError as problem:
            found.append(problem)
        except Exception:
            continue
    if in_init:
        return ClassValidationError(f"While structuring {cl.__name__}", found, cl) if found else error
    if not found:
        return error
    return ClassValidationError(f"While structuring {cl.__name__}", [*error.exceptions, *found], cl)


def _form_hook(conv: cattrs.Converter) -> Callable[[Any, Any], FilingForm]:
    forms: Mapping[Any, type[Annex1Form] | type[Annex2Form]] = {1: Annex1Form, 2: Annex2Form}

    def structure(value: Any, _type: Any) -> FilingForm:
        if type(value) is not dict:
            raise _Bad(f"must be a JSON object (an annex 1 or annex 2 form), got {_json_type(value)}")
        annex = value.get("annex")
        cl = forms.get(annex) if type(annex) is int else None
        if cl is None:
            raise _Bad('must say which form it is: "annex": 1 (medical care, rehabilitation) or 2 (devices)')
        rest = {k: v for k, v in value.items() if k != "annex"}
        form: FilingForm = conv.structure(rest, cl)
        return form

    return structure


def _structure_calendar(conv: cattrs.Converter) -> Callable[[Any, Any], WorkingDayCalendar]:
    def structure(value: Any, _type: Any) -> WorkingDayCalendar:
        if type(value) is not dict:
            raise _Bad(f"must be a JSON object with schedules (and use_bundled), got {_json_type(value)}")
        errors: list[Exception] = []
        extra = set(value) - {"schedules", "use_bundled"}
        if extra:
            errors.append(ForbiddenExtraKeysError("", WorkingDayCalendar, extra))
        schedules: tuple[YearSchedule, ...] = ()
        use_bundled = True
        try:
            schedules = conv.structure(value.get("schedules", []), tuple[YearSchedule, ...])
        except Exception as error:
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                AttributeValidationNote("", "schedules", None),
            ]
            errors.append(error)
        if "use_bundled" in value:
            try:
                use_bundled = _structure_bool(value["use_bundled"], bool)
            except Exception as error:
                error.__notes__ = [AttributeValidationNote("", "use_bundled", bool)]
                errors.append(error)
        years = [s.year for s in schedules]
        for index, year in enumerate(years):
            if years.index(year) != index:
                errors.append(InvalidInputError(f"schedules[{index}].year", f"{year} has two schedules"))
        if errors:
            raise ClassValidationError("While structuring WorkingDayCalendar", errors, WorkingDayCalendar)
        return WorkingDayCalendar(schedules={s.year: s for s in schedules}, use_bundled=use_bundled)

    return structure


def _unstructure_calendar(conv: cattrs.Converter) -> Callable[[WorkingDayCalendar], dict[str, Any]]:
    def unstructure(calendar: WorkingDayCalendar) -> dict[str, Any]:
        schedules = [
            conv.unstructure(calendar.schedules[y], YearSchedule) for y in sorted(calendar.schedules)
        ]
        return {"schedules": schedules, "use_bundled": calendar.use_bundled}

    return unstructure


def _structure_registry(conv: cattrs.Converter) -> Callable[[Any, Any], InstitutionRegistry]:
    base = make_dict_structure_fn(InstitutionRegistry, conv)

    def structure(value: Any, _type: Any) -> InstitutionRegistry:
        if value == "example":
            return example_registry()
        if type(value) is not dict:
            raise _Bad(
                'must be "example" (the bundled example registry) or a registry object '
                f'{{"institutions": [...]}}, got {_json_type(value)}'
            )
        try:
            registry: InstitutionRegistry = base(value, InstitutionRegistry)
        except ClassValidationError as error:
            raise _every_problem(conv, InstitutionRegistry, value, error) from None
        return registry

    return structure


def _unstructure_registry(conv: cattrs.Converter) -> Callable[[InstitutionRegistry], Any]:
    base = make_dict_unstructure_fn(InstitutionRegistry, conv)

    def unstructure(registry: InstitutionRegistry) -> Any:
        if registry is example_registry():
            return "example"
        return base(registry)

    return unstructure


def _make_converter(*, masked: bool, detailed: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=not masked, detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(_dt.date, _unstructure_date)
    conv.register_structure_hook(Decimal, _structure_money)
    conv.register_unstructure_hook(Decimal, money)
    conv.register_structure_hook(Place, _structure_place)
    conv.register_unstructure_hook(Place, _unstructure_place)
    conv.register_structure_hook(IdentityNumber, _structure_identity)
    if masked:
        conv.register_unstructure_hook(IdentityNumber, lambda n: n.masked)
        conv.register_unstructure_hook(str, redact)  # a name, an id, a free text: output never holds a number
    else:
        conv.register_unstructure_hook(IdentityNumber, lambda n: n.value)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_unstructure_hook_func(_is_enum, _unstructure_enum)
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda cl: lambda v, t: tuple(_items(conv, v, typing.get_args(t)[0], t))
    )
    conv.register_unstructure_hook_func(
        _is_homogeneous_tuple, lambda value: [conv.unstructure(item) for item in value]
    )

    def structure_frozenset(value: Any, cl: Any) -> frozenset[Any]:
        items = _items(conv, value, typing.get_args(cl)[0], cl)
        result = frozenset(items)
        if len(result) != len(items):
            raise _Bad("lists an item twice")
        return result

    conv.register_structure_hook_func(_is_frozenset, structure_frozenset)
    conv.register_unstructure_hook_func(
        _is_frozenset, lambda value: sorted((conv.unstructure(item) for item in value), key=_sort_key)
    )
    conv.register_structure_hook(FilingForm, _form_hook(conv))
    conv.register_unstructure_hook(Annex1Form, _form_unstructure_for(conv, Annex1Form))
    conv.register_unstructure_hook(Annex2Form, _form_unstructure_for(conv, Annex2Form))
    conv.register_structure_hook(WorkingDayCalendar, _structure_calendar(conv))
    conv.register_unstructure_hook(WorkingDayCalendar, _unstructure_calendar(conv))
    conv.register_structure_hook(InstitutionRegistry, _structure_registry(conv))
    conv.register_unstructure_hook(InstitutionRegistry, _unstructure_registry(conv))
    conv.register_structure_hook(Reason, _structure_reason)
    conv.register_unstructure_hook(Reason, reason_to_json)
    conv.register_unstructure_hook_func(_is_ruling, lambda r: _ruling_unstructure(conv, r))
    conv.register_structure_hook_factory(attrs.has, _attrs_structure_factory(conv))
    return conv


def _form_unstructure_for(conv: cattrs.Converter, cl: type) -> Callable[[Any], dict[str, Any]]:
    base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cl, conv)

    def unstructure(form: Any) -> dict[str, Any]:
        data: dict[str, Any] = base(form)
        data["annex"] = form.annex
        return data

    return unstructure


# --- citations, reasons and rulings -----------------------------------------------------------------------------------


def citation_to_json(citation: Citation) -> dict[str, int | None]:
    """``{"article": 13, "paragraph": 1, "item": null}`` or ``{"annex": 2, "note": 5}``."""
    if isinstance(citation, ArticleRef):
        return {"article": citation.article, "paragraph": citation.paragraph, "item": citation.item}
    return {"annex": citation.annex, "note": citation.note}


def citation_from_json(value: Any) -> Citation:
    """The citation written by :func:`citation_to_json`; :class:`CaseError` when it is not one."""
    if type(value) is not dict:
        raise _Bad(f"must be a citation object, got {_json_type(value)}")
    try:
        if "article" in value:
            _keys(value, {"article"}, {"paragraph", "item"})
            return ArticleRef(value["article"], paragraph=value.get("paragraph"), item=value.get("item"))
        if "annex" in value:
            _keys(value, {"annex"}, {"note"})
            return AnnexRef(value["annex"], note=value.get("note"))
    except InvalidInputError as error:
        raise _Bad(f"{error.field}: {error.problem}") from None
    raise _Bad('must have "article" (with "paragraph", "item") or "annex" (with "note")')


def _keys(value: dict[str, Any], required: set[str], optional: set[str]) -> None:
    unknown = sorted(set(value) - required - optional)
    if unknown:
        raise _Bad(f"unknown key(s) {', '.join(unknown)}")


_CITES: dict[int, tuple[tuple[Citation, ...], list[str], list[dict[str, int | None]]]] = {}


def _cited(articles: tuple[Citation, ...]) -> tuple[list[str], list[dict[str, int | None]]]:
    """The two JSON forms of a reason's citations, cached per tuple (templates share theirs)."""
    cached = _CITES.get(id(articles))
    if cached is None or cached[0] is not articles:
        cached = (articles, [str(c) for c in articles], [citation_to_json(c) for c in articles])
        if len(_CITES) < 4096:
            _CITES[id(articles)] = cached
    return cached[1], cached[2]


def reason_to_json(reason: Reason) -> dict[str, Any]:
    """A reason as written in results (see the module docstring for ``articles`` and ``citations``)."""
    texts, structured = _cited(reason.articles)
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


def _structure_reason(value: Any, _type: Any) -> Reason:
    if type(value) is not dict:
        raise _Bad(f"must be a reason object, got {_json_type(value)}")
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

    take("code", lambda v: _structure_str(v, str))
    if "role" in value:  # optional: a reason written before roles is read as decisive
        take("role", lambda v: _enum_hook(Role)(v, Role))
    take("interpretation", lambda v: _structure_bool(v, bool))
    take("message_zh", lambda v: _structure_str(v, str))
    take("message_en", lambda v: _structure_str(v, str))
    take("authorities", lambda v: tuple(_structure_str(a, str) for a in _list(v)))
    take("citations", lambda v: tuple(_list_of(v, citation_from_json)))
    take("articles", lambda v: [_structure_str(a, str) for a in _list(v)])
    if errors:
        raise ClassValidationError("While structuring Reason", errors, Reason)
    citations: tuple[Citation, ...] = fields.pop("citations")
    texts: list[str] = fields.pop("articles")
    if texts != [str(c) for c in citations]:
        error = _Bad(f"must be the citations as text: {[str(c) for c in citations]}, got {texts}")
        error.__notes__ = [AttributeValidationNote("", "articles", None)]
        raise ClassValidationError("While structuring Reason", [error], Reason)
    try:
        return Reason(articles=citations, **fields)
    except InvalidInputError as error:
        raise ClassValidationError("While structuring Reason", [error], Reason) from None


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Bad(f"must be a JSON list, got {_json_type(value)}")
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


def _is_ruling(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, Ruling)


def _outcome_type(cl: type[Ruling[Any]]) -> type[enum.Enum]:
    for klass in cl.__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            if typing.get_origin(base) is Ruling:
                outcome: type[enum.Enum] = typing.get_args(base)[0]
                return outcome
    raise InvalidInputError("ruling", f"{cl.__name__} does not say its outcome type")  # pragma: no cover


_RULING_FIELDS: dict[type, tuple[attrs.Attribute[Any], ...]] = {}


def _extra_fields(cl: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields a Ruling subclass adds to ``outcome`` and ``reasons``: its figures."""
    found = _RULING_FIELDS.get(cl)
    if found is None:
        attrs.resolve_types(cl)
        found = tuple(f for f in attrs.fields(cl) if f.name not in ("outcome", "reasons") and f.init)
        _RULING_FIELDS[cl] = found
    return found


def _ruling_unstructure(conv: cattrs.Converter, ruling: Ruling[Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "outcome": ruling.outcome.name,
        "reasons": [reason_to_json(r) for r in ruling.reasons],
    }
    for field in _extra_fields(type(ruling)):
        data[field.name] = conv.unstructure(getattr(ruling, field.name), field.type)
    return data


_INPUT = _make_converter(masked=False)
_OUTPUT = _make_converter(masked=True)
# The same hooks without cattrs' detailed validation: several times faster on good input. Input it rejects is
# structured again by _INPUT, which collects every problem with its path.
_FAST_INPUT = _make_converter(masked=False, detailed=False)

#: The converter for input facts: identity numbers whole, fields equal to their default left out.
INPUT_CONVERTER: cattrs.Converter = _INPUT
#: The converter for output: identity numbers masked, every field written.
OUTPUT_CONVERTER: cattrs.Converter = _OUTPUT


def structure(data: Any, cl: type[T] | Any, *, path: str = "$") -> T:
    """``data`` (parsed JSON, see :func:`loads`) as a ``cl``; one :class:`CaseError` listing every problem."""
    try:
        fast: T = _FAST_INPUT.structure(data, cl)
    except Exception:  # bad input: structured again below, to list every problem
        pass
    else:
        return fast
    try:
        result: T = _INPUT.structure(data, cl)
    except CaseError as error:
        raise error.rooted(path) from None
    except Exception as error:
        raise CaseError(problems_of(error, path)) from None
    return result


def unstructure(value: Any, cl: Any = None) -> Any:
    """``value`` (an input type) as JSON data, identity numbers whole, fields at their default omitted."""
    return _INPUT.unstructure(value, cl if cl is not None else type(value))


def output(value: Any, cl: Any = None) -> Any:
    """``value`` as JSON data for output: every field written, identity numbers masked."""
    return _OUTPUT.unstructure(value, cl if cl is not None else type(value))


def ruling_to_json(ruling: Ruling[Any]) -> dict[str, Any]:
    """A ruling in full: ``outcome``, ``reasons``, and each of its own fields (nested rulings in full too)."""
    return _ruling_unstructure(_OUTPUT, ruling)


def ruling_from_json(data: Any, cl: type[T]) -> T:
    """The ruling written by :func:`ruling_to_json` (a result type read back)."""
    return structure(data, cl)


def figures_of(ruling: Ruling[Any]) -> dict[str, Any]:
    """A ruling's figures: its own fields as JSON, a nested ruling as its ``outcome`` and its figures.

    Reasons are not figures (the result lists them once, at the top); identity numbers are masked.
    """
    writers = _FIGURE_WRITERS.get(type(ruling))
    if writers is None:
        writers = tuple((f.name, _figure_writer(f.type)) for f in _extra_fields(type(ruling)))
        _FIGURE_WRITERS[type(ruling)] = writers
    return {name: write(getattr(ruling, name)) for name, write in writers}


_FIGURE_WRITERS: dict[type, tuple[tuple[str, Callable[[Any], Any]], ...]] = {}


def _nested_figures(value: Ruling[Any]) -> dict[str, Any]:
    return {"outcome": value.outcome.name, **figures_of(value)}


def _figure_writer(cl: Any) -> Callable[[Any], Any]:
    """How one figure field is written, worked out once per type (the batch path writes many)."""
    origin, args = typing.get_origin(cl), typing.get_args(cl)
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        inner = _figure_writer(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _figure_writer(args[0])
        return lambda value: [item(v) for v in value]
    if cl is Decimal:
        return money
    if cl is _dt.date:
        return _unstructure_date
    if cl is str:
        return redact  # a settlement id, a name, a refusal's reason: output never holds a whole number
    if cl in (int, bool):
        return _same_value
    if isinstance(cl, type) and issubclass(cl, enum.Enum):
        return _unstructure_enum
    if isinstance(cl, type) and issubclass(cl, Ruling):
        return _nested_figures
    hook = _OUTPUT.get_unstructure_hook(cl)
    return lambda value: hook(value)


def _same_value(value: Any) -> Any:
    return value


def plain(value: Any) -> Any:
    """Parsed JSON with every :class:`JsonFloat` turned back into a float (for echoing free-form JSON)."""
    return _plain(value)


def from_json_text(text: str | bytes, cl: type[T]) -> T:
    """Parse ``text`` and structure it as a ``cl`` in one step."""
    return structure(loads(text), cl)


def to_json_text(value: Any) -> str:
    """An input value as deterministic JSON text (identity numbers whole)."""
    return dumps(unstructure(value))
