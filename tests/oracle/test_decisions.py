"""The decision table (gongshang_rules.oracle.decisions): each decision's facts type, its function, its articles,
and where in the case a problem the library finds while deciding lies."""

from __future__ import annotations

import json
import typing

import attrs

import gongshang_rules
from gongshang_rules.oracle import cases, decisions


class TestDecisionTable:
    """Each decision is one entry: its facts type, its result type, the function, the articles."""

    def test_every_decision_names_its_types_and_articles(self) -> None:
        """Each entry has a facts type, a Ruling type and at least one article; names match keys."""
        for name, kind in decisions.DECISIONS.items():
            assert kind.name == name
            assert issubclass(kind.ruling, gongshang_rules.Ruling)
            assert kind.articles and kind.summary

    def test_the_decisions_the_issue_asks_for_are_there(self) -> None:
        """scope, in_force, eligibility, filing validity, change, coverage, settlement, manual claim, periods, review."""
        for name in (
            "scope",
            "in_force",
            "eligibility",
            "filing_validity",
            "change_allowed",
            "filing_coverage",
            "settlement",
            "manual_claim",
            "working_day_after",
            "add_months",
            "review_deadline",
            "review",
        ):
            assert name in decisions.DECISIONS  # fmt: skip

    def test_decisions_about_today_take_it_from_the_case(self) -> None:
        """in_force is decided on the case's today: the same facts give different outcomes on different days."""
        case = {"case": "An intra-province event, in force from 2025-08-01.", "decision": "in_force",
                "facts": {"scope": "INTRA_PROVINCE"}}  # fmt: skip
        before = cases.decide_json(json.dumps({**case, "today": "2025-07-31"}))
        after = cases.decide_json(json.dumps({**case, "today": "2025-08-01"}))
        assert (before["outcome"], after["outcome"]) == ("NOT_YET_IN_FORCE", "IN_FORCE")


class TestErrorPathsNameTheCase:
    """A problem the library reports under its own argument names is given the case's own path."""

    def test_a_function_argument_is_reported_as_the_fact_it_came_from(self) -> None:
        """add_months(d, n) is fed the fact 'date': the path says $.facts.date, not $.facts.d."""
        case = '{"case":"x","decision":"add_months","today":"2025-01-01","facts":{"date":"9999-12-01","n":1}}'
        assert cases.decide_json(case)["error"]["problems"][0]["path"] == "$.facts.date"

    def test_a_date_taken_from_today_is_reported_at_today(self) -> None:
        """change_allowed is decided on the case's today: a today before the filing is $.today's problem."""
        case = (
            '{"case":"x","decision":"change_allowed","today":"2025-08-01","facts":{"change":"CANCEL","filing":'
            '{"insured":"430100","treatment":"430600","category":"REFERRAL","service":"MEDICAL","filed_on":"2025-09-01"}}}'
        )
        assert cases.decide_json(case)["error"]["problems"][0]["path"] == "$.today"

    def test_each_path_is_a_field_a_user_writes(self) -> None:
        """The paths are keyed by the case's own fields: ``$.today``, or a field of the decision's facts (by its
        JSON name, nested), each with the library names reported for it."""
        for name, kind in decisions.DECISIONS.items():
            for path, names in kind.paths.items():
                assert names and all(type(n) is str and n for n in names), name
                assert path == "$.today" or _is_field(kind.facts, path.removeprefix("$.facts.").split(".")), (
                    f"{name}: {path}"
                )

    def test_every_decision_fed_today_reports_it_at_today(self) -> None:
        """A decision about today passes the case's today to its function as ``on``: a problem with it is at $.today."""
        for name, kind in decisions.DECISIONS.items():
            assert (kind.path_of("on") == "$.today") is kind.uses_today, name

    def test_a_problem_under_any_other_name_lies_under_facts(self) -> None:
        """A name the table does not map is a path under $.facts (under $ for the case's parameters)."""
        kind = decisions.DECISIONS["reconcile_month"]
        assert kind.path_of("settlements[0].ended_on") == "$.facts.settlements[0].ended_on"
        assert kind.path_of("month") == "$.facts.month"
        assert kind.path_of("parameters.versions[1]") == "$.parameters.versions[1]"
        assert decisions.DECISIONS["filing_validity"].path_of("d") == "$.facts.filing.filed_on"


def _is_field(cl: type, steps: list[str]) -> bool:
    """Whether ``steps`` name a field of attrs class ``cl`` by its JSON name, then a field of that field's type..."""
    attrs.resolve_types(cl)
    field = next((f for f in attrs.fields(cl) if f.alias == steps[0]), None)
    if field is None:
        return False
    if len(steps) == 1:
        return True
    inner = [t for t in (typing.get_args(field.type) or (field.type,)) if attrs.has(t)]  # ``Filing | None``
    return len(inner) == 1 and _is_field(inner[0], steps[1:])
