"""Hypothesis strategies for the library's input types: places, identity numbers, workers, filings, episodes, cases.

For property tests of code built on gongshang-rules (and for ours). Every strategy returns a
``SearchStrategy[T]`` of *valid* values: each passes its type's validators, so a test spends its examples on the
rules, not on rejected input. This module imports `hypothesis <https://hypothesis.readthedocs.io>`_ itself; the
rest of the library never does (install ``gongshang-rules[strategies]``, or have hypothesis already).

Installed, the package registers the strategies with hypothesis (the ``hypothesis`` entry point imports this
module, which calls :func:`register`), so ``st.from_type(Episode)`` and ``st.builds`` of a type with an ``Episode`` field
work without importing this module.

>>> from hypothesis import given
>>> from gongshang_rules import classify_scope, filing_validity
>>> @given(filings())
... def test_a_filing_is_valid_from_its_filing_day(filing):
...     ruling = filing_validity(filing)
...     assert ruling.valid_from is None or ruling.valid_from == filing.filed_on
>>> test_a_filing_is_valid_from_its_filing_day()

Strategies for the facts of :data:`~gongshang_rules.DECISIONS` are generated from the articles' own shapes; for
the two decisions on a whole filing application (``review``, ``submission``), whose forms hold dozens of
interlocking boxes, :func:`cases` draws the facts from the bundled conformance corpus instead (and says so in
the case name).
"""

from __future__ import annotations

import datetime as _dt
import functools
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy
from stdnum.cn import ric

from .kernel.identity import _PROVINCE_PREFIXES, IdentityNumber, Worker
from .kernel.parameters import DEFAULT_PARAMETERS
from .kernel.places import Place, PlaceKind, all_places
from .kernel.terms import Basis, CareType, PersonCategory, ServiceKind
from .oracle.cases import Case
from .oracle.decisions import DECISIONS
from .oracle.facts import SettlementFacts
from .oracle.facts_applications import AgencyFacts, ReviewDeadlineFacts
from .oracle.facts_funds import (
    AuditFacts,
    FundFlowFacts,
    FundUsePlanFacts,
    LedgerFacts,
    MonthFacts,
    ReconciliationFacts,
    RecoveryFacts,
    SettledFacts,
    SuspensionFacts,
    YearFacts,
)
from .oracle.facts_rules import (
    CatalogFacts,
    ChangeFacts,
    FilingFacts,
    InForceFacts,
    InstitutionFacts,
    ManualClaimFacts,
    MealAllowanceFacts,
    MonthsFacts,
    ScopeFacts,
    TravelFacts,
    WorkingDaysFacts,
)
from .oracle.registry_io import example_registry
from .rules.agencies import AgencyTask
from .rules.audit import AuditThresholds
from .rules.catalog import CostKind
from .rules.coverage_facts import CoverageFacts
from .rules.eligibility import EligibilityFacts
from .rules.episodes import CostLine, Credential, Episode, LineKind
from .rules.filing import Filing
from .rules.filing_changes import ChangeKind
from .rules.forms import Device
from .rules.institutions import Institution, InstitutionRegistry
from .rules.ledger import ChargedTo, LedgerKind, LedgerLine
from .rules.manual_claims import ManualClaim
from .rules.records import SettlementRecord
from .rules.recovery import RecoveryCause
from .rules.scope import Scope, classify_scope
from .rules.supervision import Suspension

__all__ = [
    "cases",
    "cost_lines",
    "dates",
    "devices",
    "eligibility_facts",
    "episodes",
    "filings",
    "identity_numbers",
    "money",
    "places",
    "register",
    "settlement_records",
    "treatment_places",
    "workers",
]

#: The days the strategies draw from by default: the procedure's first year and a half either side, all inside the
#: years the bundled working-day calendar knows (2025 and 2026), with a margin for deadlines counted after them.
FIRST_DAY = _dt.date(2025, 1, 1)
LAST_DAY = _dt.date(2026, 10, 31)

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def dates(min_value: _dt.date = FIRST_DAY, max_value: _dt.date = LAST_DAY) -> SearchStrategy[_dt.date]:
    """Calendar days (``datetime.date``, never a ``datetime``) from ``min_value`` to ``max_value``."""
    return st.dates(min_value=min_value, max_value=max_value)


def money(
    min_value: Decimal = Decimal("0.00"), max_value: Decimal = Decimal("200000.00")
) -> SearchStrategy[Decimal]:
    """Amounts in yuan: ``Decimal`` with exactly two places (fen), never a float."""
    low, high = int(min_value * 100), int(max_value * 100)
    return st.integers(min_value=low, max_value=high).map(lambda fen: Decimal(fen).scaleb(-2))


def places(*, kinds: frozenset[PlaceKind] | None = None) -> SearchStrategy[Place]:
    """Every place :func:`~gongshang_rules.place` knows: 省本级, Hunan's cities and counties, the other provinces.

    ``kinds`` keeps only places of those kinds (``frozenset({PlaceKind.CITY})`` for the 14 市州).
    """
    chosen = tuple(p for p in all_places() if kinds is None or p.kind in kinds)
    return st.sampled_from(chosen)


def treatment_places() -> SearchStrategy[Place]:
    """Places that can be a treatment place (就医地): every place but 省本级 (article 2 ¶3)."""
    return places(kinds=frozenset(PlaceKind) - {PlaceKind.PROVINCE_LEVEL})


def _hunan_heavy_places() -> SearchStrategy[Place]:
    # Hunan places most of the time: the procedure is Hunan's, and two other provinces make no case of it.
    return st.one_of(
        places(kinds=frozenset({PlaceKind.CITY, PlaceKind.COUNTY, PlaceKind.PROVINCE_LEVEL})),
        places(kinds=frozenset({PlaceKind.OTHER_PROVINCE})),
    )


@st.composite
def _out_of_area_pair(draw: st.DrawFn) -> tuple[Place, Place]:
    insured = draw(_hunan_heavy_places())
    if insured.in_hunan:
        treatment = draw(treatment_places().filter(lambda t: classify_scope(insured, t).outcome.out_of_area))
    else:
        treatment = draw(places(kinds=frozenset({PlaceKind.CITY, PlaceKind.COUNTY})))
    return insured, treatment


@st.composite
def identity_numbers(draw: st.DrawFn, *, born: SearchStrategy[_dt.date] | None = None) -> IdentityNumber:
    """Valid 18-character 公民身份号码: a province-level prefix, a birth date, a sequence and the ISO 7064 check digit.

    Most numbers are Hunan's (prefix 43); ``born`` draws the birth date (default 1950 to 2007).
    """
    prefix = draw(st.one_of(st.just("43"), st.sampled_from(sorted(_PROVINCE_PREFIXES))))
    area = draw(st.integers(min_value=0, max_value=9999))
    birth = draw(born if born is not None else st.dates(_dt.date(1950, 1, 1), _dt.date(2007, 12, 31)))
    sequence = draw(st.integers(min_value=0, max_value=999))
    first_17 = f"{prefix}{area:04d}{birth:%Y%m%d}{sequence:03d}"
    return IdentityNumber(first_17 + ric.calc_check_digit(first_17 + "0"))


def names() -> SearchStrategy[str]:
    """Chinese personal names of two or three characters."""
    return st.builds(
        lambda surname, given: surname + given,
        st.sampled_from(_SURNAMES),
        st.text(alphabet=_GIVEN, min_size=1, max_size=2),
    )


def workers(*, insured: SearchStrategy[Place] | None = None) -> SearchStrategy[Worker]:
    """Workers with a name, a valid identity number and an insured place (``insured``, default any place)."""
    return st.builds(
        Worker,
        name=names(),
        identity_number=identity_numbers(),
        insured=insured if insured is not None else _hunan_heavy_places(),
    )


def devices() -> SearchStrategy[Device]:
    """Annex-2 device entries: a name, minimum service years, a maximum payment."""
    return st.builds(
        Device,
        name=st.sampled_from(["假肢", "矫形器", "轮椅", "助听器", "义眼"]),
        minimum_service_years=st.integers(min_value=1, max_value=8),
        maximum_payment=money(Decimal("100.00"), Decimal("50000.00")),
    )


def _mostly(value: bool) -> SearchStrategy[bool]:
    """``value`` nine times in ten (hypothesis draws list elements about evenly, and shrinks to the first)."""
    return st.sampled_from((value,) * 9 + (not value,))


@st.composite
def filings(
    draw: st.DrawFn,
    *,
    insured: Place | None = None,
    treatment: Place | None = None,
    service: ServiceKind | None = None,
    filed_on: SearchStrategy[_dt.date] | None = None,
) -> Filing:
    """Approved filings for an out-of-area pair of places (or the pair given), any category and service.

    An inbound filing (insured in another province) always carries the validity the insured province stated, and
    so does a cross-province filing made outside this procedure's dates (art. 36: the national procedure's approved
    dates govern it, and a settlement asks for them); a Hunan filing states it sometimes otherwise. An
    ASSISTIVE_DEVICE filing lists one to three devices (annex 2 note 6).
    """
    if insured is None or treatment is None:
        insured, treatment = draw(_out_of_area_pair())
    kind = service if service is not None else draw(st.sampled_from(ServiceKind))
    day = draw(filed_on if filed_on is not None else dates())
    stated: tuple[_dt.date | None, _dt.date | None] = (None, None)
    national = insured.in_hunan != treatment.in_hunan and not (
        DEFAULT_PARAMETERS.in_force_from <= day <= DEFAULT_PARAMETERS.in_force_through
    )
    if not insured.in_hunan or national or draw(st.booleans()):
        length = draw(st.integers(min_value=0, max_value=min(400, (_dt.date.max - day).days)))
        stated = (day, day + _dt.timedelta(days=length))
    listed: tuple[Device, ...] = ()
    if kind is ServiceKind.ASSISTIVE_DEVICE:
        listed = tuple(draw(st.lists(devices(), min_size=1, max_size=3, unique_by=lambda d: d.name)))
    codes = draw(
        st.none() | st.frozensets(st.sampled_from(["EX-0001", "EX-0002", "EX-0003", "EX-0004"]), min_size=1)
    )
    return Filing(
        insured=insured,
        treatment=treatment,
        category=draw(st.sampled_from(PersonCategory)),
        service=kind,
        filed_on=day,
        institution_codes=codes,
        stated_valid_from=stated[0],
        stated_valid_through=stated[1],
        devices=listed,
    )


_CARE_FOR_SERVICE: dict[ServiceKind, tuple[CareType, ...]] = {
    ServiceKind.MEDICAL: (CareType.INPATIENT, CareType.OUTPATIENT),
    ServiceKind.REHABILITATION: (CareType.INPATIENT, CareType.OUTPATIENT),
    ServiceKind.ASSISTIVE_DEVICE: (CareType.DEVICE_FITTING,),
}


@st.composite
def cost_lines(
    draw: st.DrawFn, *, care: CareType, started_on: _dt.date, device_names: tuple[str, ...] = ()
) -> CostLine:
    """One bill line that fits an episode of ``care`` starting on ``started_on``.

    The meal allowance appears on inpatient stays only; a device line names a device (one of ``device_names`` when
    given) and, sometimes, a previous fitting before ``started_on``.
    """
    if care is CareType.DEVICE_FITTING:
        kinds = [LineKind.ASSISTIVE_DEVICE]
    else:
        kinds = [k for k in LineKind if k is not LineKind.ASSISTIVE_DEVICE]
        if care is not CareType.INPATIENT:
            kinds.remove(LineKind.MEAL_ALLOWANCE)
    kind = draw(st.sampled_from(kinds))
    device_name = previous = None
    if kind is LineKind.ASSISTIVE_DEVICE:
        device_name = draw(st.sampled_from(device_names or ("假肢",)))
        if draw(st.booleans()):
            previous = draw(st.dates(_dt.date(2010, 1, 1), started_on - _dt.timedelta(days=1)))
    return CostLine(
        kind=kind,
        amount=draw(money(max_value=Decimal("50000.00"))),
        compliant=draw(st.booleans()),
        device_name=device_name,
        previous_fitting_on=previous,
    )


@st.composite
def episodes(draw: st.DrawFn, *, registry: InstitutionRegistry | None = None) -> Episode:
    """Episodes a settlement clerk could face at an institution of ``registry`` (default the example registry).

    The worker's filing (if any) is for the institution's place, filed before admission; the care fits the
    service; the dates, the bill lines and the flags vary, so every outcome of ``decide_settlement`` can come up.
    """
    chosen = registry if registry is not None else example_registry()
    institution: Institution = draw(st.sampled_from(sorted(chosen.institutions, key=lambda i: i.code)))
    treatment = institution.place
    insured = draw(
        _hunan_heavy_places().filter(
            lambda p: p.in_hunan or treatment.in_hunan,
        )
    )
    service = draw(
        st.sampled_from(sorted(institution.services, key=lambda s: s.name)) | st.sampled_from(ServiceKind)
    )
    care = draw(st.sampled_from(_CARE_FOR_SERVICE[service]))
    started = draw(dates(min_value=_dt.date(2025, 7, 1)))
    settled = None
    if care is CareType.INPATIENT:
        settled = started + _dt.timedelta(days=draw(st.integers(min_value=0, max_value=60)))
    filing = None
    if classify_scope(insured, treatment).outcome.out_of_area and draw(st.integers(0, 4)) > 0:
        filed_on = st.dates(started - _dt.timedelta(days=80), started)
        filing = draw(filings(insured=insured, treatment=treatment, service=service, filed_on=filed_on))
        if filing.institution_codes is not None and draw(_mostly(True)):
            filing = attrs.evolve(filing, institution_codes=filing.institution_codes | {institution.code})
    device_names = tuple(d.name for d in filing.devices) if filing is not None else ()
    lines = draw(
        st.lists(cost_lines(care=care, started_on=started, device_names=device_names), min_size=1, max_size=4)
    )
    return Episode(
        worker=draw(workers(insured=st.just(insured))),
        filing=filing,
        institution_code=institution.code,
        care=care,
        service=service,
        started_on=started,
        settled_on=settled,
        lines=tuple(lines),
        credential=draw(
            st.sampled_from(Credential).filter(lambda c: c is not Credential.NONE) | st.just(Credential.NONE)
        ),
        # the exceptional flags stay rare, so that ordinary settlements dominate
        third_party_liability=draw(_mostly(False)),
        network_available=draw(_mostly(True)),
        emergency_marked=draw(_mostly(False)),
        force_majeure=draw(_mostly(False)),
        recognition_pending_at_admission=draw(_mostly(False)),
        suspended_for_violation=draw(_mostly(False)),
    )


@st.composite
def eligibility_facts(draw: st.DrawFn) -> EligibilityFacts:
    """The facts of an application for out-of-area direct settlement (article 4), any category."""
    insured, treatment = draw(_out_of_area_pair())
    category = draw(st.sampled_from(PersonCategory))
    applied_on = draw(dates())
    long_term = category.long_term
    return EligibilityFacts(
        insured=insured,
        treatment=treatment,
        service=draw(st.sampled_from(ServiceKind)),
        bases=draw(st.frozensets(st.sampled_from(Basis), max_size=3)),
        category=category,
        applied_on=applied_on,
        meets_insured_place_requirements=draw(st.booleans()),
        away_since=draw(st.dates(applied_on - _dt.timedelta(days=400), applied_on)) if long_term else None,
        insured_place_cannot_treat=None if long_term else draw(st.booleans()),
        has_referral_opinion=None if long_term else draw(st.booleans()),
    )


@st.composite
def coverage_facts(draw: st.DrawFn) -> CoverageFacts:
    """Whether a filing covers an admission: the filing (or none), the institution and the dates (article 13)."""
    filing = draw(st.none() | filings())
    insured = filing.insured if filing is not None else draw(_hunan_heavy_places())
    admitted = draw(dates())
    return CoverageFacts(
        insured=insured,
        filing=filing,
        service=filing.service if filing is not None else draw(st.sampled_from(ServiceKind)),
        institution_code=draw(st.sampled_from(["EX-0001", "EX-0002", "EX-0003", "EX-0004", "LOCAL-1"])),
        institution_place=filing.treatment
        if filing is not None and draw(st.booleans())
        else draw(treatment_places()),
        admitted_on=admitted,
        settled_on=draw(st.none() | st.dates(admitted, admitted + _dt.timedelta(days=60))),
        emergency_marked=draw(st.booleans()),
        force_majeure=draw(st.booleans()),
        recognition_pending_at_admission=draw(st.booleans()),
        entitlement_lost_on=draw(st.none() | dates()),
    )


@st.composite
def settlement_records(
    draw: st.DrawFn,
    *,
    settlement_id: SearchStrategy[str] | None = None,
    ended_on: SearchStrategy[_dt.date] | None = None,
) -> SettlementRecord:
    """Direct settlements on record: an out-of-area pair, dates in order, a fund share within the bill."""
    insured, treatment = draw(_out_of_area_pair())
    ended = draw(ended_on if ended_on is not None else dates())
    bill = draw(money())
    return SettlementRecord(
        settlement_id=draw(
            settlement_id if settlement_id is not None else st.from_regex(r"S-[0-9]{6}", fullmatch=True)
        ),
        identity_number=draw(identity_numbers()),
        institution_code=draw(st.sampled_from(["EX-0001", "EX-0002", "EX-0003", "EX-0004"])),
        insured=insured,
        treatment=treatment,
        started_on=ended - _dt.timedelta(days=draw(st.integers(min_value=0, max_value=30))),
        ended_on=ended,
        bill=bill,
        fund_share=draw(money(max_value=bill)),
    )


def _records(
    *, ended_on: SearchStrategy[_dt.date] | None = None, max_size: int = 5
) -> SearchStrategy[tuple[SettlementRecord, ...]]:
    return st.lists(
        settlement_records(ended_on=ended_on), max_size=max_size, unique_by=lambda r: r.settlement_id
    ).map(tuple)


@st.composite
def _month_of_records(draw: st.DrawFn) -> ReconciliationFacts:
    first = draw(st.dates(FIRST_DAY, LAST_DAY)).replace(day=1)
    following = (first + _dt.timedelta(days=32)).replace(day=1)
    days = st.dates(first, following - _dt.timedelta(days=1))
    return ReconciliationFacts(
        year=first.year, month=first.month, settlements=draw(_records(ended_on=days, max_size=4))
    )


@st.composite
def _suspension_facts(draw: st.DrawFn) -> SuspensionFacts:
    number = draw(identity_numbers())
    suspended = draw(dates())
    lifted = draw(st.none() | st.dates(suspended, LAST_DAY))
    suspensions = draw(
        st.lists(
            st.just(Suspension(identity_number=number, suspended_on=suspended, lifted_on=lifted))
            | st.builds(Suspension, identity_number=identity_numbers(), suspended_on=dates()),
            max_size=3,
        )
    )
    return SuspensionFacts(identity_number=number, suspensions=tuple(suspensions))


@st.composite
def _manual_claim_facts(draw: st.DrawFn) -> ManualClaimFacts:
    records = draw(_records(max_size=3))
    started = draw(dates())
    same_worker = bool(records) and draw(st.booleans())
    claim = ManualClaim(
        identity_number=records[0].identity_number if same_worker else draw(identity_numbers()),
        institution_code=draw(st.sampled_from(["EX-0001", "EX-0002", "EX-0003", "EX-0004"])),
        started_on=started,
        ended_on=started + _dt.timedelta(days=draw(st.integers(0, 30))),
        kinds=draw(st.frozensets(st.sampled_from(LineKind), min_size=1, max_size=3)),
    )
    return ManualClaimFacts(claim=claim, settlements=records)


def _registry_codes() -> SearchStrategy[str]:
    return st.sampled_from(sorted(i.code for i in example_registry().institutions))


def _scopes() -> SearchStrategy[Scope]:
    return st.sampled_from(Scope)


@functools.cache
def _corpus_facts(decision: str) -> tuple[Any, ...]:
    from .oracle import jsonio
    from .oracle.cases import case_from_json
    from .oracle.cli import _corpus_files

    found = []
    for _name, text in _corpus_files():
        for raw in text.splitlines():
            data = jsonio.loads(raw)
            if data.get("decision") == decision and "error" not in data.get("expected", {}):
                found.append(case_from_json(data).facts)
    return tuple(found)


def _facts(decision: str) -> SearchStrategy[Any]:
    """The facts strategy of one decision (see :func:`cases`)."""
    builders: dict[str, SearchStrategy[Any]] = {
        "scope": st.builds(ScopeFacts, insured=places(), treatment=places()),
        "in_force": st.builds(InForceFacts, scope=_scopes()),
        "eligibility": eligibility_facts(),
        "filing_validity": st.builds(FilingFacts, filing=filings()),
        "change_allowed": st.builds(ChangeFacts, filing=filings(), change=st.sampled_from(ChangeKind)),
        "filing_coverage": coverage_facts(),
        "settlement": st.builds(SettlementFacts, episode=episodes(), registry=st.just(example_registry())),
        "manual_claim": _manual_claim_facts(),
        "institution_status": st.builds(
            InstitutionFacts,
            registry=st.just(example_registry()),
            code=_registry_codes(),
            service=st.sampled_from(ServiceKind),
        ),
        "catalog": st.builds(CatalogFacts, scope=_scopes(), cost_kind=st.sampled_from(CostKind)),
        "meal_allowance": st.builds(MealAllowanceFacts, scope=_scopes()),
        "travel_and_lodging": st.builds(TravelFacts, scope=_scopes(), is_referral=st.booleans()),
        "working_day_after": st.builds(
            WorkingDaysFacts, date=dates(), n=st.integers(min_value=1, max_value=20)
        ),
        "add_months": st.builds(MonthsFacts, date=dates(), n=st.integers(min_value=1, max_value=24)),
        "review_deadline": st.builds(ReviewDeadlineFacts, received_on=dates()),
        "reconciliation_deadline": st.builds(SettledFacts, settled_on=dates()),
        "monthly_reconciliation_deadline": st.builds(
            MonthFacts, year=st.sampled_from([2025, 2026]), month=st.integers(min_value=1, max_value=11)
        ),
        "annual_clearing": st.builds(YearFacts, year=st.integers(min_value=2025, max_value=2035)),
        "reconcile_month": _month_of_records(),
        "fund_flow": st.builds(FundFlowFacts, record=settlement_records()),
        "check_ledger": st.builds(
            LedgerFacts,
            lines=st.lists(
                st.builds(
                    LedgerLine,
                    kind=st.sampled_from(LedgerKind),
                    amount=money(),
                    charged_to=st.sampled_from(ChargedTo),
                ),
                max_size=5,
            ).map(tuple),
        ),
        "fund_use_plan": st.builds(
            FundUsePlanFacts,
            city=places(kinds=frozenset({PlaceKind.CITY})),
            settlements=_records(),
            other_benefit_spending=money(),
        ),
        "suspension_status": _suspension_facts(),
        "recovery_responsibility": st.builds(
            RecoveryFacts,
            cause=st.sampled_from(RecoveryCause),
            insured=places(),
            treatment=treatment_places(),
        ),
        "audit_flags": st.builds(
            AuditFacts,
            records=_records(),
            thresholds=st.builds(
                AuditThresholds,
                large_amount=st.none() | money(Decimal("1.00")),
            ),
        ),
        "responsible_agency": st.builds(
            AgencyFacts, task=st.sampled_from(AgencyTask), insured=places(), treatment=treatment_places()
        ),
    }
    if decision in builders:
        return builders[decision]
    return st.sampled_from(_corpus_facts(decision))  # review, submission: whole forms, taken from the corpus


@st.composite
def _case(draw: st.DrawFn, decision: str) -> Case:
    facts = draw(_facts(decision))
    today = draw(dates())
    source = "from the corpus" if decision in ("review", "submission") else "generated"
    return Case(
        name=f"A {decision} case ({source}) decided on {today}.", decision=decision, today=today, facts=facts
    )


def cases(decision: str | None = None) -> SearchStrategy[Case]:
    """Cases of ``decision`` (a name in :data:`~gongshang_rules.DECISIONS`), or of every decision when ``None``.

    Their facts are valid; whether the library decides them or rejects them while deciding (an unknown working-day
    year, an unknown institution) is the property under test. Cases carry no ``expected`` result.
    """
    if decision is None:
        return st.sampled_from(sorted(DECISIONS)).flatmap(_case)
    if decision not in DECISIONS:
        from .kernel.errors import InvalidInputError

        raise InvalidInputError("decision", f"must be one of {', '.join(DECISIONS)}; got {decision!r}")
    return _case(decision)


def register() -> None:
    """Register the strategies for ``st.from_type`` (done when this module is imported; calling again is harmless)."""
    registered: tuple[tuple[type, SearchStrategy[Any]], ...] = (
        (Place, places()),
        (IdentityNumber, identity_numbers()),
        (Worker, workers()),
        (Device, devices()),
        (Filing, filings()),
        (Episode, episodes()),
        (EligibilityFacts, eligibility_facts()),
        (CoverageFacts, coverage_facts()),
        (SettlementRecord, settlement_records()),
        (Case, cases()),
    )
    for kind, strategy in registered:
        st.register_type_strategy(kind, strategy)
    st.register_type_strategy(
        CostLine, st.sampled_from(CareType).flatmap(lambda care: cost_lines(care=care, started_on=LAST_DAY))
    )


register()
