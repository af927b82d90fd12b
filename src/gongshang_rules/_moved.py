"""The flat module paths of the 0.x layout, kept importable: ``gongshang_rules.rules.settlement`` is now
``gongshang_rules.rules.settlement``.

The package was one flat folder until the three layers (kernel, rules, oracle) were made (issue 9). The facade
(``gongshang_rules.<name>``) is the contract and did not change; a module path of the old layout still imports, as
the same module object under its new name, with a :class:`DeprecationWarning`, so that old imports and old pickles
keep working.

>>> import warnings, importlib
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore", DeprecationWarning)
...     old = importlib.import_module("gongshang_rules.periods")
>>> old is importlib.import_module("gongshang_rules.kernel.periods")
True
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Sequence

__all__ = ["MOVED", "install"]

_KERNEL = "errors ruling articles parameters periods workdays places place_names identity terms authorities"
_RULES = (
    "scope agencies eligibility filing catalog settlement funds reconciliation supervision applications forms "
    "institutions commencement"
)
_ORACLE = "jsonio cases cli server results reasons examples whatif"

#: Old module path -> new module path, for every module the layering moved.
MOVED: dict[str, str] = {
    f"gongshang_rules.{name}": f"gongshang_rules.{layer}.{name}"
    for layer, names in (("kernel", _KERNEL), ("rules", _RULES), ("oracle", _ORACLE))
    for name in names.split()
}


class _Alias:  # an importlib Loader (not subclassed: importlib.abc costs 20 ms at import)
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        warnings.warn(
            f"{spec.name} moved to {self.target} (the facade gongshang_rules.<name> is unchanged)",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(self.target)

    def exec_module(self, module: types.ModuleType) -> None:
        """The target module is already executed."""


class _MovedFinder:  # an importlib MetaPathFinder
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        return None if new is None else importlib.machinery.ModuleSpec(fullname, _Alias(new))  # type: ignore[arg-type]


def install() -> None:
    """Put the finder of moved modules last on :data:`sys.meta_path` (once)."""
    if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
