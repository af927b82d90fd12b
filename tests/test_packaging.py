"""The package as a distribution: its version, its licence, its metadata, and ``gongshang-rules --version``."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

import gongshang_rules
from gongshang_rules.oracle.cli import main, version_text

ROOT = Path(__file__).resolve().parent.parent


class TestVersion:
    """``__version__`` is the installed distribution's version, as text."""

    def test_version_comes_from_the_package_metadata(self) -> None:
        """The facade's ``__version__`` is what importlib.metadata says, and a str."""
        assert gongshang_rules.__version__ == importlib.metadata.version("gongshang-rules")
        assert type(gongshang_rules.__version__) is str

    def test_version_is_in_the_facade(self) -> None:
        """``__version__`` is listed in ``__all__`` and in ``dir()``."""
        assert "__version__" in gongshang_rules.__all__
        assert "__version__" in dir(gongshang_rules)


class TestVersionOption:
    """``gongshang-rules --version`` prints the program and its version and exits 0, with no command."""

    def test_version_option_prints_the_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The line is ``gongshang-rules X.Y.Z`` and the exit code 0."""
        with pytest.raises(SystemExit) as stopped:
            main(["--version"])
        assert stopped.value.code == 0
        out = capsys.readouterr().out
        assert out.strip() == version_text()
        assert out.startswith(f"gongshang-rules {gongshang_rules.__version__}")

    def test_version_text_names_the_program(self) -> None:
        """version_text() starts with the program name and holds the version."""
        assert version_text().split()[:2] == ["gongshang-rules", gongshang_rules.__version__]

    def test_a_command_is_still_required_without_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --version and without a command, argparse's usage error (exit 2) stays."""
        with pytest.raises(SystemExit) as stopped:
            main([])
        assert stopped.value.code == 2
        assert "COMMAND" in capsys.readouterr().err


@pytest.fixture(scope="module")
def metadata() -> importlib.metadata.PackageMetadata:
    """The installed distribution's metadata."""
    return importlib.metadata.metadata("gongshang-rules")


class TestMetadata:
    """The licence is an SPDX expression with its file shipped, and the classifiers say what the package is."""

    def test_license_is_an_spdx_expression(self, metadata: importlib.metadata.PackageMetadata) -> None:
        """Core metadata 2.4: ``License-Expression: MIT`` and the LICENSE file named."""
        assert metadata["License-Expression"] == "MIT"
        assert "LICENSE" in (metadata.get_all("License-File") or [])

    def test_license_file_is_the_mit_licence(self) -> None:
        """The LICENSE file in the tree is the MIT licence."""
        text = (ROOT / "LICENSE").read_text(encoding="utf-8")
        assert text.startswith("MIT License")
        assert "WITHOUT WARRANTY OF ANY KIND" in text

    def test_classifiers_name_python_typing_and_audience(
        self, metadata: importlib.metadata.PackageMetadata
    ) -> None:
        """Typed, Python 3 only, with its audiences; no licence classifier (PEP 639 forbids one with an expression)."""
        classifiers = metadata.get_all("Classifier") or []
        assert "Typing :: Typed" in classifiers
        assert "Programming Language :: Python :: 3 :: Only" in classifiers
        assert any(c.startswith("Intended Audience ::") for c in classifiers)
        assert not any(c.startswith("License ::") for c in classifiers)

    def test_extras_are_declared(self, metadata: importlib.metadata.PackageMetadata) -> None:
        """The optional extras for analysts and property tests exist."""
        extras = set(metadata.get_all("Provides-Extra") or [])
        assert {"analysis", "plot", "strategies", "test"} <= extras
