"""``python -m gongshang_rules``: the command line of :mod:`gongshang_rules.oracle.cli` (``demo``, ``decide``, ``batch``,
``verify``, ``conformance``, ...). Exit codes: 0 fine, 1 differences or failed cases, 2 bad input or usage."""

from __future__ import annotations

import sys

from .oracle.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
