"""The analysts' notebook runs against a freshly built index, so it never rots (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "timeline.ipynb"


@pytest.mark.slow
def test_notebook_timeline_executes_against_a_built_index(built_index, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    monkeypatch.setenv("SPOOR_INDEX", str(built_index))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "dissolved into" in text and "Regio Twente" in text
    assert any("image/png" in o.get("data", {}) for o in outputs), "the timeline was not plotted"


def test_notebook_holds_no_logic_of_its_own():
    import json

    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "from pipeline" in code and "SPOOR_INDEX" in code
    assert "def " not in code and "class " not in code
