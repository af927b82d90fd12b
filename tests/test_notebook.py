"""docs/analysis.ipynb, the analyst's round trip, runs from top to bottom (nbclient, the python3 kernel).

Executed here so that it cannot rot; its outputs are not stored in the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "analysis.ipynb"


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    """The notebook, executed in a fresh kernel (Agg backend: no display needed)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}}
    )
    client.execute()
    return notebook


class TestNotebook:
    """The round trip is a dozen library calls, runs without error, and shows what it promises."""

    def test_the_committed_notebook_has_no_outputs(self) -> None:
        """Outputs are made by running it, never committed (diffs stay readable)."""
        data = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in data["cells"] if c["cell_type"] == "code")

    def test_every_cell_runs_and_shows_a_result(self, executed: nbformat.NotebookNode) -> None:
        """No cell raises; every cell but the imports shows something."""
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert not [o for c in code for o in c.outputs if o.output_type == "error"]
        assert all(c.outputs for c in code[1:])

    def test_it_shows_a_frame_a_transition_table_pictures_and_a_ruling(
        self, executed: nbformat.NotebookNode
    ) -> None:
        """Frames as HTML tables, two PNG pictures, and the ruling's HTML with its badge."""
        data = [o.get("data", {}) for c in executed.cells if c.cell_type == "code" for o in c.outputs]
        html = [d["text/html"] for d in data if "text/html" in d]
        assert sum("<table" in h for h in html) >= 4
        assert sum("image/png" in d for d in data) == 2
        assert any("SettlementRuling" in h and "border-radius" in h for h in html)

    def test_the_round_trip_is_about_a_dozen_lines_of_code(self) -> None:
        """The issue's measure: the analyst's 85 lines of glue become about a dozen lines of library calls."""
        data = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
        lines = [
            line
            for c in data["cells"]
            if c["cell_type"] == "code"
            for line in "".join(c["source"]).splitlines()
            if "gr." in line
        ]
        assert len(lines) <= 14
