"""The store's modules import one way: each imports alone, and none imports back, not even
from inside a function (which hid a cycle between the database and its stores)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from test_store_safety import child_env

import tuireader.store
from tuireader.store import _EXPORTS

STORE = Path(tuireader.store.__file__).parent
MODULES = sorted(path.stem for path in STORE.glob("*.py") if path.stem != "__init__")


def store_imports(module: str) -> set[str]:
    """The store modules `module` imports anywhere in its text (TYPE_CHECKING included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse((STORE / f"{module}.py").read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == "tuireader.store":  # the package's lazy names
                names = [_EXPORTS[alias.name] for alias in node.names if alias.name in _EXPORTS]
            else:
                names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name.split(".")[2] for name in names if name.startswith("tuireader.store.")}
    return found


def cycle_from(module: str, graph: dict[str, set[str]], path: list[str]) -> list[str] | None:
    if module in path:
        return [*path[path.index(module):], module]
    for imported in sorted(graph.get(module, set())):
        cycle = cycle_from(imported, graph, [*path, module])
        if cycle is not None:
            return cycle
    return None


def test_no_store_module_imports_one_that_imports_it_back() -> None:
    graph = {module: store_imports(module) for module in MODULES}
    assert graph["database"] >= {"note_store", "reading_shards", "settings"}  # parsed
    cycles = [cycle for module in MODULES if (cycle := cycle_from(module, graph, []))]
    assert cycles == []


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import tuireader.store.{module}"],
                            capture_output=True, text=True, env=child_env(), check=False)
    assert result.returncode == 0, result.stderr
