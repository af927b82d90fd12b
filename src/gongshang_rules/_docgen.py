"""Generates the reference pages in ``docs/`` from the code itself, so they cannot drift from it.

* ``docs/interpretations.md``: every reason that rests on an interpretation, with its articles and wording;
* ``docs/reasons.md``: the catalogue of every reason code;
* ``docs/traceability.md``: every article and annex, the rules (functions) that cite it, and the tests that
  check those rules.

``python -m gongshang_rules._docgen DOCS_DIR`` writes them; a test checks that the committed pages are current.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from .articles import ANNEXES, ARTICLES, AnnexRef, ArticleRef, Citation
from .ruling import REASONS, ReasonTemplate

_PACKAGE = "gongshang_rules"

#: Interpretations that carry out a reading SPEC.md marks **[interpretation]** (or that an issue prescribes);
#: every other flagged reason is a reading this library added, marked so on the page.
SPEC_READINGS = frozenset(
    {
        "AWAY_LESS_THAN_SIX_MONTHS",  # periods: 民法典 201, 202
        "AWAY_SIX_MONTHS_MET",
        "BASIS_FITS_SERVICE",  # the basis must fit the service
        "BASIS_MISSING_FOR_SERVICE",
        "CHANGE_LOCKED",  # periods: the 3-month lock
        "CHANGE_LOCK_OVER",
        "CHANGE_PERSONAL_INFORMATION_ANY_TIME",  # issue 3
        "COVERAGE_FILED_ON_ADMISSION_DAY",  # same day counts as before admission
        "DEVICE_REPLACED_TOO_EARLY",  # replacement before the minimum service years
        "FILING_VALIDITY_COMPUTED",  # periods
        "REVIEW_DEADLINE",  # the day of receipt is not counted
        "TRAVEL_INTRA_PROVINCE_REFERRAL",  # art. 17(3)'s second phrase
    }
)


#: Modules that need an optional extra (hypothesis, pandas, matplotlib): they hold no rules and no reasons.
_OPTIONAL = ("_hypothesis_plugin", "analysis", "plots", "strategies")


def _modules() -> list[str]:
    package = importlib.import_module(_PACKAGE)
    skipped = ("__main__", "_docgen", *_OPTIONAL)
    names = [m.name for m in pkgutil.iter_modules(package.__path__) if m.name not in skipped]
    for name in names:
        importlib.import_module(f"{_PACKAGE}.{name}")
    return sorted(names)


def _assigned_names(module: str) -> set[str]:
    """Names a module assigns at its top level (not the ones it imports)."""
    tree = ast.parse(Path(sys.modules[f"{_PACKAGE}.{module}"].__file__ or "").read_text(encoding="utf-8"))
    names: set[str] = set()
    for statement in tree.body:
        targets = (
            [statement.target] if isinstance(statement, ast.AnnAssign) else getattr(statement, "targets", [])
        )
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def template_homes() -> dict[str, tuple[str, str]]:
    """Reason code → (module, variable) where its template is defined (not where it is imported)."""
    homes: dict[str, tuple[str, str]] = {}
    for name in _modules():
        module = sys.modules[f"{_PACKAGE}.{name}"]
        assigned = _assigned_names(name)
        for var, value in vars(module).items():
            if var in assigned and isinstance(value, ReasonTemplate) and REASONS.get(value.code) is value:
                homes.setdefault(value.code, (name, var))
    return homes


def _codes_in(
    node: ast.AST, module: str, imported: Mapping[str, str], by_var: Mapping[tuple[str, str], str]
) -> set[str]:
    """The reason codes whose templates ``node`` names (directly, or imported from a sibling module)."""
    codes: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name):
            home = (module, inner.id)
            if home not in by_var and inner.id in imported:
                home = (imported[inner.id], inner.id)
            if home in by_var:
                codes.add(by_var[home])
    return codes


def rules_citing() -> dict[str, set[str]]:
    """Reason code → the functions (``module.function``) whose bodies use its template.

    A template reached through a module-level table (a dict from a status to a template, say) counts for the
    functions that use the table.
    """
    homes = template_homes()
    by_var = {(module, var): code for code, (module, var) in homes.items()}
    users: dict[str, set[str]] = defaultdict(set)
    for name in _modules():
        module = sys.modules[f"{_PACKAGE}.{name}"]
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name: (node.module or "").lstrip(".")
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        tables: dict[str, set[str]] = {}
        for statement in tree.body:
            targets = (
                [statement.target]
                if isinstance(statement, ast.AnnAssign)
                else getattr(statement, "targets", [])
            )
            value = getattr(statement, "value", None)
            codes = _codes_in(value, name, imported, by_var) if value is not None else set()
            for target in targets:
                if isinstance(target, ast.Name) and codes:
                    tables[target.id] = codes
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            found = _codes_in(function, name, imported, by_var)
            for inner in ast.walk(function):
                if isinstance(inner, ast.Name) and inner.id in tables:
                    found |= tables[inner.id]
            for code in found:
                users[code].add(f"{name}.{function.name}")
    return users


def _cite(citations: Iterable[Citation]) -> str:
    return ", ".join(str(c) for c in citations)


def _tests_mentioning(tests_dir: Path, needles: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """For each key, the test files whose text mentions any of its needles."""
    found: dict[str, set[str]] = defaultdict(set)
    files = sorted(tests_dir.glob("test_*.py")) if tests_dir.is_dir() else []
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    for key, words in needles.items():
        for file, text in texts.items():
            if any(word in text for word in words):
                found[key].add(file)
    return found


#: Readings enforced when input is built, so carried by no reason code: (where, articles, reading).
CONSTRUCTION_READINGS: tuple[tuple[str, str, str], ...] = (
    ("forms.Annex1Form / Annex2Form", "art. 9 item 3, annex note 2",
     "An agent (委托他人) is possible only when the worker applies: the text provides for the worker entrusting "
     "another person, not a relative or the employer."),
    ("forms.AgencyDecision", "annexes 1 and 2",
     "不同意 (refusal) carries a reason and no validity dates; 同意 (approval) carries both validity dates, and may "
     "carry a reason. A decision is not dated before the applicant signed."),
    ("applications.filing_from_application", "arts. 10, 13",
     "The filing date (备案之日) from which article 13 counts is the date of the agency's approval on the form."),
    ("applications.FilingApplication", "art. 9",
     "The form an application carries counts as submitted; only the other materials are listed as handed in."),
    ("filing.Filing", "arts. 2, 3",
     "No out-of-area filing exists for care within one city, for a 省本级 worker within Hunan, or between two other "
     "provinces."),
    ("periods.add_months, periods.months_reached", "民法典 arts. 201, 202",
     "A period of months from a day does not count that day and ends on the same day-of-month of the final month, "
     "or that month's last day; a duration is reached on that last day."),
    ("settlement.Episode", "SPEC \"Filing\"",
     "An inbound filing must carry the validity the insured province approved: the library never computes it."),
)  # fmt: skip


def interpretations_page() -> str:
    homes = template_homes()
    lines = [
        "# Interpretations",
        "",
        "<!-- generated by `make docs` (gongshang_rules._docgen); do not edit by hand -->",
        "",
        "Every reading the library makes where the text of 湘人社规〔2025〕24号 leaves a choice. Each is a reason whose",
        "`interpretation` flag is true: a ruling that rests on one says so, so an analyst can tell which outcomes",
        "depend on a reading and which on the letter. The conventions behind them are in `shared/SPEC.md`",
        "(marked **[interpretation]**); the ones this library added are marked *(added)* below.",
        "",
    ]
    for code in sorted(c for c, t in REASONS.items() if t.interpretation):
        template = REASONS[code]
        module, _var = homes.get(code, ("?", "?"))
        added = "" if code in SPEC_READINGS else " *(added)*"
        lines += [
            f"## `{code}`{added}",
            "",
            f"- Articles: {_cite(template.articles) or '—'}"
            + (f"; {'; '.join(template.authorities)}" if template.authorities else ""),
            f"- Module: `{_PACKAGE}.{module}`",
            f"- Reading: {template.en}",
            f"- 解读：{template.zh}",
            "",
        ]
    lines += [
        "## Readings enforced when input is built",
        "",
        "These shape what input is accepted, so no ruling carries them as a reason.",
        "",
        "| where | articles | reading |",
        "| --- | --- | --- |",
        *(f"| `{where}` | {articles} | {reading} |" for where, articles, reading in CONSTRUCTION_READINGS),
    ]
    return "\n".join(lines).rstrip() + "\n"


def reasons_page() -> str:
    homes = template_homes()
    lines = [
        "# Reason codes",
        "",
        "<!-- generated by `make docs` (gongshang_rules._docgen); do not edit by hand -->",
        "",
        "Every code a ruling can give. Codes are stable: other implementations compare them. Placeholders in",
        "braces are filled with the case's particulars.",
        "",
        "| code | module | articles | interpretation | message (en) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code in sorted(REASONS):
        t = REASONS[code]
        module = homes.get(code, ("?", "?"))[0]
        message = t.en.replace("|", "\\|")
        lines.append(
            f"| `{code}` | `{module}` | {_cite(t.articles)} | {'yes' if t.interpretation else ''} | {message} |"
        )
    return "\n".join(lines) + "\n"


def citations_by_article() -> dict[Citation, set[str]]:
    """Article or annex → the reason codes citing it (paragraph citations count for their article)."""
    cited: dict[Citation, set[str]] = defaultdict(set)
    for code, t in REASONS.items():
        for c in t.articles:
            key: Citation = ArticleRef(c.article) if isinstance(c, ArticleRef) else AnnexRef(c.annex)
            cited[key].add(code)
    return cited


def traceability_page(tests_dir: Path) -> str:
    cited = citations_by_article()
    users = rules_citing()
    rows: list[tuple[str, str, str, str, set[str]]] = []
    for number, article in ARTICLES.items():
        codes = cited.get(ArticleRef(number), set())
        status = (
            "not computable: " + (article.why_not_computable or "")
            if not article.computable
            else f"pending: {article.pending}"
            if article.pending
            else "encoded"
        )
        rows.append((f"art. {number}", article.title_en, status, "", codes))
    for number, annex in ANNEXES.items():
        codes = cited.get(AnnexRef(number), set())
        rows.append(
            (
                f"annex {number}",
                annex.title_en,
                f"pending: {annex.pending}" if annex.pending else "encoded",
                "",
                codes,
            )
        )
    needles = {
        label: {f.split(".")[-1] for code in codes for f in users.get(code, set())} | codes
        for label, _t, _s, _x, codes in rows
    }
    tests = _tests_mentioning(tests_dir, needles)
    lines = [
        "# Traceability: article → rules → tests",
        "",
        "<!-- generated by `make docs` (gongshang_rules._docgen); do not edit by hand -->",
        "",
        "For every article and annex: its status, the functions whose rulings cite it (through their reason",
        "templates), the reason codes, and the test files that exercise those functions or codes.",
        "",
        "| article | title | status | rules | reason codes | tests |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, title, status, _x, codes in rows:
        functions = sorted({f for code in codes for f in users.get(code, set())})
        lines.append(
            f"| {label} | {title} | {status} | {', '.join(f'`{f}`' for f in functions)} | "
            f"{', '.join(f'`{c}`' for c in sorted(codes))} | {', '.join(sorted(tests.get(label, set())))} |"
        )
    return "\n".join(lines) + "\n"


def pages(tests_dir: Path) -> dict[str, str]:
    """File name → generated text."""
    return {
        "interpretations.md": interpretations_page(),
        "reasons.md": reasons_page(),
        "traceability.md": traceability_page(tests_dir),
    }


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else Path("docs")
    tests_dir = docs.parent / "tests"
    for name, text in pages(tests_dir).items():
        (docs / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
