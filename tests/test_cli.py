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


# -- issue 18: every fault a new user ran into ends with one line and the right exit code -----------------
def test_cli_version_prints_the_version(runner):
    from pipeline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"spoor {__version__}"


@pytest.mark.parametrize("args, valid", [
    (["search", "Twenteraad", "--type", "bogus"], "besluitenlijst"),
    (["search", "Twenteraad", "--body", "Raad van Elfen"], "Twenteraad"),
    (["search", "Twenteraad", "--sort", "random"], "date_asc"),
    (["entities", "--doc", "nope"], "003_d4d0686746b347e9"),
    (["entities", "--label", "bogus"], "ORGAN"),
    (["subjects", "--label", "bogus"], "ORGAN"),
    (["decisions", "--status", "bogus"], "adopted"),
    (["timeline", "--status", "bogus"], "adopted"),
])
def test_cli_a_value_that_names_nothing_exits_2_naming_the_valid_ones(runner, built_index, args, valid):
    result = runner.invoke(app, [*args, "--index", str(built_index)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and valid in lines[0] and repr(args[-1]) in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["search", "Twenteraad"], ["decisions"], ["timeline"]])
@pytest.mark.parametrize("bad", ["2019-13-45", "31-02-2019", "gisteren"])
def test_cli_a_date_that_is_none_exits_2(runner, built_index, command, bad):
    result = runner.invoke(app, [*command, "--from", bad, "--index", str(built_index)])
    assert result.exit_code == 2 and bad in result.stderr and "31-12-2019" in result.stderr


def test_cli_dutch_dates_and_statuses_are_understood(runner, built_index):
    iso = runner.invoke(app, ["decisions", "--from", "2019-07-01", "--to", "2019-07-31", "--index", str(built_index), "--json"])
    dutch = runner.invoke(app, ["decisions", "--from", "1-7-2019", "--to", "jul 2019", "--index", str(built_index), "--json"])
    assert iso.exit_code == dutch.exit_code == 0 and json.loads(iso.stdout) == json.loads(dutch.stdout)
    adopted = runner.invoke(app, ["decisions", "--status", "aangenomen", "--index", str(built_index), "--json"])
    assert adopted.exit_code == 0 and json.loads(adopted.stdout)
    assert {d["status"] for d in json.loads(adopted.stdout)} == {"adopted"}


def test_cli_extract_dash_writes_to_standard_output(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(ROOT / "corpus" / "001_759a8cb1d178ac04.txt"), "--jsonl", "-", "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["kind"] == "document" and records[0]["doc_id"] == "001_759a8cb1d178ac04"
    assert not (tmp_path / "-").exists()
    assert "written to standard output" in result.stderr


def test_cli_extract_leaves_out_readme_and_sources_like_build(runner, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "brief.txt").write_text("Op 3 maart 2024 heeft de gemeenteraad de begroting vastgesteld.\n", encoding="utf-8")
    (folder / "SOURCES.md").write_text("# Sources\n\nWhere the files came from.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--jsonl", "-", "--quiet"])
    docs = [json.loads(line)["doc_id"] for line in result.stdout.splitlines() if '"kind": "document"' in line]
    assert result.exit_code == 0 and docs == ["brief"]
    assert "SOURCES.md" in result.stderr and "--all-files" in result.stderr
    result = runner.invoke(app, ["extract", str(folder), "--jsonl", "-", "--quiet", "--all-files"])
    assert sorted(json.loads(line)["doc_id"] for line in result.stdout.splitlines() if '"kind": "document"' in line) == [
        "SOURCES", "brief"]


@pytest.mark.parametrize("args", [["timeline", "--html"], ["timeline", "--csv"], ["decisions", "--csv"]])
def test_cli_a_file_that_cannot_be_written_is_one_line(runner, built_index, args):
    result = runner.invoke(app, [*args, "/no/such/dir/x.out", "--index", str(built_index)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "/no/such/dir" in lines[0] and "does not exist" in lines[0]
    assert "Traceback" not in result.output


def test_cli_extract_to_a_missing_folder_is_one_line(runner):
    result = runner.invoke(app, ["extract", str(ROOT / "corpus"), "--jsonl", "/no/such/dir/r.jsonl"])
    assert result.exit_code == 2 and "/no/such/dir" in result.stderr and "Traceback" not in result.output


def test_cli_build_leaves_out_readme_sources_and_excluded_files(runner, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("001_759a8cb1d178ac04.txt", "003_d4d0686746b347e9.txt"):
        (docs / name).write_bytes((ROOT / "corpus" / name).read_bytes())
    (docs / "SOURCES.md").write_text("# Bronnen\n\nDe documenten komen van de websites van de gemeenten.\n")
    (docs / "README.md").write_text("# Over deze map\n\nHier staan de stukken van de regioraad.\n")
    (docs / "concept-oud.txt").write_text("Een oud concept van de regioraad, niet meer geldig.\n")
    ix = tmp_path / "ix"
    result = runner.invoke(app, ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary",
                                 "--exclude", "concept-*"])
    assert result.exit_code == 0, result.output
    assert "documents: 2 " in result.stdout
    assert "README.md" in result.stderr and "SOURCES.md" in result.stderr and "concept-oud.txt" in result.stderr
    every = runner.invoke(app, ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary", "--all-files"])
    assert every.exit_code == 0 and "documents: 5 " in every.stdout
    again = runner.invoke(app, ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary"])
    assert again.exit_code == 0 and "documents: 3 " in again.stdout and "2 removed" in again.stdout


def test_cli_build_of_an_empty_folder_exits_2(runner, tmp_path):
    (tmp_path / "leeg").mkdir()
    result = runner.invoke(app, ["build", str(tmp_path / "leeg"), "--index", str(tmp_path / "ix"), "--quiet"])
    assert result.exit_code == 2 and "no documents found" in result.stderr and "leeg" in result.stderr


def test_cli_serve_on_a_taken_port_says_so_before_announcing(runner, built_index):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--index", str(built_index), "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port}" in result.stderr and "in use" in result.stderr and "http://" not in result.output


def test_cli_build_rederive_derives_again_without_extracting(runner, tmp_path, corpus_copy):
    ix = tmp_path / "ix"
    first = runner.invoke(app, ["build", str(corpus_copy), "--index", str(ix), "--quiet", "--no-summary"])
    assert first.exit_code == 0, first.output
    from pipeline.store import open_store

    store = open_store(ix)
    try:
        subjects = store.subjects()
        before = [(s.id, s.mentions) for s in subjects]
        with store.transaction():  # a subject lost: only deriving again brings it back
            store.put_subjects(subjects[1:], store.relations())
    finally:
        store.close()
    again = runner.invoke(app, ["build", str(corpus_copy), "--index", str(ix), "--quiet", "--no-summary", "--rederive"])
    assert again.exit_code == 0, again.output
    assert "0 added, 0 updated" in again.output
    store = open_store(ix)
    try:
        assert [(s.id, s.mentions) for s in store.subjects()] == before
    finally:
        store.close()


def test_cli_search_government_keeps_one_government(runner, built_index):
    every = json.loads(runner.invoke(app, ["search", "Twente", "--index", str(built_index), "--json"]).stdout)
    one = runner.invoke(app, ["search", "Twente", "--index", str(built_index), "--json", "--government", "GM0153"])
    assert one.exit_code == 0, one.output
    found = json.loads(one.stdout)
    assert 0 < found["documents"] < every["documents"]
    bad = runner.invoke(app, ["search", "Twente", "--index", str(built_index), "--government", "Atlantis"])
    assert bad.exit_code == 2 and "--government 'Atlantis' is no government" in bad.output
