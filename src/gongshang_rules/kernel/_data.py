"""The files bundled with the package (``data/``, ``corpus/``, ``schemas/``), read without :mod:`importlib.resources`.

``importlib.resources`` imports ``tempfile``, ``zipfile``, ``shutil`` and ``random`` (about a tenth of a
``decide`` process's start, issue 13's cold start); :func:`pkgutil.get_data` reads a file through the package's own
loader (a folder, a wheel, a zip), and ``pkgutil`` is imported anyway (by ``stdnum``). Text is read as
``importlib.resources``' ``read_text`` reads it: UTF-8, universal newlines (some bundled CSV files end their lines
with CRLF).

>>> text("data", "procedure-text.json")[:1]
'{'
>>> [name for name in names("data") if name.startswith("cn-holidays-")]
['cn-holidays-2024.csv', 'cn-holidays-2025-2026.csv']
"""

from __future__ import annotations

import os
import pkgutil
import sys

__all__ = ["data", "names", "text"]

_PACKAGE = "gongshang_rules"


def data(*parts: str) -> bytes:
    """The bytes of the bundled file ``parts`` (``("data", "procedure-text.json")``)."""
    found = pkgutil.get_data(_PACKAGE, "/".join(parts))
    if found is None:  # pragma: no cover - a loader that cannot read its package's files
        raise FileNotFoundError(f"{_PACKAGE}/{'/'.join(parts)}: the package's loader cannot read it")
    return found


def text(*parts: str) -> str:
    """The text of the bundled file ``parts``: UTF-8, each CRLF or CR read as ``\\n`` (as ``read_text`` gives it)."""
    return data(*parts).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def names(*folder: str) -> list[str]:
    """The names of the files in the bundled folder ``folder``, sorted."""
    root = os.path.dirname(sys.modules[_PACKAGE].__file__ or "")
    try:
        return sorted(os.listdir(os.path.join(root, *folder)))
    except OSError:  # pragma: no cover - the package is not in a folder (a zip): ask its resource reader
        import importlib.resources

        return sorted(entry.name for entry in importlib.resources.files(_PACKAGE).joinpath(*folder).iterdir())
