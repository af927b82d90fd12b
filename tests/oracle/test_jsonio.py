"""JSON in and out (gongshang_rules.oracle.jsonio): money as decimal strings, every problem with its JSON path, round trips.

Other implementations talk to the oracle in JSON only, so the forms are the contract: money is a decimal string and
a float is rejected, never rounded; dates are ISO 8601; enums are member names; places are codes; an identity number
is read whole and never written whole in output; the same value gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongshang_rules.kernel.errors import InvalidInputError as InvalidInputErrorType
from gongshang_rules.kernel.identity import IdentityNumber, Worker
from gongshang_rules.kernel.places import place
from gongshang_rules.kernel.ruling import Reason, Role
from gongshang_rules.kernel.terms import PersonCategory, ServiceKind
from gongshang_rules.kernel.workdays import WorkingDayCalendar, YearSchedule
from gongshang_rules.oracle import cases, hooks, jsonio, jsontext
from gongshang_rules.oracle import problems as problems_module
from gongshang_rules.oracle.cli import _corpus_files
from gongshang_rules.oracle.jsonio import CaseError, JsonFloat
from gongshang_rules.oracle.registry_io import example_registry
from gongshang_rules.rules.applications import FilingApplication
from gongshang_rules.rules.coverage_facts import CoverageFacts
from gongshang_rules.rules.eligibility import EligibilityFacts
from gongshang_rules.rules.episodes import CostLine, Episode, LineKind
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.forms import (
    AgencyDecision,
    AgencyOpinion,
    Agent,
    Annex1Form,
    Annex2Form,
    Device,
    Employer,
)
from gongshang_rules.rules.institutions import (
    Institution,
    InstitutionRegistry,
    InstitutionStatus,
    StatusChange,
)
from gongshang_rules.rules.manual_claims import ManualClaim
from gongshang_rules.rules.records import SettlementRecord
from gongshang_rules.rules.settlement import SettlementRuling

ID = "430102199001011238"
WHOLE_ID = re.compile(r"\d{17}[\dXx]")


def problems(error: CaseError) -> dict[str, str]:
    """The problems of an error, by path."""
    return {p.path: p.message for p in error.problems}


def corpus_cases() -> list[dict[str, Any]]:
    """Every case of the bundled corpus, parsed."""
    return [json.loads(line) for _name, text in _corpus_files() for line in text.decode("utf-8").splitlines()]


def decidable_cases() -> list[cases.Case]:
    """Every corpus case whose facts are valid."""
    found = []
    for data in corpus_cases():
        if "error" not in data["expected"]:
            found.append(cases.case_from_json(jsonio.loads(json.dumps(data))))
    return found


class TestLoads:
    """loads parses strictly: floats are kept apart, repeated keys and NaN are errors, every error at $."""

    def test_a_float_is_kept_as_its_text(self) -> None:
        """1.50 is not turned into a float: it stays JsonFloat('1.50'), so money can tell it apart."""
        assert jsonio.loads('{"a": 1.50}') == {"a": JsonFloat("1.50")}

    def test_a_repeated_key_is_an_error(self) -> None:
        """JSON objects must not repeat a key; the last one does not silently win."""
        with pytest.raises(CaseError) as caught:
            jsonio.loads('{"a": 1, "a": 2}')
        assert "appears twice" in problems(caught.value)["$"]

    def test_nan_is_not_json(self) -> None:
        """NaN and Infinity are Python's extensions, not JSON."""
        with pytest.raises(CaseError) as caught:
            jsonio.loads('{"a": NaN}')
        assert "NaN" in problems(caught.value)["$"]

    def test_bad_json_says_where(self) -> None:
        """A syntax error names its line and column."""
        with pytest.raises(CaseError) as caught:
            jsonio.loads('{"a": }')
        assert "line 1, column 7" in problems(caught.value)["$"]

    def test_bytes_that_are_not_utf8_are_an_error(self) -> None:
        """Input is UTF-8; other bytes are reported, not decoded by guess."""
        with pytest.raises(CaseError) as caught:
            jsonio.loads(b'{"a": "\xff"}')
        assert "UTF-8" in problems(caught.value)["$"] or "JSON" in problems(caught.value)["$"]

    def test_deep_nesting_is_an_error_not_a_crash(self) -> None:
        """A pathologically nested document gives a CaseError, never a RecursionError traceback."""
        with pytest.raises(CaseError):
            jsonio.loads("[" * 100_000 + "]" * 100_000)

    def test_json_floats_compare_by_text(self) -> None:
        """JsonFloat is a value: equal texts are equal and hash alike."""
        assert JsonFloat("1.5") == JsonFloat("1.5") and JsonFloat("1.5") != JsonFloat("1.50")
        assert hash(JsonFloat("2.0")) == hash(JsonFloat("2.0"))
        assert jsonio.plain({"a": [JsonFloat("1.5")]}) == {"a": [1.5]}


class TestMoney:
    """Money is a decimal string in yuan: a JSON number is rejected, not rounded."""

    def test_a_float_amount_is_rejected_with_its_path(self) -> None:
        """12.5 as a JSON number is refused at $.amount, with the string to write instead."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure(jsonio.loads('{"kind": "DRUG", "amount": 12.5}'), CostLine)
        message = problems(caught.value)["$.amount"]
        assert "never money" in message and '"12.50"' in message

    def test_an_integer_amount_is_rejected_too(self) -> None:
        """100 as a JSON integer is not money either: only a string is."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure({"kind": "DRUG", "amount": 100}, CostLine)
        assert "$.amount" in problems(caught.value)

    @pytest.mark.parametrize("text", ["12.345", "-1", "+1", "1e3", " 1", "1,000.00", "", "NaN", ".5"])
    def test_malformed_amounts_are_rejected(self, text: str) -> None:
        """More than 2 places, a sign, an exponent, blanks and separators are refused."""
        with pytest.raises(CaseError):
            jsonio.structure({"kind": "DRUG", "amount": text}, CostLine)

    @pytest.mark.parametrize(
        ("text", "written"), [("3000", "3000.00"), ("3000.5", "3000.50"), ("0.01", "0.01")]
    )
    def test_output_money_has_exactly_two_places(self, text: str, written: str) -> None:
        """Input may have 0 to 2 places; output always has 2."""
        line = jsonio.structure({"kind": "DRUG", "amount": text}, CostLine)
        assert line.amount == Decimal(text)
        assert jsonio.output(line)["amount"] == written

    @given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
    def test_every_amount_round_trips_exactly(self, amount: Decimal) -> None:
        """Any fen amount written and read back is the same Decimal."""
        line = CostLine(kind=LineKind.DRUG, amount=amount)
        again = jsonio.structure(jsonio.loads(jsonio.dumps(jsonio.unstructure(line))), CostLine)
        assert again == line


class TestLeafValues:
    """Dates, enums, places and identity numbers in their JSON forms; nothing is coerced."""

    @pytest.mark.parametrize("text", ["2025-02-29", "2025-8-1", "20250801", "2025-08-01T00:00:00"])
    def test_a_date_must_be_a_real_iso_calendar_date(self, text: str) -> None:
        """Only YYYY-MM-DD naming a day that exists is a date."""
        with pytest.raises(CaseError):
            jsonio.structure(text, dt.date)

    def test_types_are_not_coerced(self) -> None:
        """A string is not an int, 1 is not true, a number is not a string."""
        for value, kind in (("3", int), (1, bool), (3, str), (True, int)):
            with pytest.raises(CaseError):
                jsonio.structure(value, kind)

    def test_an_enum_is_read_by_member_name_only(self) -> None:
        """The stable code is the name; a label, a value or a misspelling is refused and the names listed."""
        assert jsonio.structure("REFERRAL", PersonCategory) is PersonCategory.REFERRAL
        with pytest.raises(CaseError) as caught:
            jsonio.structure("REFERAL", PersonCategory)
        assert "LONG_TERM_RESIDENCE" in problems(caught.value)["$"]
        with pytest.raises(CaseError):
            jsonio.structure(1, PersonCategory)

    def test_a_place_is_read_by_code_or_name_and_written_by_key(self) -> None:
        """株洲市 reads as 430200 and is written 430200; 省本级 is written 省本级."""
        assert jsonio.output(jsonio.structure("株洲市", type(place("430200")))) == "430200"
        assert jsonio.output(place("省本级")) == "省本级"
        with pytest.raises(CaseError) as caught:
            jsonio.structure("香港", type(place("430200")))
        assert "outside the mainland" in problems(caught.value)["$"]
        with pytest.raises(CaseError):
            jsonio.structure(430200, type(place("430200")))

    def test_an_identity_number_is_whole_in_input_and_masked_in_output(self) -> None:
        """unstructure writes facts back whole; output masks first 3 and last 4."""
        number = jsonio.structure(ID, IdentityNumber)
        assert jsonio.unstructure(number) == ID
        assert jsonio.output(number) == "430***********1238"
        assert jsonio.structure("4301 0219 9001 0112 38", IdentityNumber) == number

    def test_an_identity_number_error_never_shows_the_number(self) -> None:
        """A wrong check digit is reported masked, wherever the number stands."""
        bad = ID[:-1] + "9"
        with pytest.raises(CaseError) as caught:
            jsonio.structure({"name": "张三", "identity_number": bad, "insured": "430100"}, Worker)
        assert not WHOLE_ID.search(str(caught.value))
        with pytest.raises(CaseError) as caught:
            jsonio.structure(ID, PersonCategory)
        assert not WHOLE_ID.search(str(caught.value))
        with pytest.raises(CaseError):
            jsonio.structure(18, IdentityNumber)


class TestEveryProblem:
    """Bad fields give ONE CaseError listing every problem with its JSON path."""

    def test_problems_in_nested_objects_and_lists_all_have_paths(self) -> None:
        """Problems at several depths are all listed, each at its own path."""
        data = {
            "worker": {"name": "张三", "identity_number": ID, "insured": "香港"},
            "filing": {"insured": "430100", "treatment": "430600", "category": "REFERAL", "service": "MEDICAL",
                       "filed_on": "2025-02-30"},
            "institution_code": "EX-0002",
            "care": 3,
            "service": "MEDICAL",
            "started_on": "2025-09-10",
            "lines": [{"kind": "DRUG", "amount": JsonFloat("12.5")}, {"kind": "DRUG", "amount": "1", "extra": 1}],
            "credential": "SOCIAL_SECURITY_CARD",
            "unknown": True,
        }  # fmt: skip
        with pytest.raises(CaseError) as caught:
            jsonio.structure(data, Episode, path="$.facts.episode")
        found = problems(caught.value)
        assert set(found) >= {
            "$.facts.episode.worker.insured",
            "$.facts.episode.filing.category",
            "$.facts.episode.filing.filed_on",
            "$.facts.episode.care",
            "$.facts.episode.lines[0].amount",
            "$.facts.episode.lines[1].extra",
            "$.facts.episode.unknown",
        }
        assert str(caught.value).startswith(f"{len(found)} problems in the input:")

    def test_every_failing_validator_is_listed_not_the_first_only(self) -> None:
        """Two blank texts in one object and one in a nested object: three problems."""
        data = {"name": " ", "identity_number": ID, "insured": "430100"}
        episode = {
            "worker": data, "filing": None, "institution_code": " ", "care": "INPATIENT", "service": "MEDICAL",
            "started_on": "2025-09-10", "lines": [{"kind": "DRUG", "amount": "1", "description": " "}],
            "credential": "NONE",
        }  # fmt: skip
        with pytest.raises(CaseError) as caught:
            jsonio.structure(episode, Episode)
        assert set(problems(caught.value)) == {
            "$.worker.name",
            "$.institution_code",
            "$.lines[0].description",
        }

    def test_missing_keys_are_each_named(self) -> None:
        """An empty object lacks every required key, each reported at its path."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure({}, EligibilityFacts)
        assert "$.applied_on" in problems(caught.value)
        assert problems(caught.value)["$.insured"] == "required, and missing"

    def test_a_cross_field_check_is_reported_with_its_field(self) -> None:
        """settled_on before started_on is reported at $.settled_on."""
        data = jsonio.unstructure(cases_news_episode())
        data["settled_on"] = "2025-08-01"
        with pytest.raises(CaseError) as caught:
            jsonio.structure(data, Episode)
        assert set(problems(caught.value)) == {"$.settled_on"}

    def test_a_list_where_an_object_belongs_is_one_problem(self) -> None:
        """The wrong JSON type is said plainly."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure([], Episode)
        assert problems(caught.value) == {"$": "must be a JSON object, got a list"}

    def test_a_list_item_twice_in_a_set_is_refused(self) -> None:
        """frozensets are lists without repeats."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure(["DRUG", "DRUG"], frozenset[LineKind])
        assert "twice" in problems(caught.value)["$"]

    def test_a_form_says_which_annex_it_is(self) -> None:
        """A filing form without "annex": 1 or 2 is refused at its path."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure({"form": {"name": "x"}, "insured": "430100", "channel": "HUNAN_PLATFORM",
                              "materials": []}, FilingApplication)  # fmt: skip
        assert "annex" in problems(caught.value)["$.form"]
        with pytest.raises(CaseError):
            jsonio.structure({"form": [], "insured": "430100", "channel": "HUNAN_PLATFORM", "materials": []},
                             FilingApplication)  # fmt: skip

    def test_a_calendar_is_checked_key_by_key(self) -> None:
        """Unknown keys, a bad flag and a year given twice are all reported."""
        schedule = {"year": 2027, "days_off": ["2027-01-01"], "makeup_workdays": [], "source": "x"}
        with pytest.raises(CaseError) as caught:
            jsonio.structure(
                {"schedules": [schedule, schedule], "use_bundled": "yes", "x": 1}, WorkingDayCalendar
            )
        assert set(problems(caught.value)) >= {"$.x", "$.use_bundled", "$.schedules[1].year"}
        with pytest.raises(CaseError):
            jsonio.structure([], WorkingDayCalendar)
        with pytest.raises(CaseError):
            jsonio.structure({"schedules": "none"}, WorkingDayCalendar)

    def test_a_registry_is_example_or_an_object(self) -> None:
        """The bundled example by name, or inline institutions with every problem at its path."""
        assert jsonio.structure("example", InstitutionRegistry) is example_registry()
        with pytest.raises(CaseError):
            jsonio.structure("elsewhere", InstitutionRegistry)
        bad = {"institutions": [{"code": "X", "name": "x", "place": "430100", "services": ["MEDICAL"],
                                 "history": [{"on": "2025-08-01", "status": "SUSPENDED"}]}]}  # fmt: skip
        with pytest.raises(CaseError) as caught:
            jsonio.structure(bad, InstitutionRegistry)
        assert "$.institutions[0].history[0].status" in problems(caught.value)


def cases_news_episode() -> Episode:
    """The news case's episode."""
    from gongshang_rules.oracle.examples import first_cross_province_case

    return first_cross_province_case().episode


ANNEX_2 = {
    "annex": 2, "name": "孙八", "sex": "MALE", "identity_number": "43052119920303456X", "injured_body_part": "左小腿",
    "injury_decision_number": "邵人社工认〔2024〕12号", "phone": "13500000000", "address": "邵阳市某县",
    "filing_type": "NEW", "category": "REFERRAL", "applicant": "EMPLOYER", "treatment": "430100",
    "signed_on": "2026-02-12", "device_conclusion_number": "邵辅结〔2025〕3号", "cost_approval_number": "邵辅核〔2025〕3号",
    "devices": [{"name": "小腿假肢", "minimum_service_years": 3, "maximum_payment": "12000.00"}],
    "employer": {"name": "某某机械有限公司", "credit_code": "91430100MA4L0XXXXD", "contact_person": "周九",
                 "contact": "0739-5550000"},
    "decision": {"opinion": "AGREE", "handler": "刘十", "decided_on": "2026-02-13", "valid_from": "2026-02-13",
                 "valid_through": "2026-05-13"},
}  # fmt: skip


class TestRoundTrips:
    """Every public input type and every result type reads back what it writes."""

    def test_every_corpus_fact_round_trips(self) -> None:
        """Each corpus case's facts, written and read back, are the same value (all decision facts types)."""
        seen: set[type] = set()
        for case in decidable_cases():
            kind = cases.DECISIONS[case.decision].facts
            text = jsonio.dumps(jsonio.unstructure(case.facts, kind))
            assert jsonio.structure(jsonio.loads(text), kind) == case.facts
            seen.add(kind)
        assert seen == {d.facts for d in cases.DECISIONS.values()}

    @pytest.mark.parametrize(
        "value",
        [
            Annex2Form,
            Agent(name="赵七", identity_number=IdentityNumber(ID)),
            Device(name="助听器", minimum_service_years=5, maximum_payment=Decimal("3500")),
            Employer(name="某公司", credit_code="91430100MA4L0XXXXD", contact_person="周九", contact="0739-5550000"),
            AgencyDecision(opinion=AgencyOpinion.DISAGREE, handler="刘十", decided_on=dt.date(2025, 9, 1),
                           reason="材料不全"),
            StatusChange(on=dt.date(2025, 8, 1), status=InstitutionStatus.ADDED),
            YearSchedule(year=2027, days_off=frozenset({dt.date(2027, 1, 1)}), makeup_workdays=frozenset(),
                         source="example"),
            WorkingDayCalendar(),
            example_registry(),
            SettlementRecord(settlement_id="S1", identity_number=IdentityNumber(ID), institution_code="EX-0002",
                             insured=place("430100"), treatment=place("430200"), started_on=dt.date(2025, 9, 1),
                             ended_on=dt.date(2025, 9, 2), bill=Decimal("10"), fund_share=Decimal("10")),
            ManualClaim(identity_number=IdentityNumber(ID), institution_code="EX-0002", started_on=dt.date(2025, 9, 1),
                        ended_on=dt.date(2025, 9, 2), kinds=frozenset({LineKind.DRUG})),
        ],
    )  # fmt: skip
    def test_input_types_round_trip(self, value: Any) -> None:
        """Forms, agents, devices, employers, decisions, registry entries, schedules, records and claims."""
        if value is Annex2Form:
            value = jsonio.structure(ANNEX_2, Annex1Form | Annex2Form)
            assert isinstance(value, Annex2Form)
        kind = Annex1Form | Annex2Form if isinstance(value, Annex2Form) else type(value)
        assert jsonio.structure(jsonio.loads(jsonio.to_json_text(value)), kind) == value

    def test_an_inline_registry_round_trips(self) -> None:
        """A registry that is not the bundled example is written in full and read back."""
        institution = Institution(
            code="CP-1", name="示例", place=place("430600"), services=frozenset({ServiceKind.MEDICAL}),
            history=(StatusChange(on=dt.date(2025, 8, 1), status=InstitutionStatus.ADDED),),
        )  # fmt: skip
        registry = InstitutionRegistry(institutions=(institution,), about="inline")
        data = jsonio.unstructure(registry)
        assert isinstance(data, dict) and data["institutions"][0]["code"] == "CP-1"
        assert jsonio.structure(data, InstitutionRegistry) == registry

    def test_every_result_type_round_trips(self) -> None:
        """Each corpus ruling (every decision's result type, nested rulings included) reads back equal."""
        seen: set[type] = set()
        for case in decidable_cases():
            try:
                ruling = cases.decide(case)
            except CaseError:
                continue
            text = jsonio.dumps(jsonio.ruling_to_json(ruling))
            assert jsonio.ruling_from_json(jsonio.loads(text), type(ruling)) == ruling
            seen.add(type(ruling))
        assert seen == {d.ruling for d in cases.DECISIONS.values()}

    def test_a_reason_reads_back_only_when_its_texts_match_its_citations(self) -> None:
        """articles (text) and citations (structured) must agree; a stray key is refused."""
        ruling = cases.decide(decidable_cases()[0])
        data = jsonio.reason_to_json(ruling.reasons[0])
        assert jsonio.structure(data, Reason) == ruling.reasons[0]
        with pytest.raises(CaseError):
            jsonio.structure({**data, "articles": ["art. 1"]}, Reason)
        with pytest.raises(CaseError):
            jsonio.structure({**data, "extra": 1}, Reason)
        with pytest.raises(CaseError):
            jsonio.structure({**data, "code": "lower"}, Reason)
        with pytest.raises(CaseError):
            jsonio.structure({**data, "citations": [{"annex": 3}]}, Reason)
        with pytest.raises(CaseError):
            jsonio.structure({**data, "citations": [{"chapter": 1}]}, Reason)
        with pytest.raises(CaseError):
            jsonio.structure([], Reason)

    def test_a_reason_reads_back_with_its_role(self) -> None:
        """role is written by name and read back; without one a reason is decisive; a bad one is refused."""
        ruling = cases.decide(decidable_cases()[0])
        data = jsonio.reason_to_json(ruling.reasons[0])
        assert data["role"] == ruling.reasons[0].role.name
        note = attrs.evolve(ruling.reasons[0], role=Role.NOTE)
        assert jsonio.structure(jsonio.reason_to_json(note), Reason).role is Role.NOTE
        without = {k: v for k, v in data.items() if k != "role"}
        assert jsonio.structure(without, Reason).role is Role.DECISIVE
        with pytest.raises(CaseError) as caught:
            jsonio.structure({**data, "role": "MAYBE"}, Reason)
        assert "DECISIVE, NOTE" in str(caught.value)

    def test_a_ruling_with_bad_fields_lists_them(self) -> None:
        """A result read back with a wrong outcome, a stray key and a bad figure reports all three."""
        ruling = cases.decide(next(c for c in decidable_cases() if c.decision == "settlement"))
        data = jsonio.ruling_to_json(ruling)
        data.update(outcome="PAID", extra=1, bill=JsonFloat("1.5"))
        with pytest.raises(CaseError) as caught:
            jsonio.ruling_from_json(data, SettlementRuling)
        assert set(problems(caught.value)) >= {"$.outcome", "$.extra", "$.bill"}
        with pytest.raises(CaseError):
            jsonio.ruling_from_json([], SettlementRuling)

    @given(
        st.builds(
            Filing,
            insured=st.sampled_from([place("430100"), place("430300"), place("430181")]),
            treatment=st.sampled_from([place("430600"), place("440000")]),
            category=st.sampled_from(list(PersonCategory)),
            service=st.sampled_from([ServiceKind.MEDICAL, ServiceKind.REHABILITATION]),
            filed_on=st.dates(min_value=dt.date(2025, 8, 1), max_value=dt.date(2027, 7, 31)),
            institution_codes=st.none()
            | st.frozensets(st.sampled_from(["EX-1", "EX-2", "机构3"]), min_size=1),
        )
    )
    def test_any_filing_round_trips(self, filing: Filing) -> None:
        """Hypothesis: every filing of these shapes reads back equal, and its text is stable."""
        text = jsonio.to_json_text(filing)
        again = jsonio.from_json_text(text, Filing)
        assert again == filing and jsonio.to_json_text(again) == text


class TestDeterminism:
    """The same value gives byte-identical JSON: keys sorted, UTF-8 kept, fixed separators."""

    def test_key_order_does_not_depend_on_insertion(self) -> None:
        """Two dicts built in different orders dump to the same bytes."""
        assert (
            jsonio.dumps({"b": 1, "a": "湖南"}) == jsonio.dumps({"a": "湖南", "b": 1}) == '{"a":"湖南","b":1}'
        )

    def test_sets_are_written_sorted(self) -> None:
        """A frozenset is a sorted list, whatever its iteration order."""
        facts = jsonio.structure({"insured": "430100", "treatment": "430600", "service": "MEDICAL",
                                  "bases": ["RECURRENCE_CONFIRMATION", "INJURY_RECOGNITION"],
                                  "category": "REFERRAL", "applied_on": "2025-09-01",
                                  "meets_insured_place_requirements": True, "insured_place_cannot_treat": True,
                                  "has_referral_opinion": True}, EligibilityFacts)  # fmt: skip
        assert jsonio.unstructure(facts)["bases"] == ["INJURY_RECOGNITION", "RECURRENCE_CONFIRMATION"]

    def test_a_result_dumps_identically_twice(self) -> None:
        """Deciding the same case twice gives the same bytes."""
        line = json.dumps(corpus_cases()[0], ensure_ascii=False)
        assert jsonio.dumps(cases.decide_json(line)) == jsonio.dumps(cases.decide_json(line))

    def test_coverage_facts_round_trip_with_all_flags(self) -> None:
        """The coverage facts type, with its optional dates, reads back equal."""
        data = {"insured": "430100", "filing": None, "service": "MEDICAL", "institution_code": "X",
                "institution_place": "430602", "admitted_on": "2025-09-03", "settled_on": "2025-09-04",
                "emergency_marked": True, "entitlement_lost_on": "2025-09-04"}  # fmt: skip
        facts = jsonio.structure(data, CoverageFacts)
        assert jsonio.structure(jsonio.unstructure(facts), CoverageFacts) == facts


class TestErrorPlumbing:
    """How problems are gathered: nested errors, library errors, leaf messages."""

    def test_an_empty_problem_list_still_says_something(self) -> None:
        """CaseError([]) reports one problem at $."""
        assert CaseError([]).problems[0].path == "$"

    def test_problems_of_roots_every_kind_of_error(self) -> None:
        """A nested CaseError, an indexed field, a library error and a stray exception all get paths."""
        from gongshang_rules.kernel.errors import CalendarUnknownError, InvalidInputError

        nested = CaseError([jsonio.Problem("$.a", "bad")])
        assert jsonio.problems_of(nested, "$.facts")[0].path == "$.facts.a"
        assert jsonio.problems_of(InvalidInputError("[2]", "bad"), "$.x")[0].path == "$.x[2]"
        assert "2027" in jsonio.problems_of(CalendarUnknownError(2027))[0].message
        assert jsonio.problems_of(TypeError("boom"))[0].message == "invalid value (TypeError)"

    def test_a_float_where_a_whole_number_belongs_is_named_as_such(self) -> None:
        """The message shows the number as written."""
        with pytest.raises(CaseError) as caught:
            jsonio.structure(JsonFloat("2.0"), int)
        assert "a number (2.0)" in problems(caught.value)["$"]
        with pytest.raises(CaseError):
            jsonio.structure(20250801, dt.date)

    def test_a_citation_must_be_an_article_or_an_annex(self) -> None:
        """Citations are objects with known keys and valid numbers."""
        assert jsonio.citation_from_json(
            {"article": 13, "paragraph": 1, "item": None}
        ) == jsonio.citation_from_json({"article": 13, "paragraph": 1})
        for bad in ("art. 13", {"article": 99}, {"article": 1, "x": 2}, {"annex": 1, "x": 2}):
            with pytest.raises(InvalidInputErrorType):
                jsonio.citation_from_json(bad)

    def test_a_list_of_citations_reports_each_bad_item(self) -> None:
        """Items are checked one by one, each at its index."""
        reason = jsonio.reason_to_json(cases.decide(decidable_cases()[0]).reasons[0])
        with pytest.raises(CaseError) as caught:
            jsonio.structure({**reason, "citations": ["x", {"annex": 9}], "authorities": "x"}, Reason)
        assert {"$.citations[0]", "$.citations[1]", "$.authorities"} <= set(problems(caught.value))


class TestModuleSplit:
    """jsonio is the converter; what it held before (issue 9) still resolves on it, as the same object."""

    @pytest.mark.parametrize(
        ("name", "module"),
        [
            *((name, problems_module) for name in ("CaseError", "Problem", "problems_of")),
            *(
                (name, jsontext)
                for name in ("JsonFloat", "MAX_DEPTH", "check_depth", "dumps", "loads", "plain")
            ),
            *(
                (name, hooks)
                for name in ("citation_from_json", "citation_to_json", "money", "reason_to_json")
            ),
        ],
    )
    def test_a_name_that_moved_out_still_resolves_on_jsonio(self, name: str, module: object) -> None:
        """``gongshang_rules.jsonio.<name>`` of 0.x and ``jsonio.<name>`` in the oracle keep working."""
        assert getattr(jsonio, name) is getattr(module, name)
