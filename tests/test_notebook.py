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


OTHER_CORPUS = {
    "besluitenlijst-hengelo.txt": (
        "Besluitenlijst van de vergadering van de gemeenteraad van Hengelo op 12 maart 2024\n\n"
        "1. De gemeenteraad besluit het Mobiliteitsplan Hengelo 2024-2030 vast te stellen.\n"
        "2. De gemeenteraad besluit een krediet van € 250.000 beschikbaar te stellen voor de Fietsroute Hengelo-Borne.\n"),
    "raadsvoorstel-hengelo.txt": (
        "Raadsvoorstel\n\nOnderwerp: Mobiliteitsplan Hengelo 2024-2030\n\nHengelo, 6 februari 2024\n\n"
        "Het college van burgemeester en wethouders stelt de gemeenteraad voor het Mobiliteitsplan Hengelo "
        "2024-2030 vast te stellen. De Fietsroute Hengelo-Borne wordt in 2025 aangelegd.\n"),
}


@pytest.mark.slow
def test_notebook_runs_from_another_folder_on_another_corpus(tmp_path, monkeypatch):
    """No "Regio Twente" in it, started outside the repository: the notebook follows what this corpus has."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    from pipeline.build import build

    docs, elsewhere = tmp_path / "docs", tmp_path / "elders"
    docs.mkdir()
    elsewhere.mkdir()
    for name, text in OTHER_CORPUS.items():
        (docs / name).write_text(text, encoding="utf-8")
    build([docs], elsewhere / "index")
    monkeypatch.delenv("SPOOR_INDEX", raising=False)
    monkeypatch.delenv("SPOOR_SUBJECT", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(elsewhere)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "Regio Twente" not in text and "Hengelo" in text
