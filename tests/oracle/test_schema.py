"""The published schemas (gongshang_rules.oracle.schema): what an integrator generates code from, and that the schemas
and the library agree both ways (issue 11).

Both ways: (1) any JSON the case schema accepts, fed to batch's per-line path, gives a ruling or our error result,
never an internal error; (2) every case the library accepts validates (the corpus, the cases of
``gongshang_rules.strategies``, corpus cases changed at one place); (3) every result the library writes validates
against the result schema. The values the schema accepts are drawn from the published schema itself by
:func:`instances`, a small strategy for the keywords the schemas use.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongshang_rules
from gongshang_rules.kernel.ruling import REASONS
from gongshang_rules.oracle import batch, cases, jsonio, schema
from gongshang_rules.oracle.cli import _corpus_files
from gongshang_rules.oracle.decisions import DECISIONS
from gongshang_rules.oracle.facts import InstitutionFacts
from gongshang_rules.oracle.registry_io import registry_from_json
from gongshang_rules.strategies import cases as generated_cases

SCHEMAS = Path(gongshang_rules.__file__).parent / "schemas"
CASE_SCHEMA: dict[str, Any] = json.loads((SCHEMAS / "case.schema.json").read_text(encoding="utf-8"))
RESULT_SCHEMA: dict[str, Any] = json.loads((SCHEMAS / "result.schema.json").read_text(encoding="utf-8"))
CASES = jsonschema.Draft202012Validator(CASE_SCHEMA, format_checker=jsonschema.FormatChecker())
RESULTS = jsonschema.Draft202012Validator(RESULT_SCHEMA, format_checker=jsonschema.FormatChecker())
CORPUS = [
    json.loads(line) for _n, text in _corpus_files() for line in text.decode("utf-8").splitlines() if line
]
#: Examples per generative test: modest in the suite; set GONGSHANG_SCHEMA_EXAMPLES to explore.
EXAMPLES = int(os.environ.get("GONGSHANG_SCHEMA_EXAMPLES", "100"))


def decide(case: Any, *, messages: bool = True) -> dict[str, Any]:
    """The result batch writes for ``case`` as a line of its input (without message texts: ``--no-messages``)."""
    raw = json.dumps(case, ensure_ascii=False).encode("utf-8")
    line, _failed = batch.decide_line(1, raw, messages=messages)
    result: dict[str, Any] = json.loads(line)
    return result


def nodes(node: Any, path: str = "#") -> Iterator[tuple[str, Any]]:
    """Every schema object in a document, with where it is."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from nodes(value, f"{path}/{index}")


def properties(document: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every property of every object of a document, with where it is."""
    for path, node in nodes(document):
        if isinstance(node.get("properties"), dict) and not path.endswith("/properties"):
            for name, prop in node["properties"].items():
                yield f"{path}/properties/{name}", prop


# --- values the schema accepts ---------------------------------------------------------------------------------


def _pool() -> dict[str, list[Any]]:
    """Every scalar the corpus gives each key: realistic strings (codes, ids, places) for the generator to reuse."""
    found: dict[str, set[str]] = defaultdict(set)

    def walk(value: Any, key: str | None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif key is not None and key not in ("case", "message_zh", "message_en"):
            found[key].add(json.dumps(value, ensure_ascii=False))

    for case in CORPUS:
        walk({k: v for k, v in case.items() if k != "expected"}, None)
    return {k: [json.loads(v) for v in sorted(values)] for k, values in found.items()}


POOL = _pool()


def instances(node: dict[str, Any], defs: dict[str, Any], name: str | None = None) -> st.SearchStrategy[Any]:
    """Values of a schema node: the keywords the published schemas use (``$ref``, ``const``, ``enum``, ``oneOf``,
    ``anyOf``, closed objects, arrays, patterns, ``format: date``, ``examples``), and for a property named ``name``
    the values the corpus gives that name. The test keeps the ones the whole schema accepts."""
    if "$ref" in node:
        target = node["$ref"].removeprefix("#/$defs/")
        return st.deferred(lambda: instances(defs[target], defs, name))
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if (
        "properties" in node and "oneOf" in node
    ):  # a discriminated union: the common properties and one branch's
        return st.sampled_from(node["oneOf"]).flatmap(
            lambda branch: _object(
                {**node["properties"], **branch["properties"]},
                set(node.get("required", ())) | set(branch.get("required", ())),
                defs,
            )
        )
    for key in ("oneOf", "anyOf"):
        if key in node:
            return st.one_of([instances(option, defs, name) for option in node[key]])
    kinds = node.get("type", "object")
    if isinstance(kinds, list):
        return st.one_of([instances({**node, "type": kind}, defs, name) for kind in kinds])
    pooled = [v for v in POOL.get(name or "", []) if _json_kind(v) == kinds]
    typed = _typed(node, kinds, defs)
    examples = [*node.get("examples", ()), *pooled]
    return st.one_of(typed, st.sampled_from(examples)) if examples else typed


def _json_kind(value: Any) -> str:
    return {bool: "boolean", int: "integer", str: "string", dict: "object", list: "array"}.get(
        type(value), "null"
    )


def _typed(node: dict[str, Any], kind: str, defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    if kind == "object":
        if "properties" not in node:
            return st.dictionaries(st.sampled_from(["date", "outcome", "n"]), st.integers(0, 3), max_size=2)
        return _object(node["properties"], set(node.get("required", ())), defs)
    if kind == "array":
        items = instances(node.get("items", {}), defs)
        return st.lists(
            items,
            min_size=node.get("minItems", 0),
            max_size=3,
            unique_by=(lambda v: json.dumps(v, sort_keys=True)) if node.get("uniqueItems") else None,
        )
    if kind == "string":
        if node.get("format") == "date":
            return st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat)
        if "pattern" in node:
            return st.from_regex(node["pattern"].removeprefix("^").removesuffix("$"), fullmatch=True)
        return st.text(min_size=node.get("minLength", 0), max_size=12)
    if kind == "integer":
        return st.integers(node.get("minimum", -3), node.get("maximum", 2030))
    if kind == "boolean":
        return st.booleans()
    assert kind == "null", node
    return st.none()


def _object(props: dict[str, Any], required: set[str], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    values = {key: instances(prop, defs, key) for key, prop in props.items()}
    return st.fixed_dictionaries(
        {k: v for k, v in values.items() if k in required},
        optional={k: v for k, v in values.items() if k not in required},
    )


def schema_cases() -> st.SearchStrategy[Any]:
    """Cases the published case schema accepts (drawn from it, kept when the whole schema says yes)."""
    return instances(CASE_SCHEMA, CASE_SCHEMA["$defs"]).filter(CASES.is_valid)


# --- changes at one place: from a corpus case to a near miss -----------------------------------------------------


def positions(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every position in parsed JSON below the root."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from positions(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from positions(item, (*path, index))


NEAR_MISSES = [
    None,
    "",
    " ",
    0,
    1,
    -1,
    True,
    [],
    {},
    "2025-02-29",
    "2026-12-31",
    "12.5",
    "430100",
    "省本级",
    "x",
]


@st.composite
def changed_corpus_cases(draw: st.DrawFn) -> Any:
    """A corpus case with one value replaced (by another the corpus gives that key, a near miss, or null), or
    removed."""
    case = copy.deepcopy(draw(st.sampled_from(CORPUS)))
    case.pop("expected")
    spots = [p for p in positions(case) if p[0] != "case"]
    path = draw(st.sampled_from(spots))
    parent = case
    for step in path[:-1]:
        parent = parent[step]
    key = path[-1]
    named = key if isinstance(key, str) else next((s for s in reversed(path) if isinstance(s, str)), "")
    action = draw(st.sampled_from(["pool", "pool", "miss", "null", "remove"]))
    if action == "remove":
        del parent[key]
    elif action == "null":
        parent[key] = None
    else:
        options = POOL.get(named, []) if action == "pool" else []
        parent[key] = draw(st.sampled_from(options or NEAR_MISSES))
    return case


# --- the tests ---------------------------------------------------------------------------------------------------


class TestWhatAnIntegratorGenerates:
    """Named definitions, descriptions, dates, enums: what code generators read."""

    def test_each_decision_has_a_named_facts_definition_in_a_one_of_on_decision(self) -> None:
        """The case is a oneOf, one branch per decision: decision a const, facts a reference to a named definition."""
        branches = CASE_SCHEMA["oneOf"]
        assert [b["properties"]["decision"]["const"] for b in branches] == list(DECISIONS)
        for branch, kind in zip(branches, DECISIONS.values(), strict=True):
            assert branch["properties"]["facts"]["$ref"] == f"#/$defs/{kind.facts.__name__}"
            assert CASE_SCHEMA["$defs"][kind.facts.__name__]["type"] == "object"

    def test_each_decision_has_named_figures_and_its_outcomes_as_an_enum(self) -> None:
        """A decided result is a oneOf on decision: the decision's outcomes as an enum, its figures a definition."""
        decided = RESULT_SCHEMA["$defs"]["DecidedResult"]
        assert RESULT_SCHEMA["oneOf"] == [{"$ref": "#/$defs/DecidedResult"}, {"$ref": "#/$defs/ErrorResult"}]
        for branch, kind in zip(decided["oneOf"], DECISIONS.values(), strict=True):
            props = branch["properties"]
            assert props["decision"]["const"] == kind.name
            outcome = RESULT_SCHEMA["$defs"][props["outcome"]["$ref"].removeprefix("#/$defs/")]
            assert outcome["enum"] == [m.name for m in jsonio._outcome_type(kind.ruling)]
            figures = props["figures"]["$ref"].removeprefix("#/$defs/")
            assert figures == "".join(p.capitalize() for p in kind.name.split("_")) + "Figures"
            assert RESULT_SCHEMA["$defs"][figures]["type"] == "object"

    @pytest.mark.parametrize("document", [CASE_SCHEMA, RESULT_SCHEMA], ids=["case", "result"])
    def test_every_property_has_a_description(self, document: dict[str, Any]) -> None:
        """Every property of every object, and every definition, says what it is."""
        missing = [path for path, prop in properties(document) if not prop.get("description", "").strip()]
        missing += [
            name
            for name, definition in document["$defs"].items()
            if not definition.get("description", "").strip()
        ]
        assert not missing

    @pytest.mark.parametrize("document", [CASE_SCHEMA, RESULT_SCHEMA], ids=["case", "result"])
    def test_every_date_is_format_date_and_written_inline(self, document: dict[str, Any]) -> None:
        """A date is a string with ``format: date`` where it stands; no leaf is a reference."""
        for path, node in nodes(document):
            if node.get("pattern") == r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$":
                assert node.get("format") == "date", path
            if node.get("format") == "date":
                assert node["pattern"] == r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", path
            assert node.get("$ref", "").removeprefix("#/$defs/") not in ("date", "money", "place"), path

    def test_the_reason_codes_are_an_enum_of_the_catalogue(self) -> None:
        """``ReasonCode`` lists every registered code; a reason's code is one of them."""
        codes = RESULT_SCHEMA["$defs"]["ReasonCode"]["enum"]
        assert codes == sorted(codes) and set(codes) == set(REASONS)
        assert RESULT_SCHEMA["$defs"]["Reason"]["properties"]["code"]["$ref"] == "#/$defs/ReasonCode"

    @pytest.mark.parametrize("document", [CASE_SCHEMA, RESULT_SCHEMA], ids=["case", "result"])
    def test_every_definition_is_titled_by_its_name(self, document: dict[str, Any]) -> None:
        """The title is the name a generator gives the class or enum (quicktype reads it)."""
        assert all(definition["title"] == name for name, definition in document["$defs"].items())

    def test_every_enum_is_a_named_definition_with_its_codes(self) -> None:
        """An enum type of the library is a definition of its name whose description lists every code."""
        care = CASE_SCHEMA["$defs"]["CareType"]
        assert care["enum"] == ["INPATIENT", "OUTPATIENT", "DEVICE_FITTING"]
        assert "INPATIENT: 住院, inpatient stay" in care["description"]
        for document in (CASE_SCHEMA, RESULT_SCHEMA):  # the hand-written figures' enums too (issue 11)
            inline = [
                p for p, node in nodes(document) if "enum" in node and not re.fullmatch(r"#/\$defs/\w+", p)
            ]
            assert inline == ["#/$defs/AnnexRef/properties/annex"]

    def test_a_description_says_what_a_field_means_and_its_form(self) -> None:
        """Meaning from the type's docstring, the form from its type, and what absence means."""
        episode = CASE_SCHEMA["$defs"]["Episode"]["properties"]
        assert episode["settled_on"]["description"].startswith("`settled_on` the discharge settlement date")
        assert "A date, YYYY-MM-DD, or null. Optional; absent: null." in episode["settled_on"]["description"]
        catalog = CASE_SCHEMA["$defs"]["CatalogFacts"]["properties"]["care"]["description"]
        assert catalog.endswith('A CareType code. Optional; absent: "INPATIENT".')
        pilot = CASE_SCHEMA["$defs"]["Parameters"]["properties"]["national_pilot_from"]["description"]
        assert pilot.startswith("The national pilot of cross-province direct settlement")  # its #: comment

    def test_the_schema_module_writes_and_checks_the_bundled_files(self) -> None:
        """``python -m gongshang_rules.oracle.schema --check`` finds the bundled files current."""
        assert schema.main(["--check"]) == 0


class TestTheSchemaAndTheLibraryAgree:
    """Both ways, on generated cases: what the schema accepts never crashes; what the library accepts validates."""

    @settings(max_examples=EXAMPLES, suppress_health_check=list(HealthCheck))
    @given(case=schema_cases(), messages=st.booleans())
    def test_a_case_the_schema_accepts_is_decided_or_rejected_with_our_error(
        self, case: Any, messages: bool
    ) -> None:
        """Decided or an error result, never an internal error; the result fits the result schema (with the
        message texts or, as ``batch --no-messages`` writes it, without)."""
        result = decide(case, messages=messages)
        assert not cases.is_internal_error(result), result
        RESULTS.validate(result)

    @settings(max_examples=EXAMPLES, suppress_health_check=list(HealthCheck))
    @given(case=changed_corpus_cases(), messages=st.booleans())
    def test_a_changed_corpus_case_the_library_decides_validates(self, case: Any, messages: bool) -> None:
        """One value changed or removed: if the library decides the case, the schema accepts it; if the schema
        accepts it, the library gives no internal error; the result fits the result schema either way."""
        result = decide(case, messages=messages)
        assert not cases.is_internal_error(result), result
        if "outcome" in result:
            CASES.validate(case)
            written = cases.case_to_json(cases.case_from_json(jsonio.loads(json.dumps(case))))
            CASES.validate(json.loads(jsonio.dumps(written)))
        RESULTS.validate(result)

    @settings(max_examples=EXAMPLES, suppress_health_check=list(HealthCheck))
    @given(case=generated_cases())
    def test_every_generated_case_validates_and_so_does_its_result(self, case: cases.Case) -> None:
        """The cases of gongshang_rules.strategies, written as JSON, fit the case schema; results the result's."""
        data = json.loads(jsonio.dumps(cases.case_to_json(case)))
        CASES.validate(data)
        RESULTS.validate(json.loads(jsonio.dumps(cases.decide_case(case))))

    def test_every_corpus_result_without_messages_validates(self) -> None:
        """``batch --no-messages`` leaves the message texts out: its results fit the result schema too."""
        for data in CORPUS:
            result = decide(data, messages=False)
            assert all("message_en" not in r for r in result.get("reasons", ()))
            RESULTS.validate(result)

    def test_every_corpus_case_the_library_accepts_validates_as_the_library_writes_it(self) -> None:
        """Every bundled case the library reads, written back by it, validates (the cases as bundled, and their
        results, are validated by test_cases)."""
        for data in CORPUS:
            if "error" not in data["expected"]:
                written = cases.case_to_json(cases.case_from_json(jsonio.loads(json.dumps(data))))
                CASES.validate(json.loads(jsonio.dumps(written)))

    def test_a_registry_written_without_about_validates(self) -> None:
        """A registry object with no ``about`` is written back with ``"about": null``, which the library reads:
        the schema accepts it (it rejected it before issue 11)."""
        registry = registry_from_json(
            '{"institutions": [{"code": "EX-0009", "name": "示例医院", "place": "430600", '
            '"services": ["MEDICAL"], "history": [{"on": "2025-08-01", "status": "ADDED"}]}]}'
        )
        case = cases.Case(
            name="An institution of an inline registry.",
            decision="institution_status",
            today=dt.date(2025, 9, 1),
            facts=InstitutionFacts(
                registry=registry, code="EX-0009", service=gongshang_rules.ServiceKind.MEDICAL
            ),
        )
        data = json.loads(jsonio.dumps(cases.case_to_json(case)))
        assert data["facts"]["registry"]["about"] is None
        CASES.validate(data)
        assert "outcome" in decide(data)

    def test_an_expected_result_with_only_an_outcome_validates(self) -> None:
        """The library reads an ``expected`` without ``reasons`` or ``figures`` (none expected): so does the schema."""
        data = {**CORPUS[0], "expected": {"outcome": CORPUS[0]["expected"].get("outcome", "X")}}
        assert cases.case_from_json(data).expected is not None
        CASES.validate(data)


def test_the_pool_holds_realistic_values() -> None:
    """The generator's pool: the corpus's institution codes and places, never a whole identity number in a name."""
    assert any(re.fullmatch(r"[A-Z]+-[0-9]+", str(c)) for c in POOL["institution_code"])
    assert "430600" in POOL["treatment"]
