"""The JSON Schemas (draft 2020-12) of the case format, read off the attrs types: ``schemas/case.schema.json`` and
``schemas/result.schema.json``, written for an integrator to generate code from.

Every object and every enum of the format is a named definition in ``$defs``: a decision's facts by their type's
name (``ScopeFacts``, ``SettlementFacts``), its figures as ``<Decision>Figures`` (``ScopeFigures``), each enum by its
type's name (``CareType``, and the outcomes: ``Scope``, ``Settlement``), the reason codes as the enum
``ReasonCode``. A case is a ``oneOf`` discriminated by ``decision``: each branch is ``{"decision": {"const": ...},
"facts": {"$ref": ...}}``; a decided result is a ``oneOf`` on ``decision`` in the same way, with the decision's
outcomes and figures. Every property has a ``description``, generated (:func:`describe`) from the types' field
comments and docstrings, a few words for the names that recur everywhere, and the JSON form of its type; every date
is ``{"type": "string", "format": "date"}``; money, places and identity numbers are strings with their patterns.

:func:`case_schema` and :func:`result_schema` give the documents; :func:`schema_texts` the text of the files bundled
in ``gongshang_rules/schemas/`` (written by ``python -m gongshang_rules.oracle.schema``, and by
``tools/make_corpus.py``; a test checks they are current). Nothing that decides a case imports this module.

>>> schema = case_schema()
>>> schema["$id"], schema["required"]
('https://gongshang-rules.invalid/schemas/case.schema.json', ['case', 'decision', 'today', 'facts'])
>>> branch = schema["oneOf"][0]["properties"]
>>> branch["decision"]["const"], branch["facts"]["$ref"]
('scope', '#/$defs/ScopeFacts')
>>> schema["$defs"]["ScopeFacts"]["properties"]["insured"]["description"]
'The insured place (参保地). A place: a division code or 省本级 (on input also a name that gongshang_rules.place() reads).'
"""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import inspect
import json
import re
import sys
import types
import typing
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from ..kernel.articles import AnnexRef, ArticleRef
from ..kernel.identity import IdentityNumber
from ..kernel.parameters import PARAMETER_SOURCES, Parameters, ParameterSchedule
from ..kernel.places import Place
from ..kernel.ruling import REASONS, LabelledEnum, Role, Ruling
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar, YearSchedule
from ..rules.agencies import Agency
from ..rules.forms import Annex1Form, Annex2Form
from ..rules.institutions import InstitutionRegistry
from . import jsonio
from .decisions import DECISIONS, Decision

__all__ = ["case_schema", "result_schema"]


SCHEMA_BASE = "https://gongshang-rules.invalid/schemas/"
_MONEY_IN = r"^[0-9]+(\.[0-9]{1,2})?$"
_MONEY_OUT = r"^[0-9]+\.[0-9]{2}$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_CITATION = r"^(art\. ([1-9]|[12][0-9]|3[0-6])(\([1-9]\))?( item [1-9])?|annex [12]( note [1-9])?)$"
#: The leaf types of the format, written inline wherever they stand (never as a ``$ref``: a code generator maps a
#: string with ``"format": "date"`` to its date type). A hand-written schema may still say ``{"$ref":
#: "#/$defs/date"}``: :meth:`_SchemaWriter.finish` writes it inline.
_LEAVES = ("date", "money", "place", "identity_number")

#: What the names that recur in many types mean, for a field whose own type says nothing about it.
_MEANINGS = {
    "insured": "The insured place (参保地)",
    "treatment": "The treatment place (就医地)",
    "identity_number": "The worker's 公民身份号码 (citizen identity number)",
    "institution_code": "The agreement institution's code in the registry of direct-settlement institutions",
    "settlement_id": "The settlement's id on the platform",
    "settlement_ids": "Settlement ids on the platform",
    "settlements": "Direct settlements on record at the platform",
    "records": "Direct settlements on record at the platform",
    "record": "A direct settlement on record at the platform",
    "filing": "The out-of-area filing (备案)",
    "calendar": "The State Council holiday schedules working days are counted on",
    "registry": "The registry of direct-settlement institutions (article 14)",
    "year": "The year",
    "month": "The month, 1 to 12",
    "code": "The code",
    "name": "The name",
    "amount": "The amount, in yuan",
    "valid_from": "The first day of validity",
    "valid_through": "The last day of validity",
    "deadline": "The deadline: the last day",
    "date": "The date",
    "reference": "A reference of the caller's, echoed as given",
    "note": "A note, free text",
    "source": "Where it comes from",
    "status": "The status",
    "status_since": "The day the status took effect",
    "flags": "Each rule of article 32 that flags rows, with the rows it flags",
    "rule": "The audit rule of article 32",
}


def _plain(text: str) -> str:
    """Docstring text as plain text: Sphinx roles reduced to their name, ````x```` to ```x```, one line."""
    text = re.sub(r":[a-z]+:`~?[\w.]*?([\w]+)`", r"\1", text)  # :class:`~a.b.C` -> C
    text = re.sub(r":[a-z]+:`([^`<]+?) <[^`]+>`", r"\1", text)
    text = text.replace("``", "`")
    return " ".join(text.split())


def _paragraph(doc: str | None) -> str:
    """The first paragraph of a docstring, as plain text."""
    return _plain((doc or "").strip().split("\n\n")[0])


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(\"]|[\u4e00-\u9fff])")


def _sentence_about(doc: str | None, name: str) -> str | None:
    """What ``doc`` says of ````name````: the first sentence (or list item) that names it, narrowed to the clause
    (between top-level semicolons) that names it when the sentence has several.

    >>> _sentence_about("``a`` is the start; ``b`` the end (inclusive; always). Then more.", "b")
    '`b` the end (inclusive; always).'
    """
    mark = f"``{name}``"
    for paragraph in re.split(r"\n\s*\n|\n\s*- ", doc or ""):
        if mark not in paragraph:
            continue
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if mark in sentence:
                clauses = _clauses(sentence.removeprefix("- "))
                naming = [c for c in clauses if mark in c]
                text = naming[0] if len(clauses) > 1 and len(naming) == 1 else "; ".join(clauses)
                return _plain(text)
    return None


def _clauses(sentence: str) -> list[str]:
    """A sentence cut at its semicolons outside parentheses."""
    clauses, depth, start = [], 0, 0
    for index, char in enumerate(sentence):
        depth += char in "(（"
        depth -= char in ")）"
        if char == ";" and depth == 0:
            clauses.append(sentence[start:index].strip())
            start = index + 1
    clauses.append(sentence[start:].strip())
    return [c for c in clauses if c]


@cache
def _field_comments(cl: type) -> dict[str, str]:
    """The ``#:`` comments above a class's fields (the Sphinx convention for documenting an attribute)."""
    try:
        lines = inspect.getsource(cl).splitlines()
    except (OSError, TypeError):  # pragma: no cover - every type of the format has its source
        return {}
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#:"):
            comment.append(stripped[2:].strip())
            continue
        match = re.match(r"(\w+)\s*:", stripped)
        if comment and match:
            found[match.group(1)] = _plain(" ".join(comment))
        comment = []
    return found


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?", "。")) else text + "."


def _humane(name: str) -> str:
    return name.replace("_", " ")


class _SchemaWriter:
    """JSON Schema (draft 2020-12) of the JSON forms of :mod:`gongshang_rules.oracle.jsonio`, read off the attrs types."""

    def __init__(self, *, output: bool) -> None:
        self.output = output
        self.defs: dict[str, Any] = {}
        self.owners: dict[str, object] = {}
        self.defs["ArticleRef"] = {
            "type": "object",
            "additionalProperties": False,
            "required": ["article", "paragraph", "item"],
            "description": "A citation of an article of 湘人社规〔2025〕24号, with its paragraph and item.",
            "properties": {
                "article": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 36,
                    "description": "The article, 1 to 36.",
                },
                "paragraph": _part("The paragraph (款), or null for the whole article."),
                "item": _part("The item (项), or null."),
            },
        }
        self.defs["AnnexRef"] = {
            "type": "object",
            "additionalProperties": False,
            "required": ["annex", "note"],
            "description": "A citation of an annex of 湘人社规〔2025〕24号 (annex 1 or 2, a filing form), with its note.",
            "properties": {
                "annex": {"enum": [1, 2], "description": "The annex: 1 or 2."},
                "note": _part("The note (填表说明) of the annex, or null for the whole annex."),
            },
        }
        self.defs["Citation"] = {
            "description": "A citation of this procedure: an article (and paragraph, item) or an annex (and note).",
            "oneOf": [self.ref("ArticleRef"), self.ref("AnnexRef")],
        }
        self.owners.update(ArticleRef=ArticleRef, AnnexRef=AnnexRef, Citation="citation")

    # --- leaves and references ----------------------------------------------------------------------------------

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def leaf(self, kind: str) -> dict[str, Any]:
        """A fresh copy of one of the :data:`_LEAVES`, with the description of its JSON form."""
        if kind == "date":
            return {
                "type": "string",
                "format": "date",
                "pattern": _DATE,
                "description": "A date, YYYY-MM-DD.",
            }
        if kind == "money":
            if self.output:
                return {
                    "type": "string",
                    "pattern": _MONEY_OUT,
                    "description": "Yuan as a decimal string with exactly 2 places.",
                    "examples": ["10240.50"],
                }
            return {
                "type": "string",
                "pattern": _MONEY_IN,
                "description": "Yuan as a decimal string (0 to 2 places, no sign); never a JSON number.",
                "examples": ["10240.50", "3000"],
            }
        if kind == "place":
            return {
                "type": "string",
                "minLength": 1,
                "description": "A place: a division code or 省本级"
                + ("." if self.output else " (on input also a name that gongshang_rules.place() reads)."),
                "examples": ["430100", "430600", "440000", "省本级"] + ([] if self.output else ["长沙市"]),
            }
        assert kind == "identity_number", kind
        if self.output:
            return {
                "type": "string",
                "description": "A 公民身份号码, masked: its first 3 and last 4 characters.",
                "examples": ["430***********1238"],
            }
        return {
            "type": "string",
            "description": "A 公民身份号码, whole (18 characters).",
            "examples": ["430102199001011238"],
        }

    def named(self, name: str, owner: object, make: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A reference to the definition ``name`` of ``owner``, made by ``make`` the first time."""
        known = self.owners.get(name)
        if known is None:
            self.owners[name] = owner
            self.defs[name] = {}  # reserve the name first: types may nest
            self.defs[name] = make()
        elif (
            known is not owner and known != owner
        ):  # pragma: no cover - two types of one name would be ambiguous
            raise TypeError(f"two definitions named {name}: {known!r} and {owner!r}")
        return self.ref(name)

    # --- types --------------------------------------------------------------------------------------------------

    def of(self, t: Any) -> dict[str, Any]:
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if t is type(None):
            return {"type": "null"}
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if set(members) == {ArticleRef, AnnexRef}:
                inner: dict[str, Any] = self.ref("Citation")
            elif set(members) == {Annex1Form, Annex2Form}:
                inner = self.named(
                    "FilingForm",
                    "form",
                    lambda: {
                        "description": "A filing form: annex 1 (medical care, rehabilitation) or annex 2 (assistive "
                        'devices), told apart by "annex".',
                        "oneOf": [self.of(Annex1Form), self.of(Annex2Form)],
                    },
                )
            elif len(members) == 1:
                inner = self.of(members[0])
            else:  # pragma: no cover - no other union is part of the case format
                inner = {"anyOf": [self.of(m) for m in members]}
            return _nullable(inner) if type(None) in args else inner
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is _dt.date:
            return self.leaf("date")
        if t is Decimal:
            return self.leaf("money")
        if t is Place:
            return self.leaf("place")
        if t is IdentityNumber:
            return self.leaf("identity_number")
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin is frozenset:
            return {"type": "array", "items": self.of(args[0]), "uniqueItems": True}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return self.enum(t)
        if t is WorkingDayCalendar:
            return self.calendar()
        if t is InstitutionRegistry:
            return self.registry()
        if isinstance(t, type) and issubclass(t, Ruling):
            return self.named(t.__name__, t, lambda: self.figures(t, nested=True))
        if isinstance(t, type) and attrs.has(t):
            return self.named(t.__name__, t, lambda: self.object(t))
        raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover - every facts type is covered above

    def enum(self, cl: type[enum.Enum]) -> dict[str, Any]:
        def make() -> dict[str, Any]:
            codes = "; ".join(
                f"{m.name}: {m.zh}, {m.en}" if isinstance(m, LabelledEnum) else m.name for m in cl
            )
            return {
                "type": "string",
                "enum": [m.name for m in cl],
                "description": _sentence(_paragraph(cl.__doc__)) + f" Codes (the member names): {codes}.",
            }

        return self.named(cl.__name__, cl, make)

    def object(self, cl: type) -> dict[str, Any]:
        """The closed object of an attrs type: each field a described property, the fields without a default
        required (every field, in output)."""
        attrs.resolve_types(cl)
        fields = [f for f in attrs.fields(cl) if f.init and not f.name.startswith("_")]
        properties = {f.alias: self.field(cl, f) for f in fields}
        required = [f.alias for f in fields if self.output or f.default is attrs.NOTHING]
        if cl in (Annex1Form, Annex2Form):
            number = 1 if cl is Annex1Form else 2
            properties["annex"] = {
                "const": number,
                "description": f"Which annex the form is: always {number}.",
            }
            required.append("annex")
        schema: dict[str, Any] = {"type": "object", "additionalProperties": False}
        description = _paragraph(cl.__doc__)
        if description:
            schema["description"] = _sentence(description)
        if required:
            schema["required"] = sorted(required)
        schema["properties"] = properties
        return schema

    def field(self, owner: type, f: attrs.Attribute[Any]) -> dict[str, Any]:
        """A field's schema, with its description (:func:`describe`)."""
        node = self.of(f.type)
        optional = None
        if not self.output and f.default is not attrs.NOTHING:
            optional = _default_text(f)
        return {**node, "description": describe(owner, f.name, f.type, node, self.defs, optional=optional)}

    def calendar(self) -> dict[str, Any]:
        return self.named(
            "WorkingDayCalendar",
            WorkingDayCalendar,
            lambda: {
                "type": "object",
                "additionalProperties": False,
                "description": "State Council schedules added to the calendar the case is decided with (the bundled "
                "schedules and any given with --calendar); with use_bundled false, these schedules alone.",
                "properties": {
                    "schedules": {
                        "type": "array",
                        "items": self.of(YearSchedule),
                        "description": "One schedule per year, each year once. Optional; absent: none.",
                    },
                    "use_bundled": {
                        "type": "boolean",
                        "description": "Whether the schedules are added to the calendar the case is decided with "
                        "(true) or stand alone (false). Optional; absent: true.",
                    },
                },
            },
        )

    def registry(self) -> dict[str, Any]:
        return self.named(
            "Registry",
            "registry",
            lambda: {
                "description": 'The registry of direct-settlement institutions (article 14): "example" or a '
                "registry object.",
                "oneOf": [
                    {"const": "example", "description": "The bundled example registry."},
                    self.named(
                        "InstitutionRegistry", InstitutionRegistry, lambda: self.object(InstitutionRegistry)
                    ),
                ],
            },
        )

    def figures(self, cl: type, *, nested: bool) -> dict[str, Any]:
        """A ruling's figures: its own fields (and, nested in another's figures, its outcome)."""
        fields = jsonio._extra_fields(cl)
        properties = {f.name: self.field(cl, f) for f in fields}
        required = [f.name for f in fields]
        if nested:
            properties["outcome"] = {
                **self.enum(jsonio._outcome_type(cl)),
                "description": "The outcome of this part of the decision.",
            }
            required.append("outcome")
        return {
            "type": "object",
            "additionalProperties": False,
            "description": _sentence(_paragraph(cl.__doc__)),
            "required": sorted(required),
            "properties": properties,
        }

    def decision_figures(self, kind: Decision) -> dict[str, Any]:
        """A reference to the named figures of one decision: ``ScopeFigures``."""
        name = "".join(part.capitalize() for part in kind.name.split("_")) + "Figures"
        about = f"The figures of the {kind.name} decision ({kind.summary})."
        if kind.figures_schema is None:
            return self.named(
                name, kind, lambda: {**self.figures(kind.ruling, nested=False), "description": about}
            )
        return self.named(name, kind, lambda: {**self.custom_figures(kind), "description": about})

    def custom_figures(self, kind: Decision) -> dict[str, Any]:
        """The hand-written figures schema of a decision with a figure writer of its own, leaves written inline
        and every property described."""
        schema: dict[str, Any] = self.finish(json.loads(json.dumps(kind.figures_schema)))
        self._describe_properties(schema, kind.ruling)
        return schema

    def _describe_properties(self, node: Any, owner: type) -> None:
        bare = {self.leaf(kind)["description"] for kind in _LEAVES}  # a leaf's own text says only its form
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if isinstance(prop, dict) and prop.get("description", "") in bare | {""}:
                    prop["description"] = describe(owner, name, None, prop, self.defs)
            for value in node.values():
                self._describe_properties(value, owner)
        elif isinstance(node, list):
            for value in node:
                self._describe_properties(value, owner)

    def finish(self, node: Any) -> Any:
        """``node`` with every reference to a leaf (``{"$ref": "#/$defs/date"}``) written inline, and every enum that
        lists the members of one of the library's enum types a reference to its definition."""
        if isinstance(node, dict):
            target = node.get("$ref", "").removeprefix("#/$defs/")
            rest = {k: v for k, v in node.items() if k not in ("$ref", "enum")}
            if target in _LEAVES:
                return {**self.leaf(target), **rest}
            named = _enum_types().get(tuple(node["enum"])) if "enum" in node else None
            if named is not None:
                return {**self.enum(named), **rest}
            return {k: self.finish(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.finish(v) for v in node]
        return node

    def decisions(self) -> dict[str, Any]:
        return self.named(
            "Decision",
            "decision",
            lambda: {
                "type": "string",
                "enum": list(DECISIONS),
                "description": "The decision asked for: "
                + "; ".join(f"{kind.name}: {kind.summary}" for kind in DECISIONS.values())
                + ".",
            },
        )


def _part(description: str) -> dict[str, Any]:
    """A citation's paragraph, item or note: 1 to 9, or null."""
    return {"type": ["integer", "null"], "minimum": 1, "maximum": 9, "description": description}


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """``node`` or ``null``: a plain type gets ``null`` among its types, anything else an ``anyOf``."""
    kind = node.get("type")
    if isinstance(kind, str) and "$ref" not in node:
        return {**node, "type": [kind, "null"]}
    return {"anyOf": [node, {"type": "null"}]}


def _default_text(f: attrs.Attribute[Any]) -> str:
    """What an absent field means, for its description."""
    default = f.default
    if default is DEFAULT_CALENDAR:
        return (
            "Optional; absent: the calendar the case is decided with (the bundled schedules, --calendar, the "
            "case's own calendar)."
        )
    if not isinstance(default, bool | int | str | _dt.date | enum.Enum | tuple | frozenset | None):
        return "Optional."  # pragma: no cover - every other default of the format is one of these
    value = jsonio.unstructure(default, f.type)
    if value in ([], {}):
        return "Optional; absent: none."
    return f"Optional; absent: {json.dumps(value, ensure_ascii=False)}."


def describe(
    owner: type,
    name: str,
    t: Any,
    node: dict[str, Any],
    defs: dict[str, Any],
    *,
    optional: str | None = None,
) -> str:
    """The description of field ``name`` of ``owner``: what it means, then its JSON form, then what its absence means.

    What it means is the first of: the field's ``#:`` comment; the sentence (or clause) of the owner's docstring
    that names it, then of the owner's module docstring; :data:`_MEANINGS`, for the names that recur everywhere;
    the first sentence of the docstring of its own type; what another type's docstring says of a field of that
    name; its name in words.

    >>> from gongshang_rules.rules.settlement import Episode
    >>> describe(Episode, "started_on", None, {"type": "string", "description": "A date, YYYY-MM-DD."}, {})[:64]
    '`started_on` is the admission date, the outpatient visit date or'
    """
    meaning = (
        _field_comments(owner).get(name)
        or _sentence_about(owner.__doc__, name)
        or _sentence_about(sys.modules[owner.__module__].__doc__, name)
        or _MEANINGS.get(name)
        or _type_meaning(t)
        or _documented_fields().get(name)
        or _humane(name)
    )
    sources = PARAMETER_SOURCES.get(name, ()) if owner is Parameters else ()
    if sources:
        meaning = f"{meaning.rstrip('.')} ({', '.join(str(c) for c in sources)})"
    parts = [_sentence(meaning), _sentence(_json_form(node, defs))]
    if optional:
        parts.append(optional)
    return " ".join(parts)


@cache
def _documented_fields() -> dict[str, str]:
    """For each field name, what the first type of the library (by module and name) whose docstring has a clause
    about a field of that name (naming it in its first words) says of it: for a field its own type leaves
    undocumented (``emergency_marked`` of an episode, described by the coverage facts)."""
    from .reasons import library_modules

    found: dict[str, str] = {}
    for module in library_modules():
        values = vars(sys.modules[f"gongshang_rules.{module}"]).values()
        types_ = sorted(
            (v for v in values if isinstance(v, type) and attrs.has(v) and v.__module__.endswith(module)),
            key=lambda v: v.__qualname__,
        )
        for cl in types_:
            for f in attrs.fields(cl):
                text = _sentence_about(cl.__doc__, f.name) if f.name not in found else None
                if text and 0 <= text.find(f"`{f.name}`") <= 20:  # a clause about it, not one that names it
                    found[f.name] = text
    return found


@cache
def _enum_types() -> dict[tuple[str, ...], type[enum.Enum]]:
    """The enum types of the library by their member names (those no other enum type shares)."""
    from .reasons import library_modules

    found: dict[tuple[str, ...], set[type[enum.Enum]]] = {}
    for module in library_modules():
        for value in vars(sys.modules[f"gongshang_rules.{module}"]).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__.endswith(module):
                found.setdefault(tuple(m.name for m in value), set()).add(value)
    return {names: types_.pop() for names, types_ in found.items() if names and len(types_) == 1}


def _type_meaning(t: Any) -> str | None:
    """The first sentence of the docstring of a field's own type (of a list's items, of an optional's value)."""
    for arg in (t, *typing.get_args(t)):
        if isinstance(arg, type) and arg.__module__.startswith("gongshang_rules") and arg.__doc__:
            first = _SENTENCE_END.split(_paragraph(arg.__doc__))[0]
            return first if first else None
    return None


def _json_form(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """A property's JSON form in words: ``a date, YYYY-MM-DD``, ``a CareType code``, ``a list of Device objects``."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        target = defs.get(name, {})
        article = "an" if name[0] in "AEIOU" else "a"
        if "enum" in target:
            return f"{article} {name} code"
        if target.get("type") == "object" or name in ("ArticleRef", "AnnexRef"):
            return f"{article} {name} object"
        return f"{article} {name}"
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o != {"type": "null"}]
        text = " or ".join(_json_form(o, defs) for o in options)
        return text + (", or null" if len(options) < len(node["anyOf"]) else "")
    if "const" in node:
        return f"always {json.dumps(node['const'], ensure_ascii=False)}"
    if "enum" in node:
        return "one of " + ", ".join(json.dumps(v, ensure_ascii=False) for v in node["enum"])
    kind = node.get("type")
    nullable = isinstance(kind, list) and "null" in kind
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "array":
        items = node.get("items", {})
        text = "a list" + (" without repeats" if node.get("uniqueItems") else "")
        text += f"; each item {_json_form(items, defs).rstrip('.')}" if items else ""
    elif kind == "string" and "description" in node:
        text = node["description"].rstrip(".")
        text = text[0].lower() + text[1:]
    else:
        text = {
            "string": "text",
            "integer": "a whole number",
            "boolean": "true or false",
            "object": "an object",
            "null": "null",
        }.get(str(kind), "a value")
    return text + (", or null" if nullable else "")


# --- the documents ---------------------------------------------------------------------------------------------------


def _document(title: str, writer: _SchemaWriter, body: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        **body,
        # Each definition titled by its name: the name a code generator gives the class or the enum it makes.
        "$defs": {name: {"title": name, **writer.defs[name]} for name in sorted(writer.defs)},
    }


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case (published as ``schemas/case.schema.json``)."""
    _documented_fields()  # every module of the library imported: the text never depends on what ran before
    writer = _SchemaWriter(output=False)
    branches = [
        {
            "properties": {
                "decision": {"const": kind.name, "description": f"{kind.name}: {kind.summary}."},
                "facts": {**writer.of(kind.facts), "description": f"The facts of the {kind.name} decision."},
            },
        }
        for kind in DECISIONS.values()
    ]
    body = {
        "description": "One case of 湘人社规〔2025〕24号: the decision asked for, the facts, and the day it is decided on. "
        "Each decision has its facts: a oneOf discriminated by decision.",
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "today", "facts"],
        "properties": {
            "case": {
                "type": "string",
                "minLength": 1,
                "description": "The case's name: a sentence, unique in a file; results are matched to cases by it.",
            },
            "decision": {**writer.decisions(), "description": "Which decision is asked for."},
            "today": {
                **writer.leaf("date"),
                "description": "The day the case is decided on (the library never reads the clock). A date, "
                "YYYY-MM-DD.",
            },
            "facts": {
                "type": "object",
                "description": "The decision's facts: the definition named for the decision (ScopeFacts for scope).",
            },
            "articles": {
                "type": "array",
                "items": {"type": "string", "pattern": _CITATION, "description": 'A citation: "art. 13(1)".'},
                "description": 'The articles the case exercises: "art. 13(1)", "art. 4 item 1", "annex 2 note 5". '
                "Optional.",
            },
            "parameters": {
                **writer.of(ParameterSchedule),
                "description": "The procedure's numbers the case is decided under, as dated versions (the form "
                "gongshang_rules.unstructure(schedule) writes); absent: today's law.",
            },
            "calendar": {
                **writer.calendar(),
                "description": "State Council schedules for the case, added to the calendar it is decided with. "
                "Optional.",
            },
            "expected": {
                "description": "The expected result: outcome, reason codes and figures; or the paths of the "
                "problems of a case that must be rejected. Optional.",
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["outcome"],
                        "properties": {
                            "outcome": {"type": "string", "description": "The expected outcome's code."},
                            "reasons": {
                                "type": "array",
                                "items": {"type": "string"},
                                "uniqueItems": True,
                                "description": "The expected reason codes: every code, or only the decisive ones. "
                                "Optional; absent: none.",
                            },
                            "figures": {
                                "type": "object",
                                "description": "The expected figures, in the form of the result's. Optional; "
                                "absent: none.",
                            },
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["error"],
                        "properties": {
                            "error": {
                                "type": "array",
                                "items": {"type": "string"},
                                "description": 'The paths of the expected problems: "$.facts.date".',
                            }
                        },
                    },
                ],
            },
        },
        "oneOf": branches,
    }
    return _document("gongshang-rules case", writer, body, "case")


def result_schema() -> dict[str, Any]:
    """The JSON Schema of a result (published as ``schemas/result.schema.json``)."""
    _documented_fields()
    writer = _SchemaWriter(output=True)
    writer.defs["ReasonCode"] = {
        "type": "string",
        "enum": sorted(_reason_codes()),
        "description": "A reason code. The catalogue (gongshang-rules reasons, docs/reasons.md) gives for each its "
        "role, articles, the decisions that give it and when; codes are stable.",
    }
    writer.defs["Reason"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "One reason of a ruling: why the outcome is what it is, and on which articles that rests.",
        "required": ["code", "articles", "citations", "interpretation", "authorities"],
        "properties": {
            "code": {**writer.ref("ReasonCode"), "description": "The reason's stable code."},
            "role": {
                **writer.enum(Role),
                "description": "DECISIVE: a condition the outcome rests on (met or failed), or the rule that yields "
                "it; compared by verify and conformance. NOTE: information that does not change the outcome; "
                "compared only with --strict. The role is the catalogue's (gongshang-rules reasons), fixed per code.",
            },
            "articles": {
                "type": "array",
                "items": {"type": "string", "pattern": _CITATION, "description": 'A citation: "art. 13(1)".'},
                "description": 'The articles of this procedure the reason rests on, as text: "art. 13(1)", '
                '"art. 4 item 1", "annex 2 note 5".',
            },
            "citations": {
                "type": "array",
                "items": writer.ref("Citation"),
                "description": "The same articles, structured.",
            },
            "interpretation": {
                "type": "boolean",
                "description": "True when the reason rests on our reading of the text, not on its letter.",
            },
            "message_zh": {
                "type": "string",
                "description": "The reason in Chinese. Absent only from a result of batch --no-messages.",
            },
            "message_en": {
                "type": "string",
                "description": "The reason in English. Absent only from a result of batch --no-messages.",
            },
            "authorities": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The other texts it rests on (民法典, the State Council's holiday schedule), as text.",
            },
        },
    }
    writer.of(Agency)
    branches = [
        {
            "properties": {
                "decision": {"const": kind.name, "description": f"{kind.name}: {kind.summary}."},
                "outcome": {
                    **writer.enum(jsonio._outcome_type(kind.ruling)),
                    "description": f"The outcome of the {kind.name} decision.",
                },
                "figures": {
                    **writer.decision_figures(kind),
                    "description": f"The figures of the {kind.name} decision.",
                },
            },
        }
        for kind in DECISIONS.values()
    ]
    writer.defs["DecidedResult"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A decided case: its outcome, the reasons and the figures. Each decision has its outcomes "
        "and figures: a oneOf discriminated by decision.",
        "required": ["case", "decision", "outcome", "reasons", "figures"],
        "properties": {
            "case": {"type": "string", "description": "The case's name, masked like every echoed text."},
            "decision": {**writer.decisions(), "description": "The decision asked for."},
            "outcome": {"type": "string", "description": "The outcome's code: the decision's outcome enum."},
            "reasons": {
                "type": "array",
                "items": writer.ref("Reason"),
                "description": "Every reason, in order: decisive reasons and notes.",
            },
            "figures": {
                "type": "object",
                "description": "The figures: the definition named for the decision (ScopeFigures for scope).",
            },
        },
        "oneOf": branches,
    }
    writer.defs["Problem"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "One problem of a case that cannot be decided.",
        "required": ["path", "message"],
        "properties": {
            "path": {
                "type": "string",
                "pattern": "^\\$",
                "description": 'Where in the case the problem lies, as a JSON path: "$.facts.filing.filed_on".',
            },
            "message": {"type": "string", "description": "What is wrong, masked like every echoed text."},
        },
    }
    writer.defs["ErrorResult"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A case that cannot be decided: every problem with its path.",
        "required": ["case", "decision", "error"],
        "properties": {
            "case": {
                "type": ["string", "null"],
                "description": "The case's name, masked; null when the case has no non-blank name.",
            },
            "decision": {
                "anyOf": [writer.decisions(), {"type": "null"}],
                "description": "The decision asked for, or null when it is not one of the decisions.",
            },
            "line": {
                "type": "integer",
                "minimum": 1,
                "description": "The case's line number in the input (batch, POST /batch and POST /decide only).",
            },
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["problems"],
                "description": "What is wrong with the case.",
                "properties": {
                    "internal": {
                        "const": True,
                        "description": "Present (true) only when the library itself failed on this case: "
                        "a defect to report, not a problem of the input.",
                    },
                    "problems": {
                        "type": "array",
                        "minItems": 1,
                        "items": writer.ref("Problem"),
                        "description": "Every problem, each with its path.",
                    },
                },
            },
        },
    }
    body = {
        "description": "The answer to one case: outcome, reasons and figures; or every problem of a case that cannot "
        "be decided.",
        "oneOf": [writer.ref("DecidedResult"), writer.ref("ErrorResult")],
    }
    return _document("gongshang-rules result", writer, body, "result")


def _reason_codes() -> list[str]:
    """Every reason code the library can give (the registry, with every module that declares one imported)."""
    from .reasons import library_modules

    library_modules()
    return list(REASONS)


def schema_texts() -> dict[str, str]:
    """The published schema files' names and text, as written into ``schemas/``."""
    return {
        name: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        for name, schema in (("case.schema.json", case_schema()), ("result.schema.json", result_schema()))
    }


SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def main(argv: list[str] | None = None) -> int:
    """``python -m gongshang_rules.oracle.schema [--check]``: write the bundled schemas, or check they are current."""
    parser = argparse.ArgumentParser(
        description="Write src/gongshang_rules/schemas/*.schema.json from the types."
    )
    parser.add_argument("--check", action="store_true", help="compare with the files; write nothing")
    args = parser.parse_args(argv)
    texts = schema_texts()
    if args.check:
        stale = [
            n
            for n, text in texts.items()
            if not (SCHEMAS / n).is_file() or (SCHEMAS / n).read_text("utf-8") != text
        ]
        if stale:
            print(f"stale: {', '.join(stale)}; run python -m gongshang_rules.oracle.schema", file=sys.stderr)
            return 1
        return 0
    for name, text in texts.items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
