"""Test helper: valid identity numbers, made from their first 17 digits (shared by several test modules)."""

from __future__ import annotations

from stdnum.cn import ric


def with_check_digit(first_17: str) -> str:
    """The full number for 17 characters (stdnum's calc_check_digit expects the check position present)."""
    return first_17 + ric.calc_check_digit(first_17 + "0")
