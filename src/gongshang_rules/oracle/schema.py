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
import json
import sys
from pathlib import Path
from typing import Any

from ..kernel.parameters import ParameterSchedule
from ..kernel.ruling import REASONS, Role
from ..rules.agencies import Agency
from . import jsonio
from .cases import ID_PATTERN
from .decisions import DECISIONS
from .schema_text import (
    _documented_fields,
)
from .schema_writer import (
    _CITATION,
    SCHEMA_BASE,
    _SchemaWriter,
)

__all__ = ["case_schema", "result_schema"]


def _document(title: str, writer: _SchemaWriter, body: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        **body,
        # Each definition titled by its name: the name a code generator gives the class or the enum it makes.
        "$defs": {name: {"title": name, **writer.defs[name]} for name in sorted(writer.defs)},
    }


def _id(more: str) -> dict[str, Any]:
    """The schema of a case's ``id`` (in a case or a result), its description ending in ``more``."""
    return {
        "type": "string",
        "pattern": ID_PATTERN,
        "description": f"The case's short stable id (SET-001): results echo it and are matched to their case by it. "
        f"{more}",
    }


def _codes(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "uniqueItems": True, "description": description}


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
                "description": "The case's name: a sentence, unique in a file; a result without an id is matched "
                "to its case by it.",
            },
            "id": _id("Optional: without it, results are matched by case."),
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
                "description": "The expected result: outcome, reason codes (the whole set, or those present and "
                "absent) and figures; or the paths of the problems of a case that must be rejected. Optional.",
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
                            "absent": _codes("The codes that must not be given. Optional."),
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
                        "required": ["outcome", "present"],
                        "description": "What a person derived from the text, and nothing else is compared: the "
                        "outcome, the codes that must be given and must not be, the figures that must be there.",
                        "properties": {
                            "outcome": {"type": "string", "description": "The expected outcome's code."},
                            "present": _codes("The codes that must be given, among any others."),
                            "absent": _codes("The codes that must not be given. Optional."),
                            "figures": {
                                "type": "object",
                                "description": "The figures that must be there, with their values (a result may "
                                "have more). Optional.",
                            },
                        },
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["error"],
                        "description": "The case is bad input on purpose: it must be rejected.",
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
            "snapshot": {
                "description": "The library's own full answer when the case was written: checked by the "
                "project's tests, never by conformance or verify. Optional.",
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["outcome"],
                        "properties": {
                            "outcome": {"type": "string", "description": "The outcome's code."},
                            "reasons": _codes("Every reason code of the answer."),
                            "figures": {"type": "object", "description": "Every figure of the answer."},
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
                                "description": "The path of every problem of the answer.",
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
            "id": _id("Present when the case has one."),
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
            "id": _id("Present when the case has a valid one."),
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
