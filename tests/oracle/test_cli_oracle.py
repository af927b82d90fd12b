"""The command line as an oracle others drive (issue 11): ``--calendar``, ``batch`` through a pipe, ``verify
--format``, the bad-line summary, ``--version`` and each command's own ``--help``.

The co-process tests start ``python -m gongshang_rules batch -`` and write one case, read one result, as a test
harness in another language would; every read has a bound, so a result that never comes fails instead of hanging.
"""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import builders
import pytest

from gongshang_rules.oracle import _console, batch, cli
from gongshang_rules.oracle.cli import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK, main

SCHEDULE_2027_CSV = "date,weekday,kind,festival,source\n2027-01-01,周五,off,元旦,test notice for 2027\n"
AFTER_2026 = {"case": "after 2026", "decision": "working_day_after", "today": "2026-12-31",
              "facts": {"date": "2026-12-31", "n": 1}}  # fmt: skip


def corpus_lines() -> list[str]:
    """The bundled corpus, one case per line."""
    return [line.decode("utf-8") for line in builders.corpus_lines()]


def write(path: Path, items: list[Any]) -> Path:
    """Write JSON lines (strings as they are)."""
    path.write_text(
        "".join((i if isinstance(i, str) else json.dumps(i, ensure_ascii=False)) + "\n" for i in items),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def calendar_2027(tmp_path: Path) -> Path:
    """A CSV with a (made-up) 2027 schedule, as a caller passes with --calendar."""
    path = tmp_path / "cn-holidays-2027.csv"
    path.write_text(SCHEDULE_2027_CSV, encoding="utf-8")
    return path


class TestCalendarOption:
    """--calendar FILE adds a year the bundle does not know, for decide, batch, verify and conformance."""

    def test_batch_decides_2027_with_the_file(
        self, tmp_path: Path, calendar_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without the file 2027 is unknown (exit 2); with it, the working day after 2026-12-31 is 2027-01-04."""
        source = write(tmp_path / "in.jsonl", [AFTER_2026])
        assert main(["batch", str(source)]) == EXIT_BAD_INPUT
        assert "2027" in json.loads(capsys.readouterr().out)["error"]["problems"][0]["message"]
        assert main(["batch", str(source), "--calendar", str(calendar_2027)]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["figures"]["date"] == "2027-01-04"

    def test_batch_with_jobs_passes_the_calendar_to_every_process(
        self, tmp_path: Path, calendar_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--jobs 2: the worker processes decide with the same calendar."""
        source = write(tmp_path / "in.jsonl", [AFTER_2026] * 600)
        assert main(["batch", str(source), "--jobs", "2", "--calendar", str(calendar_2027)]) == EXIT_OK
        assert {json.loads(line)["figures"]["date"] for line in capsys.readouterr().out.splitlines()} == {
            "2027-01-04"
        }

    def test_decide_uses_the_file(
        self, tmp_path: Path, calendar_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """decide --json --calendar FILE."""
        case = tmp_path / "case.json"
        case.write_text(json.dumps(AFTER_2026), encoding="utf-8")
        assert main(["decide", str(case), "--json", "--calendar", str(calendar_2027)]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["figures"]["date"] == "2027-01-04"

    def test_conformance_and_verify_use_the_file(
        self, tmp_path: Path, calendar_2027: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A case expecting 2027-01-04 passes only with the file; verify decides ours with it too."""
        expected = {
            **AFTER_2026,
            "expected": {
                "outcome": "COMPUTED",
                "reasons": ["PERIOD_WORKING_DAYS_COUNTED"],
                "figures": {"date": "2027-01-04"},
            },
        }
        cases = write(tmp_path / "cases.jsonl", [expected])
        assert main(["conformance", str(cases)]) == EXIT_DIFFERENCES
        assert main(["conformance", str(cases), "--calendar", str(calendar_2027)]) == EXIT_OK
        theirs = write(tmp_path / "theirs.jsonl", [{"case": "after 2026", "decision": "working_day_after",
                                                    "outcome": "COMPUTED", "reasons": ["PERIOD_WORKING_DAYS_COUNTED"],
                                                    "figures": {"date": "2027-01-04"}}])  # fmt: skip
        assert main(["verify", str(theirs), "--cases", str(cases)]) == EXIT_DIFFERENCES
        assert (
            main(["verify", str(theirs), "--cases", str(cases), "--calendar", str(calendar_2027)]) == EXIT_OK
        )
        capsys.readouterr()

    def test_a_bundled_year_in_the_file_replaces_the_bundled_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that makes 2026-01-05 (a Monday) a day off: the working day after 2026-01-04 becomes 01-06."""
        path = tmp_path / "corrected-2026.csv"
        path.write_text("date,kind,source\n2026-01-05,off,a corrected notice\n", encoding="utf-8")
        case = {"case": "x", "decision": "working_day_after", "today": "2026-01-04",
                "facts": {"date": "2026-01-04", "n": 1}}  # fmt: skip
        source = write(tmp_path / "in.jsonl", [case])
        assert main(["batch", str(source)]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["figures"]["date"] == "2026-01-05"
        assert main(["batch", str(source), "--calendar", str(path)]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["figures"]["date"] == "2026-01-06"

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("date,kind,source\n2027-01-01,holiday,x\n", "must be 'off' or 'makeup_workday'"),
            ("day,kind\n", "lacks the column"),
            (None, "cannot read"),
        ],
    )
    def test_a_bad_file_is_a_usage_error_naming_the_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | None, problem: str
    ) -> None:
        """A file that cannot be read or is not a schedule: exit 2 before any case is decided."""
        path = tmp_path / "calendar.csv"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(SystemExit) as caught:
            main(["batch", "-", "--calendar", str(path)])
        assert caught.value.code == EXIT_BAD_INPUT
        assert problem in capsys.readouterr().err

    def test_a_file_that_is_not_utf8_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """GBK bytes: refused, naming the encoding."""
        path = tmp_path / "calendar.csv"
        path.write_bytes("date,kind,source\n2027-01-01,off,元旦\n".encode("gbk"))
        with pytest.raises(SystemExit):
            main(["decide", "-", "--calendar", str(path)])
        assert "UTF-8" in capsys.readouterr().err


class Coprocess:
    """``gongshang-rules batch -`` as a co-process: one case written, one result read, with a bound on each read."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gongshang_rules", "batch", "-", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def ask(self, line: str, timeout: float = 20.0) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line.encode("utf-8") + b"\n")
        self.process.stdin.flush()
        ready, _w, _x = select.select([self.process.stdout], [], [], timeout)
        assert ready, "no result within the bound: batch did not answer before stdin closed"
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> tuple[int, bytes]:
        assert self.process.stdin is not None and self.process.stderr is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=30)
        return code, self.process.stderr.read()


class TestBatchThroughAPipe:
    """From a pipe, each result is written and flushed as soon as its line is decided."""

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_one_case_in_one_result_out(self, jobs: str) -> None:
        """Ten corpus cases, each answered before the next is written, in order; --jobs 2 as well."""
        harness = Coprocess("--jobs", jobs)
        try:
            for line in corpus_lines()[:10]:
                assert harness.ask(line)["case"] == json.loads(line)["case"]
            bad = harness.ask("{not json")
            assert bad["error"]["problems"][0]["path"] == "$" and bad["line"] == 11
        finally:
            code, err = harness.close()
        assert code == EXIT_BAD_INPUT
        assert b"batch: 11 cases: 10 decided, 1 rejected, 0 internal errors" in err

    def test_a_pipe_gives_the_same_bytes_as_a_file(self, tmp_path: Path) -> None:
        """The whole corpus through a pipe equals batch on the file, byte for byte."""
        source = write(tmp_path / "in.jsonl", corpus_lines())
        text = source.read_bytes()
        run = [sys.executable, "-m", "gongshang_rules", "batch"]
        piped = subprocess.run([*run, "-"], input=text, capture_output=True, timeout=300, check=False)
        filed = subprocess.run([*run, str(source)], capture_output=True, timeout=300, check=False)
        assert piped.stdout == filed.stdout and piped.stdout.count(b"\n") == len(corpus_lines())

    def test_lines_that_arrived_together_are_grouped_and_numbered_as_from_a_file(self) -> None:
        """A pipe holding three lines, a blank one and an unterminated last line: numbered 1, 2, 4, 5 as numbered_lines does."""
        read_end, write_end = os.pipe()
        os.write(write_end, b'{"a":1}\n{"b":2}\n\n{"c":3}\n{"d":4}')
        os.close(write_end)
        with os.fdopen(read_end, "rb") as stream:
            groups = list(batch._available_lines(stream))
        flat = [item for group in groups for item in group]
        assert flat == list(_console.numbered_lines(io.BytesIO(b'{"a":1}\n{"b":2}\n\n{"c":3}\n{"d":4}')))
        assert len(groups[0]) == 3  # what had arrived at the first read, decided as one chunk

    def test_an_in_memory_stdin_streams_too(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A stdin with no file descriptor is not a regular file: it is read line by line."""
        good = [line for line in corpus_lines() if '"error"' not in line][:3]
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\n".join(good) + "\n").encode())))
        assert main(["batch", "-"]) == EXIT_OK
        assert len(capsys.readouterr().out.splitlines()) == 3

    def test_a_writer_failure_in_the_stream_is_raised(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With --jobs 2, a sink that fails stops the run with its error (main turns a broken pipe into exit 0)."""

        class Broken(io.BytesIO):
            def write(self, _data: Any) -> int:
                raise BrokenPipeError

        lines = iter([(n, line.encode()) for n, line in enumerate(corpus_lines()[:20], 1)])
        run = batch._BatchRun(batch._SafeSink(Broken(), "out"), batch._Progress(None))
        monkeypatch.setattr(batch, "numbered_lines", lambda _stream: lines)
        with pytest.raises(_console.WriteError):
            batch._run_stream(io.BytesIO(), run, 2, batch._Interrupt())


class TestBadLineSummary:
    """batch prints its summary on stderr whenever some line was bad, terminal or not."""

    def test_the_summary_names_the_count_when_stderr_is_not_a_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two bad lines among three: the summary says 2 of 3 (stderr is captured: not a terminal)."""
        good = next(line for line in corpus_lines() if '"error"' not in line)
        source = write(tmp_path / "in.jsonl", ["{", good, "[]"])
        assert main(["batch", str(source)]) == EXIT_BAD_INPUT
        assert "batch: 3 cases: 1 decided, 2 rejected, 0 internal errors" in capsys.readouterr().err

    def test_no_summary_when_every_line_was_decided(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """All good: stderr stays empty."""
        good = next(line for line in corpus_lines() if '"error"' not in line)
        assert main(["batch", str(write(tmp_path / "in.jsonl", [good]))]) == EXIT_OK
        assert capsys.readouterr().err == ""


def verify_files(tmp_path: Path) -> tuple[Path, Path]:
    """Cases (three corpus cases) and their results, one agreeing, one differing, one missing, plus one unknown."""
    chosen = [json.loads(line) for line in corpus_lines() if '"error"' not in line][:3]
    cases = write(tmp_path / "cases.jsonl", chosen)
    from gongshang_rules.oracle import cases as cases_module

    ours = [cases_module.decide_data(c)[1] for c in chosen]
    wrong = {**ours[1], "outcome": "SOMETHING_ELSE"}
    unknown = {
        **{k: v for k, v in ours[0].items() if k != "id"},
        "case": "not a case of ours",
    }  # matched by name
    theirs = write(tmp_path / "theirs.jsonl", [ours[0], wrong, unknown])
    return theirs, cases


class TestVerifyFormats:
    """verify --format text|json|junit: the same findings, for a person, a program or a CI system."""

    def test_json_is_one_report_object(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Summary counts, every case with its status and differences, the unknown results."""
        theirs, cases = verify_files(tmp_path)
        assert main(["verify", str(theirs), "--cases", str(cases), "--format", "json"]) == EXIT_DIFFERENCES
        report = json.loads(capsys.readouterr().out)
        assert {k: report["summary"][k] for k in ("cases", "agree", "differ", "missing", "unknown")} == {
            "cases": 3, "agree": 1, "differ": 1, "missing": 1, "unknown": 1,
        }  # fmt: skip
        assert [c["status"] for c in report["cases"]] == ["agree", "differ", "missing"]
        assert report["cases"][1]["differences"][0]["what"] == "outcome"
        assert report["unknown"] == ["not a case of ours"]

    def test_junit_is_xml_a_ci_system_reads(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """testsuites/testsuite with counts; a testcase per case; failures typed differ, missing and unknown."""
        theirs, cases = verify_files(tmp_path)
        (tmp_path / "theirs.jsonl").open("a", encoding="utf-8").write("{broken\n")
        assert main(["verify", str(theirs), "--cases", str(cases), "--format", "junit"]) == EXIT_BAD_INPUT
        root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
        suite = root.find("testsuite")
        assert root.tag == "testsuites" and suite is not None
        assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "3", "1")
        testcases = suite.findall("testcase")
        kinds = [f.get("type") for t in testcases for f in t.findall("failure")]
        assert kinds == ["differ", "missing", "unknown"]
        assert testcases[0].get("classname", "").startswith("verify.") and not testcases[0].findall("failure")
        assert [e.get("type") for t in testcases for e in t.findall("error")] == ["unreadable"]
        system_out = suite.find("system-out")
        assert system_out is not None and "verify: 3 cases" in (system_out.text or "")

    def test_text_is_the_default(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """DIFF, MISSING and UNKNOWN lines, then the summary."""
        theirs, cases = verify_files(tmp_path)
        assert main(["verify", str(theirs), "--cases", str(cases)]) == EXIT_DIFFERENCES
        out = capsys.readouterr().out
        assert "DIFF " in out and "MISSING " in out and "UNKNOWN " in out and "verify: 3 cases" in out

    def test_an_unknown_format_is_a_usage_error(self, tmp_path: Path) -> None:
        """--format html: refused."""
        theirs, cases = verify_files(tmp_path)
        with pytest.raises(SystemExit) as caught:
            main(["verify", str(theirs), "--cases", str(cases), "--format", "html"])
        assert caught.value.code == EXIT_BAD_INPUT


class TestVersionAndHelp:
    """--version names the calendar; each command's --help describes it and lists only its own exit codes."""

    def test_version_prints_the_version_and_the_calendar_years_with_their_notices(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """gongshang-rules --version: exit 0, the version, 2024 to 2026 each with its notice."""
        with pytest.raises(SystemExit) as caught:
            main(["--version"])
        assert caught.value.code == EXIT_OK
        out = capsys.readouterr().out
        assert out.startswith("gongshang-rules ") and out == cli.version_text() + "\n"
        for year, notice in (
            ("2024", "国办发明电〔2023〕7号"),
            ("2025", "国办发明电〔2024〕12号"),
            ("2026", "2026年"),
        ):
            assert any(line.strip().startswith(year) and notice in line for line in out.splitlines())

    @pytest.mark.parametrize(
        ("command", "own", "foreign"),
        [
            ("batch", ["0  every line was decided", "2  some line was bad input"], ["1  "]),
            ("verify", ["0  every case agrees", "1  a difference"], ["every case passed"]),
            ("conformance", ["0  every case passed", "1  a case failed"], ["every case agrees"]),
            ("decide", ["1  the result differs from the case's expected result"], ["every line"]),
            ("corpus", ["0  printed"], ["1  ", "2  "]),
            ("serve", ["0  stopped", "2  the serve extra"], ["1  "]),
            ("demo", ["0  the example"], ["1  ", "2  "]),
        ],
    )
    def test_each_command_lists_only_its_own_exit_codes(
        self, capsys: pytest.CaptureFixture[str], command: str, own: list[str], foreign: list[str]
    ) -> None:
        """COMMAND --help: a description, and an exit-code list of that command alone."""
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        codes = out[out.index("exit codes:") :]
        assert all(text in codes for text in own), codes
        assert not any(text in codes for text in foreign), codes
        assert out.count("exit codes:") == 1

    def test_the_batch_help_says_it_streams_from_a_pipe(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The description of batch is more than its one-line summary."""
        with pytest.raises(SystemExit):
            main(["batch", "--help"])
        assert "pipe" in capsys.readouterr().out


def test_the_module_runs_with_version() -> None:
    """python -m gongshang_rules --version, as a process: exit 0 (the version action is the parser's)."""
    done = subprocess.run([sys.executable, "-m", "gongshang_rules", "--version"], capture_output=True,
                          timeout=60, check=False, env={**os.environ})  # fmt: skip
    assert done.returncode == 0 and b"calendar" in done.stdout


class TestNoMessages:
    """``batch --no-messages`` (issue 13): every result as without it, but each reason without its message texts."""

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_the_results_are_those_with_messages_less_the_message_keys(
        self, tmp_path: Path, jobs: str
    ) -> None:
        source = tmp_path / "in.jsonl"
        source.write_text("\n".join(corpus_lines()[:120]) + "\n", encoding="utf-8")
        full, lean = tmp_path / "full.jsonl", tmp_path / "lean.jsonl"
        main(["batch", str(source), "-o", str(full)])
        main(["batch", str(source), "-o", str(lean), "--no-messages", "--jobs", jobs])
        with_messages = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
        without = [json.loads(line) for line in lean.read_text(encoding="utf-8").splitlines()]
        assert len(without) == len(with_messages) == 120
        for result in with_messages:
            for reason in result.get("reasons", []):
                del reason["message_zh"], reason["message_en"]
        assert without == with_messages
        assert any(r.get("reasons") for r in without) and any("error" in r for r in without)

    def test_it_is_in_the_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["batch", "--help"])
        assert "--no-messages" in capsys.readouterr().out

    def test_no_message_is_formatted(self, rendered_messages: list[str]) -> None:
        """The messages are left out unread, so none is formatted; with them, every reason's texts are.

        (A case with its own ``parameters`` may format the version note's texts once, to compare it with the reasons
        it is added to: those cases are left out here.)"""
        rendered = rendered_messages
        lines = [line.encode("utf-8") for line in corpus_lines() if '"parameters"' not in line]
        lean = [batch._decide_line(n, line, messages=False)[0] for n, line in enumerate(lines, 1)]
        assert rendered == [] and all("message_en" not in line for line in lean)
        full = [batch._decide_line(n, line)[0] for n, line in enumerate(lines, 1)]
        assert rendered and all(json.loads(line) for line in full)
