"""The fuzz target over batch's per-line path (tools/fuzz_line.py): its pinned findings, and a short CI run.

Every file in ``tests/data/fuzz/`` is one input line that once broke (or that an issue gave as a repro); each is
replayed here with the robustness invariants. When atheris is installed (the ``test`` extra, on Linux), a short
fixed budget of coverage-guided runs goes through the harness too.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from test_robustness import check_line

ROOT = Path(__file__).resolve().parents[2]
REGRESSIONS = sorted((ROOT / "tests" / "data" / "fuzz").iterdir())
#: The CI budget: libFuzzer runs after the seeds (the corpus), with a fixed seed; a few seconds.
CI_RUNS = 800


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_pinned_findings_give_a_result(path: Path) -> None:
    """Each pinned input gives one result line: decided or an error, never internal, never a whole number."""
    check_line(path.read_bytes())


def test_the_findings_are_pinned() -> None:
    """The folder holds the issue's repros at least (it only grows)."""
    assert len(REGRESSIONS) >= 6


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed (optional)")
def test_a_short_coverage_guided_run_finds_nothing(tmp_path: Path) -> None:
    """tools/fuzz_line.py for a fixed number of runs: libFuzzer exits 0 (a finding would exit non-zero)."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "fuzz_line.py"), f"-runs={CI_RUNS}", "-seed=1"],
                          capture_output=True, text=True, cwd=tmp_path, check=False, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {CI_RUNS} runs" in done.stderr
