"""The decision table (gongshang_rules.oracle.decisions): each decision's facts type, its function, its articles,
and where in the case a problem the library finds while deciding lies."""

from __future__ import annotations

import json

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
