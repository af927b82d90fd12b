"""Command line: ``python -m gongshang_rules demo`` shows a real decision, explained, on the bundled example."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .eligibility import decide_eligibility
from .examples import first_cross_province_case
from .scope import classify_scope
from .settlement import decide_settlement


def _demo() -> int:
    case = first_cross_province_case()
    facts = case.eligibility
    print(case.title)
    print(f"Source: {case.source}")
    print("Assumed where the report is silent:")
    for line in case.assumptions:
        print(f"  * {line}")
    print()
    print(classify_scope(facts.insured, facts.treatment))
    print()
    print(decide_eligibility(facts))
    print()
    print(decide_settlement(case.episode, registry=case.registry))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gongshang-rules`` console script."""
    parser = argparse.ArgumentParser(prog="gongshang-rules", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "demo", help="decide the bundled example (the first cross-province case) and explain it"
    )
    args = parser.parse_args(argv)
    if args.command == "demo":
        return _demo()
    return 2  # pragma: no cover - argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())
