"""The JSON Schemas (draft 2020-12) of the case format, read off the attrs types: ``schemas/case.schema.json`` and
``schemas/result.schema.json``.

:func:`case_schema` gives each decision of :data:`~gongshang_rules.oracle.decisions.DECISIONS` its facts schema,
:func:`result_schema` its outcomes and figures; :func:`schema_texts` is the text of the files bundled in
``gongshang_rules/schemas/`` (written by ``tools/make_corpus.py``; a test checks they are current). Nothing that
decides a case imports this module.

>>> schema = case_schema()
>>> schema["$id"], schema["required"]
('https://gongshang-rules.invalid/schemas/case.schema.json', ['case', 'decision', 'today', 'facts'])
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

import attrs

from ..kernel.articles import ArticleRef
from ..kernel.parameters import ParameterSchedule
from ..kernel.places import Place
from ..kernel.ruling import LabelledEnum, Role, Ruling
from ..kernel.workdays import WorkingDayCalendar
from ..rules.agencies import Agency
from ..rules.institutions import InstitutionRegistry
from . import jsonio
from .decisions import DECISIONS
from .rulings import Computed

__all__ = ["case_schema", "result_schema"]


SCHEMA_BASE = "https://gongshang-rules.invalid/schemas/"
_MONEY_IN = r"^[0-9]+(\.[0-9]{1,2})?$"
_MONEY_OUT = r"^[0-9]+\.[0-9]{2}$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_CITATION = r"^(art\. ([1-9]|[12][0-9]|3[0-6])(\([1-9]\))?( item [1-9])?|annex [12]( note [1-9])?)$"


class _SchemaWriter:
    """JSON Schema (draft 2020-12) of the JSON forms of :mod:`gongshang_rules.oracle.jsonio`, read off the attrs types."""

    def __init__(self, *, output: bool) -> None:
        self.output = output
        self.defs: dict[str, Any] = {
            "date": {"type": "string", "pattern": _DATE, "description": "an ISO 8601 calendar date"},
            "money": {
                "type": "string",
                "pattern": _MONEY_OUT if output else _MONEY_IN,
                "description": "yuan as a decimal string"
                + (" with exactly 2 places" if output else " (0 to 2 places); never a JSON number"),
            },
            "place": {
                "type": "string",
                "minLength": 1,
                "description": "a division code or 省本级"
                + ("" if output else "; on input also a name that gongshang_rules.place() reads"),
            },
            "identity_number": {
                "type": "string",
                "description": "a 公民身份号码"
                + (", masked: first 3 and last 4 characters" if output else ", whole (18 characters)"),
            },
            "citation": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["article", "paragraph", "item"],
                        "properties": {
                            "article": {"type": "integer", "minimum": 1, "maximum": 36},
                            "paragraph": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                            "item": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["annex", "note"],
                        "properties": {
                            "annex": {"enum": [1, 2]},
                            "note": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                        },
                    },
                ]
            },
        }

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, t: Any) -> dict[str, Any]:
        import types
        import typing

        from ..kernel.articles import AnnexRef
        from ..kernel.identity import IdentityNumber
        from ..rules.forms import Annex1Form, Annex2Form

        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if t is type(None):
            return {"type": "null"}
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if set(members) == {ArticleRef, AnnexRef}:
                inner: dict[str, Any] = self.ref("citation")
            elif set(members) == {Annex1Form, Annex2Form}:
                inner = {"oneOf": [self.of(Annex1Form), self.of(Annex2Form)]}
            elif len(members) == 1:
                inner = self.of(members[0])
            else:  # pragma: no cover - no other union is part of the case format
                inner = {"anyOf": [self.of(m) for m in members]}
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is _dt.date:
            return self.ref("date")
        if t is Decimal:
            return self.ref("money")
        if t is Place:
            return self.ref("place")
        if t is IdentityNumber:
            return self.ref("identity_number")
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if origin is frozenset:
            return {"type": "array", "items": self.of(args[0]), "uniqueItems": True}
        if isinstance(t, type) and issubclass(t, LabelledEnum | Computed):
            return {"enum": [m.name for m in t]}
        if t is WorkingDayCalendar:
            return self._calendar()
        if t is InstitutionRegistry:
            return self._registry()
        if isinstance(t, type) and issubclass(t, Ruling):
            return self._figures(t, nested=True)
        if isinstance(t, type) and attrs.has(t):
            return self._attrs(t)
        raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover - every facts type is covered above

    def _attrs(self, cl: type) -> dict[str, Any]:
        from ..rules.forms import Annex1Form, Annex2Form

        name = cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: types may nest
            attrs.resolve_types(cl)
            fields = [f for f in attrs.fields(cl) if f.init and not f.name.startswith("_")]
            properties = {f.alias: self.of(f.type) for f in fields}
            required = [f.alias for f in fields if self.output or f.default is attrs.NOTHING]
            if cl in (Annex1Form, Annex2Form):
                properties["annex"] = {"const": 1 if cl is Annex1Form else 2}
                required.append("annex")
            schema: dict[str, Any] = {
                "type": "object",
                "additionalProperties": False,
                "properties": properties,
            }
            if required:
                schema["required"] = sorted(required)
            doc = (cl.__doc__ or "").strip().split("\n")[0]
            if doc:
                schema["description"] = doc
            self.defs[name] = schema
        return self.ref(name)

    def _calendar(self) -> dict[str, Any]:
        from ..kernel.workdays import YearSchedule

        if "calendar" not in self.defs:
            self.defs["calendar"] = {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "schedules": {"type": "array", "items": self.of(YearSchedule)},
                    "use_bundled": {"type": "boolean"},
                },
                "description": "State Council schedules added to the calendar the case is decided with (the bundled "
                "schedules and any given with --calendar); with use_bundled false, these schedules alone",
            }
        return self.ref("calendar")

    def _registry(self) -> dict[str, Any]:
        from ..rules.institutions import Institution

        if "registry" not in self.defs:
            self.defs["registry"] = {
                "oneOf": [
                    {"const": "example", "description": "the bundled example registry"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["institutions"],
                        "properties": {
                            "institutions": {"type": "array", "items": self.of(Institution)},
                            "about": {"type": "string"},
                        },
                    },
                ]
            }
        return self.ref("registry")

    def _figures(self, cl: type, *, nested: bool) -> dict[str, Any]:
        fields = jsonio._extra_fields(cl)
        properties = {f.name: self.of(f.type) for f in fields}
        required = [f.name for f in fields]
        if nested:
            properties["outcome"] = {"enum": [m.name for m in jsonio._outcome_type(cl)]}
            required.append("outcome")
        return {
            "type": "object",
            "additionalProperties": False,
            "required": sorted(required),
            "properties": properties,
        }


def _document(title: str, writer: _SchemaWriter, body: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        **body,
        "$defs": dict(sorted(writer.defs.items())),
    }


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case (published as ``schemas/case.schema.json``)."""
    writer = _SchemaWriter(output=False)
    branches = []
    for kind in DECISIONS.values():
        facts = writer.of(kind.facts)
        branches.append(
            {
                "if": {"properties": {"decision": {"const": kind.name}}},
                "then": {"properties": {"facts": facts}},
            }
        )
    body = {
        "description": "One case of 湘人社规〔2025〕24号: the decision asked for, the facts, and the day it is decided on.",
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "today", "facts"],
        "properties": {
            "case": {
                "type": "string",
                "minLength": 1,
                "description": "the case's name: a sentence, unique in a file",
            },
            "decision": {"enum": list(DECISIONS)},
            "today": writer.ref("date"),
            "facts": {"type": "object"},
            "articles": {"type": "array", "items": {"type": "string", "pattern": _CITATION}},
            "parameters": {
                **writer.of(ParameterSchedule),
                "description": "the procedure's numbers the case is decided under, as dated versions (the form "
                "gongshang_rules.unstructure(schedule) writes); absent: today's law",
            },
            "calendar": writer._calendar(),
            "expected": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["outcome", "reasons", "figures"],
                        "properties": {
                            "outcome": {"type": "string"},
                            "reasons": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                            "figures": {"type": "object"},
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["error"],
                        "properties": {"error": {"type": "array", "items": {"type": "string"}}},
                    },
                ]
            },
        },
        "allOf": branches,
    }
    return _document("gongshang-rules case", writer, body, "case")


def result_schema() -> dict[str, Any]:
    """The JSON Schema of a result (published as ``schemas/result.schema.json``)."""
    writer = _SchemaWriter(output=True)
    reason = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "code",
            "articles",
            "citations",
            "interpretation",
            "message_zh",
            "message_en",
            "authorities",
        ],
        "properties": {
            "code": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"},
            "role": {
                "enum": [m.name for m in Role],
                "description": "DECISIVE: a condition the outcome rests on (met or failed), or the rule that yields "
                "it; compared by verify and conformance. NOTE: information that does not change the outcome; "
                "compared only with --strict. The role is the catalogue's (gongshang-rules reasons), fixed per code.",
            },
            "articles": {"type": "array", "items": {"type": "string", "pattern": _CITATION}},
            "citations": {"type": "array", "items": writer.ref("citation")},
            "interpretation": {"type": "boolean"},
            "message_zh": {"type": "string"},
            "message_en": {"type": "string"},
            "authorities": {"type": "array", "items": {"type": "string"}},
        },
    }
    writer.defs["reason"] = reason
    writer.of(Agency)
    branches = []
    for kind in DECISIONS.values():
        figures = (
            dict(kind.figures_schema)
            if kind.figures_schema is not None
            else writer._figures(kind.ruling, nested=False)
        )
        outcome = {"enum": [m.name for m in jsonio._outcome_type(kind.ruling)]}
        branches.append(
            {
                "if": {"required": ["outcome"], "properties": {"decision": {"const": kind.name}}},
                "then": {"properties": {"outcome": outcome, "figures": figures}},
            }
        )
    decided = {
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "outcome", "reasons", "figures"],
        "properties": {
            "case": {"type": "string"},
            "decision": {"enum": list(DECISIONS)},
            "outcome": {"type": "string"},
            "reasons": {"type": "array", "items": writer.ref("reason")},
            "figures": {"type": "object"},
        },
    }
    failed = {
        "type": "object",
        "additionalProperties": False,
        "required": ["case", "decision", "error"],
        "properties": {
            "case": {"type": ["string", "null"]},
            "decision": {"anyOf": [{"enum": list(DECISIONS)}, {"type": "null"}]},
            "line": {"type": "integer", "minimum": 1},
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["problems"],
                "properties": {
                    "internal": {
                        "const": True,
                        "description": "present (true) only when the library itself failed on this case: "
                        "a defect to report, not a problem of the input",
                    },
                    "problems": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["path", "message"],
                            "properties": {
                                "path": {"type": "string", "pattern": "^\\$"},
                                "message": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
    }
    body = {
        "description": "The answer to one case: outcome, reasons and figures; or every problem of a case that cannot "
        "be decided.",
        "oneOf": [decided, failed],
        "allOf": branches,
    }
    return _document("gongshang-rules result", writer, body, "result")


def schema_texts() -> dict[str, str]:
    """The published schema files' names and text, as written into ``schemas/``."""
    import json

    return {
        name: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        for name, schema in (("case.schema.json", case_schema()), ("result.schema.json", result_schema()))
    }
