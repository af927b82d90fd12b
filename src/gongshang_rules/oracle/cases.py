"""The published case format: one JSON object asks for one decision; one JSON object answers it.

A **case** (schema ``schemas/case.schema.json``)::

    {"case": "A sentence that names the case", "decision": "settlement", "today": "2025-09-12",
     "facts": {...}, "articles": ["art. 5", "art. 18"], "expected": {...}}

``decision`` is one of :data:`~gongshang_rules.oracle.decisions.DECISIONS` (``scope``, ``in_force``, ``eligibility``,
``filing_validity``, ``change_allowed``, ``filing_coverage``, ``settlement``, ``manual_claim``, ...); ``facts`` is
that decision's facts type as JSON (see :mod:`gongshang_rules.oracle.jsonio` for money, dates, places, identity
numbers). ``today`` is the day the case is decided on: the library never reads the clock, so a decision about
"today" (is the procedure in force, may the filing be changed, can the institution settle) takes it from here, and
no fact repeats it. ``articles`` (the articles the case exercises) and ``expected`` (outcome, reason codes,
figures) are optional: the conformance corpus has both.

Three optional keys serve the corpus (issue 11), each with a default that keeps every case's meaning: ``id``, a
short stable identifier that results echo and are matched by (``case`` stays the sentence); ``snapshot``, the
library's own full answer when the case was written (the form of an exact ``expected``; compared by the project's
own tests, never by ``conformance`` or ``verify``); and, in ``expected``, ``present`` and ``absent``: the codes that
must and must not be given, where ``reasons`` is the whole set (:class:`Expected`).

A **result** (schema ``schemas/result.schema.json``)::

    {"case": "...", "id": "SET-001", "decision": "settlement", "outcome": "DIRECT",
     "reasons": [{"code": ..., "articles": [...], "citations": [...], "interpretation": false,
                  "message_zh": ..., "message_en": ..., "authorities": [...]}],
     "figures": {...}}

or, when the case cannot be decided, ``{"case": ..., "decision": ..., "error": {"problems": [{"path", "message"}]}}``;
``id`` is there when the case has one. Two results agree when the outcome, the *set* of decisive reason codes and
the figures agree (:func:`~gongshang_rules.oracle.comparison.compare`); a result meets a case's ``expected`` as
:func:`~gongshang_rules.oracle.comparison.against_expected` says.

Adding a decision is one entry in :data:`~gongshang_rules.oracle.decisions.DECISIONS`: its facts type
(:mod:`~gongshang_rules.oracle.facts`) and the function that decides it. The JSON Schemas of both objects are
written by :mod:`~gongshang_rules.oracle.schema`.

>>> result = decide_json('{"case": "Changsha to Yueyang", "decision": "scope", "today": "2025-09-01",'
...                      ' "facts": {"insured": "430100", "treatment": "430600"}}')
>>> result["outcome"], [r["code"] for r in result["reasons"]], result["reasons"][0]["articles"]
('INTRA_PROVINCE', ['SCOPE_INTRA_PROVINCE'], ['art. 2(1)', 'art. 2(2)'])
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..kernel._privacy import mask_loaded_reprs, redact
from ..kernel._validate import is_date, is_text, is_tuple_of
from ..kernel.errors import GongshangError, InvalidInputError
from ..kernel.parameters import DEFAULT_SCHEDULE, ParameterSchedule, ParametersLike
from ..kernel.ruling import Ruling
from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar
from . import facts as _facts
from . import jsonio
from . import rulings as _rulings
from .decisions import DECISIONS, Decision
from .jsonio import CaseError, Problem

__all__ = [
    "Case",
    "Expected",
    "case_from_json",
    "case_to_json",
    "decide_case",
    "decide_json",
]


# --- cases --------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Expected:
    """A case's expected result: ``outcome``, reason ``codes``, ``figures``; or an expected ``error``.

    In JSON: ``{"outcome": "DIRECT", "reasons": ["SETTLEMENT_DIRECT", ...], "figures": {...}}``, or
    ``{"error": ["$.facts.date"]}`` (the paths of the problems) for a case the library must reject: a case that is
    bad input on purpose, told apart from a mistake by this expectation.

    ``reasons`` is the whole set of codes (``complete``: the decisive codes must be exactly these; the notes too
    under ``--strict``). ``present`` instead lists only the codes that must be given, among any others
    (``complete`` false), and ``absent`` the codes that must not be (both optional; a code's role decides whether it
    fails a case unless strict, as for ``reasons``). ``figures`` are the figures that must be there, with their
    values; a result may have more.
    """

    outcome: str | None = None
    codes: frozenset[str] = frozenset()
    figures: Mapping[str, Any] = attrs.field(factory=dict)
    error: tuple[str, ...] | None = None
    #: True when ``codes`` is the whole set (JSON ``reasons``), false when it lists only what must be present.
    complete: bool = True
    absent: frozenset[str] = frozenset()

    def as_result(self, name: str, decision: str) -> dict[str, Any]:
        """This expectation in the shape of a result, for :func:`~gongshang_rules.oracle.comparison.compare`."""
        if self.error is not None:
            return {
                "case": name,
                "decision": decision,
                "error": {"problems": [{"path": p, "message": "expected"} for p in self.error]},
            }
        return {
            "case": name,
            "decision": decision,
            "outcome": self.outcome,
            "reasons": [{"code": c} for c in sorted(self.codes)],
            "figures": dict(self.figures),
        }

    def as_json(self) -> dict[str, Any]:
        """This expectation as JSON, in the form it was read from."""
        if self.error is not None:
            return {"error": list(self.error)}
        data: dict[str, Any] = {"outcome": self.outcome}
        data["reasons" if self.complete else "present"] = sorted(self.codes)
        if self.absent:
            data["absent"] = sorted(self.absent)
        data["figures"] = dict(self.figures)
        return data


@attrs.frozen(kw_only=True)
class Case:
    """One case: its ``name`` (a sentence), the ``decision`` asked for, ``today``, the ``facts`` (the decision's
    facts type), and optionally the ``articles`` it exercises, its ``expected`` result, and the ``parameters``
    (a :class:`~gongshang_rules.kernel.parameters.ParameterSchedule`) it is decided under: ``None`` for today's law,
    :data:`~gongshang_rules.kernel.parameters.DEFAULT_SCHEDULE`. ``id`` is its short stable identifier (results
    echo it), ``snapshot`` the library's full answer when the case was written (an exact :class:`Expected`)."""

    name: str = attrs.field(validator=is_text)
    decision: str = attrs.field(validator=is_text)
    today: _dt.date = attrs.field(validator=is_date)
    facts: Any
    articles: tuple[str, ...] = attrs.field(default=(), validator=is_tuple_of(str))
    expected: Expected | None = None
    parameters: ParameterSchedule | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ParameterSchedule))
    )
    id: str | None = None
    snapshot: Expected | None = None

    def __attrs_post_init__(self) -> None:
        if self.id is not None:
            _check_id(self.id)
        kind = DECISIONS.get(self.decision)
        if kind is None:
            raise InvalidInputError(
                "decision", f"must be one of {', '.join(DECISIONS)}; got {self.decision!r}"
            )
        if not isinstance(self.facts, kind.facts):
            raise InvalidInputError(
                "facts", f"must be {kind.facts.__name__} for {self.decision}, got {type(self.facts).__name__}"
            )
        for index, text in enumerate(self.articles):
            if not _CITATION_TEXT.fullmatch(text):
                raise InvalidInputError(
                    f"articles[{index}]", f"must be like 'art. 13(1)' or 'annex 2 note 5', got {text!r}"
                )


_CITATION_TEXT = re.compile(
    r"art\. ([1-9]|[12][0-9]|3[0-6])(\([1-9]\))?( item [1-9])?|annex [12]( note [1-9])?"
)
_CASE_KEYS = frozenset(
    {"case", "id", "decision", "today", "facts", "articles", "expected", "snapshot", "parameters", "calendar"}
)
_EXPECTED_KEYS = frozenset({"outcome", "reasons", "present", "absent", "figures", "error"})
_SNAPSHOT_KEYS = frozenset({"outcome", "reasons", "figures", "error"})
#: A case's ``id``: a letter or digit, then letters, digits, ``.``, ``_`` or ``-``; at most 64 characters.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_ID = re.compile(ID_PATTERN[1:-1])


def _check_id(value: Any) -> str:
    """``value`` if it is a valid case ``id`` (:data:`ID_PATTERN`, and nothing masking would change)."""
    if type(value) is not str or not _ID.fullmatch(value):
        shown = repr(redact(value)) if type(value) is str else jsonio._json_type(value)
        raise InvalidInputError(
            "id",
            f"must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got {shown}",
        )
    if redact(value) != value:
        raise InvalidInputError("id", "must not hold an identity number (results echo the id unmasked)")
    return value


def _take(problems: list[Problem], path: str, run: Callable[[], Any]) -> Any:
    try:
        return run()
    except CaseError as error:
        problems.extend(error.rooted(path).problems)
    except InvalidInputError as error:
        problems.append(Problem(path, error.problem))
    return None


def _text(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise InvalidInputError("", "must be a non-blank JSON string")
    return value


def _expected(value: Any, keys: frozenset[str] = _EXPECTED_KEYS) -> Expected:
    """An ``expected`` (or, with the keys of a snapshot, a ``snapshot``) from its JSON."""
    if type(value) is not dict:
        raise InvalidInputError("", "must be a JSON object with outcome, reasons and figures (or error)")
    problems: list[Problem] = []
    for key in sorted(set(value) - keys):
        problems.append(Problem(f"$.{key}", f"unknown key; the keys are {', '.join(sorted(keys))}"))
    if "error" in value:
        paths = _take(problems, "$.error", lambda: jsonio.structure(value["error"], tuple[str, ...]))
        for key in sorted(set(value) & (keys - {"error"})):
            problems.append(Problem(f"$.{key}", "must not be given with error"))
        if problems:
            raise CaseError(problems)
        return Expected(error=paths)
    outcome = _take(problems, "$.outcome", lambda: _text(value.get("outcome")))
    complete = "present" not in value
    if not complete and "reasons" in value:
        problems.append(Problem("$.present", "must not be given with reasons (the whole set of codes)"))
    listed = "reasons" if complete else "present"
    codes = _take(problems, f"$.{listed}", lambda: jsonio.structure(value.get(listed, []), frozenset[str]))
    absent = _take(problems, "$.absent", lambda: jsonio.structure(value.get("absent", []), frozenset[str]))
    if codes and absent and codes & absent:
        problems.append(
            Problem("$.absent", f"lists codes also listed in {listed}: {', '.join(sorted(codes & absent))}")
        )
    figures = value.get("figures", {})
    if type(figures) is not dict:
        problems.append(Problem("$.figures", "must be a JSON object"))
    if problems:
        raise CaseError(problems)
    return Expected(
        outcome=outcome, codes=codes, figures=jsonio.plain(figures), complete=complete, absent=absent
    )


def case_from_json(data: Any, *, calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> Case:
    """A :class:`Case` from parsed JSON (:func:`gongshang_rules.oracle.jsonio.loads`); one :class:`CaseError` listing
    every problem with its path (``$.facts.filing.category: ...``).

    ``calendar`` is the calendar the case is decided with (default: the bundled State Council schedules; the
    command line's ``--calendar FILE`` adds to it). The case's optional ``"calendar"`` key, then a decision's
    ``facts.calendar``, add their schedules to it (:meth:`WorkingDayCalendar.layered_on`); a case without either
    keeps its meaning.
    """
    if type(data) is not dict:
        raise CaseError([Problem("$", f"a case must be a JSON object, got {jsonio._json_type(data)}")])
    problems: list[Problem] = []
    for key in sorted(set(data) - _CASE_KEYS):
        problems.append(
            Problem(
                f"$.{key}",
                "unknown key; the keys are case, id, decision, today, facts, articles, expected, snapshot, "
                "parameters, calendar",
            )
        )
    for key in ("case", "decision", "today", "facts"):
        if key not in data:
            problems.append(Problem(f"$.{key}", "required, and missing"))
    name = _take(problems, "$.case", lambda: _text(data["case"])) if "case" in data else None
    case_id = _take(problems, "$.id", lambda: _check_id(data["id"])) if "id" in data else None
    kind: Decision | None = None
    if "decision" in data:
        decision = data["decision"]
        kind = DECISIONS.get(decision) if type(decision) is str else None
        if kind is None:
            shown = repr(decision) if type(decision) is str else jsonio._json_type(decision)
            problems.append(Problem("$.decision", f"must be one of {', '.join(DECISIONS)}; got {shown}"))
    today = (
        _take(problems, "$.today", lambda: jsonio.structure(data["today"], _dt.date))
        if "today" in data
        else None
    )
    facts = None
    if kind is not None and "facts" in data:
        facts = _take(problems, "$.facts", lambda: jsonio.structure(data["facts"], kind.facts))
    if "calendar" in data:
        own = _take(problems, "$.calendar", lambda: jsonio.structure(data["calendar"], WorkingDayCalendar))
        calendar = own.layered_on(calendar) if own is not None else calendar
    if facts is not None and hasattr(facts, "calendar"):
        given = type(data["facts"]) is dict and "calendar" in data["facts"]
        effective = facts.calendar.layered_on(calendar) if given else calendar
        if effective is not facts.calendar:
            facts = attrs.evolve(facts, calendar=effective)
    articles: tuple[str, ...] = ()
    if "articles" in data:
        articles = _take(problems, "$.articles", lambda: _articles(data["articles"])) or ()
    expected = (
        _take(problems, "$.expected", lambda: _expected(data["expected"])) if "expected" in data else None
    )
    snapshot = (
        _take(problems, "$.snapshot", lambda: _expected(data["snapshot"], _SNAPSHOT_KEYS))
        if "snapshot" in data
        else None
    )
    parameters = (
        _take(problems, "$.parameters", lambda: jsonio.structure(data["parameters"], ParameterSchedule))
        if "parameters" in data
        else None
    )
    if problems:
        raise CaseError(problems)
    assert kind is not None and name is not None and today is not None
    return Case(
        name=name,
        decision=kind.name,
        today=today,
        facts=facts,
        articles=articles,
        expected=expected,
        parameters=parameters,
        id=case_id,
        snapshot=snapshot,
    )


def _articles(value: Any) -> tuple[str, ...]:
    texts: tuple[str, ...] = jsonio.structure(value, tuple[str, ...])
    problems = [
        Problem(f"$[{i}]", f"must be like 'art. 13(1)' or 'annex 2 note 5', got {t!r}")
        for i, t in enumerate(texts)
        if not _CITATION_TEXT.fullmatch(t)
    ]
    if problems:
        raise CaseError(problems)
    return texts


def case_to_json(case: Case) -> dict[str, Any]:
    """A case as JSON data (identity numbers whole: this is input)."""
    data: dict[str, Any] = {
        "case": redact(case.name),
        "decision": case.decision,
        "today": case.today.isoformat(),
        "facts": jsonio.unstructure(case.facts, DECISIONS[case.decision].facts),
    }
    if case.id is not None:
        data["id"] = case.id
    if case.articles:
        data["articles"] = list(case.articles)
    if case.expected is not None:
        data["expected"] = case.expected.as_json()
    if case.snapshot is not None:
        data["snapshot"] = case.snapshot.as_json()
    if case.parameters is not None:
        data["parameters"] = jsonio.unstructure(case.parameters, ParameterSchedule)
    return data


# --- deciding -----------------------------------------------------------------------------------------------------


def parameters_of(case: Case, parameters: ParametersLike | None = None) -> ParametersLike:
    """What ``case`` is decided under: ``parameters`` when given (a run's ``--parameters``, which applies to every
    case and replaces the case's own), else the case's ``parameters``, else today's law (``DEFAULT_SCHEDULE``)."""
    if parameters is not None:
        return parameters
    return case.parameters if case.parameters is not None else DEFAULT_SCHEDULE


def decide(case: Case, *, parameters: ParametersLike | None = None) -> Ruling[Any]:
    """The ruling for ``case``, under :func:`parameters_of` (``parameters`` replaces the case's own). A problem the
    library finds while deciding is a :class:`CaseError` under ``$.facts``."""
    kind = DECISIONS[case.decision]
    try:
        return kind.run(case.facts, case.today, parameters_of(case, parameters))
    except InvalidInputError as error:
        raise CaseError([Problem(kind.path_of(error.field), error.problem)]) from None
    except GongshangError as error:
        raise CaseError([Problem("$.facts", str(error))]) from None


def result_of(case: Case, ruling: Ruling[Any], *, messages: bool = True) -> dict[str, Any]:
    """The result object of ``case`` decided as ``ruling`` (the name masked like every echoed text; the case's
    ``id``, when it has one, echoed as it is). ``messages=False`` leaves each reason's message texts out (they are
    then never formatted: ``batch --no-messages``)."""
    result = {
        "case": redact(case.name),
        "decision": case.decision,
        "outcome": ruling.outcome.name,
        "reasons": [jsonio.reason_to_json(r, messages=messages) for r in ruling.reasons],
        "figures": _redacted(DECISIONS[case.decision].figures(ruling)),
    }
    if case.id is not None:
        result["id"] = case.id
    return result


def _redacted(value: Any) -> Any:
    """Figures with every string masked (ids, codes and names a decision's own figure writer echoes)."""
    if type(value) is str:
        return redact(value)
    if type(value) is dict:
        return {k: _redacted(v) for k, v in value.items()}
    if type(value) is list:
        return [_redacted(v) for v in value]
    return value


def decide_case(
    case: Case, *, parameters: ParametersLike | None = None, messages: bool = True
) -> dict[str, Any]:
    """The result object of ``case``: decided, or an error result when the library rejects its facts.
    ``parameters`` replaces the case's own (:func:`parameters_of`); ``messages`` as in :func:`result_of`."""
    try:
        ruling = decide(case, parameters=parameters)
    except CaseError as error:
        return error_result(error, name=case.name, decision=case.decision, case_id=case.id)
    return result_of(case, ruling, messages=messages)


def error_result(
    error: CaseError,
    *,
    name: Any = None,
    decision: Any = None,
    line: int | None = None,
    case_id: Any = None,
) -> dict[str, Any]:
    """The result object of a case that cannot be decided: every problem with its path.

    A name that is not a non-blank string is ``null``: ``batch`` and ``decide --json`` give the same answer. The
    case's ``case_id`` is echoed as ``id`` when it is a valid id.
    """
    result: dict[str, Any] = {
        "case": redact(name) if type(name) is str and name.strip() else None,
        "decision": decision if type(decision) is str and decision in DECISIONS else None,
        "error": {"problems": [{"path": p.path, "message": p.message} for p in error.problems]},
    }
    if valid_id(case_id):
        result["id"] = case_id
    if line is not None:
        result["line"] = line
    return result


def valid_id(value: Any) -> bool:
    """Whether ``value`` is a valid case ``id`` (:data:`ID_PATTERN`)."""
    try:
        _check_id(value)
    except InvalidInputError:
        return False
    return True


def internal_error_result(
    error: BaseException,
    *,
    name: Any = None,
    decision: Any = None,
    line: int | None = None,
    case_id: Any = None,
) -> dict[str, Any]:
    """The result of a case on which the library itself failed (a defect): an error result marked ``internal``.

    The message names the exception's type only: its text could echo the input.
    """
    problem = Problem(
        "$", f"internal error ({type(error).__name__}): the library failed on this case; please report it"
    )
    result = error_result(CaseError([problem]), name=name, decision=decision, line=line, case_id=case_id)
    result["error"]["internal"] = True
    return result


def is_internal_error(result: Mapping[str, Any]) -> bool:
    """Whether ``result`` is an internal-error result (:func:`internal_error_result`)."""
    error = result.get("error")
    return type(error) is dict and error.get("internal") is True


def decide_data(
    data: Any,
    *,
    line: int | None = None,
    parameters: ParametersLike | None = None,
    calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
    messages: bool = True,
) -> tuple[Case | None, dict[str, Any]]:
    """Parsed JSON of a case → (the case or ``None``, its result object); never raises (but for an interrupt).

    ``parameters`` replaces the case's own (:func:`parameters_of`); ``calendar`` is the calendar the case is
    decided with (see :func:`case_from_json`); ``messages=False`` leaves the reasons' message texts out
    (:func:`result_of`). Bad input gives an error result; an unexpected exception inside
    the library gives an internal-error result (:func:`internal_error_result`), so that one case can never end a
    run of many.
    """
    try:
        return _decide_data(data, line=line, parameters=parameters, calendar=calendar, messages=messages)
    except Exception as error:
        name, decision, case_id = _identified(data)
        return None, internal_error_result(error, name=name, decision=decision, line=line, case_id=case_id)


def _identified(data: Any) -> tuple[Any, Any, Any]:
    """What an error result echoes of a case that could not be read: its name, decision and id, as given."""
    if type(data) is not dict:
        return None, None, None
    return data.get("case"), data.get("decision"), data.get("id")


def _decide_data(
    data: Any,
    *,
    line: int | None,
    parameters: ParametersLike | None,
    calendar: WorkingDayCalendar,
    messages: bool = True,
) -> tuple[Case | None, dict[str, Any]]:
    try:
        case = case_from_json(data, calendar=calendar)
    except CaseError as error:
        name, decision, case_id = _identified(data)
        return None, error_result(error, name=name, decision=decision, line=line, case_id=case_id)
    result = decide_case(case, parameters=parameters, messages=messages)
    if line is not None and "error" in result:
        result["line"] = line
    return case, result


def decide_json(text: str | bytes) -> dict[str, Any]:
    """The result object of a case given as JSON text; bad input gives an error result, never an exception."""
    try:
        data = jsonio.loads(text)
    except CaseError as error:
        return error_result(error)
    return decide_data(data)[1]


@attrs.frozen(kw_only=True)
class Envelope:
    """What a case line says about itself, read even when its facts are not valid: name, decision, articles,
    expected result and id (each ``None`` or empty when missing or not valid)."""

    name: str | None
    decision: str | None
    articles: tuple[str, ...]
    expected: Expected | None
    id: str | None = None


def envelope(data: Any) -> Envelope:
    """The :class:`Envelope` of parsed case JSON; never raises."""
    if type(data) is not dict:
        return Envelope(name=None, decision=None, articles=(), expected=None)
    case_id = data["id"] if valid_id(data.get("id")) else None
    name = data.get("case") if type(data.get("case")) is str and data["case"].strip() else None
    decision = data.get("decision") if data.get("decision") in DECISIONS else None
    try:
        articles = _articles(data.get("articles", []))
    except CaseError:
        articles = ()
    try:
        expected = _expected(data["expected"]) if "expected" in data else None
    except (CaseError, InvalidInputError):
        expected = None
    return Envelope(name=name, decision=decision, articles=articles, expected=expected, id=case_id)


# --- explaining ---------------------------------------------------------------------------------------------------


def explain(case: Case, ruling: Ruling[Any], *, quote: bool = False) -> str:
    """A decided case explained for a person: the decision, the outcome, the figures and every reason; with
    ``quote``, the text of each cited paragraph under its reason (:meth:`Ruling.explained`)."""
    kind = DECISIONS[case.decision]
    lines = [
        f"Case: {case.name}",
        f"Decision: {case.decision} ({kind.summary}), decided on {case.today.isoformat()}",
    ]
    if case.articles:
        lines.append(f"Articles exercised: {', '.join(case.articles)}")
    lines.append("")
    lines.append(ruling.explained(quote=True) if quote else str(ruling))
    return redact("\n".join(lines))  # the name and every figure: no whole identity number


# --- names that moved ----------------------------------------------------------------------------------------------

#: The names this module held before the facts, the decision table, comparison and the schema writer got modules of
#: their own (issue 9), and the module each lives in now. The deprecated path ``gongshang_rules.cases`` is this
#: module, so ``gongshang_rules.cases.compare`` and a pickle of a facts value keep working; each is imported when it
#: is first read (``import gongshang_rules.oracle.cases`` never loads the schema writer). Type checkers do not see
#: them here: import a name from the module that defines it.
_MOVED = {
    **dict.fromkeys((*_facts.__all__, *_facts._MOVED), "facts"),
    **dict.fromkeys((*_rulings.__all__, *_rulings._MOVED), "rulings"),
    **dict.fromkeys(("Figures", "PERIOD_MONTHS_COUNTED", "PERIOD_WORKING_DAYS_COUNTED"), "decisions"),
    **dict.fromkeys(
        ("Difference", "code_articles", "compare", "expected_result", "failing", "is_note"), "comparison"
    ),
    **dict.fromkeys(("SCHEMA_BASE", "case_schema", "result_schema", "schema_texts"), "schema"),
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MOVED.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)


mask_loaded_reprs()  # Case, Expected, Envelope: repr() and str() never show a whole number
