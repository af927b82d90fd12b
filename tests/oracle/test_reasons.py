"""The reason catalogue (gongshang_rules.oracle.reasons) and the role contract (issue 11): every ruling has a decisive
reason, and every code a decision gives is catalogued as given by that decision."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules.kernel.ruling import REASONS, Role
from gongshang_rules.oracle import cases, cli, jsonio, reasons

DATE = "%Y-%m-%d"


@cache
def corpus() -> tuple[dict[str, Any], ...]:
    """The bundled corpus, parsed."""
    return tuple(
        json.loads(line) for _n, text in cli._corpus_files() for line in text.decode("utf-8").splitlines()
    )


def decided(data: dict[str, Any]) -> dict[str, Any] | None:
    """The result of a case, or None when the library rejects it."""
    result = cases.decide_data(data)[1]
    return None if "error" in result else result


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    copy = json.loads(json.dumps(value))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


def _is_date(text: Any) -> bool:
    try:
        return isinstance(text, str) and dt.datetime.strptime(text, DATE).date().isoformat() == text  # noqa: DTZ007
    except ValueError:
        return False


def varied_corpus() -> Iterator[dict[str, Any]]:
    """Cases generated from the corpus: each boolean fact flipped, each date moved a day and a quarter either way, and ``today``
    moved for the decisions that use it. Some become cases the library rejects; those are skipped by callers."""
    for data in corpus():
        if "error" in data["expected"]:
            continue
        case = {k: v for k, v in data.items() if k != "expected"}
        for path, value in _leaves(case["facts"]):
            if isinstance(value, bool):
                yield {**case, "facts": _set(case["facts"], path, not value)}
            elif _is_date(value):
                day = dt.datetime.strptime(value, DATE).date()  # noqa: DTZ007
                for shift in (-92, -1, 1, 92):
                    moved = (day + dt.timedelta(days=shift)).isoformat()
                    yield {**case, "facts": _set(case["facts"], path, moved)}
        if cases.DECISIONS[case["decision"]].uses_today:
            today = dt.date.fromisoformat(case["today"])
            for shift in (-1, 1, 400):
                yield {**case, "today": (today + dt.timedelta(days=shift)).isoformat()}


def assert_contract(result: dict[str, Any]) -> None:
    """At least one decisive reason; every reason's role is the catalogue's; every code is catalogued as given
    by the result's decision."""
    giving = reasons.decisions_giving()
    assert any(r["role"] == Role.DECISIVE.name for r in result["reasons"]), result
    for r in result["reasons"]:
        assert r["role"] == REASONS[r["code"]].role.name
        assert result["decision"] in giving[r["code"]], (r["code"], result["decision"])


class TestEveryRulingHasADecisiveReason:
    """A ruling rests on something: the corpus and cases generated from it all carry a decisive reason."""

    def test_every_corpus_result_has_a_decisive_reason(self) -> None:
        """All decided corpus cases, every decision among them."""
        seen = set()
        for data in corpus():
            result = decided(data)
            if result is not None:
                assert_contract(result)
                seen.add(result["decision"])
        assert seen == set(cases.DECISIONS)

    def test_every_varied_corpus_case_has_a_decisive_reason(self) -> None:
        """Thousands of cases a flag or a day away from a corpus case: the same contract, many more paths."""
        count = 0
        for data in varied_corpus():
            result = decided(data)
            if result is not None:
                assert_contract(result)
                count += 1
        assert count > 2000

    @given(
        insured=st.sampled_from(["430100", "430181", "430600", "省本级", "650000", "440000"]),
        treatment=st.sampled_from(["430102", "430600", "430602", "440000", "110000"]),
        day=st.dates(dt.date(2025, 1, 1), dt.date(2028, 3, 31)),
        n=st.integers(1, 12),
        data=st.data(),
    )
    def test_generated_cases_of_the_simple_decisions_have_a_decisive_reason(
        self, insured: str, treatment: str, day: dt.date, n: int, data: st.DataObject
    ) -> None:
        """Generated scope, in_force, catalog, allowance, agency, recovery, period and deadline cases."""
        from gongshang_rules.rules.agencies import AgencyTask
        from gongshang_rules.rules.catalog import CostKind
        from gongshang_rules.rules.recovery import RecoveryCause
        from gongshang_rules.rules.scope import Scope

        places = {"insured": insured, "treatment": treatment}
        facts_of = {
            "scope": places,
            "in_force": {"scope": data.draw(st.sampled_from([s.name for s in Scope]))},
            "catalog": {
                "scope": data.draw(st.sampled_from([s.name for s in Scope])),
                "cost_kind": data.draw(st.sampled_from([c.name for c in CostKind])),
            },
            "meal_allowance": {"scope": data.draw(st.sampled_from([s.name for s in Scope]))},
            "travel_and_lodging": {
                "scope": data.draw(st.sampled_from([s.name for s in Scope])),
                "is_referral": data.draw(st.booleans()),
            },
            "responsible_agency": {
                "task": data.draw(st.sampled_from([t.name for t in AgencyTask])),
                **places,
            },
            "recovery_responsibility": {
                "cause": data.draw(st.sampled_from([c.name for c in RecoveryCause])),
                **places,
            },
            "working_day_after": {"date": day.isoformat(), "n": n},
            "add_months": {"date": day.isoformat(), "n": n},
            "review_deadline": {"received_on": day.isoformat()},
            "reconciliation_deadline": {"settled_on": day.isoformat()},
            "monthly_reconciliation_deadline": {"year": day.year, "month": day.month},
            "annual_clearing": {"year": day.year},
        }
        decision = data.draw(st.sampled_from(sorted(facts_of)))
        case = {
            "case": "generated",
            "decision": decision,
            "today": day.isoformat(),
            "facts": facts_of[decision],
        }
        result = decided(case)
        if result is not None:  # a year the calendar does not know, a treatment place that cannot be, ...
            assert_contract(result)


class TestDecisionsGiving:
    """Which decisions can give a code is traced from the decisions' functions, not written by hand."""

    def test_every_code_observed_in_the_corpus_lists_its_decision(self) -> None:
        """Every code a corpus result of decision D carries lists D."""
        observed: dict[str, set[str]] = defaultdict(set)
        for data in corpus():
            result = decided(data)
            for r in (result or {}).get("reasons", []):
                observed[r["code"]].add(result["decision"])  # type: ignore[index]
        giving = reasons.decisions_giving()
        for code, decisions in observed.items():
            assert decisions <= set(giving[code]), code

    def test_every_code_can_be_given_by_some_decision(self) -> None:
        """No catalogued code is out of the oracle's reach, and every listed decision exists."""
        giving = reasons.decisions_giving()
        assert set(giving) == set(REASONS)
        for code, decisions in giving.items():
            assert decisions, code
            assert set(decisions) <= set(cases.DECISIONS)
            assert list(decisions) == [d for d in cases.DECISIONS if d in decisions]  # in table order

    def test_a_rule_that_only_consults_another_does_not_pass_on_its_reasons(self) -> None:
        """settlement asks the registry and the catalogs, but gives their outcomes, not their reasons; the filing's
        coverage reasons and the scope's do reach it."""
        giving = reasons.decisions_giving()
        assert "settlement" not in giving["INSTITUTION_LISTED"]
        assert giving["INSTITUTION_LISTED"] == ("institution_status",)
        assert "settlement" not in giving["CATALOG_INTRA_PROVINCE_UNIFIED"]
        assert "filing_coverage" not in giving["FILING_VALIDITY_COMPUTED"]
        assert "settlement" in giving["COVERAGE_WITHIN_VALIDITY"]
        assert "settlement" in giving["MEAL_CROSS_PROVINCE_INSURED_PLACE"]
        assert {"scope", "eligibility", "settlement", "fund_flow"} <= set(giving["SCOPE_INTRA_PROVINCE"])
        assert giving["PERIOD_MONTHS_COUNTED"] == ("add_months",)
        assert giving["REVIEW_DEADLINE"] == ("review_deadline", "review")


class TestCatalogue:
    """gongshang-rules reasons: every code with its role, articles, reading flag, decisions and when."""

    def test_the_catalogue_lists_every_code_once_with_the_published_keys(self) -> None:
        """Sorted by code; the keys of the --json objects; the values are the templates'."""
        entries = reasons.catalogue()
        assert [e["code"] for e in entries] == sorted(REASONS)
        for e in entries:
            template = REASONS[e["code"]]
            assert set(e) == {"code", "role", "articles", "interpretation", "decisions", "when"}
            assert e["role"] == template.role.name and e["when"] == template.when
            assert e["articles"] == [str(c) for c in template.articles]
            assert e["interpretation"] is template.interpretation
        assert json.loads(jsonio.dumps(entries)) == entries

    def test_both_roles_are_used_and_the_brief_s_examples_are_notes(self) -> None:
        """Catalogs summary, credential presented, judged on the settlement date, runs past the procedure's end,
        form dates that differ: notes. The scope, the coverage conditions and the outcome's rule: decisive."""
        for code in (
            "SETTLEMENT_CATALOGS",
            "SETTLEMENT_CREDENTIAL_PRESENTED",
            "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE",
            "FILING_RUNS_PAST_PROCEDURE_END",
            "FILING_VALIDITY_DIFFERS_FROM_RULE",
        ):
            assert REASONS[code].role is Role.NOTE, code
        for code in ("SCOPE_INTRA_PROVINCE", "COVERAGE_AFTER_VALIDITY", "SETTLEMENT_DIRECT", "CHANGE_LOCKED"):
            assert REASONS[code].role is Role.DECISIVE, code

    def test_the_text_lists_decisive_codes_before_notes(self) -> None:
        """A count, then the DECISIVE section, then the NOTE section, each code with decisions and when."""
        text = reasons.catalogue_text()
        assert text.splitlines()[0].startswith(f"{len(REASONS)} reason codes: ")
        assert text.index("\nDECISIVE: ") < text.index("\nNOTE: ")
        assert (
            text.index("SETTLEMENT_DIRECT (") < text.index("\nNOTE: ") < text.index("SETTLEMENT_CATALOGS (")
        )
        assert "      when: " in text and "      decisions: settlement" in text
