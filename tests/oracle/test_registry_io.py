"""Reading the registry of article 14 (oracle.registry_io): JSON through the one converter, CSV rows, the example.

Each form's own shape is checked here (JSON paths, CSV lines and columns); what an institution must be (codes,
services, the history of article 14 ¶2) is the domain's, checked once by its validators
(``tests/rules/test_institutions.py``): a bad field read from either form is named where the input says it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from registries import change, registries

from gongshang_rules import InvalidInputError, place
from gongshang_rules.kernel.terms import ServiceKind
from gongshang_rules.oracle import jsonio
from gongshang_rules.oracle.jsonio import CaseError
from gongshang_rules.oracle.registry_io import (
    CSV_COLUMNS,
    example_registry,
    registry_from_csv,
    registry_from_json,
)
from gongshang_rules.rules.institutions import InstitutionAvailability, InstitutionRegistry, InstitutionStatus

S = InstitutionStatus
D = dt.date
MEDICAL, REHABILITATION, DEVICE = (
    ServiceKind.MEDICAL,
    ServiceKind.REHABILITATION,
    ServiceKind.ASSISTIVE_DEVICE,
)

HEADER = "record,code,name,place,services,on,status\n"
INSTITUTION_ROW = "institution,EX-0100,n,430100,MEDICAL,,\n"
GOOD_CSV = (
    HEADER
    + "institution,EX-0100,示例医院（虚构）,430100,MEDICAL;REHABILITATION,,\n"
    + "status,EX-0100,,,,2025-08-01,ADDED\n"
    + "status,EX-0100,,,,2025-10-01,SUSPENDED\n"
)


NOTED = "record,code,name,place,services,on,status,note\n"
ADDED: dict[str, object] = {"on": "2025-08-01", "status": "ADDED"}
GOOD: dict[str, object] = {
    "code": "EX-0100",
    "name": "示例医院（虚构）",
    "place": "430100",
    "services": ["MEDICAL", "REHABILITATION"],
    "history": [ADDED, {"on": "2025-10-01", "status": "SUSPENDED"}],
}


def json_error(document: object) -> CaseError:
    with pytest.raises(CaseError) as caught:
        registry_from_json(json.dumps(document, ensure_ascii=False))
    return caught.value


def csv_error(text: str) -> CaseError:
    with pytest.raises(CaseError) as caught:
        registry_from_csv(text)
    return caught.value


def only_problem(error: CaseError) -> tuple[str, str]:
    """The path and message of an error's one problem."""
    assert len(error.problems) == 1, error.problems
    return error.problems[0].path, error.problems[0].message


class TestFromJson:
    """The JSON form: the converter's registry object, or a bare list of institutions; every problem at its path."""

    def test_a_list_of_institutions_builds_the_registry(self) -> None:
        """The bare-list form."""
        registry = registry_from_json(json.dumps([GOOD]))
        assert registry.get("EX-0100").history[-1].status is S.SUSPENDED
        assert registry.about is None

    def test_an_object_form_keeps_about(self) -> None:
        """The object form carries a description of the registry."""
        registry = registry_from_json(json.dumps({"about": "示例", "institutions": [GOOD]}))
        assert registry.about == "示例"
        assert len(registry) == 1

    def test_notes_are_kept(self) -> None:
        """Notes on the institution and on a change."""
        obj = GOOD | {"note": "虚构", "history": [ADDED | {"note": "假设日期"}]}
        inst = registry_from_json(json.dumps([obj])).get("EX-0100")
        assert (inst.note, inst.history[0].note) == ("虚构", "假设日期")

    def test_the_object_form_is_what_the_converter_writes_and_reads(self) -> None:
        """One reader: the text a case's inline ``registry`` holds reads as the same value here."""
        registry = registry_from_json(json.dumps([GOOD]))
        assert registry_from_json(jsonio.dumps(jsonio.unstructure(registry))) == registry
        assert jsonio.structure({"institutions": [GOOD]}, InstitutionRegistry) == registry

    def test_csv_and_json_of_the_same_registry_are_equal(self) -> None:
        """Both formats describe the same values."""
        assert registry_from_csv(GOOD_CSV) == registry_from_json(json.dumps([GOOD]))

    def test_text_must_be_a_string(self) -> None:
        """A Python list is not JSON text."""
        with pytest.raises(InvalidInputError, match=r"^text: must be JSON text"):
            registry_from_json([GOOD])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("", "not valid JSON"),
            ("[\n}", "not valid JSON: Expecting value (line 2, column 1)"),
            ('{"institutions": [], "institutions": []}', "appears twice"),
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ],
    )
    def test_text_that_is_not_json_is_rejected_at_the_root(self, text: str, problem: str) -> None:
        """Syntax errors (with their line and column), repeated keys and absurd nesting are problems at ``$``."""
        with pytest.raises(CaseError) as caught:
            registry_from_json(text)
        path, message = only_problem(caught.value)
        assert path == "$"
        assert problem in message

    @pytest.mark.parametrize(
        ("document", "field", "problem"),
        [
            ("registry", "$", "list of institutions"),
            (3, "$", "got a number"),
            ({}, "$.institutions", "required, and missing"),
            ({"institutions": [], "version": 1}, "$.version", "unknown key; the keys are about, institutions"),
            ({"institutions": {}}, "$.institutions", "must be a JSON list, got an object"),
            ({"institutions": [], "about": 1}, "$.about", "text"),
            ({"institutions": [], "about": ""}, "$.about", "blank"),
            ({"institutions": ["EX-0100"]}, "$.institutions[0]", "must be a JSON object, got a string"),
            ([None], "$[0]", "got null"),
            ({"institutions": [GOOD, GOOD]}, "$.institutions[1].code", "duplicate code 'EX-0100', also at"),
            ({"institutions": [GOOD | {"code": "EX-1"}, GOOD | {"history": [ADDED, ADDED]}]},
             "$.institutions[1].history[1].on", "strictly increase"),
        ],
    )  # fmt: skip
    def test_a_bad_document_names_its_json_path(self, document: object, field: str, problem: str) -> None:
        """The document's shape, and what only the whole registry can tell (a code twice), name ``$`` paths."""
        path, message = only_problem(json_error(document))
        assert path == field
        assert problem in message

    @pytest.mark.parametrize(
        ("changes", "field", "problem"),
        [
            ({"colour": "red"}, "$[0].colour", "unknown key"),
            ({"code": 100}, "$[0].code", "must be text"),
            ({"code": "EX-0100 "}, "$[0].code", "blank space"),
            ({"place": "台湾"}, "$[0].place", "outside the mainland"),
            ({"services": "MEDICAL"}, "$[0].services", "must be a JSON list, got a string"),
            ({"services": ["MEDICAL", "medical"]}, "$[0].services[1]", "MEDICAL, REHABILITATION"),
            ({"services": ["MEDICAL", "MEDICAL"]}, "$[0].services", "twice"),
            ({"history": ["2025-08-01"]}, "$[0].history[0]", "must be a JSON object"),
            ({"history": [{"on": "2025-08-01"}]}, "$[0].history[0].status", "required, and missing"),
            ({"history": [ADDED | {"by": "x"}]}, "$[0].history[0].by", "unknown key; the keys are note, on, status"),
            ({"history": [{"on": "2025-09-31", "status": "ADDED"}]}, "$[0].history[0].on", "not a calendar date"),
            ({"history": [{"on": "2025-08-01", "status": None}]}, "$[0].history[0].status", "ADDED, SUSPENDED"),
            ({"history": [ADDED | {"note": ""}]}, "$[0].history[0].note", "blank"),
            ({"history": [ADDED, ADDED]}, "$[0].history[1].on", "strictly increase"),
        ],
    )  # fmt: skip
    def test_a_bad_institution_names_its_json_path(
        self, changes: dict[str, object], field: str, problem: str
    ) -> None:
        """A bad field, whether the converter or the domain's validator finds it, is named by its JSON path."""
        path, message = only_problem(json_error([GOOD | changes]))
        assert path == field
        assert problem in message

    def test_every_missing_key_is_named(self) -> None:
        """Each key the object lacks is a problem of its own."""
        error = json_error([{"code": "EX-0100"}])
        assert [p.path for p in error.problems] == [
            "$[0].name",
            "$[0].place",
            "$[0].services",
            "$[0].history",
        ]

    def test_every_bad_institution_is_listed(self) -> None:
        """Two bad institutions: both are reported, each at its own path."""
        error = json_error([GOOD | {"name": ""}, GOOD | {"code": "EX-1", "place": 1}])
        assert [p.path for p in error.problems] == ["$[0].name", "$[1].place"]


class TestFromCsv:
    """The CSV format: institution rows and status rows; every error names its line and column."""

    def test_a_good_file_builds_the_registry(self) -> None:
        """Two status rows become the history, in file order."""
        registry = registry_from_csv(GOOD_CSV)
        inst = registry.get("EX-0100")
        assert inst.place == place("长沙市")
        assert inst.services == frozenset({MEDICAL, REHABILITATION})
        assert inst.history == (change(D(2025, 8, 1), S.ADDED), change(D(2025, 10, 1), S.SUSPENDED))
        assert registry.about is None

    def test_columns_may_come_in_any_order_with_notes_and_crlf(self) -> None:
        """Column order is free; a note column is optional; Windows line ends and spaces after ; are fine."""
        text = (
            "code,record,note,status,on,services,place,name\r\n"
            "EX-0100,institution,真实机构？否,,,MEDICAL; ASSISTIVE_DEVICE,浏阳市,示例\r\n"
            "EX-0100,status,日期为假设,ADDED,2025-08-01,,,\r\n"
        )
        inst = registry_from_csv(text).get("EX-0100")
        assert inst.note == "真实机构？否"
        assert inst.history[0].note == "日期为假设"
        assert inst.services == frozenset({MEDICAL, DEVICE})
        assert inst.place == place("430181")

    def test_a_leading_byte_order_mark_is_skipped(self) -> None:
        """Spreadsheets often write a BOM; it is not part of the first column's name."""
        assert "EX-0100" in registry_from_csv("\ufeff" + GOOD_CSV)

    def test_status_rows_may_precede_their_institution_row(self) -> None:
        """Rows are matched by code, not by position."""
        lines = GOOD_CSV.splitlines(keepends=True)
        text = lines[0] + lines[2] + lines[3] + lines[1]
        assert len(registry_from_csv(text).get("EX-0100").history) == 2

    def test_a_header_only_file_is_an_empty_registry(self) -> None:
        """No rows, no institutions."""
        assert len(registry_from_csv(HEADER)) == 0

    def test_blank_lines_are_skipped_but_counted(self) -> None:
        """A blank line is no row, and later errors still name the physical line."""
        text = HEADER + INSTITUTION_ROW + "\n" + "status,EX-0100,,,,2025-02-30,ADDED\n"
        assert only_problem(csv_error(text))[0] == "line 4.on"

    def test_text_must_be_a_string(self) -> None:
        """Bytes are not decoded for the caller."""
        with pytest.raises(InvalidInputError, match=r"^text: must be CSV text"):
            registry_from_csv(GOOD_CSV.encode())  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "field", "problem"),
        [
            ("", "line 1", "no header"),
            ("record,code,name,place,services,on\n", "line 1", "lacks the column(s) status"),
            (HEADER.replace("\n", ",colour\n"), "line 1", "unknown column(s) 'colour'"),
            (HEADER.replace("\n", ",code\n"), "line 1", "named twice: code"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL\n", "line 2", "has 5 fields"),
            (HEADER + "clinic,EX-0100,n,430100,MEDICAL,,\n", "line 2.record", "'institution' or 'status'"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL,2025-08-01,\n", "line 2.on", "must be empty"),
            (HEADER + "institution,EX-0100,n,430100,MEDICAL,,ADDED\n", "line 2.status", "must be empty"),
            (HEADER + "status,EX-0100,n,,,2025-08-01,ADDED\n", "line 2.name", "must be empty"),
            (HEADER + "status,EX-0100,,430100,,2025-08-01,ADDED\n", "line 2.place", "must be empty"),
            (HEADER + "status,EX-0100,,,MEDICAL,2025-08-01,ADDED\n", "line 2.services", "must be empty"),
            (HEADER + "status,,,,,2025-08-01,ADDED\n", "line 2.code", "blank"),
            (HEADER + "status,EX-0100,,,,2025-08-01,ADDED\n", "line 2.code", "no institution row"),
            (HEADER + INSTITUTION_ROW, "line 2.code", "no status rows"),
            ('record,code,name,place,services,on,status\ninstitution,"EX,1\n', "line 2", "not valid CSV"),
            (HEADER + INSTITUTION_ROW + "status,EX-0100 ,,,,2025-08-01,ADDED\n", "line 3.code", "'EX-0100 '"),
            (GOOD_CSV + "institution,EX-0100,n,430200,MEDICAL,,\n", "line 5.code", "first on line 2"),
            (GOOD_CSV + "status,EX-0100,,,,2025-09-01,ADDED\n", "line 5.on", "strictly increase"),
            (GOOD_CSV + "status,EX-0100,,,,2025-11-01,TERMINATED\nstatus,EX-0100,,,,2025-12-01,SUSPENDED\n",
             "line 6.status", "SUSPENDED cannot follow TERMINATED"),
            (NOTED + "institution,EX-0100,n,430100,MEDICAL,,,\nstatus,EX-0100,,,,2025-08-01,ADDED,  \n",
             "line 3.note", "blank"),
            (NOTED + "institution,EX-0100,n,430100,MEDICAL,,, \nstatus,EX-0100,,,,2025-08-01,ADDED,\n",
             "line 2.note", "blank"),
            (HEADER + 'institution,EX-0100,"示例\n医院",430100,MEDICAL,,\nstatus,EX-0100,,,,2025-08-01,ADDED\n'
             "status,EX-0100,,,,2025-08-01,SUSPENDED\n", "line 5.on", "strictly increase"),
        ],
    )  # fmt: skip
    def test_a_bad_file_names_the_line_and_column(self, text: str, field: str, problem: str) -> None:
        """Each error names where it is and what is wrong: a line for the CSV's own shape, a line and a column for a
        cell; a status row by its own line (a quoted line break counts), as rows are in the file."""
        path, message = only_problem(csv_error(text))
        assert path == field
        assert problem in message

    @pytest.mark.parametrize(
        ("row", "field", "problem"),
        [
            ("status,EX-0100,,,,2025/08/01,ADDED", "line 3.on", "YYYY-MM-DD"),
            ("status,EX-0100,,,,,ADDED", "line 3.on", "YYYY-MM-DD"),
            ("status,EX-0100,,,,2025-08-01,added", "line 3.status", "ADDED, SUSPENDED"),
        ],
    )
    def test_a_bad_status_row_names_its_line(self, row: str, field: str, problem: str) -> None:
        """A change's fields are read as the JSON form's, and named by the status row's line."""
        path, message = only_problem(csv_error(f"{HEADER}{INSTITUTION_ROW}{row}\n"))
        assert path == field
        assert problem in message

    @pytest.mark.parametrize(
        ("row", "field", "problem"),
        [
            ("institution,EX-0100,n,430100,MEDICAL;SURGERY,,", "line 2.services", "MEDICAL, REHABILITATION"),
            ("institution,EX-0100,n,430100,MEDICAL;MEDICAL,,", "line 2.services", "twice"),
            ("institution,EX-0100,n,430100,,,", "line 2.services", "at least one"),
            ("institution,EX-0100,n,,MEDICAL,,", "line 2.place", "''"),
            ("institution,EX-0100,n,香港,MEDICAL,,", "line 2.place", "outside the mainland"),
            ("institution,EX-0100,,430100,MEDICAL,,", "line 2.name", "blank"),
            ("institution, EX-0100,n,430100,MEDICAL,,", "line 2.code", "blank space"),
        ],
    )
    def test_a_bad_institution_row_names_its_line(self, row: str, field: str, problem: str) -> None:
        """An institution's fields are read as the JSON form's, and named by the institution row's line."""
        code = row.split(",")[1]
        path, message = only_problem(csv_error(f"{HEADER}{row}\nstatus,{code},,,,2025-08-01,ADDED\n"))
        assert path == field
        assert problem in message

    def test_every_bad_row_is_listed(self) -> None:
        """Two bad cells on two rows: both are reported, each at its line."""
        text = HEADER + "institution,EX-0100,,430100,MEDICAL,,\nstatus,EX-0100,,,,2025-08-32,ADDED\n"
        assert {p.path for p in csv_error(text).problems} == {"line 2.name", "line 3.on"}


class TestExampleRegistry:
    """The bundled example: marked as such, invented codes, the one real institution with an assumed date."""

    def test_the_example_says_it_is_an_example_and_its_codes_are_invented(self) -> None:
        """``about`` opens with EXAMPLE ONLY; every code is EX-nnnn; every other institution says 虚构."""
        registry = example_registry()
        assert registry.about is not None
        assert registry.about.startswith("EXAMPLE ONLY")
        assert "invented" in registry.about
        assert all(inst.code.startswith("EX-") for inst in registry)
        assert all("虚构" in inst.name for inst in registry if inst.code != "EX-0001")

    def test_the_real_institution_is_in_changsha_with_an_assumed_date(self) -> None:
        """湖南省职业病防治院, 长沙市 (430100), added on an assumed 2025-04-01, medical care; the 2025-09-17 report's
        cross-province inpatient case could settle there directly."""
        inst = example_registry().get("EX-0001")
        assert (inst.name, inst.place, inst.history[0].on) == (
            "湖南省职业病防治院",
            place("430100"),
            D(2025, 4, 1),
        )
        assert inst.history[0].note is not None
        assert inst.history[0].note.startswith("assumed")
        assert MEDICAL in inst.services
        ruling = example_registry().can_settle_directly("EX-0001", D(2025, 9, 17), MEDICAL)
        assert ruling.outcome is InstitutionAvailability.AVAILABLE

    def test_the_example_shows_every_status(self) -> None:
        """Suspension, resumption, termination and closure all appear."""
        statuses = {c.status for inst in example_registry() for c in inst.history}
        assert statuses == set(InstitutionStatus)

    def test_the_example_is_loaded_once_and_is_the_cases_example(self) -> None:
        """example_registry is cached: the same immutable value each time, and ``"example"`` in a case."""
        assert example_registry() is example_registry()
        assert jsonio.structure("example", InstitutionRegistry) is example_registry()
        assert jsonio.unstructure(example_registry()) == "example"


class TestDeprecatedMethods:
    """``InstitutionRegistry.from_json`` and ``from_csv`` (0.x) still read, through the oracle, with a warning."""

    def test_from_json_is_registry_from_json(self) -> None:
        """The same registry, and the same errors."""
        text = json.dumps([GOOD])
        with pytest.deprecated_call(match="registry_from_json"):
            assert InstitutionRegistry.from_json(text) == registry_from_json(text)
        with pytest.deprecated_call(), pytest.raises(CaseError, match=r"\$\[0\]\.name"):
            InstitutionRegistry.from_json('[{"code": "X"}]')

    def test_from_csv_is_registry_from_csv(self) -> None:
        """The same registry, and the same errors."""
        with pytest.deprecated_call(match="registry_from_csv"):
            assert InstitutionRegistry.from_csv(GOOD_CSV) == registry_from_csv(GOOD_CSV)
        with pytest.deprecated_call(), pytest.raises(CaseError, match=r"line 1: no header"):
            InstitutionRegistry.from_csv("")


def to_csv(registry: InstitutionRegistry) -> str:
    """Write a registry in the documented CSV format, with the csv module only."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for inst in registry:
        services = ";".join(sorted(s.name for s in inst.services))
        writer.writerow(["institution", inst.code, inst.name, inst.place.code, services, "", "", ""])
        for c in inst.history:
            writer.writerow(["status", inst.code, "", "", "", c.on.isoformat(), c.status.name, c.note or ""])
    return out.getvalue()


def to_json(registry: InstitutionRegistry) -> str:
    """Write a registry in the documented JSON format, with the json module only."""
    return json.dumps(
        [
            {
                "code": inst.code,
                "name": inst.name,
                "place": inst.place.code,
                "services": sorted(s.name for s in inst.services),
                "history": [{"on": c.on.isoformat(), "status": c.status.name} for c in inst.history],
            }
            for inst in registry
        ],
        ensure_ascii=False,
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2025-08-01", "ADDED", "MEDICAL", "430100", "EX-1", "code", "history"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "code",
                    "name",
                    "place",
                    "services",
                    "history",
                    "on",
                    "status",
                    "note",
                    "about",
                    "institutions",
                    "x",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


class TestProperties:
    """Round trips through both forms, and any input text gives a registry or an error naming where."""

    @given(registry=registries())
    def test_csv_round_trips(self, registry: InstitutionRegistry) -> None:
        """Writing the documented CSV with the csv module and reading it back gives the same registry."""
        assert registry_from_csv(to_csv(registry)) == registry

    @given(registry=registries())
    def test_json_round_trips(self, registry: InstitutionRegistry) -> None:
        """Writing the documented JSON with the json module and reading it back gives the same registry."""
        assert registry_from_json(to_json(registry)) == registry

    @given(text=st.text(max_size=300))
    def test_any_text_is_a_registry_or_a_case_error_as_csv(self, text: str) -> None:
        """Never a bare KeyError, ValueError, IndexError or csv.Error."""
        with contextlib.suppress(CaseError):
            registry_from_csv(HEADER + text)

    @given(document=json_values)
    def test_any_json_is_a_registry_or_a_case_error_at_a_path(self, document: object) -> None:
        """Never a bare KeyError, TypeError or ValueError, whatever the JSON holds."""
        try:
            registry_from_json(json.dumps(document))
        except CaseError as error:
            assert all(p.path.startswith("$") for p in error.problems)

    @given(text=st.text(max_size=200))
    def test_any_text_is_a_registry_or_a_case_error_as_json(self, text: str) -> None:
        """Arbitrary text, mostly not JSON at all: only CaseError."""
        with contextlib.suppress(CaseError):
            registry_from_json(text)
