"""Writes into each decision's docstring what ``help()`` should tell: its outcomes, the reason codes it can give,
the errors it raises and the articles it rests on.

The block is plain docstring text (nothing is computed when the library is imported): ``make docs`` rewrites it
from the code, and a test fails when a docstring is stale. A decision is a public function of the facade that
returns a :class:`~gongshang_rules.Ruling`. Its reason codes are those of the templates its body names, and those of
the library functions and methods it calls, transitively (``_docgen.rules_citing`` gives the direct ones).

``python -m gongshang_rules.oracle._helpgen [--check]`` rewrites the docstrings (or only reports the stale ones).
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
import typing
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..kernel.articles import AnnexRef, ArticleRef, Citation
from ..kernel.ruling import REASONS, Ruling
from ._docgen import _PACKAGE, _modules, imported_from, rules_citing

MARKER = "What ``help()`` tells (written by ``make docs`` from the code):"
_WIDTH = 110
#: Attribute names that are methods of built-in values (``dict.get``): never taken for a library method.
_BUILTIN_METHODS = frozenset().union(
    *(dir(t) for t in (dict, list, str, set, frozenset, tuple, bytes, object))
)


def decisions() -> dict[str, Callable[..., Any]]:
    """Public name → function, for each facade function that returns a ruling."""
    import gongshang_rules

    found: dict[str, Callable[..., Any]] = {}
    for name in gongshang_rules.__all__:
        value = getattr(gongshang_rules, name)
        if not inspect.isfunction(value) or value.__module__.rsplit(".", 1)[-1] in ("analysis", "plots"):
            continue
        returned = typing.get_type_hints(value).get("return")
        if isinstance(returned, type) and issubclass(returned, Ruling):
            found[name] = value
    return found


def _outcomes(ruling: type) -> list[str]:
    for klass in ruling.__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            if typing.get_origin(base) is Ruling:
                return [member.name for member in typing.get_args(base)[0]]
    return []  # pragma: no cover - every ruling type names its outcome enum


class _Graph:
    """Who calls whom among the package's functions and methods, and which errors each raises, from the source."""

    def __init__(self) -> None:
        self.calls: dict[str, set[str]] = defaultdict(set)
        self.raises: dict[str, set[str]] = defaultdict(set)
        methods: dict[str, set[str]] = defaultdict(set)
        trees: dict[str, ast.Module] = {}
        for name in _modules():
            module = sys.modules[f"{_PACKAGE}.{name}"]
            trees[name] = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
            for node in trees[name].body:
                if isinstance(node, ast.ClassDef):
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef) and not item.name.startswith("__"):
                            methods[item.name].add(f"{name}.{item.name}")
        errors = {
            n for n, v in vars(sys.modules[f"{_PACKAGE}.kernel.errors"]).items() if isinstance(v, type)
        } | {"UnknownInstitutionError"}
        for name, tree in trees.items():
            own = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
            imported = imported_from(tree, name)
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef):
                    continue
                key = f"{name}.{function.name}"
                for inner in ast.walk(function):
                    if isinstance(inner, ast.Name):
                        if inner.id in own and inner.id != function.name:
                            self.calls[key].add(f"{name}.{inner.id}")
                        elif imported.get(inner.id):
                            self.calls[key].add(f"{imported[inner.id]}.{inner.id}")
                    elif (
                        isinstance(inner, ast.Attribute)
                        and inner.attr not in _BUILTIN_METHODS
                        and len(methods.get(inner.attr, ())) == 1
                    ):
                        self.calls[key] |= methods[inner.attr]  # a method name only one class defines
                    elif isinstance(inner, ast.Raise) and inner.exc is not None:
                        raised = inner.exc.func if isinstance(inner.exc, ast.Call) else inner.exc
                        if isinstance(raised, ast.Name) and raised.id in errors:
                            self.raises[key].add(raised.id)

    def reach(self, start: str) -> set[str]:
        """Every function ``start`` may run, itself included."""
        seen = {start}
        todo = [start]
        while todo:
            for callee in self.calls.get(todo.pop(), ()):
                if callee not in seen:
                    seen.add(callee)
                    todo.append(callee)
        return seen


def _sorted_citations(citations: set[Citation]) -> list[Citation]:
    articles = sorted({ArticleRef(c.article) for c in citations if isinstance(c, ArticleRef)})
    annexes = sorted({AnnexRef(c.annex) for c in citations if isinstance(c, AnnexRef)})
    return [*articles, *annexes]


def blocks() -> dict[str, str]:
    """Decision name → the text of its block (without indentation)."""
    graph = _Graph()
    direct: dict[str, set[str]] = defaultdict(set)
    for code, users in rules_citing().items():
        for user in users:
            direct[user].add(code)
    out: dict[str, str] = {}
    for name, function in decisions().items():
        key = f"{function.__module__.removeprefix(_PACKAGE + '.')}.{function.__name__}"
        reached = graph.reach(key)
        codes = sorted({code for f in reached for code in direct.get(f, ())})
        raised = {error for f in reached for error in graph.raises.get(f, ())} - {"InvalidInputError"}
        returned = typing.get_type_hints(function)["return"]
        cited = _sorted_citations({c for code in codes for c in REASONS[code].articles})
        parts = [
            ("outcomes", ", ".join(f"``{o}``" for o in _outcomes(returned))),
            ("reason codes", ", ".join(f"``{c}``" for c in codes) + " (docs/reasons.md)"),
            (
                "raises",
                ", ".join(
                    ["``InvalidInputError`` for a bad argument (naming it)"]
                    + [f"``{e}``" for e in sorted(raised)]
                )
                + "; every one a ``GongshangError`` (a ``ValueError``)",
            ),
            ("articles", ", ".join(str(c) for c in cited) or "none of this procedure"),
        ]
        lines = [MARKER, ""]
        for label, text in parts:
            lines.extend(textwrap.wrap(f"* {label}: {text}", width=_WIDTH - 4, subsequent_indent="  "))
        out[name] = "\n".join(lines)
    return out


def _rewrite(source: str, function: ast.FunctionDef, block: str) -> str:
    """``source`` with ``function``'s docstring ending in ``block`` (replacing an older block)."""
    doc = function.body[0]
    assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
    lines = source.splitlines(keepends=True)
    first, last = doc.lineno - 1, (doc.end_lineno or doc.lineno) - 1
    indent = " " * doc.col_offset
    text = "".join(lines[first : last + 1])
    opening, closing = text.index('"""'), text.rindex('"""')
    body = text[opening + 3 : closing]
    if MARKER in body:
        body = body[: body.index(MARKER)]
    body = (
        body.rstrip()
        + "\n\n"
        + textwrap.indent(block, indent, lambda line: bool(line.strip()))
        + "\n"
        + indent
    )
    new = text[: opening + 3] + body + text[closing:]
    return "".join(lines[:first]) + new + "".join(lines[last + 1 :])


def stale_or_write(*, write: bool) -> list[str]:
    """The decisions whose docstring is not current; with ``write``, rewrite them."""
    stale: list[str] = []
    texts = blocks()
    by_file: dict[Path, list[tuple[str, str]]] = defaultdict(list)
    for name, function in decisions().items():
        if MARKER + "\n\n" + texts[name].split("\n\n", 1)[1] not in inspect.cleandoc(function.__doc__ or ""):
            stale.append(name)
            original = inspect.unwrap(function)
            by_file[Path(inspect.getfile(original))].append((original.__name__, texts[name]))
    if write:
        for path, changes in by_file.items():
            source = path.read_text(encoding="utf-8")
            for function_name, block in changes:
                tree = ast.parse(source)
                node = next(
                    n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function_name
                )
                source = _rewrite(source, node, block)
            path.write_text(source, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    """Rewrite the stale docstrings (``--check``: only list them, exit 1 if any)."""
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    stale = stale_or_write(write=not check)
    for name in stale:
        print(f"{'stale' if check else 'rewrote'}: {name}")
    return 1 if check and stale else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
