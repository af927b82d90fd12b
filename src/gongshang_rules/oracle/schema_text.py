"""The descriptions of the JSON Schemas: what each property means, read off the types' field comments and
docstrings, then the JSON form it takes (for :mod:`gongshang_rules.oracle.schema`)."""

from __future__ import annotations

import datetime as _dt
import enum
import inspect
import json
import re
import sys
import typing
from functools import cache
from typing import Any

import attrs

from ..kernel.parameters import PARAMETER_SOURCES, Parameters
from ..kernel.workdays import DEFAULT_CALENDAR
from . import jsonio

__all__: list[str] = []

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
