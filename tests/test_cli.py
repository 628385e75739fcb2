"""The spoor command as a user runs it (typer's CliRunner)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_is_in_the_readme(command):
    assert f"spoor {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_search_json_contract(runner, built_index):
    result = runner.invoke(app, ["search", "Twenteraad", "--index", str(built_index), "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    # --limit counts documents; the JSON says how many documents and passages match
    assert 1 <= len(found["groups"]) <= 3 and found["documents"] >= len(found["groups"])
    assert found["passages"] >= len(found["hits"]) >= len(found["groups"])
    hits = found["hits"]
    for hit in hits:
        assert {"doc_id", "page", "date", "score", "snippet"} <= hit.keys()
    assert hits[0]["doc_id"].startswith("000")


def test_cli_search_prints_ranked_passages(runner, built_index):
    result = runner.invoke(app, ["search", "herorientatie", "--index", str(built_index)])
    assert result.exit_code == 0
    assert "**heroriëntatie**" in result.stdout or "**Heroriëntatie**" in result.stdout


@pytest.mark.parametrize("query", ['"half open', "*", "\x01\x02", "x" * 2000, ")"])
def test_cli_search_odd_queries_never_traceback(runner, built_index, query):
    result = runner.invoke(app, ["search", query, "--index", str(built_index)])
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.output


def test_cli_search_without_index_says_what_to_do(runner, tmp_path):
    result = runner.invoke(app, ["search", "regioraad", "--index", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "spoor build" in result.stderr


def test_cli_show_document(runner, built_index):
    result = runner.invoke(app, ["show", "003_d4d0686746b347e9", "--index", str(built_index)])
    assert result.exit_code == 0
    assert "advies" in result.stdout and "2019" in result.stdout


def test_cli_show_unknown_document_is_a_clear_error(runner, built_index):
    result = runner.invoke(app, ["show", "nope", "--index", str(built_index)])
    assert result.exit_code == 2 and "nope" in result.stderr


def test_cli_timeline_json_is_in_date_order(runner, built_index):
    result = runner.invoke(app, ["timeline", "--index", str(built_index), "--json"])
    assert result.exit_code == 0
    events = json.loads(result.stdout)
    assert events, "the sample corpus has dated decisions"
    from pipeline.link.timeline import sort_key

    keys = [e["date"] for e in events]
    assert keys == sorted(keys, key=sort_key)
    assert any(k.startswith("2012-10") for k in keys) and keys[-1].startswith("2021")
    assert all(e["sources"] for e in events)


def test_cli_entities_and_decisions_list_records(runner, built_index):
    ents = runner.invoke(app, ["entities", "--index", str(built_index), "--label", "ORGAN", "--json"])
    assert ents.exit_code == 0
    groups = json.loads(ents.stdout)
    assert any(g["canonical"] == "regioraad" for g in groups)
    decs = runner.invoke(app, ["decisions", "--index", str(built_index), "--json", "--status", "adopted"])
    assert decs.exit_code == 0
    assert all(d["status"] == "adopted" for d in json.loads(decs.stdout))


def test_cli_decisions_csv(runner, built_index, tmp_path):
    out = tmp_path / "d.csv"
    result = runner.invoke(app, ["decisions", "--index", str(built_index), "--csv", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("kind,doc_id,actor")


@pytest.mark.slow
def test_cli_extract_jsonl_contract(runner, tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(ROOT / "corpus"), "--jsonl", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {r["kind"] for r in records}
    assert kinds == {"document", "entity", "decision"}
    docs = [r for r in records if r["kind"] == "document"]
    assert len(docs) == 5
    for d in docs:
        assert {"doc_id", "title", "date", "doc_type", "pages", "sha256"} <= d.keys()
    for e in (r for r in records if r["kind"] == "entity"):
        assert e["label"] in {"ORGAN", "ORG", "PERSON", "LOC", "DATE", "MONEY", "LAW"}
        assert {"doc_id", "text", "start", "end", "page", "canonical", "value"} <= e.keys()
    for d in (r for r in records if r["kind"] == "decision"):
        assert {"doc_id", "actor", "actor_text", "date", "status", "predicate", "number", "text",
                "start", "end"} <= d.keys()


@pytest.mark.slow
def test_cli_build_names_bad_files_and_builds_the_rest(runner, tmp_path, corpus_copy):
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in list(corpus_copy.iterdir())[:2]:
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "ruis.pdf").write_bytes(os.urandom(2048))
    result = runner.invoke(app, ["build", str(folder), "--index", str(tmp_path / "ix"), "--quiet", "--no-summary"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len([line for line in lines if "leeg.txt" in line]) == 1
    assert len([line for line in lines if "ruis.pdf" in line]) == 1
    assert "documents: 2" in result.stdout


def test_cli_build_missing_path(runner, tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
