"""Generate the conformance corpus: ``src/gongshang_rules/corpus/*.jsonl``.

Each case is written here with what the ARTICLES say: its outcome, the figures that matter (dates, amounts) and the
reason codes it must carry, worked out by hand from the procedure (and, for working days, from the State Council
schedule in ``tests/data/cn-holidays-2025-2026.csv``, read here independently of the library). The script then asks
the library; where the library agrees, the case is written with the library's full result as ``expected`` (outcome,
every reason code, every figure). Where it does not, the case is NOT written: it is listed as a disagreement, to be
settled by whoever owns the rule (``DISPUTED`` holds the cases we believe the library decides wrongly).

    python tools/make_corpus.py           # write the corpus, list any disagreement (exit 1 if any)
    python tools/make_corpus.py --check   # exit 1 unless the committed corpus is what this script writes
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gongshang_rules.oracle import cases, jsonio, schema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "src" / "gongshang_rules" / "corpus"
SCHEMAS = ROOT / "src" / "gongshang_rules" / "schemas"
HOLIDAYS = ROOT / "tests" / "data" / "cn-holidays-2025-2026.csv"

# Identity numbers with valid check digits, invented for the corpus (no real person's).
ID_A = "430102199001011238"  # 长沙
ID_B = "430602198503154565"  # 岳阳
ID_C = "650102198506151232"  # 新疆 (the news case)
ID_D = "440301197807207894"  # 广东
ID_E = "43020319920229001X"  # 株洲, born on a leap day
ID_F = "11010519491231002X"  # 北京

# Places by code.
CHANGSHA, ZHUZHOU, XIANGTAN, YUEYANG, CHANGDE = "430100", "430200", "430300", "430600", "430700"
FURONG, LIUYANG, XIANGXIANG, YUEYANGLOU = "430102", "430181", "430381", "430602"
PROVINCE_LEVEL = "省本级"
GUANGDONG, BEIJING, XINJIANG = "440000", "110000", "650000"


class Spec:
    """One case as written from the articles, and what the articles say its answer is."""

    def __init__(
        self,
        file: str,
        name: str,
        decision: str,
        today: str,
        facts: dict[str, Any],
        articles: Iterable[str],
        *,
        outcome: str | None = None,
        figures: dict[str, Any] | None = None,
        codes: Iterable[str] = (),
        not_codes: Iterable[str] = (),
        error: Iterable[str] | None = None,
        disputed: str | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        self.file, self.name, self.decision, self.today = file, name, decision, today
        self.facts, self.articles = facts, list(articles)
        self.outcome, self.figures = outcome, figures or {}
        self.codes, self.not_codes = set(codes), set(not_codes)
        self.error = None if error is None else list(error)
        self.disputed = disputed
        self.parameters = parameters

    def case(self) -> dict[str, Any]:
        written = {
            "case": self.name,
            "decision": self.decision,
            "today": self.today,
            "facts": self.facts,
            "articles": self.articles,
        }
        if self.parameters is not None:
            written["parameters"] = self.parameters
        return written


SPECS: list[Spec] = []


def add(*args: Any, **kwargs: Any) -> None:
    SPECS.append(Spec(*args, **kwargs))


# --- the working-day schedule, read independently of the library ------------------------------------------------


def _schedule() -> tuple[set[dt.date], set[dt.date]]:
    off: set[dt.date] = set()
    makeup: set[dt.date] = set()
    with HOLIDAYS.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            (off if row["kind"] == "off" else makeup).add(dt.date.fromisoformat(row["date"]))
    return off, makeup


OFF, MAKEUP = _schedule()


def nth_working_day_after(day: str, n: int) -> str:
    d = dt.date.fromisoformat(day)
    counted = 0
    while counted < n:
        d += dt.timedelta(days=1)
        if d in MAKEUP or (d.weekday() < 5 and d not in OFF):
            counted += 1
    return d.isoformat()


# --- fact builders (the JSON form other implementations read) ----------------------------------------------------


def worker(insured: str, number: str = ID_A, name: str = "李四") -> dict[str, Any]:
    return {"name": name, "identity_number": number, "insured": insured}


def filing(
    insured: str, treatment: str, category: str, service: str, filed_on: str, **extra: Any
) -> dict[str, Any]:
    return {
        "insured": insured,
        "treatment": treatment,
        "category": category,
        "service": service,
        "filed_on": filed_on,
        **extra,
    }


def line(kind: str, amount: str, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "amount": amount, **extra}


BILL = [line("MEDICAL_ITEM", "1200.00"), line("DRUG", "800.50")]  # 2000.50 yuan, compliant


def episode(
    insured: str,
    filed: dict[str, Any] | None,
    code: str,
    started_on: str,
    *,
    care: str = "INPATIENT",
    service: str = "MEDICAL",
    lines: list[dict[str, Any]] | None = None,
    number: str = ID_A,
    credential: str = "SOCIAL_SECURITY_CARD",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "worker": worker(insured, number),
        "filing": filed,
        "institution_code": code,
        "care": care,
        "service": service,
        "started_on": started_on,
        "lines": lines if lines is not None else BILL,
        "credential": credential,
        **extra,
    }


def institution(
    code: str, name: str, where: str, services: list[str], *history: tuple[str, str]
) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "place": where,
        "services": services,
        "history": [{"on": on, "status": status} for on, status in history],
    }


INLINE = {
    "about": "Corpus registry: invented institutions (虚构), to exercise article 14 beyond the bundled example.",
    "institutions": [
        institution(
            "CP-YY-01", "岳阳示例医院（虚构）", YUEYANGLOU, ["MEDICAL", "REHABILITATION", "ASSISTIVE_DEVICE"],
            ("2025-08-01", "ADDED"),
        ),
        institution(
            "CP-CD-01", "常德示例康复中心（虚构）", CHANGDE, ["REHABILITATION"],
            ("2026-02-17", "ADDED"), ("2026-08-31", "SUSPENDED"), ("2026-09-30", "ADDED"),
        ),
        institution(
            "CP-BJ-01", "北京示例医院（虚构）", BEIJING, ["MEDICAL", "ASSISTIVE_DEVICE"], ("2025-04-01", "ADDED"),
        ),
        institution(
            "CP-LY-01", "浏阳示例医院（虚构）", LIUYANG, ["MEDICAL"], ("2025-08-01", "ADDED"), ("2026-02-28", "CLOSED"),
        ),
    ],
}  # fmt: skip


def settle(episode_facts: dict[str, Any], registry: Any = "example") -> dict[str, Any]:
    return {"episode": episode_facts, "registry": registry}


# --- the cases, by file -----------------------------------------------------------------------------------------


def _scope_cases() -> None:
    def sc(name: str, insured: str, treatment: str, outcome: str, code: str, articles: list[str]) -> None:
        add(
            "scope",
            name,
            "scope",
            "2025-09-01",
            {"insured": insured, "treatment": treatment},
            articles,
            outcome=outcome,
            codes=[code],
        )

    a3_1, a3_2, a2 = ["art. 3(1)"], ["art. 3(2)"], ["art. 2(1)", "art. 2(2)", "art. 2(3)"]
    sc(
        "A worker insured in 浏阳市 and treated in 芙蓉区 stays within 长沙市: local care, not out-of-area.",
        LIUYANG,
        FURONG,
        "LOCAL",
        "SCOPE_LOCAL",
        a3_1,
    )
    sc(
        "A worker insured in 长沙市 itself and treated in its county 浏阳市 is local care.",
        CHANGSHA,
        LIUYANG,
        "LOCAL",
        "SCOPE_LOCAL",
        a3_1,
    )
    sc(
        "The retired county code 430124 (宁乡县) reads as 宁乡市, so 宁乡 to 长沙市 is local care.",
        "430124",
        CHANGSHA,
        "LOCAL",
        "SCOPE_LOCAL",
        a3_1,
    )
    sc(
        "A 省本级 worker treated in 岳阳市 is provincial-level mutual recognition, not out-of-area care.",
        PROVINCE_LEVEL,
        YUEYANG,
        "PROVINCIAL_RECOGNITION",
        "SCOPE_PROVINCIAL_RECOGNITION",
        a3_2,
    )
    sc(
        "A 省本级 worker treated in 长沙市, where the provincial agency sits, is still provincial-level recognition.",
        PROVINCE_LEVEL,
        CHANGSHA,
        "PROVINCIAL_RECOGNITION",
        "SCOPE_PROVINCIAL_RECOGNITION",
        a3_2,
    )
    sc(
        "长沙市 to 岳阳市 crosses a city boundary: intra-province out-of-area care.",
        CHANGSHA,
        YUEYANG,
        "INTRA_PROVINCE",
        "SCOPE_INTRA_PROVINCE",
        a2,
    )
    sc(
        "A worker insured in 湘乡市 (a county of 湘潭市) and treated in 长沙市 is intra-province: counties compare by city.",
        XIANGXIANG,
        CHANGSHA,
        "INTRA_PROVINCE",
        "SCOPE_INTRA_PROVINCE",
        a2,
    )
    sc(
        "Places may be named in Chinese: 株洲市 to 湘潭市 is intra-province out-of-area care.",
        "株洲市",
        "湘潭市",
        "INTRA_PROVINCE",
        "SCOPE_INTRA_PROVINCE",
        a2,
    )
    sc(
        "长沙市 to 广东省 is cross-province care, outbound.",
        CHANGSHA,
        GUANGDONG,
        "CROSS_PROVINCE_OUTBOUND",
        "SCOPE_CROSS_PROVINCE_OUTBOUND",
        a2,
    )
    sc(
        "A 省本级 worker treated in 北京市 is cross-province care, outbound.",
        PROVINCE_LEVEL,
        BEIJING,
        "CROSS_PROVINCE_OUTBOUND",
        "SCOPE_CROSS_PROVINCE_OUTBOUND",
        a2,
    )
    sc(
        "新疆 to 长沙市, the places of the news case, is cross-province care with Hunan as the treatment province.",
        XINJIANG,
        CHANGSHA,
        "CROSS_PROVINCE_INBOUND",
        "SCOPE_CROSS_PROVINCE_INBOUND",
        a2,
    )
    sc(
        "广东省 to 北京市 lies wholly outside Hunan: not governed by this procedure.",
        GUANGDONG,
        BEIJING,
        "NOT_GOVERNED",
        "SCOPE_NOT_GOVERNED",
        ["art. 2(1)"],
    )
    for name, insured, treatment, path in (
        (
            "Hong Kong is outside the mainland work-injury system: the insured place is rejected.",
            "香港",
            CHANGSHA,
            "$.facts.insured",
        ),
        (
            "430000 (湖南省) is ambiguous as an insured place: rejected, name a city, a county or 省本级.",
            "430000",
            CHANGSHA,
            "$.facts.insured",
        ),
        (
            "省本级 is an insured place only: as a treatment place it is rejected.",
            CHANGSHA,
            PROVINCE_LEVEL,
            "$.facts.treatment",
        ),
        (
            "A county code outside Hunan (广州市越秀区 440104) is rejected: outside Hunan a place is a whole province.",
            CHANGSHA,
            "440104",
            "$.facts.treatment",
        ),
    ):
        add(
            "scope",
            name,
            "scope",
            "2025-09-01",
            {"insured": insured, "treatment": treatment},
            ["art. 2(3)"],
            error=[path],
        )


def _in_force_cases() -> None:
    def f(
        name: str, scope: str, today: str, outcome: str, codes: list[str], not_codes: list[str] = ()
    ) -> None:
        articles = (
            ["art. 36"]
            if scope in ("INTRA_PROVINCE", "LOCAL", "PROVINCIAL_RECOGNITION")
            else ["art. 2(1)", "art. 36"]
        )
        add(
            "in_force",
            name,
            "in_force",
            today,
            {"scope": scope},
            articles,
            outcome=outcome,
            codes=codes,
            not_codes=not_codes,
        )

    f(
        "Intra-province care on 2025-07-31, the day before the procedure took effect, is not yet governed.",
        "INTRA_PROVINCE",
        "2025-07-31",
        "NOT_YET_IN_FORCE",
        ["IN_FORCE_NOT_YET"],
    )
    f(
        "Intra-province care on 2025-08-01, the procedure's first day, is governed.",
        "INTRA_PROVINCE",
        "2025-08-01",
        "IN_FORCE",
        ["IN_FORCE_WITHIN_PERIOD"],
    )
    f(
        "Intra-province care on 2025-12-31, a year end inside the two years, is governed.",
        "INTRA_PROVINCE",
        "2025-12-31",
        "IN_FORCE",
        ["IN_FORCE_WITHIN_PERIOD"],
    )
    f(
        "Intra-province care on 2027-07-31, the last day of the two years, is governed.",
        "INTRA_PROVINCE",
        "2027-07-31",
        "IN_FORCE",
        ["IN_FORCE_WITHIN_PERIOD"],
    )
    f(
        "Intra-province care on 2027-08-01 is after the two years, a result that rests on counting the first day in.",
        "INTRA_PROVINCE",
        "2027-08-01",
        "EXPIRED",
        ["IN_FORCE_EXPIRED", "IN_FORCE_LAST_DAY_COUNTED"],
    )
    f(
        "Intra-province care on 2027-08-02 is after the two years, whichever way they are counted.",
        "INTRA_PROVINCE",
        "2027-08-02",
        "EXPIRED",
        ["IN_FORCE_EXPIRED"],
        ["IN_FORCE_LAST_DAY_COUNTED"],
    )
    f(
        "Cross-province care on 2025-04-01, the national start, is governed by the national procedure.",
        "CROSS_PROVINCE_INBOUND",
        "2025-04-01",
        "NATIONAL_PROCEDURE",
        ["IN_FORCE_NATIONAL_PROCEDURE_BEFORE"],
    )
    f(
        "Cross-province care on 2025-07-31 is still governed by the national procedure.",
        "CROSS_PROVINCE_OUTBOUND",
        "2025-07-31",
        "NATIONAL_PROCEDURE",
        ["IN_FORCE_NATIONAL_PROCEDURE_BEFORE"],
    )
    f(
        "Cross-province care on 2025-03-31, before the national start, is governed by neither.",
        "CROSS_PROVINCE_INBOUND",
        "2025-03-31",
        "NOT_YET_IN_FORCE",
        ["IN_FORCE_NOT_YET"],
    )
    f(
        "Cross-province care on 2025-08-01 is governed by this procedure from its first day.",
        "CROSS_PROVINCE_OUTBOUND",
        "2025-08-01",
        "IN_FORCE",
        ["IN_FORCE_WITHIN_PERIOD"],
    )
    f(
        "Cross-province care on 2027-08-01 is after this procedure's two years.",
        "CROSS_PROVINCE_INBOUND",
        "2027-08-01",
        "EXPIRED",
        ["IN_FORCE_EXPIRED"],
    )
    f(
        "Local care on 2025-07-31 is not yet under this procedure's article 3.",
        "LOCAL",
        "2025-07-31",
        "NOT_YET_IN_FORCE",
        ["IN_FORCE_NOT_YET"],
    )
    f(
        "Provincial-level recognition on 2026-02-28, the last day of February, is governed.",
        "PROVINCIAL_RECOGNITION",
        "2026-02-28",
        "IN_FORCE",
        ["IN_FORCE_WITHIN_PERIOD"],
    )
    f(
        "Care between two other provinces is governed on no date.",
        "NOT_GOVERNED",
        "2026-01-01",
        "NOT_GOVERNED",
        ["IN_FORCE_SCOPE_NOT_GOVERNED"],
    )
    add(
        "in_force",
        "2026-02-29 does not exist: a case decided on it is rejected.",
        "in_force",
        "2026-02-29",
        {"scope": "INTRA_PROVINCE"},
        ["art. 36"],
        error=["$.today"],
    )


def _eligibility_cases() -> None:
    def facts(
        insured: str,
        treatment: str,
        service: str,
        bases: list[str],
        category: str,
        applied_on: str,
        meets: bool = True,
        **extra: Any,
    ) -> dict[str, Any]:
        return {
            "insured": insured,
            "treatment": treatment,
            "service": service,
            "bases": bases,
            "category": category,
            "applied_on": applied_on,
            "meets_insured_place_requirements": meets,
            **extra,
        }

    def e(
        name: str,
        fx: dict[str, Any],
        outcome: str,
        codes: list[str],
        articles: list[str],
        not_codes: list[str] = (),
        figures: dict[str, Any] | None = None,
    ) -> None:
        add(
            "eligibility",
            name,
            "eligibility",
            fx.get("applied_on", "2025-09-01"),
            fx,
            articles,
            outcome=outcome,
            codes=codes,
            not_codes=not_codes,
            figures=figures,
        )

    injury = ["INJURY_RECOGNITION"]
    e(
        "The news case's worker, insured in 新疆 and working in 长沙 since 2023, may apply.",
        facts(XINJIANG, CHANGSHA, "MEDICAL", injury, "RESIDENT_WORK", "2025-08-20", away_since="2023-03-01"),
        "ELIGIBLE",
        [
            "SCOPE_CROSS_PROVINCE_INBOUND",
            "INBOUND_FILED_WITH_INSURED_PROVINCE",
            "BASIS_FITS_SERVICE",
            # Cross-province: the national rule measures the time outside the insured province (art. 36).
            "AWAY_OUTSIDE_PROVINCE_MET",
            "INSURED_PLACE_REQUIREMENTS_MET",
        ],
        ["art. 2(1)", "art. 4", "art. 4 item 1", "art. 36"],
    )
    e(
        "Living in 岳阳 since 2025-02-28, a 长沙 worker applying on 2025-08-28 has lived away six months.",
        facts(
            CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-08-28", away_since="2025-02-28"
        ),
        "ELIGIBLE",
        ["AWAY_SIX_MONTHS_MET"],
        ["art. 4 item 1"],
    )
    e(
        "Living in 岳阳 since 2025-02-28, a 长沙 worker applying on 2025-08-27 is one day short of six months.",
        facts(
            CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-08-27", away_since="2025-02-28"
        ),
        "NOT_ELIGIBLE",
        ["AWAY_LESS_THAN_SIX_MONTHS"],
        ["art. 4 item 1"],
        figures={"unmet": ["AWAY_LESS_THAN_SIX_MONTHS"]},
    )
    e(
        "Working away since 2025-08-31, six months are reached on 2026-02-28, the last day of February.",
        facts(CHANGSHA, YUEYANG, "MEDICAL", injury, "RESIDENT_WORK", "2026-02-28", away_since="2025-08-31"),
        "ELIGIBLE",
        ["AWAY_SIX_MONTHS_MET"],
        ["art. 4 item 1"],
    )
    e(
        "Working away since 2025-08-31, on 2026-02-27 six months are not yet reached.",
        facts(CHANGSHA, YUEYANG, "MEDICAL", injury, "RESIDENT_WORK", "2026-02-27", away_since="2025-08-31"),
        "NOT_ELIGIBLE",
        ["AWAY_LESS_THAN_SIX_MONTHS"],
        ["art. 4 item 1"],
    )
    e(
        "Away since the leap day 2024-02-29, a worker applying on the procedure's first day 2025-08-01 may apply.",
        facts(
            ZHUZHOU, CHANGSHA, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-08-01", away_since="2024-02-29"
        ),
        "ELIGIBLE",
        ["AWAY_SIX_MONTHS_MET"],
        ["art. 4 item 1", "art. 36"],
    )
    e(
        "A referral the insured place cannot treat, with the designated institution's opinion, may apply.",
        facts(
            YUEYANG,
            CHANGSHA,
            "MEDICAL",
            injury,
            "REFERRAL",
            "2025-09-01",
            insured_place_cannot_treat=True,
            has_referral_opinion=True,
        ),
        "ELIGIBLE",
        ["REFERRAL_NEEDED", "REFERRAL_OPINION_PRESENT", "INSURED_PLACE_REQUIREMENTS_MET"],
        ["art. 4 item 2", "art. 9(1) item 1"],
    )
    e(
        "A referral without the designated institution's opinion may not apply.",
        facts(
            YUEYANG,
            CHANGSHA,
            "MEDICAL",
            injury,
            "REFERRAL",
            "2025-09-01",
            insured_place_cannot_treat=True,
            has_referral_opinion=False,
        ),
        "NOT_ELIGIBLE",
        ["REFERRAL_OPINION_MISSING"],
        ["art. 4 item 2", "art. 9(1) item 1"],
    )
    e(
        "A referral where the insured place can treat is not a case for referral.",
        facts(
            YUEYANG,
            CHANGSHA,
            "MEDICAL",
            injury,
            "REFERRAL",
            "2025-09-01",
            insured_place_cannot_treat=False,
            has_referral_opinion=True,
        ),
        "NOT_ELIGIBLE",
        ["REFERRAL_NOT_NEEDED"],
        ["art. 4 item 2"],
    )
    e(
        "A referral failing every condition lists all four failures, not the first only.",
        facts(
            YUEYANG,
            CHANGSHA,
            "REHABILITATION",
            injury,
            "REFERRAL",
            "2025-09-01",
            meets=False,
            insured_place_cannot_treat=False,
            has_referral_opinion=False,
        ),
        "NOT_ELIGIBLE",
        [
            "BASIS_MISSING_FOR_SERVICE",
            "REFERRAL_NOT_NEEDED",
            "REFERRAL_OPINION_MISSING",
            "INSURED_PLACE_REQUIREMENTS_NOT_MET",
        ],
        ["art. 4", "art. 4 item 2"],
        figures={
            "unmet": [
                "BASIS_MISSING_FOR_SERVICE",
                "REFERRAL_NOT_NEEDED",
                "REFERRAL_OPINION_MISSING",
                "INSURED_PLACE_REQUIREMENTS_NOT_MET",
            ]
        },
    )
    e(
        "Rehabilitation on an injury recognition alone lacks the rehabilitation confirmation it needs.",
        facts(
            CHANGSHA,
            CHANGDE,
            "REHABILITATION",
            injury,
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            away_since="2024-09-01",
        ),
        "NOT_ELIGIBLE",
        ["BASIS_MISSING_FOR_SERVICE"],
        ["art. 4"],
    )
    e(
        "Rehabilitation on a rehabilitation confirmation may apply.",
        facts(
            CHANGSHA,
            CHANGDE,
            "REHABILITATION",
            ["INJURY_RECOGNITION", "REHABILITATION_CONFIRMATION"],
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            away_since="2024-09-01",
        ),
        "ELIGIBLE",
        ["BASIS_FITS_SERVICE"],
        ["art. 4"],
    )
    e(
        "An assistive device on a device confirmation may apply.",
        facts(
            CHANGSHA,
            XIANGTAN,
            "ASSISTIVE_DEVICE",
            ["DEVICE_CONFIRMATION"],
            "RESIDENT_WORK",
            "2025-09-01",
            away_since="2024-12-31",
        ),
        "ELIGIBLE",
        ["BASIS_FITS_SERVICE"],
        ["art. 4"],
    )
    e(
        "An assistive device on an injury recognition alone lacks the device confirmation.",
        facts(
            CHANGSHA,
            XIANGTAN,
            "ASSISTIVE_DEVICE",
            injury,
            "RESIDENT_WORK",
            "2025-09-01",
            away_since="2024-12-31",
        ),
        "NOT_ELIGIBLE",
        ["BASIS_MISSING_FOR_SERVICE"],
        ["art. 4"],
    )
    e(
        "Medical care after a recurrence confirmation may apply.",
        facts(
            CHANGSHA,
            YUEYANG,
            "MEDICAL",
            ["RECURRENCE_CONFIRMATION"],
            "LONG_TERM_RESIDENCE",
            "2025-10-09",
            away_since="2025-04-09",
        ),
        "ELIGIBLE",
        ["BASIS_FITS_SERVICE", "AWAY_SIX_MONTHS_MET"],
        ["art. 4", "art. 4 item 1"],
    )
    e(
        "Continued treatment of the original injury, Hunan's own basis, qualifies within the province.",
        facts(
            CHANGSHA,
            YUEYANG,
            "MEDICAL",
            ["CONTINUED_TREATMENT"],
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            away_since="2024-09-01",
        ),
        "ELIGIBLE",
        ["BASIS_FITS_SERVICE"],
        ["art. 4"],
    )
    e(
        "Continued treatment alone, across provinces, is for the national rules to decide: their list lacks it.",
        facts(
            CHANGSHA,
            GUANGDONG,
            "MEDICAL",
            ["CONTINUED_TREATMENT"],
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            away_since="2024-09-01",
        ),
        "NATIONAL_RULES_DECIDE",
        ["BASIS_NOT_IN_NATIONAL_LIST"],
        ["art. 4", "art. 36"],
    )
    e(
        "A long-term resident who does not meet the insured place's own requirements may not apply.",
        facts(
            CHANGSHA,
            YUEYANG,
            "MEDICAL",
            injury,
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            meets=False,
            away_since="2024-09-01",
        ),
        "NOT_ELIGIBLE",
        ["INSURED_PLACE_REQUIREMENTS_NOT_MET"],
        ["art. 4 item 1"],
    )
    e(
        "Care within one city needs no out-of-area filing.",
        facts(
            CHANGSHA, LIUYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-09-01", away_since="2024-09-01"
        ),
        "NO_FILING_NEEDED",
        ["SCOPE_LOCAL", "ELIGIBILITY_NOT_OUT_OF_AREA"],
        ["art. 3(1)"],
    )
    e(
        "A 省本级 worker's care in a Hunan city needs no out-of-area filing.",
        facts(
            PROVINCE_LEVEL,
            CHANGSHA,
            "MEDICAL",
            injury,
            "LONG_TERM_RESIDENCE",
            "2025-09-01",
            away_since="2024-09-01",
        ),
        "NO_FILING_NEEDED",
        ["SCOPE_PROVINCIAL_RECOGNITION"],
        ["art. 3(2)"],
    )
    e(
        "A worker insured in 广东 and treated in 北京 is not governed by this procedure.",
        facts(GUANGDONG, BEIJING, "MEDICAL", injury, "RESIDENT_WORK", "2025-09-01", away_since="2024-09-01"),
        "NOT_GOVERNED",
        ["SCOPE_NOT_GOVERNED"],
        ["art. 2(1)"],
    )
    e(
        "An intra-province application on 2025-07-31 comes before the procedure took effect.",
        facts(
            CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-07-31", away_since="2024-09-01"
        ),
        "NOT_IN_FORCE",
        ["IN_FORCE_NOT_YET"],
        ["art. 36"],
    )
    e(
        "A cross-province application on 2025-07-31 falls under the national procedure.",
        facts(
            CHANGSHA,
            GUANGDONG,
            "MEDICAL",
            injury,
            "LONG_TERM_RESIDENCE",
            "2025-07-31",
            away_since="2024-09-01",
        ),
        "NOT_GOVERNED",
        ["IN_FORCE_NATIONAL_PROCEDURE_BEFORE"],
        ["art. 2(1)", "art. 36"],
    )
    e(
        "An application on 2027-07-31, the procedure's last day, is decided under it.",
        facts(
            CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2027-07-31", away_since="2024-09-01"
        ),
        "ELIGIBLE",
        ["AWAY_SIX_MONTHS_MET"],
        ["art. 4 item 1", "art. 36"],
    )
    e(
        "An application on 2027-08-01 comes after the procedure's two years.",
        facts(
            CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2027-08-01", away_since="2024-09-01"
        ),
        "NOT_IN_FORCE",
        ["IN_FORCE_EXPIRED"],
        ["art. 36"],
    )
    for name, fx, path in (
        (
            "A referral that gives the date the worker went away is rejected: that date is for long-term categories.",
            facts(
                YUEYANG,
                CHANGSHA,
                "MEDICAL",
                injury,
                "REFERRAL",
                "2025-09-01",
                away_since="2025-01-01",
                insured_place_cannot_treat=True,
                has_referral_opinion=True,
            ),
            "$.facts.away_since",
        ),
        (
            "A long-term residence application without the date the worker went away is rejected.",
            facts(CHANGSHA, YUEYANG, "MEDICAL", injury, "LONG_TERM_RESIDENCE", "2025-09-01"),
            "$.facts.away_since",
        ),
        (
            "A basis listed twice is rejected: bases are a set.",
            facts(
                CHANGSHA,
                YUEYANG,
                "MEDICAL",
                ["INJURY_RECOGNITION", "INJURY_RECOGNITION"],
                "LONG_TERM_RESIDENCE",
                "2025-09-01",
                away_since="2024-09-01",
            ),
            "$.facts.bases",
        ),
        (
            "Going away after the application date is rejected.",
            facts(
                CHANGSHA, YUEYANG, "MEDICAL", injury, "RESIDENT_WORK", "2025-09-01", away_since="2025-09-02"
            ),
            "$.facts.away_since",
        ),
    ):
        add("eligibility", name, "eligibility", "2025-09-01", fx, ["art. 4"], error=[path])


def _filing_cases() -> None:
    def v(
        name: str,
        fx: dict[str, Any],
        outcome: str,
        start: str | None,
        through: str | None,
        codes: list[str],
        not_codes: list[str] = (),
        articles: list[str] | None = None,
    ) -> None:
        add(
            "filing",
            name,
            "filing_validity",
            fx["filed_on"],
            {"filing": fx},
            articles or ["art. 13(1)"],
            outcome=outcome,
            figures={"valid_from": start, "valid_through": through},
            codes=codes,
            not_codes=not_codes,
        )

    ref, lt, rw = "REFERRAL", "LONG_TERM_RESIDENCE", "RESIDENT_WORK"
    v(
        "A referral filed on 2025-11-30 is valid for 3 months, through 2026-02-28: February has no 30th.",
        filing(CHANGSHA, YUEYANG, ref, "MEDICAL", "2025-11-30"),
        "COMPUTED",
        "2025-11-30",
        "2026-02-28",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A long-term residence filing of 2025-08-31 is valid for 6 months, through 2026-02-28.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-08-31"),
        "COMPUTED",
        "2025-08-31",
        "2026-02-28",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A resident-work filing of 2025-09-30 is valid through 2026-03-30.",
        filing(CHANGSHA, YUEYANG, rw, "REHABILITATION", "2025-09-30"),
        "COMPUTED",
        "2025-09-30",
        "2026-03-30",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A referral filed on 2025-08-01, the procedure's first day, is valid through 2025-11-01.",
        filing(CHANGSHA, GUANGDONG, ref, "MEDICAL", "2025-08-01"),
        "COMPUTED",
        "2025-08-01",
        "2025-11-01",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A referral filed on 2025-12-31 is valid through 2026-03-31.",
        filing(ZHUZHOU, CHANGSHA, ref, "MEDICAL", "2025-12-31"),
        "COMPUTED",
        "2025-12-31",
        "2026-03-31",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A referral filed on 2026-05-31 is valid through 2026-08-31.",
        filing(ZHUZHOU, CHANGSHA, ref, "MEDICAL", "2026-05-31"),
        "COMPUTED",
        "2026-05-31",
        "2026-08-31",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A referral filed on 2026-11-30 is valid through 2027-02-28.",
        filing(ZHUZHOU, CHANGSHA, ref, "MEDICAL", "2026-11-30"),
        "COMPUTED",
        "2026-11-30",
        "2027-02-28",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A 省本级 referral to 北京 filed on 2025-08-29 is valid through 2025-11-29.",
        filing(PROVINCE_LEVEL, BEIJING, ref, "MEDICAL", "2025-08-29"),
        "COMPUTED",
        "2025-08-29",
        "2025-11-29",
        ["FILING_VALIDITY_COMPUTED"],
    )
    v(
        "A long-term filing of 2027-01-31 runs through 2027-07-31, exactly the procedure's last day.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2027-01-31"),
        "COMPUTED",
        "2027-01-31",
        "2027-07-31",
        ["FILING_VALIDITY_COMPUTED"],
        ["FILING_RUNS_PAST_PROCEDURE_END"],
        ["art. 13(1)", "art. 36"],
    )
    v(
        "A long-term filing of 2027-02-01 runs through 2027-08-01, one day past the procedure's end.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2027-02-01"),
        "COMPUTED",
        "2027-02-01",
        "2027-08-01",
        ["FILING_VALIDITY_COMPUTED", "FILING_RUNS_PAST_PROCEDURE_END"],
        articles=["art. 13(1)", "art. 36"],
    )
    v(
        "A long-term filing of 2027-02-28 runs through 2027-08-28, past the procedure's end.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2027-02-28"),
        "COMPUTED",
        "2027-02-28",
        "2027-08-28",
        ["FILING_RUNS_PAST_PROCEDURE_END"],
        articles=["art. 13(1)", "art. 36"],
    )
    v(
        "Validity dates on the approved form govern; when they match article 13 no note is given.",
        filing(
            CHANGSHA,
            YUEYANG,
            lt,
            "MEDICAL",
            "2025-09-01",
            stated_valid_from="2025-09-01",
            stated_valid_through="2026-03-01",
        ),
        "STATED_ON_FORM",
        "2025-09-01",
        "2026-03-01",
        ["FILING_VALIDITY_STATED"],
        ["FILING_VALIDITY_DIFFERS_FROM_RULE"],
    )
    v(
        "Validity dates on the approved form govern even where they differ from article 13, with a note.",
        filing(
            CHANGSHA,
            YUEYANG,
            lt,
            "MEDICAL",
            "2025-09-01",
            stated_valid_from="2025-09-01",
            stated_valid_through="2026-02-28",
        ),
        "STATED_ON_FORM",
        "2025-09-01",
        "2026-02-28",
        ["FILING_VALIDITY_STATED", "FILING_VALIDITY_DIFFERS_FROM_RULE"],
    )
    v(
        "A filing approved in 新疆 without dates: its validity is set by the insured province, not computed.",
        filing(XINJIANG, CHANGSHA, rw, "MEDICAL", "2025-08-20"),
        "SET_BY_INSURED_PROVINCE",
        None,
        None,
        ["FILING_VALIDITY_BY_INSURED_PROVINCE"],
        articles=["art. 2", "art. 13(1)"],
    )
    v(
        "The news case's filing keeps the dates 新疆 approved, never Hunan's 6 months.",
        filing(
            XINJIANG,
            CHANGSHA,
            rw,
            "MEDICAL",
            "2025-08-20",
            stated_valid_from="2025-08-20",
            stated_valid_through="2026-02-20",
        ),
        "STATED_ON_FORM",
        "2025-08-20",
        "2026-02-20",
        ["FILING_VALIDITY_APPROVED_BY_INSURED_PROVINCE"],
        ["FILING_VALIDITY_DIFFERS_FROM_RULE", "FILING_VALIDITY_STATED"],
        ["art. 2"],
    )
    add(
        "filing",
        "A form with a first valid day but no last valid day is rejected.",
        "filing_validity",
        "2025-09-01",
        {"filing": filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-09-01", stated_valid_from="2025-09-01")},
        ["art. 13(1)"],
        error=["$.facts.filing.stated_valid_through"],
    )
    add(
        "filing",
        "A filing dated 2025-02-29, a day that does not exist, is rejected.",
        "filing_validity",
        "2025-09-01",
        {"filing": filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-02-29")},
        ["art. 13(1)"],
        error=["$.facts.filing.filed_on"],
    )

    def c(
        name: str,
        fx: dict[str, Any],
        change: str,
        today: str,
        outcome: str,
        codes: list[str],
        allowed_from: str | None = "<any>",
    ) -> None:
        figures = {} if allowed_from == "<any>" else {"allowed_from": allowed_from}
        add(
            "filing",
            name,
            "change_allowed",
            today,
            {"filing": fx, "change": change},
            ["art. 11", "art. 13(1)"],
            outcome=outcome,
            codes=codes,
            figures=figures,
        )

    c(
        "A long-term filing of 2025-08-31 cannot be cancelled on 2025-11-30, the last day of its first 3 months.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-08-31"),
        "CANCEL",
        "2025-11-30",
        "LOCKED",
        ["CHANGE_LOCKED"],
        "2025-12-01",
    )
    c(
        "A long-term filing of 2025-08-31 can be cancelled from 2025-12-01.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-08-31"),
        "CANCEL",
        "2025-12-01",
        "ALLOWED",
        ["CHANGE_LOCK_OVER"],
        "2025-12-01",
    )
    c(
        "A long-term filing of 2025-11-30 keeps its treatment place through 2026-02-28.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-11-30"),
        "TREATMENT_PLACE",
        "2026-02-28",
        "LOCKED",
        ["CHANGE_LOCKED"],
        "2026-03-01",
    )
    c(
        "A long-term filing of 2025-11-30 may change its treatment place on 2026-03-01.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-11-30"),
        "TREATMENT_PLACE",
        "2026-03-01",
        "ALLOWED",
        ["CHANGE_LOCK_OVER"],
        "2026-03-01",
    )
    c(
        "A long-term filing of 2025-11-29 is also locked through 2026-02-28: both periods end on February's last day.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-11-29"),
        "CANCEL",
        "2026-02-28",
        "LOCKED",
        ["CHANGE_LOCKED"],
        "2026-03-01",
    )
    c(
        "A resident-work filing of 2026-01-31 is locked through 2026-04-30.",
        filing(CHANGSHA, YUEYANG, rw, "MEDICAL", "2026-01-31"),
        "CANCEL",
        "2026-04-30",
        "LOCKED",
        ["CHANGE_LOCKED"],
        "2026-05-01",
    )
    c(
        "A resident-work filing of 2026-01-31 may be cancelled on 2026-05-01.",
        filing(CHANGSHA, YUEYANG, rw, "MEDICAL", "2026-01-31"),
        "CANCEL",
        "2026-05-01",
        "ALLOWED",
        ["CHANGE_LOCK_OVER"],
        "2026-05-01",
    )
    c(
        "Personal information may be corrected on the filing day itself: the lock is for the filing, not the person.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-09-01"),
        "PERSONAL_INFORMATION",
        "2025-09-01",
        "ALLOWED",
        ["CHANGE_PERSONAL_INFORMATION_ANY_TIME"],
    )
    c(
        "A referral filing may change its treatment place the day after filing: the 3-month lock is for long-term filings.",
        filing(CHANGSHA, YUEYANG, ref, "MEDICAL", "2025-09-01"),
        "TREATMENT_PLACE",
        "2025-09-02",
        "ALLOWED",
        ["CHANGE_REFERRAL_NO_LOCK"],
    )
    c(
        "A long-term filing can still be cancelled on 2026-02-28, its last valid day.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-08-31"),
        "CANCEL",
        "2026-02-28",
        "ALLOWED",
        ["CHANGE_LOCK_OVER"],
    )
    c(
        "A long-term filing that expired on 2026-02-28 has nothing to cancel on 2026-03-01.",
        filing(CHANGSHA, YUEYANG, lt, "MEDICAL", "2025-08-31"),
        "CANCEL",
        "2026-03-01",
        "FILING_EXPIRED",
        ["CHANGE_FILING_EXPIRED"],
    )
    c(
        "A referral filing that expired on 2026-02-28 cannot be changed on 2026-03-01.",
        filing(CHANGSHA, YUEYANG, ref, "MEDICAL", "2025-11-30"),
        "TREATMENT_PLACE",
        "2026-03-01",
        "FILING_EXPIRED",
        ["CHANGE_FILING_EXPIRED"],
    )
    c(
        "A filing approved in 新疆 is changed with 新疆, not under this procedure.",
        filing(XINJIANG, CHANGSHA, rw, "MEDICAL", "2025-08-20"),
        "CANCEL",
        "2026-01-05",
        "NOT_GOVERNED",
        ["CHANGE_WITH_INSURED_PROVINCE"],
    )


def _coverage_cases() -> None:
    base = filing(CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-01")  # valid 2025-09-01 to 2025-12-01

    def cov(
        insured: str = CHANGSHA,
        filed: dict[str, Any] | None = base,
        admitted_on: str = "2025-09-10",
        *,
        service: str = "MEDICAL",
        code: str = "CP-YY-01",
        where: str = YUEYANGLOU,
        **extra: Any,
    ) -> dict[str, Any]:
        return {
            "insured": insured,
            "filing": filed,
            "service": service,
            "institution_code": code,
            "institution_place": where,
            "admitted_on": admitted_on,
            **extra,
        }

    def k(
        name: str,
        fx: dict[str, Any],
        outcome: str,
        codes: list[str],
        articles: list[str],
        not_codes: list[str] = (),
        figures: dict[str, Any] | None = None,
    ) -> None:
        add(
            "coverage",
            name,
            "filing_coverage",
            fx.get("settled_on", fx["admitted_on"]),
            fx,
            articles,
            outcome=outcome,
            codes=codes,
            not_codes=not_codes,
            figures=figures,
        )

    a12, a13 = ["art. 12(1)"], ["art. 13(1)", "art. 13(2)"]
    k(
        "A referral filed on 2025-09-01 covers an admission on 2025-09-10 at any institution of the filed city.",
        cov(),
        "COVERED",
        ["COVERAGE_FILED_BEFORE_ADMISSION", "COVERAGE_ANY_INSTITUTION_IN_PLACE", "COVERAGE_WITHIN_VALIDITY"],
        a12 + a13,
        figures={"valid_from": "2025-09-01", "valid_through": "2025-12-01"},
    )
    k(
        "A filing made on the admission day counts as made before admission.",
        cov(admitted_on="2025-09-01"),
        "COVERED",
        ["COVERAGE_FILED_ON_ADMISSION_DAY"],
        a12,
    )
    k(
        "An admission on 2025-12-01, the referral's last valid day, is covered.",
        cov(admitted_on="2025-12-01"),
        "COVERED",
        ["COVERAGE_WITHIN_VALIDITY"],
        a13,
    )
    k(
        "An admission on 2025-12-02, the day after the referral expired, is not covered.",
        cov(admitted_on="2025-12-02"),
        "NOT_COVERED",
        ["COVERAGE_AFTER_VALIDITY"],
        ["art. 13(1)"],
    )
    k(
        "Admitted on 2025-11-28 within validity and discharged on 2025-12-20 after it: covered to the end.",
        cov(admitted_on="2025-11-28", settled_on="2025-12-20"),
        "COVERED",
        ["COVERAGE_WITHIN_VALIDITY"],
        ["art. 13(2)"],
    )
    k(
        "A filing completed after admission, with no emergency, does not cover the stay.",
        cov(filed=filing(CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-05"), admitted_on="2025-09-03"),
        "NOT_COVERED",
        ["COVERAGE_FILED_AFTER_ADMISSION"],
        a12,
    )
    k(
        "With no filing at all the costs are not settled directly.",
        cov(filed=None),
        "NOT_COVERED",
        ["COVERAGE_NO_FILING"],
        a12,
    )
    k(
        "An emergency with no filing at all, within the province, goes back to the insured place for reimbursement.",
        cov(filed=None, admitted_on="2025-09-03", settled_on="2025-09-15", emergency_marked=True),
        "MANUAL_REIMBURSEMENT",
        ["COVERAGE_BACK_FILING_TOO_LATE"],
        ["art. 12(2)"],
    )
    emergency_filing = filing(CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-05")
    k(
        "An emergency back-filed with consent before discharge settlement is covered.",
        cov(
            filed=emergency_filing,
            admitted_on="2025-09-03",
            settled_on="2025-09-15",
            emergency_marked=True,
        ),
        "COVERED_BY_BACK_FILING",
        ["COVERAGE_BACK_FILED_EMERGENCY", "COVERAGE_BACK_FILING_APPROVED"],
        ["art. 12(2)"],
    )
    k(
        "An emergency back-filed on the discharge-settlement day itself counts as before settlement.",
        cov(
            filed=filing(CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-15"),
            admitted_on="2025-09-03",
            settled_on="2025-09-15",
            emergency_marked=True,
        ),
        "COVERED_BY_BACK_FILING",
        ["COVERAGE_BACK_FILED_EMERGENCY", "COVERAGE_BACK_FILED_SETTLEMENT_DAY"],
        ["art. 12(2)"],
    )
    k(
        "An emergency back-filed the day after discharge settlement goes back to the insured place.",
        cov(
            filed=filing(CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-16"),
            admitted_on="2025-09-03",
            settled_on="2025-09-15",
            emergency_marked=True,
        ),
        "MANUAL_REIMBURSEMENT",
        ["COVERAGE_BACK_FILING_TOO_LATE"],
        ["art. 12(2)"],
    )
    k(
        "Force majeure back-filed with consent before settlement is covered like an emergency.",
        cov(
            filed=emergency_filing,
            admitted_on="2025-09-03",
            settled_on="2025-09-15",
            force_majeure=True,
        ),
        "COVERED_BY_BACK_FILING",
        ["COVERAGE_BACK_FILED_EMERGENCY", "COVERAGE_BACK_FILING_APPROVED"],
        ["art. 12(2)"],
    )
    k(
        "An emergency not yet filed and not yet discharged may still be back-filed with the insured place's consent.",
        cov(filed=None, admitted_on="2025-09-03", emergency_marked=True),
        "BACK_FILING_POSSIBLE",
        ["COVERAGE_BACK_FILING_STILL_POSSIBLE"],
        ["art. 12(2)"],
    )
    k(
        "Injury recognised after admission, back-filed on 2025-09-05 before discharge settlement on 2025-09-20: "
        "settled directly at discharge, nothing to refund (only what the worker paid is refunded).",
        cov(
            filed=emergency_filing,
            admitted_on="2025-09-03",
            settled_on="2025-09-20",
            recognition_pending_at_admission=True,
        ),
        "COVERED_BY_BACK_FILING",
        ["COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE"],
        ["art. 12(3)"],
        not_codes=["COVERAGE_BACK_FILED_AFTER_RECOGNITION"],
    )
    k(
        "Injury recognised after discharge: the worker paid at settlement on 2025-09-04, the back-filing came on "
        "2025-09-05: the fund's share is refunded to the worker.",
        cov(
            filed=emergency_filing,
            admitted_on="2025-09-03",
            settled_on="2025-09-04",
            recognition_pending_at_admission=True,
        ),
        "COVERED_WITH_REFUND",
        ["COVERAGE_BACK_FILED_AFTER_RECOGNITION"],
        ["art. 12(3)"],
    )
    k(
        "Injury recognised and back-filed on the day of discharge settlement: with dates only, before it: no refund.",
        cov(
            filed=emergency_filing,
            admitted_on="2025-09-03",
            settled_on="2025-09-05",
            recognition_pending_at_admission=True,
        ),
        "COVERED_BY_BACK_FILING",
        ["COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE"],
        ["art. 12(3)"],
    )
    k(
        "Injury recognised after admission and discharge, not yet back-filed: a back-filing with refund is still possible.",
        cov(
            filed=None,
            admitted_on="2025-09-03",
            settled_on="2025-09-20",
            recognition_pending_at_admission=True,
        ),
        "BACK_FILING_POSSIBLE",
        ["COVERAGE_RECOGNITION_BACK_FILING_POSSIBLE"],
        ["art. 12(3)"],
    )
    k(
        "A cross-province emergency filed after admission is for the national procedure, not article 12.",
        cov(
            filed=filing(CHANGSHA, GUANGDONG, "REFERRAL", "MEDICAL", "2025-09-05"),
            admitted_on="2025-09-03",
            settled_on="2025-09-15",
            emergency_marked=True,
            code="EX-0004",
            where=GUANGDONG,
        ),
        "NATIONAL_PROCEDURE",
        ["COVERAGE_NATIONAL_PROCEDURE_FILING"],
        ["art. 12(2)", "art. 36"],
    )
    k(
        "An institution the filing does not name is not a filed institution.",
        cov(
            filed=filing(
                CHANGSHA, YUEYANG, "REFERRAL", "MEDICAL", "2025-09-01", institution_codes=["CP-YY-01"]
            ),
            code="CP-YY-02",
        ),
        "NOT_COVERED",
        ["COVERAGE_NOT_FILED_INSTITUTION"],
        a12,
    )
    k(
        "An institution in 常德 is outside a filing for 岳阳.",
        cov(code="CP-CD-01", where=CHANGDE),
        "NOT_COVERED",
        ["COVERAGE_OUTSIDE_FILED_PLACE"],
        a12,
    )
    k(
        "Rehabilitation is outside a filing for medical care.",
        cov(service="REHABILITATION"),
        "NOT_COVERED",
        ["COVERAGE_SERVICE_NOT_FILED"],
        a12,
    )
    k(
        "Entitlement lost during the stay: the filing lapses and the stay is not settled directly.",
        cov(settled_on="2025-09-25", entitlement_lost_on="2025-09-20"),
        "NOT_COVERED",
        ["COVERAGE_ENTITLEMENT_LOST"],
        ["art. 13(2)"],
    )
    k(
        "Entitlement lost on the discharge-settlement day itself: still during the stay, not covered.",
        cov(settled_on="2025-09-25", entitlement_lost_on="2025-09-25"),
        "NOT_COVERED",
        ["COVERAGE_ENTITLEMENT_LOST"],
        ["art. 13(2)"],
    )
    k(
        "Entitlement lost the day after discharge settlement does not touch the stay.",
        cov(settled_on="2025-09-25", entitlement_lost_on="2025-09-26"),
        "COVERED",
        ["COVERAGE_WITHIN_VALIDITY"],
        ["art. 13(2)"],
        ["COVERAGE_ENTITLEMENT_LOST"],
    )
    k(
        "A long-term filing of 2025-08-31 covers an admission on 2026-02-28, its last valid day.",
        cov(
            filed=filing(CHANGSHA, YUEYANG, "LONG_TERM_RESIDENCE", "MEDICAL", "2025-08-31"),
            admitted_on="2026-02-28",
        ),
        "COVERED",
        ["COVERAGE_WITHIN_VALIDITY"],
        a13,
        figures={"valid_through": "2026-02-28"},
    )
    k(
        "A long-term filing of 2025-08-31 does not cover an admission on 2026-03-01.",
        cov(
            filed=filing(CHANGSHA, YUEYANG, "LONG_TERM_RESIDENCE", "MEDICAL", "2025-08-31"),
            admitted_on="2026-03-01",
        ),
        "NOT_COVERED",
        ["COVERAGE_AFTER_VALIDITY"],
        ["art. 13(1)"],
    )
    k(
        "Wrong city, wrong service and an expired filing: every failure is listed.",
        cov(admitted_on="2025-12-05", service="REHABILITATION", code="CP-CD-01", where=CHANGDE),
        "NOT_COVERED",
        ["COVERAGE_OUTSIDE_FILED_PLACE", "COVERAGE_SERVICE_NOT_FILED", "COVERAGE_AFTER_VALIDITY"],
        a12 + a13,
    )
    k(
        "A filing from 新疆 without dates cannot be checked here: its validity is for 新疆 to confirm.",
        cov(
            insured=XINJIANG,
            filed=filing(XINJIANG, CHANGSHA, "RESIDENT_WORK", "MEDICAL", "2025-08-20"),
            admitted_on="2025-08-28",
            code="EX-0001",
            where=CHANGSHA,
        ),
        "SET_BY_INSURED_PROVINCE",
        ["COVERAGE_VALIDITY_UNKNOWN"],
        ["art. 2", "art. 13(1)"],
    )
    k(
        "An admission before the first valid day the insured province (新疆) approved is not covered.",
        cov(
            insured=XINJIANG,
            filed=filing(
                XINJIANG,
                CHANGSHA,
                "RESIDENT_WORK",
                "MEDICAL",
                "2025-08-25",
                stated_valid_from="2025-09-01",
                stated_valid_through="2026-03-01",
            ),
            admitted_on="2025-08-30",
            code="EX-0001",
            where=CHANGSHA,
        ),
        "NOT_COVERED",
        ["COVERAGE_INBOUND_BEFORE_VALIDITY"],
        ["art. 2"],
        not_codes=["COVERAGE_BEFORE_STATED_VALIDITY"],
    )
    k(
        "A 省本级 filing for 北京 covers an admission there.",
        cov(
            insured=PROVINCE_LEVEL,
            filed=filing(PROVINCE_LEVEL, BEIJING, "REFERRAL", "MEDICAL", "2025-09-01"),
            code="CP-BJ-01",
            where=BEIJING,
        ),
        "COVERED",
        ["COVERAGE_WITHIN_VALIDITY"],
        a12 + a13,
    )
    k(
        "Care within one city needs no filing: the filing rules do not apply.",
        cov(filed=None, code="CP-LY-01", where=LIUYANG),
        "NOT_OUT_OF_AREA",
        ["COVERAGE_NOT_OUT_OF_AREA"],
        ["art. 3(1)"],
    )
    k(
        "Care between two other provinces is not governed here.",
        cov(insured=GUANGDONG, filed=None, code="CP-BJ-01", where=BEIJING),
        "NOT_GOVERNED",
        ["COVERAGE_NOT_GOVERNED"],
        ["art. 2(1)"],
    )
    add(
        "coverage",
        "A discharge settled before the admission is rejected.",
        "filing_coverage",
        "2025-09-10",
        cov(settled_on="2025-09-09"),
        ["art. 12(1)"],
        error=["$.facts.settled_on"],
    )
    add(
        "coverage",
        "A filing for another insured place than the worker's is rejected.",
        "filing_coverage",
        "2025-09-10",
        cov(insured=ZHUZHOU),
        ["art. 12(1)"],
        error=["$.facts.filing.insured"],
    )


def _settlement_cases() -> None:
    from gongshang_rules.oracle.examples import first_cross_province_case

    def s(
        name: str,
        ep: dict[str, Any],
        outcome: str,
        articles: list[str],
        *,
        codes: list[str] = (),
        not_codes: list[str] = (),
        figures: dict[str, Any] | None = None,
        registry: Any = "example",
        disputed: str | None = None,
    ) -> None:
        add(
            "settlement",
            name,
            "settlement",
            ep.get("settled_on", ep["started_on"]),
            settle(ep, registry),
            articles,
            outcome=outcome,
            codes=codes,
            not_codes=not_codes,
            figures=figures,
            disputed=disputed,
        )

    news = first_cross_province_case()
    s(
        "The news case: a 新疆 worker's stay at 湖南省职业病防治院 is settled directly, the meal allowance left to 新疆.",
        jsonio.unstructure(news.episode),
        "DIRECT",
        ["art. 2(1)", "art. 5", "art. 17(2)", "art. 17(3)", "art. 18"],
        codes=[
            "SCOPE_CROSS_PROVINCE_INBOUND",
            "SETTLEMENT_DIRECT_INBOUND",
            "MEAL_CROSS_PROVINCE_INSURED_PLACE",
        ],
        figures={
            "bill": "10240.50",
            "fund_share": "10240.50",
            "worker_share": "0.00",
            "outside_direct_settlement": "300.00",
            "scope": "CROSS_PROVINCE_INBOUND",
            "meal_allowance.outcome": "REIMBURSED_BY_INSURED_PLACE",
        },
    )

    zz_referral = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-09-01")  # valid to 2025-12-01
    meal = line("MEAL_ALLOWANCE", "200.00")
    s(
        "A 长沙 referral to 株洲 is settled directly, the meal allowance with it by the treatment place.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", settled_on="2025-09-20", lines=[*BILL, meal]),
        "DIRECT",
        ["art. 5", "art. 17(1)", "art. 17(3)", "art. 18"],
        codes=["SCOPE_INTRA_PROVINCE", "SETTLEMENT_DIRECT", "SETTLEMENT_CREDENTIAL_PRESENTED"],
        figures={
            "bill": "2200.50",
            "fund_share": "2200.50",
            "worker_share": "0.00",
            "outside_direct_settlement": "0.00",
            "meal_allowance.outcome": "PAID_BY_TREATMENT_PLACE",
            "catalogs.0.outcome": "HUNAN_UNIFIED",
        },
    )
    s(
        "On 2025-10-01, the first day of its suspension, 株洲's institution cannot settle directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-10-01", settled_on="2025-10-08"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
        figures={"bill": "2000.50", "fund_share": "0.00", "worker_share": "2000.50"},
    )
    s(
        "Discharged on 2025-09-30, the day before its suspension, a stay at 株洲's institution is settled directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-20", settled_on="2025-09-30"),
        "DIRECT",
        ["art. 14(2)", "art. 18"],
        figures={"fund_share": "2000.50"},
    )
    s(
        "Admitted before the suspension but discharged during it: direct settlement is made at discharge, so not here.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-25", settled_on="2025-10-09"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)", "art. 18"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE", "SETTLEMENT_INSTITUTION_ON_SETTLEMENT_DATE"],
    )
    s(
        "On 2025-10-31, the last day of its suspension, 株洲's institution still cannot settle directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-10-31"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
    )
    s(
        "On 2025-11-01 its agreement resumed and 株洲's institution settles directly again.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-11-01"),
        "DIRECT",
        ["art. 14(2)"],
    )
    s(
        "Intra-province outpatient rehabilitation is settled directly: only cross-province excludes outpatients.",
        episode(
            CHANGSHA,
            filing(CHANGSHA, ZHUZHOU, "RESIDENT_WORK", "REHABILITATION", "2025-09-01"),
            "EX-0002",
            "2025-09-15",
            care="OUTPATIENT",
            service="REHABILITATION",
            lines=[line("REHABILITATION_ITEM", "350.00")],
        ),
        "DIRECT",
        ["art. 5", "art. 18"],
        figures={"bill": "350.00", "fund_share": "350.00"},
    )
    gd_referral = filing(CHANGSHA, GUANGDONG, "REFERRAL", "MEDICAL", "2025-09-01")
    s(
        "Cross-province outpatient care is outside direct settlement.",
        episode(CHANGSHA, gd_referral, "EX-0004", "2025-09-15", care="OUTPATIENT"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 5"],
        codes=["SETTLEMENT_CROSS_PROVINCE_OUTPATIENT"],
    )
    s(
        "A 长沙 worker's stay in 广东 is settled directly under 广东's catalogs; the meal allowance goes home.",
        episode(
            CHANGSHA,
            gd_referral,
            "EX-0004",
            "2025-09-15",
            settled_on="2025-09-25",
            lines=[*BILL, line("MEAL_ALLOWANCE", "150.00")],
        ),
        "DIRECT",
        ["art. 5", "art. 17(2)", "art. 17(3)"],
        figures={
            "bill": "2000.50",
            "outside_direct_settlement": "150.00",
            "catalogs.0.outcome": "TREATMENT_PLACE",
            "meal_allowance.outcome": "REIMBURSED_BY_INSURED_PLACE",
        },
    )
    gd_long = filing(CHANGSHA, GUANGDONG, "LONG_TERM_RESIDENCE", "MEDICAL", "2025-12-01")  # to 2026-06-01
    s(
        "广东's institution closed on 2026-01-31: an admission that day is not settled directly.",
        episode(CHANGSHA, gd_long, "EX-0004", "2026-01-31"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
    )
    s(
        "Discharged on 2026-01-30, the day before 广东's institution closed, a stay there is settled directly.",
        episode(CHANGSHA, gd_long, "EX-0004", "2026-01-20", settled_on="2026-01-30"),
        "DIRECT",
        ["art. 14(2)"],
    )
    s(
        "Costs a third party is liable for are never settled directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", third_party_liability=True),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 5"],
        codes=["SETTLEMENT_THIRD_PARTY_LIABILITY"],
    )
    s(
        "Without a social security card or another valid credential, the costs are reimbursed at the insured place.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", credential="NONE"),
        "MANUAL_REIMBURSEMENT",
        ["art. 16", "art. 22"],
        codes=["SETTLEMENT_NO_CREDENTIAL", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"],
    )
    s(
        "An electronic social security card is a valid credential.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", credential="ELECTRONIC_SOCIAL_SECURITY_CARD"),
        "DIRECT",
        ["art. 16"],
        codes=["SETTLEMENT_CREDENTIAL_PRESENTED"],
    )
    s(
        "When the settlement network fails after filing, the costs are reimbursed manually at the insured place.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", network_available=False),
        "MANUAL_REIMBURSEMENT",
        ["art. 5", "art. 22"],
        codes=["SETTLEMENT_NETWORK_UNAVAILABLE", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"],
    )
    s(
        "A worker suspended for serious violations is not settled directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", suspended_for_violation=True),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 30(1)"],
        codes=["SETTLEMENT_SUSPENDED_FOR_VIOLATION"],
    )
    s(
        "A line outside the catalogs is the worker's; the rest is the fund's.",
        episode(
            CHANGSHA,
            zz_referral,
            "EX-0002",
            "2025-09-10",
            lines=[*BILL, line("DRUG", "300.00", compliant=False)],
        ),
        "DIRECT",
        ["art. 5", "art. 17(1)"],
        codes=["SETTLEMENT_NON_COMPLIANT_LINES"],
        figures={"bill": "2300.50", "fund_share": "2000.50", "worker_share": "300.00"},
    )
    s(
        "A 长沙 worker at a 长沙 institution is local care, not out-of-area settlement.",
        episode(CHANGSHA, None, "EX-0001", "2025-09-10"),
        "LOCAL_CARE",
        ["art. 3(1)"],
        codes=["SCOPE_LOCAL", "SETTLEMENT_LOCAL_CARE"],
    )
    s(
        "A 省本级 worker at a 长沙 institution is settled under provincial-level recognition.",
        episode(PROVINCE_LEVEL, None, "EX-0001", "2025-09-10"),
        "LOCAL_CARE",
        ["art. 3(2)"],
        codes=["SCOPE_PROVINCIAL_RECOGNITION", "SETTLEMENT_LOCAL_CARE"],
        figures={"scope": "PROVINCIAL_RECOGNITION"},
    )
    s(
        "A 广东 worker at a 广东 institution is not governed by this procedure.",
        episode(GUANGDONG, None, "EX-0004", "2025-09-10", number=ID_D),
        "NOT_GOVERNED",
        ["art. 2(1)"],
        codes=["SCOPE_NOT_GOVERNED"],
    )
    s(
        "An institution missing from the registry cannot settle directly, and the scope is unknown.",
        episode(CHANGSHA, zz_referral, "EX-9999", "2025-09-10"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(1)"],
        codes=["SETTLEMENT_INSTITUTION_UNKNOWN"],
        figures={"scope": None, "worker_share": "2000.50"},
    )
    s(
        "Rehabilitation at an institution that provides medical care only is not settled directly.",
        episode(
            ZHUZHOU,
            filing(ZHUZHOU, CHANGSHA, "LONG_TERM_RESIDENCE", "REHABILITATION", "2025-09-01"),
            "EX-0001",
            "2025-09-10",
            service="REHABILITATION",
            number=ID_E,
            lines=[line("REHABILITATION_ITEM", "900.00")],
        ),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 5", "art. 14(1)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
    )
    inbound = filing(
        XINJIANG,
        CHANGSHA,
        "RESIDENT_WORK",
        "MEDICAL",
        "2025-04-01",  # the national start: a filing under the national procedure, its approved dates govern
        stated_valid_from="2025-04-01",
        stated_valid_through="2025-09-30",
    )
    s(
        "A 新疆 worker admitted in 长沙 on 2025-07-31 is under the national procedure, not this one.",
        episode(XINJIANG, inbound, "EX-0001", "2025-07-31", number=ID_C),
        "NOT_GOVERNED",
        ["art. 2(1)", "art. 36"],
        codes=["IN_FORCE_NATIONAL_PROCEDURE_BEFORE", "SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE"],
    )
    s(
        "A 新疆 worker admitted in 长沙 on 2025-04-01, the national start, is under the national procedure.",
        episode(XINJIANG, inbound, "EX-0001", "2025-04-01", number=ID_C),
        "NOT_GOVERNED",
        ["art. 2(1)", "art. 36"],
        codes=["IN_FORCE_NATIONAL_PROCEDURE_BEFORE"],
    )
    s(
        "A 新疆 worker admitted in 长沙 on 2025-03-31, before any direct settlement began, is not in force.",
        episode(XINJIANG, inbound, "EX-0001", "2025-03-31", number=ID_C),
        "NOT_IN_FORCE",
        ["art. 36"],
        codes=["IN_FORCE_NOT_YET"],
    )
    s(
        "A 新疆 worker admitted in 长沙 on 2025-08-01, this procedure's first day, is settled directly under it.",
        episode(XINJIANG, inbound, "EX-0001", "2025-08-01", number=ID_C),
        "DIRECT",
        ["art. 18", "art. 36"],
    )
    first_day = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-08-01")
    s(
        "An intra-province admission on 2025-07-31 comes before the procedure took effect.",
        episode(CHANGSHA, first_day, "EX-0002", "2025-07-31"),
        "NOT_IN_FORCE",
        ["art. 36"],
        codes=["IN_FORCE_NOT_YET"],
    )
    s(
        "Filed and admitted on 2025-08-01, the first day of the procedure and of 株洲's listing: settled directly.",
        episode(CHANGSHA, first_day, "EX-0002", "2025-08-01"),
        "DIRECT",
        ["art. 12(1)", "art. 14(2)", "art. 36"],
        codes=["COVERAGE_FILED_ON_ADMISSION_DAY"],
    )
    last_day = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2027-07-01")
    s(
        "A stay admitted on 2027-07-20 and settled on 2027-07-31, the procedure's last day, is settled directly.",
        episode(CHANGSHA, last_day, "EX-0002", "2027-07-20", settled_on="2027-07-31"),
        "DIRECT",
        ["art. 36"],
    )
    s(
        "A stay admitted on 2027-07-31 but settled on 2027-08-10 is judged on its settlement date: after the "
        "procedure's last day (article 13(2) carries a filing's validity, not the procedure's).",
        episode(CHANGSHA, last_day, "EX-0002", "2027-07-31", settled_on="2027-08-10"),
        "NOT_IN_FORCE",
        ["art. 13(2)", "art. 36"],
        codes=["SETTLEMENT_DECIDED_ON_SETTLEMENT_DATE", "IN_FORCE_EXPIRED"],
    )
    s(
        "An admission on 2027-08-01 is after the procedure's two years.",
        episode(CHANGSHA, last_day, "EX-0002", "2027-08-01"),
        "NOT_IN_FORCE",
        ["art. 36"],
        codes=["IN_FORCE_EXPIRED", "IN_FORCE_LAST_DAY_COUNTED"],
    )
    late = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-09-05")
    s(
        "Injury recognised after admission and back-filed on 2025-09-05, before discharge settlement on 2025-09-20: "
        "the fund's share is settled directly at discharge and nothing is refunded.",
        episode(
            CHANGSHA,
            late,
            "EX-0002",
            "2025-09-03",
            settled_on="2025-09-20",
            recognition_pending_at_admission=True,
        ),
        "DIRECT",
        ["art. 12(3)"],
        codes=["COVERAGE_RECOGNITION_SETTLED_AT_DISCHARGE"],
        not_codes=["SETTLEMENT_REFUND_TO_WORKER"],
        figures={"fund_share": "2000.50", "refund_to_worker": "0.00"},
    )
    s(
        "The worker paid at discharge settlement on 2025-09-04; recognised and back-filed on 2025-09-05: settled "
        "directly afterwards, and the fund's share goes back to the worker.",
        episode(
            CHANGSHA,
            late,
            "EX-0002",
            "2025-09-03",
            settled_on="2025-09-04",
            recognition_pending_at_admission=True,
        ),
        "DIRECT",
        ["art. 12(3)"],
        codes=["SETTLEMENT_REFUND_TO_WORKER"],
        figures={"fund_share": "2000.50", "refund_to_worker": "2000.50"},
    )
    s(
        "An emergency back-filed with consent before discharge is settled directly.",
        episode(
            CHANGSHA,
            late,
            "EX-0002",
            "2025-09-03",
            settled_on="2025-09-20",
            emergency_marked=True,
        ),
        "DIRECT",
        ["art. 12(2)"],
        codes=["COVERAGE_BACK_FILED_EMERGENCY"],
        figures={"refund_to_worker": "0.00"},
    )
    s(
        "An emergency back-filed after discharge settlement is reimbursed at the insured place.",
        episode(
            CHANGSHA,
            filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-09-21"),
            "EX-0002",
            "2025-09-03",
            settled_on="2025-09-20",
            emergency_marked=True,
        ),
        "MANUAL_REIMBURSEMENT",
        ["art. 12(2)", "art. 22"],
        codes=["COVERAGE_BACK_FILING_TOO_LATE", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"],
    )
    s(
        "A cross-province emergency filed after admission is left to the national procedure.",
        episode(
            CHANGSHA,
            filing(CHANGSHA, GUANGDONG, "REFERRAL", "MEDICAL", "2025-09-05"),
            "EX-0004",
            "2025-09-03",
            settled_on="2025-09-20",
            emergency_marked=True,
        ),
        "NOT_GOVERNED",
        ["art. 12(2)", "art. 36"],
        codes=["COVERAGE_NATIONAL_PROCEDURE_FILING"],
    )
    s(
        "A filing made after admission without emergency is not settled directly.",
        episode(CHANGSHA, late, "EX-0002", "2025-09-03"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 12(1)"],
        codes=["COVERAGE_FILED_AFTER_ADMISSION"],
    )
    s(
        "With no filing the stay is not settled directly.",
        episode(CHANGSHA, None, "EX-0002", "2025-09-10"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 12(1)"],
        codes=["COVERAGE_NO_FILING"],
    )
    s(
        "Admitted on 2025-12-01, the referral's last valid day, and discharged on 2025-12-20: settled directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-12-01", settled_on="2025-12-20"),
        "DIRECT",
        ["art. 13(2)"],
    )
    s(
        "Admitted on 2025-12-02, the day after the referral expired: not settled directly.",
        episode(CHANGSHA, zz_referral, "EX-0002", "2025-12-02"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 13(1)"],
        codes=["COVERAGE_AFTER_VALIDITY"],
    )
    s(
        "Entitlement lost during the stay: not settled directly.",
        episode(
            CHANGSHA,
            zz_referral,
            "EX-0002",
            "2025-09-10",
            settled_on="2025-09-30",
            entitlement_lost_on="2025-09-20",
        ),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 13(2)"],
        codes=["COVERAGE_ENTITLEMENT_LOST"],
    )
    s(
        "A third party, no filing and a suspension: every reason is given, not the first only.",
        episode(
            CHANGSHA, None, "EX-0002", "2025-09-10", third_party_liability=True, suspended_for_violation=True
        ),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 5", "art. 12(1)", "art. 30(1)"],
        codes=[
            "SETTLEMENT_THIRD_PARTY_LIABILITY",
            "COVERAGE_NO_FILING",
            "SETTLEMENT_SUSPENDED_FOR_VIOLATION",
        ],
    )

    # Assistive devices (article 19) at 湘乡's fitting centre (湘潭), terminated on 2025-12-31.
    limb = [{"name": "小腿假肢", "minimum_service_years": 3, "maximum_payment": "12000.00"}]
    xt_device = filing(
        CHANGSHA, XIANGTAN, "LONG_TERM_RESIDENCE", "ASSISTIVE_DEVICE", "2025-09-01", devices=limb
    )

    def fitting(day: str, amount: str, name: str = "小腿假肢", **extra: Any) -> dict[str, Any]:
        return episode(
            CHANGSHA,
            xt_device,
            "EX-0003",
            day,
            care="DEVICE_FITTING",
            service="ASSISTIVE_DEVICE",
            lines=[line("ASSISTIVE_DEVICE", amount, device_name=name, **extra)],
        )

    s(
        "A filed device within its maximum payment is paid by the fund in full.",
        fitting("2025-12-30", "8000.00"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_WITHIN_LIMIT"],
        figures={"fund_share": "8000.00", "worker_share": "0.00", "catalogs.0.outcome": "HUNAN_UNIFIED"},
    )
    s(
        "A filed device over its maximum payment: the fund pays the limit, the worker the excess.",
        fitting("2025-12-30", "13000.00"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_OVER_LIMIT"],
        figures={"fund_share": "12000.00", "worker_share": "1000.00"},
    )
    s(
        "A device not on the filed list is outside the filing: the fund pays nothing for it.",
        fitting("2025-12-30", "2500.00", name="轮椅"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_NOT_FILED"],
        figures={"fund_share": "0.00", "worker_share": "2500.00"},
    )
    s(
        "The fitting centre's agreement ended on 2025-12-31: a fitting that day is not settled directly.",
        fitting("2025-12-31", "8000.00"),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
    )
    s(
        "A replacement exactly 3 years after the last fitting (2022-12-30 to 2025-12-30) is within the standard.",
        fitting("2025-12-30", "8000.00", previous_fitting_on="2022-12-30"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_WITHIN_LIMIT"],
        not_codes=["DEVICE_REPLACED_TOO_EARLY"],
        figures={"fund_share": "8000.00"},
    )
    s(
        "A replacement one day short of 3 years is outside the standard: the fund pays nothing.",
        fitting("2025-12-30", "8000.00", previous_fitting_on="2022-12-31"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_REPLACED_TOO_EARLY"],
        figures={"fund_share": "0.00", "worker_share": "8000.00"},
    )
    chair = [{"name": "电动轮椅", "minimum_service_years": 2, "maximum_payment": "6000"}]
    yy_device = filing(
        CHANGSHA, YUEYANG, "LONG_TERM_RESIDENCE", "ASSISTIVE_DEVICE", "2026-01-05", devices=chair
    )

    def chair_fitting(day: str) -> dict[str, Any]:
        return episode(
            CHANGSHA,
            yy_device,
            "CP-YY-01",
            day,
            care="DEVICE_FITTING",
            service="ASSISTIVE_DEVICE",
            lines=[
                line("ASSISTIVE_DEVICE", "5800.00", device_name="电动轮椅", previous_fitting_on="2024-02-29")
            ],
        )

    s(
        "A wheelchair last fitted on the leap day 2024-02-29 may be replaced after 2 years, on 2026-02-28.",
        chair_fitting("2026-02-28"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_WITHIN_LIMIT"],
        figures={"fund_share": "5800.00"},
        registry=INLINE,
    )
    s(
        "A wheelchair last fitted on 2024-02-29 replaced on 2026-02-27 is one day early.",
        chair_fitting("2026-02-27"),
        "DIRECT",
        ["art. 19"],
        codes=["DEVICE_REPLACED_TOO_EARLY"],
        figures={"fund_share": "0.00", "worker_share": "5800.00"},
        registry=INLINE,
    )
    s(
        "A 长沙 worker's device fitted in 北京 follows Hunan's device catalog and limits, the insured place's.",
        episode(
            CHANGSHA,
            filing(
                CHANGSHA,
                BEIJING,
                "RESIDENT_WORK",
                "ASSISTIVE_DEVICE",
                "2025-09-01",
                devices=[{"name": "助听器", "minimum_service_years": 5, "maximum_payment": "3500.00"}],
            ),
            "CP-BJ-01",
            "2025-10-20",
            care="DEVICE_FITTING",
            service="ASSISTIVE_DEVICE",
            lines=[line("ASSISTIVE_DEVICE", "4000.00", device_name="助听器")],
        ),
        "DIRECT",
        ["art. 17(2)", "art. 19"],
        codes=["DEVICE_OVER_LIMIT"],
        figures={"catalogs.0.outcome": "INSURED_PLACE", "fund_share": "3500.00", "worker_share": "500.00"},
        registry=INLINE,
    )
    s(
        "An intra-province referral's travel and lodging are reimbursed at the insured place, outside direct settlement.",
        episode(
            CHANGSHA,
            zz_referral,
            "EX-0002",
            "2025-09-10",
            lines=[*BILL, line("TRAVEL_AND_LODGING", "460.00")],
        ),
        "DIRECT",
        ["art. 17(3)"],
        codes=["TRAVEL_INTRA_PROVINCE_REFERRAL"],
        figures={"bill": "2000.50", "outside_direct_settlement": "460.00"},
    )
    cd_rehab = filing(CHANGSHA, CHANGDE, "LONG_TERM_RESIDENCE", "REHABILITATION", "2026-02-10")
    rehab = [line("REHABILITATION_ITEM", "1800.00")]
    s(
        "常德's centre was added on 2026-02-17, in the Spring Festival holiday: it settles directly that day.",
        episode(CHANGSHA, cd_rehab, "CP-CD-01", "2026-02-17", service="REHABILITATION", lines=rehab),
        "DIRECT",
        ["art. 14(2)"],
        registry=INLINE,
    )
    s(
        "On 2026-02-16, the day before 常德's centre was added, it cannot settle directly.",
        episode(CHANGSHA, cd_rehab, "CP-CD-01", "2026-02-16", service="REHABILITATION", lines=rehab),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(1)"],
        codes=["SETTLEMENT_INSTITUTION_NOT_AVAILABLE"],
        registry=INLINE,
    )
    cd_rehab2 = filing(CHANGSHA, CHANGDE, "LONG_TERM_RESIDENCE", "REHABILITATION", "2026-04-01")
    s(
        "常德's centre suspended on 2026-08-31, a 31st: no direct settlement that day.",
        episode(CHANGSHA, cd_rehab2, "CP-CD-01", "2026-08-31", service="REHABILITATION", lines=rehab),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 14(2)"],
        registry=INLINE,
    )
    s(
        "常德's centre on 2026-08-30, the day before its suspension, settles directly.",
        episode(CHANGSHA, cd_rehab2, "CP-CD-01", "2026-08-30", service="REHABILITATION", lines=rehab),
        "DIRECT",
        ["art. 14(2)"],
        registry=INLINE,
    )
    s(
        "常德's centre resumed on 2026-09-30 and settles directly that day.",
        episode(CHANGSHA, cd_rehab2, "CP-CD-01", "2026-09-30", service="REHABILITATION", lines=rehab),
        "DIRECT",
        ["art. 14(2)"],
        registry=INLINE,
    )
    add(
        "settlement",
        "An inbound stay whose filing lacks the validity 新疆 approved is rejected: give the platform's dates.",
        "settlement",
        "2025-08-28",
        settle(
            episode(
                XINJIANG,
                filing(XINJIANG, CHANGSHA, "RESIDENT_WORK", "MEDICAL", "2025-08-20"),
                "EX-0001",
                "2025-08-28",
                number=ID_C,
            )
        ),
        ["art. 2", "art. 13(1)", "art. 18"],
        error=["$.facts.episode.filing.stated_valid_through"],
    )
    s(
        "A 长沙 worker in 北京 on an expired referral: every failing condition of coverage is listed with the rest.",
        episode(
            CHANGSHA,
            filing(CHANGSHA, BEIJING, "REFERRAL", "MEDICAL", "2025-09-01"),
            "CP-BJ-01",
            "2025-12-02",
            credential="NONE",
        ),
        "NOT_PAYABLE_DIRECTLY",
        ["art. 13(1)", "art. 16", "art. 22"],
        # Art. 22's manual route follows a covering filing: the missing card is reported, no reimbursement promised.
        codes=[
            "COVERAGE_AFTER_VALIDITY",
            "SETTLEMENT_NO_CREDENTIAL_NOTED",
            "SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED",
        ],
        not_codes=["SETTLEMENT_NO_CREDENTIAL", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"],
        registry=INLINE,
    )
    add(
        "settlement",
        "A settlement date before the admission is rejected.",
        "settlement",
        "2025-09-10",
        settle(episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", settled_on="2025-09-09")),
        ["art. 18"],
        error=["$.facts.episode.settled_on"],
    )
    add(
        "settlement",
        "Money written as a JSON number is rejected, not rounded.",
        "settlement",
        "2025-09-10",
        settle(
            episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", lines=[{"kind": "DRUG", "amount": 100}])
        ),
        ["art. 5"],
        error=["$.facts.episode.lines[0].amount"],
    )
    add(
        "settlement",
        "An episode with no cost line is rejected.",
        "settlement",
        "2025-09-10",
        settle(episode(CHANGSHA, zz_referral, "EX-0002", "2025-09-10", lines=[])),
        ["art. 18"],
        error=["$.facts.episode.lines"],
    )


def _manual_claim_cases() -> None:
    record = {
        "settlement_id": "HN-2025-0001",
        "identity_number": ID_A,
        "institution_code": "EX-0002",
        "insured": CHANGSHA,
        "treatment": ZHUZHOU,
        "started_on": "2025-09-10",
        "ended_on": "2025-09-20",
        "bill": "2000.50",
        "fund_share": "2000.50",
    }
    other = {**record, "settlement_id": "HN-2025-0002", "started_on": "2025-09-21", "ended_on": "2025-09-30"}

    def m(
        name: str,
        claim: dict[str, Any],
        settlements: list[dict[str, Any]],
        outcome: str,
        code: str,
        duplicates: list[str],
    ) -> None:
        add(
            "manual_claim",
            name,
            "manual_claim",
            "2025-10-15",
            {"claim": claim, "settlements": settlements},
            ["art. 22"],
            outcome=outcome,
            codes=[code],
            figures={"duplicates": duplicates},
        )

    def claim(
        start: str,
        end: str,
        code: str = "EX-0002",
        number: str = ID_A,
        kinds: tuple[str, ...] = ("MEDICAL_ITEM", "DRUG"),
    ) -> dict[str, Any]:
        return {
            "identity_number": number,
            "institution_code": code,
            "started_on": start,
            "ended_on": end,
            "kinds": list(kinds),
        }

    m(
        "A manual claim for a stay already settled directly is refused as a duplicate.",
        claim("2025-09-10", "2025-09-20"),
        [record],
        "DUPLICATE",
        "MANUAL_CLAIM_DUPLICATE",
        ["HN-2025-0001"],
    )
    m(
        "A claim ending on the day the settled stay began overlaps it by one day: a duplicate.",
        claim("2025-09-01", "2025-09-10"),
        [record],
        "DUPLICATE",
        "MANUAL_CLAIM_DUPLICATE",
        ["HN-2025-0001"],
    )
    m(
        "A claim beginning the day after the settled stay ended is no duplicate.",
        claim("2025-10-01", "2025-10-05"),
        [record, other],
        "NO_DUPLICATE",
        "MANUAL_CLAIM_NO_DUPLICATE",
        [],
    )
    m(
        "The same dates at another institution are no duplicate.",
        claim("2025-09-10", "2025-09-20", code="EX-0001"),
        [record],
        "NO_DUPLICATE",
        "MANUAL_CLAIM_NO_DUPLICATE",
        [],
    )
    m(
        "The same dates for another worker are no duplicate.",
        claim("2025-09-10", "2025-09-20", number=ID_B),
        [record],
        "NO_DUPLICATE",
        "MANUAL_CLAIM_NO_DUPLICATE",
        [],
    )
    m(
        "A claim spanning two settled stays names both.",
        claim("2025-09-15", "2025-09-25"),
        [record, other],
        "DUPLICATE",
        "MANUAL_CLAIM_DUPLICATE",
        ["HN-2025-0001", "HN-2025-0002"],
    )
    outbound = {
        **record,
        "settlement_id": "GD-2025-0007",
        "institution_code": "EX-0004",
        "treatment": GUANGDONG,
    }
    m(
        "A claim for a cross-province meal allowance alone duplicates nothing: it is never settled directly.",
        claim("2025-09-10", "2025-09-20", code="EX-0004", kinds=("MEAL_ALLOWANCE",)),
        [outbound],
        "NO_DUPLICATE",
        "MANUAL_CLAIM_OUTSIDE_DIRECT_SETTLEMENT",
        [],
    )
    m(
        "A claim for the drugs of a cross-province stay settled directly is a duplicate.",
        claim("2025-09-10", "2025-09-20", code="EX-0004", kinds=("DRUG", "MEAL_ALLOWANCE")),
        [outbound],
        "DUPLICATE",
        "MANUAL_CLAIM_DUPLICATE",
        ["GD-2025-0007"],
    )
    m(
        "With no direct settlement on record the claim goes on to review.",
        claim("2025-09-10", "2025-09-20"),
        [],
        "NO_DUPLICATE",
        "MANUAL_CLAIM_NO_DUPLICATE",
        [],
    )


def _institution_cases() -> None:
    def i(
        name: str,
        today: str,
        code: str,
        service: str,
        outcome: str,
        codes: list[str],
        failing: list[str],
        registry: Any = "example",
        articles: list[str] | None = None,
    ) -> None:
        add(
            "institutions",
            name,
            "institution_status",
            today,
            {"registry": registry, "code": code, "service": service},
            articles or ["art. 14(2)"],
            outcome=outcome,
            codes=codes,
            figures={"failing": failing},
        )

    i(
        "湖南省职业病防治院 can settle directly from 2025-04-01, the day it was listed.",
        "2025-04-01",
        "EX-0001",
        "MEDICAL",
        "AVAILABLE",
        ["INSTITUTION_LISTED", "INSTITUTION_CHANGE_EFFECTIVE_ON_ITS_DATE"],
        [],
    )
    i(
        "湖南省职业病防治院 could not on 2025-03-31, before it was listed.",
        "2025-03-31",
        "EX-0001",
        "MEDICAL",
        "NOT_YET_LISTED",
        ["INSTITUTION_NOT_YET_LISTED"],
        ["INSTITUTION_NOT_YET_LISTED"],
        articles=["art. 14(1)"],
    )
    i(
        "株洲's institution is suspended from 2025-10-01.",
        "2025-10-01",
        "EX-0002",
        "MEDICAL",
        "SUSPENDED",
        ["INSTITUTION_SUSPENDED"],
        ["INSTITUTION_SUSPENDED"],
    )
    i(
        "株洲's institution is still suspended on 2025-10-31.",
        "2025-10-31",
        "EX-0002",
        "REHABILITATION",
        "SUSPENDED",
        ["INSTITUTION_SUSPENDED"],
        ["INSTITUTION_SUSPENDED"],
    )
    i(
        "株洲's institution is available again on 2025-11-01.",
        "2025-11-01",
        "EX-0002",
        "REHABILITATION",
        "AVAILABLE",
        ["INSTITUTION_LISTED"],
        [],
    )
    i(
        "湘乡's fitting centre is terminated on 2025-12-31.",
        "2025-12-31",
        "EX-0003",
        "ASSISTIVE_DEVICE",
        "TERMINATED",
        ["INSTITUTION_TERMINATED"],
        ["INSTITUTION_TERMINATED"],
    )
    i(
        "湘乡's fitting centre is available on 2025-12-30.",
        "2025-12-30",
        "EX-0003",
        "ASSISTIVE_DEVICE",
        "AVAILABLE",
        ["INSTITUTION_LISTED"],
        [],
    )
    i(
        "Terminated and asked for a service it never provided: both failures are named.",
        "2025-12-31",
        "EX-0003",
        "MEDICAL",
        "TERMINATED",
        ["INSTITUTION_TERMINATED", "INSTITUTION_SERVICE_NOT_PROVIDED"],
        ["INSTITUTION_TERMINATED", "INSTITUTION_SERVICE_NOT_PROVIDED"],
        articles=["art. 5", "art. 14(2)"],
    )
    i(
        "广东's institution is closed from 2026-01-31.",
        "2026-01-31",
        "EX-0004",
        "MEDICAL",
        "CLOSED",
        ["INSTITUTION_CLOSED"],
        ["INSTITUTION_CLOSED"],
    )
    i(
        "An institution cannot settle a service it does not provide.",
        "2025-09-01",
        "EX-0001",
        "REHABILITATION",
        "SERVICE_NOT_PROVIDED",
        ["INSTITUTION_SERVICE_NOT_PROVIDED"],
        ["INSTITUTION_SERVICE_NOT_PROVIDED"],
        articles=["art. 5", "art. 14(1)"],
    )
    i(
        "An inline registry: 常德's centre is listed on 2026-02-17, the second day of the Spring Festival.",
        "2026-02-17",
        "CP-CD-01",
        "REHABILITATION",
        "AVAILABLE",
        ["INSTITUTION_LISTED"],
        [],
        INLINE,
    )
    i(
        "An inline registry: 浏阳's hospital closed on 2026-02-28.",
        "2026-02-28",
        "CP-LY-01",
        "MEDICAL",
        "CLOSED",
        ["INSTITUTION_CLOSED"],
        ["INSTITUTION_CLOSED"],
        INLINE,
    )
    add(
        "institutions",
        "A code missing from the registry is rejected, not treated as unlisted.",
        "institution_status",
        "2025-09-01",
        {"registry": "example", "code": "EX-9999", "service": "MEDICAL"},
        ["art. 14(1)"],
        error=["$.facts.code"],
    )
    bad = {
        "institutions": [
            institution("CP-X", "无效示例（虚构）", CHANGSHA, ["MEDICAL"], ("2025-08-01", "SUSPENDED"))
        ]
    }
    add(
        "institutions",
        "A registry history must begin with ADDED: one that begins suspended is rejected.",
        "institution_status",
        "2025-09-01",
        {"registry": bad, "code": "CP-X", "service": "MEDICAL"},
        ["art. 14(2)"],
        error=["$.facts.registry.institutions[0].history[0].status"],
    )


def _catalog_cases() -> None:
    def cat(name: str, scope: str, kind: str, outcome: str, articles: list[str]) -> None:
        add(
            "catalog",
            name,
            "catalog",
            "2025-09-01",
            {"scope": scope, "cost_kind": kind},
            articles,
            outcome=outcome,
        )

    cat(
        "Intra-province drugs follow Hunan's unified drug catalog.",
        "INTRA_PROVINCE",
        "DRUGS",
        "HUNAN_UNIFIED",
        ["art. 17(1)"],
    )
    cat(
        "Intra-province devices follow Hunan's unified device catalog and limits.",
        "INTRA_PROVINCE",
        "DEVICE_CATALOG",
        "HUNAN_UNIFIED",
        ["art. 17(1)"],
    )
    cat(
        "A Hunan worker treated in another province: medical items follow the treatment place's catalog.",
        "CROSS_PROVINCE_OUTBOUND",
        "MEDICAL_ITEMS",
        "TREATMENT_PLACE",
        ["art. 17(2)"],
    )
    cat(
        "A Hunan worker treated in another province: devices follow the insured place's catalog, Hunan's.",
        "CROSS_PROVINCE_OUTBOUND",
        "DEVICE_CATALOG",
        "INSURED_PLACE",
        ["art. 17(2)"],
    )
    cat(
        "Another province's worker treated in Hunan: rehabilitation items follow Hunan's, the treatment place's.",
        "CROSS_PROVINCE_INBOUND",
        "REHABILITATION_ITEMS",
        "TREATMENT_PLACE",
        ["art. 17(2)"],
    )
    cat(
        "Another province's worker treated in Hunan: inpatient standards follow the treatment place's.",
        "CROSS_PROVINCE_INBOUND",
        "INPATIENT_STANDARDS",
        "TREATMENT_PLACE",
        ["art. 17(2)"],
    )
    cat(
        "Another province's worker fitted in Hunan: devices follow the insured province's catalog.",
        "CROSS_PROVINCE_INBOUND",
        "DEVICE_CATALOG",
        "INSURED_PLACE",
        ["art. 17(2)"],
    )
    cat(
        "Care between two other provinces: no catalog of this procedure governs.",
        "NOT_GOVERNED",
        "DRUGS",
        "NOT_GOVERNED",
        ["art. 2(1)"],
    )

    def meal(name: str, scope: str, outcome: str, payer: str | None, direct: bool | None) -> None:
        add(
            "catalog",
            name,
            "meal_allowance",
            "2025-09-01",
            {"scope": scope},
            ["art. 17(3)"],
            outcome=outcome,
            figures={"payer": payer, "part_of_direct_settlement": direct},
        )

    meal(
        "Intra-province: the treatment place's agency pays the meal allowance under its own policy.",
        "INTRA_PROVINCE",
        "PAID_BY_TREATMENT_PLACE",
        "TREATMENT_PLACE_AGENCY",
        True,
    )
    meal(
        "Cross-province, treated in Hunan: the insured province reimburses the meal allowance.",
        "CROSS_PROVINCE_INBOUND",
        "REIMBURSED_BY_INSURED_PLACE",
        "INSURED_PLACE_AGENCY",
        False,
    )
    meal(
        "Cross-province, a Hunan worker elsewhere: the Hunan insured place reimburses the meal allowance.",
        "CROSS_PROVINCE_OUTBOUND",
        "REIMBURSED_BY_INSURED_PLACE",
        "INSURED_PLACE_AGENCY",
        False,
    )
    meal(
        "Local care: this procedure says nothing about the meal allowance.",
        "LOCAL",
        "NOT_SPECIFIED",
        None,
        None,
    )

    def travel(name: str, scope: str, referral: bool, outcome: str, codes: list[str] = ()) -> None:
        add(
            "catalog",
            name,
            "travel_and_lodging",
            "2025-09-01",
            {"scope": scope, "is_referral": referral},
            ["art. 17(3)"],
            outcome=outcome,
            codes=codes,
        )

    travel(
        "A cross-province referral's travel and lodging are reimbursed by the insured place, the letter of 17(3).",
        "CROSS_PROVINCE_OUTBOUND",
        True,
        "REIMBURSED_BY_INSURED_PLACE",
    )
    travel(
        "An intra-province referral's travel and lodging are reimbursed by the insured place, a reading of 17(3).",
        "INTRA_PROVINCE",
        True,
        "REIMBURSED_BY_INSURED_PLACE",
        ["TRAVEL_INTRA_PROVINCE_REFERRAL"],
    )
    travel(
        "Travel without a referral is not covered by article 17(3).", "INTRA_PROVINCE", False, "NOT_SPECIFIED"
    )
    travel(
        "Another province's referred worker treated in Hunan: travel is reimbursed by the insured province.",
        "CROSS_PROVINCE_INBOUND",
        True,
        "REIMBURSED_BY_INSURED_PLACE",
    )


def _period_cases() -> None:
    def w(
        name: str,
        day: str,
        n: int,
        articles: list[str],
        calendar: dict[str, Any] | None = None,
        want: str | None = None,
    ) -> None:
        facts: dict[str, Any] = {"date": day, "n": n}
        if calendar is not None:
            facts["calendar"] = calendar
        independent = nth_working_day_after(day, n) if calendar is None else want
        if want is not None and want != independent:
            raise SystemExit(f"{name}: worked by hand {want}, the State Council schedule gives {independent}")
        add(
            "periods",
            name,
            "working_day_after",
            day,
            facts,
            articles,
            outcome="COMPUTED",
            figures={"date": independent},
        )

    a10, a21 = ["art. 10"], ["art. 21"]
    w(
        "Received on 2025-09-30, an application is due on 2025-10-14: the National Day week, then the make-up "
        "Saturday 10-11.",
        "2025-09-30",
        5,
        a10,
        want="2025-10-14",
    )
    w(
        "Received on Saturday 2025-09-27, the first working day after is Sunday 2025-09-28, a make-up workday.",
        "2025-09-27",
        1,
        a10,
        want="2025-09-28",
    )
    w(
        "Received on the make-up Sunday 2025-09-28, the 5th working day after is the make-up Saturday 2025-10-11.",
        "2025-09-28",
        5,
        a10,
        want="2025-10-11",
    )
    w(
        "Received on 2025-10-01, a holiday, the 5th working day after is 2025-10-14.",
        "2025-10-01",
        5,
        a10,
        want="2025-10-14",
    )
    w(
        "Received on Friday 2026-02-13, the next working day is the make-up Saturday 2026-02-14.",
        "2026-02-13",
        1,
        a10,
        want="2026-02-14",
    )
    w(
        "Received on Friday 2026-02-13, the 5th working day after is 2026-02-27, across the Spring Festival.",
        "2026-02-13",
        5,
        a10,
        want="2026-02-27",
    )
    w(
        "Received on Friday 2026-02-27, the next working day is the make-up Saturday 2026-02-28.",
        "2026-02-27",
        1,
        a10,
        want="2026-02-28",
    )
    w(
        "Received on 2026-02-15, the first day of the Spring Festival holiday, the 5th working day is the make-up Saturday 2026-02-28.",
        "2026-02-15",
        5,
        a10,
        want="2026-02-28",
    )
    w(
        "Received on Friday 2025-01-24, the 5th working day after is 2025-02-07, the make-up Sunday 01-26 counted.",
        "2025-01-24",
        5,
        a10,
        want="2025-02-07",
    )
    w(
        "Received on 2026-09-30, the next working day is Thursday 2026-10-08, after the National Day holiday.",
        "2026-09-30",
        1,
        a10,
        want="2026-10-08",
    )
    w(
        "Received on 2026-09-30, the 3rd working day after is the make-up Saturday 2026-10-10.",
        "2026-09-30",
        3,
        a10,
        want="2026-10-10",
    )
    w(
        "Received on Friday 2026-09-18, the next working day is the make-up Sunday 2026-09-20.",
        "2026-09-18",
        1,
        a10,
        want="2026-09-20",
    )
    w(
        "Received on Thursday 2026-09-24, the next working day is Monday 2026-09-28, after the Mid-Autumn holiday.",
        "2026-09-24",
        1,
        a10,
        want="2026-09-28",
    )
    w(
        "Received on Wednesday 2024-02-28, the next working day is the leap day 2024-02-29.",
        "2024-02-28",
        1,
        a10,
        want="2024-02-29",
    )
    w(
        "Received on 2025-12-31, the next working day is the make-up Sunday 2026-01-04.",
        "2025-12-31",
        1,
        a10,
        want="2026-01-04",
    )
    w(
        "September 2025's reconciliation is due within October's first 5 working days: by 2025-10-14.",
        "2025-09-30",
        5,
        a21,
        want="2025-10-14",
    )
    w(
        "January 2026's reconciliation is due by 2026-02-06, the 5th working day of February.",
        "2026-01-31",
        5,
        a21,
        want="2026-02-06",
    )
    w("February 2026's reconciliation is due by 2026-03-06.", "2026-02-28", 5, a21, want="2026-03-06")
    w(
        "December 2025's reconciliation is due by 2026-01-08, the make-up Sunday 01-04 being the first working day.",
        "2025-12-31",
        5,
        a21,
        want="2026-01-08",
    )
    w(
        "The 5th working day after 2025-04-30 is 2025-05-12, after the Labour Day holiday and a weekend.",
        "2025-04-30",
        5,
        a21,
        want="2025-05-12",
    )
    w(
        "September 2026's reconciliation is due by 2026-10-13, the make-up Saturday 10-10 counted.",
        "2026-09-30",
        5,
        a21,
        want="2026-10-13",
    )
    add(
        "periods",
        "A working day in 2027, whose State Council schedule is not yet known, is an error, never a guess.",
        "working_day_after",
        "2026-12-31",
        {"date": "2026-12-31", "n": 1},
        a10,
        error=["$.facts"],
    )
    schedule_2027 = {
        "schedules": [
            {
                "year": 2027,
                "days_off": ["2027-01-01"],
                "makeup_workdays": [],
                "source": "a schedule supplied with the case (corpus example, not the official one)",
            }
        ]
    }
    w(
        "With a 2027 schedule supplied in the case, the working day after 2026-12-31 is Monday 2027-01-04.",
        "2026-12-31",
        1,
        a10,
        calendar=schedule_2027,
        want="2027-01-04",
    )
    add(
        "periods",
        "Zero working days is rejected: the count starts at 1.",
        "working_day_after",
        "2025-09-01",
        {"date": "2025-09-01", "n": 0},
        a10,
        error=["$.facts.n"],
    )

    def months(name: str, day: str, n: int, want: str, articles: list[str]) -> None:
        add(
            "periods",
            name,
            "add_months",
            day,
            {"date": day, "n": n},
            articles,
            outcome="COMPUTED",
            figures={"date": want},
        )

    months(
        "6 months from 2025-08-31 end on 2026-02-28: February has no 31st.",
        "2025-08-31",
        6,
        "2026-02-28",
        ["art. 13(1)"],
    )
    months("3 months from 2025-11-30 end on 2026-02-28.", "2025-11-30", 3, "2026-02-28", ["art. 13(1)"])
    months("3 months from 2025-11-29 also end on 2026-02-28.", "2025-11-29", 3, "2026-02-28", ["art. 13(1)"])
    months(
        "6 months from 2023-08-31 end on the leap day 2024-02-29.",
        "2023-08-31",
        6,
        "2024-02-29",
        ["art. 4 item 1"],
    )
    months(
        "12 months from the leap day 2024-02-29 end on 2025-02-28.",
        "2024-02-29",
        12,
        "2025-02-28",
        ["art. 4 item 1"],
    )
    months(
        "24 months from the leap day 2024-02-29 end on 2026-02-28.",
        "2024-02-29",
        24,
        "2026-02-28",
        ["art. 19"],
    )
    months("1 month from 2025-01-31 ends on 2025-02-28.", "2025-01-31", 1, "2025-02-28", ["art. 13(1)"])
    months("6 months from 2025-03-31 end on 2025-09-30.", "2025-03-31", 6, "2025-09-30", ["art. 13(1)"])
    months("3 months from 2025-08-15 end on 2025-11-15.", "2025-08-15", 3, "2025-11-15", ["art. 13(1)"])
    months(
        "6 months from 2027-07-31, the procedure's last day, end on 2028-01-31.",
        "2027-07-31",
        6,
        "2028-01-31",
        ["art. 13(1)", "art. 36"],
    )
    months(
        "6 months from 2027-08-31 end on the leap day 2028-02-29.",
        "2027-08-31",
        6,
        "2028-02-29",
        ["art. 13(1)"],
    )

    def deadline(name: str, day: str, want: str) -> None:
        add(
            "periods",
            name,
            "review_deadline",
            day,
            {"received_on": day},
            ["art. 10"],
            outcome="COMPUTED",
            figures={"date": want},
        )

    deadline(
        "A filing application received on 2025-09-30 is due on 2025-10-14.",
        "2025-09-30",
        nth_working_day_after("2025-09-30", 5),
    )
    deadline(
        "A filing application received on Friday 2026-02-13 is due on 2026-02-27.",
        "2026-02-13",
        nth_working_day_after("2026-02-13", 5),
    )
    deadline(
        "A filing application received on 2025-12-26 is due on 2026-01-05, the make-up Sunday 01-04 counted.",
        "2025-12-26",
        nth_working_day_after("2025-12-26", 5),
    )


def _funds_cases() -> None:
    def nextday(name: str, day: str, want: str) -> None:
        add(
            "funds",
            name,
            "reconciliation_deadline",
            day,
            {"settled_on": day},
            ["art. 21"],
            outcome="DUE",
            figures={"deadline": want},
            codes=["RECONCILIATION_NEXT_DAY", "RECONCILIATION_INTRA_PROVINCE_ONLY"],
        )

    nextday(
        "A settlement of 2025-09-30 is reconciled, in principle, the next day, National Day or not.",
        "2025-09-30",
        "2025-10-01",
    )
    nextday("A settlement of 2025-12-31 is reconciled on 2026-01-01.", "2025-12-31", "2026-01-01")
    nextday("A settlement of 2026-02-28 is reconciled on 2026-03-01.", "2026-02-28", "2026-03-01")

    def month(name: str, year: int, number: int, want: str) -> None:
        add(
            "funds",
            name,
            "monthly_reconciliation_deadline",
            f"{year}-{number:02d}-01",
            {"year": year, "month": number},
            ["art. 21"],
            outcome="DUE",
            figures={"deadline": want},
            codes=["RECONCILIATION_MONTHLY_DEADLINE"],
        )

    add(
        "funds",
        "April 2025 had no intra-province direct settlement to reconcile: that began on 2025-08-01.",
        "monthly_reconciliation_deadline",
        "2025-04-01",
        {"year": 2025, "month": 4},
        ["art. 21", "art. 36"],
        outcome="NOT_IN_FORCE",
        figures={"deadline": None},
        codes=["IN_FORCE_NOT_YET", "RECONCILIATION_INTRA_PROVINCE_ONLY"],
    )
    add(
        "funds",
        "A settlement of 2027-08-01, the day after the procedure's last day, has no article 21 deadline.",
        "reconciliation_deadline",
        "2027-08-01",
        {"settled_on": "2027-08-01"},
        ["art. 21", "art. 36"],
        outcome="NOT_IN_FORCE",
        figures={"deadline": None},
        codes=["IN_FORCE_EXPIRED"],
    )
    for year, number in ((2025, 9), (2025, 12), (2026, 1), (2026, 2), (2026, 9)):
        last = {1: 31, 2: 28, 4: 30, 9: 30, 12: 31}[number]
        want = nth_working_day_after(f"{year}-{number:02d}-{last}", 5)
        month(
            f"The settlements of {year}-{number:02d} are reconciled by {want}, the 5th working day of the next month.",
            year,
            number,
            want,
        )
    add(
        "funds",
        "December 2026's reconciliation falls in 2027, whose schedule is unknown: an error, never a guess.",
        "monthly_reconciliation_deadline",
        "2026-12-01",
        {"year": 2026, "month": 12},
        ["art. 21"],
        error=["$.facts"],
    )

    def clearing(name: str, year: int, outcome: str, deadline: str | None, codes: list[str]) -> None:
        add(
            "funds",
            name,
            "annual_clearing",
            f"{year}-12-31",
            {"year": year},
            ["art. 27", "art. 36"],
            outcome=outcome,
            figures={"deadline": deadline, "year": year},
            codes=codes,
        )

    clearing(
        "The clearing of 2025, the procedure's first year, is due by 2026-03-31.",
        2025,
        "DUE",
        "2026-03-31",
        ["FUNDS_ANNUAL_CLEARING_DEADLINE"],
    )
    clearing(
        "The clearing of 2026 is due by 2027-03-31.",
        2026,
        "DUE",
        "2027-03-31",
        ["FUNDS_ANNUAL_CLEARING_DEADLINE"],
    )
    clearing(
        "The clearing of 2027, the procedure's last year, is due by 2028-03-31, after the procedure ended.",
        2027,
        "DUE",
        "2028-03-31",
        ["FUNDS_ANNUAL_CLEARING_AFTER_PROCEDURE_END"],
    )
    clearing(
        "2024 has no day under this procedure: no clearing is due under it.",
        2024,
        "NOT_IN_FORCE",
        None,
        ["FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE"],
    )
    clearing(
        "2028 has no day under this procedure: no clearing is due under it.",
        2028,
        "NOT_IN_FORCE",
        None,
        ["FUNDS_ANNUAL_CLEARING_YEAR_NOT_IN_FORCE"],
    )


def _application_cases() -> None:
    def form(
        category: str,
        treatment: str,
        *,
        service: str = "MEDICAL",
        applicant: str = "WORKER",
        signed_on: str = "2025-09-26",
        **extra: Any,
    ) -> dict[str, Any]:
        return {
            "annex": 1,
            "name": "王五",
            "sex": "MALE",
            "identity_number": ID_A,
            "injured_body_part": "右手",
            "injury_decision_number": "长人社工认〔2025〕101号",
            "phone": "13800000000",
            "address": "长沙市芙蓉区某路1号",
            "filing_type": "NEW",
            "category": category,
            "service": service,
            "applicant": applicant,
            "treatment": treatment,
            "signed_on": signed_on,
            **extra,
        }

    def application(
        fm: dict[str, Any],
        insured: str = CHANGSHA,
        channel: str = "SERVICE_WINDOW",
        materials: list[str] = (),
        **extra: Any,
    ) -> dict[str, Any]:
        return {"form": fm, "insured": insured, "channel": channel, "materials": list(materials), **extra}

    def r(
        name: str,
        app: dict[str, Any],
        received_on: str,
        outcome: str,
        codes: list[str] = (),
        figures: dict[str, Any] | None = None,
        articles: list[str] | None = None,
    ) -> None:
        add(
            "applications",
            name,
            "review",
            received_on,
            {"application": app, "received_on": received_on},
            articles or ["art. 9(1)", "art. 10"],
            outcome=outcome,
            codes=codes,
            figures=figures,
        )

    referral = application(form("REFERRAL", YUEYANG), materials=["REFERRAL_OPINION"])
    r(
        "A complete referral application received on 2025-09-30 is to be decided by 2025-10-14.",
        referral,
        "2025-09-30",
        "COMPLETE",
        ["REVIEW_MATERIALS_COMPLETE"],
        {"deadline": "2025-10-14", "missing": []},
    )
    r(
        "A complete application received on Friday 2026-02-13 is to be decided by 2026-02-27.",
        application(form("REFERRAL", YUEYANG, signed_on="2026-02-12"), materials=["REFERRAL_OPINION"]),
        "2026-02-13",
        "COMPLETE",
        figures={"deadline": "2026-02-27"},
    )
    r(
        "A complete application received on the make-up Sunday 2025-09-28 is to be decided by 2025-10-11.",
        referral,
        "2025-09-28",
        "COMPLETE",
        figures={"deadline": "2025-10-11"},
    )
    relative = {"name": "王六", "identity_number": ID_B, "contact": "13900000000"}
    r(
        "A relative's referral application missing three materials gets one notice naming all three.",
        application(form("REFERRAL", YUEYANG, applicant="CLOSE_RELATIVE", relative=relative)),
        "2025-09-30",
        "INCOMPLETE",
        ["REVIEW_MATERIALS_MISSING"],
        {"deadline": None, "missing": ["REFERRAL_OPINION", "RELATIVE_IDENTITY", "RELATIONSHIP_PROOF"]},
        ["art. 9(1) item 1", "art. 10", "annex 1 note 2"],
    )
    r(
        "A long-term resident living at the household registration place proves it with household materials.",
        application(
            form("LONG_TERM_RESIDENCE", YUEYANG),
            materials=["HOUSEHOLD_REGISTRATION"],
            residence_at_household_registration=True,
        ),
        "2025-09-30",
        "COMPLETE",
        figures={"missing": []},
        articles=["art. 9(1) item 2", "annex 1 note 4"],
    )
    r(
        "A long-term resident living elsewhere than the household registration needs a residence permit or the like.",
        application(
            form("LONG_TERM_RESIDENCE", YUEYANG),
            materials=["HOUSEHOLD_REGISTRATION"],
            residence_at_household_registration=False,
        ),
        "2025-09-30",
        "INCOMPLETE",
        figures={"missing": ["RESIDENCE_PROOF"]},
        articles=["art. 9(1) item 2", "annex 1 note 4"],
    )
    r(
        "A resident worker proves resident work with any one of the listed documents, here a labour contract.",
        application(
            form("RESIDENT_WORK", GUANGDONG), channel="NATIONAL_PLATFORM", materials=["LABOUR_CONTRACT"]
        ),
        "2025-09-30",
        "COMPLETE",
        figures={"missing": []},
        articles=["art. 8", "art. 9(1) item 2", "annex 1 note 5"],
    )
    r(
        "An application received on 2025-07-31, before the procedure took effect, is not reviewed under it.",
        application(form("REFERRAL", YUEYANG, signed_on="2025-07-30"), materials=["REFERRAL_OPINION"]),
        "2025-07-31",
        "NOT_IN_FORCE",
        articles=["art. 36"],
    )
    r(
        "A worker insured in 新疆 files with 新疆, not with a Hunan agency.",
        application(form("RESIDENT_WORK", CHANGSHA), insured=XINJIANG, materials=["LABOUR_CONTRACT"]),
        "2025-09-30",
        "FILE_WITH_INSURED_PROVINCE",
        articles=["art. 2", "art. 8"],
    )
    r(
        "Care within 长沙 needs no out-of-area filing.",
        application(
            form("LONG_TERM_RESIDENCE", LIUYANG),
            materials=["HOUSEHOLD_REGISTRATION"],
            residence_at_household_registration=True,
        ),
        "2025-09-30",
        "NO_FILING_NEEDED",
        articles=["art. 3(1)"],
    )

    def sub(
        name: str, app: dict[str, Any], outcome: str, agency: dict[str, Any] | None, articles: list[str]
    ) -> None:
        add(
            "applications",
            name,
            "submission",
            "2025-09-30",
            {"application": app},
            articles,
            outcome=outcome,
            figures={"agency": agency} if agency is not None else {},
        )

    sub(
        "A 长沙 worker's application goes to 长沙's city agency.",
        referral,
        "PROPERLY_SUBMITTED",
        {"level": "CITY", "place": CHANGSHA},
        ["art. 7", "art. 8"],
    )
    sub(
        "A 浏阳 worker's application goes to 浏阳's county agency.",
        application(form("REFERRAL", YUEYANG), insured=LIUYANG, materials=["REFERRAL_OPINION"]),
        "PROPERLY_SUBMITTED",
        {"level": "COUNTY", "place": LIUYANG},
        ["art. 7(4)", "art. 8"],
    )
    sub(
        "A 省本级 worker's application goes to the provincial agency.",
        application(form("REFERRAL", BEIJING), insured=PROVINCE_LEVEL, materials=["REFERRAL_OPINION"]),
        "PROPERLY_SUBMITTED",
        {"level": "PROVINCIAL", "place": PROVINCE_LEVEL},
        ["art. 7(2)", "art. 8"],
    )
    sub(
        "An intra-province application through the national platform is not a channel article 8 offers.",
        application(form("REFERRAL", YUEYANG), channel="NATIONAL_PLATFORM", materials=["REFERRAL_OPINION"]),
        "IMPROPERLY_SUBMITTED",
        None,
        ["art. 8"],
    )


# --- chapters 4 and 5: reconciliation, funds, supervision; article 7's agencies ----------------------------------


def record(
    sid: str,
    insured: str,
    treatment: str,
    started_on: str,
    ended_on: str,
    fund_share: str,
    *,
    bill: str | None = None,
    number: str = ID_A,
    code: str = "EX-0002",
) -> dict[str, Any]:
    """A direct settlement on record (article 18): settled on ``ended_on``."""
    return {
        "settlement_id": sid,
        "identity_number": number,
        "institution_code": code,
        "insured": insured,
        "treatment": treatment,
        "started_on": started_on,
        "ended_on": ended_on,
        "bill": bill if bill is not None else fund_share,
        "fund_share": fund_share,
    }


def refusal(sid: str, amount: Any, reason: str = "超出工伤保险诊疗项目目录") -> dict[str, Any]:
    return {"settlement_id": sid, "amount": amount, "reason": reason}


def agency(level: str, where: str) -> dict[str, Any]:
    return {"level": level, "place": where}


PROVINCIAL = agency("PROVINCIAL", PROVINCE_LEVEL)

# A 2027 schedule supplied with a case: the bundle does not know 2027 (corpus example, not the official one).
SCHEDULE_2027 = {
    "schedules": [
        {
            "year": 2027,
            "days_off": ["2027-01-01"],
            "makeup_workdays": [],
            "source": "a schedule supplied with the case (corpus example, not the official one)",
        }
    ]
}


def _reconciliation_cases() -> None:
    audit = [
        "RECONCILIATION_AUDIT_OF_MONTH",
        "RECONCILIATION_MONTH_OF_SETTLEMENT_DATE",
        "RECONCILIATION_TOTALS",
        "RECONCILIATION_NO_PERFORMANCE_DEPOSIT",
    ]
    intra = [
        "RECONCILIATION_INTRA_PROVINCE_TWO_STAGES",
        "RECONCILIATION_NEXT_DAY",
        "RECONCILIATION_MONTHLY_DEADLINE",
    ]
    a20, a21 = ["art. 20(1)", "art. 20(2)"], ["art. 21"]

    def rm(
        name: str,
        year: int,
        month: int,
        settlements: list[dict[str, Any]],
        articles: list[str],
        *,
        refusals: list[dict[str, Any]] | None = None,
        calendar: dict[str, Any] | None = None,
        **expected: Any,
    ) -> None:
        facts: dict[str, Any] = {"year": year, "month": month, "settlements": settlements}
        if refusals:
            facts["refusals"] = refusals
        if calendar is not None:
            facts["calendar"] = calendar
        # Written on the first day of the next month, when the month is reconciled (article 20: 上月).
        today = f"{year + month // 12}-{month % 12 + 1:02d}-01"
        add("reconciliation", name, "reconcile_month", today, facts, articles, **expected)

    rm(
        "September 2025: 150.50 yuan refused of a 长沙 worker's 1000.00 settled in 株洲 on 09-30; due the next day, "
        "National Day, and the month by 2025-10-14, after the holiday week.",
        2025,
        9,
        [record("ZZ-2025-09-001", CHANGSHA, ZHUZHOU, "2025-09-20", "2025-09-30", "1000.00", bill="1200.00")],
        [*a20, *a21],
        refusals=[refusal("ZZ-2025-09-001", "150.50")],
        outcome="REFUSALS_RECORDED",
        figures={
            "settled": "1000.00",
            "refused": "150.50",
            "reconciled": "849.50",
            "settlement_ids": ["ZZ-2025-09-001"],
            "excluded_ids": [],
            "by_insured_place.0.insured": CHANGSHA,
            "by_insured_place.0.total": "150.50",
            "next_day_deadlines.0.deadline": "2025-10-01",
            "monthly_deadline": nth_working_day_after("2025-09-30", 5),
        },
        codes=[
            *audit,
            *intra,
            "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE",
            "RECONCILIATION_NEXT_DAY_NOT_MOVED",
        ],
        not_codes=["RECONCILIATION_NOTHING_REFUSED"],
    )
    rm(
        "September 2025 with nothing refused: two settlements made on weekdays are accepted in full, each due the "
        "next day, a working day.",
        2025,
        9,
        [
            record("ZZ-2025-09-002", CHANGSHA, ZHUZHOU, "2025-09-22", "2025-09-24", "800.00"),
            record("CS-2025-09-001", YUEYANG, CHANGSHA, "2025-09-10", "2025-09-25", "1234.56", number=ID_B),
        ],
        [*a20, *a21],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "settled": "2034.56",
            "refused": "0.00",
            "reconciled": "2034.56",
            "by_insured_place": [],
            "next_day_deadlines.0.deadline": "2025-09-25",
            "next_day_deadlines.1.deadline": "2025-09-26",
            "monthly_deadline": "2025-10-14",
        },
        codes=[*audit, *intra, "RECONCILIATION_NOTHING_REFUSED"],
        not_codes=["RECONCILIATION_NEXT_DAY_NOT_MOVED", "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE"],
    )
    rm(
        "December 2025: a settlement on 2025-12-31 is due on New Year's Day 2026-01-01, not moved, and the month by "
        "2026-01-08, the make-up Sunday 01-04 counted.",
        2025,
        12,
        [record("YY-2025-12-001", CHANGSHA, YUEYANG, "2025-12-20", "2025-12-31", "3000.00")],
        a21,
        outcome="ACCEPTED_IN_FULL",
        figures={
            "next_day_deadlines.0.settled_on": "2025-12-31",
            "next_day_deadlines.0.deadline": "2026-01-01",
            "monthly_deadline": nth_working_day_after("2025-12-31", 5),
        },
        codes=[*intra, "RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )
    rm(
        "December 2026 with an intra-province settlement needs working days of 2027, whose schedule is unknown: an "
        "error, never a guess.",
        2026,
        12,
        [record("YY-2026-12-001", CHANGSHA, YUEYANG, "2026-12-01", "2026-12-15", "3000.00")],
        a21,
        error=["$.facts"],
    )
    rm(
        "December 2026 with a 2027 schedule supplied in the case: settled on 2026-12-31, due on 2027-01-01, a day "
        "off, and the month by 2027-01-08.",
        2026,
        12,
        [record("YY-2026-12-002", CHANGSHA, YUEYANG, "2026-12-20", "2026-12-31", "3000.00")],
        a21,
        calendar=SCHEDULE_2027,
        outcome="ACCEPTED_IN_FULL",
        figures={"next_day_deadlines.0.deadline": "2027-01-01", "monthly_deadline": "2027-01-08"},
        codes=[*intra, "RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )
    rm(
        "December 2026 with cross-province settlements only needs no working day of 2027: article 21's deadlines "
        "are for intra-province care, the national procedure governs the rest.",
        2026,
        12,
        [record("CS-2026-12-001", XINJIANG, CHANGSHA, "2026-12-10", "2026-12-20", "10240.50", number=ID_C,
                code="EX-0001")],
        ["art. 20(1)", "art. 21", "art. 23(3)", "art. 24"],
        outcome="ACCEPTED_IN_FULL",
        figures={"settled": "10240.50", "next_day_deadlines": [], "monthly_deadline": None},
        codes=[*audit, "RECONCILIATION_CROSS_PROVINCE_NATIONAL"],
        not_codes=intra,
    )  # fmt: skip
    rm(
        "A batch mixing intra-province care with local care, provincial-level recognition, care outside Hunan and "
        "care wholly outside Hunan reconciles the intra-province settlement only.",
        2025,
        9,
        [
            record("ZZ-2025-09-003", CHANGSHA, ZHUZHOU, "2025-09-08", "2025-09-10", "500.00"),
            record("LY-2025-09-001", CHANGSHA, LIUYANG, "2025-09-09", "2025-09-11", "300.00"),
            record("YY-2025-09-001", PROVINCE_LEVEL, YUEYANG, "2025-09-09", "2025-09-11", "400.00"),
            record("GD-2025-09-001", CHANGSHA, GUANGDONG, "2025-09-10", "2025-09-12", "900.00", code="EX-0004"),
            record("BJ-2025-09-001", GUANGDONG, BEIJING, "2025-09-11", "2025-09-13", "700.00", number=ID_D,
                   code="CP-BJ-01"),
        ],
        ["art. 2(1)", "art. 3(1)", "art. 3(2)", "art. 20(1)", "art. 21"],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "settlement_ids": ["ZZ-2025-09-003"],
            "excluded_ids": ["LY-2025-09-001", "YY-2025-09-001", "GD-2025-09-001", "BJ-2025-09-001"],
            "settled": "500.00",
        },
        codes=[
            *audit,
            *intra,
            "RECONCILIATION_EXCLUDED_NOT_OUT_OF_AREA",
            "RECONCILIATION_EXCLUDED_TREATED_OUTSIDE_HUNAN",
            "RECONCILIATION_EXCLUDED_NOT_GOVERNED",
        ],
    )  # fmt: skip
    rm(
        "July 2025, before the procedure took effect: neither an intra-province nor a cross-province settlement is "
        "reconciled under it.",
        2025,
        7,
        [
            record("ZZ-2025-07-001", CHANGSHA, ZHUZHOU, "2025-07-20", "2025-07-31", "600.00"),
            record("CS-2025-07-001", XINJIANG, CHANGSHA, "2025-07-21", "2025-07-31", "900.00", number=ID_C,
                   code="EX-0001"),
        ],
        ["art. 20(1)", "art. 36"],
        outcome="NOTHING_TO_RECONCILE",
        figures={
            "settlement_ids": [],
            "excluded_ids": ["ZZ-2025-07-001", "CS-2025-07-001"],
            "settled": "0.00",
            "monthly_deadline": None,
        },
        codes=["RECONCILIATION_EXCLUDED_NOT_IN_FORCE"],
        not_codes=audit,
    )  # fmt: skip
    rm(
        "August 2025: a stay admitted on 2025-07-25 and settled on 2025-08-01, the procedure's first day, is "
        "reconciled under it, the month by 2025-09-05.",
        2025,
        8,
        [record("YY-2025-08-001", CHANGSHA, YUEYANG, "2025-07-25", "2025-08-01", "2500.00")],
        ["art. 20(1)", "art. 21", "art. 36"],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "settlement_ids": ["YY-2025-08-001"],
            "next_day_deadlines.0.deadline": "2025-08-02",
            "monthly_deadline": nth_working_day_after("2025-08-31", 5),
        },
        codes=[*audit, *intra, "RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )
    spanning = record("ZZ-2025-10-001", CHANGSHA, ZHUZHOU, "2025-09-25", "2025-10-03", "1800.00")
    rm(
        "A stay admitted on 2025-09-25 and settled on 2025-10-03 is reconciled with October, the month it was "
        "settled in, by 2025-11-07.",
        2025,
        10,
        [spanning],
        ["art. 20(1)", "art. 21"],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "settlement_ids": ["ZZ-2025-10-001"],
            "next_day_deadlines.0.deadline": "2025-10-04",
            "monthly_deadline": nth_working_day_after("2025-10-31", 5),
        },
        codes=[*audit, *intra, "RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )
    rm(
        "The stay settled on 2025-10-03 does not belong to September's batch: rejected.",
        2025,
        9,
        [spanning],
        ["art. 20(1)"],
        error=["$.facts.settlements[0].ended_on"],
    )
    rm(
        "Refusals for workers of two insured places are listed and totalled by insured place: 长沙市 first, then "
        "浏阳市, whose settlement is refused in full.",
        2025,
        11,
        [
            record("YY-2025-11-001", CHANGSHA, YUEYANG, "2025-11-03", "2025-11-14", "2000.00"),
            record("YY-2025-11-002", LIUYANG, YUEYANG, "2025-11-10", "2025-11-28", "1000.00", number=ID_B),
        ],
        ["art. 20(1)", "art. 21"],
        refusals=[
            refusal("YY-2025-11-002", "1000.00", "非协议机构外购药品"),
            refusal("YY-2025-11-001", "100.00"),
            refusal("YY-2025-11-001", "50.25", "超出住院服务标准"),
        ],
        outcome="REFUSALS_RECORDED",
        figures={
            "settled": "3000.00",
            "refused": "1150.25",
            "reconciled": "1849.75",
            "by_insured_place.0.insured": CHANGSHA,
            "by_insured_place.0.total": "150.25",
            "by_insured_place.1.insured": LIUYANG,
            "by_insured_place.1.total": "1000.00",
            "monthly_deadline": nth_working_day_after("2025-11-30", 5),
        },
        codes=[*audit, *intra, "RECONCILIATION_REFUSALS_FOR_INSURED_PLACE"],
    )
    settled = record("YY-2025-11-003", CHANGSHA, YUEYANG, "2025-11-03", "2025-11-14", "1000.00")
    rm(
        "Refusals adding up to more than the settlement's fund share are rejected: 600.00 and 400.01 of 1000.00.",
        2025,
        11,
        [settled],
        ["art. 20(1)"],
        refusals=[refusal("YY-2025-11-003", "600.00"), refusal("YY-2025-11-003", "400.01")],
        error=["$.facts.refusals[1].amount"],
    )
    rm(
        "A refusal must name a settlement of the batch: one naming another is rejected.",
        2025,
        11,
        [settled],
        ["art. 20(1)"],
        refusals=[refusal("YY-2025-11-999", "10.00")],
        error=["$.facts.refusals[0].settlement_id"],
    )
    rm(
        "A local settlement is not refused here: it is reconciled under local rules.",
        2025,
        11,
        [settled, record("LY-2025-11-001", CHANGSHA, LIUYANG, "2025-11-03", "2025-11-04", "200.00")],
        ["art. 3(1)", "art. 20(1)"],
        refusals=[refusal("LY-2025-11-001", "20.00")],
        error=["$.facts.refusals[0].settlement_id"],
    )
    rm(
        "A refusal of 0.00 yuan is no refusal: article 20 records an amount refused.",
        2025,
        11,
        [settled],
        ["art. 20(1)"],
        refusals=[refusal("YY-2025-11-003", "0.00")],
        error=["$.facts.refusals[0].amount"],
    )
    rm(
        "Month 13 is rejected.",
        2025,
        13,
        [],
        ["art. 21"],
        error=["$.facts.month"],
    )
    rm(
        "A month with no settlement has nothing to reconcile.",
        2026,
        3,
        [],
        ["art. 20(1)"],
        outcome="NOTHING_TO_RECONCILE",
        figures={"settled": "0.00", "settlement_ids": [], "monthly_deadline": None},
        not_codes=audit,
    )
    rm(
        "February 2026: settled on Saturday 2026-02-28, a make-up workday, due on Sunday 03-01 in principle, not "
        "moved; the month by 2026-03-06.",
        2026,
        2,
        [record("CS-2026-02-001", ZHUZHOU, CHANGSHA, "2026-02-20", "2026-02-28", "4321.09", number=ID_E)],
        ["art. 21"],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "next_day_deadlines.0.deadline": "2026-03-01",
            "monthly_deadline": nth_working_day_after("2026-02-28", 5),
        },
        codes=[*intra, "RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )
    rm(
        "September 2026: the month's settlements are reconciled by 2026-10-13, the make-up Saturday 10-10 counted.",
        2026,
        9,
        [record("CD-2026-09-001", YUEYANG, CHANGDE, "2026-09-01", "2026-09-29", "2222.22", number=ID_B,
                code="CP-CD-01")],
        ["art. 21"],
        outcome="ACCEPTED_IN_FULL",
        figures={
            "next_day_deadlines.0.deadline": "2026-09-30",
            "monthly_deadline": nth_working_day_after("2026-09-30", 5),
        },
        codes=intra,
        not_codes=["RECONCILIATION_NEXT_DAY_NOT_MOVED"],
    )  # fmt: skip


def _fund_flow_cases() -> None:
    def ff(
        name: str,
        rec: dict[str, Any],
        articles: list[str],
        outcome: str,
        figures: dict[str, Any],
        **more: Any,
    ) -> None:
        add("funds", name, "fund_flow", rec["ended_on"], {"record": rec}, articles, outcome=outcome,
            figures=figures, **more)  # fmt: skip

    charged = "FUNDS_CHARGED_TO_INSURED_PLACE_FUND"
    ff(
        "A 长沙 worker's stay settled in 广东 is charged to 长沙's fund: Hunan prepays, the provincial finance "
        "department transfers, then the provinces clear.",
        record("GD-2025-09-002", CHANGSHA, GUANGDONG, "2025-09-01", "2025-09-12", "8000.00", code="EX-0004"),
        ["art. 23(1)", "art. 23(2)", "art. 23(3)", "art. 24", "art. 25(1)"],
        "OUTBOUND_TRANSFER",
        {
            "scope": "CROSS_PROVINCE_OUTBOUND",
            "amount": "8000.00",
            "fund_of": CHANGSHA,
            "advancing_agency": None,
            "steps.0.kind": "PREPAYMENT",
            "steps.0.payer.role": "HUNAN",
            "steps.0.payee.place": GUANGDONG,
            "steps.1.kind": "TRANSFER",
            "steps.1.payer.role": "PROVINCIAL_FINANCE_DEPARTMENT",
            "steps.1.payee.place": GUANGDONG,
            "steps.2.kind": "CLEARING",
        },
        codes=["FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR", "FUNDS_OUTBOUND_TRANSFER", charged],
    )
    ff(
        "A 新疆 worker settled at an institution in 浏阳市: 长沙's city agency advances the money, 新疆's fund bears "
        "it, and 新疆 prepays Hunan and clears with it.",
        record("LY-2025-09-002", XINJIANG, LIUYANG, "2025-09-01", "2025-09-12", "10240.50", number=ID_C,
               code="CP-LY-01"),
        ["art. 2(3)", "art. 23(1)", "art. 23(2)", "art. 24", "art. 25(2)"],
        "INBOUND_ADVANCE",
        {
            "fund_of": XINJIANG,
            "amount": "10240.50",
            "advancing_agency": agency("CITY", CHANGSHA),
            "steps.0.kind": "PREPAYMENT",
            "steps.0.payer.place": XINJIANG,
            "steps.0.payee.role": "HUNAN",
            "steps.1.kind": "ADVANCE",
            "steps.1.payer.place": CHANGSHA,
            "steps.1.payee.place": LIUYANG,
            "steps.2.kind": "CLEARING",
        },
        codes=["FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR", "FUNDS_ADVANCED_BY_TREATMENT_AGENCY", charged],
    )  # fmt: skip
    intra_record = record(
        "YY-2025-12-002", LIUYANG, YUEYANG, "2025-12-22", "2025-12-31", "2000.50", number=ID_B
    )
    ff(
        "A 浏阳 worker settled in 岳阳 on 2025-12-31 is charged to 浏阳's fund; 岳阳's city agency advances the money.",
        intra_record,
        ["art. 25(2)"],
        "INTRA_PROVINCE_ADVANCE",
        {
            "scope": "INTRA_PROVINCE",
            "fund_of": LIUYANG,
            "amount": "2000.50",
            "advancing_agency": agency("CITY", YUEYANG),
            "steps.0.kind": "ADVANCE",
            "steps.0.payer.role": "TREATMENT_PLACE_AGENCY",
            "steps.0.payee.role": "AGREEMENT_INSTITUTION",
        },
        codes=["FUNDS_ADVANCED_BY_TREATMENT_AGENCY", charged],
        not_codes=["FUNDS_CROSS_PROVINCE_PREPAY_THEN_CLEAR"],
    )
    ff(
        "After 岳阳's agency advances for a 浏阳 worker, the two agencies confirm what is receivable and payable and "
        "clear it periodically.",
        intra_record,
        ["art. 23(2)", "art. 25(2)", "art. 27"],
        "INTRA_PROVINCE_ADVANCE",
        {"steps.0.kind": "ADVANCE", "steps.1.kind": "CLEARING", "steps.1.payer.role": "PROVINCIAL_AGENCY"},
        codes=["FUNDS_INTRA_PROVINCE_CLEARING"],
    )
    ff(
        "Care within 长沙市 is not out-of-area: chapter 4's funds rules do not apply.",
        record("LY-2025-09-003", CHANGSHA, LIUYANG, "2025-09-01", "2025-09-05", "300.00"),
        ["art. 3(1)"],
        "NOT_OUT_OF_AREA",
        {"scope": "LOCAL", "fund_of": None, "steps": []},
        codes=["FUNDS_NOT_OUT_OF_AREA"],
    )
    ff(
        "A 省本级 worker treated in 岳阳 is provincial-level recognition: chapter 4's funds rules do not apply.",
        record("YY-2025-09-002", PROVINCE_LEVEL, YUEYANG, "2025-09-01", "2025-09-05", "300.00"),
        ["art. 3(2)"],
        "NOT_OUT_OF_AREA",
        {"scope": "PROVINCIAL_RECOGNITION", "fund_of": None},
        codes=["FUNDS_NOT_OUT_OF_AREA"],
    )
    ff(
        "A 省本级 worker settled in 北京 on 2026-02-28 is charged to the 省本级 fund, transferred to 北京.",
        record(
            "BJ-2026-02-001", PROVINCE_LEVEL, BEIJING, "2026-02-14", "2026-02-28", "15000.00", code="CP-BJ-01"
        ),
        ["art. 25(1)"],
        "OUTBOUND_TRANSFER",
        {"fund_of": PROVINCE_LEVEL, "steps.1.kind": "TRANSFER", "steps.1.payee.place": BEIJING},
        codes=["FUNDS_OUTBOUND_TRANSFER", charged],
    )
    ff(
        "An intra-province settlement of 2025-07-31, before the procedure took effect, is judged on its "
        "settlement date: not under this procedure.",
        record("ZZ-2025-07-002", CHANGSHA, ZHUZHOU, "2025-07-20", "2025-07-31", "600.00"),
        ["art. 36"],
        "NOT_IN_FORCE",
        {"fund_of": None, "steps": []},
        codes=["FUNDS_JUDGED_ON_SETTLEMENT_DATE"],
    )
    ff(
        "A cross-province settlement of 2025-07-31 falls under the national procedure, not this one.",
        record("CS-2025-07-002", XINJIANG, CHANGSHA, "2025-07-21", "2025-07-31", "900.00", number=ID_C,
               code="EX-0001"),
        ["art. 36"],
        "NOT_GOVERNED",
        {"fund_of": None, "steps": []},
        codes=["FUNDS_JUDGED_ON_SETTLEMENT_DATE"],
    )  # fmt: skip
    ff(
        "A stay admitted on 2025-07-25 and settled on 2025-08-01, the procedure's first day, is governed by it, "
        "on the settlement-date reading it states.",
        record("YY-2025-08-002", CHANGSHA, YUEYANG, "2025-07-25", "2025-08-01", "2500.00"),
        ["art. 25(2)", "art. 36"],
        "INTRA_PROVINCE_ADVANCE",
        {"fund_of": CHANGSHA, "advancing_agency": agency("CITY", YUEYANG)},
        codes=["FUNDS_JUDGED_ON_SETTLEMENT_DATE"],
    )
    ff(
        "A settlement on 2027-07-31, the procedure's last day, is governed by it.",
        record("YY-2027-07-001", CHANGSHA, YUEYANG, "2027-07-20", "2027-07-31", "2500.00"),
        ["art. 25(2)", "art. 36"],
        "INTRA_PROVINCE_ADVANCE",
        {"fund_of": CHANGSHA},
    )
    ff(
        "A settlement on 2027-08-01, the day after the procedure's last day, is not under it.",
        record("YY-2027-08-001", CHANGSHA, YUEYANG, "2027-07-20", "2027-08-01", "2500.00"),
        ["art. 36"],
        "NOT_IN_FORCE",
        {"fund_of": None},
        codes=["FUNDS_JUDGED_ON_SETTLEMENT_DATE"],
    )
    ff(
        "广东 to 北京 lies wholly outside Hunan: its funds are not governed by this procedure.",
        record("BJ-2025-09-002", GUANGDONG, BEIJING, "2025-09-01", "2025-09-12", "700.00", number=ID_D,
               code="CP-BJ-01"),
        ["art. 2(1)"],
        "NOT_GOVERNED",
        {"scope": "NOT_GOVERNED", "fund_of": None},
    )  # fmt: skip


def _ledger_cases() -> None:
    def ledger_line(kind: str, amount: Any, to: str, ref: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": kind, "amount": amount, "charged_to": to}
        if ref is not None:
            data["reference"] = ref
        return data

    def lg(name: str, lines: list[dict[str, Any]], **expected: Any) -> None:
        add("funds", name, "check_ledger", "2025-10-31", {"lines": lines}, ["art. 24"], **expected)

    every = "FUNDS_FEE_RULE_FOR_EVERY_TRANSFER"
    lg(
        "A bank charge of 25.00 yuan charged to the fund among good lines is rejected: the line at position 1.",
        [
            ledger_line("PREPAYMENT", "500000.00", "FUND", "预付金 2025-09"),
            ledger_line("BANK_FEE", "25.00", "FUND"),
            ledger_line("BILL_FEE", "2.00", "OTHER"),
            ledger_line("CLEARING", "120000.00", "FUND"),
        ],
        outcome="FEES_CHARGED_TO_FUND",
        figures={"rejected": [1], "rejected_total": "25.00"},
        codes=["FUNDS_FEE_CHARGED_TO_FUND", every, "FUNDS_FEE_BEARER_NOT_SPECIFIED"],
        not_codes=["FUNDS_NO_FEE_ON_FUND"],
    )
    lg(
        "A ledger whose bank charges and bill fees are borne outside the fund is compliant.",
        [
            ledger_line("PREPAYMENT", "500000.00", "FUND"),
            ledger_line("TRANSFER", "80000.00", "FUND"),
            ledger_line("BANK_FEE", "25.00", "OTHER"),
            ledger_line("BILL_FEE", "2.00", "OTHER"),
        ],
        outcome="COMPLIANT",
        figures={"rejected": [], "rejected_total": "0.00"},
        codes=["FUNDS_NO_FEE_ON_FUND", every, "FUNDS_FEE_BEARER_NOT_SPECIFIED"],
        not_codes=["FUNDS_FEE_CHARGED_TO_FUND"],
    )
    lg(
        "Every transfer cost charged to the fund is listed, not only the first: a bank charge, a bill fee and "
        "another transfer cost, 47.50 yuan.",
        [
            ledger_line("BANK_FEE", "30.00", "FUND"),
            ledger_line("ADVANCE", "8000.00", "FUND"),
            ledger_line("BILL_FEE", "5.00", "FUND"),
            ledger_line("OTHER_TRANSFER_FEE", "12.50", "FUND", "汇划费"),
        ],
        outcome="FEES_CHARGED_TO_FUND",
        figures={"rejected": [0, 2, 3], "rejected_total": "47.50"},
        codes=["FUNDS_FEE_CHARGED_TO_FUND", every, "FUNDS_OTHER_FEE_LIKE_BANK_FEE"],
    )
    lg(
        "A bank charge on an allocation to a city account is kept off the fund too: the rule is not limited to "
        "cross-province transfers.",
        [ledger_line("ALLOCATION", "200000.00", "FUND"), ledger_line("BANK_FEE", "10.00", "FUND")],
        outcome="FEES_CHARGED_TO_FUND",
        figures={"rejected": [1], "rejected_total": "10.00"},
        codes=["FUNDS_FEE_CHARGED_TO_FUND", every],
    )
    lg(
        "A ledger with no transfer cost at all is compliant.",
        [ledger_line("SETTLEMENT", "2000.50", "FUND"), ledger_line("ADVANCE", "2000.50", "FUND")],
        outcome="COMPLIANT",
        figures={"rejected": [], "rejected_total": "0.00"},
        codes=["FUNDS_NO_FEE_ON_FUND"],
        not_codes=[every, "FUNDS_FEE_BEARER_NOT_SPECIFIED"],
    )
    lg(
        "A ledger amount written as a JSON number is rejected, not rounded.",
        [ledger_line("BANK_FEE", 25.5, "FUND")],
        error=["$.facts.lines[0].amount"],
    )


def _fund_use_plan_cases() -> None:
    def plan(
        name: str,
        city: str,
        settlements: list[dict[str, Any]],
        other: str,
        articles: list[str],
        **expected: Any,
    ) -> None:
        facts = {"city": city, "settlements": settlements, "other_benefit_spending": other}
        add("funds", name, "fund_use_plan", "2025-10-31", facts, articles, **expected)

    base = ["FUNDS_PLAN_OUT_OF_AREA_SPENDING", "FUNDS_PLAN_COMBINED_AND_LISTED", "FUNDS_PLAN_SUBMISSION"]
    plan(
        "长沙's plan lists its workers' 4500.50 yuan of out-of-area spending apart, combined with 98000.00 yuan of "
        "other benefits, and goes to the provincial agency.",
        CHANGSHA,
        [
            record("ZZ-2025-09-004", LIUYANG, ZHUZHOU, "2025-09-01", "2025-09-10", "1500.50"),
            record(
                "GD-2025-09-003", CHANGSHA, GUANGDONG, "2025-09-01", "2025-09-12", "3000.00", code="EX-0004"
            ),
        ],
        "98000.00",
        ["art. 25(1)", "art. 25(2)", "art. 26"],
        outcome="WITH_OUT_OF_AREA_SPENDING",
        figures={
            "city": CHANGSHA,
            "agency": agency("CITY", CHANGSHA),
            "submitted_to": PROVINCIAL,
            "intra_province": "1500.50",
            "cross_province": "3000.00",
            "out_of_area": "4500.50",
            "other_benefits": "98000.00",
            "total": "102500.50",
            "counted_ids": ["ZZ-2025-09-004", "GD-2025-09-003"],
            "not_counted_ids": [],
        },
        codes=[*base, "FUNDS_PLAN_PERIOD_NOT_SPECIFIED"],
    )
    plan(
        "What 长沙's agency only advanced for workers insured elsewhere, and local care, is not in 长沙's plan.",
        CHANGSHA,
        [
            record("CS-2025-09-002", YUEYANG, CHANGSHA, "2025-09-01", "2025-09-10", "2000.00", number=ID_B),
            record("CS-2025-09-003", XINJIANG, CHANGSHA, "2025-09-01", "2025-09-12", "10240.50", number=ID_C,
                   code="EX-0001"),
            record("LY-2025-09-004", CHANGSHA, LIUYANG, "2025-09-03", "2025-09-04", "300.00"),
        ],
        "50000",
        ["art. 3(1)", "art. 25(2)", "art. 26"],
        outcome="NO_OUT_OF_AREA_SPENDING",
        figures={
            "out_of_area": "0.00",
            "total": "50000.00",
            "counted_ids": [],
            "not_counted_ids": ["CS-2025-09-002", "CS-2025-09-003", "LY-2025-09-004"],
        },
        codes=[*base, "FUNDS_PLAN_INSURED_ELSEWHERE", "FUNDS_PLAN_NOT_OUT_OF_AREA"],
    )  # fmt: skip
    plan(
        "A settlement of 2025-07-31, before the procedure took effect, is not planned under it; one of 2025-08-01 "
        "is.",
        CHANGSHA,
        [
            record("YY-2025-07-001", CHANGSHA, YUEYANG, "2025-07-20", "2025-07-31", "700.00"),
            record("YY-2025-08-003", CHANGSHA, YUEYANG, "2025-07-28", "2025-08-01", "800.00"),
        ],
        "1000.00",
        ["art. 26", "art. 36"],
        outcome="WITH_OUT_OF_AREA_SPENDING",
        figures={"out_of_area": "800.00", "total": "1800.00", "counted_ids": ["YY-2025-08-003"]},
        codes=[*base, "FUNDS_PLAN_NOT_IN_FORCE"],
    )
    plan(
        "A plan with no settlement is the other benefit spending alone.",
        YUEYANG,
        [],
        "12345.67",
        ["art. 26"],
        outcome="NO_OUT_OF_AREA_SPENDING",
        figures={"agency": agency("CITY", YUEYANG), "out_of_area": "0.00", "total": "12345.67"},
        codes=base,
    )
    plan(
        "Article 26's plans are the city agencies': 浏阳市, a county, is rejected as the city.",
        LIUYANG,
        [],
        "1000.00",
        ["art. 26"],
        error=["$.facts.city"],
    )


def _suspension_cases() -> None:
    def susp(
        suspended_on: str, lifted_on: str | None = None, by: str | None = YUEYANG, number: str = ID_A
    ) -> dict[str, Any]:
        data: dict[str, Any] = {"identity_number": number, "suspended_on": suspended_on}
        if lifted_on is not None:
            data["lifted_on"] = lifted_on
        if by is not None:
            data["suspended_by"] = by
        return data

    def ss(name: str, today: str, suspensions: list[dict[str, Any]], **expected: Any) -> None:
        facts = {"identity_number": ID_A, "suspensions": suspensions}
        add("supervision", name, "suspension_status", today, facts, ["art. 30(1)"], **expected)

    suspended = [
        "SUPERVISION_SUSPENDED",
        "SUPERVISION_SUSPENSION_EVERYWHERE",
        "SUPERVISION_REPORTED_TO_PROVINCE",
        "SUPERVISION_BILL_CHECKS",
    ]
    ss(
        "A worker whose direct settlement 岳阳's agency suspended on 2025-10-09 cannot settle directly that day.",
        "2025-10-09",
        [susp("2025-10-09")],
        outcome="SUSPENDED",
        figures={
            "on": "2025-10-09",
            "in_force": [{"suspended_on": "2025-10-09", "lifted_on": None, "suspended_by": YUEYANG}],
        },
        codes=suspended,
    )
    ss(
        "On 2025-11-02, the day before the suspension is lifted, direct settlement is still suspended.",
        "2025-11-02",
        [susp("2025-10-09", "2025-11-03")],
        outcome="SUSPENDED",
        figures={"in_force.0.lifted_on": "2025-11-03"},
        codes=suspended,
    )
    ss(
        "On 2025-11-03, the day the suspension is lifted, direct settlement is possible again.",
        "2025-11-03",
        [susp("2025-10-09", "2025-11-03")],
        outcome="NOT_SUSPENDED",
        figures={"on": "2025-11-03", "in_force": []},
        codes=["SUPERVISION_NOT_SUSPENDED", "SUPERVISION_SUSPENSION_LIFTED"],
        not_codes=suspended,
    )
    ss(
        "On 2025-10-08, the day before the suspension begins, direct settlement is not yet suspended.",
        "2025-10-08",
        [susp("2025-10-09")],
        outcome="NOT_SUSPENDED",
        figures={"in_force": []},
        codes=["SUPERVISION_NOT_SUSPENDED", "SUPERVISION_SUSPENSION_NOT_YET"],
    )
    ss(
        "Another worker's suspension does not suspend this worker.",
        "2025-10-09",
        [susp("2025-10-09", number=ID_B)],
        outcome="NOT_SUSPENDED",
        figures={"in_force": []},
        codes=["SUPERVISION_NOT_SUSPENDED"],
        not_codes=["SUPERVISION_SUSPENDED", "SUPERVISION_SUSPENSION_NOT_YET"],
    )
    ss(
        "Suspended again after a lift: the second suspension, from 2026-02-28 by 常德's agency, applies on "
        "2026-03-01.",
        "2026-03-01",
        [susp("2025-10-09", "2025-11-03"), susp("2026-02-28", by=CHANGDE)],
        outcome="SUSPENDED",
        figures={"in_force": [{"suspended_on": "2026-02-28", "lifted_on": None, "suspended_by": CHANGDE}]},
        codes=[*suspended, "SUPERVISION_SUSPENSION_LIFTED"],
    )
    ss(
        "A suspension whose suspending agency is not known still suspends the worker.",
        "2025-12-31",
        [susp("2025-12-01", by=None)],
        outcome="SUSPENDED",
        figures={"in_force.0.suspended_by": None},
        codes=suspended,
    )
    ss(
        "A suspension lifted on the day it began never applies.",
        "2025-10-09",
        [susp("2025-10-09", "2025-10-09")],
        outcome="NOT_SUSPENDED",
        figures={"in_force": []},
        codes=["SUPERVISION_SUSPENSION_LIFTED"],
    )
    ss(
        "With no suspension on record, direct settlement is not suspended.",
        "2025-10-09",
        [],
        outcome="NOT_SUSPENDED",
        figures={"in_force": []},
        codes=["SUPERVISION_NOT_SUSPENDED"],
    )
    ss(
        "A suspension lifted before it began is rejected.",
        "2025-10-09",
        [susp("2025-10-09", "2025-10-08")],
        error=["$.facts.suspensions[0].lifted_on"],
    )
    ss(
        "A suspension by an agency outside Hunan is rejected: article 30 is the Hunan treatment place's agency's.",
        "2025-10-09",
        [susp("2025-10-09", by=GUANGDONG)],
        error=["$.facts.suspensions[0].suspended_by"],
    )


def _recovery_cases() -> None:
    def rc(
        name: str, cause: str, insured: str, treatment: str, articles: list[str], outcome: str, **more: Any
    ) -> None:
        facts = {"cause": cause, "insured": insured, "treatment": treatment}
        add("supervision", name, "recovery_responsibility", "2025-10-15", facts, articles, outcome=outcome,
            **more)  # fmt: skip

    rc(
        "A 浏阳 worker who lost entitlement while treated in 岳阳: 浏阳's county agency leads the recovery, 岳阳's "
        "agency assists.",
        "LOSS_OF_ENTITLEMENT",
        LIUYANG,
        YUEYANG,
        ["art. 31"],
        "INSURED_PLACE_LEADS",
        figures={"lead": agency("COUNTY", LIUYANG), "assisting": agency("CITY", YUEYANG)},
        codes=["RECOVERY_INSURED_PLACE_LEADS"],
    )
    rc(
        "Suspicious data from a 岳阳 institution's conduct: 岳阳's agency leads the check, 长沙's assists.",
        "INSTITUTION_CONDUCT",
        CHANGSHA,
        YUEYANG,
        ["art. 31"],
        "TREATMENT_PLACE_LEADS",
        figures={"lead": agency("CITY", YUEYANG), "assisting": agency("CITY", CHANGSHA)},
        codes=["RECOVERY_TREATMENT_PLACE_LEADS"],
    )
    rc(
        "An institution in 湘乡市 is in 湘潭市: 湘潭's city agency leads the recovery for its conduct.",
        "INSTITUTION_CONDUCT",
        CHANGSHA,
        XIANGXIANG,
        ["art. 2(3)", "art. 31"],
        "TREATMENT_PLACE_LEADS",
        figures={"lead": agency("CITY", XIANGTAN), "assisting": agency("CITY", CHANGSHA)},
    )
    rc(
        "Article 31 divides intra-province work only: for a 长沙 worker treated in 广东 it assigns nothing.",
        "LOSS_OF_ENTITLEMENT",
        CHANGSHA,
        GUANGDONG,
        ["art. 31", "art. 36"],
        "NOT_ASSIGNED_HERE",
        figures={"lead": None, "assisting": None},
        codes=["RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED"],
    )
    rc(
        "For a 新疆 worker treated in 长沙, article 31 assigns nothing either: the national procedure governs.",
        "INSTITUTION_CONDUCT",
        XINJIANG,
        CHANGSHA,
        ["art. 31", "art. 36"],
        "NOT_ASSIGNED_HERE",
        figures={"lead": None},
        codes=["RECOVERY_CROSS_PROVINCE_NOT_ASSIGNED"],
    )
    rc(
        "Care within 长沙市 is not out-of-area: article 31's division does not apply.",
        "LOSS_OF_ENTITLEMENT",
        CHANGSHA,
        LIUYANG,
        ["art. 3(1)", "art. 31"],
        "NOT_OUT_OF_AREA",
        codes=["RECOVERY_NOT_OUT_OF_AREA"],
    )
    rc(
        "A 省本级 worker treated in 岳阳 is provincial-level recognition: article 31's division does not apply.",
        "INSTITUTION_CONDUCT",
        PROVINCE_LEVEL,
        YUEYANG,
        ["art. 3(2)", "art. 31"],
        "NOT_OUT_OF_AREA",
        codes=["RECOVERY_NOT_OUT_OF_AREA"],
    )
    rc(
        "A check or recovery for 广东 to 北京 is not governed by this procedure.",
        "LOSS_OF_ENTITLEMENT",
        GUANGDONG,
        BEIJING,
        ["art. 2(1)"],
        "NOT_GOVERNED",
    )


def _audit_cases() -> None:
    def au(
        name: str,
        records: list[dict[str, Any]],
        thresholds: dict[str, Any],
        filings: list[dict[str, Any]] | None = None,
        **expected: Any,
    ) -> None:
        facts: dict[str, Any] = {"records": records, "thresholds": thresholds}
        if filings is not None:
            facts["filings"] = filings
        add("supervision", name, "audit_flags", "2025-12-01", facts, ["art. 32"], **expected)

    def period(treatment: str, start: str, through: str, number: str = ID_A) -> dict[str, Any]:
        return {
            "identity_number": number,
            "treatment": treatment,
            "valid_from": start,
            "valid_through": through,
        }

    large = {"large_amount": "50000"}
    au(
        "At the large-amount threshold of 50000 yuan exactly a settlement is flagged; one fen below, another is "
        "not.",
        [
            record("L-1", CHANGSHA, YUEYANG, "2025-09-01", "2025-09-20", "50000.00"),
            record("L-2", CHANGSHA, ZHUZHOU, "2025-09-01", "2025-09-21", "49999.99"),
        ],
        large,
        outcome="FLAGGED",
        figures={"flags": [{"rule": "LARGE_AMOUNT", "settlement_ids": ["L-1"]}], "flagged_ids": ["L-1"]},
        codes=["AUDIT_FOCUS", "AUDIT_LARGE_AMOUNT", "AUDIT_RULE_NOT_RUN"],
    )
    au(
        "A bill at the large-amount threshold flags the row even when the fund's share is below it.",
        [record("L-3", CHANGSHA, YUEYANG, "2025-09-01", "2025-09-20", "45000.00", bill="60000.00")],
        large,
        outcome="FLAGGED",
        figures={"flagged_ids": ["L-3"]},
        codes=["AUDIT_LARGE_AMOUNT"],
    )
    au(
        "A large amount within 长沙市 is local care, not a joint-audit row: 80000 yuan there is not flagged.",
        [record("L-4", CHANGSHA, LIUYANG, "2025-09-01", "2025-09-20", "80000.00")],
        large,
        outcome="NOTHING_FLAGGED",
        figures={"flags": [], "flagged_ids": []},
        codes=["AUDIT_OUT_OF_AREA_ROWS_ONLY"],
        not_codes=["AUDIT_LARGE_AMOUNT"],
    )
    frequent = {"frequency_count": 3, "frequency_window_days": 30}
    au(
        "Three settlements from 2025-09-01 to 2025-09-30, within 30 consecutive days, are high frequency.",
        [
            record("F-1", CHANGSHA, YUEYANG, "2025-09-01", "2025-09-01", "300.00"),
            record("F-2", CHANGSHA, YUEYANG, "2025-09-15", "2025-09-15", "300.00"),
            record("F-3", CHANGSHA, ZHUZHOU, "2025-09-30", "2025-09-30", "300.00"),
        ],
        frequent,
        outcome="FLAGGED",
        figures={"flags": [{"rule": "HIGH_FREQUENCY", "settlement_ids": ["F-1", "F-2", "F-3"]}]},
        codes=["AUDIT_HIGH_FREQUENCY"],
    )
    au(
        "A third settlement on 2025-10-01 is day 31 from 2025-09-01: outside a 30-day window, not high frequency.",
        [
            record("F-4", CHANGSHA, YUEYANG, "2025-09-01", "2025-09-01", "300.00"),
            record("F-5", CHANGSHA, YUEYANG, "2025-09-15", "2025-09-15", "300.00"),
            record("F-6", CHANGSHA, ZHUZHOU, "2025-10-01", "2025-10-01", "300.00"),
        ],
        frequent,
        outcome="NOTHING_FLAGGED",
        figures={"flags": []},
        not_codes=["AUDIT_HIGH_FREQUENCY"],
    )
    au(
        "Three settlements within 30 days by two workers are high frequency for neither.",
        [
            record("F-7", CHANGSHA, YUEYANG, "2025-09-01", "2025-09-01", "300.00"),
            record("F-8", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-02", "300.00", number=ID_B),
            record("F-9", CHANGSHA, YUEYANG, "2025-09-03", "2025-09-03", "300.00"),
        ],
        frequent,
        outcome="NOTHING_FLAGGED",
        not_codes=["AUDIT_HIGH_FREQUENCY"],
    )
    filed = [period(YUEYANG, "2025-08-01", "2025-10-31")]
    au(
        "Filed for 岳阳 (valid 2025-08-01 to 2025-10-31), a 长沙 worker also settled in 长沙 on 2025-10-31, the last "
        "valid day: spending at both places.",
        [
            record("D-1", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-05", "3000.00"),
            record("D-2", CHANGSHA, FURONG, "2025-10-31", "2025-10-31", "200.00"),
        ],
        {},
        filed,
        outcome="FLAGGED",
        figures={"flags": [{"rule": "DUAL_PLACE_SPENDING", "settlement_ids": ["D-1", "D-2"]}]},
        codes=["AUDIT_DUAL_PLACE_SPENDING", "AUDIT_OUT_OF_AREA_ROWS_ONLY"],
    )
    au(
        "Spending in 长沙 from 2025-11-01, the day after the filing's last valid day, is not dual-place spending.",
        [
            record("D-3", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-05", "3000.00"),
            record("D-4", CHANGSHA, FURONG, "2025-11-01", "2025-11-01", "200.00"),
        ],
        {},
        filed,
        outcome="NOTHING_FLAGGED",
        not_codes=["AUDIT_DUAL_PLACE_SPENDING"],
    )
    au(
        "A stay in 长沙 admitted on 2025-10-31 and discharged on 2025-11-03 overlaps the filing's validity: "
        "dual-place spending.",
        [
            record("D-5", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-05", "3000.00"),
            record("D-6", CHANGSHA, FURONG, "2025-10-31", "2025-11-03", "2000.00"),
        ],
        {},
        filed,
        outcome="FLAGGED",
        figures={"flagged_ids": ["D-5", "D-6"]},
        codes=["AUDIT_DUAL_PLACE_SPENDING"],
    )
    au(
        "One batch with all three focus points gives them in the article's order: large amount, high frequency, "
        "dual-place spending.",
        [
            record("X-1", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-02", "60000.00"),
            record("X-2", CHANGSHA, YUEYANG, "2025-09-10", "2025-09-10", "500.00"),
            record("X-3", CHANGSHA, CHANGSHA, "2025-09-20", "2025-09-20", "300.00"),
        ],
        {"large_amount": "50000.00", "frequency_count": 2, "frequency_window_days": 10},
        filed,
        outcome="FLAGGED",
        figures={
            "flags": [
                {"rule": "LARGE_AMOUNT", "settlement_ids": ["X-1"]},
                {"rule": "HIGH_FREQUENCY", "settlement_ids": ["X-1", "X-2"]},
                {"rule": "DUAL_PLACE_SPENDING", "settlement_ids": ["X-1", "X-2", "X-3"]},
            ],
            "flagged_ids": ["X-1", "X-2", "X-3"],
        },
        codes=["AUDIT_LARGE_AMOUNT", "AUDIT_HIGH_FREQUENCY", "AUDIT_DUAL_PLACE_SPENDING"],
        not_codes=["AUDIT_RULE_NOT_RUN"],
    )
    au(
        "With no threshold and no filing, the procedure sets none: nothing is checked, nothing is flagged.",
        [record("N-1", CHANGSHA, YUEYANG, "2025-09-02", "2025-09-02", "90000.00")],
        {},
        outcome="NOTHING_FLAGGED",
        figures={"flags": [], "flagged_ids": []},
        codes=["AUDIT_FOCUS", "AUDIT_RULE_NOT_RUN"],
    )
    au(
        "A frequency count without a window is rejected: give both or neither.",
        [],
        {"frequency_count": 3},
        error=["$.facts.thresholds.frequency_window_days"],
    )
    au(
        "A large-amount threshold of 0 is rejected: a threshold is more than 0.",
        [],
        {"large_amount": "0"},
        error=["$.facts.thresholds.large_amount"],
    )


def _agency_cases() -> None:
    def ag(
        name: str, task: str, insured: str, treatment: str, articles: list[str], outcome: str, **more: Any
    ) -> None:
        facts = {"task": task, "insured": insured, "treatment": treatment}
        add("agencies", name, "responsible_agency", "2025-09-30", facts, articles, outcome=outcome, **more)

    hunan = "HUNAN_AGENCY"
    ag(
        "A worker insured in 浏阳市, a county, files with 浏阳's county agency.",
        "FILING",
        LIUYANG,
        YUEYANG,
        ["art. 7(4)", "art. 8"],
        hunan,
        figures={"task": "FILING", "agencies": [agency("COUNTY", LIUYANG)], "other_province": None},
    )
    ag(
        "A worker insured in 长沙市 files with 长沙's city agency.",
        "FILING",
        CHANGSHA,
        YUEYANG,
        ["art. 7(3)", "art. 8"],
        hunan,
        figures={"agencies": [agency("CITY", CHANGSHA)]},
    )
    ag(
        "A 省本级 worker going to 广东 files with the provincial agency.",
        "FILING",
        PROVINCE_LEVEL,
        GUANGDONG,
        ["art. 7(2)", "art. 8"],
        hunan,
        figures={"agencies": [PROVINCIAL]},
    )
    ag(
        "A worker insured in 新疆 and treated in 长沙 files with 新疆, not with a Hunan agency.",
        "FILING",
        XINJIANG,
        CHANGSHA,
        ["art. 2(1)", "art. 8"],
        "OTHER_PROVINCE",
        figures={"agencies": [], "other_province": XINJIANG},
    )
    ag(
        "A 浏阳 worker's costs in 岳阳 are reconciled by 岳阳's city agency, then with 浏阳's county agency.",
        "RECONCILIATION",
        LIUYANG,
        YUEYANG,
        ["art. 7(4)", "art. 21"],
        hunan,
        figures={"agencies": [agency("CITY", YUEYANG), agency("COUNTY", LIUYANG)]},
        codes=["AGENCY_RECONCILIATION_INTRA_PROVINCE", "AGENCY_RECONCILIATION_BY_COUNTY"],
    )
    ag(
        "For an institution in 湘乡市, a county of 湘潭市, 湘潭's city agency reconciles on the treatment side.",
        "RECONCILIATION",
        CHANGSHA,
        XIANGXIANG,
        ["art. 2(3)", "art. 7(4)", "art. 21"],
        hunan,
        figures={"agencies": [agency("CITY", XIANGTAN), agency("CITY", CHANGSHA)]},
        codes=["AGENCY_RECONCILIATION_TREATMENT_SIDE_IS_CITY"],
        not_codes=["AGENCY_RECONCILIATION_BY_COUNTY"],
    )
    ag(
        "A 新疆 worker's costs in 长沙 are reconciled by 长沙's agency; with 新疆 under the national procedure.",
        "RECONCILIATION",
        XINJIANG,
        CHANGSHA,
        ["art. 20(1)", "art. 23(3)", "art. 24"],
        hunan,
        figures={"agencies": [agency("CITY", CHANGSHA)]},
        codes=["AGENCY_RECONCILIATION_INBOUND"],
    )
    ag(
        "A 新疆 worker's costs at an institution in 浏阳市 are audited and settled by 长沙's city agency.",
        "COST_AUDIT_AND_SETTLEMENT",
        XINJIANG,
        LIUYANG,
        ["art. 2(3)", "art. 7(3)", "art. 20(1)", "art. 25(2)"],
        hunan,
        figures={"agencies": [agency("CITY", CHANGSHA)]},
        codes=["AGENCY_COST_AUDIT_BY_TREATMENT_CITY", "AGENCY_TREATMENT_PLACE_IS_CITY"],
    )
    ag(
        "岳阳's city agency manages the agreement institutions a 长沙 worker uses there.",
        "INSTITUTION_MANAGEMENT",
        CHANGSHA,
        YUEYANG,
        ["art. 7(3)", "art. 14(1)", "art. 14(2)"],
        hunan,
        figures={"agencies": [agency("CITY", YUEYANG)]},
        codes=["AGENCY_INSTITUTION_MANAGEMENT_BY_CITY"],
    )
    ag(
        "岳阳's city agency suspends a 长沙 worker's direct settlement for serious violations there.",
        "SUSPENSION",
        CHANGSHA,
        YUEYANG,
        ["art. 30(1)"],
        hunan,
        figures={"agencies": [agency("CITY", YUEYANG)]},
        codes=["AGENCY_SUSPENSION_BY_TREATMENT_CITY"],
    )
    ag(
        "The provincial agency clears the funds of a 长沙 worker's care in 广东, prepaid and cleared with 广东.",
        "FUND_CLEARING",
        CHANGSHA,
        GUANGDONG,
        ["art. 7(2)", "art. 24", "art. 27"],
        hunan,
        figures={"agencies": [PROVINCIAL]},
        codes=["AGENCY_PROVINCIAL_FUND_CLEARING", "AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR"],
    )
    ag(
        "The provincial agency clears the funds of intra-province care too, with no prepayment.",
        "FUND_CLEARING",
        CHANGSHA,
        YUEYANG,
        ["art. 7(2)", "art. 27"],
        hunan,
        figures={"agencies": [PROVINCIAL]},
        codes=["AGENCY_PROVINCIAL_FUND_CLEARING"],
        not_codes=["AGENCY_CROSS_PROVINCE_PREPAY_AND_CLEAR"],
    )
    ag(
        "Guidance on case handling and IT are the provincial agency's.",
        "IT_AND_GUIDANCE",
        CHANGSHA,
        YUEYANG,
        ["art. 7(2)"],
        hunan,
        figures={"agencies": [PROVINCIAL]},
        codes=["AGENCY_PROVINCIAL_IT_AND_GUIDANCE"],
    )
    ag(
        "Joint audits and disputes over cost audits are the provincial agency's.",
        "JOINT_AUDIT_AND_DISPUTES",
        LIUYANG,
        YUEYANG,
        ["art. 32"],
        hunan,
        figures={"agencies": [PROVINCIAL]},
        codes=["AGENCY_JOINT_AUDIT_BY_PROVINCE"],
    )
    ag(
        "A 长沙 worker's costs in 广东 are audited by 广东's agency: this procedure does not assign it.",
        "COST_AUDIT_AND_SETTLEMENT",
        CHANGSHA,
        GUANGDONG,
        ["art. 2(1)", "art. 36"],
        "OTHER_PROVINCE",
        figures={"agencies": [], "other_province": GUANGDONG},
        codes=["AGENCY_DONE_IN_OTHER_PROVINCE"],
    )
    ag(
        "Care within 长沙市 needs no out-of-area agency: article 7's division does not apply.",
        "FILING",
        CHANGSHA,
        LIUYANG,
        ["art. 3(1)"],
        "NOT_OUT_OF_AREA",
        figures={"agencies": []},
        codes=["AGENCY_NOT_OUT_OF_AREA"],
    )
    ag(
        "A 省本级 worker treated in 岳阳 is provincial-level recognition: article 7's division does not apply.",
        "SUSPENSION",
        PROVINCE_LEVEL,
        YUEYANG,
        ["art. 3(2)"],
        "NOT_OUT_OF_AREA",
        codes=["AGENCY_NOT_OUT_OF_AREA"],
    )
    ag(
        "Reconciling 广东 to 北京 is no Hunan agency's task: not governed by this procedure.",
        "RECONCILIATION",
        GUANGDONG,
        BEIJING,
        ["art. 2(1)"],
        "NOT_GOVERNED",
        figures={"agencies": []},
    )
    add(
        "agencies",
        "A task article 7 does not name is rejected.",
        "responsible_agency",
        "2025-09-30",
        {"task": "AUDIT", "insured": CHANGSHA, "treatment": YUEYANG},
        ["art. 7"],
        error=["$.facts.task"],
    )


# --- the boundaries of chapters 2 and 3, expanded from compact specifications (issue 15) ------------------------
#
# Each row is what the text says at a boundary: the last valid day of a filing and the day after (art. 13(1), with
# 民法典 201/202 counted here by hand below), an admission against a visit, a course and a fitting (art. 13(2) is for
# an admission only), intra- against cross-province (art. 5, 17(2)), and filings made before 2025-08-01 or after
# 2027-07-31 (art. 36).


def months_later(day: str, n: int) -> str:
    """The last day of a period of ``n`` months from ``day`` (民法典 201, 202), counted here, not by the library."""
    d = dt.date.fromisoformat(day)
    year, month0 = divmod(d.month - 1 + n, 12)
    year, month = d.year + year, month0 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last)).isoformat()


def plus(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


WHEELCHAIR = [{"name": "轮椅", "minimum_service_years": 3, "maximum_payment": "1800.00"}]
MONTHS = {"REFERRAL": 3, "RESIDENT_WORK": 6, "LONG_TERM_RESIDENCE": 6}


def _boundary_cases() -> None:
    a13 = ["art. 13(1)", "art. 13(2)"]
    # Filing validity at the procedure's own boundaries (art. 36) and at month ends (art. 13(1)).
    for filed, category in [
        ("2025-08-01", "REFERRAL"),
        ("2025-08-31", "REFERRAL"),
        ("2025-08-31", "RESIDENT_WORK"),
        ("2025-11-30", "REFERRAL"),
        ("2026-01-31", "LONG_TERM_RESIDENCE"),
        ("2026-08-31", "RESIDENT_WORK"),
        ("2027-07-31", "REFERRAL"),
    ]:
        through = months_later(filed, MONTHS[category])
        add(
            "filing",
            f"A {category} filing of {filed} is valid through {through} (art. 13(1), 民法典 201 and 202).",
            "filing_validity",
            filed,
            {"filing": filing(CHANGSHA, YUEYANG, category, "MEDICAL", filed)},
            ["art. 13(1)"],
            outcome="COMPUTED",
            figures={"valid_from": filed, "valid_through": through},
            codes=["FILING_VALIDITY_COMPUTED"],
        )
    for filed, treatment, outcome, code in [
        ("2025-07-31", YUEYANG, "NOT_IN_FORCE", "FILING_BEFORE_PROCEDURE"),
        ("2027-08-01", YUEYANG, "EXPIRED", "FILING_AFTER_PROCEDURE"),
        ("2025-07-31", BEIJING, "NATIONAL_PROCEDURE", "FILING_UNDER_NATIONAL_PROCEDURE"),
        ("2025-04-01", BEIJING, "NATIONAL_PROCEDURE", "FILING_UNDER_NATIONAL_PROCEDURE"),
        ("2025-03-31", BEIJING, "NOT_IN_FORCE", "FILING_BEFORE_PROCEDURE"),
        ("2027-08-01", BEIJING, "NATIONAL_PROCEDURE", "FILING_UNDER_NATIONAL_PROCEDURE"),
    ]:
        where = "intra-province" if treatment == YUEYANG else "cross-province"
        add(
            "filing",
            f"A filing made on {filed}, {where}, gets no article-13 period: {outcome} (art. 36).",
            "filing_validity",
            filed,
            {"filing": filing(CHANGSHA, treatment, "REFERRAL", "MEDICAL", filed)},
            ["art. 13(1)", "art. 36"],
            outcome=outcome,
            figures={"valid_from": None, "valid_through": None},
            codes=[code],
            not_codes=["FILING_VALIDITY_COMPUTED"],
        )

    # Coverage at the last valid day and the day after, for each kind of care (art. 13(2) is for an admission).
    for filed, category in [
        ("2025-08-31", "REFERRAL"),
        ("2025-08-31", "RESIDENT_WORK"),
        ("2026-05-31", "REFERRAL"),
    ]:
        last = months_later(filed, MONTHS[category])
        after = plus(last, 1)
        for label, treatment, code, where in [
            ("intra-province", YUEYANG, "CP-YY-01", YUEYANGLOU),
            ("cross-province", BEIJING, "CP-BJ-01", BEIJING),
        ]:
            medical = filing(CHANGSHA, treatment, category, "MEDICAL", filed)
            device = filing(CHANGSHA, treatment, category, "ASSISTIVE_DEVICE", filed, devices=WHEELCHAIR)
            base = {"insured": CHANGSHA, "institution_code": code, "institution_place": where}
            rows = [
                ("an admission on the last valid day, discharged 5 days later", medical, "MEDICAL", "INPATIENT",
                 last, plus(last, 5), "COVERED", ["COVERAGE_STAY_RUNS_PAST_VALIDITY"], []),
                ("an admission on the day after the last valid day", medical, "MEDICAL", "INPATIENT",
                 after, None, "NOT_COVERED", ["COVERAGE_AFTER_VALIDITY"], []),
                ("an outpatient visit on the last valid day", medical, "MEDICAL", "OUTPATIENT",
                 last, last, "COVERED", ["COVERAGE_WITHIN_VALIDITY"], ["COVERAGE_SERVICE_AFTER_VALIDITY"]),
                ("an outpatient course begun on the last valid day and settled the day after", medical, "MEDICAL",
                 "OUTPATIENT", last, after, "NOT_COVERED", ["COVERAGE_SERVICE_AFTER_VALIDITY"],
                 ["COVERAGE_STAY_RUNS_PAST_VALIDITY"]),
                ("a device fitting on the last valid day", device, "ASSISTIVE_DEVICE", "DEVICE_FITTING",
                 last, last, "COVERED", ["COVERAGE_WITHIN_VALIDITY"], []),
                ("a device fitting begun on the last valid day and settled the day after", device,
                 "ASSISTIVE_DEVICE", "DEVICE_FITTING", last, after, "NOT_COVERED",
                 ["COVERAGE_SERVICE_AFTER_VALIDITY"], ["COVERAGE_STAY_RUNS_PAST_VALIDITY"]),
            ]  # fmt: skip
            for what, filed_facts, service, care, admitted, settled, outcome, codes, not_codes in rows:
                facts: dict[str, Any] = {
                    **base,
                    "filing": filed_facts,
                    "service": service,
                    "admitted_on": admitted,
                    "care": care,
                }
                if settled is not None:
                    facts["settled_on"] = settled
                add(
                    "coverage",
                    f"A {label} {category} filing of {filed} (valid through {last}): {what}.",
                    "filing_coverage",
                    settled or admitted,
                    facts,
                    a13,
                    outcome=outcome,
                    codes=codes,
                    not_codes=not_codes,
                    figures={"valid_from": filed, "valid_through": last},
                )

    # The same boundaries in the settlement decision: who pays (art. 5, 13(2), 17(2), 19).
    referral = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-08-31")  # valid through 2025-11-30
    for what, care, started, settled, outcome, fund, codes in [
        ("an inpatient stay admitted on the last valid day and settled after it", "INPATIENT", "2025-11-30",
         "2025-12-04", "DIRECT", "2000.50", ["COVERAGE_STAY_RUNS_PAST_VALIDITY"]),
        ("an outpatient course settled the day after the last valid day", "OUTPATIENT", "2025-11-28",
         "2025-12-01", "NOT_PAYABLE_DIRECTLY", "0.00", ["COVERAGE_SERVICE_AFTER_VALIDITY"]),
        ("an outpatient visit on the last valid day", "OUTPATIENT", "2025-11-30", "2025-11-30", "DIRECT",
         "2000.50", ["COVERAGE_WITHIN_VALIDITY"]),
    ]:  # fmt: skip
        add(
            "settlement",
            f"A 长沙 referral to 株洲 valid through 2025-11-30: {what}.",
            "settlement",
            settled,
            settle(episode(CHANGSHA, referral, "EX-0002", started, care=care, settled_on=settled)),
            ["art. 13(1)", "art. 13(2)", "art. 18"],
            outcome=outcome,
            figures={"fund_share": fund},
            codes=codes,
        )
    beijing = filing(CHANGSHA, BEIJING, "REFERRAL", "MEDICAL", "2025-09-01")
    add(
        "settlement",
        "A cross-province outpatient visit is not settled directly, and art. 17(2) names no catalog for it.",
        "settlement",
        "2025-09-10",
        settle(episode(CHANGSHA, beijing, "CP-BJ-01", "2025-09-10", care="OUTPATIENT"), INLINE),
        ["art. 5", "art. 17(2)"],
        outcome="NOT_PAYABLE_DIRECTLY",
        # Not settled directly: art. 17's catalogs of directly settled costs are not named at all.
        figures={"fund_share": "0.00", "catalogs": []},
        codes=["SETTLEMENT_CROSS_PROVINCE_OUTPATIENT", "SETTLEMENT_NOT_PAYABLE_NOT_SPECIFIED"],
    )
    add(
        "settlement",
        "A cross-province emergency back-filing is the national procedure's: no shares, no catalogs, no allowance.",
        "settlement",
        "2025-09-20",
        settle(
            episode(
                CHANGSHA,
                filing(CHANGSHA, BEIJING, "REFERRAL", "MEDICAL", "2025-09-12"),
                "CP-BJ-01",
                "2025-09-10",
                settled_on="2025-09-20",
                emergency_marked=True,
                lines=[*BILL, line("MEAL_ALLOWANCE", "100.00")],
            ),
            INLINE,
        ),
        ["art. 12(2)", "art. 36"],
        outcome="NOT_GOVERNED",
        figures={"fund_share": None, "worker_share": None, "catalogs": [], "meal_allowance": None},
        codes=["COVERAGE_NATIONAL_PROCEDURE_FILING"],
    )
    add(
        "settlement",
        "Third-party liability and a network failure: not payable directly, and art. 22's manual route not promised.",
        "settlement",
        "2025-09-10",
        settle(
            episode(
                CHANGSHA,
                referral,
                "EX-0002",
                "2025-09-10",
                third_party_liability=True,
                network_available=False,
            )
        ),
        ["art. 5", "art. 22"],
        outcome="NOT_PAYABLE_DIRECTLY",
        codes=["SETTLEMENT_THIRD_PARTY_LIABILITY", "SETTLEMENT_NETWORK_UNAVAILABLE_NOTED"],
        not_codes=["SETTLEMENT_NETWORK_UNAVAILABLE", "SETTLEMENT_MANUAL_DUPLICATE_CHECK"],
    )


# --- a change of law: the numbers as dated versions (issue 10) ---------------------------------------------------


def _change_of_law_cases() -> None:
    """Article 13 ¶1's referral validity becomes 6 months from 2026-01-01 (a hypothetical amendment): one dated
    version. A filing keeps the validity of the law on its filing date; a settlement reads the filing so."""
    import attrs

    from gongshang_rules import DEFAULT_PARAMETERS, ParameterSchedule

    amended = attrs.evolve(
        DEFAULT_PARAMETERS,
        effective_from=dt.date(2026, 1, 1),
        referral_validity_months=6,
        source="假设：转诊转院备案有效期自2026年1月1日起改为6个月 (a hypothetical amendment, for the corpus)",
    )
    schedule = jsonio.unstructure(ParameterSchedule(versions=(DEFAULT_PARAMETERS, amended)))
    before = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2025-12-15")
    after = filing(CHANGSHA, ZHUZHOU, "REFERRAL", "MEDICAL", "2026-01-15")
    add(
        "change_of_law",
        "Under a 6-month referral validity from 2026-01-01, a referral filed on 2025-12-15 keeps its 3 months: "
        "valid through 2026-03-15.",
        "filing_validity",
        "2025-12-15",
        {"filing": before},
        ["art. 13(1)"],
        parameters=schedule,
        outcome="COMPUTED",
        figures={"valid_from": "2025-12-15", "valid_through": "2026-03-15"},
        codes=["FILING_VALIDITY_COMPUTED"],
        not_codes=["PARAMETERS_VERSION_USED"],
    )
    add(
        "change_of_law",
        "Under a 6-month referral validity from 2026-01-01, a referral filed on 2026-01-15 is valid through "
        "2026-07-15, and the ruling names the version.",
        "filing_validity",
        "2026-01-15",
        {"filing": after},
        ["art. 13(1)"],
        parameters=schedule,
        outcome="COMPUTED",
        figures={"valid_from": "2026-01-15", "valid_through": "2026-07-15"},
        codes=["FILING_VALIDITY_COMPUTED", "PARAMETERS_VERSION_USED"],
    )
    add(
        "change_of_law",
        "Under a 6-month referral validity from 2026-01-01, a stay from 2026-06-01 on a referral filed on "
        "2026-01-15 is settled directly.",
        "settlement",
        "2026-06-10",
        settle(episode(CHANGSHA, after, "EX-0002", "2026-06-01", settled_on="2026-06-10")),
        ["art. 13(1)", "art. 12(1)"],
        parameters=schedule,
        outcome="DIRECT",
        figures={"fund_share": "2000.50", "worker_share": "0.00"},
        codes=["PARAMETERS_VERSION_USED"],
    )
    add(
        "change_of_law",
        "Under a 6-month referral validity from 2026-01-01, a stay from 2026-03-20 on a referral filed on "
        "2025-12-15 is not settled directly: that filing ran out on 2026-03-15.",
        "settlement",
        "2026-03-25",
        settle(episode(CHANGSHA, before, "EX-0002", "2026-03-20", settled_on="2026-03-25")),
        ["art. 13(1)", "art. 12(1)"],
        parameters=schedule,
        outcome="NOT_PAYABLE_DIRECTLY",
        codes=["COVERAGE_AFTER_VALIDITY"],
    )
    unordered = {"versions": [schedule["versions"][1], schedule["versions"][0]]}
    add(
        "change_of_law",
        "A parameter schedule whose versions are not in date order is rejected, with the path of the version.",
        "filing_validity",
        "2026-01-15",
        {"filing": after},
        ["art. 13(1)"],
        parameters=unordered,
        error=["$.parameters.versions[1].effective_from"],
    )


def define_cases() -> None:
    """Every case of the corpus, by file."""
    _scope_cases()
    _in_force_cases()
    _eligibility_cases()
    _filing_cases()
    _coverage_cases()
    _settlement_cases()
    _manual_claim_cases()
    _institution_cases()
    _catalog_cases()
    _period_cases()
    _funds_cases()
    _application_cases()
    _reconciliation_cases()
    _fund_flow_cases()
    _ledger_cases()
    _fund_use_plan_cases()
    _suspension_cases()
    _recovery_cases()
    _audit_cases()
    _agency_cases()
    _boundary_cases()
    _change_of_law_cases()


# --- checking the library against the articles, and writing ------------------------------------------------------


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return "<missing>"
    return data


def check(spec: Spec) -> tuple[dict[str, Any] | None, list[str]]:
    """The case with its expected result, or the ways the library's answer differs from the articles'."""
    data = jsonio.loads(jsonio.dumps(spec.case()))
    case, result = cases.decide_data(data)
    problems: list[str] = []
    if spec.error is not None:
        if "error" not in result:
            return None, [f"expected an error at {spec.error}, got {result.get('outcome')}"]
        paths = {p["path"] for p in result["error"]["problems"]}
        missing = [p for p in spec.error if p not in paths]
        if missing:
            return None, [f"expected problems at {missing}, got {sorted(paths)}"]
        written = spec.case()
        written["expected"] = {"error": sorted(paths)}
        return written, []
    if "error" in result:
        return None, [f"rejected: {result['error']['problems']}"]
    if result["outcome"] != spec.outcome:
        problems.append(f"outcome {result['outcome']}, the articles say {spec.outcome}")
    for path, want in spec.figures.items():
        got = _get(result["figures"], path)
        if got != want:
            problems.append(f"figures.{path} = {got!r}, the articles say {want!r}")
    codes = {r["code"] for r in result["reasons"]}
    for code in sorted(spec.codes - codes):
        problems.append(f"lacks the reason {code}")
    for code in sorted(spec.not_codes & codes):
        problems.append(f"gives the reason {code}, which the articles rule out here")
    if problems:
        return None, problems
    assert case is not None
    written = spec.case()
    written["expected"] = {
        "outcome": result["outcome"],
        "reasons": sorted(codes),
        "figures": result["figures"],
    }
    return written, []


def build() -> tuple[dict[str, list[str]], list[str]]:
    files: dict[str, list[str]] = {}
    report: list[str] = []
    names: set[str] = set()
    for spec in SPECS:
        if spec.name in names:
            raise SystemExit(f"two cases are named {spec.name!r}")
        names.add(spec.name)
        written, problems = check(spec)
        if spec.disputed is not None:
            if written is not None:
                report.append(f"NOW AGREES (remove from DISPUTED): {spec.name}")
            else:
                report.append(
                    f"DISPUTED {spec.name}\n    why: {spec.disputed}\n    " + "\n    ".join(problems)
                )
            continue
        if written is None:
            report.append(f"DISAGREES {spec.name}\n    " + "\n    ".join(problems))
            continue
        files.setdefault(spec.file, []).append(jsonio.dumps(written))
    return files, report


def main(argv: list[str] | None = None) -> int:
    define_cases()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed corpus; write nothing"
    )
    args = parser.parse_args(argv)
    files, report = build()
    for line_ in report:
        print(line_, file=sys.stderr)
    texts = {f"{name}.jsonl": "\n".join(lines) + "\n" for name, lines in sorted(files.items())}
    total = sum(len(lines) for lines in files.values())
    schemas = schema.schema_texts()
    if args.check:
        current = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.jsonl")}
        current_schemas = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
        stale = sorted(
            (set(current) ^ set(texts))
            | {n for n in texts if current.get(n) != texts[n]}
            | {n for n in schemas if current_schemas.get(n) != schemas[n]}
        )
        if stale:
            print(f"not what tools/make_corpus.py writes: {', '.join(stale)}", file=sys.stderr)
            return 1
        print(f"corpus current: {total} cases in {len(texts)} files; schemas current")
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
    disagreements = [r for r in report if r.startswith("DISAGREES")]
    print(
        f"wrote {total} cases in {len(texts)} files; {len(disagreements)} disagreements, "
        f"{sum(r.startswith('DISPUTED') for r in report)} disputed"
    )
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
