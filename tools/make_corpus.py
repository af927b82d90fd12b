"""Write the conformance corpus, ``src/gongshang_rules/corpus/*.jsonl``, from its reviewed sources, ``corpus/*.json``.

The sources hold what a person derived from the procedure's text, one file per family of cases: each case with its
short stable ``id``, its sentence (``case``), its ``articles`` and an ``expected`` that says only what the text
gives: the outcome, the reason codes ``present`` (decisive ones, and a note where the text calls for it) and
``absent``, the figures worked out by hand; or, for a case that is bad input on purpose, the ``error`` paths. The
date-heavy families (working-day grids, month ends and leap days, the procedure's first and last days) are written
as compact rows, ``{"generate": KIND, ...}``, that this script expands, counting working days from the State Council
schedules in ``tests/data/cn-holidays-*.csv`` and months by 民法典 201 and 202 itself, independently of the library.
A file's ``shared`` values stand wherever a case says ``{"$use": NAME}``.

The script then decides every case with the library. A case is written, with the library's full answer as its
``snapshot`` (never as ``expected``), only when that answer meets the case's ``expected``, notes included; otherwise
it is listed as a disagreement for whoever owns the rule. A case marked ``"disputed": "why"`` is one we believe the
library decides wrongly: it is reported, never written.

    python tools/make_corpus.py           # write the corpus and the schemas, list any disagreement (exit 1 if any)
    python tools/make_corpus.py --check   # exit 1 unless the committed corpus and schemas are what this writes
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from gongshang_rules.oracle import cases, comparison, jsonio, schema

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "corpus"
CORPUS = ROOT / "src" / "gongshang_rules" / "corpus"
SCHEMAS = ROOT / "src" / "gongshang_rules" / "schemas"
HOLIDAYS = sorted((ROOT / "tests" / "data").glob("cn-holidays-*.csv"))
#: The keys of a case of the corpus (a source case may also say it is ``disputed``).
SOURCE_KEYS = {"id", "case", "decision", "today", "facts", "articles", "expected", "parameters", "calendar"}


# --- days and months, counted here and not by the library --------------------------------------------------------


def _schedule() -> tuple[set[dt.date], set[dt.date]]:
    off: set[dt.date] = set()
    makeup: set[dt.date] = set()
    for path in HOLIDAYS:
        with path.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                (off if row["kind"] == "off" else makeup).add(dt.date.fromisoformat(row["date"]))
    return off, makeup


OFF, MAKEUP = _schedule()


def working_day_after(day: str, n: int) -> str:
    """The ``n``-th working day after ``day``: Monday to Friday but the days off, and the make-up workdays."""
    d = dt.date.fromisoformat(day)
    counted = 0
    while counted < n:
        d += dt.timedelta(days=1)
        if d in MAKEUP or (d.weekday() < 5 and d not in OFF):
            counted += 1
    return d.isoformat()


def months_later(day: str, n: int) -> str:
    """The last day of a period of ``n`` months from ``day`` (民法典 201, 202: the same day number, or the month's
    last day when it has none)."""
    d = dt.date.fromisoformat(day)
    year, month0 = divmod(d.month - 1 + n, 12)
    year, month = d.year + year, month0 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last)).isoformat()


def plus(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _day(expression: str | None, last: str) -> str | None:
    """A day of a coverage row: ``last`` (the filing's last valid day), ``after`` (the day after) or ``last+N``."""
    if expression is None:
        return None
    if expression == "after":
        return plus(last, 1)
    if expression.startswith("last"):
        return plus(last, int(expression[4:] or 0))
    raise SystemExit(f"a coverage row's day is last, after or last+N, got {expression!r}")


def _agree(row: dict[str, Any], by_hand: str, counted: str) -> str:
    if by_hand != counted:
        raise SystemExit(f"{row['id']}: worked by hand {by_hand}, counted {counted}")
    return by_hand


# --- the compact rows of the date-heavy families -----------------------------------------------------------------


def _case(
    row: dict[str, Any],
    decision: str,
    today: str,
    facts: dict[str, Any],
    expected: dict[str, Any],
    *,
    case_id: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    return {"id": case_id or row["id"], "case": name or row["case"], "decision": decision, "today": today,
            "facts": facts, "articles": row["articles"], "expected": expected}  # fmt: skip


def _computed(date: str) -> dict[str, Any]:
    return {"outcome": "COMPUTED", "present": [], "figures": {"date": date}}


def _working_day_after(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One case of art. 10 or 21: the ``n``-th working day after ``from`` is ``date`` (counted here, unless the row
    supplies a ``calendar`` of its own)."""
    facts = {"date": row["from"], "n": row["n"]}
    if "calendar" in row:
        facts["calendar"] = row["calendar"]
    else:
        _agree(row, row["date"], working_day_after(row["from"], row["n"]))
    yield _case(row, "working_day_after", row["from"], facts, _computed(row["date"]))


def _add_months(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One case: ``n`` months from ``from`` end on ``date`` (民法典 201, 202, counted here)."""
    _agree(row, row["date"], months_later(row["from"], row["n"]))
    yield _case(row, "add_months", row["from"], {"date": row["from"], "n": row["n"]}, _computed(row["date"]))


def _review_deadline(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One case of art. 10: an application received on ``received_on`` is due on ``date``, 5 working days later."""
    _agree(row, row["date"], working_day_after(row["received_on"], 5))
    yield _case(row, "review_deadline", row["received_on"], {"received_on": row["received_on"]},
                _computed(row["date"]))  # fmt: skip


def _monthly_deadlines(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Art. 21: each month of ``months`` (YYYY-MM) is reconciled by the 5th working day after its last day."""
    for month in row["months"]:
        year, number = int(month[:4]), int(month[5:])
        last = plus(f"{year + number // 12}-{number % 12 + 1:02d}-01", -1)
        due = working_day_after(last, 5)
        name = f"The settlements of {month} are reconciled by {due}, the 5th working day of the next month."
        expected = {"outcome": row["outcome"], "present": row["present"], "figures": {"deadline": due}}
        yield _case(row, "monthly_reconciliation_deadline", f"{month}-01", {"year": year, "month": number},
                    expected, case_id=f"{row['id']}-{month}", name=name)  # fmt: skip


def _filing(row: dict[str, Any], treatment: str, category: str, service: str, filed: str) -> dict[str, Any]:
    return {"insured": row["insured"], "treatment": treatment, "category": category, "service": service,
            "filed_on": filed}  # fmt: skip


def _filing_validity(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Art. 13(1): a filing of each (``filed_on``, category) is valid through the end of its months (counted here)."""
    for filed, category in row["filings"]:
        through = months_later(filed, row["months"][category])
        name = f"A {category} filing of {filed} is valid through {through} (art. 13(1), 民法典 201 and 202)."
        expected = {"outcome": "COMPUTED", "present": row["present"],
                    "figures": {"valid_from": filed, "valid_through": through}}  # fmt: skip
        facts = {"filing": _filing(row, row["treatment"], category, "MEDICAL", filed)}
        case_id = f"{row['id']}-{filed}-{category}"
        yield _case(row, "filing_validity", filed, facts, expected, case_id=case_id, name=name)


def _filing_outside_procedure(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Art. 36: a filing made on a day this procedure does not govern gets no article-13 period."""
    for item in row["filings"]:
        filed, outcome = item["filed_on"], item["outcome"]
        name = f"A filing made on {filed}, {item['where']}, gets no article-13 period: {outcome} (art. 36)."
        expected = {"outcome": outcome, "present": item["present"], "absent": row["absent"],
                    "figures": {"valid_from": None, "valid_through": None}}  # fmt: skip
        facts = {"filing": _filing(row, item["treatment"], "REFERRAL", "MEDICAL", filed)}
        case_id = f"{row['id']}-{filed}-{item['where'].split('-')[0].upper()}"
        yield _case(row, "filing_validity", filed, facts, expected, case_id=case_id, name=name)


def _coverage_last_valid_day(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Art. 13(1) and (2): for each filing and place, each kind of care on its last valid day and the day after."""
    for filed, category in row["filings"]:
        last = months_later(filed, row["months"][category])
        for place in row["places"]:
            for care in row["care"]:
                filing = {**_filing(row, place["treatment"], category, care["service"], filed),
                          **care.get("filing", {})}  # fmt: skip
                admitted, settled = _day(care["admitted"], last), _day(care.get("settled"), last)
                assert admitted is not None
                facts = {"insured": row["insured"], "institution_code": place["institution_code"],
                         "institution_place": place["institution_place"], "filing": filing,
                         "service": care["service"], "admitted_on": admitted, "care": care["care"]}  # fmt: skip
                if settled is not None:
                    facts["settled_on"] = settled
                expected = {"outcome": care["outcome"], "present": care["present"],
                            **({"absent": care["absent"]} if "absent" in care else {}),
                            "figures": {"valid_from": filed, "valid_through": last}}  # fmt: skip
                name = (
                    f"A {place['label']} {category} filing of {filed} (valid through {last}): {care['what']}."
                )
                case_id = f"{row['id']}-{filed}-{category}-{place['key']}-{care['key']}"
                yield _case(
                    row, "filing_coverage", settled or admitted, facts, expected, case_id=case_id, name=name
                )


GENERATORS: dict[str, Callable[[dict[str, Any]], Iterator[dict[str, Any]]]] = {
    "working_day_after": _working_day_after,
    "add_months": _add_months,
    "review_deadline": _review_deadline,
    "monthly_reconciliation_deadlines": _monthly_deadlines,
    "filing_validity_month_ends": _filing_validity,
    "filing_outside_procedure": _filing_outside_procedure,
    "coverage_last_valid_day": _coverage_last_valid_day,
}


# --- reading the sources -----------------------------------------------------------------------------------------


def _used(value: Any, shared: dict[str, Any], where: str) -> Any:
    """``value`` with each ``{"$use": NAME}`` replaced by the file's shared value ``NAME``."""
    if isinstance(value, dict):
        if set(value) == {"$use"}:
            if value["$use"] not in shared:
                raise SystemExit(f"{where}: no shared value named {value['$use']!r}")
            return shared[value["$use"]]
        return {k: _used(v, shared, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_used(v, shared, where) for v in value]
    return value


def read_sources() -> dict[str, list[dict[str, Any]]]:
    """Every source case, expanded, by family (the name of its file), in the order of the file."""
    families: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(SOURCES.glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8"))
        if source.get("family") != path.stem:
            raise SystemExit(
                f"{path.name}: its family is {source.get('family')!r}, not its name {path.stem!r}"
            )
        shared = source.get("shared", {})
        expanded: list[dict[str, Any]] = []
        for entry in source["cases"]:
            entry = _used(entry, shared, f"{path.name}: {entry.get('id')}")
            if "generate" in entry:
                if entry["generate"] not in GENERATORS:
                    raise SystemExit(
                        f"{path.name}: no generator {entry['generate']!r}; there are {list(GENERATORS)}"
                    )
                expanded.extend(GENERATORS[entry["generate"]](entry))
            else:
                expanded.append(entry)
        families[path.stem] = expanded
    return families


def _source_problems(case: dict[str, Any]) -> list[str]:
    """What is wrong with a source case as a corpus case, before the library is asked."""
    problems = [f"unknown key {key!r}" for key in sorted(set(case) - SOURCE_KEYS - {"disputed"})]
    problems += [f"lacks {key!r}" for key in ("id", "case", "articles", "expected") if not case.get(key)]
    expected = case.get("expected") or {}
    if "error" not in expected and "present" not in expected:
        problems.append("expected lists the codes present (what the text gives), or the error paths")
    return problems


# --- checking the library against the sources, and writing -------------------------------------------------------


def check(case: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
    """The case as written into the corpus, with the library's answer as its snapshot; or how that answer falls
    short of the case's expected."""
    problems = _source_problems(case)
    if problems:
        return None, problems
    written = {k: v for k, v in case.items() if k != "disputed"}
    data = jsonio.loads(jsonio.dumps(written))
    about, result = cases.envelope(data), cases.decide_data(data)[1]
    if about.expected is None or about.name is None:
        return None, ["its case, or its expected, is not valid"]
    differences = comparison.against_expected(
        about.expected, result, name=about.name, decision=about.decision or "?", strict=True
    )
    if differences:
        return None, [f"{d.what}: {d.detail}" for d in differences]
    if "error" in result:
        written["snapshot"] = {"error": sorted(p["path"] for p in result["error"]["problems"])}
    else:
        codes = sorted({r["code"] for r in result["reasons"]})
        written["snapshot"] = {"outcome": result["outcome"], "reasons": codes, "figures": result["figures"]}
    return written, []


def build() -> tuple[dict[str, list[str]], list[str], int]:
    """The corpus files' lines by family, the report of every disagreement and dispute, and the number of source
    cases."""
    files: dict[str, list[str]] = {}
    report: list[str] = []
    ids: set[Any] = set()
    names: set[Any] = set()
    total = 0
    for family, entries in read_sources().items():
        for case in entries:
            total += 1
            for key, seen in (("id", ids), ("case", names)):
                if case.get(key) in seen:
                    raise SystemExit(f"two cases have the {key} {case.get(key)!r}")
                seen.add(case.get(key))
            written, problems = check(case)
            label = f"{case.get('id')} {case.get('case')}"
            if "disputed" in case:
                if written is not None:
                    report.append(f"NOW AGREES (no longer disputed): {label}")
                else:
                    report.append(
                        f"DISPUTED {label}\n    why: {case['disputed']}\n    " + "\n    ".join(problems)
                    )
                continue
            if written is None:
                report.append(f"DISAGREES {label}\n    " + "\n    ".join(problems))
                continue
            files.setdefault(family, []).append(jsonio.dumps(written))
    return files, report, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed corpus; write nothing"
    )
    args = parser.parse_args(argv)
    files, report, sources = build()
    for line in report:
        print(line, file=sys.stderr)
    texts = {f"{name}.jsonl": "\n".join(lines) + "\n" for name, lines in sorted(files.items())}
    total = sum(len(lines) for lines in files.values())
    schemas = schema.schema_texts()
    disagreements = [r for r in report if r.startswith("DISAGREES")]
    if args.check:
        current = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.jsonl")}
        current_schemas = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
        stale = sorted(
            (set(current) ^ set(texts))
            | {n for n in texts if current.get(n) != texts[n]}
            | {n for n in schemas if current_schemas.get(n) != schemas[n]}
        )
        if stale or disagreements:
            print(f"not what tools/make_corpus.py writes: {', '.join(stale) or 'no file'}", file=sys.stderr)
            return 1
        print(
            f"corpus current: {total} cases in {len(texts)} files, from {sources} source cases; schemas current"
        )
        return 0
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for name, text in schemas.items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    CORPUS.mkdir(parents=True, exist_ok=True)
    for old in CORPUS.glob("*.jsonl"):
        if old.name not in texts:
            old.unlink()
    for name, text in texts.items():
        (CORPUS / name).write_text(text, encoding="utf-8")
    disputed = sum(r.startswith("DISPUTED") for r in report)
    print(
        f"wrote {total} cases in {len(texts)} files; {len(disagreements)} disagreements, {disputed} disputed"
    )
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
