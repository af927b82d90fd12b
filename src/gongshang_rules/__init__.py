"""gongshang-rules: Hunan's work-injury insurance out-of-area direct-settlement procedure, as pure functions.

The reference implementation of 《湖南省工伤保险异地就医直接结算经办规程（试行）》 (湘人社规〔2025〕24号). Every
decision returns a ruling that carries its outcome and its reasons, each reason with a stable code, the articles it
rests on, and whether it rests on an interpretation. This module is the public facade; the implementation lives in
three layers: :mod:`~gongshang_rules.kernel` (what every rule stands on), :mod:`~gongshang_rules.rules` (one module per
concern of the procedure) and :mod:`~gongshang_rules.oracle` (the case and result format, the command line, the service).

>>> import gongshang_rules as gr
>>> ruling = gr.classify_scope(gr.place("新疆维吾尔自治区"), gr.place("长沙市"))
>>> ruling.outcome is gr.Scope.CROSS_PROVINCE_INBOUND
True
>>> [str(a) for a in ruling.articles]
['art. 2(1)', 'art. 2(2)']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._index import EXPORTS as _EXPORTS
from ._moved import install as _install_moved

if TYPE_CHECKING:  # type checkers read the facade from each module's __all__
    #: The installed distribution's version, from its metadata (``importlib.metadata``).
    __version__: str

    from .analysis import *
    from .kernel.articles import *
    from .kernel.errors import *
    from .kernel.identity import *
    from .kernel.parameters import *
    from .kernel.periods import *
    from .kernel.place_names import *
    from .kernel.places import *
    from .kernel.ruling import *
    from .kernel.terms import *
    from .kernel.workdays import *
    from .oracle.cases import *
    from .oracle.comparison import *
    from .oracle.decisions import *
    from .oracle.examples import *
    from .oracle.jsonio import *
    from .oracle.jsontext import *
    from .oracle.problems import *
    from .oracle.registry_io import *
    from .oracle.results import *
    from .oracle.schema import *
    from .oracle.whatif import *
    from .plots import *
    from .rules.agencies import *
    from .rules.applications import *
    from .rules.audit import *
    from .rules.catalog import *
    from .rules.clearing import *
    from .rules.commencement import *
    from .rules.coverage import *
    from .rules.coverage_facts import *
    from .rules.eligibility import *
    from .rules.episodes import *
    from .rules.filing import *
    from .rules.filing_changes import *
    from .rules.forms import *
    from .rules.fund_plan import *
    from .rules.funds import *
    from .rules.institutions import *
    from .rules.ledger import *
    from .rules.manual_claims import *
    from .rules.materials import *
    from .rules.reconciliation import *
    from .rules.reconciliation_deadlines import *
    from .rules.records import *
    from .rules.recovery import *
    from .rules.review import *
    from .rules.scope import *
    from .rules.settlement import *
    from .rules.supervision import *

#: The modules whose ``__all__`` make the facade, in the order the facade's index (``_index.py``) is written from.
FACADE_MODULES = (
    "kernel.errors",
    "kernel.ruling",
    "kernel.articles",
    "kernel.parameters",
    "kernel.periods",
    "kernel.workdays",
    "kernel.places",
    "kernel.place_names",
    "kernel.identity",
    "kernel.terms",
    "rules.commencement",
    "rules.scope",
    "rules.agencies",
    "rules.institutions",
    "rules.eligibility",
    "rules.filing",
    "rules.filing_changes",
    "rules.coverage_facts",
    "rules.coverage",
    "rules.applications",
    "rules.materials",
    "rules.review",
    "rules.forms",
    "rules.catalog",
    "rules.episodes",
    "rules.settlement",
    "rules.manual_claims",
    "rules.records",
    "rules.funds",
    "rules.ledger",
    "rules.fund_plan",
    "rules.clearing",
    "rules.reconciliation",
    "rules.reconciliation_deadlines",
    "rules.supervision",
    "rules.recovery",
    "rules.audit",
    "oracle.problems",
    "oracle.jsontext",
    "oracle.jsonio",
    "oracle.registry_io",
    "oracle.decisions",
    "oracle.cases",
    "oracle.comparison",
    "oracle.schema",
    "oracle.results",
    "oracle.whatif",
    "oracle.examples",
    "analysis",
    "plots",
)

_install_moved()  # the flat module paths of 0.x (``gongshang_rules.rules.settlement``) still import, with a warning


def _mask_loaded_reprs() -> None:
    from .kernel._privacy import mask_loaded_reprs

    mask_loaded_reprs()  # no repr or str of a library value shows a whole identity number


# The facade loads lazily (PEP 562): ``import gongshang_rules`` is cheap, and each name imports its module on first
# use; ``_index.EXPORTS`` says where each public name lives.
def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = str(version("gongshang-rules"))
        except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
            value = "0+unknown"
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        _mask_loaded_reprs()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _isort_key(name: str) -> tuple[int, str]:
    """ruff's RUF022 order: SCREAMING_CASE constants, then CamelCase classes, then everything else."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


__all__ = sorted([*_EXPORTS, "__version__"], key=_isort_key)
