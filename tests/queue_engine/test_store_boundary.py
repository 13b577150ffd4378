"""All SQL goes through the store (queue_engine/store/): the engine, the desk, the
roster and the rest hold domain objects and call the repository, so a schema change has
one place to go and PostgreSQL and SQLite behave alike."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SQL_BUILDERS = {"select", "insert", "update", "delete", "text"}


def _sql_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "sqlalchemy") for alias in node.names}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in SQL_BUILDERS & imported:
                found.append(f"{path.name}:{node.lineno} {f.id}()")
            if isinstance(f, ast.Attribute) and f.attr in ("execute", "executemany"):
                found.append(f"{path.name}:{node.lineno} .{f.attr}()")
    return found


def test_no_sql_outside_the_store() -> None:
    outside = [p for p in (ROOT / "queue_engine").rglob("*.py")
               if "store" not in p.relative_to(ROOT / "queue_engine").parts]
    assert outside, "no engine modules found"
    assert [hit for p in outside for hit in _sql_calls(p)] == []
