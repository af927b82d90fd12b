"""The analyst's functions (gongshang_rules.analysis): the corpus and JSONL files as cases, rulings as DataFrames.

pandas is an optional extra: these tests need it (the ``test`` extra installs it), and one checks that the core
never imports it.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings

import gongshang_rules as gr
from gongshang_rules import analysis
from gongshang_rules import strategies as gs
from gongshang_rules.oracle.cases import decide


@pytest.fixture(scope="module")
def corpus() -> tuple[gr.Case, ...]:
    """The bundled cases."""
    return gr.load_corpus()


@pytest.fixture(scope="module")
def frame(corpus: tuple[gr.Case, ...]) -> pd.DataFrame:
    """The whole corpus decided, as one frame."""
    return gr.decide_frame(corpus, chunk_size=50)


class TestOptionalDependencies:
    """The core stays light: importing the library, even the analysis module, imports no pandas or matplotlib."""

    def test_the_facade_and_the_modules_import_no_optional_dependency(self) -> None:
        """In a fresh interpreter: the package, load_corpus and the plots module load without pandas/matplotlib."""
        script = (
            "import sys, gongshang_rules as gr\n"
            "gr.load_corpus(); gr.english_name(gr.place('430100')); gr.filing_timeline; gr.to_frame\n"
            "bad = [m for m in ('pandas', 'matplotlib', 'hypothesis') if m in sys.modules]\n"
            "assert not bad, bad\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


class TestCorpus:
    """load_corpus gives the bundled cases as typed Case values."""

    def test_every_readable_corpus_case_is_loaded(self, corpus: tuple[gr.Case, ...]) -> None:
        """Every corpus line whose facts are valid is a Case with its expected result, in every decision."""
        assert all(isinstance(c, gr.Case) and c.expected is not None for c in corpus)
        assert {c.decision for c in corpus} == set(gr.DECISIONS)
        assert len({c.name for c in corpus}) == len(corpus) > 300

    def test_the_cases_left_out_are_those_rejected_when_read(self, corpus: tuple[gr.Case, ...]) -> None:
        """The corpus lines that are not in load_corpus are exactly those the library rejects as it reads them."""
        from gongshang_rules.oracle.cli import _corpus_files

        names = {c.name for c in corpus}
        for _name, text in _corpus_files():
            for raw in text.splitlines():
                data = gr.loads(raw)
                if data["case"] not in names:
                    assert "error" in data["expected"]
                    with pytest.raises(gr.CaseError):
                        gr.case_from_json(data)


class TestReadCases:
    """read_cases reads a JSONL file lazily and says the line of a bad case."""

    def test_a_file_of_cases_is_read_line_by_line(self, tmp_path: Path, corpus: tuple[gr.Case, ...]) -> None:
        """Cases written with case_to_json come back equal, blank lines skipped; from a path or an open file."""
        path = tmp_path / "cases.jsonl"
        text = "\n\n".join(gr.dumps(gr.case_to_json(c)) for c in corpus[:5]) + "\n"
        path.write_text(text, encoding="utf-8")
        assert tuple(gr.read_cases(path)) == corpus[:5]
        assert tuple(gr.read_cases(str(path))) == corpus[:5]
        assert tuple(gr.read_cases(io.StringIO(text))) == corpus[:5]
        with path.open("rb") as stream:
            assert tuple(gr.read_cases(stream)) == corpus[:5]

    def test_a_bad_line_is_an_error_naming_the_line_and_path(self) -> None:
        """The CaseError's problems say the line number and the JSON path."""
        good = gr.dumps(gr.case_to_json(gr.load_corpus()[0]))
        bad = '{"case": "x.", "decision": "scope", "today": "2025-02-29", "facts": {}}'
        with pytest.raises(gr.CaseError) as raised:
            list(gr.read_cases(io.StringIO(f"{good}\n{bad}\n")))
        assert raised.value.problems[0].path.startswith("input line 2: $.")

    def test_a_missing_file_or_a_wrong_source_is_a_typed_error(self, tmp_path: Path) -> None:
        """No file: InvalidInputError on source; a number: the same, never a TypeError."""
        with pytest.raises(gr.InvalidInputError) as missing:
            list(gr.read_cases(tmp_path / "none.jsonl"))
        assert missing.value.field == "source"
        with pytest.raises(gr.InvalidInputError):
            list(gr.read_cases(42))  # type: ignore[arg-type]


class TestToFrame:
    """One row per ruling: case, decision, outcome, decisive codes, notes, interpretation, error, then figures."""

    def test_the_frame_has_the_base_columns_first(
        self, frame: pd.DataFrame, corpus: tuple[gr.Case, ...]
    ) -> None:
        """The columns start with BASE_COLUMNS, one row per case, in order."""
        assert tuple(frame.columns[: len(analysis.BASE_COLUMNS)]) == analysis.BASE_COLUMNS
        assert list(frame["case"]) == [c.name for c in corpus]

    def test_outcomes_and_codes_match_the_expected_results(
        self, frame: pd.DataFrame, corpus: tuple[gr.Case, ...]
    ) -> None:
        """Each row's outcome is the corpus case's expected one and its codes are its snapshot's (the library's full
        answer), which include the codes its expected lists as present."""
        for case, row in zip(corpus, frame.to_dict("records"), strict=True):
            assert case.expected is not None and case.snapshot is not None
            if case.expected.error is not None:
                assert row["outcome"] is None and row["error"]
            else:
                assert row["outcome"] == case.expected.outcome
                assert set(row["decisive"]) | set(row["notes"]) == set(case.snapshot.codes)
                assert case.expected.codes <= set(case.snapshot.codes)

    def test_money_is_decimal_and_dates_are_dates(self, frame: pd.DataFrame) -> None:
        """The settlement's bill is a Decimal (summed exactly); a filing's valid_through a datetime.date."""
        bills = [b for b in frame["bill"] if b is not None]
        assert bills and all(type(b) is Decimal for b in bills)
        assert sum(bills) == frame["bill"].sum()
        days = [d for d in frame["valid_through"] if d is not None]
        assert days and all(type(d) is dt.date for d in days)

    def test_nested_figures_are_columns_of_their_own(self, frame: pd.DataFrame) -> None:
        """A nested figure (the meal allowance's payer, an agency's level) is a dotted column; no NaN anywhere."""
        assert "meal_allowance.payer" in frame.columns and "agency.level" in frame.columns
        assert "agency" not in frame.columns
        assert not any(isinstance(v, float) and v != v for v in frame.to_numpy().ravel())

    def test_rulings_pairs_and_results_give_the_same_row(self, corpus: tuple[gr.Case, ...]) -> None:
        """A (Case, Ruling) pair and the case's result object give equal rows; a bare ruling has no case name."""
        case = next(c for c in corpus if c.decision == "settlement")
        ruling = decide(case)
        rows = gr.to_frame([(case, ruling), gr.decide_case(case), ruling]).to_dict("records")
        assert rows[0] == rows[1]
        assert rows[2]["case"] is None and rows[2]["decision"] == "settlement"
        assert {k: v for k, v in rows[2].items() if k != "case"} == {
            k: v for k, v in rows[0].items() if k != "case"
        }

    def test_a_ruling_shared_by_decisions_has_no_decision(self) -> None:
        """meal_allowance and travel_and_lodging share AllowanceRuling: a bare one cannot say which it was."""
        ruling = gr.meal_allowance(gr.Scope.INTRA_PROVINCE)
        row = gr.to_frame([ruling]).to_dict("records")[0]
        assert row["decision"] is None and row["outcome"] == ruling.outcome.name

    def test_a_figure_named_like_a_base_column_is_prefixed(self) -> None:
        """A figure called "outcome" (a nested ruling's) would clash: it becomes figure.outcome."""
        result = {"case": "c.", "decision": "x", "outcome": "A", "reasons": [], "figures": {"outcome": "B"}}
        row = gr.to_frame([result]).to_dict("records")[0]
        assert row["outcome"] == "A" and row["figure.outcome"] == "B"

    def test_figure_text_is_typed_only_when_it_is_money_or_a_real_date(self) -> None:
        """ "12.30" is money, "2025-02-28" a date; "2025-02-30" and "EX-0001" stay text; lists become tuples."""
        figures = {"a": "12.30", "b": "2025-02-28", "c": "2025-02-30", "d": "EX-0001", "e": ["1.00", 2]}
        result = {"case": "c.", "decision": "x", "outcome": "A", "reasons": [], "figures": figures}
        row = gr.to_frame([result]).to_dict("records")[0]
        assert row["a"] == Decimal("12.30") and row["b"] == dt.date(2025, 2, 28)
        assert row["c"] == "2025-02-30" and row["d"] == "EX-0001" and row["e"] == (Decimal("1.00"), 2)

    def test_an_empty_input_gives_an_empty_frame_with_the_base_columns(self) -> None:
        """No rulings: no rows, the base columns."""
        empty = gr.to_frame([])
        assert len(empty) == 0 and tuple(empty.columns) == analysis.BASE_COLUMNS
        assert len(gr.decide_frame([])) == 0

    def test_anything_else_is_a_typed_error(self) -> None:
        """A number among the rulings is an InvalidInputError naming the argument."""
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.to_frame([42])
        assert raised.value.field == "rulings"


class TestRoles:
    """Decisive reasons and notes: read through reason_role, the one place that knows about roles."""

    def test_a_reason_without_a_role_counts_as_decisive(self) -> None:
        """Until reasons carry a role, every code is in ``decisive`` and ``notes`` is empty."""
        ruling = gr.classify_scope(gr.place("长沙市"), gr.place("岳阳市"))
        row = gr.to_frame([ruling]).to_dict("records")[0]
        assert row["decisive"] == ("SCOPE_INTRA_PROVINCE",) and row["notes"] == ()

    @pytest.mark.parametrize(
        ("role", "expected"),
        [("NOTE", "NOTE"), ("decisive", "DECISIVE"), (SimpleNamespace(name="NOTE"), "NOTE"), (None, None)],
    )
    def test_roles_are_read_from_attributes_and_keys(self, role: Any, expected: str | None) -> None:
        """An enum member or its name, on a Reason-like object or in a result's reason object."""
        assert analysis.reason_role(SimpleNamespace(role=role)) == expected  # type: ignore[arg-type]
        assert analysis.reason_role({"code": "X", "role": role}) == expected

    def test_notes_go_to_the_notes_column(self) -> None:
        """A result whose reasons carry roles splits its codes between decisive and notes."""
        result = {
            "case": "c.",
            "decision": "settlement",
            "outcome": "DIRECT",
            "reasons": [
                {"code": "SETTLEMENT_DIRECT", "role": "DECISIVE", "interpretation": False},
                {"code": "SETTLEMENT_CREDENTIAL_PRESENTED", "role": "NOTE", "interpretation": True},
            ],
            "figures": {},
        }
        row = gr.to_frame([result]).to_dict("records")[0]
        assert row["decisive"] == ("SETTLEMENT_DIRECT",)
        assert row["notes"] == ("SETTLEMENT_CREDENTIAL_PRESENTED",)
        assert row["interpretation"] is True


class TestDecideFrame:
    """decide_frame decides chunk by chunk; iter_frames yields the chunks."""

    def test_chunks_join_to_the_same_frame(self, corpus: tuple[gr.Case, ...], frame: pd.DataFrame) -> None:
        """Any chunk size gives the same frame as one chunk (same rows, same columns)."""
        whole = gr.decide_frame(corpus, chunk_size=10_000)
        assert whole.columns.tolist() == frame.columns.tolist()
        assert whole.to_dict("records") == frame.to_dict("records")

    def test_iter_frames_yields_chunks_of_the_size_asked(self, corpus: tuple[gr.Case, ...]) -> None:
        """120 cases in chunks of 50: 50, 50, 20."""
        sizes = [len(f) for f in gr.iter_frames(corpus[:120], chunk_size=50)]
        assert sizes == [50, 50, 20]

    def test_case_objects_and_bad_ones_are_decided_too(self) -> None:
        """A parsed case object is decided; an invalid one is a row with its error, not an exception."""
        good = {"case": "Scope.", "decision": "scope", "today": "2025-09-01",
                "facts": {"insured": "430100", "treatment": "430600"}}  # fmt: skip
        bad = {"case": "Bad.", "decision": "scope", "today": "2025-09-01", "facts": {"insured": "999999"}}
        rows = gr.decide_frame([good, bad]).to_dict("records")
        assert rows[0]["outcome"] == "INTRA_PROVINCE"
        assert rows[1]["outcome"] is None and "$.facts" in rows[1]["error"]

    @pytest.mark.parametrize("size", [0, -1, 1.5, True])
    def test_a_bad_chunk_size_is_a_typed_error(self, size: Any) -> None:
        """chunk_size must be a whole number of at least 1."""
        with pytest.raises(gr.InvalidInputError) as raised:
            list(gr.iter_frames([], chunk_size=size))
        assert raised.value.field == "chunk_size"

    def test_anything_but_cases_is_a_typed_error(self) -> None:
        """A string among the cases is an InvalidInputError on ``cases``."""
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.decide_frame(["scope"])
        assert raised.value.field == "cases"

    @settings(max_examples=25)
    @given(gs.cases())
    def test_every_generated_case_is_one_row(self, case: gr.Case) -> None:
        """A generated case of any decision becomes exactly one row, with its outcome or its error."""
        rows = gr.decide_frame([case]).to_dict("records")
        assert len(rows) == 1 and rows[0]["decision"] == case.decision
        assert (rows[0]["outcome"] is None) == (rows[0]["error"] is not None)


class TestTransitions:
    """transitions compares two frames of the same cases: outcomes, codes gained and lost, money moved."""

    def test_a_what_if_shows_changed_outcomes_and_money(self, corpus: tuple[gr.Case, ...]) -> None:
        """The same settlement without a valid credential: no direct settlement, the fund share falls, codes move."""
        case = next(
            c
            for c in corpus
            if c.decision == "settlement"
            and c.expected
            and c.expected.outcome == "DIRECT"
            and c.parameters is None  # today's law: the rebuilt case below carries no parameters
        )
        episode = case.facts.episode
        worse = gr.Case(
            name=case.name,
            decision=case.decision,
            today=case.today,
            facts=type(case.facts)(
                episode=type(episode)(**{**_fields(episode), "credential": gr.Credential.NONE}),
                registry=case.facts.registry,
            ),
        )
        before, after = gr.decide_frame([case]), gr.decide_frame([worse])
        table = gr.transitions(before, after).to_dict("records")[0]
        assert table["outcome_before"] == "DIRECT" and table["outcome_after"] != "DIRECT"
        assert table["changed"] is True
        assert "SETTLEMENT_NO_CREDENTIAL" in table["codes_gained"]
        assert isinstance(table["delta.fund_share"], Decimal) and table["delta.fund_share"] < 0

    def test_the_same_frame_twice_changes_nothing(self, frame: pd.DataFrame) -> None:
        """Every case unchanged, no code gained or lost, every money delta zero or None."""
        table = gr.transitions(frame, frame)
        assert len(table) == len(frame) and not table["changed"].any()
        assert all(v is None or v == 0 for c in table.columns if c.startswith("delta.") for v in table[c])
        counts = gr.transition_table(frame, frame)
        assert counts.loc["total", "total"] == len(frame)
        inner = counts.drop(index="total", columns="total").to_numpy()
        assert inner.trace() == len(frame)
        assert counts.loc[analysis.REJECTED, analysis.REJECTED] == sum(frame["outcome"].isna())

    def test_frames_without_unique_case_names_are_rejected(self) -> None:
        """Bare rulings have no case name: matching them is impossible, and says so."""
        frame = gr.to_frame([gr.meal_allowance(gr.Scope.INTRA_PROVINCE)])
        with pytest.raises(gr.InvalidInputError) as raised:
            gr.transitions(frame, frame)
        assert raised.value.field == "before"
        with pytest.raises(gr.InvalidInputError):
            gr.transitions(pd.DataFrame(), frame)


def _fields(value: Any) -> dict[str, Any]:
    import attrs

    return attrs.asdict(value, recurse=False)


class TestPartitions:
    """docs/analysis.md: a partitioned frame decided with Dask's map_partitions gives the same rows."""

    def test_map_partitions_decides_every_case(
        self, corpus: tuple[gr.Case, ...], frame: pd.DataFrame
    ) -> None:
        """Every sixth corpus case as JSON, in 4 partitions, decided per partition: the same outcomes and money as decide_frame."""
        dd = pytest.importorskip("dask.dataframe")
        columns = ["case", "decision", "outcome", "fund_share"]

        def decide_partition(part: pd.DataFrame) -> pd.DataFrame:
            return gr.decide_frame(gr.loads(text) for text in part["case_json"]).reindex(columns=columns)

        texts = [gr.dumps(gr.case_to_json(c)) for c in corpus[::6]]
        meta = pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
        lines = dd.from_pandas(pd.DataFrame({"case_json": texts}), npartitions=4)
        results = lines.map_partitions(decide_partition, meta=meta).compute()
        expected = frame.iloc[::6].reindex(columns=columns).to_dict("records")
        got = [{k: None if pd.isna(v) else v for k, v in row.items()} for row in results.to_dict("records")]
        assert got == expected and any(isinstance(row["fund_share"], Decimal) for row in got)


class TestMissingExtras:
    """Without pandas or matplotlib, the functions that need them say which extra to install."""

    @pytest.mark.parametrize(
        ("module", "call", "extra"),
        [
            ("pandas", lambda: gr.to_frame([]), "analysis"),
            ("pandas", lambda: list(gr.iter_frames([])), "analysis"),
            ("matplotlib", lambda: gr.filing_timeline(None), "plot"),  # type: ignore[arg-type]
        ],
    )
    def test_a_missing_extra_is_named(
        self, monkeypatch: pytest.MonkeyPatch, module: str, call: Any, extra: str
    ) -> None:
        """An ImportError naming the module and ``gongshang-rules[extra]``."""
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(ImportError, match=rf"needs {module}.*gongshang-rules\[{extra}\]"):
            call()


class TestWhatIfFrame:
    def test_a_change_of_law_as_a_frame(self) -> None:
        """Issue 10's amendment (referrals valid 6 months from 2026-01-01) as a frame: a stay on a referral filed
        2026-01-15 and admitted 2026-06-01 goes from not payable to direct, with the fund share it gains."""
        import attrs

        amended = attrs.evolve(
            gr.DEFAULT_PARAMETERS,
            effective_from=dt.date(2026, 1, 1),
            referral_validity_months=6,
            source="a hypothetical amendment, for the test",
        )
        schedule = gr.ParameterSchedule(versions=(gr.DEFAULT_PARAMETERS, amended))
        case = {
            "case": "stay on a referral of 2026-01-15",
            "decision": "settlement",
            "today": "2026-06-10",
            "facts": {
                "episode": {
                    "worker": {"name": "李四", "identity_number": "430102199001011238", "insured": "430100"},
                    "filing": {"insured": "430100", "treatment": "430200", "category": "REFERRAL",
                               "service": "MEDICAL", "filed_on": "2026-01-15"},
                    "institution_code": "EX-0002", "care": "INPATIENT", "service": "MEDICAL",
                    "started_on": "2026-06-01", "settled_on": "2026-06-10",
                    "lines": [{"kind": "MEDICAL_ITEM", "amount": "1000.00"}],
                    "credential": "SOCIAL_SECURITY_CARD",
                },
                "registry": "example",
            },
        }  # fmt: skip
        row = gr.what_if_frame([case], parameters=schedule).to_dict("records")[0]
        assert (row["outcome_before"], row["outcome_after"]) == ("NOT_PAYABLE_DIRECTLY", "DIRECT")
        assert row["delta.fund_share"] == Decimal("1000.00")
