"""The published case format (gongshang_rules.oracle.cases): cases and results as JSON, and their schemas.

A case asks for one decision on facts and a "today"; a result gives the outcome, the reasons with their articles,
and the figures. Another implementation is compared with us on the outcome, the set of reason codes and the figures.
"""

from __future__ import annotations

import importlib
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gongshang_rules
from gongshang_rules.oracle import cases, comparison, jsonio, schema
from gongshang_rules.oracle.cli import _corpus_files
from gongshang_rules.oracle.facts_rules import ScopeFacts
from gongshang_rules.oracle.jsonio import CaseError
from gongshang_rules.oracle.rulings import SuspensionStatusRuling

SCHEMAS = Path(gongshang_rules.__file__).parent / "schemas"
SCOPE_CASE = {
    "case": "长沙市 to 岳阳市 is intra-province.",
    "decision": "scope",
    "today": "2025-09-01",
    "facts": {"insured": "430100", "treatment": "430600"},
}


def corpus() -> list[dict[str, Any]]:
    """Every bundled corpus case, parsed."""
    return [json.loads(line) for _n, text in _corpus_files() for line in text.decode("utf-8").splitlines()]


def problems(error: CaseError) -> dict[str, str]:
    """The problems of an error, by path."""
    return {p.path: p.message for p in error.problems}


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one of the published schemas."""
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


RECORD = {
    "settlement_id": "YY-2025-11-001", "identity_number": "430102199001011238", "institution_code": "EX-0002",
    "insured": "430181", "treatment": "430600", "started_on": "2025-11-03", "ended_on": "2025-11-14",
    "bill": "2000.00", "fund_share": "1800.50",
}  # fmt: skip
#: One case per decision of chapters 4 and 5 (and article 7), with every optional fact given.
CHAPTER_4_5_CASES: dict[str, dict[str, Any]] = {
    "reconcile_month": {"year": 2025, "month": 11, "settlements": [RECORD],
                        "refusals": [{"settlement_id": "YY-2025-11-001", "amount": "50.25", "reason": "超标准"}],
                        "calendar": {"schedules": [{"year": 2027, "days_off": ["2027-01-01"], "makeup_workdays": [],
                                                    "source": "supplied with the case"}], "use_bundled": True}},
    "fund_flow": {"record": RECORD},
    "check_ledger": {"lines": [{"kind": "BANK_FEE", "amount": "25.00", "charged_to": "FUND", "reference": "汇费"}]},
    "fund_use_plan": {"city": "430100", "settlements": [RECORD], "other_benefit_spending": "98000.00"},
    "suspension_status": {"identity_number": "430102199001011238",
                          "suspensions": [{"identity_number": "430102199001011238", "suspended_on": "2025-10-09",
                                           "lifted_on": "2025-11-03", "suspended_by": "430600"}]},
    "recovery_responsibility": {"cause": "LOSS_OF_ENTITLEMENT", "insured": "430181", "treatment": "430600"},
    "audit_flags": {"records": [RECORD], "thresholds": {"large_amount": "1800.50", "frequency_count": 2,
                                                        "frequency_window_days": 30},
                    "filings": [{"identity_number": "430102199001011238", "treatment": "430600",
                                 "valid_from": "2025-08-01", "valid_through": "2025-10-31"}]},
    "responsible_agency": {"task": "RECONCILIATION", "insured": "430181", "treatment": "430600"},
}  # fmt: skip


def chapter_case(decision: str, today: str = "2025-12-01") -> dict[str, Any]:
    """The chapter 4-5 case of ``decision`` as a whole case."""
    return {"case": f"A {decision} case.", "decision": decision, "today": today,
            "facts": CHAPTER_4_5_CASES[decision]}  # fmt: skip


class TestChapters4And5:
    """Reconciliation, funds, supervision and article 7's agencies are decisions of the case format too."""

    def test_the_chapter_4_and_5_decisions_are_there(self) -> None:
        """Each has its entry, and between them they touch articles 7, 20, 21 and 23 to 32's computable ones."""
        assert set(CHAPTER_4_5_CASES) <= set(cases.DECISIONS)
        touched = {n for name in CHAPTER_4_5_CASES for n in cases.DECISIONS[name].articles}
        assert touched >= {7, 20, 21, 23, 24, 25, 26, 27, 30, 31, 32}
        assert cases.DECISIONS["suspension_status"].uses_today

    @pytest.mark.parametrize("decision", sorted(CHAPTER_4_5_CASES))
    def test_the_facts_read_and_write_back(self, decision: str) -> None:
        """Each decision's facts, every optional fact given, read from JSON and write back the same."""
        data = chapter_case(decision)
        case = cases.case_from_json(jsonio.loads(json.dumps(data)))
        assert isinstance(case.facts, cases.DECISIONS[decision].facts)
        assert cases.case_to_json(case) == data

    @pytest.mark.parametrize("decision", sorted(CHAPTER_4_5_CASES))
    def test_each_decides_and_its_result_fits_the_schema(self, decision: str) -> None:
        """Each decides to an outcome whose result validates against the published result schema."""
        result = cases.decide_json(json.dumps(chapter_case(decision), ensure_ascii=False))
        assert "outcome" in result, result
        validator("result.schema.json").validate(json.loads(jsonio.dumps(result)))
        assert validator("case.schema.json").is_valid(chapter_case(decision))

    def test_a_suspension_is_judged_on_today_and_lifted_on_its_lifting_day(self) -> None:
        """Suspended from 2025-10-09, lifted 2025-11-03: suspended on 11-02, not on 11-03 (art. 30(1))."""
        before = cases.decide_json(json.dumps(chapter_case("suspension_status", "2025-11-02")))
        lifted = cases.decide_json(json.dumps(chapter_case("suspension_status", "2025-11-03")))
        assert (before["outcome"], lifted["outcome"]) == ("SUSPENDED", "NOT_SUSPENDED")
        assert before["figures"]["in_force"] == [
            {"suspended_on": "2025-10-09", "lifted_on": "2025-11-03", "suspended_by": "430600"}
        ]
        assert "SUPERVISION_SUSPENSION_LIFTED" in {r["code"] for r in lifted["reasons"]}

    def test_a_suspension_result_holds_no_identity_number(self) -> None:
        """The result names no worker: the case's facts do; the figures read back as the result type."""
        case = cases.case_from_json(chapter_case("suspension_status", "2025-10-09"))
        ruling = cases.decide(case)
        assert isinstance(ruling, SuspensionStatusRuling)
        assert "identity_number" not in jsonio.dumps(cases.result_of(case, ruling)["figures"])
        assert "1 suspension(s) in force" in str(ruling)
        text = jsonio.dumps(jsonio.ruling_to_json(ruling))
        assert jsonio.ruling_from_json(jsonio.loads(text), SuspensionStatusRuling) == ruling

    def test_audit_flags_are_written_as_rule_and_rows(self) -> None:
        """A flag's figures are its rule and rows; its reason is among the result's reasons (art. 32)."""
        result = cases.decide_json(json.dumps(chapter_case("audit_flags")))
        assert result["figures"] == {
            "flags": [{"rule": "LARGE_AMOUNT", "settlement_ids": ["YY-2025-11-001"]}],
            "flagged_ids": ["YY-2025-11-001"],
        }
        assert "AUDIT_LARGE_AMOUNT" in {r["code"] for r in result["reasons"]}

    def test_a_month_needing_an_unknown_year_is_an_error(self) -> None:
        """December 2026's intra-province reconciliation needs 2027's schedule: an error at $.facts (art. 21)."""
        facts = {"year": 2026, "month": 12, "settlements": [{**RECORD, "started_on": "2026-12-01",
                                                             "ended_on": "2026-12-31"}]}  # fmt: skip
        result = cases.decide_json(json.dumps({**chapter_case("reconcile_month"), "facts": facts}))
        assert result["error"]["problems"][0]["path"] == "$.facts"
        assert "2027" in result["error"]["problems"][0]["message"]

    @pytest.mark.parametrize("decision", sorted(CHAPTER_4_5_CASES))
    def test_a_corpus_case_of_each_passes_through_the_command_line(
        self, decision: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """gongshang-rules decide --json on the decision's first decided corpus case: exit 0, its outcome."""
        from gongshang_rules.oracle.cli import EXIT_OK, main

        data = next(c for c in corpus() if c["decision"] == decision and "error" not in c["expected"])
        path = tmp_path / "case.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert main(["decide", str(path), "--json"]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["outcome"] == data["expected"]["outcome"]


class TestCaseFormat:
    """A case is one JSON object; every problem of a bad one is listed with its path."""

    def test_a_case_reads_and_writes_back(self) -> None:
        """case_from_json then case_to_json gives the same object, articles and expected included."""
        data = {**SCOPE_CASE, "articles": ["art. 2(1)"], "expected": {"outcome": "INTRA_PROVINCE",
                                                                       "reasons": ["SCOPE_INTRA_PROVINCE"],
                                                                       "figures": {}}}  # fmt: skip
        case = cases.case_from_json(jsonio.loads(json.dumps(data)))
        assert cases.case_to_json(case) == data
        error_case = {**SCOPE_CASE, "expected": {"error": ["$.facts.insured"]}}
        assert cases.case_to_json(cases.case_from_json(error_case)) == error_case

    def test_every_problem_of_a_case_is_listed(self) -> None:
        """Unknown key, unknown decision, bad today, bad articles and bad expected: one error, five paths."""
        data = {"case": " ", "decision": "nope", "today": "2025-13-01", "facts": {}, "articles": ["article 2"],
                "expected": {"outcome": "X", "extra": 1}, "zz": 1}  # fmt: skip
        with pytest.raises(CaseError) as caught:
            cases.case_from_json(data)
        assert set(problems(caught.value)) == {
            "$.case", "$.decision", "$.today", "$.articles[0]", "$.expected.extra", "$.zz",
        }  # fmt: skip

    def test_facts_problems_are_under_facts(self) -> None:
        """A bad place inside the facts is reported at $.facts.insured."""
        with pytest.raises(CaseError) as caught:
            cases.case_from_json({**SCOPE_CASE, "facts": {"insured": "香港", "treatment": "430600"}})
        assert set(problems(caught.value)) == {"$.facts.insured"}

    def test_missing_parts_are_each_named(self) -> None:
        """A case without decision, today and facts lacks all three."""
        with pytest.raises(CaseError) as caught:
            cases.case_from_json({"case": "x"})
        assert set(problems(caught.value)) == {"$.decision", "$.today", "$.facts"}
        with pytest.raises(CaseError):
            cases.case_from_json([])

    def test_an_expected_result_is_checked(self) -> None:
        """expected is an object; an error expectation stands alone; figures is an object."""
        for expected, path in (
            ([], "$.expected"),
            ({"error": ["$"], "outcome": "X"}, "$.expected.outcome"),
            ({"outcome": "X", "figures": []}, "$.expected.figures"),
            ({"error": "$"}, "$.expected.error"),
        ):
            with pytest.raises(CaseError) as caught:
                cases.case_from_json({**SCOPE_CASE, "expected": expected})
            assert path in problems(caught.value)

    def test_an_id_a_snapshot_and_present_and_absent_codes_read_and_write_back(self) -> None:
        """The keys the corpus added (issue 11) survive case_from_json then case_to_json unchanged."""
        data = {**SCOPE_CASE, "id": "SCO-006", "articles": ["art. 2(1)"],
                "expected": {"outcome": "INTRA_PROVINCE", "present": ["SCOPE_INTRA_PROVINCE"],
                             "absent": ["SCOPE_LOCAL"], "figures": {}},
                "snapshot": {"outcome": "INTRA_PROVINCE", "reasons": ["SCOPE_INTRA_PROVINCE"], "figures": {}}}  # fmt: skip
        case = cases.case_from_json(jsonio.loads(json.dumps(data)))
        assert case.id == "SCO-006" and case.snapshot is not None and case.snapshot.complete
        assert case.expected is not None and not case.expected.complete
        assert case.expected.absent == {"SCOPE_LOCAL"}
        assert cases.case_to_json(case) == data

    def test_a_case_without_the_new_keys_means_what_it_meant(self) -> None:
        """No id, no snapshot; an expected without present or absent is the whole set of codes, as before."""
        data = {**SCOPE_CASE, "expected": {"outcome": "INTRA_PROVINCE", "reasons": [], "figures": {}}}
        case = cases.case_from_json(data)
        assert (case.id, case.snapshot) == (None, None)
        assert case.expected is not None and case.expected.complete and case.expected.absent == frozenset()
        assert "id" not in cases.decide_case(case)

    @pytest.mark.parametrize(
        "value", ["", "-SET-1", "SET 1", "x" * 65, 12, None, "430102199001011238", "SET-430102199001011238"]
    )
    def test_an_id_is_short_plain_text(self, value: object) -> None:
        """1 to 64 letters, digits, '.', '_' or '-' (JSON null is not an id); never an identity number (results
        echo it unmasked). A Case built in Python checks it too (None there is no id)."""
        with pytest.raises(CaseError) as caught:
            cases.case_from_json({**SCOPE_CASE, "id": value})
        assert set(problems(caught.value)) == {"$.id"}
        assert "430102199001011238" not in str(problems(caught.value))
        if value is not None:
            good = cases.case_from_json(SCOPE_CASE)
            with pytest.raises(gongshang_rules.InvalidInputError):
                attrs.evolve(good, id=value)

    def test_present_absent_and_snapshot_are_checked(self) -> None:
        """present and reasons exclude each other; a code cannot be both present and absent; a snapshot is exact."""
        for key, value, path in (
            ("expected", {"outcome": "X", "present": [], "reasons": []}, "$.expected.present"),
            ("expected", {"outcome": "X", "present": ["A"], "absent": ["A"]}, "$.expected.absent"),
            ("expected", {"outcome": "X", "present": "A"}, "$.expected.present"),
            ("expected", {"error": ["$"], "absent": ["A"]}, "$.expected.absent"),
            ("snapshot", {"outcome": "X", "present": ["A"]}, "$.snapshot.present"),
            ("snapshot", [], "$.snapshot"),
        ):
            with pytest.raises(CaseError) as caught:
                cases.case_from_json({**SCOPE_CASE, key: value})
            assert path in problems(caught.value), (key, value)

    def test_results_echo_the_id(self) -> None:
        """A decided case, a rejected one and one that cannot be read all answer with the case's id."""
        decided = cases.decide_json(json.dumps({**SCOPE_CASE, "id": "SCO-001"}))
        assert decided["id"] == "SCO-001" and decided["outcome"] == "INTRA_PROVINCE"
        rejected = cases.decide_json(
            json.dumps({**SCOPE_CASE, "id": "SCO-002", "facts": {"insured": "香港"}})
        )
        assert rejected["id"] == "SCO-002" and "error" in rejected
        unread = cases.decide_data({**SCOPE_CASE, "id": "SCO-003", "zz": 1}, line=4)[1]
        assert (unread["id"], unread["line"]) == ("SCO-003", 4)
        assert "id" not in cases.decide_data({**SCOPE_CASE, "id": "no id", "zz": 1})[1]
        assert cases.envelope({**SCOPE_CASE, "id": "SCO-004"}).id == "SCO-004"
        assert cases.envelope({**SCOPE_CASE, "id": 4}).id is None

    def test_a_case_value_checks_its_own_fields(self) -> None:
        """Built in Python, a case refuses an unknown decision, facts of the wrong type and bad citations."""
        facts = ScopeFacts(insured=gongshang_rules.place("430100"), treatment=gongshang_rules.place("430600"))
        import datetime as dt

        with pytest.raises(gongshang_rules.InvalidInputError):
            cases.Case(name="x", decision="nope", today=dt.date(2025, 9, 1), facts=facts)
        with pytest.raises(gongshang_rules.InvalidInputError):
            cases.Case(name="x", decision="in_force", today=dt.date(2025, 9, 1), facts=facts)
        with pytest.raises(gongshang_rules.InvalidInputError):
            cases.Case(name="x", decision="scope", today=dt.date(2025, 9, 1), facts=facts, articles=("§2",))

    def test_the_envelope_is_read_even_when_the_facts_are_bad(self) -> None:
        """Name, decision, articles and expected survive bad facts; garbage gives an empty envelope."""
        about = cases.envelope(
            {**SCOPE_CASE, "facts": {}, "articles": ["art. 2"], "expected": {"error": ["$"]}}
        )
        assert (about.name, about.decision, about.articles) == (SCOPE_CASE["case"], "scope", ("art. 2",))
        assert about.expected is not None and about.expected.error == ("$",)
        empty = cases.envelope([1])
        assert (empty.name, empty.expected) == (None, None)
        broken = cases.envelope({"case": "x", "articles": 3, "expected": []})
        assert (broken.articles, broken.expected) == ((), None)


class TestResults:
    """A result is one JSON object: outcome, reasons with codes and articles, figures; or every problem."""

    def test_a_result_has_the_published_keys(self) -> None:
        """case, decision, outcome, reasons and figures; each reason with its articles as text and structured."""
        result = cases.decide_json(json.dumps(SCOPE_CASE))
        assert set(result) == {"case", "decision", "outcome", "reasons", "figures"}
        reason = result["reasons"][0]
        assert reason["articles"] == ["art. 2(1)", "art. 2(2)"]
        assert reason["citations"][0] == {"article": 2, "paragraph": 1, "item": None}
        assert set(reason) == {"code", "role", "articles", "citations", "interpretation", "message_zh",
                               "message_en", "authorities"}  # fmt: skip
        assert reason["role"] == "DECISIVE"

    def test_a_case_the_library_rejects_while_deciding_is_an_error_result(self) -> None:
        """省本级 as a treatment place is refused by the rule: an error result at $.facts.treatment."""
        result = cases.decide_json(
            json.dumps({**SCOPE_CASE, "facts": {"insured": "430100", "treatment": "省本级"}})
        )
        assert result["error"]["problems"][0]["path"] == "$.facts.treatment"
        assert result["case"] == SCOPE_CASE["case"] and result["decision"] == "scope"

    def test_a_working_day_in_an_unknown_year_is_an_error_not_a_guess(self) -> None:
        """2027's schedule is unknown: the problem is reported under $.facts."""
        result = cases.decide_json(json.dumps({"case": "x", "decision": "working_day_after", "today": "2026-12-31",
                                               "facts": {"date": "2026-12-31", "n": 1}}))  # fmt: skip
        assert result["error"]["problems"][0]["path"] == "$.facts"
        assert "2027" in result["error"]["problems"][0]["message"]

    def test_bad_json_is_an_error_result(self) -> None:
        """Text that is not JSON gives an error result at $ with no case name."""
        result = cases.decide_json("{")
        assert result["case"] is None and result["error"]["problems"][0]["path"] == "$"

    @given(
        st.text(max_size=60)
        | st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
            max_leaves=8,
        )
    )
    def test_no_input_raises(self, value: Any) -> None:
        """Whatever the input, decide_json returns a result object, never a traceback."""
        text = value if isinstance(value, str) else json.dumps(value)
        result = cases.decide_json(text)
        assert "error" in result or "outcome" in result

    def test_the_explanation_names_the_case_the_outcome_and_the_reasons(self) -> None:
        """explain() shows the decision, the outcome in both languages and each reason code."""
        case = cases.case_from_json({**SCOPE_CASE, "articles": ["art. 2(1)"]})
        text = cases.explain(case, cases.decide(case))
        assert "INTRA_PROVINCE" in text and "SCOPE_INTRA_PROVINCE" in text and "Articles exercised" in text

    def test_a_date_ruling_shows_its_date(self) -> None:
        """The period helpers' results explain the computed date."""
        case = cases.case_from_json({"case": "x", "decision": "add_months", "today": "2025-08-31",
                                     "facts": {"date": "2025-08-31", "n": 6}})  # fmt: skip
        assert "date: 2026-02-28" in str(cases.decide(case))


class TestSchemas:
    """The published JSON Schemas (draft 2020-12) are current, valid, and every bundled case and result fits."""

    def test_the_committed_schemas_are_what_the_types_give(self) -> None:
        """schemas/*.json equal schema.schema_texts(): regenerate with tools/make_corpus.py."""
        for name, text in schema.schema_texts().items():
            assert (SCHEMAS / name).read_text(encoding="utf-8") == text

    def test_the_schemas_are_valid_draft_2020_12(self) -> None:
        """Each schema passes the metaschema."""
        for name in ("case.schema.json", "result.schema.json"):
            jsonschema.Draft202012Validator.check_schema(
                json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
            )

    def test_every_bundled_case_and_its_result_validate(self) -> None:
        """Each corpus case whose facts are valid fits the case schema; every result fits the result schema."""
        case_schema, result_schema = validator("case.schema.json"), validator("result.schema.json")
        for data in corpus():
            if "error" not in data["expected"]:
                case_schema.validate(data)
            result = json.loads(jsonio.dumps(cases.decide_json(json.dumps(data, ensure_ascii=False))))
            result_schema.validate(result)

    def test_the_schemas_know_the_corpus_keys(self) -> None:
        """id, snapshot and an expected with present and absent fit the case schema; a result echoing an id fits
        the result schema; a bad id, or present beside reasons, does not fit."""
        case_schema, result_schema = validator("case.schema.json"), validator("result.schema.json")
        case = {**SCOPE_CASE, "id": "SCO-006",
                "expected": {"outcome": "INTRA_PROVINCE", "present": ["SCOPE_INTRA_PROVINCE"], "absent": ["X"]},
                "snapshot": {"outcome": "INTRA_PROVINCE", "reasons": ["SCOPE_INTRA_PROVINCE"], "figures": {}}}  # fmt: skip
        case_schema.validate(case)
        result_schema.validate(cases.decide_json(json.dumps(case)))
        result_schema.validate(cases.decide_json(json.dumps({**case, "facts": {}})))
        assert not case_schema.is_valid({**case, "id": "no id"})
        assert not case_schema.is_valid({**case, "expected": {**case["expected"], "reasons": []}})
        assert not case_schema.is_valid({**case, "snapshot": case["expected"]})

    def test_the_case_schema_checks_each_decisions_facts(self) -> None:
        """Facts of the wrong shape for the decision fail the schema, as they fail the library."""
        case_schema = validator("case.schema.json")
        assert not case_schema.is_valid({**SCOPE_CASE, "facts": {"insured": 430100, "treatment": "430600"}})
        assert not case_schema.is_valid({**SCOPE_CASE, "facts": {"insured": "430100"}})
        assert case_schema.is_valid(SCOPE_CASE)

    def test_an_error_result_validates(self) -> None:
        """The error result shape, with its line number from batch, fits the result schema."""
        result = cases.error_result(CaseError([jsonio.Problem("$", "bad")]), line=3)
        validator("result.schema.json").validate(result)


class TestNoTracebacks:
    """Inputs that once escaped as tracebacks come back as error results (review of the oracle)."""

    def test_a_working_day_past_the_last_representable_date_is_an_error_result(self) -> None:
        """9999-12-31 has no next day: an error with a path, not an OverflowError."""
        case = '{"case":"x","decision":"working_day_after","today":"2025-01-01","facts":{"date":"9999-12-31","n":1}}'
        result = cases.decide_json(case)
        assert "error" in result and result["error"]["problems"]

    def test_an_integer_of_thousands_of_digits_is_an_error_result(self) -> None:
        """Python refuses to read such an integer; the oracle says so instead of raising ValueError."""
        case = '{"case":"x","decision":"scope","today":"2025-01-01","facts":{"insured":' + "1" * 5000 + "}}"
        assert cases.decide_json(case)["error"]["problems"][0]["path"] == "$"

    def test_a_lone_surrogate_is_written_as_valid_utf8_json(self) -> None:
        """A \\ud800 escape in a case name cannot be UTF-8: the output escapes it and stays valid JSON."""
        text = jsonio.dumps({"case": "\ud800"})
        text.encode("utf-8")
        assert text == '{"case":"\\ud800"}'


class TestReviewFixes:
    """Fixes from the third review of the oracle."""

    def test_a_review_deadline_past_9999_is_outside_the_procedure_not_a_crash(self) -> None:
        """Art. 36: 9999-12-31 is no day of this procedure: an explicit NOT_IN_FORCE, no overflow."""
        case = '{"case":"x","decision":"review_deadline","today":"2025-01-01","facts":{"received_on":"9999-12-31"}}'
        assert cases.decide_json(case)["outcome"] == "NOT_IN_FORCE"

    def test_an_identity_number_used_as_a_key_is_masked_in_the_error_path(self) -> None:
        """A path is input text too: an unknown key shaped like an identity number is not echoed whole."""
        case = '{"case":"x","decision":"scope","today":"2025-09-01","facts":{"insured":"430100","treatment":"430600","430102199001011238":1}}'
        assert "430102199001011238" not in jsonio.dumps(cases.decide_json(case))

    def test_a_candidate_error_path_that_is_not_text_is_a_malformed_result(self) -> None:
        """verify never dies on another implementation's output."""
        reference = {"case": "e", "error": {"problems": [{"path": "$.facts.x", "message": "m"}]}}
        candidate = {"case": "e", "error": {"problems": [{"path": ["x"]}]}}
        (difference,) = comparison.compare(reference, candidate, error_paths=True)
        assert difference.what == "result"

    def test_a_hand_written_amount_with_one_decimal_matches_ours(self) -> None:
        """An expected "10240.5" (the reference) equals our "10240.50"; a code with no point is compared as text."""
        reference = {
            "case": "c",
            "outcome": "X",
            "reasons": [],
            "figures": {"fund": "10240.5", "code": "430100"},
        }
        assert (
            comparison.compare(reference, {**reference, "figures": {"fund": "10240.50", "code": "430100"}})
            == []
        )
        assert (
            len(
                comparison.compare(
                    reference, {**reference, "figures": {"fund": "10240.50", "code": "430100.00"}}
                )
            )
            == 1
        )

    def test_a_next_day_deadline_in_an_unknown_year_says_whether_it_is_a_day_off_is_unknown(self) -> None:
        """Settled 2026-12-31: the deadline is 2027-01-01 whatever the schedule; the day-off note is not guessed."""
        case = '{"case":"x","decision":"reconciliation_deadline","today":"2026-12-31","facts":{"settled_on":"2026-12-31"}}'
        result = cases.decide_json(case)
        assert result["figures"]["deadline"] == "2027-01-01"
        assert "RECONCILIATION_DAY_OFF_UNKNOWN" in {r["code"] for r in result["reasons"]}


class TestReviewDeadlineOutsideTheProcedure:
    def test_an_application_received_before_the_procedure_gets_no_article_10_deadline(self) -> None:
        """Art. 36: received 2025-07-20, as the review decision judges it: no date, the reason says why."""
        result = cases.decide_json(
            '{"case": "x", "decision": "review_deadline", "today": "2025-07-20", "facts": {"received_on": "2025-07-20"}}'
        )
        assert result["outcome"] == "NOT_IN_FORCE"
        assert result["figures"]["date"] is None
        assert [r["code"] for r in result["reasons"]] == ["REVIEW_DEADLINE_OUTSIDE_PROCEDURE"]
        first = cases.decide_json(
            '{"case": "y", "decision": "review_deadline", "today": "2025-08-01", "facts": {"received_on": "2025-08-01"}}'
        )
        assert first["outcome"] == "COMPUTED"


class TestCalendarOfACase:
    """A case may carry a "calendar"; deadlines in late December of the last known year say they are provisional."""

    @staticmethod
    def _case(decision: str, facts: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"case": "x", "decision": decision, "today": "2026-12-01", "facts": facts, **extra}

    SCHEDULE_2027: ClassVar[dict[str, Any]] = {
        "schedules": [
            {"year": 2027, "days_off": ["2027-01-01"], "makeup_workdays": [], "source": "test 2027"}
        ]
    }

    def test_a_case_calendar_supplies_a_year_the_bundle_does_not_know(self) -> None:
        """With 2027 in the case's "calendar", the working day after 2026-12-31 is Monday 2027-01-04."""
        result = cases.decide_data(
            self._case("working_day_after", {"date": "2026-12-31", "n": 1}, calendar=self.SCHEDULE_2027)
        )[1]
        assert result["figures"]["date"] == "2027-01-04"
        assert [r["code"] for r in result["reasons"]] == ["PERIOD_WORKING_DAYS_COUNTED"]

    def test_a_case_calendar_is_validated_with_its_json_path(self) -> None:
        """A bad schedule in the case's calendar is reported under $.calendar."""
        bad = {
            "schedules": [{"year": 2027, "days_off": ["2027-13-01"], "makeup_workdays": [], "source": "x"}]
        }
        result = cases.decide_data(
            self._case("scope", {"insured": "430100", "treatment": "430600"}, calendar=bad)
        )[1]
        assert [p["path"] for p in result["error"]["problems"]] == ["$.calendar.schedules[0].days_off[0]"]

    def test_the_calendar_given_by_the_caller_is_the_base_of_the_case(self) -> None:
        """decide_data(calendar=...) is what --calendar passes: facts.calendar adds to it, it does not replace it."""
        from gongshang_rules.kernel.workdays import DEFAULT_CALENDAR, YearSchedule

        base = DEFAULT_CALENDAR.with_schedule(
            YearSchedule(year=2027, days_off=frozenset(), makeup_workdays=frozenset(), source="cli")
        )
        plain = self._case("working_day_after", {"date": "2026-12-31", "n": 1})
        assert cases.decide_data(plain, calendar=base)[1]["figures"]["date"] == "2027-01-01"
        layered = self._case(
            "working_day_after", {"date": "2026-12-31", "n": 1, "calendar": self.SCHEDULE_2027}
        )
        assert cases.decide_data(layered, calendar=base)[1]["figures"]["date"] == "2027-01-04"

    def test_a_working_day_count_into_late_december_2026_is_provisional(self) -> None:
        """working_day_after: 5 working days after 2026-12-18 is 12-25, with CALENDAR_PROVISIONAL."""
        result = cases.decide_data(self._case("working_day_after", {"date": "2026-12-18", "n": 5}))[1]
        assert result["figures"]["date"] == "2026-12-25"
        assert [r["code"] for r in result["reasons"]] == [
            "PERIOD_WORKING_DAYS_COUNTED",
            "CALENDAR_PROVISIONAL",
        ]
        assert result["reasons"][1]["role"] == "NOTE"

    def test_a_review_deadline_in_late_december_2026_is_provisional(self) -> None:
        """review_deadline: received 2026-12-18, due 12-25, with REVIEW_DEADLINE_PROVISIONAL (article 10)."""
        result = cases.decide_data(self._case("review_deadline", {"received_on": "2026-12-18"}))[1]
        assert [r["code"] for r in result["reasons"]][-1] == "REVIEW_DEADLINE_PROVISIONAL"
        assert result["reasons"][-1]["articles"] == ["art. 10"]

    def test_a_next_day_deadline_in_late_december_2026_is_provisional(self) -> None:
        """reconciliation_deadline: settled 2026-12-24, due 12-25, whose day-off status the 2027 notice may move."""
        result = cases.decide_data(self._case("reconciliation_deadline", {"settled_on": "2026-12-24"}))[1]
        assert "RECONCILIATION_DAY_OFF_PROVISIONAL" in {r["code"] for r in result["reasons"]}
        with_2027 = cases.decide_data(
            self._case("reconciliation_deadline", {"settled_on": "2026-12-24"}, calendar=self.SCHEDULE_2027)
        )[1]
        assert "RECONCILIATION_DAY_OFF_PROVISIONAL" not in {r["code"] for r in with_2027["reasons"]}

    def test_a_case_with_a_calendar_and_its_result_fit_the_schemas(self) -> None:
        """The case schema has the optional "calendar"; the provisional notes are results the schema accepts."""
        case = self._case("review_deadline", {"received_on": "2026-12-18"}, calendar=self.SCHEDULE_2027)
        validator("case.schema.json").validate(case)
        late = self._case("review_deadline", {"received_on": "2026-12-18"})
        validator("result.schema.json").validate(cases.decide_data(late)[1])
        with_2027 = cases.decide_data(case)[1]
        assert with_2027["figures"]["date"] == "2026-12-25"
        assert "REVIEW_DEADLINE_PROVISIONAL" not in {r["code"] for r in with_2027["reasons"]}


class TestNamesThatMoved:
    """The facts, the decision table, comparison and the schema writer have modules of their own (issue 9); the
    deprecated path ``gongshang_rules.cases`` is this module, so every name it had still resolves here."""

    #: A settlement case: a referral from Changsha to Zhuzhou, admitted the day the procedure applies, one drug line,
    #: at an institution of the bundled example registry.
    SETTLEMENT_CASE: ClassVar[dict[str, Any]] = {
        "case": "x", "decision": "settlement", "today": "2025-09-01",
        "facts": {
            "episode": {
                "worker": {"name": "x", "identity_number": "430102198501010018", "insured": "430100"},
                "filing": {"insured": "430100", "treatment": "430200", "category": "REFERRAL",
                           "service": "MEDICAL", "filed_on": "2025-08-20"},
                "institution_code": "EX-0002", "care": "INPATIENT", "service": "MEDICAL",
                "started_on": "2025-09-01", "lines": [{"kind": "DRUG", "amount": "10.00"}],
                "credential": "SOCIAL_SECURITY_CARD",
            },
            "registry": "example",
        },
    }  # fmt: skip

    def test_every_name_that_moved_is_read_from_its_new_module(self) -> None:
        """``cases.compare`` is ``comparison.compare``, ``cases.ScopeFacts`` is ``facts.ScopeFacts``, ..."""
        for name, module in cases._MOVED.items():
            assert getattr(cases, name) is getattr(
                importlib.import_module(f"gongshang_rules.oracle.{module}"), name
            )
        with pytest.raises(AttributeError, match="no_such_name"):
            cases.no_such_name  # noqa: B018

    @pytest.mark.parametrize("home", ["cases", "facts"])
    def test_a_pickle_of_a_facts_value_from_before_the_move_loads(self, home: str) -> None:
        """A value pickled when its class lived in this module (issue 9), or in ``oracle.facts`` (before issue 13
        gave each group of decisions its facts module), unpickles as the same class."""
        facts = ScopeFacts(insured=gongshang_rules.place("430100"), treatment=gongshang_rules.place("430600"))
        new = pickle.dumps(facts, protocol=2)
        assert b"gongshang_rules.oracle.facts_rules\nScopeFacts" in new
        old = new.replace(b"oracle.facts_rules\nScopeFacts", f"oracle.{home}\nScopeFacts".encode())
        assert f"oracle.{home}\n".encode() in old and pickle.loads(old) == facts
        assert type(pickle.loads(old)) is ScopeFacts

    def test_the_case_format_does_not_load_the_schema_writer(self) -> None:
        """Deciding a case (issue 13: import only what the decision needs) loads neither the schema writer nor
        comparison."""
        code = (
            "import sys, gongshang_rules.oracle.cases as c;"
            'c.decide_json(\'{"case": "x", "decision": "scope", "today": "2025-09-01",'
            ' "facts": {"insured": "430100", "treatment": "430600"}}\');'
            "print(sorted(m for m in sys.modules if m.endswith(('.schema', '.comparison'))))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.strip() == "[]"

    def test_a_settlement_case_imports_only_its_own_rules(self) -> None:
        """The decision table is lazy (issue 13's cold start): a settlement case imports neither the fund,
        reconciliation, supervision, application nor agency rules, nor their facts and decisions, and builds only
        the converter it uses (the fast input one: neither the detailed one nor, for its figures, the output one)."""
        case = json.dumps(self.SETTLEMENT_CASE)
        code = (
            "import sys, gongshang_rules.oracle.cases as c, gongshang_rules.oracle.jsonio as j;"
            f"r = c.decide_json({case!r}); assert r['outcome'] != 'error', r;"
            "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('gongshang_rules.')"
            " and m.endswith(('funds', 'reconciliation', 'supervision', 'applications', 'agencies', 'eligibility'))));"
            "print(j._input.cache_info().currsize, j._fast_input.cache_info().currsize)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.split("\n")[:2] == ["[]", "0 1"]

    # What a settlement ``decide`` must not import (issue 13's cold start): the other decisions' facts and entries,
    # the rules only they use, the filing forms, comparison (the case expects nothing), and the modules of
    # importlib.resources (tempfile, zipfile, shutil's neighbours). ``html`` joins them once ``Ruling._repr_html_``
    # imports it where it is used; ``csv`` is used on this path (the bundled calendars and divisions).
    NOT_ON_A_SETTLEMENT_DECIDE: ClassVar[frozenset[str]] = frozenset(
        {
            *(f"gongshang_rules.oracle.{m}" for m in (
                "facts_rules", "facts_applications", "facts_funds", "decisions_rules", "decisions_applications",
                "decisions_funds", "comparison", "schema", "schema_writer", "batch", "verify", "whatif",
            )),
            *(f"gongshang_rules.rules.{m}" for m in (
                "forms", "filing_changes", "manual_claims", "records", "applications", "agencies", "eligibility",
                "funds", "reconciliation", "supervision", "review", "materials",
            )),
            "tempfile", "zipfile", "html", "html.entities", "importlib.resources", "importlib.readers", "random",
        }
    )  # fmt: skip
    #: The attrs classes a settlement ``decide`` process builds (its own and cattrs'): 49 when this bound was set,
    #: 76 before issue 13's facts, forms and comparison moved out of its way. A class more on the path is a choice
    #: to make here, not a drift.
    MAX_CLASSES_ON_A_SETTLEMENT_DECIDE = 52

    def test_a_settlement_decide_process_imports_and_builds_only_what_it_needs(self, tmp_path: Path) -> None:
        """``python -m gongshang_rules decide CASE`` on a settlement case, in a fresh interpreter: it decides the
        case (the explanation names the outcome), imports none of :attr:`NOT_ON_A_SETTLEMENT_DECIDE`, and builds
        at most :attr:`MAX_CLASSES_ON_A_SETTLEMENT_DECIDE` attrs classes (counted where attrs builds each one)."""
        case = tmp_path / "case.json"
        case.write_text(json.dumps(self.SETTLEMENT_CASE), encoding="utf-8")
        code = (
            "import contextlib, io, json, runpy, sys; import attr._make as m;"
            "built = []; build = m._ClassBuilder.build_class;"
            "m._ClassBuilder.build_class = lambda self: built.append(1) or build(self);"
            f"sys.argv = ['gongshang_rules', 'decide', {str(case)!r}]; out = io.StringIO();"
            "exit = None\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try: runpy.run_module('gongshang_rules', run_name='__main__')\n"
            "    except SystemExit as stop: exit = stop.code\n"
            "print(json.dumps({'exit': exit, 'out': out.getvalue(), 'classes': len(built),"
            " 'modules': sorted(sys.modules)}))"
        )
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        seen = json.loads(run.stdout)
        assert seen["exit"] == 0 and "SettlementRuling: DIRECT" in seen["out"], seen["out"]
        assert sorted(self.NOT_ON_A_SETTLEMENT_DECIDE & set(seen["modules"])) == []
        assert "gongshang_rules.rules.settlement" in seen["modules"]  # the check looks at the right process
        assert 20 < seen["classes"] <= self.MAX_CLASSES_ON_A_SETTLEMENT_DECIDE

    def test_every_decision_is_still_in_the_table_in_its_order(self) -> None:
        """The lazy table gives every decision of the groups imported on first use, in one fixed order."""
        from gongshang_rules.oracle.decisions import DECISIONS

        names = list(DECISIONS)
        assert names[:3] == ["scope", "in_force", "eligibility"] and names[-1] == "responsible_agency"
        assert [d.name for d in DECISIONS.values()] == names and len(DECISIONS) == len(names) == 28
        assert "settlement" in DECISIONS and "nothing" not in DECISIONS and DECISIONS.get("nothing") is None
        with pytest.raises(KeyError):
            DECISIONS["nothing"]
