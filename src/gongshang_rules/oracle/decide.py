"""``gongshang-rules decide`` and ``demo``: one case decided and explained for a person.

``decide CASE.json|-`` explains the ruling (its outcome, each reason with its articles, the figures; ``--quote`` adds
the text of each cited paragraph), or with ``--json`` prints the result object (the line ``batch`` writes). A case
with an expected result is compared with it: exit 1 when they differ. A case the library rejects is exit 2 with
every problem at its JSON path (or, when the case expects that error, the comparison); a defect of the library is
exit 3, said as such, never with a traceback that could echo the case. ``demo`` decides the bundled example (the
first cross-province case, the news report of 2025-09-17): its scope, eligibility, settlement and fund flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._console import calendar_of, err, read_input, say, write_line
from .cli import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_INTERNAL, EXIT_OK

if TYPE_CHECKING:
    from ..kernel.parameters import ParameterSchedule
    from .cases import Case, Envelope
    from .comparison import Difference

__all__ = ["decide", "demo"]


def demo() -> int:
    from ..rules.eligibility import decide_eligibility
    from ..rules.funds import fund_flow
    from ..rules.records import SettlementRecord
    from ..rules.scope import classify_scope
    from ..rules.settlement import decide_settlement
    from .examples import first_cross_province_case

    case = first_cross_province_case()
    facts = case.eligibility
    say(case.title)
    say(f"Source: {case.source}")
    say("Assumed where the report is silent:")
    for line in case.assumptions:
        say(f"  * {line}")
    say()
    say(classify_scope(facts.insured, facts.treatment))
    say()
    say(decide_eligibility(facts))
    say()
    settled = decide_settlement(case.episode, registry=case.registry)
    say(settled)
    say()
    episode = case.episode
    assert settled.fund_share is not None and episode.settled_on is not None  # the news case settles directly
    record = SettlementRecord(
        settlement_id="NEWS-2025-09",
        identity_number=episode.worker.identity_number,
        institution_code=episode.institution_code,
        insured=episode.worker.insured,
        treatment=case.registry.get(episode.institution_code).place,
        started_on=episode.started_on,
        ended_on=episode.settled_on,
        bill=settled.bill,
        fund_share=settled.fund_share,
    )
    say(fund_flow(record))
    return EXIT_OK


def decide(
    source: str,
    as_json: bool,
    parameters: ParameterSchedule | None = None,
    quote: bool = False,
    calendar_text: str | None = None,
) -> int:
    from . import cases, jsonio

    try:
        return _decide_source(source, as_json, parameters, quote, calendar_text)
    except OSError:  # writing the result failed: main reports it (reading is reported where it happens)
        raise
    # A defect of the library: said as such, never with a traceback that could echo the case.
    except Exception as error:
        if as_json:
            write_line(jsonio.dumps(cases.internal_error_result(error)))
        err(f"internal error ({type(error).__name__}): the library failed on this case; please report it")
        return EXIT_INTERNAL


def _decide_source(
    source: str,
    as_json: bool,
    parameters: ParameterSchedule | None = None,
    quote: bool = False,
    calendar_text: str | None = None,
) -> int:
    from . import cases, jsonio

    try:
        text = read_input(source)
    except OSError as error:
        err(f"cannot read {source}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    try:
        data = jsonio.loads(text)
    except jsonio.CaseError as error:
        return _rejected(cases.error_result(error), None, as_json)
    try:
        case = cases.case_from_json(data, calendar=calendar_of(calendar_text))
        ruling = cases.decide(case, parameters=parameters)
    except jsonio.CaseError as error:
        about = cases.envelope(data)
        return _rejected(
            cases.error_result(error, name=about.name, decision=about.decision, case_id=about.id),
            about,
            as_json,
        )
    result = cases.result_of(case, ruling)
    differences = _against_expected(case, result)
    failed = _failing(differences)
    if as_json:
        write_line(jsonio.dumps(result))
    else:
        say(cases.explain(case, ruling, quote=quote))
        if case.expected is not None:
            say()
            if failed:
                say(f"Expected: {len(failed)} difference(s) from the case's expected result:")
            else:
                say("Expected: the result agrees with the case's expected result.")
            for difference in differences:
                shown = "" if difference.fails else " (a note: listed, not failed)"
                say(f"  {difference.what}: {difference.detail}{shown}")
    return EXIT_DIFFERENCES if failed else EXIT_OK


def _rejected(result: dict[str, Any], about: Envelope | None, as_json: bool) -> int:
    """Print the error result of a case that cannot be decided; exit 2, or the comparison with an expected error."""
    from . import comparison, jsonio

    if as_json:
        write_line(jsonio.dumps(result))
    else:
        if about is not None and about.name is not None:
            say(f"Case: {about.name}")
        say("Cannot be decided: the input is not valid.")
        for problem in result["error"]["problems"]:
            say(f"  {problem['path']}: {problem['message']}")
    if about is None or about.expected is None or about.name is None:
        return EXIT_BAD_INPUT
    differences = comparison.against_expected(
        about.expected, result, name=about.name, decision=about.decision or "?", articles=about.articles
    )
    if not as_json:
        say()
        if differences:
            for difference in differences:
                say(f"Expected: {difference.what}: {difference.detail}")
        else:
            say("Expected: rejected, as the case's expected result says.")
    return EXIT_DIFFERENCES if differences else EXIT_OK


def _against_expected(case: Case, result: dict[str, Any]) -> list[Difference]:
    if case.expected is None:  # comparison is imported only for a case with an expected result (issue 13)
        return []
    from . import comparison

    return comparison.against_expected(
        case.expected, result, name=case.name, decision=case.decision, articles=case.articles
    )


def _failing(differences: list[Difference]) -> list[Difference]:
    """The differences that fail the case (:func:`~gongshang_rules.oracle.comparison.failing`); none without any."""
    if not differences:
        return []
    from . import comparison

    return comparison.failing(differences)
