"""Folder faults while building: each is one line, exit code 1, the rest is built and nothing stored is lost."""

from __future__ import annotations

import os
from pathlib import Path


from pipeline import extract as extract_module
from pipeline.cli import app
from pipeline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Het college van burgemeester en wethouders heeft op 3 maart 2021 besloten de subsidie voor het "
        "buurthuis te verlengen.\n\nKenmerk {mark}.\n")


def _docs(folder: Path) -> Path:
    docs = folder / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(TEXT.format(mark="alfa"), encoding="utf-8")
    (docs / "sub" / "b.txt").write_text(TEXT.format(mark="bravo"), encoding="utf-8")
    return docs


def _build(runner, docs: Path, ix: Path, *extra: str):
    return runner.invoke(app, ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary", "--workers", "1",
                               *extra])


def _stored(ix: Path) -> set[str]:
    with Store(ix) as store:
        return set(store.hashes())


def _one_line_naming(output: str, what: str) -> None:
    lines = [line for line in output.splitlines() if what in line]
    assert len(lines) == 1, output
    assert "Traceback" not in output


def test_folder_faults_unreadable_subfolder_keeps_its_documents(runner, tmp_path, monkeypatch):
    docs, ix = _docs(tmp_path), tmp_path / "ix"
    assert _build(runner, docs, ix).exit_code == 0
    (docs / "c.txt").write_text(TEXT.format(mark="charlie"), encoding="utf-8")
    sub = str(docs / "sub")
    real_scandir = os.scandir

    def scandir(path="."):  # as chmod 000 does for anyone but root
        if os.fspath(path) == sub:
            raise PermissionError(13, "Permission denied", sub)
        return real_scandir(path)

    monkeypatch.setattr(extract_module.os, "scandir", scandir)
    result = _build(runner, docs, ix)
    assert result.exit_code == 1
    _one_line_naming(result.output, "sub")
    assert _stored(ix) == {"a", "b", "c"}  # b is kept, c is built


def test_folder_faults_path_longer_than_path_max(runner, tmp_path):
    docs, ix = _docs(tmp_path), tmp_path / "ix"
    fd = os.open(docs, os.O_RDONLY)
    try:
        for n in range(22):  # 22 x 201 bytes: past the 4096 bytes a path may have
            os.mkdir("d" * 200, dir_fd=fd)
            deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        out = os.open("diep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(out, TEXT.format(mark="diep").encode())
        os.close(out)
    finally:
        os.close(fd)
    result = _build(runner, docs, ix)
    assert result.exit_code == 1
    _one_line_naming(result.output, "longer than")
    assert _stored(ix) == {"a", "b"}


def test_folder_faults_unwritable_index_folder_is_one_line(runner, tmp_path):
    docs = _docs(tmp_path)
    (tmp_path / "a-file").write_text("not a folder")
    result = _build(runner, docs, tmp_path / "a-file" / "ix")
    assert result.exit_code == 1
    _one_line_naming(result.output, "a-file")
    if os.geteuid() != 0:  # root may write anywhere
        ix = tmp_path / "ix"
        assert _build(runner, docs, ix).exit_code == 0
        ix.chmod(0o555)
        try:
            (docs / "c.txt").write_text(TEXT.format(mark="charlie"), encoding="utf-8")
            result = _build(runner, docs, ix)
            assert result.exit_code == 1 and "Traceback" not in result.output
        finally:
            ix.chmod(0o755)
        assert _stored(ix) == {"a", "b"}


def test_folder_faults_file_vanishing_mid_build(runner, tmp_path, monkeypatch):
    docs, ix = _docs(tmp_path), tmp_path / "ix"
    assert _build(runner, docs, ix).exit_code == 0
    (docs / "c.txt").write_text(TEXT.format(mark="charlie"), encoding="utf-8")
    (docs / "d.txt").write_text(TEXT.format(mark="delta"), encoding="utf-8")
    real = extract_module.iter_files

    def listing_then_delete(*args, **kwargs):
        files = list(real(*args, **kwargs))
        (docs / "c.txt").unlink()  # gone between the listing and the reading
        return iter(files)

    monkeypatch.setattr("pipeline.build.iter_files", listing_then_delete)
    result = _build(runner, docs, ix)
    assert result.exit_code == 1
    _one_line_naming(result.output, "c.txt")
    assert _stored(ix) == {"a", "b", "d"}


def test_folder_faults_links_out_of_the_corpus_are_not_followed(runner, tmp_path):
    docs, ix = _docs(tmp_path), tmp_path / "ix"
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "geheim.txt").write_text(TEXT.format(mark="geheim"), encoding="utf-8")
    (docs / "link.txt").symlink_to(outside / "geheim.txt")
    (docs / "map").symlink_to(outside, target_is_directory=True)
    (docs / "binnen.txt").symlink_to(docs / "sub" / "b.txt")  # inside the corpus: a link is fine
    result = _build(runner, docs, ix)
    assert result.exit_code == 1
    _one_line_naming(result.output, "link.txt")
    _one_line_naming(result.output, "map")
    assert "geheim" not in _stored(ix) and {"a", "b"} <= _stored(ix)
    followed = _build(runner, docs, tmp_path / "ix2", "--follow-links")
    assert "geheim" in _stored(tmp_path / "ix2"), followed.output
