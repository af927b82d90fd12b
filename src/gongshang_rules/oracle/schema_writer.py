"""The schema writer: attrs types, enums and leaves turned into named JSON Schema definitions (``$defs``), for
:mod:`gongshang_rules.oracle.schema`."""

from __future__ import annotations

import datetime as _dt
import enum
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..kernel.articles import AnnexRef, ArticleRef
from ..kernel.identity import IdentityNumber
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Ruling
from ..kernel.workdays import WorkingDayCalendar, YearSchedule
from ..rules.forms import Annex1Form, Annex2Form
from ..rules.institutions import InstitutionRegistry
from . import jsonio
from .decisions import DECISIONS, Decision
from .schema_text import (
    _default_text,
    _enum_types,
    _paragraph,
    _sentence,
    describe,
)

__all__: list[str] = []

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
