"""The package's two front doors: the ``python -m gongshang_rules demo`` command, and the public facade.

The demo decides the bundled example, the first cross-province direct settlement in Hunan (news of 2025-09-17): a
worker insured in Xinjiang who long worked in Changsha. Article 2 makes it cross-province with Hunan as the
treatment place; article 4 makes a resident worker with a recognised injury eligible.
"""

from __future__ import annotations

import re
import runpy
import sys

import pytest

import gongshang_rules
from gongshang_rules.__main__ import main
from gongshang_rules.oracle.examples import first_cross_province_case


class TestDemoCommand:
    """python -m gongshang_rules demo: a real decision, explained."""

    def test_demo_exits_zero_and_prints_nothing_to_stderr(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command succeeds quietly on stderr."""
        assert main(["demo"]) == 0
        assert capsys.readouterr().err == ""

    def test_demo_shows_the_case_its_source_and_every_assumption(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The title, the news source and each fact assumed where the report is silent are printed."""
        main(["demo"])
        out = capsys.readouterr().out
        case = first_cross_province_case()
        assert case.title in out
        assert "三湘都市报 2025-09-17" in out
        for assumption in case.assumptions:
            assert assumption in out

    def test_demo_decides_cross_province_inbound_under_article_2(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Insured in 新疆, treated in 长沙: CROSS_PROVINCE_INBOUND, citing article 2."""
        main(["demo"])
        out = capsys.readouterr().out
        assert "ScopeRuling: CROSS_PROVINCE_INBOUND" in out
        assert "SCOPE_CROSS_PROVINCE_INBOUND" in out
        assert "art. 2(1)" in out

    def test_demo_finds_the_worker_eligible_under_article_4(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A resident worker since 2023-03-01 with a recognised injury, applying 2025-08-20: ELIGIBLE; the six
        months are measured outside the insured province, as the national rule for cross-province care says."""
        main(["demo"])
        out = capsys.readouterr().out
        assert "EligibilityRuling: ELIGIBLE" in out
        for code in ("BASIS_FITS_SERVICE", "AWAY_OUTSIDE_PROVINCE_MET", "INSURED_PLACE_REQUIREMENTS_MET"):
            assert code in out
        assert "art. 4 item 1" in out

    def test_demo_never_prints_an_identity_number_whole(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Personal information is shown masked only (docs/architecture.md "Input"), in the demo too."""
        main(["demo"])
        out = capsys.readouterr().out
        assert not re.search(r"\d{17}[\dX]", out)

    def test_demo_explains_in_both_languages(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each reason is printed in English and in Chinese."""
        main(["demo"])
        out = capsys.readouterr().out
        assert "cross-province out-of-area care" in out
        assert "跨省异地就医" in out

    def test_a_command_is_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no command, argparse exits with status 2 and a usage message."""
        with pytest.raises(SystemExit) as caught:
            main([])
        assert caught.value.code == 2
        assert "usage" in capsys.readouterr().err

    def test_an_unknown_command_is_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown command exits with status 2 and names the choices."""
        with pytest.raises(SystemExit) as caught:
            main(["frobnicate"])
        assert caught.value.code == 2
        assert "demo" in capsys.readouterr().err

    def test_running_the_module_runs_the_command(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """python -m gongshang_rules demo exits with status 0 after printing the decision."""
        monkeypatch.setattr(sys, "argv", ["gongshang-rules", "demo"])
        monkeypatch.delitem(
            sys.modules, "gongshang_rules.__main__", raising=False
        )  # run it afresh as __main__
        with pytest.raises(SystemExit) as caught:
            runpy.run_module("gongshang_rules", run_name="__main__", alter_sys=True)
        assert caught.value.code == 0
        assert "EligibilityRuling: ELIGIBLE" in capsys.readouterr().out


def isort_style_key(name: str) -> tuple[int, str]:
    """ruff's RUF022 order for __all__: SCREAMING_CASE, then CamelCase, then everything else, each sorted."""
    if re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


class TestPublicApi:
    """gongshang_rules re-exports a sorted, complete __all__ (STYLE.md, after attrs)."""

    def test_every_name_in_all_exists(self) -> None:
        """Each name in __all__ is an attribute of the package."""
        missing = [name for name in gongshang_rules.__all__ if not hasattr(gongshang_rules, name)]
        assert missing == []

    def test_all_is_sorted_and_has_no_duplicates(self) -> None:
        """__all__ is in ruff's isort-style order (constants, classes, functions), each name once."""
        names = list(gongshang_rules.__all__)
        assert names == sorted(names, key=isort_style_key)
        assert len(names) == len(set(names))

    def test_the_foundations_entry_points_are_public(self) -> None:
        """The rules a user calls first are in __all__."""
        for name in (
            "place",
            "classify_scope",
            "in_force",
            "decide_eligibility",
            "add_months",
            "working_day_after",
        ):
            assert name in gongshang_rules.__all__

    def test_the_version_comes_from_package_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        from importlib.metadata import version

        assert gongshang_rules.__version__ == version("gongshang-rules")
