"""The package layout shows the data flow: stage packages, arrows one way, the backend chosen in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
# Down the data flow: a module may import from the stages before its own, never from a later one.
ORDER = ["models", "ingest", "nlp", "index", "store", "link", "search", "extract", "distributed", "build",
         "reports", "web", "cli"]


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return out


def _imports(name: str, path: Path, tree: ast.Module):
    """(imported module, imported name or None) of every import of pipeline code in ``tree``."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "pipeline" or target.startswith("pipeline."):
                for alias in node.names:
                    yield target, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("pipeline."):
                    yield alias.name, None


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_layout_has_few_top_level_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} >= {
        "ingest", "nlp", "link", "store", "search", "index", "web"}


def test_layout_every_stage_package_says_what_goes_in_and_out():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 25, f"{init.parent.name}/__init__.py needs a docstring on what goes in and out"


def test_layout_no_module_imports_another_modules_underscore_names():
    modules = _modules()
    private = []
    for name, (path, tree) in modules.items():
        for target, imported in _imports(name, path, tree):
            if imported and imported.startswith("_") and not imported.startswith("__") and target != name:
                private.append(f"{name} imports {target}.{imported}")
    assert private == []


def test_layout_arrows_point_down_the_data_flow():
    modules = _modules()
    upward = []
    for name, (path, tree) in modules.items():
        here = _stage(name)
        if here is None:
            continue
        for target, imported in _imports(name, path, tree):
            there = _stage(target) or (imported if imported in ORDER else None)
            if there is None or there == here:
                continue
            assert here in ORDER and there in ORDER, (name, target)
            if ORDER.index(there) > ORDER.index(here):
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_layout_checker_sees_an_upward_import(tmp_path):
    """The arrow check is not vacuous: an ``nlp`` module importing ``search`` is reported."""
    tree = ast.parse("from ..search import search\n")
    [(target, imported)] = list(_imports("pipeline.nlp.dates", PACKAGE / "nlp" / "dates.py", tree))
    assert (target, imported) == ("pipeline.search", "search")
    assert ORDER.index(_stage(target)) > ORDER.index("nlp")


@pytest.mark.parametrize("needle", ["is_database_url(", "DATABASE_SCHEMES", "isinstance(store, PgStore)", "PgStore("])
def test_layout_backend_is_chosen_in_one_place(needle):
    """Only pipeline/store/__init__.py tells a database from a folder (the CLI only names the option)."""
    allowed = {PACKAGE / "store" / "__init__.py", PACKAGE / "store" / "postgres.py", PACKAGE / "cli.py"}
    found = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
             if p not in allowed and needle in p.read_text(encoding="utf-8")]
    assert found == []
