"""The ``hypothesis`` entry point: registers :mod:`gongshang_rules.strategies` for ``st.from_type``.

hypothesis calls :func:`_hypothesis_setup_hook` at the end of its own import. The hook imports the strategies
module, which registers its strategies when it is imported; when that module is itself what is importing
hypothesis (``from gongshang_rules import strategies`` first), it is still being imported and registers at its end,
so the hook leaves it alone.
"""

from __future__ import annotations

import importlib
import sys

__all__: list[str] = []

_STRATEGIES = "gongshang_rules.strategies"


def _hypothesis_setup_hook() -> None:
    """Import (and so register) the strategies, unless they are being imported already."""
    if _STRATEGIES not in sys.modules:
        importlib.import_module(_STRATEGIES)
