"""The package's layout is its architecture (README, "Where things live"): each role imports only
the roles beneath it, so that the model and what is derived from it stay plain data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "constructs"
# What each role of the package may import from the package.
ALLOWED = {
    "model": {"model", "errors"},
    "derived": {"model", "derived", "errors"},
    "components": {"model", "derived", "components", "errors"},
    "pipeline": {"model", "derived", "components", "pipeline", "errors"},
}


def imported(path: Path) -> set[str]:
    """The modules of ours `path` imports (absolute names)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] in ("ecommerce", "ecommerce_ops")}


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_role_imports_only_the_roles_beneath_it(role):
    modules = sorted((SOURCE / "ecommerce" / role).rglob("*.py"))
    assert modules
    for path in modules:
        for name in imported(path):
            parts = name.split(".")
            assert parts[0] == "ecommerce", f"{path.relative_to(SOURCE)} imports the tooling ({name})"
            target = parts[1] if len(parts) > 1 else ""
            assert target in ALLOWED[role], f"{path.relative_to(SOURCE)} ({role}) imports {name}"


def test_nothing_lives_beside_the_roles_but_the_error_type():
    assert sorted(p.name for p in (SOURCE / "ecommerce").iterdir() if p.suffix == ".py") == ["__init__.py", "errors.py"]
    assert sorted(p.name for p in (SOURCE / "ecommerce").iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(ALLOWED)
