"""Bundled worked examples, each tied to its source.

The first is the first cross-province direct settlement in Hunan, reported on 2025-09-17 (三湘都市报, "湖南工伤保险
实现跨省就医直接结算"): a worker insured in Xinjiang who had long worked in Changsha, treated as an inpatient at
湖南省职业病防治院 for a work-related brain injury, about ten thousand yuan settled directly at discharge. The report
gives no dates but the report's own; the ``assumptions`` say which facts were supplied and why.

>>> case = first_cross_province_case()
>>> case.eligibility.insured.name, case.eligibility.treatment.name
('新疆维吾尔自治区', '长沙市')
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .eligibility import EligibilityFacts
from .places import place
from .terms import Basis, PersonCategory, ServiceKind

__all__ = ["WorkedExample", "first_cross_province_case"]


@attrs.frozen(kw_only=True)
class WorkedExample:
    """A bundled example: its facts, where they come from, and what was assumed."""

    title: str
    source: str
    eligibility: EligibilityFacts
    assumptions: tuple[str, ...]


def first_cross_province_case() -> WorkedExample:
    """The worker of the 2025-09-17 report: insured in Xinjiang, long working in Changsha."""
    return WorkedExample(
        title="湖南首例工伤保险跨省异地就医直接结算 (first cross-province direct settlement in Hunan)",
        source="三湘都市报 2025-09-17, 湖南工伤保险实现跨省就医直接结算; shared/source/news-2025-09-17-*.txt",
        eligibility=EligibilityFacts(
            insured=place("新疆维吾尔自治区"),
            treatment=place("长沙市"),
            service=ServiceKind.MEDICAL,
            bases=frozenset({Basis.INJURY_RECOGNITION}),
            category=PersonCategory.RESIDENT_WORK,
            applied_on=_dt.date(2025, 8, 20),
            away_since=_dt.date(2023, 3, 1),
            meets_insured_place_requirements=True,
        ),
        assumptions=(
            "The report says the worker 'long worked in Changsha' (长期在长沙工作): resident work is assumed to "
            "have begun on 2023-03-01.",
            "The filing application date is assumed to be 2025-08-20, before an admission in late August; the "
            "report says only that discharge was 'recent' (近日) on 2025-09-17.",
            "The brain injury was recognised as a work injury (工伤认定) before the filing, as the report implies.",
            "Xinjiang's own requirements for resident workers are taken as met: the report says the settlement "
            "went through, which Xinjiang's agency had to approve.",
        ),
    )
