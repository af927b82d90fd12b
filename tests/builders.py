"""Test builders shared by the test modules (issue 9): one place for a value many tests make.

Import them as ``from builders import record`` (``tests/`` is on the path through ``conftest.py``). A test module
that wants other defaults wraps the builder in a line, it does not copy it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gongshang_rules import IdentityNumber, Place, Reason, place
from gongshang_rules.kernel.identity import Worker
from gongshang_rules.kernel.terms import CareType, PersonCategory, ServiceKind
from gongshang_rules.rules.episodes import CostLine, Credential, Episode, LineKind
from gongshang_rules.rules.filing import Filing
from gongshang_rules.rules.records import SettlementRecord

#: The identity number most tests use (长沙, valid check digit, invented).
ID = IdentityNumber("430102199001011238")
CHANGSHA, ZHUZHOU = place("430100"), place("430200")


def record(
    sid: str = "S-1",
    settled: dt.date = dt.date(2025, 9, 10),
    fund: str = "1000.00",
    *,
    started: dt.date | None = None,
    bill: str | None = None,
    insured: Place | object = CHANGSHA,
    treatment: Place | object = ZHUZHOU,
    identity: IdentityNumber = ID,
    institution: str = "EX-0002",
) -> SettlementRecord:
    """A settlement record (arts. 20 to 27, 32): by default a Changsha worker's one-day stay in Zhuzhou settled on
    2025-09-10, the fund paying the whole bill. ``insured`` and ``treatment`` are passed as given, so that a test
    can hand in a wrong type and see the error."""
    return SettlementRecord(
        settlement_id=sid,
        identity_number=identity,
        institution_code=institution,
        insured=insured,  # type: ignore[arg-type]
        treatment=treatment,  # type: ignore[arg-type]
        started_on=started or settled,
        ended_on=settled,
        bill=Decimal(bill or fund),
        fund_share=Decimal(fund),
    )


def says(reason: Reason, *particulars: str) -> None:
    """Each particular (an amount, a date, a place, a name) appears in both the Chinese and the English message."""
    for particular in particulars:
        assert particular in reason.message_zh, (particular, reason.message_zh)
        assert particular in reason.message_en, (particular, reason.message_en)


def line(kind: LineKind = LineKind.MEDICAL_ITEM, amount: str = "1000.00", **kw: object) -> CostLine:
    """A cost line in yuan (compliant unless ``kw`` says otherwise)."""
    return CostLine(kind=kind, amount=Decimal(amount), **kw)  # type: ignore[arg-type]


def filing(**kw: object) -> Filing:
    """A resident-work filing (art. 4 (1)) of a Changsha worker for medical care in Zhuzhou, filed 2025-08-15
    (valid, by art. 13 ¶1's three months, through 2025-11-14)."""
    values: dict[str, object] = {
        "insured": CHANGSHA,
        "treatment": ZHUZHOU,
        "category": PersonCategory.RESIDENT_WORK,
        "service": ServiceKind.MEDICAL,
        "filed_on": dt.date(2025, 8, 15),
    }
    values.update(kw)
    return Filing(**values)  # type: ignore[arg-type]


def episode(**kw: object) -> Episode:
    """A filed intra-province inpatient stay (chapter 3): a Changsha worker at EX-0002 in Zhuzhou (the example
    registry's), 2025-09-01 to 2025-09-10, 1,000.00 yuan of medical items and 500.50 of drugs, with the electronic
    social security card. ``insured`` sets the worker's insured place and, when no ``filing`` is given, the
    filing's."""
    insured = kw.pop("insured", CHANGSHA)
    values: dict[str, object] = {
        "worker": Worker(name="李四", identity_number=ID, insured=insured),  # type: ignore[arg-type]
        "institution_code": "EX-0002",
        "care": CareType.INPATIENT,
        "service": ServiceKind.MEDICAL,
        "started_on": dt.date(2025, 9, 1),
        "settled_on": dt.date(2025, 9, 10),
        "lines": (line(), line(LineKind.DRUG, "500.50")),
        "credential": Credential.ELECTRONIC_SOCIAL_SECURITY_CARD,
    }
    values.update(kw)
    if "filing" not in values:
        values["filing"] = filing(insured=insured)
    return Episode(**values)  # type: ignore[arg-type]


def corpus_lines() -> list[bytes]:
    """The bundled conformance corpus, one case per line (blank lines left out)."""
    from gongshang_rules.oracle import cli

    return [line for _name, text in cli._corpus_files() for line in text.splitlines() if line.strip()]
