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
* JSON text may nest lists and objects at most :data:`~gongshang_rules.oracle.jsontext.MAX_DEPTH` deep (a case
  needs about 10), and an amount may not exceed :data:`~gongshang_rules.kernel._validate.MAX_AMOUNT`: either is an
  error naming where, never a crash.

Bad JSON or bad fields give ONE :class:`~gongshang_rules.oracle.problems.CaseError` listing every problem with its JSON
path (:mod:`~gongshang_rules.oracle.problems`); JSON text is read and written by :func:`~gongshang_rules.loads` and
:func:`~gongshang_rules.dumps` (:mod:`~gongshang_rules.oracle.jsontext`, deterministic output); the hooks for leaves,
lists, citations and reasons are in :mod:`~gongshang_rules.oracle.hooks`. This module assembles them into the
converters and gives :func:`structure`, :func:`unstructure`, :func:`output` and the ruling forms.

>>> from gongshang_rules import dumps, loads
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
gongshang_rules.oracle.problems.CaseError: 1 problem in the input:
  $.amount: a JSON number (12.5) is never money: write the amount as a decimal string, e.g. "12.50"
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..kernel._privacy import redact
from ..kernel.errors import InvalidInputError
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place
from ..kernel.ruling import Reason, Ruling
from ..kernel.workdays import WorkingDayCalendar, YearSchedule
from ..rules.institutions import InstitutionRegistry
from .hooks import citation_from_json as citation_from_json
from .hooks import citation_to_json as citation_to_json
from .hooks import (
    enum_hook,
    is_enum,
    is_frozenset,
    is_homogeneous_tuple,
    list_items,
    sort_key,
    structure_bool,
    structure_date,
    structure_identity,
    structure_int,
    structure_money,
    structure_place,
    structure_reason,
    structure_str,
    unstructure_date,
    unstructure_enum,
    unstructure_place,
)
from .hooks import money as money
from .hooks import reason_to_json as reason_to_json
from .jsontext import MAX_DEPTH as MAX_DEPTH
from .jsontext import JsonFloat as JsonFloat
from .jsontext import check_depth as check_depth
from .jsontext import dumps as dumps
from .jsontext import json_type
from .jsontext import loads as loads
from .jsontext import plain as plain
from .problems import BadValue, path_join
from .problems import CaseError as CaseError
from .problems import Problem as Problem
from .problems import problems_of as problems_of

if TYPE_CHECKING:
    from ..rules.forms import FilingForm

__all__ = [
    "figures_of",
    "output",
    "ruling_from_json",
    "ruling_to_json",
    "structure",
    "unstructure",
]

# The names imported ``as`` themselves above moved out of this module (issue 9) and are still read from it, by
# ``gongshang_rules.jsonio.<name>`` of 0.x and by ``jsonio.<name>`` in the oracle: explicit re-exports, published on
# the facade by the modules that define them. So are the two private names the case format reads:
_json_type = json_type
_path_join = path_join

T = TypeVar("T")


# --- the converters --------------------------------------------------------------------------------------------------


def _attrs_structure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any, Any], Any]]:
    """Structure attrs classes with cattrs' generated code; then list every validator problem, not the first."""

    def factory(cl: type) -> Callable[[Any, Any], Any]:
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, conv)

        def structure(value: Any, _type: Any) -> Any:
            if type(value) is not dict:
                raise BadValue(f"must be a JSON object, got {json_type(value)}")
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


# The filing forms' hooks are chosen when a form type is first met: a type can only be one once the forms module is
# loaded, and a case of another decision never loads it (issue 13's cold start).
_FORMS = "gongshang_rules.rules.forms"


def _is_form_union(cl: Any) -> bool:
    """``cl`` is :data:`~gongshang_rules.rules.forms.FilingForm` (annex 1 or annex 2)."""
    forms = sys.modules.get(_FORMS)
    return forms is not None and cl == forms.FilingForm


def _is_form(cl: Any) -> bool:
    """``cl`` is one of the two forms, :class:`~gongshang_rules.rules.forms.Annex1Form` or ``Annex2Form``."""
    forms = sys.modules.get(_FORMS)
    return forms is not None and cl in (forms.Annex1Form, forms.Annex2Form)


def _form_hook(conv: cattrs.Converter) -> Callable[[Any, Any], FilingForm]:
    from ..rules.forms import Annex1Form, Annex2Form

    forms: Mapping[Any, type[Annex1Form] | type[Annex2Form]] = {1: Annex1Form, 2: Annex2Form}

    def structure(value: Any, _type: Any) -> FilingForm:
        if type(value) is not dict:
            raise BadValue(f"must be a JSON object (an annex 1 or annex 2 form), got {json_type(value)}")
        annex = value.get("annex")
        cl = forms.get(annex) if type(annex) is int else None
        if cl is None:
            raise BadValue(
                'must say which form it is: "annex": 1 (medical care, rehabilitation) or 2 (devices)'
            )
        rest = {k: v for k, v in value.items() if k != "annex"}
        form: FilingForm = conv.structure(rest, cl)
        return form

    return structure


def _structure_calendar(conv: cattrs.Converter) -> Callable[[Any, Any], WorkingDayCalendar]:
    def structure(value: Any, _type: Any) -> WorkingDayCalendar:
        if type(value) is not dict:
            raise BadValue(f"must be a JSON object with schedules (and use_bundled), got {json_type(value)}")
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
                use_bundled = structure_bool(value["use_bundled"], bool)
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
            from .registry_io import example_registry  # read through this converter: imported once it exists

            return example_registry()
        if type(value) is not dict:
            raise BadValue(
                'must be "example" (the bundled example registry) or a registry object '
                f'{{"institutions": [...]}}, got {json_type(value)}'
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
        from .registry_io import example_registry  # read through this converter: imported once it exists

        if registry is example_registry():
            return "example"
        return base(registry)

    return unstructure


def _make_converter(*, masked: bool, detailed: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=not masked, detailed_validation=detailed)
    conv.register_structure_hook(str, structure_str)
    conv.register_structure_hook(int, structure_int)
    conv.register_structure_hook(bool, structure_bool)
    conv.register_structure_hook(_dt.date, structure_date)
    conv.register_unstructure_hook(_dt.date, unstructure_date)
    conv.register_structure_hook(Decimal, structure_money)
    conv.register_unstructure_hook(Decimal, money)
    conv.register_structure_hook(Place, structure_place)
    conv.register_unstructure_hook(Place, unstructure_place)
    conv.register_structure_hook(IdentityNumber, structure_identity)
    if masked:
        conv.register_unstructure_hook(IdentityNumber, lambda n: n.masked)
        conv.register_unstructure_hook(str, redact)  # a name, an id, a free text: output never holds a number
    else:
        conv.register_unstructure_hook(IdentityNumber, lambda n: n.value)
    conv.register_structure_hook_factory(is_enum, enum_hook)
    conv.register_unstructure_hook_func(is_enum, unstructure_enum)
    conv.register_structure_hook_factory(
        is_homogeneous_tuple, lambda cl: lambda v, t: tuple(list_items(conv, v, typing.get_args(t)[0], t))
    )
    conv.register_unstructure_hook_func(
        is_homogeneous_tuple, lambda value: [conv.unstructure(item) for item in value]
    )

    def structure_frozenset(value: Any, cl: Any) -> frozenset[Any]:
        items = list_items(conv, value, typing.get_args(cl)[0], cl)
        result = frozenset(items)
        if len(result) != len(items):
            raise BadValue("lists an item twice")
        return result

    conv.register_structure_hook_func(is_frozenset, structure_frozenset)
    conv.register_unstructure_hook_func(
        is_frozenset, lambda value: sorted((conv.unstructure(item) for item in value), key=sort_key)
    )
    conv.register_structure_hook_factory(_is_form_union, lambda _cl: _form_hook(conv))
    conv.register_unstructure_hook_factory(_is_form, lambda cl: _form_unstructure_for(conv, cl))
    conv.register_structure_hook(WorkingDayCalendar, _structure_calendar(conv))
    conv.register_unstructure_hook(WorkingDayCalendar, _unstructure_calendar(conv))
    conv.register_structure_hook(InstitutionRegistry, _structure_registry(conv))
    conv.register_unstructure_hook(InstitutionRegistry, _unstructure_registry(conv))
    conv.register_structure_hook(Reason, structure_reason)
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


# --- rulings ---------------------------------------------------------------------------------------------------------


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


# Each converter is built the first time it is used (issue 13's cold start: a good case uses the fast input converter
# and the output one; the detailed input converter only when some input is bad, or to write input back).
@functools.cache
def _input() -> cattrs.Converter:
    return _make_converter(masked=False)


@functools.cache
def _output() -> cattrs.Converter:
    return _make_converter(masked=True)


@functools.cache
def _fast_input() -> cattrs.Converter:
    """The same hooks without cattrs' detailed validation: several times faster on good input. Input it rejects is
    structured again by the detailed converter, which collects every problem with its path."""
    return _make_converter(masked=False, detailed=False)


if typing.TYPE_CHECKING:
    #: The converter for input facts: identity numbers whole, fields equal to their default left out.
    INPUT_CONVERTER: cattrs.Converter
    #: The converter for output: identity numbers masked, every field written.
    OUTPUT_CONVERTER: cattrs.Converter
else:

    def __getattr__(name: str) -> Any:
        """``INPUT_CONVERTER`` and ``OUTPUT_CONVERTER``, each built when first read."""
        if name == "INPUT_CONVERTER":
            return _input()
        if name == "OUTPUT_CONVERTER":
            return _output()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def structure(data: Any, cl: type[T] | Any, *, path: str = "$") -> T:
    """``data`` (parsed JSON, see :func:`~gongshang_rules.loads`) as a ``cl``.

    Bad data is one :class:`~gongshang_rules.CaseError` listing every problem, each path under ``path``.
    """
    try:
        fast: T = _fast_input().structure(data, cl)
    except Exception:  # bad input: structured again below, to list every problem
        pass
    else:
        return fast
    try:
        result: T = _input().structure(data, cl)
    except CaseError as error:
        raise error.rooted(path) from None
    except Exception as error:
        raise CaseError(problems_of(error, path)) from None
    return result


def unstructure(value: Any, cl: Any = None) -> Any:
    """``value`` (an input type) as JSON data, identity numbers whole, fields at their default omitted."""
    return _input().unstructure(value, cl if cl is not None else type(value))


def output(value: Any, cl: Any = None) -> Any:
    """``value`` as JSON data for output: every field written, identity numbers masked."""
    return _output().unstructure(value, cl if cl is not None else type(value))


def ruling_to_json(ruling: Ruling[Any]) -> dict[str, Any]:
    """A ruling in full: ``outcome``, ``reasons``, and each of its own fields (nested rulings in full too)."""
    return _ruling_unstructure(_output(), ruling)


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
        return unstructure_date
    if cl is str:
        return redact  # a settlement id, a name, a refusal's reason: output never holds a whole number
    if cl in (int, bool):
        return _same_value
    if isinstance(cl, type) and issubclass(cl, enum.Enum):
        return unstructure_enum
    if isinstance(cl, type) and issubclass(cl, Ruling):
        return _nested_figures
    hook = _output().get_unstructure_hook(cl)
    return lambda value: hook(value)


def _same_value(value: Any) -> Any:
    return value


def from_json_text(text: str | bytes, cl: type[T]) -> T:
    """Parse ``text`` and structure it as a ``cl`` in one step."""
    return structure(loads(text), cl)


def to_json_text(value: Any) -> str:
    """An input value as deterministic JSON text (identity numbers whole)."""
    return dumps(unstructure(value))
