"""The optional extras: a missing one is an ImportError that says which extra to install."""

from __future__ import annotations

import importlib

__all__ = ["require"]


def require(module: str, extra: str) -> None:
    """Import ``module`` (a dependency of the extra ``extra``), or raise an ImportError naming the extra."""
    try:
        importlib.import_module(module)
    except ImportError as missing:
        raise ImportError(
            f"this needs {module}, an optional dependency: pip install 'gongshang-rules[{extra}]'"
        ) from missing
