"""A client of the public API only, as an integrator writes one: `make wheel-check` runs it against the installed
wheel and checks it with `mypy --strict` (the package ships `py.typed`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

import gongshang_rules as gr


def main() -> None:
    scope: gr.ScopeRuling = gr.classify_scope(gr.place("650000"), gr.place("长沙市"))
    assert scope.outcome is gr.Scope.CROSS_PROVINCE_INBOUND
    through: dt.date = gr.filing_valid_through(dt.date(2025, 8, 31), gr.PersonCategory.LONG_TERM_RESIDENCE)
    assert through == dt.date(2026, 2, 28)
    case = gr.first_cross_province_case()
    ruling: gr.SettlementRuling = gr.decide_settlement(case.episode, registry=case.registry)
    share: Decimal | None = ruling.fund_share
    assert ruling.outcome is gr.Settlement.DIRECT and share == Decimal("10240.50")
    # decide_json gives a plain dict; gr.Result is its shape, for a type checker.
    result = cast(
        gr.Result,
        gr.decide_json(
            '{"case": "c", "decision": "scope", "today": "2025-09-01",'
            ' "facts": {"insured": "430100", "treatment": "430600"}}'
        ),
    )
    assert gr.is_decided(result) and result["outcome"] == "INTRA_PROVINCE"
    version: str = gr.__version__
    print(f"gongshang-rules {version}: the public API works from the wheel")


if __name__ == "__main__":
    main()
