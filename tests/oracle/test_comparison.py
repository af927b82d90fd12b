"""Comparing results (gongshang_rules.oracle.comparison): outcome, the set of decisive reason codes and the figures;
notes only when strict; each difference with its articles."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import pytest

from gongshang_rules.oracle import cases, comparison


class TestCompare:
    """Results agree on outcome, the set of reason codes and the figures; each difference names its articles."""

    REF: ClassVar[dict[str, Any]] = {"case": "c", "outcome": "DIRECT", "reasons": [{"code": "SETTLEMENT_DIRECT"}, {"code": "SCOPE_LOCAL"}],
           "figures": {"bill": "10.50", "catalogs": [{"outcome": "X"}], "meal": {"payer": "A"}}}  # fmt: skip

    def test_identical_results_agree(self) -> None:
        """No differences, and reason order does not matter; codes may be given as plain strings."""
        candidate = {**self.REF, "reasons": ["SCOPE_LOCAL", "SETTLEMENT_DIRECT"], "figures": {**self.REF["figures"],
                                                                                             "extra": 1}}  # fmt: skip
        assert comparison.compare(self.REF, candidate) == []

    def test_money_is_compared_as_decimals(self) -> None:
        """ "10.5" equals "10.50"; "10.51" does not."""
        assert (
            comparison.compare(self.REF, {**self.REF, "figures": {**self.REF["figures"], "bill": "10.5"}})
            == []
        )
        differences = comparison.compare(
            self.REF, {**self.REF, "figures": {**self.REF["figures"], "bill": "10.51"}}
        )
        assert [d.what for d in differences] == ["figures"]

    def test_each_kind_of_difference_is_reported_with_articles(self) -> None:
        """Outcome, a missing and an unexpected code (with the code's articles), and figures at their paths."""
        candidate = {"case": "c", "outcome": "MANUAL_REIMBURSEMENT",
                     "reasons": [{"code": "SETTLEMENT_DIRECT"}, {"code": "SETTLEMENT_NO_CREDENTIAL"}],
                     "figures": {"catalogs": [{"outcome": "Y"}], "meal": "A"}}  # fmt: skip
        differences = comparison.compare(self.REF, candidate, articles=["art. 5"])
        details = [str(d) for d in differences]
        assert any("outcome" in d for d in details)
        assert any("missing reason SCOPE_LOCAL" in d and "art. 3(1)" in d for d in details)
        assert any("unexpected reason SETTLEMENT_NO_CREDENTIAL" in d and "art. 16" in d for d in details)
        assert any("figures.bill: missing" in d for d in details)
        assert any("figures.catalogs[0].outcome" in d for d in details)
        assert any("figures.meal: expected an object" in d for d in details)
        assert all("art. 5" in d.articles for d in differences)
        short = comparison.compare(self.REF, {**self.REF, "figures": {**self.REF["figures"], "catalogs": []}})
        assert "figures.catalogs" in short[0].detail

    def test_types_matter_outside_money(self) -> None:
        """true is not 1, "1" is not 1, and 1.0 is not 1: we never write a float, so a float is a difference."""
        ref = {"case": "c", "outcome": "X", "reasons": [], "figures": {"a": True, "b": 1}}
        assert len(comparison.compare(ref, {**ref, "figures": {"a": 1, "b": "1"}})) == 2
        assert len(comparison.compare(ref, {**ref, "figures": {"a": True, "b": 1.0}})) == 1
        assert comparison.compare(ref, {**ref, "figures": {"a": True, "b": 1}}) == []

    def test_only_our_amounts_compare_as_decimals(self) -> None:
        """Money (always 2 decimals in our output) compares as decimals; codes and ids that look numeric do not."""
        ref = {
            "case": "c",
            "outcome": "X",
            "reasons": [],
            "figures": {"fund": "10240.50", "place": "430100", "id": "0001"},
        }
        assert (
            comparison.compare(ref, {**ref, "figures": {"fund": "10240.5", "place": "430100", "id": "0001"}})
            == []
        )
        cand = {**ref, "figures": {"fund": "10240.50", "place": "430100.00", "id": "1"}}
        assert len(comparison.compare(ref, cand)) == 2

    @pytest.mark.parametrize(
        "candidate",
        ["boom", {"case": "c", "error": "boom"}, {"case": "c", "reasons": 5}, {"case": "c", "figures": []}],
    )
    def test_a_malformed_result_is_a_difference_not_a_crash(self, candidate: object) -> None:
        """Another implementation's broken output is reported as such; verify never dies on it."""
        ref = {"case": "c", "outcome": "X", "reasons": [], "figures": {}}
        (difference,) = comparison.compare(ref, candidate)  # type: ignore[arg-type]
        assert difference.what == "result"

    def test_errors_must_match_errors(self) -> None:
        """A reference error needs a candidate error (its paths too when asked); a candidate error is a difference."""
        error = {"case": "c", "error": {"problems": [{"path": "$.facts.x", "message": "m"}]}}
        other = {"case": "c", "error": {"problems": [{"path": "$.facts.y", "message": "m"}]}}
        assert comparison.compare(error, other) == []
        assert comparison.compare(error, other, error_paths=True)[0].what == "error"
        assert "should be rejected" in comparison.compare(error, self.REF)[0].detail
        assert "rejected as bad input" in comparison.compare(self.REF, error)[0].detail

    def test_an_unknown_code_has_no_articles(self) -> None:
        """A code the catalogue does not know is still reported, without articles."""
        assert comparison.code_articles("NOT_A_CODE") == ()


class TestCompareDecisiveAndNotes:
    """The contract (issue 11): the outcome, the set of DECISIVE codes and the figures; notes only when strict."""

    REF: ClassVar[dict[str, Any]] = {
        "case": "c",
        "outcome": "DIRECT",
        "reasons": [
            "SCOPE_INTRA_PROVINCE",
            "SETTLEMENT_DIRECT",
            "SETTLEMENT_CATALOGS",
            "SETTLEMENT_CREDENTIAL_PRESENTED",
        ],
        "figures": {},
    }

    def test_a_missing_or_extra_note_is_listed_but_does_not_fail(self) -> None:
        """Dropping a note and adding another: two 'notes' differences, neither failing."""
        candidate = {**self.REF, "reasons": ["SCOPE_INTRA_PROVINCE", "SETTLEMENT_DIRECT", "SETTLEMENT_CATALOGS",
                                             "SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE"]}  # fmt: skip
        differences = comparison.compare(self.REF, candidate)
        assert [(d.what, d.detail, d.fails) for d in differences] == [
            ("notes", "missing reason SETTLEMENT_CREDENTIAL_PRESENTED", False),
            ("notes", "unexpected reason SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE", False),
        ]
        assert comparison.failing(differences) == []
        assert "art. 16" in differences[0].articles  # a note's articles are named too

    def test_strict_fails_on_notes_too(self) -> None:
        """With strict, the same differences fail."""
        candidate = {**self.REF, "reasons": ["SCOPE_INTRA_PROVINCE", "SETTLEMENT_DIRECT"]}
        differences = comparison.compare(self.REF, candidate, strict=True)
        assert [d.what for d in differences] == ["notes", "notes"]
        assert comparison.failing(differences) == differences

    def test_a_decisive_code_fails_first_whatever_the_candidate_says_its_role_is(self) -> None:
        """The role is the catalogue's: a candidate cannot demote a decisive code by calling it a note."""
        candidate = {**self.REF, "reasons": [{"code": "SCOPE_INTRA_PROVINCE", "role": "NOTE"}, "SETTLEMENT_CATALOGS",
                                             "SETTLEMENT_DIRECT_INBOUND", "SETTLEMENT_CREDENTIAL_PRESENTED"]}  # fmt: skip
        differences = comparison.compare(self.REF, candidate)
        assert [(d.what, d.detail, d.fails) for d in differences] == [
            ("reasons", "missing reason SETTLEMENT_DIRECT", True),
            ("reasons", "unexpected reason SETTLEMENT_DIRECT_INBOUND", True),
        ]

    def test_an_unknown_code_counts_as_decisive(self) -> None:
        """A code the catalogue does not know is not a note: an invented code fails."""
        assert not comparison.is_note("NOT_A_CODE") and comparison.is_note("SETTLEMENT_CATALOGS")
        candidate = {**self.REF, "reasons": [*self.REF["reasons"], "NOT_A_CODE"]}
        (difference,) = comparison.compare(self.REF, candidate)
        assert difference.fails and difference.what == "reasons"

    def test_an_expected_with_every_code_or_only_the_decisive_ones_passes(self) -> None:
        """Backward compatible: a corpus expected listing every code passes, and so does one listing only the
        decisive codes; with strict, only the full list passes."""
        data = {"case": "Changsha to Yueyang, reconciled", "decision": "reconciliation_deadline", "today": "2025-09-30",
                "facts": {"settled_on": "2025-09-30"}}  # fmt: skip
        result = cases.decide_json(json.dumps(data))
        every = [r["code"] for r in result["reasons"]]
        decisive = [r["code"] for r in result["reasons"] if r["role"] == "DECISIVE"]
        assert len(decisive) < len(every)
        for codes, strict_differences in ((every, 0), (decisive, 1)):
            expected = {**data, "expected": {"outcome": result["outcome"], "reasons": codes,
                                             "figures": result["figures"]}}  # fmt: skip
            reference = comparison.expected_result(cases.case_from_json(expected))
            assert reference is not None
            assert comparison.failing(comparison.compare(reference, result)) == []
            assert (
                len(comparison.failing(comparison.compare(reference, result, strict=True)))
                == strict_differences
            )


class TestAgainstExpected:
    """A case's expected that lists the codes present (and absent) is strict on what it lists, and on nothing else."""

    RESULT: ClassVar[dict[str, Any]] = {
        "case": "c", "outcome": "DIRECT",
        "reasons": [{"code": "SETTLEMENT_DIRECT"}, {"code": "SCOPE_INTRA_PROVINCE"}, {"code": "SETTLEMENT_CATALOGS"}],
        "figures": {"fund_share": "10.50", "worker_share": "0.00"},
    }  # fmt: skip

    @staticmethod
    def expected(**given: Any) -> cases.Expected:
        """An expected read from its JSON form."""
        data = {"case": "c", "decision": "scope", "today": "2025-09-01",
                "facts": {"insured": "430100", "treatment": "430600"}, "expected": given}  # fmt: skip
        case = cases.case_from_json(data)
        assert case.expected is not None
        return case.expected

    def check(self, expected: cases.Expected, result: Any = None, *, strict: bool = False) -> list[Any]:
        """(what, detail, fails) of each difference from ``expected``."""
        found = comparison.against_expected(
            expected,
            self.RESULT if result is None else result,
            name="c",
            decision="settlement",
            strict=strict,
        )
        return [(d.what, d.detail, d.fails) for d in found]

    def test_codes_and_figures_not_listed_are_not_judged(self) -> None:
        """One decisive code and one figure listed: the other codes and figures may be anything."""
        expected = self.expected(
            outcome="DIRECT", present=["SETTLEMENT_DIRECT"], figures={"fund_share": "10.5"}
        )
        assert self.check(expected) == [] and self.check(expected, strict=True) == []

    def test_a_missing_present_code_and_a_given_absent_code_fail(self) -> None:
        """Decisive codes fail whatever the strictness; the outcome and listed figures are checked as ever."""
        expected = self.expected(outcome="MANUAL", present=["SETTLEMENT_MANUAL"], absent=["SCOPE_INTRA_PROVINCE"],
                                 figures={"fund_share": "0.00"})  # fmt: skip
        assert self.check(expected) == [
            ("outcome", "expected MANUAL, got DIRECT", True),
            ("reasons", "missing reason SETTLEMENT_MANUAL", True),
            ("reasons", "reason SCOPE_INTRA_PROVINCE must not be given", True),
            ("figures", 'figures.fund_share: expected "0.00", got "10.50"', True),
        ]

    def test_a_listed_note_fails_only_when_strict(self) -> None:
        """A note missing from present, or given though absent, is listed; --strict fails it."""
        expected = self.expected(outcome="DIRECT", present=["SETTLEMENT_CREDENTIAL_PRESENTED"],
                                 absent=["SETTLEMENT_CATALOGS"])  # fmt: skip
        assert self.check(expected) == [
            ("notes", "missing reason SETTLEMENT_CREDENTIAL_PRESENTED", False),
            ("notes", "reason SETTLEMENT_CATALOGS must not be given", False),
        ]
        assert all(fails for _w, _d, fails in self.check(expected, strict=True))

    def test_errors_and_malformed_results_are_differences(self) -> None:
        """A decided expectation against an error result, or against junk, is one difference."""
        expected = self.expected(outcome="DIRECT", present=[])
        assert [w for w, _d, _f in self.check(expected, {"case": "c", "error": {"problems": []}})] == [
            "error"
        ]
        assert [w for w, _d, _f in self.check(expected, [])] == ["result"]

    def test_the_whole_set_of_reasons_is_compared_as_before(self) -> None:
        """An expected with reasons is exact on the decisive codes, as compare() is."""
        expected = self.expected(outcome="DIRECT", reasons=["SETTLEMENT_DIRECT"], figures={})
        assert self.check(expected) == [("reasons", "unexpected reason SCOPE_INTRA_PROVINCE", True),
                                        ("notes", "unexpected reason SETTLEMENT_CATALOGS", False)]  # fmt: skip
