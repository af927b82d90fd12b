"""Generates the reference pages in ``docs/`` from the code itself, so they cannot drift from it.

* ``docs/interpretations.md``: every reason that rests on an interpretation, with its articles and wording;
* ``docs/reasons.md``: the catalogue of every reason code;
* ``docs/traceability.md``: every article and annex, the rules (functions) that cite it, and the tests that
  check those rules; then every paragraph (款) with its rules, reason codes, tests and corpus cases, and the
  paragraphs nothing encodes, with the reason.

``python -m gongshang_rules.oracle._docgen DOCS_DIR`` writes them; a test checks that the committed pages are current.
"""

from __future__ import annotations

import ast
import importlib
import importlib.resources
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..kernel.articles import ANNEXES, ARTICLES, AnnexRef, ArticleRef, Citation
from ..kernel.ruling import REASONS, ReasonTemplate
from .reasons import OPTIONAL_MODULES, library_modules

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
        "PARAMETERS_VERSION_USED",  # issue 10: each rule's legal date picks the version
        "PERIOD_MONTHS_COUNTED",  # periods
        "PERIOD_WORKING_DAYS_COUNTED",  # the day of the event is not counted
        "REVIEW_DEADLINE",  # the day of receipt is not counted
        "TRAVEL_INTRA_PROVINCE_REFERRAL",  # art. 17(3)'s second phrase
        "AWAY_OUTSIDE_PROVINCE_MET",  # product owner 2026-12-01: six months outside the insured province
        "AWAY_OUTSIDE_PROVINCE_LESS_THAN_SIX_MONTHS",
        "FILING_UNDER_NATIONAL_PROCEDURE",  # product owner: a cross-province filing before 2025-08-01
        "COVERAGE_BACK_FILED_AFTER_RECOGNITION",  # product owner: only what the worker paid is refunded
        "COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE",
        "COVERAGE_SERVICE_AFTER_VALIDITY",  # art. 13(2) is for an admission; each visit on its own day
        "DATE_MONTHS_CIVIL_CODE",  # periods: 民法典 201, 202
    }
)


def _modules() -> list[str]:
    return library_modules((*OPTIONAL_MODULES, "oracle._docgen"))


def imported_from(tree: ast.Module, module: str) -> dict[str, str]:
    """Name → the library module (relative to the package, ``"rules.filing"``) it is imported from in ``module``."""
    package = module.split(".")[:-1]
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package[: len(package) - (node.level - 1)]
            source = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                found[alias.asname or alias.name] = source
    return found


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
        imported = imported_from(tree, name)
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
    files = sorted(tests_dir.rglob("test_*.py")) if tests_dir.is_dir() else []
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
    ("filing.CoverageFacts", "art. 13(2)",
     "A device service is a fitting whatever the care fact says; without the care fact an episode is an inpatient "
     "stay, as every case written before the fact existed meant."),
    ("eligibility.EligibilityFacts", "arts. 4, 36",
     "For cross-province care without away_from_insured_province_since, away_since is taken as the day the worker "
     "left the insured province."),
    ("settlement.Episode", "SPEC \"Filing\"",
     "An inbound filing must carry the validity the insured province approved: the library never computes it."),
)  # fmt: skip


def interpretations_page() -> str:
    homes = template_homes()
    lines = [
        "# Interpretations",
        "",
        "<!-- generated by `make docs` (gongshang_rules.oracle._docgen); do not edit by hand -->",
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
    from ..kernel.ruling import Role
    from .reasons import decisions_giving

    homes = template_homes()
    giving = decisions_giving()
    decisive = sum(t.role is Role.DECISIVE for t in REASONS.values())
    lines = [
        "# Reason codes",
        "",
        "<!-- generated by `make docs` (gongshang_rules.oracle._docgen); do not edit by hand -->",
        "",
        "Every code a ruling can give. Codes are stable: other implementations compare them; renaming or removing",
        "one is a breaking change. Placeholders in braces are filled with the case's particulars. The same",
        "catalogue is printed by `gongshang-rules reasons` (`--json` for a list of objects).",
        "",
        f"- **role**: `DECISIVE` ({decisive} codes): a condition the outcome rests on (met or failed), or the rule that",
        "  yields the outcome or a figure; `verify` and `conformance` compare the set of decisive codes.",
        f"  `NOTE` ({len(REASONS) - decisive} codes): information that does not change the outcome; a differing note is",
        "  listed but fails only under `--strict`. Every ruling has at least one decisive reason.",
        "- **decisions**: the decisions of the case format that can give the code, traced from each decision's",
        "  function through the rules it calls (`gongshang_rules.oracle.reasons`). It is an upper bound: a path the code",
        "  allows may be one no case takes.",
        "- **when**: exactly when the code is given.",
        "",
        "| code | role | module | articles | interpretation | decisions | when | message (en) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for code in sorted(REASONS):
        t = REASONS[code]
        module = homes.get(code, ("?", "?"))[0]
        message = t.en.replace("|", "\\|")
        when = t.when.replace("|", "\\|")
        decisions = ", ".join(f"`{d}`" for d in giving[code]) or "—"
        lines.append(
            f"| `{code}` | {t.role.name} | `{module}` | {_cite(t.articles)} | {'yes' if t.interpretation else ''} "
            f"| {decisions} | {when} | {message} |"
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


#: Paragraphs (款) of computable articles that no reason cites, and why. A paragraph of an article that is not
#: computable takes the article's own reason.
UNENCODED_PARAGRAPHS: Mapping[tuple[int, int], str] = {
    (
        7,
        1,
    ): "states the principle (统一管理、分级负责) that paragraphs 2 to 4 carry out; those paragraphs, which "
    "assign each task to the provincial, city or county agency, are encoded (agencies.responsible_agency)",
}


def _paragraph_key(citation: ArticleRef) -> tuple[int, int] | None:
    """The (article, paragraph) a citation names; an item without a paragraph is in the article's list paragraph;
    a whole-article citation names a paragraph only when the article has one."""
    paragraphs = ARTICLES[citation.article].paragraphs
    if citation.paragraph is not None:
        return (citation.article, citation.paragraph)
    if citation.item is not None:
        return (citation.article, next(p.number for p in paragraphs if p.items))
    return (citation.article, 1) if len(paragraphs) == 1 else None


def citations_by_paragraph() -> dict[tuple[int, int], set[str]]:
    """(article, paragraph) → the reason codes citing it (or one of its items)."""
    cited: dict[tuple[int, int], set[str]] = defaultdict(set)
    for code, t in REASONS.items():
        for c in t.articles:
            key = _paragraph_key(c) if isinstance(c, ArticleRef) else None
            if key is not None:
                cited[key].add(code)
    return cited


def _corpus_by_paragraph(cited: Mapping[tuple[int, int], set[str]]) -> dict[tuple[int, int], Counter[str]]:
    """(article, paragraph) → corpus file → the number of its cases that exercise the paragraph: the case lists
    it among its articles, or its expected result or its snapshot (the library's answer) carries a code citing it."""
    from .cases import _CITATION_TEXT

    by_code: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for key, codes in cited.items():
        for code in codes:
            by_code[code].add(key)
    found: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    folder = importlib.resources.files(_PACKAGE).joinpath("corpus")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".jsonl"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            keys: set[tuple[int, int]] = set()
            for text in case.get("articles", []):
                match = _CITATION_TEXT.fullmatch(text)
                if match is not None and text.startswith("art. "):
                    number = int(match.group(1))
                    paragraph = int(match.group(2)[1:-1]) if match.group(2) else None
                    item = int(match.group(3).split()[-1]) if match.group(3) else None
                    named = _paragraph_key(ArticleRef(number, paragraph=paragraph, item=item))
                    if named is not None:
                        keys.add(named)
            expected, snapshot = case.get("expected", {}), case.get("snapshot", {})
            for code in [
                *expected.get("reasons", []),
                *expected.get("present", []),
                *snapshot.get("reasons", []),
            ]:
                keys |= by_code.get(code, set())
            for key in keys:
                found[key][entry.name.removesuffix(".jsonl")] += 1
    return found


def _excerpt(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _paragraph_section(tests_dir: Path, users: Mapping[str, set[str]]) -> list[str]:
    cited = citations_by_paragraph()
    corpus = _corpus_by_paragraph(cited)
    keys = [(n, p.number) for n, a in ARTICLES.items() for p in a.paragraphs]
    needles = {
        f"{n}.{p}": {f.split(".")[-1] for code in cited.get((n, p), set()) for f in users.get(code, set())}
        | cited.get((n, p), set())
        for n, p in keys
    }
    tests = _tests_mentioning(tests_dir, {k: v for k, v in needles.items() if v})
    lines = [
        "",
        "## Paragraph by paragraph",
        "",
        "Every paragraph (款) of every article, as the citations count them (items 项 belong to the paragraph before",
        "them). A citation of a whole article counts for its paragraph when the article has only one. Corpus cases",
        "are counted by file: a case counts when it lists the paragraph among its articles or its expected result",
        "carries a code citing it.",
        "",
        "| paragraph | text | rules | reason codes | tests | corpus cases |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    unencoded: list[tuple[str, str]] = []
    for n, p in keys:
        article = ARTICLES[n]
        paragraph = article.paragraphs[p - 1]
        codes = cited.get((n, p), set())
        functions = sorted({f for code in codes for f in users.get(code, set())})
        cases = corpus.get((n, p), Counter())
        label = f"art. {n}({p})"
        lines.append(
            f"| {label} | {_excerpt(paragraph.text)} | {', '.join(f'`{f}`' for f in functions)} | "
            f"{', '.join(f'`{c}`' for c in sorted(codes))} | {', '.join(sorted(tests.get(f'{n}.{p}', set())))} | "
            f"{', '.join(f'{name} ({count})' for name, count in sorted(cases.items()))} |"
        )
        if not codes:
            why = article.why_not_computable if not article.computable else UNENCODED_PARAGRAPHS.get((n, p))
            unencoded.append((label, why or "NO REASON RECORDED: add one to _docgen.UNENCODED_PARAGRAPHS"))
    lines += [
        "",
        "## Paragraphs nothing encodes",
        "",
        "| paragraph | why |",
        "| --- | --- |",
        *(f"| {label} | {why} |" for label, why in unencoded),
    ]
    return lines


def unencoded_paragraphs() -> dict[str, str]:
    """Label (``art. 7(1)``) → why, for every paragraph no reason cites."""
    cited = citations_by_paragraph()
    found = {}
    for n, article in ARTICLES.items():
        for paragraph in article.paragraphs:
            if not cited.get((n, paragraph.number)):
                why = (
                    article.why_not_computable
                    if not article.computable
                    else UNENCODED_PARAGRAPHS.get((n, paragraph.number))
                )
                found[str(paragraph.ref)] = why or ""
    return found


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
        "# Traceability: article and paragraph → rules → tests and corpus cases",
        "",
        "<!-- generated by `make docs` (gongshang_rules.oracle._docgen); do not edit by hand -->",
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
    lines += _paragraph_section(tests_dir, users)
    return "\n".join(lines) + "\n"


def facade_index() -> str:
    """The text of ``gongshang_rules/_index.py``: each public name and the module it lives in, from each facade
    module's ``__all__`` (``FACADE_MODULES``, in order); a name published by two modules is an error."""
    package = importlib.import_module(_PACKAGE)
    where: dict[str, str] = {}
    for module in package.FACADE_MODULES:
        for name in importlib.import_module(f"{_PACKAGE}.{module}").__all__:
            if name in where:
                raise ValueError(f"{name} is in the __all__ of both {where[name]} and {module}")
            where[name] = module
    lines = [
        '"""Where each public name of the facade lives: written by ``make docs`` from each facade module\'s',
        "``__all__`` (``gongshang_rules.oracle._docgen``, do not edit by hand); a test checks that it is current.",
        '"""',
        "",
        "EXPORTS: dict[str, str] = {",
        *(f'    "{name}": "{module}",' for name, module in where.items()),
        "}",
    ]
    return "\n".join(lines) + "\n"


_LAYERS = (
    ("kernel", "The kernel: what every rule stands on (it imports no rule and no part of the oracle)."),
    (
        "rules",
        "The rules: one module per concern of the procedure (they import the kernel, never the oracle).",
    ),
    ("oracle", "The oracle: the case and result format, the catalogue, the command line and the service."),
    (
        "",
        "The package root: the facade, the analyst's toolkit (optional extras) and the compatibility shims.",
    ),
)


def layout_page() -> str:
    """``docs/layout.md``: every module of the package by layer, and what its docstring says it holds."""
    package = importlib.import_module(_PACKAGE)
    root = Path(package.__file__ or "").parent
    facade = set(package.FACADE_MODULES)
    lines = [
        "# Layout: every module by layer",
        "",
        "<!-- generated by `make docs` (gongshang_rules.oracle._docgen); do not edit by hand -->",
        "",
        "What each module holds, in its own docstring's first sentence; *facade* marks the modules whose `__all__`",
        "makes the public facade (`gongshang_rules.<name>`). How the layers fit: [Architecture](architecture.md).",
    ]
    for layer, blurb in _LAYERS:
        folder = root / layer if layer else root
        lines += ["", f"## `{layer or 'gongshang_rules'}`", "", blurb, "", "| module | facade | what it is |"]
        lines.append("| --- | --- | --- |")
        for path in sorted(folder.glob("*.py")):
            if path.name == "__init__.py" and layer:
                continue
            text = path.read_text(encoding="utf-8")
            doc = (
                (ast.get_docstring(ast.parse(text)) or "")
                .split("\n\n")[0]
                .replace("\n", " ")
                .replace("|", "\\|")
            )
            name = f"{layer}.{path.stem}" if layer else path.stem
            lines.append(f"| `{name}` | {'facade' if name in facade else ''} | {doc} |")
    return "\n".join(lines) + "\n"


def pages(tests_dir: Path) -> dict[str, str]:
    """File name → generated text."""
    return {
        "interpretations.md": interpretations_page(),
        "layout.md": layout_page(),
        "reasons.md": reasons_page(),
        "traceability.md": traceability_page(tests_dir),
    }


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else Path("docs")
    tests_dir = docs.parent / "tests"
    for name, text in pages(tests_dir).items():
        (docs / name).write_text(text, encoding="utf-8")
    index = Path(importlib.import_module(_PACKAGE).__file__ or "").parent / "_index.py"
    index.write_text(facade_index(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
