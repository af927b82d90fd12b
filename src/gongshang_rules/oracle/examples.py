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
from decimal import Decimal

import attrs

from ..kernel.identity import IdentityNumber, Worker
from ..kernel.places import place
from ..kernel.terms import Basis, CareType, PersonCategory, ServiceKind
from ..rules.eligibility import EligibilityFacts
from ..rules.episodes import CostLine, Credential, Episode, LineKind
from ..rules.filing import Filing
from ..rules.institutions import InstitutionRegistry
from .registry_io import example_registry

__all__ = [
    "WorkedExample",
    "first_cross_province_case",
]


@attrs.frozen(kw_only=True)
class WorkedExample:
    """A bundled example: its facts, where they come from, and what was assumed."""

    title: str
    source: str
    eligibility: EligibilityFacts
    episode: Episode
    registry: InstitutionRegistry
    assumptions: tuple[str, ...]


def first_cross_province_case() -> WorkedExample:
    """The worker of the 2025-09-17 report: insured in Xinjiang, long working in Changsha."""
    xinjiang, changsha = place("新疆维吾尔自治区"), place("长沙市")
    worker = Worker(
        name="张隽（化名）", identity_number=IdentityNumber("650102198506151232"), insured=xinjiang
    )
    filing = Filing(
        insured=xinjiang,
        treatment=changsha,
        category=PersonCategory.RESIDENT_WORK,
        service=ServiceKind.MEDICAL,
        filed_on=_dt.date(2025, 8, 20),
        stated_valid_from=_dt.date(2025, 8, 20),
        stated_valid_through=_dt.date(2026, 2, 20),
    )
    episode = Episode(
        worker=worker,
        filing=filing,
        institution_code="EX-0001",
        care=CareType.INPATIENT,
        service=ServiceKind.MEDICAL,
        started_on=_dt.date(2025, 8, 28),
        settled_on=_dt.date(2025, 9, 12),
        credential=Credential.SOCIAL_SECURITY_CARD,
        lines=(
            CostLine(kind=LineKind.MEDICAL_ITEM, amount=Decimal("6120.00"), description="诊疗项目（骨外科）"),
            CostLine(kind=LineKind.DRUG, amount=Decimal("3580.50"), description="药品"),
            CostLine(kind=LineKind.INPATIENT_SERVICE, amount=Decimal("540.00"), description="床位等住院服务"),
            CostLine(kind=LineKind.MEAL_ALLOWANCE, amount=Decimal("300.00"), description="住院伙食补助费"),
        ),
    )
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
        episode=episode,
        registry=example_registry(),
        assumptions=(
            "The report says the worker 'long worked in Changsha' (长期在长沙工作): resident work is assumed to "
            "have begun on 2023-03-01.",
            "The filing application date is assumed to be 2025-08-20, before an admission in late August; the "
            "report says only that discharge was 'recent' (近日) on 2025-09-17.",
            "The brain injury was recognised as a work injury (工伤认定) before the filing, as the report implies.",
            "Xinjiang's own requirements for resident workers are taken as met: the report says the settlement "
            "went through, which Xinjiang's agency had to approve.",
            "Xinjiang approved the filing on 2025-08-20 with validity through 2026-02-20 (the insured province sets "
            "an inbound filing's validity; these dates are assumed).",
            "Admitted 2025-08-28, discharged and settled 2025-09-12, with a social security card. The report says "
            "'more than ten thousand yuan' (一万余元): the bill is assumed to be 10,240.50 yuan in three compliant "
            "lines, plus a 300.00 yuan meal allowance added to show article 17 paragraph 3.",
            "The worker's name is the report's pseudonym; the identity number is invented (valid checksum) and "
            "the institution code EX-0001 comes from the bundled example registry.",
        ),
    )
