"""The reason catalogue: for every code, its role, its articles, whether it is a reading, the decisions that can
give it, and when it is given.

Other implementations are judged on the outcome, the set of **decisive** codes and the figures (``docs/oracle.md``);
this catalogue is what they implement the codes from. It is printed by ``gongshang-rules reasons`` (``--json`` for
a list of objects) and written into ``docs/reasons.md``.

``decisions`` is derived from the code, not written by hand: starting from each decision's function
(:data:`~gongshang_rules.oracle.decisions.DECISIONS`), :func:`decisions_giving` follows the functions it calls and collects the
templates whose reasons can reach its ruling. A template a function names is given by it; a helper that does not
return a ruling passes on what it gives; a call that returns a ruling passes on its reasons only when the caller
returns that ruling or reads its ``reasons`` (``settlement`` asks the institution registry for a status, but does
not pass on the registry's reasons).

>>> entry = next(e for e in catalogue() if e["code"] == "FILING_VALIDITY_COMPUTED")
>>> entry["role"], entry["articles"], entry["decisions"]
('DECISIVE', ['art. 13(1)'], ['filing_validity'])
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
import textwrap
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from ..kernel.ruling import REASONS, ReasonTemplate, Role, Ruling

__all__ = ["catalogue", "catalogue_text", "decisions_giving"]

_PACKAGE = "gongshang_rules"

#: Modules that need an optional extra (hypothesis, pandas, matplotlib, the server): they hold no rules and no
#: reasons; and the entry point and the compatibility shims, which hold none either.
OPTIONAL_MODULES = (
    "__main__",
    "_hypothesis_plugin",
    "_moved",
    "analysis",
    "plots",
    "strategies",
    "oracle.server",
)


def library_modules(skipped: Iterable[str] = OPTIONAL_MODULES) -> list[str]:
    """Every module of the library (``"rules.settlement"``, relative to the package), imported, sorted."""
    package = importlib.import_module(_PACKAGE)
    skip = set(skipped)
    prefix = f"{_PACKAGE}."
    found = (
        info.name.removeprefix(prefix)
        for info in pkgutil.walk_packages(package.__path__, prefix)
        if not info.ispkg
    )
    names = [name for name in found if name not in skip]
    for name in names:
        importlib.import_module(f"{_PACKAGE}.{name}")
    return sorted(names)


def _load_all() -> None:
    library_modules()


def _ours(value: object) -> bool:
    return str(getattr(value, "__module__", "") or "").startswith(_PACKAGE)


def _templates_in(value: object, depth: int = 0) -> set[str]:
    """The registered templates a module-level value is or holds (a table from a status to a template, say)."""
    if isinstance(value, ReasonTemplate):
        return {value.code} if REASONS.get(value.code) is value else set()
    if depth > 2:
        return set()
    if isinstance(value, Mapping):
        items: Iterable[object] = list(value.values())
    elif isinstance(value, tuple | list | frozenset | set):
        items = value
    else:
        return set()
    found: set[str] = set()
    for item in items:
        found |= _templates_in(item, depth + 1)
    return found


@cache
def _methods() -> Mapping[str, tuple[Callable[..., Any], ...]]:
    """Every method defined in the package's classes, by name: how an attribute call is resolved."""
    _load_all()
    found: dict[str, list[Callable[..., Any]]] = defaultdict(list)
    for name, module in sorted(sys.modules.items()):
        if not name.startswith(f"{_PACKAGE}.") or module is None:
            continue
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != name:
                continue
            for attr, value in vars(cls).items():
                function = value.__func__ if isinstance(value, classmethod | staticmethod) else value
                if isinstance(function, types.FunctionType) and not attr.startswith("__"):
                    found[attr].append(function)
    return {name: tuple(functions) for name, functions in found.items()}


def _returns_ruling(function: Callable[..., Any]) -> bool:
    try:
        hint = typing.get_type_hints(function).get("return")
    except Exception:  # pragma: no cover - every annotation in the package resolves
        return False
    origin = typing.get_origin(hint) or hint
    return isinstance(origin, type) and issubclass(origin, Ruling)


def _resolve(node: ast.expr, namespace: Mapping[str, Any]) -> list[Callable[..., Any]]:
    """The package functions a call's ``func`` may be."""
    if isinstance(node, ast.Name):
        value = namespace.get(node.id)
        value = inspect.unwrap(value) if callable(value) else value
        return [value] if isinstance(value, types.FunctionType) and _ours(value) else []
    if isinstance(node, ast.Attribute):
        return list(_methods().get(node.attr, ()))
    return []


def _calls_in(node: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Call)]


Edges = tuple[frozenset[str], tuple[Callable[..., Any], ...]]


@cache
def _edges(function: Callable[..., Any]) -> Edges:
    """The codes ``function`` names, and the functions whose reasons flow into what it returns."""
    namespace = function.__globals__
    code = function.__code__
    named: set[str] = set()
    callees: list[Callable[..., Any]] = []
    if function.__name__ == "<lambda>":  # a decision's run: its whole body is the ruling returned
        for global_name in code.co_names:
            value = namespace.get(global_name)
            named |= _templates_in(value)
            if callable(value) and isinstance(inspect.unwrap(value), types.FunctionType) and _ours(value):
                callees.append(inspect.unwrap(value))
            elif global_name not in namespace:
                callees += _methods().get(global_name, ())
        return frozenset(named), tuple(callees)
    body = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    for node in ast.walk(body):
        if isinstance(node, ast.Name):
            named |= _templates_in(namespace.get(node.id))
    parents = {child: parent for parent in ast.walk(body) for child in ast.iter_child_nodes(parent)}
    assigned: dict[str, list[ast.Call]] = defaultdict(list)
    for node in ast.walk(body):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        assigned[name.id] += _calls_in(node.value)
    for node in ast.walk(body):
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            for name in ast.walk(node.iter):
                if isinstance(name, ast.Name):
                    assigned[node.target.id] += assigned.get(name.id, [])
    # A call that returns a ruling passes its reasons on only when they are read, or the ruling is returned.
    flowing: set[int] = set()
    for node in ast.walk(body):
        if isinstance(node, ast.Attribute) and node.attr == "reasons":
            if isinstance(node.value, ast.Name):
                flowing |= {id(c) for c in assigned.get(node.value.id, [])}
            flowing |= {id(c) for c in _calls_in(node.value)}
        if isinstance(node, ast.Return) and node.value is not None:
            if isinstance(node.value, ast.Name):
                flowing |= {id(c) for c in assigned.get(node.value.id, [])}
            for call in _calls_in(node.value):
                parent = parents.get(call)
                while isinstance(parent, ast.IfExp | ast.BoolOp):
                    parent = parents.get(parent)
                if parent is node:  # returned as it is, not an argument of the ruling built around it
                    flowing.add(id(call))
    for call in _calls_in(body):
        for callee in _resolve(call.func, namespace):
            if callee is not function and (not _returns_ruling(callee) or id(call) in flowing):
                callees.append(callee)
    return frozenset(named), tuple(callees)


def _gives(function: Callable[..., Any]) -> frozenset[str]:
    """The codes whose reasons can reach what ``function`` returns (or the lists it is handed)."""
    found: set[str] = set()
    seen: set[Callable[..., Any]] = set()
    stack = [inspect.unwrap(function)]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        named, callees = _edges(current)
        found |= named
        stack += callees
    return frozenset(found)


@cache
def decisions_giving() -> Mapping[str, tuple[str, ...]]:
    """Reason code → the decisions (:data:`~gongshang_rules.oracle.decisions.DECISIONS` names) that can give it, in table
    order; a code no decision gives (a reason of the Python API only) maps to ``()``."""
    from .decisions import DECISIONS

    _load_all()  # every template registered, whatever the lazy decision table has loaded so far
    by_code: dict[str, list[str]] = {code: [] for code in REASONS}
    for name, decision in DECISIONS.items():
        for code in sorted(_gives(decision.run)):
            by_code[code].append(name)
    return {code: tuple(by_code[code]) for code in sorted(by_code)}


def catalogue() -> list[dict[str, Any]]:
    """Every reason code as an object: ``code``, ``role``, ``articles``, ``interpretation``, ``decisions``,
    ``when``; sorted by code (the form of ``gongshang-rules reasons --json``)."""
    giving = decisions_giving()
    return [
        {
            "code": code,
            "role": REASONS[code].role.name,
            "articles": [str(c) for c in REASONS[code].articles],
            "interpretation": REASONS[code].interpretation,
            "decisions": list(giving[code]),
            "when": REASONS[code].when,
        }
        for code in sorted(REASONS)
    ]


def catalogue_text() -> str:
    """The catalogue for a person: decisive codes, then notes, each with its articles, decisions and when."""
    entries = catalogue()
    lines = [
        f"{len(entries)} reason codes: "
        f"{sum(e['role'] == Role.DECISIVE.name for e in entries)} decisive (compared), "
        f"{sum(e['role'] == Role.NOTE.name for e in entries)} notes (compared only with --strict).",
    ]
    for role in Role:
        lines += ["", f"{role.name}: {role.en.partition(': ')[2]}"]
        for e in entries:
            if e["role"] != role.name:
                continue
            flag = " [interpretation]" if e["interpretation"] else ""
            lines.append(f"  {e['code']} ({', '.join(e['articles']) or '—'}){flag}")
            lines.append(f"      decisions: {', '.join(e['decisions']) or '— (Python API only)'}")
            lines.append(f"      when: {e['when']}")
    return "\n".join(lines)
