"""Test builders shared by the test modules (issue 9): one place for a value many tests make.

Import them as ``from builders import record`` (``tests/`` is on the path through ``conftest.py``). A test module
that wants other defaults wraps the builder in a line, it does not copy it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gongshang_rules import IdentityNumber, Place, place
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


def corpus_lines() -> list[bytes]:
    """The bundled conformance corpus, one case per line (blank lines left out)."""
    from gongshang_rules.oracle import cli

    return [line for _name, text in cli._corpus_files() for line in text.splitlines() if line.strip()]
