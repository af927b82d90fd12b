"""``gongshang-rules verify`` and ``conformance``: results compared case by case, and the reports of what differs.

* ``verify THEIRS.jsonl --cases CASES.jsonl``: another implementation's results against ours, on the outcome, the
  set of decisive reason codes and the figures (notes too with ``--strict``); the report as text
  (DIFF/NOTE/MISSING/UNKNOWN lines and a summary), one JSON object, or JUnit XML (a test case per case).
* ``conformance [DIR]``: the bundled corpus, or the ``*.jsonl`` files of DIR, against each case's expected result:
  our library's results, or with ``--results THEIRS.jsonl`` another implementation's.

A result is matched to its case by ``id`` when the result carries one, else by the case's name (``case``).

Exit codes: 0 every case agrees or passes; 1 a difference, a failed case, a case missing from theirs or a result for
an unknown case; 2 an unreadable file or line (or a case without a name, or, for conformance, an expected result).
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._console import calendar_of, err, jsonl, parsed, say
from .cli import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK, _corpus_files

if TYPE_CHECKING:
    from ..kernel.parameters import ParameterSchedule
    from .cases import Envelope
    from .comparison import Difference

__all__ = ["conformance", "verify"]


def verify(
    theirs_path: str,
    cases_path: str,
    strict: bool = False,
    fmt: str = "text",
    calendar_text: str | None = None,
) -> int:
    from . import cases, comparison

    report = _VerifyReport(fmt)
    calendar = calendar_of(calendar_text)
    bad: list[str] = []
    theirs = _Results(theirs_path, bad)
    total = agree = differ = missing = 0
    seen = _Seen()
    for number, data in jsonl(Path(cases_path), bad):
        about = cases.envelope(data)
        if about.name is None:
            bad.append(f'{cases_path}:{number}: a case needs a "case" name')
            continue
        twice = seen.second(about)
        if twice is not None:
            bad.append(f"{cases_path}:{number}: {twice}")
            continue
        total += 1
        ours = cases.decide_data(data, calendar=calendar)[1]
        candidate = theirs.take(about)
        if candidate is None:
            missing += 1
            report.missing(
                about, f"MISSING {_label(about)}: no result in {theirs_path} [{', '.join(about.articles)}]"
            )
            continue
        differences = comparison.compare(ours, candidate, articles=about.articles, strict=strict)
        failing = bool(comparison.failing(differences))
        if failing:
            differ += 1
        else:
            agree += 1
        report.compared(about, differences, failing)
    unknown = theirs.unmatched()
    for name in unknown:
        report.unknown(name, f"UNKNOWN {name}: a result for a case not in {cases_path}")
    for line in bad:
        err(line)
    summary = (
        f"verify: {total} cases: {agree} agree, {differ} differ, {missing} missing from theirs; "
        f"{len(unknown)} results for unknown cases; {len(bad)} unreadable lines"
    )
    report.finish(summary, bad)
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_DIFFERENCES if differ or missing or unknown else EXIT_OK


def _label(about: Envelope) -> str:
    """A case as reports name it: its name, then its id when it has one."""
    return f"{about.name} ({about.id})" if about.id is not None else str(about.name)


class _Seen:
    """The names and ids of the cases read so far, to refuse a second case of either."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.ids: set[str] = set()

    def second(self, about: Envelope) -> str | None:
        """Why ``about`` repeats a case already read, or ``None`` (and it is recorded)."""
        if about.name in self.names:
            return f"a second case named {about.name!r}"
        if about.id is not None and about.id in self.ids:
            return f"a second case with the id {about.id!r}"
        self.names.add(str(about.name))
        if about.id is not None:
            self.ids.add(about.id)
        return None


class _Results:
    """Another implementation's results (a JSON Lines file), each matched to its case once: by ``id`` when the
    result carries one, else by the case name."""

    def __init__(self, path: str, bad: list[str]) -> None:
        from . import jsonio
        from .cases import valid_id

        self.by_id: dict[str, Any] = {}
        self.by_name: dict[str, Any] = {}
        for number, data in jsonl(Path(path), bad):
            case_id = data.get("id") if type(data) is dict else None
            name = data.get("case") if type(data) is dict else None
            if case_id is not None:
                if not valid_id(case_id):
                    bad.append(
                        f"{path}:{number}: a result's id must be a case id, got {jsonio.dumps(case_id)}"
                    )
                elif case_id in self.by_id:
                    bad.append(f"{path}:{number}: a second result for the id {case_id!r}")
                else:
                    self.by_id[case_id] = data
            elif type(name) is not str:
                bad.append(f'{path}:{number}: a result must be a JSON object with an "id" or a "case" name')
            elif name in self.by_name:
                bad.append(f"{path}:{number}: a second result for the case {name!r}")
            else:
                self.by_name[name] = data

    def take(self, about: Envelope) -> Any | None:
        """The result for the case ``about``, or ``None``; each result is taken once."""
        if about.id is not None and about.id in self.by_id:
            return self.by_id.pop(about.id)
        return self.by_name.pop(str(about.name), None)

    def unmatched(self) -> list[str]:
        """The ids and names of the results no case took, sorted."""
        return sorted([*self.by_id, *self.by_name])


class _VerifyReport:
    """What ``verify`` found, written as text (as it goes), or at the end as one JSON object or JUnit XML."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.cases: list[dict[str, Any]] = []
        self.unknowns: list[str] = []

    def compared(self, about: Envelope, differences: Sequence[Difference], failing: bool) -> None:
        """A compared case: ``failing`` when a difference fails (a decisive one, or a note under ``--strict``)."""
        if self.fmt == "text":
            for difference in differences:
                say(f"{'DIFF' if difference.fails else 'NOTE'} {difference}")
            return
        self.cases.append(
            {
                "case": about.name,
                "id": about.id,
                "decision": about.decision,
                "articles": list(about.articles),
                "status": "differ" if failing else "agree",
                "differences": [
                    {"what": d.what, "detail": d.detail, "articles": list(d.articles), "fails": d.fails}
                    for d in differences
                ],
            }
        )

    def missing(self, about: Envelope, line: str) -> None:
        if self.fmt == "text":
            say(line)
            return
        self.cases.append(
            {
                "case": about.name,
                "id": about.id,
                "decision": about.decision,
                "articles": list(about.articles),
                "status": "missing",
                "differences": [
                    {"what": "missing", "detail": line, "articles": list(about.articles), "fails": True}
                ],
            }
        )

    def unknown(self, name: str, line: str) -> None:
        if self.fmt == "text":
            say(line)
        else:
            self.unknowns.append(name)

    def finish(self, summary: str, unreadable: Sequence[str]) -> None:
        if self.fmt == "text":
            say(summary)
        elif self.fmt == "json":
            self._json(summary, unreadable)
        else:
            self._junit(summary, unreadable)

    def _counts(self) -> dict[str, int]:
        statuses = collections.Counter(c["status"] for c in self.cases)
        return {
            "cases": len(self.cases),
            "agree": statuses["agree"],
            "differ": statuses["differ"],
            "missing": statuses["missing"],
            "unknown": len(self.unknowns),
        }

    def _json(self, summary: str, unreadable: Sequence[str]) -> None:
        import json

        report = {
            "summary": {**self._counts(), "unreadable": len(unreadable), "text": summary},
            "cases": self.cases,
            "unknown": self.unknowns,
            "unreadable": list(unreadable),
        }
        say(json.dumps(report, ensure_ascii=False, sort_keys=True))

    def _junit(self, summary: str, unreadable: Sequence[str]) -> None:
        import xml.etree.ElementTree as ET

        counts = self._counts()
        failures = counts["differ"] + counts["missing"] + counts["unknown"]
        attributes = {
            "name": "gongshang-rules verify",
            "tests": str(counts["cases"] + counts["unknown"] + (1 if unreadable else 0)),
            "failures": str(failures),
            "errors": "1" if unreadable else "0",
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", attributes)
        suite = ET.SubElement(root, "testsuite", attributes)
        for case in self.cases:
            element = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": f"verify.{case['decision'] or 'unknown'}",
                    "name": str(case["case"]),
                    "time": "0",
                },
            )
            if case["status"] != "agree":
                lines = [
                    ("" if d["fails"] else "(a note) ")
                    + f"{d['what']}: {d['detail']}"
                    + (f" [{', '.join(d['articles'])}]" if d["articles"] else "")
                    for d in sorted(case["differences"], key=lambda d: not d["fails"])
                ]
                failure = ET.SubElement(
                    element,
                    "failure",
                    {"type": case["status"], "message": lines[0] if lines else case["status"]},
                )
                failure.text = "\n".join(lines)
        for name in self.unknowns:
            element = ET.SubElement(
                suite, "testcase", {"classname": "verify.unknown", "name": name, "time": "0"}
            )
            ET.SubElement(
                element,
                "failure",
                {"type": "unknown", "message": "a result for a case not in the cases file"},
            )
        if unreadable:
            element = ET.SubElement(
                suite, "testcase", {"classname": "verify.input", "name": "unreadable lines", "time": "0"}
            )
            error = ET.SubElement(element, "error", {"type": "unreadable", "message": unreadable[0]})
            error.text = "\n".join(unreadable)
        ET.SubElement(suite, "system-out").text = summary
        ET.indent(root)
        say('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode"))


def conformance(
    directory: str | None,
    verbose: bool,
    parameters: ParameterSchedule | None = None,
    strict: bool = False,
    calendar_text: str | None = None,
    results_path: str | None = None,
) -> int:
    """Each case against its ``expected``: decided by our library, or, with ``results_path``, another
    implementation's result for it (matched by ``id``, else by name; nothing is decided here then)."""
    from . import cases, comparison

    if results_path is not None and (parameters is not None or calendar_text is not None):
        err("conformance --results judges results already written: --parameters and --calendar do not apply")
        return EXIT_BAD_INPUT
    calendar = calendar_of(calendar_text)
    bad: list[str] = []
    sources: list[tuple[str, Iterable[tuple[int, Any]]]] = []
    if directory is None:
        for name, text in _corpus_files():
            numbered = ((n, raw) for n, raw in enumerate(text.splitlines(), start=1) if raw.strip())
            sources.append((f"corpus/{name}", parsed(f"corpus/{name}", numbered, bad)))
    else:
        root = Path(directory)
        files = sorted(root.glob("*.jsonl")) if root.is_dir() else [root]
        if not root.exists() or not files:
            err(f"no case files (*.jsonl) in {directory}")
            return EXIT_BAD_INPUT
        sources = [(str(path), jsonl(path, bad)) for path in files]
    theirs = _Results(results_path, bad) if results_path is not None else None
    total = passed = failed = missing = 0
    seen = _Seen()
    for label, lines in sources:
        for number, data in lines:
            about = cases.envelope(data)
            if about.name is None or about.expected is None:
                bad.append(f'{label}:{number}: a conformance case needs a "case" name and a valid "expected"')
                continue
            twice = seen.second(about)
            if twice is not None:
                bad.append(f"{label}:{number}: {twice}")
                continue
            total += 1
            result: Any = (
                cases.decide_data(data, parameters=parameters, calendar=calendar)[1]
                if theirs is None
                else theirs.take(about)
            )
            if result is None:
                missing += 1
                say(f"MISSING {_label(about)}: no result in {results_path}")
                continue
            differences = comparison.against_expected(
                about.expected,
                result,
                name=about.name,
                decision=about.decision or "?",
                articles=about.articles,
                strict=strict,
            )
            if comparison.failing(differences):
                failed += 1
                say(f"FAIL {_label(about)}")
            else:
                passed += 1
                if verbose or differences:
                    say(f"pass {_label(about)}")
            for difference in differences:
                shown = "" if difference.fails else " (a note: listed, not failed; --strict fails it)"
                say(f"  {difference.what}: {difference.detail}{shown} [{', '.join(difference.articles)}]")
    unknown = theirs.unmatched() if theirs is not None else []
    for name in unknown:
        say(f"UNKNOWN {name}: a result for none of the cases")
    for line in bad:
        err(line)
    extra = (
        f"; {missing} missing from theirs, {len(unknown)} results for unknown cases"
        if theirs is not None
        else ""
    )
    say(f"conformance: {total} cases: {passed} pass, {failed} fail{extra}; {len(bad)} unreadable")
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_DIFFERENCES if failed or missing or unknown else EXIT_OK
