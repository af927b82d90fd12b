"""Reading the registry of direct-settlement institutions (协议机构库, article 14 ¶1): JSON, CSV, the bundled example.

The registry is data the caller supplies. Both forms are read through the one converter
(:mod:`gongshang_rules.oracle.jsonio`), so an institution is checked once, by its own validators
(:mod:`gongshang_rules.rules.institutions`: codes, services, the history of article 14 ¶2), whatever the form:

* **JSON** (:func:`registry_from_json`): the converter's form of :class:`~gongshang_rules.InstitutionRegistry`, an
  object ``{"about": "...", "institutions": [...]}`` (``about`` optional), or a bare list of institutions. Every
  problem is named by its JSON path (``$.institutions[0].history[1].on``, or ``$[0]...`` for a bare list).
* **CSV** (:func:`registry_from_csv`): for spreadsheets, one row per institution and one row per status change,
  read with the standard library's :mod:`csv`; its rows become the JSON form, so every problem is named by its line
  and column (``line 4.on``).

Every reading error is one :class:`~gongshang_rules.CaseError` listing each problem with where it is.

>>> registry = registry_from_json(
...     '[{"code": "EX-0100", "name": "示例医院（虚构）", "place": "430100", "services": ["MEDICAL"],'
...     ' "history": [{"on": "2025-08-01", "status": "ADDED"}]}]'
... )
>>> registry.get("EX-0100").treatment.name
'长沙市'
>>> registry_from_json('[{"code": "EX-0100", "name": "示例", "place": "430100", "services": [], "history": []}]')
Traceback (most recent call last):
...
gongshang_rules.oracle.problems.CaseError: 2 problems in the input:
  $[0].services: must name at least one service (MEDICAL, REHABILITATION, ...)
  $[0].history: must hold at least one change, the first of them ADDED
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..kernel import _data
from ..kernel._validate import type_name
from ..kernel.errors import InvalidInputError
from ..rules.institutions import InstitutionRegistry
from .jsonio import structure
from .jsontext import json_type, loads
from .problems import CaseError, Problem

__all__ = ["example_registry", "registry_from_csv", "registry_from_json"]

#: The bundled example registry, under ``gongshang_rules/data``.
EXAMPLE_REGISTRY_FILE = "institutions-example.json"

#: The columns of the CSV format read by :func:`registry_from_csv` (``note`` is optional).
CSV_COLUMNS = ("record", "code", "name", "place", "services", "on", "status", "note")
_CSV_REQUIRED = frozenset(CSV_COLUMNS) - {"note"}


def registry_from_json(text: str) -> InstitutionRegistry:
    """A registry (article 14 ¶1) from JSON text: ``{"about": ..., "institutions": [...]}``, or a bare list.

    An institution object has ``code``, ``name``, ``place`` (a code or name that :func:`~gongshang_rules.place`
    reads), ``services`` (a list of :class:`~gongshang_rules.kernel.terms.ServiceKind` names), ``history`` (a list of
    ``{"on": "YYYY-MM-DD", "status": "ADDED"}`` objects, oldest first) and optionally ``note``; a change object may
    have a ``note`` too. Unknown or repeated keys are errors. The text is read as every case is
    (:func:`~gongshang_rules.loads`, :func:`~gongshang_rules.structure`): one :class:`~gongshang_rules.CaseError`
    names every problem by its JSON path.

    >>> registry_from_json('{"about": "示例", "institutions": []}').about
    '示例'
    >>> registry_from_json('[{"code": "EX-0100"}]')
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.problems.CaseError: 4 problems in the input:
      $[0].name: required, and missing
      $[0].place: required, and missing
      $[0].services: required, and missing
      $[0].history: required, and missing
    """
    if not isinstance(text, str):
        raise InvalidInputError("text", f"must be JSON text (str), got {type_name(text)}")
    data = loads(text)
    if type(data) is dict:
        return _structured(data, lambda path: path)
    if type(data) is list:  # the bare list: paths start at ``$``, not ``$.institutions``
        return _structured({"institutions": data}, lambda path: "$" + path.removeprefix("$.institutions"))
    raise CaseError(
        [
            Problem(
                "$",
                f"must be a list of institutions or an object with 'institutions', got {json_type(data)}",
            )
        ]
    )


def registry_from_csv(text: str) -> InstitutionRegistry:
    """A registry (article 14 ¶1) from CSV text: one row per institution, and one row per status change.

    The header names the columns :data:`CSV_COLUMNS` in any order (``note`` may be left out; no other column is
    allowed). ``record`` is ``institution`` or ``status``:

    * an *institution* row gives ``code``, ``name``, ``place`` (a code or name that :func:`~gongshang_rules.place`
      reads: a Hunan city or county, or another province) and ``services``
      (:class:`~gongshang_rules.kernel.terms.ServiceKind` names separated by ``;``), and leaves ``on`` and ``status``
      empty;
    * a *status* row gives the ``code`` of an institution, ``on`` (``YYYY-MM-DD``) and ``status`` (an
      :class:`~gongshang_rules.InstitutionStatus` name), and leaves ``name``, ``place`` and ``services`` empty. An
      institution's status rows, in file order, are its history.

    ``note`` is free text on either kind of row; an empty cell is no note. A leading byte-order mark is skipped;
    nothing else is trimmed or guessed. The rows are read as the JSON form would be: one
    :class:`~gongshang_rules.CaseError` names every problem by its line and column (``line 4.on``).

    >>> registry = registry_from_csv(
    ...     "record,code,name,place,services,on,status\\n"
    ...     "institution,EX-0100,示例医院（虚构）,430100,MEDICAL;REHABILITATION,,\\n"
    ...     "status,EX-0100,,,,2025-08-01,ADDED\\n"
    ...     "status,EX-0100,,,,2025-10-01,SUSPENDED\\n"
    ... )
    >>> [c.status.name for c in registry.get("EX-0100").history]
    ['ADDED', 'SUSPENDED']
    >>> registry_from_csv(
    ...     "record,code,name,place,services,on,status\\n"
    ...     "institution,X,示例,430100,MEDICAL,,\\n"
    ...     "status,X,,,,2025-13-01,ADDED\\n"
    ... )
    Traceback (most recent call last):
    ...
    gongshang_rules.oracle.problems.CaseError: 1 problem in the input:
      line 3.on: '2025-13-01' is not a calendar date
    """
    if not isinstance(text, str):
        raise InvalidInputError("text", f"must be CSV text (str), got {type_name(text)}")
    return _read_csv(text.removeprefix("\ufeff"))


@functools.cache
def example_registry() -> InstitutionRegistry:
    """The bundled EXAMPLE registry (article 14 ¶1), ``data/institutions-example.json``. Not real data.

    Its codes (``EX-0001`` ...) are invented. ``EX-0001`` is 湖南省职业病防治院 in 长沙市, which the 2025-09-17 report
    says settled Hunan's first cross-province case; its ADDED date (2025-04-01) and services are assumed (see the
    notes). The other institutions are fictitious, to show suspension, resumption, termination and closure. In a
    case's JSON it is ``"registry": "example"``.

    >>> registry = example_registry()
    >>> registry.about.startswith("EXAMPLE")
    True
    >>> registry.get("EX-0001").history[0].note
    'assumed: ...
    """
    text = _data.text("data", EXAMPLE_REGISTRY_FILE)
    return registry_from_json(text)


def _structured(data: dict[str, Any], where: Callable[[str], str]) -> InstitutionRegistry:
    """``data`` structured by the converter; each problem's path rewritten by ``where`` into the input's terms."""
    try:
        registry: InstitutionRegistry = structure(data, InstitutionRegistry)
    except CaseError as error:
        raise CaseError([Problem(where(p.path), p.message) for p in error.problems]) from None
    return registry


# --- CSV: the rows become the JSON form, and the converter's paths become lines and columns ---------------------


def _bad(field: str, message: str) -> CaseError:
    return CaseError([Problem(field, message)])


@attrs.frozen
class _Row:
    line: int
    cells: Mapping[str, str]

    def field(self, column: str) -> str:
        return f"line {self.line}.{column}"

    def empty(self, *columns: str, why: str) -> None:
        for column in columns:
            if self.cells.get(column, ""):
                raise _bad(self.field(column), f"must be empty {why}")


def _csv_rows(text: str) -> list[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[_Row] = []
    try:
        header = next(reader, None)
        if header is None:
            raise _bad("line 1", f"no header: expected the columns {', '.join(CSV_COLUMNS)}")
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:
            raise _bad("line 1", f"column(s) named twice: {', '.join(repeated)}")
        unknown = [c for c in header if c not in CSV_COLUMNS]
        if unknown:
            raise _bad(
                "line 1",
                f"unknown column(s) {', '.join(map(repr, unknown))}; the columns are {', '.join(CSV_COLUMNS)}",
            )
        missing = sorted(_CSV_REQUIRED - set(header))
        if missing:
            raise _bad("line 1", f"lacks the column(s) {', '.join(missing)}")
        for values in reader:
            if not values:
                continue
            if len(values) != len(header):
                raise _bad(f"line {reader.line_num}", f"has {len(values)} fields, the header {len(header)}")
            rows.append(_Row(line=reader.line_num, cells=dict(zip(header, values, strict=True))))
    except csv.Error as error:
        raise _bad(f"line {reader.line_num}", f"not valid CSV: {error}") from None
    return rows


def _with_note(fields: dict[str, Any], row: _Row) -> dict[str, Any]:
    note = row.cells.get("note", "")
    return {**fields, "note": note} if note else fields


#: A converter path inside the registry: which institution, which change of its history, which field.
_PATH = re.compile(r"\$\.institutions\[([0-9]+)\](?:\.history\[([0-9]+)\])?(?:\.(\w+))?")


def _read_csv(text: str) -> InstitutionRegistry:
    institution_rows: dict[str, _Row] = {}
    status_rows: dict[str, list[_Row]] = {}
    for row in _csv_rows(text):
        record, code = row.cells["record"], row.cells["code"]
        if record == "institution":
            row.empty("on", "status", why="on an institution row (dates go on status rows)")
            if code in institution_rows:
                raise _bad(
                    row.field("code"),
                    f"duplicate institution {code!r}, first on line {institution_rows[code].line}",
                )
            institution_rows[code] = row
        elif record == "status":
            row.empty("name", "place", "services", why="on a status row (they go on the institution row)")
            if not code:
                raise _bad(row.field("code"), "must not be blank")
            status_rows.setdefault(code, []).append(row)
        else:
            raise _bad(row.field("record"), f"must be 'institution' or 'status', got {record!r}")
    for code, changes in status_rows.items():
        if code not in institution_rows:
            raise _bad(changes[0].field("code"), f"no institution row has the code {code!r}")
    institutions: list[dict[str, Any]] = []
    lines: list[tuple[_Row, list[_Row]]] = []
    for code, row in institution_rows.items():
        changes = status_rows.get(code, [])
        if not changes:
            raise _bad(
                row.field("code"),
                f"institution {code!r} has no status rows; its history must begin with ADDED",
            )
        services = row.cells["services"]
        fields = {
            "code": code,
            "name": row.cells["name"],
            "place": row.cells["place"],
            "services": [item.strip() for item in services.split(";")] if services else [],
            "history": [_with_note({"on": c.cells["on"], "status": c.cells["status"]}, c) for c in changes],
        }
        institutions.append(_with_note(fields, row))
        lines.append((row, changes))

    def where(path: str) -> str:
        found = _PATH.match(path)
        if found is None:  # pragma: no cover - every problem of a registry is inside an institution
            return path
        row, changes = lines[int(found.group(1))]
        if found.group(2) is not None:
            row = changes[int(found.group(2))]
        return row.field(found.group(3)) if found.group(3) else f"line {row.line}"

    return _structured({"institutions": institutions}, where)
