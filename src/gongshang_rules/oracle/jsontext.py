"""JSON text in and out: a strict parser (:func:`loads`) and a deterministic writer (:func:`dumps`).

* :func:`loads` reads a JSON number with a fraction or an exponent as a :class:`JsonFloat` (its text), so that a
  float is seen as what it is wherever it stands (money is never a float); ``NaN``, a repeated key, text that is not
  UTF-8 and lists or objects nested more than :data:`MAX_DEPTH` deep are errors, each a
  :class:`~gongshang_rules.CaseError` at ``$`` saying where in the text the problem is.
* :func:`dumps` sorts keys, keeps Chinese as is (UTF-8) and uses fixed separators, so the same value gives
  byte-identical JSON on every run and machine.

What the parsed values mean (money, dates, places, enums) is the converter's: :mod:`gongshang_rules.oracle.jsonio`.

>>> dumps(loads('{"b": [1, "长沙"], "a": 2}'))
'{"a":2,"b":[1,"长沙"]}'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .problems import BadValue, CaseError, Problem

__all__ = ["dumps", "loads"]

#: How deep JSON input may nest lists and objects. The deepest corpus case nests 9; 64 leaves room for any real
#: case and keeps every recursive walk over the data (structuring, comparing, echoing) far from Python's limit.
MAX_DEPTH = 64


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
    raise BadValue(f"{name} is not a JSON value")


def loads(text: str | bytes) -> Any:
    """Parse JSON text strictly: floats become :class:`JsonFloat`, ``NaN`` and repeated keys are errors.

    Every error is a :class:`~gongshang_rules.CaseError` at ``$`` saying where in the text the problem is.

    >>> loads('{"a": 1.50, "b": [1, "x"]}')
    {'a': JsonFloat('1.50'), 'b': [1, 'x']}
    >>> loads('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.problems.CaseError: 1 problem in the input:
      $: the key 'a' appears twice in one JSON object
    """
    try:
        data = json.loads(text, parse_float=JsonFloat, parse_constant=_constant, object_pairs_hook=_pairs)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CaseError([Problem("$", f"not valid JSON: {error.msg} ({where})")]) from None
    except _DuplicateKeyError as error:
        raise CaseError([Problem("$", f"the key {error.key!r} appears twice in one JSON object")]) from None
    except BadValue as error:
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
    """A :class:`~gongshang_rules.CaseError` at the first list or object nested deeper than ``limit``.

    The walk uses no recursion, so any depth is checked without reaching Python's limit.

    >>> check_depth([[[1]]], limit=2)
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.problems.CaseError: 1 problem in the input:
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


def plain(value: Any) -> Any:
    """Parsed JSON with every :class:`JsonFloat` turned back into a float (for echoing free-form JSON).

    Data nested deeper than :data:`MAX_DEPTH` is a :class:`~gongshang_rules.CaseError` (``loads`` never gives such
    data).
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


try:  # the optional speed-up of the result writer (the `fast` extra); the standard library when it is absent
    import orjson as _orjson
except ImportError:  # pragma: no cover - the test extra installs it; tests patch it away for the other path
    _orjson = None  # type: ignore[assignment]


def dumps_result(value: Any) -> str:
    """:func:`dumps` of a result object, the same bytes, faster with orjson when it is installed.

    A result holds only objects with text keys, lists, text, ints, booleans and ``None`` (money, dates and figures
    are written as text), and orjson writes those exactly as :func:`dumps` does: keys sorted by code point, UTF-8
    kept, the same escapes. Anything else orjson refuses (a lone surrogate, an int past 64 bits, a value of another
    type) is written, or refused, by :func:`dumps` itself.
    """
    if _orjson is None:
        return dumps(value)
    try:
        data: bytes = _orjson.dumps(
            value,
            option=_orjson.OPT_SORT_KEYS
            | _orjson.OPT_PASSTHROUGH_DATACLASS
            | _orjson.OPT_PASSTHROUGH_DATETIME,
        )
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return dumps(value)
    return data.decode("utf-8")


def json_type(value: object) -> str:
    """What a parsed JSON value is, for messages: ``an object``, ``a string``, ``a number (1.5)``..."""
    if isinstance(value, JsonFloat):
        return f"a number ({value.text})"
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
