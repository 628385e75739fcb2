"""The timeline and evolution on real documents of ../shared/extra (issue 16); skipped without them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXTRA = next((p / "extra" for p in (ROOT.parent / "shared", Path("/work/shared")) if (p / "extra").is_dir()), None)
pytestmark = [pytest.mark.slow, pytest.mark.skipif(EXTRA is None, reason="shared/extra not beside the checkout")]


@pytest.fixture(scope="module")
def extra_index(tmp_path_factory):
    from pipeline.build import build

    folder = tmp_path_factory.mktemp("extra")
    build([EXTRA], folder)
    return folder


def test_real_decision_list_items_are_events_of_their_own(runner, extra_index):
    from pipeline.cli import app

    evs = json.loads(runner.invoke(app, ["timeline", "--index", str(extra_index), "--actor",
                                         "gemeenteraad Den Helder", "--json"]).stdout)
    meeting = [e for e in evs if e["date"] == "2015-06-29"]
    assert len(meeting) >= 15
    assert all(e["actor_name"] == "gemeenteraad Den Helder" for e in evs)
    assert any("kamerverhuurpanden" in e["what"] for e in meeting)
    assert max(len(e["sources"]) for e in meeting) <= 2


def test_real_wind_policy_evolution_runs_from_intention_to_the_states_decision(runner, extra_index):
    from pipeline.cli import app

    result = runner.invoke(app, ["evolution", "windbeleid", "--index", str(extra_index), "--json"])
    assert result.exit_code == 0, result.output
    steps = json.loads(result.stdout)["steps"]
    dated = {s["date"] for s in steps if s["doc_id"]}
    assert {"2023-07-17", "2024-07-17", "2024-10-09"} <= dated
    assert all(s["ref"] and s["page"] for s in steps if s["date"] in ("2024-07-17", "2024-10-09"))


def test_real_subjects_are_bodies_with_their_government_and_no_generic_words(runner, extra_index):
    from pipeline.cli import app

    result = runner.invoke(app, ["subjects", "--index", str(extra_index), "--json"])
    assert result.exit_code == 0, result.output
    subjects = json.loads(result.stdout)
    names = {s["name"].casefold() for s in subjects}
    for generic in ("bestemmingsplan", "wonen", "natuur", "bedrijf", "gemeente", "college", "raad", "provincie",
                    "gemeenteraad"):
        assert generic not in names, generic
    councils = {s["government"] for s in subjects if s["body"] == "gemeenteraad"}
    assert {"Den Helder", "Enschede"} <= councils  # two councils, two subjects
    assert "gemeenteraad den helder" in names and "windbeleid" in names
    assert not any(r["type"] == "realized_as" and r["target"] == "tweede_kamer" for s in subjects for r in s["relations"])
    one = runner.invoke(app, ["evolution", "gemeenteraad", "--index", str(extra_index)])
    assert one.exit_code == 2 and "gemeenteraad Den Helder" in one.stderr
    labels = runner.invoke(app, ["subjects", "--index", str(extra_index), "--label", "organ"])
    assert labels.exit_code == 0 and "gemeenteraad Den Helder" in labels.stdout
