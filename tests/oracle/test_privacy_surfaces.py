"""No output surface shows a whole identity number, however it was written (issue 12, "keep it from coming back").

A valid number, in every spelling people use (whole, lower-case x, grouped by spaces, hyphens, underscores, two
spaces, U+3000, a no-break space, after a label), is typed into every string field of one corpus case per decision
and into the case's name. Every surface is searched on the number's digits whatever separates them: the result line
of ``batch``, ``decide --json``, the human explanation of ``decide`` (stdout and stderr), ``verify`` and
``conformance`` messages, ``repr()`` of the case and its facts, ``str()``, ``repr()`` and HTML of the ruling, and the
text of the exception when the case is rejected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from identity_numbers import with_check_digit
from test_robustness import CORPUS, NUMBERS, leaks, mutated, positions, spellings

from gongshang_rules.oracle import batch, cases, jsonio
from gongshang_rules.oracle.cli import main

EVERY_SPELLING = [s for n in NUMBERS for s in spellings(n)]


def one_case_per_decision() -> list[str]:
    """The first decided corpus case of each decision (an error case for a decision that has no decided one)."""
    chosen: dict[str, str] = {}
    for text in CORPUS:
        data = json.loads(text)
        if data["decision"] not in chosen or (
            "error" in chosen[data["decision"]] and "error" not in data["expected"]
        ):
            chosen[data["decision"]] = text
    return list(chosen.values())


def injected(text: str) -> list[dict[str, Any]]:
    """The case with a number in each of its string fields (the name included), spellings taken in turn."""
    case = json.loads(text)
    found = []
    spots = [p for p in positions(case) if p and p[0] != "expected"]
    for turn, path in enumerate(spots):
        value = case
        for step in path:
            value = value[step]
        if isinstance(value, str) and path[0] != "decision":
            found.append(
                mutated(json.loads(text), path, "replace", EVERY_SPELLING[turn % len(EVERY_SPELLING)])
            )
    return found


def library_surfaces(data: dict[str, Any]) -> list[str]:
    """Every text the library gives for a case: result line, reprs, str and HTML of the ruling, error text."""
    raw = json.dumps(data, ensure_ascii=False).encode()
    texts = [batch.decide_line(1, raw)[0], json.dumps(cases.decide_json(raw), ensure_ascii=False)]
    try:
        case = cases.case_from_json(jsonio.loads(raw))
        texts += [repr(case), repr(case.facts), str(case.facts)]
        ruling = cases.decide(case)
    except jsonio.CaseError as error:
        return [*texts, str(error), repr(error), error.field]
    texts += [str(ruling), repr(ruling), ruling._repr_html_(), cases.explain(case, ruling)]
    texts += [json.dumps(cases.result_of(case, ruling), ensure_ascii=False)]
    return texts


class TestEverySurface:
    """Numbers typed into every string field: no surface of the library or the command shows one whole."""

    @pytest.mark.parametrize("text", one_case_per_decision(), ids=lambda t: json.loads(t)["decision"])
    def test_library_surfaces(self, text: str) -> None:
        """The result line, decide_json, reprs of the case and its facts, the ruling's str/repr/HTML, errors."""
        for data in injected(text):
            for surface in library_surfaces(data):
                assert not leaks(surface), surface

    @pytest.mark.parametrize("spelling", EVERY_SPELLING)
    def test_command_line_surfaces(
        self, spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """decide (human and --json), batch, verify and conformance: stdout and stderr, in every spelling."""
        settlement = next(t for t in CORPUS if json.loads(t)["decision"] == "reconcile_month")
        data = json.loads(settlement)
        data["case"] = f"worker {spelling}"
        for path in positions(data):
            if path and path[-1] in ("settlement_id", "reason", "name"):
                mutated(data, path, "replace", spelling)
        case_file = tmp_path / "case.json"
        case_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        lines = tmp_path / "cases.jsonl"
        lines.write_text(
            json.dumps(data, ensure_ascii=False) + "\n" + json.dumps(data, ensure_ascii=False) + "\n"
        )
        theirs = tmp_path / "theirs.jsonl"
        theirs.write_text(json.dumps({"case": data["case"], "outcome": "X"}, ensure_ascii=False) + "\n")
        for argv in (
            ["decide", str(case_file)],
            ["decide", str(case_file), "--json"],
            ["batch", str(lines)],
            ["verify", str(theirs), "--cases", str(lines)],
            ["conformance", str(lines), "-v"],
        ):
            main(argv)
            captured = capsys.readouterr()
            assert not leaks(captured.out), (argv, captured.out)
            assert not leaks(captured.err), (argv, captured.err)

    def test_the_helper_finds_a_number_in_every_spelling(self) -> None:
        """The search itself is real: each spelling is found, a masked one is not, another number is not."""
        for spelling in EVERY_SPELLING:
            assert leaks(f"x {spelling} y"), spelling
        other = with_check_digit("44030419800101001")
        assert not leaks(f"{other} 430***********{NUMBERS[0][-4:]}")
