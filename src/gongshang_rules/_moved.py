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
from collections.abc import Callable, Sequence

__all__ = ["MOVED", "install", "split_out"]

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


def split_out(module: str, *siblings: str) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``module``, whose public names moved to ``siblings`` (modules of its package)
    when it was split (issue 9), so that ``gongshang_rules.filing.filing_covers`` still finds the function where
    it now lives, with a :class:`DeprecationWarning`: old imports and old pickles keep working. Type checkers are
    not told (the module defines it under ``if not TYPE_CHECKING``): import a name from the module that defines it.
    """
    package = module.rpartition(".")[0]

    def moved_name(name: str) -> object:
        for sibling in () if name.startswith("_") else siblings:
            home = importlib.import_module(f"{package}.{sibling}")
            value = vars(home).get(name)
            # defined there: a class or function of that module, or a reason template under its own code
            if value is not None and (
                getattr(value, "__module__", None) == home.__name__ or getattr(value, "code", None) == name
            ):
                warnings.warn(
                    f"{module}.{name} moved to {home.__name__}.{name}", DeprecationWarning, stacklevel=2
                )
                return value
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return moved_name
