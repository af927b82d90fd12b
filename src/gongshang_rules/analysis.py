"""For the analyst: the bundled cases, JSONL case files, and rulings as pandas DataFrames.

:func:`load_corpus` and :func:`read_cases` need nothing beyond the library. :func:`to_frame`, :func:`decide_frame`,
:func:`iter_frames`, :func:`transitions` and :func:`transition_table` need pandas (``pip install 'gongshang-rules[analysis]'``); pandas is
imported when one of them is called, never by ``import gongshang_rules``.

One row per ruling, with these columns, then one column per figure (see :func:`to_frame`):

========================  =====================================================================================
``case``                  the case's name (``None`` for a bare ruling)
``decision``              the decision (a name in :data:`~gongshang_rules.DECISIONS`)
``outcome``               the outcome's stable code (``None`` for a case the library rejected)
``decisive``              the codes of the reasons that decide the outcome, as a tuple
``notes``                 the codes of the reasons that only inform, as a tuple
``interpretation``        whether any reason rests on a reading (docs/interpretations.md)
``error``                 the problems of a rejected case (``"$.facts.x: ..."``, one per line), else ``None``
========================  =====================================================================================

Money figures are :class:`~decimal.Decimal` in ``object`` columns: exact to the fen, summed exactly by
``frame["bill"].sum()``; convert with ``frame["bill"].astype(float)`` only for plotting. Dates are
:class:`datetime.date` objects (``pd.to_datetime(frame["valid_through"])`` for a datetime column).

>>> corpus = load_corpus()
>>> len(corpus) > 300, corpus[0].decision in DECISIONS
(True, True)
"""

from __future__ import annotations

import datetime as _dt
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._optional import require
from .kernel.errors import InvalidInputError
from .kernel.parameters import ParametersLike
from .kernel.ruling import Reason, Ruling, _role_name
from .oracle import jsonio
from .oracle.cases import Case, case_from_json, decide_case, result_of
from .oracle.decisions import DECISIONS
from .oracle.problems import CaseError, Problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "decide_frame",
    "iter_frames",
    "load_corpus",
    "read_cases",
    "to_frame",
    "transition_table",
    "transitions",
    "what_if_frame",
]

#: The columns every frame starts with; figures follow.
BASE_COLUMNS = ("case", "decision", "outcome", "decisive", "notes", "interpretation", "error")

_MONEY = re.compile(r"^-?[0-9]+\.[0-9]{2}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# --- cases ----------------------------------------------------------------------------------------------------------


def load_corpus() -> tuple[Case, ...]:
    """The bundled conformance corpus as :class:`~gongshang_rules.Case` values, each with its ``expected``.

    The corpus also holds cases whose facts are invalid on purpose (their expected result is an error at
    ``$.facts...``); those cannot be :class:`~gongshang_rules.Case` values and are left out here
    (``gongshang-rules corpus`` prints every case as JSON).
    """
    folder = importlib.resources.files("gongshang_rules").joinpath("corpus")
    found: list[Case] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            for raw in entry.read_bytes().splitlines():
                try:
                    found.append(case_from_json(jsonio.loads(raw)))
                except CaseError:
                    continue  # a case that must be rejected as it is read
    return tuple(found)


def read_cases(source: str | Path | IO[bytes] | IO[str]) -> Iterator[Case]:
    """The cases of a JSONL file (a path, or an open file), one per non-blank line, read lazily.

    A line that is not a valid case raises :class:`~gongshang_rules.CaseError` whose problems say the line:
    ``line 3: $.facts.filing.filed_on: ...``.
    """
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise InvalidInputError("source", f"no such file: {path}")
        with path.open("rb") as stream:
            yield from _cases(stream, str(path))
    elif hasattr(source, "read"):
        yield from _cases(source, "input")
    else:
        raise InvalidInputError("source", f"must be a path or an open file, got {type(source).__name__}")


def _cases(lines: Iterable[bytes | str], label: str) -> Iterator[Case]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield case_from_json(jsonio.loads(raw))
        except CaseError as error:
            raise CaseError(
                [Problem(f"{label} line {number}: {p.path}", p.message) for p in error.problems]
            ) from None


# --- reasons: the one place that reads a reason's role -----------------------------------------------------------


def reason_role(reason: Reason | Mapping[str, Any]) -> str | None:
    """``"DECISIVE"``, ``"NOTE"``, or ``None`` when the reason does not say (a ruling from before reason roles).

    A :class:`~gongshang_rules.Reason`'s ``role`` attribute is read where the ruling's own display reads it
    (``ruling._role_name``); a result reason's ``"role"`` key is read here, as an enum member or its name. The frame
    counts a reason without a role as decisive.
    """
    if not isinstance(reason, Mapping):
        return _role_name(reason)
    role = reason.get("role")
    return None if role is None else str(getattr(role, "name", role)).upper()


def _split(reasons: Iterable[Reason | Mapping[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    decisive: list[str] = []
    notes: list[str] = []
    reading = False
    for reason in reasons:
        if isinstance(reason, Mapping):
            code, flag = str(reason.get("code")), bool(reason.get("interpretation"))
        else:
            code, flag = reason.code, reason.interpretation
        (notes if reason_role(reason) == "NOTE" else decisive).append(code)
        reading = reading or flag
    return tuple(decisive), tuple(notes), reading


# --- rows -----------------------------------------------------------------------------------------------------------


def _decision_of(ruling: Ruling[Any]) -> str | None:
    names = [d.name for d in DECISIONS.values() if d.ruling is type(ruling)]
    return names[0] if len(names) == 1 else None


def _typed(value: Any) -> Any:
    """A result figure as an analyst wants it: money as Decimal, a date as a date, a list as a tuple."""
    if isinstance(value, str):
        if _MONEY.match(value):
            return Decimal(value)
        if _DATE.match(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value
    if isinstance(value, list):
        return tuple(_typed(v) for v in value)
    return value


def _flatten(figures: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in figures.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{key}."))
        else:
            out[key] = _typed(value)
    return out


def _row(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return _result_row(item)
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], Case)
        and isinstance(item[1], Ruling)
    ):
        return _result_row(result_of(item[0], item[1]))
    if isinstance(item, Ruling):
        decision = _decision_of(item)
        figures = DECISIONS[decision].figures(item) if decision is not None else jsonio.figures_of(item)
        decisive, notes, reading = _split(item.reasons)
        row: dict[str, Any] = {
            "case": None,
            "decision": decision,
            "outcome": item.outcome.name,
            "decisive": decisive,
            "notes": notes,
            "interpretation": reading,
            "error": None,
        }
        return _with_figures(row, figures)
    raise InvalidInputError(
        "rulings",
        f"each item must be a Ruling, a (Case, Ruling) pair or a result object, got {type(item).__name__}",
    )


def _result_row(result: Mapping[str, Any]) -> dict[str, Any]:
    error = result.get("error")
    reasons = result.get("reasons") or []
    decisive, notes, reading = _split(r for r in reasons if isinstance(r, Mapping))
    row: dict[str, Any] = {
        "case": result.get("case"),
        "decision": result.get("decision"),
        "outcome": result.get("outcome"),
        "decisive": decisive,
        "notes": notes,
        "interpretation": reading,
        "error": None,
    }
    if isinstance(error, Mapping):
        row["error"] = "\n".join(f"{p.get('path')}: {p.get('message')}" for p in error.get("problems", []))
    figures = result.get("figures")
    return _with_figures(row, figures if isinstance(figures, Mapping) else {})


def _with_figures(row: dict[str, Any], figures: Mapping[str, Any]) -> dict[str, Any]:
    for name, value in _flatten(figures).items():
        row[f"figure.{name}" if name in BASE_COLUMNS else name] = value
    return row


def to_frame(rulings: Iterable[Any]) -> pd.DataFrame:
    """A DataFrame with one row per ruling: the columns of the module docstring, then every figure.

    Each item is a :class:`~gongshang_rules.Ruling`, a ``(Case, Ruling)`` pair, or a result object (from
    :func:`~gongshang_rules.decide_case`, or a line of ``gongshang-rules batch`` output, another implementation's
    included). A figure is a column under its own name (a nested figure as ``meal_allowance.payer``; a figure
    named like a base column as ``figure.NAME``); a row without that figure has ``None``. Money figures are
    ``Decimal`` (``object`` columns), dates ``datetime.date``, lists tuples, enums their code.

    >>> import gongshang_rules as gr
    >>> frame = gr.to_frame([gr.classify_scope(gr.place("长沙市"), gr.place("岳阳市"))])
    >>> frame[["decision", "outcome", "decisive"]].to_dict("records")
    [{'decision': 'scope', 'outcome': 'INTRA_PROVINCE', 'decisive': ('SCOPE_INTRA_PROVINCE',)}]
    """
    require("pandas", "analysis")
    import pandas as pd

    rows = [_row(item) for item in rulings]
    columns = list(BASE_COLUMNS)
    seen = set(columns)
    for row in rows:
        for name in row:
            if name not in seen:
                seen.add(name)
                columns.append(name)
    return _tidy(pd.DataFrame.from_records(rows, columns=columns))


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """A nested figure null on every row is only its parts' columns (``agency.level``, not ``agency`` too); a
    column with a missing value is an ``object`` column holding ``None`` (not NaN: money stays Decimal)."""
    names = list(frame.columns)
    parents = [c for c in names if any(o.startswith(f"{c}.") for o in names) and frame[c].isna().all()]
    frame = frame.drop(columns=parents)
    for name in frame.columns:
        column = frame[name]
        if len(column) == 0 or column.isna().any():
            frame[name] = column.astype(object).where(column.notna(), None)
    return frame


def _as_case(item: Any) -> Case | dict[str, Any]:
    if isinstance(item, Case):
        return item
    if isinstance(item, Mapping):
        return dict(item)
    raise InvalidInputError("cases", f"each item must be a Case or a case object, got {type(item).__name__}")


def _decide_any(item: Case | dict[str, Any], parameters: ParametersLike | None = None) -> dict[str, Any]:
    from .oracle.cases import decide_data

    if isinstance(item, Case):
        return decide_case(item, parameters=parameters)
    return decide_data(item, parameters=parameters)[1]


def iter_frames(
    cases: Iterable[Any], *, chunk_size: int = 1000, parameters: ParametersLike | None = None
) -> Iterator[pd.DataFrame]:
    """Decide ``cases`` (``Case`` values or case objects) ``chunk_size`` at a time, yielding one frame per chunk.

    Memory stays bounded by the chunk: read a large JSONL file with :func:`read_cases` (or line by line) and
    write each frame out before the next is made. A case the library rejects is a row with ``error`` set.
    ``parameters`` (a schedule or a table) replaces each case's own, for a what-if (:func:`what_if_frame`).
    """
    require("pandas", "analysis")
    from .kernel.parameters import check_parameters

    if parameters is not None:
        check_parameters(parameters)
    if type(chunk_size) is not int or chunk_size < 1:
        raise InvalidInputError("chunk_size", f"must be a whole number of at least 1, got {chunk_size!r}")
    chunk: list[dict[str, Any]] = []
    for item in cases:
        chunk.append(_decide_any(_as_case(item), parameters))
        if len(chunk) == chunk_size:
            yield to_frame(chunk)
            chunk = []
    if chunk:
        yield to_frame(chunk)


def decide_frame(
    cases: Iterable[Any], *, chunk_size: int = 1000, parameters: ParametersLike | None = None
) -> pd.DataFrame:
    """Decide every case and return one frame (:func:`iter_frames` joined); an empty frame for no cases.

    >>> frame = decide_frame(load_corpus()[:3])
    >>> list(frame.columns[:4]), len(frame)
    (['case', 'decision', 'outcome', 'decisive'], 3)
    """
    require("pandas", "analysis")
    import pandas as pd

    frames = list(iter_frames(cases, chunk_size=chunk_size, parameters=parameters))
    if not frames:
        return to_frame([])
    if len(frames) == 1:
        return frames[0]
    return _tidy(pd.concat(frames, ignore_index=True))


_SIDES = ("before", "after")


def transitions(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Case by case, what changed between two frames of the same cases (a what-if: other parameters, other law).

    One row per case present in both (matched on ``case``): ``outcome_before``, ``outcome_after``, ``changed``,
    ``codes_gained`` and ``codes_lost`` (sorted tuples), and for every money figure both frames have, its change
    ``delta.NAME`` (a Decimal; ``None`` where either side has none). :func:`transition_table` counts them.
    """
    require("pandas", "analysis")
    import pandas as pd

    for name, frame in (("before", before), ("after", after)):
        if not isinstance(frame, pd.DataFrame) or "case" not in frame.columns:
            raise InvalidInputError(name, "must be a frame from to_frame or decide_frame")
        if frame["case"].isna().any() or frame["case"].duplicated().any():
            raise InvalidInputError(name, "needs a unique, non-empty case name on every row")
    merged = before.merge(after, on="case", suffixes=("_before", "_after"))
    money = [
        c
        for c in before.columns
        if c in after.columns
        and c not in BASE_COLUMNS
        and any(isinstance(v, Decimal) for v in (*before[c], *after[c]))
    ]
    rows = []
    for record in merged.to_dict("records"):
        old = set(record["decisive_before"] or ()) | set(record["notes_before"] or ())
        new = set(record["decisive_after"] or ()) | set(record["notes_after"] or ())
        outcomes = [
            None if pd.isna(record[f"outcome_{side}"]) else record[f"outcome_{side}"] for side in _SIDES
        ]
        row: dict[str, Any] = {
            "case": record["case"],
            "outcome_before": outcomes[0],
            "outcome_after": outcomes[1],
            "changed": outcomes[0] != outcomes[1] or old != new,
            "codes_gained": tuple(sorted(new - old)),
            "codes_lost": tuple(sorted(old - new)),
        }
        for name in money:
            a, b = record[f"{name}_before"], record[f"{name}_after"]
            row[f"delta.{name}"] = b - a if isinstance(a, Decimal) and isinstance(b, Decimal) else None
        rows.append(row)
    columns = ["case", "outcome_before", "outcome_after", "changed", "codes_gained", "codes_lost"]
    columns += [f"delta.{n}" for n in money]
    return _tidy(pd.DataFrame.from_records(rows, columns=columns))


#: How a rejected case (no outcome) is labelled in :func:`transition_table`.
REJECTED = "REJECTED"


def transition_table(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """How many cases went from each outcome (rows, before) to each outcome (columns, after), with totals.

    A case the library rejected on one side counts under ``REJECTED``. Paste it into a report with
    ``table.to_markdown()`` or ``table.to_html()``.
    """
    require("pandas", "analysis")
    import pandas as pd

    moves = transitions(before, after)
    return pd.crosstab(
        moves["outcome_before"].map(lambda o: REJECTED if pd.isna(o) else o).rename("before"),
        moves["outcome_after"].map(lambda o: REJECTED if pd.isna(o) else o).rename("after"),
        margins=True,
        margins_name="total",
    )


def what_if_frame(cases: Iterable[Any], *, parameters: ParametersLike) -> pd.DataFrame:
    """The what-if of issue 10 as a frame: every case decided under its own law and under ``parameters``, then
    :func:`transitions` of the two (one row per case: outcomes, codes gained and lost, money moved).

    :func:`~gongshang_rules.what_if` gives the same comparison as a typed value; :func:`transition_table` counts
    the outcome transitions for a report.
    """
    require("pandas", "analysis")
    chosen = tuple(_as_case(item) for item in cases)
    return transitions(decide_frame(chosen), decide_frame(chosen, parameters=parameters))
