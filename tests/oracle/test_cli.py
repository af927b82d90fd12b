"""The command line (gongshang_rules.oracle.cli): decide, batch, verify, conformance, corpus and schema, with exit codes.

Exit codes: 0 fine, 1 differences or failed cases, 2 bad input or usage. Most tests call main() in-process; a few run
``python -m gongshang_rules`` as another implementation would (kept few: each starts an interpreter).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import builders
import pytest

from gongshang_rules.oracle import batch, cli
from gongshang_rules.oracle.cli import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK, main

WHOLE_ID = re.compile(r"\d{17}[\dXx]")


def corpus_lines() -> list[str]:
    """The bundled corpus, one case per line."""
    return [line.decode("utf-8") for line in builders.corpus_lines()]


def first(decision: str, *, decided: bool = True) -> dict[str, Any]:
    """The first corpus case of a decision (with a decided, or an error, expectation)."""
    for line in corpus_lines():
        data = json.loads(line)
        if data["decision"] == decision and ("error" not in data["expected"]) == decided:
            return data
    raise AssertionError(decision)  # pragma: no cover


def write(path: Path, items: list[Any]) -> Path:
    """Write JSON lines (strings are written as they are)."""
    path.write_text(
        "".join((i if isinstance(i, str) else json.dumps(i, ensure_ascii=False)) + "\n" for i in items),
        encoding="utf-8",
    )
    return path


class TestUsage:
    """Usage errors exit 2 with argparse's message; --help documents the exit codes."""

    def test_a_missing_argument_exits_two(self, capsys: pytest.CaptureFixture[str]) -> None:
        """batch without a file is a usage error."""
        with pytest.raises(SystemExit) as caught:
            main(["batch"])
        assert caught.value.code == EXIT_BAD_INPUT
        assert "usage" in capsys.readouterr().err

    def test_a_bad_jobs_count_exits_two(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--jobs 0 and --jobs x are refused."""
        for value in ("0", "x"):
            with pytest.raises(SystemExit) as caught:
                main(["batch", "-", "--jobs", value])
            assert caught.value.code == EXIT_BAD_INPUT
        capsys.readouterr()

    def test_help_documents_the_exit_codes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists 0, 1 and 2."""
        with pytest.raises(SystemExit) as caught:
            main(["--help"])
        assert caught.value.code == 0
        out = capsys.readouterr().out
        assert "0  fine" in out and "1  differences" in out and "2  bad input or usage" in out


class TestOnlyWhatACommandNeeds:
    """Each command's module is imported when it runs (issue 13 measures the cold start of ``decide``)."""

    def test_decide_loads_neither_the_batch_runner_nor_the_reports(self, tmp_path: Path) -> None:
        """The parser and ``decide`` import no batch runner, process pool, verify reports or what-if."""
        case = write(tmp_path / "case.json", [first("filing_validity")])
        oracle = "gongshang_rules.oracle"
        unwanted = (
            "concurrent",
            "multiprocessing",
            f"{oracle}.batch",
            f"{oracle}.verify",
            f"{oracle}.whatif",
        )
        code = (
            "import sys; from gongshang_rules.oracle.cli import main; code = main(['decide', sys.argv[1], '--json']);"
            f"sys.stderr.write(repr((code, sorted(m for m in sys.modules if m.startswith({unwanted!r})))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(case)], capture_output=True, text=True, timeout=120, check=True
        )
        assert done.stderr == repr((EXIT_OK, []))
        assert json.loads(done.stdout)["outcome"]

    #: A command line per command, with its options (the case and file names need not exist: only parsed).
    COMMAND_LINES = (
        ["demo"],
        ["decide", "case.json", "--json", "--quote", "--parameters", "p.json"],
        ["batch", "-", "-o", "out.jsonl", "--jobs", "2", "--no-messages"],
        ["verify", "theirs.jsonl", "--cases", "cases.jsonl", "--strict", "--format", "junit"],
        ["conformance", "dir", "-v", "--results", "theirs.jsonl", "--strict"],
        ["corpus"],
        ["schema", "result"],
        ["whatif", "cases.jsonl", "--parameters", "alt.json", "--json"],
        ["reasons", "--json"],
        ["serve", "--host", "0.0.0.0", "--port", "0"],
    )

    def test_the_commands_are_the_parsers_in_their_order(self) -> None:
        """``cli.COMMANDS`` is every command of the full parser, in its ``--help`` order; each line above is one."""
        (commands,) = (a for a in cli._parser()._actions if isinstance(a, argparse._SubParsersAction))
        assert tuple(commands.choices) == cli.COMMANDS == tuple(line[0] for line in self.COMMAND_LINES)

    @pytest.mark.parametrize("line", COMMAND_LINES, ids=lambda line: line[0])
    def test_only_the_named_commands_parser_is_built_and_it_parses_the_same(self, line: list[str]) -> None:
        """The parser built for the named command alone (what ``main`` does, issue 13) has that command only, and
        gives the same arguments, the same help and the same usage errors as the parser of every command."""
        full, alone = cli._parser(), cli._parser(line[0])
        (only,) = (a for a in alone._actions if isinstance(a, argparse._SubParsersAction))
        assert list(only.choices) == [line[0]]
        assert alone.parse_args(line) == full.parse_args(line)
        (every,) = (a for a in full._actions if isinstance(a, argparse._SubParsersAction))
        assert only.choices[line[0]].format_help() == every.choices[line[0]].format_help()
        errors = []
        for parser in (full, alone):
            stderr = io.StringIO()
            with pytest.raises(SystemExit) as caught, contextlib.redirect_stderr(stderr):
                parser.parse_args([*line, "--no-such-option"])
            errors.append((caught.value.code, stderr.getvalue()))
        assert errors[0] == errors[1] and errors[0][0] == EXIT_BAD_INPUT
        assert "error: unrecognized arguments: --no-such-option" in errors[0][1]

    def test_a_line_that_names_no_command_gets_the_full_parser(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown command is refused with every command listed (the full parser was built for it)."""
        with pytest.raises(SystemExit) as caught:
            main(["decid", "case.json"])
        assert caught.value.code == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "invalid choice: 'decid'" in err and all(f"'{command}'" in err for command in cli.COMMANDS), (
            err
        )


class TestDecide:
    """decide CASE.json explains one case; --json prints the result object."""

    def test_the_news_case_is_explained_and_agrees_with_its_expected(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The explanation shows the outcome, the reasons and that it agrees with the expected result."""
        news = first("settlement")
        path = tmp_path / "news.json"
        path.write_text(json.dumps(news, ensure_ascii=False), encoding="utf-8")
        assert main(["decide", str(path)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "SettlementRuling: DIRECT" in out and "agrees with the case's expected result" in out
        assert not WHOLE_ID.search(out)

    def test_json_prints_the_result_object(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--json prints one line: the result."""
        path = tmp_path / "c.json"
        path.write_text(json.dumps(first("scope")), encoding="utf-8")
        assert main(["decide", str(path), "--json"]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["outcome"] == "LOCAL"

    def test_a_result_that_differs_from_expected_exits_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A wrong expected outcome is shown as a difference."""
        case = {**first("scope"), "expected": {"outcome": "INTRA_PROVINCE", "reasons": [], "figures": {}}}
        path = tmp_path / "c.json"
        path.write_text(json.dumps(case), encoding="utf-8")
        assert main(["decide", str(path)]) == EXIT_DIFFERENCES
        assert "difference" in capsys.readouterr().out

    def test_stdin_is_read_with_a_dash(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """decide - reads the case from standard input."""
        data = json.dumps(first("add_months")).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        assert main(["decide", "-"]) == EXIT_OK
        assert "COMPUTED" in capsys.readouterr().out

    def test_bad_input_exits_two_with_every_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Bad JSON, bad facts, a missing file: exit 2, problems listed, never a traceback."""
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        assert main(["decide", str(path)]) == EXIT_BAD_INPUT
        assert "not valid JSON" in capsys.readouterr().out
        assert main(["decide", str(path), "--json"]) == EXIT_BAD_INPUT
        assert json.loads(capsys.readouterr().out)["error"]["problems"][0]["path"] == "$"
        path.write_text(
            json.dumps({**first("scope"), "facts": {"insured": "香港", "treatment": 1}}), encoding="utf-8"
        )
        assert (
            main(["decide", str(path)]) == EXIT_DIFFERENCES
        )  # it has an expected result, and is now rejected
        out = capsys.readouterr().out
        assert "$.facts.insured" in out and "$.facts.treatment" in out
        assert main(["decide", str(tmp_path / "missing.json")]) == EXIT_BAD_INPUT
        assert "cannot read" in capsys.readouterr().err

    def test_an_expected_rejection_exits_zero(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A corpus case the library must reject is rejected at the expected path: that is agreement."""
        path = tmp_path / "c.json"
        path.write_text(json.dumps(first("scope", decided=False), ensure_ascii=False), encoding="utf-8")
        assert main(["decide", str(path)]) == EXIT_OK
        assert "as the case's expected result says" in capsys.readouterr().out
        wrong = {**first("scope", decided=False), "expected": {"error": ["$.facts.elsewhere"]}}
        path.write_text(json.dumps(wrong, ensure_ascii=False), encoding="utf-8")
        assert main(["decide", str(path), "--json"]) == EXIT_DIFFERENCES


class TestBatch:
    """batch: one result per line, in input order; a bad line is reported on its own line and the run goes on."""

    def test_a_bad_line_is_reported_and_the_run_goes_on(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Three good cases around a bad line and an invalid case: five results, exit 2."""
        lines = [*corpus_lines()[:2], "not json", '{"case": "x"}', "", corpus_lines()[2]]
        out = tmp_path / "out.jsonl"
        assert main(["batch", str(write(tmp_path / "in.jsonl", lines)), "-o", str(out)]) == EXIT_BAD_INPUT
        results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(results) == 5
        assert results[2]["line"] == 3 and results[2]["error"]["problems"][0]["path"] == "$"
        assert results[3]["line"] == 4 and results[3]["case"] == "x"
        assert "outcome" in results[4] and "line" not in results[4]

    def test_jobs_gives_the_same_output_in_the_same_order(self, tmp_path: Path) -> None:
        """--jobs 2 writes byte for byte what one process writes."""
        source = write(tmp_path / "in.jsonl", corpus_lines()[:300])
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
        main(["batch", str(source), "-o", str(one)])
        main(["batch", str(source), "-o", str(two), "--jobs", "2"])
        assert one.read_bytes() == two.read_bytes()

    def test_all_good_lines_exit_zero_and_stdin_works(
        self, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """Decidable cases only, read from stdin: exit 0, one line each."""
        good = [line for line in corpus_lines() if '"error"' not in line][:5]
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\n".join(good) + "\n").encode())))
        assert main(["batch", "-"]) == EXIT_OK
        assert len(capsysbinary.readouterr().out.splitlines()) == 5

    def test_progress_is_shown_only_on_a_terminal(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With stderr a terminal, a progress line and a summary appear on stderr; never on stdout."""
        source = write(tmp_path / "in.jsonl", corpus_lines()[:3])
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        monkeypatch.setattr(batch.time, "monotonic", iter(range(0, 1000, 1)).__next__)
        main(["batch", str(source), "-o", str(tmp_path / "out.jsonl")])
        err = capsys.readouterr().err
        assert "batch: 3 cases" in err and "%" in err

    def test_unreadable_files_exit_two(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing input or an unwritable output is bad input."""
        assert main(["batch", str(tmp_path / "missing.jsonl")]) == EXIT_BAD_INPUT
        source = write(tmp_path / "in.jsonl", corpus_lines()[:1])
        assert main(["batch", str(source), "-o", str(tmp_path / "no" / "out.jsonl")]) == EXIT_BAD_INPUT
        assert "cannot" in capsys.readouterr().err


class TestVerify:
    """verify compares another implementation's results with ours: each difference with its articles; exit 1."""

    def test_a_planted_difference_is_found(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A changed outcome, a dropped reason and a missing result are each reported; exit 1."""
        lines = corpus_lines()[:20]
        cases_path = write(tmp_path / "cases.jsonl", lines)
        ours = tmp_path / "ours.jsonl"
        main(["batch", str(cases_path), "-o", str(ours)])
        theirs = [json.loads(line) for line in ours.read_text(encoding="utf-8").splitlines()]
        decided = [i for i, r in enumerate(theirs) if "outcome" in r]
        theirs[decided[0]]["outcome"] = "SOMETHING_ELSE"
        theirs[decided[1]]["reasons"] = theirs[decided[1]]["reasons"][1:]
        dropped = theirs.pop(decided[2])
        assert (
            main(["verify", str(write(tmp_path / "theirs.jsonl", theirs)), "--cases", str(cases_path)]) == 1
        )
        out = capsys.readouterr().out
        assert "outcome: expected" in out and "missing reason" in out and f"MISSING {dropped['case']}" in out
        assert re.search(r"\[art\. \d", out)
        assert "verify: 20 cases: 17 agree, 2 differ, 1 missing" in out

    def test_identical_results_exit_zero(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Our own results verify cleanly."""
        cases_path = write(tmp_path / "cases.jsonl", corpus_lines()[:10])
        ours = tmp_path / "ours.jsonl"
        main(["batch", str(cases_path), "-o", str(ours)])
        assert main(["verify", str(ours), "--cases", str(cases_path)]) == EXIT_OK
        assert "10 agree" in capsys.readouterr().out

    def test_unknown_and_unreadable_results_are_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A result for an unknown case, a line that is no result, a repeated result or case: exit 2."""
        lines = corpus_lines()[:2]
        cases_path = write(tmp_path / "cases.jsonl", [*lines, lines[0], "{", '{"x": 1}'])
        theirs = write(tmp_path / "theirs.jsonl", [{"case": "nobody"}, {"case": "nobody"}, [1], "{"])
        assert main(["verify", str(theirs), "--cases", str(cases_path)]) == EXIT_BAD_INPUT
        captured = capsys.readouterr()
        assert "UNKNOWN nobody" in captured.out and "a second result" in captured.err
        assert "a second case" in captured.err and 'a "case" name' in captured.err
        assert main(["verify", str(tmp_path / "none.jsonl"), "--cases", str(cases_path)]) == EXIT_BAD_INPUT
        capsys.readouterr()


class TestConformance:
    """conformance runs the bundled corpus or a directory of cases with expected results."""

    def test_the_bundled_corpus_passes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every bundled case passes; the summary counts them."""
        assert main(["conformance"]) == EXIT_OK
        assert re.search(r"conformance: (\d+) cases: \1 pass, 0 fail", capsys.readouterr().out)

    def test_a_directory_with_a_failing_case_exits_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A case whose expected result is wrong fails, with its differences and articles; -v names passes."""
        good = json.loads(corpus_lines()[0])
        bad = {**json.loads(corpus_lines()[1]), "expected": {"outcome": "NOPE", "reasons": [], "figures": {}}}
        write(tmp_path / "a.jsonl", [good, bad])
        assert main(["conformance", str(tmp_path), "-v"]) == EXIT_DIFFERENCES
        out = capsys.readouterr().out
        assert f"FAIL {bad['case']}" in out and f"pass {good['case']}" in out and "1 fail" in out

    def test_a_case_without_expected_or_repeated_is_bad_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A conformance file needs expected results and unique names; an empty directory is bad input too."""
        good = json.loads(corpus_lines()[0])
        write(tmp_path / "a.jsonl", [good, good, {k: v for k, v in good.items() if k != "expected"}, "{"])
        assert main(["conformance", str(tmp_path / "a.jsonl")]) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "a second case" in err and 'needs a "case" name and a valid "expected"' in err
        empty = tmp_path / "empty"
        empty.mkdir()
        assert main(["conformance", str(empty)]) == EXIT_BAD_INPUT
        capsys.readouterr()


def scope_case(case_id: str, insured: str, treatment: str, outcome: str, code: str) -> dict[str, Any]:
    """A scope case with an id and an expected that lists the one code present, as the corpus writes them."""
    return {"id": case_id, "case": f"{insured} to {treatment}.", "decision": "scope", "today": "2025-09-01",
            "facts": {"insured": insured, "treatment": treatment}, "articles": ["art. 2(1)"],
            "expected": {"outcome": outcome, "present": [code], "absent": ["SCOPE_NOT_GOVERNED"]}}  # fmt: skip


class TestConformanceOfAnotherImplementation:
    """conformance --results judges another implementation's results by each case's expected, matched by id."""

    def test_results_are_matched_by_id_and_judged_by_expected(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A renamed but right result passes, a wrong one fails, a missing one and an unknown one are reported."""
        corpus = [scope_case("T-1", "430100", "430600", "INTRA_PROVINCE", "SCOPE_INTRA_PROVINCE"),
                  scope_case("T-2", "430100", "430181", "LOCAL", "SCOPE_LOCAL"),
                  scope_case("T-3", "430100", "440000", "CROSS_PROVINCE_OUTBOUND", "SCOPE_CROSS_PROVINCE_OUTBOUND")]  # fmt: skip
        cases_path = write(tmp_path / "cases.jsonl", corpus)
        theirs = write(tmp_path / "theirs.jsonl", [
            {"id": "T-1", "case": "renamed", "outcome": "INTRA_PROVINCE", "reasons": ["SCOPE_INTRA_PROVINCE"]},
            {"id": "T-2", "case": corpus[1]["case"], "outcome": "INTRA_PROVINCE", "reasons": ["SCOPE_LOCAL"]},
            {"id": "T-9", "case": "nobody", "outcome": "LOCAL", "reasons": []},
        ])  # fmt: skip
        assert main(["conformance", str(cases_path), "--results", str(theirs), "-v"]) == EXIT_DIFFERENCES
        out = capsys.readouterr().out
        assert f"pass {corpus[0]['case']} (T-1)" in out and f"FAIL {corpus[1]['case']} (T-2)" in out
        assert f"MISSING {corpus[2]['case']} (T-3)" in out and "UNKNOWN T-9" in out
        assert "3 cases: 1 pass, 1 fail; 1 missing from theirs, 1 results for unknown cases" in out
        calendar = write(tmp_path / "2027.csv", ["date,kind,source", "2027-01-01,off,supplied"])
        assert (
            main(["conformance", str(cases_path), "--results", str(theirs), "--calendar", str(calendar)]) == 2
        )
        assert "--parameters and --calendar do not apply" in capsys.readouterr().err

    def test_our_results_pass_by_id(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """batch's results echo the ids, so our own results pass conformance --results; verify matches by id."""
        corpus = [scope_case("T-1", "430100", "430600", "INTRA_PROVINCE", "SCOPE_INTRA_PROVINCE"),
                  scope_case("T-2", "430100", "430181", "LOCAL", "SCOPE_LOCAL")]  # fmt: skip
        cases_path = write(tmp_path / "cases.jsonl", corpus)
        ours = tmp_path / "ours.jsonl"
        assert main(["batch", str(cases_path), "-o", str(ours)]) == EXIT_OK
        results = [json.loads(line) for line in ours.read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in results] == ["T-1", "T-2"]
        assert main(["conformance", str(cases_path), "--results", str(ours)]) == EXIT_OK
        renamed = write(tmp_path / "renamed.jsonl", [{**r, "case": "another name"} for r in results])
        assert main(["verify", str(renamed), "--cases", str(cases_path)]) == EXIT_OK
        assert "2 agree" in capsys.readouterr().out

    def test_a_note_is_known_though_nothing_is_decided(self, tmp_path: Path) -> None:
        """In a fresh process, with no decision run, a listed note of a rule not yet loaded (an annual clearing
        note) still counts as a note: listed, not failed."""
        case = {"id": "T-1", "case": "The clearing of 2027.", "decision": "annual_clearing", "today": "2027-12-31",
                "facts": {"year": 2027}, "articles": ["art. 27"],
                "expected": {"outcome": "DUE", "present": ["FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END"]}}  # fmt: skip
        cases_path = write(tmp_path / "cases.jsonl", [case])
        theirs = write(tmp_path / "theirs.jsonl", [{"id": "T-1", "outcome": "DUE", "reasons": []}])
        done = subprocess.run(
            [sys.executable, "-m", "gongshang_rules", "conformance", str(cases_path), "--results", str(theirs)],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        assert done.returncode == EXIT_OK, done.stdout + done.stderr
        assert "notes: missing reason FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END (a note" in done.stdout

    def test_repeated_ids_are_bad_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Two cases with one id, or two results with one id, or a result with a bad id: exit 2."""
        one = scope_case("T-1", "430100", "430600", "INTRA_PROVINCE", "SCOPE_INTRA_PROVINCE")
        cases_path = write(tmp_path / "cases.jsonl", [one, {**one, "case": "Another name."}])
        theirs = write(tmp_path / "theirs.jsonl", [{"id": "T-1", "case": "a"}, {"id": "T-1", "case": "b"},
                                                   {"id": "bad id", "case": "c"}])  # fmt: skip
        assert main(["conformance", str(cases_path), "--results", str(theirs)]) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "a second case with the id 'T-1'" in err and "a second result for the id 'T-1'" in err
        assert "a result's id must be a case id" in err


def _without_notes(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results as an implementation that gives only the decisive codes would write them."""
    return [
        {**r, "reasons": [x for x in r["reasons"] if x["role"] == "DECISIVE"]} if "reasons" in r else r
        for r in results
    ]


class TestDecisiveContract:
    """verify and conformance fail on decisive codes; notes are listed, and fail only with --strict."""

    def _ours(self, tmp_path: Path, lines: list[str]) -> tuple[Path, list[dict[str, Any]]]:
        cases_path = write(tmp_path / "cases.jsonl", lines)
        ours = tmp_path / "ours.jsonl"
        main(["batch", str(cases_path), "-o", str(ours)])
        return cases_path, [json.loads(line) for line in ours.read_text(encoding="utf-8").splitlines()]

    def test_results_without_notes_verify_and_strict_fails_them(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every note dropped: exit 0 with NOTE lines; with --strict, exit 1 with DIFF lines."""
        settlement = [line for line in corpus_lines() if '"decision":"settlement"' in line.replace(" ", "")][
            :5
        ]
        cases_path, ours = self._ours(tmp_path, settlement)
        theirs = write(tmp_path / "theirs.jsonl", _without_notes(ours))
        capsys.readouterr()
        assert main(["verify", str(theirs), "--cases", str(cases_path)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "NOTE " in out and "notes: missing reason SETTLEMENT_" in out and "DIFF " not in out
        assert "5 agree, 0 differ" in out
        assert main(["verify", str(theirs), "--cases", str(cases_path), "--strict"]) == EXIT_DIFFERENCES
        out = capsys.readouterr().out
        assert "DIFF " in out and "0 agree, 5 differ" in out

    def test_a_dropped_decisive_code_still_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without its scope reason, a settlement result differs."""
        settlement = [line for line in corpus_lines() if '"decision":"settlement"' in line.replace(" ", "")][
            :1
        ]
        cases_path, ours = self._ours(tmp_path, settlement)
        ours[0]["reasons"] = [r for r in ours[0]["reasons"] if not r["code"].startswith("SCOPE_")]
        theirs = write(tmp_path / "theirs.jsonl", ours)
        assert main(["verify", str(theirs), "--cases", str(cases_path)]) == EXIT_DIFFERENCES
        assert "DIFF " in capsys.readouterr().out

    def test_conformance_lists_a_differing_note_and_fails_it_only_when_strict(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An expected that lists a note the library does not give: pass (the note listed), FAIL with --strict."""
        case = first("settlement")
        case["expected"] = {
            **case["expected"],
            "present": [*case["expected"]["present"], "SETTLEMENT_LOCAL_INSTITUTION"],
        }
        write(tmp_path / "a.jsonl", [case])
        assert main(["conformance", str(tmp_path)]) == EXIT_OK
        out = capsys.readouterr().out
        assert f"pass {case['case']}" in out and "notes: missing reason SETTLEMENT_LOCAL_INSTITUTION" in out
        assert "--strict fails it" in out
        assert main(["conformance", str(tmp_path), "--strict"]) == EXIT_DIFFERENCES
        assert f"FAIL {case['case']}" in capsys.readouterr().out
        assert main(["conformance", "--strict"]) == EXIT_OK  # every note the bundled corpus lists is given
        capsys.readouterr()

    def test_decide_shows_the_decisive_reasons_first_and_lists_a_differing_note(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """'because:' before 'notes:'; a note of the expected that the result lacks is listed, not failed."""
        case = first("settlement")
        case["expected"] = {
            **case["expected"],
            "present": [*case["expected"]["present"], "SETTLEMENT_LOCAL_INSTITUTION"],
        }
        path = write(tmp_path / "case.json", [case])
        assert main(["decide", str(path)]) == EXIT_OK
        out = capsys.readouterr().out
        assert out.index("  because:") < out.index("  notes:")
        assert "agrees with the case's expected result" in out and "(a note: listed, not failed)" in out


class TestReasons:
    """gongshang-rules reasons: the catalogue, for a person or as JSON."""

    def test_reasons_prints_every_code_by_role(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The count line, the decisive codes then the notes, each with decisions and when."""
        assert main(["reasons"]) == EXIT_OK
        out = capsys.readouterr().out
        assert re.match(r"\d+ reason codes: \d+ decisive \(compared\), \d+ notes", out)
        assert out.index("\nDECISIVE: ") < out.index("\nNOTE: ")
        assert "SETTLEMENT_DIRECT (art." in out and "      when: " in out

    def test_reasons_json_is_a_list_of_objects(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """One line of JSON: objects with code, role, articles, interpretation, decisions and when."""
        assert main(["reasons", "--json"]) == EXIT_OK
        entries = json.loads(capsysbinary.readouterr().out)
        assert isinstance(entries, list) and len(entries) > 200
        assert {tuple(sorted(e)) for e in entries} == {
            ("articles", "code", "decisions", "interpretation", "role", "when")
        }
        direct = next(e for e in entries if e["code"] == "SETTLEMENT_DIRECT")
        assert direct["role"] == "DECISIVE" and direct["decisions"] == ["settlement"]


class TestCorpusAndSchema:
    """corpus prints the bundled cases; schema prints a published schema."""

    def test_corpus_prints_every_case(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """One line per case, each a JSON object with a name and an expected result."""
        assert main(["corpus"]) == EXIT_OK
        lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
        assert len(lines) == len(corpus_lines()) and all("expected" in json.loads(line) for line in lines)

    def test_schema_prints_the_json_schema(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """schema result prints the result schema."""
        assert main(["schema", "result"]) == EXIT_OK
        assert json.loads(capsysbinary.readouterr().out)["title"] == "gongshang-rules result"


class TestAsAnotherImplementationWould:
    """python -m gongshang_rules, run as a separate process."""

    def run(self, *args: str, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
        """Run the module with a given hash seed."""
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-m", "gongshang_rules", *args], capture_output=True, env=env,
                              check=False, timeout=300)  # fmt: skip

    def test_the_corpus_passes_through_the_command_line(self) -> None:
        """conformance exits 0 and says every case passed."""
        done = self.run("conformance")
        assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
        assert b" 0 fail" in done.stdout

    def test_batch_output_is_byte_identical_across_runs(self, tmp_path: Path) -> None:
        """Two runs with different hash seeds write the same bytes (sets are sorted, keys too)."""
        source = write(tmp_path / "in.jsonl", corpus_lines()[::3])
        first_run, second_run = (
            self.run("batch", str(source), seed="1"),
            self.run("batch", str(source), seed="2"),
        )
        assert first_run.stdout == second_run.stdout and first_run.stdout.count(b"\n") == len(
            corpus_lines()[::3]
        )
        assert not WHOLE_ID.search(first_run.stdout.decode("utf-8"))


# --- issue 10: --parameters, whatif, --quote ------------------------------------------------------------------------


def amended_schedule() -> dict[str, Any]:
    """Today's table, then referrals valid 6 months from 2026-01-01 (a hypothetical amendment), as JSON."""
    import datetime as dt

    import attrs

    import gongshang_rules as gr

    later = attrs.evolve(
        gr.DEFAULT_PARAMETERS,
        effective_from=dt.date(2026, 1, 1),
        referral_validity_months=6,
        source="hypothetical: referrals 6 months from 2026-01-01",
    )
    data: dict[str, Any] = gr.unstructure(gr.ParameterSchedule(versions=(gr.DEFAULT_PARAMETERS, later)))
    return data


def referral_case(filed_on: str = "2026-01-15") -> dict[str, Any]:
    return {
        "case": f"A referral filed on {filed_on}.",
        "decision": "filing_validity",
        "today": filed_on,
        "facts": {
            "filing": {
                "insured": "430100",
                "treatment": "430600",
                "category": "REFERRAL",
                "service": "MEDICAL",
                "filed_on": filed_on,
            }
        },
    }


class TestParametersOption:
    """--parameters FILE decides every case of a run under that schedule, in place of the case's own."""

    def test_decide_under_a_schedule(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A referral of 2026-01-15 under the amendment runs through 2026-07-15, and the ruling names the version."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        case = write(tmp_path / "case.json", [referral_case()])
        assert main(["decide", str(case), "--json", "--parameters", str(alt)]) == EXIT_OK
        result = json.loads(capsys.readouterr().out)
        assert result["figures"]["valid_through"] == "2026-07-15"
        assert "PARAMETERS_VERSION_USED" in {r["code"] for r in result["reasons"]}

    def test_batch_with_jobs_honours_it(
        self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """The schedule reaches every process of a parallel batch."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        cases = write(tmp_path / "in.jsonl", [referral_case(), referral_case("2025-12-15")])
        assert main(["batch", str(cases), "--jobs", "2", "--parameters", str(alt)]) == EXIT_OK
        results = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
        assert [r["figures"]["valid_through"] for r in results] == ["2026-07-15", "2026-03-15"]

    def test_conformance_under_another_law_shows_what_breaks(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The bundled corpus expects today's law: under the amendment, the 2026 referrals fail."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        assert main(["conformance", "--parameters", str(alt)]) == EXIT_DIFFERENCES
        assert "FAIL A referral filed on 2026-05-31" in capsys.readouterr().out

    def test_a_bad_schedule_exits_two_with_its_paths(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every problem of the file is printed with its JSON path; an unreadable file exits 2 too."""
        bad = amended_schedule()
        bad["versions"][1]["review_working_days"] = 0
        alt = write(tmp_path / "alt.json", [bad])
        case = write(tmp_path / "case.json", [referral_case()])
        assert main(["decide", str(case), "--parameters", str(alt)]) == EXIT_BAD_INPUT
        assert "$.versions[1].review_working_days" in capsys.readouterr().err
        assert main(["decide", str(case), "--parameters", str(tmp_path / "none.json")]) == EXIT_BAD_INPUT
        assert "cannot read" in capsys.readouterr().err


class TestWhatIf:
    """whatif CASES --parameters ALT: what changes, as text or as JSON."""

    def test_the_report_names_transitions_and_changed_cases(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two referrals: the one filed after the change is a changed case; the other is not."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        cases = write(tmp_path / "in.jsonl", [referral_case(), referral_case("2025-12-15")])
        assert main(["whatif", str(cases), "--parameters", str(alt)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "2 cases: 1 changed, 1 unchanged" in out
        assert "filing_validity: COMPUTED -> COMPUTED: 1" in out
        assert "A referral filed on 2026-01-15. [filing_validity]" in out

    def test_json_gives_the_report_as_data(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--json: one object with transitions, money moved and the changed cases; rejected cases are counted."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        rejected = {**referral_case(), "today": "2026-02-30"}
        cases = write(tmp_path / "in.jsonl", [referral_case(), rejected])
        assert main(["whatif", str(cases), "--parameters", str(alt), "--json"]) == EXIT_OK
        captured = capsys.readouterr()
        report = json.loads(captured.out)
        assert report["cases"] == 1
        assert report["transitions"] == [
            {"decision": "filing_validity", "before": "COMPUTED", "after": "COMPUTED", "count": 1}
        ]
        assert report["fund_share_moved"] == "0.00"
        assert "1 case(s) not compared" in captured.err

    def test_stdin_and_bad_lines(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """- reads stdin; a line that is not JSON exits 2 after the report."""
        alt = write(tmp_path / "alt.json", [amended_schedule()])
        text = json.dumps(referral_case()) + "\n{not json\n"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        assert main(["whatif", "-", "--parameters", str(alt)]) == EXIT_BAD_INPUT
        captured = capsys.readouterr()
        assert "1 changed" in captured.out
        assert "-:2:" in captured.err

    def test_parameters_is_required(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """whatif without --parameters is a usage error."""
        with pytest.raises(SystemExit) as caught:
            main(["whatif", str(tmp_path / "in.jsonl")])
        assert caught.value.code == EXIT_BAD_INPUT


class TestQuote:
    """decide --quote shows the cited paragraph under each reason."""

    def test_the_cited_sentence_is_shown(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Article 13 ¶1's text appears under FILING_VALIDITY_COMPUTED."""
        case = write(tmp_path / "case.json", [referral_case()])
        assert main(["decide", str(case), "--quote"]) == EXIT_OK
        out = capsys.readouterr().out
        assert "> art. 13(1) 第十三条第一款: 异地转诊转院备案有效期为3个月。" in out
