"""The layers point one way: the CLI (ilp) -> pipelines (Dagster wiring) -> the libraries.

Read from the source with `ast`, so a lazy import inside a function counts as much as one at the top.
"""

import ast

import pytest

from tests.conftest import ROOT

# package -> top-level packages it must never import
FORBIDDEN = {
    "pipelines": {"ilp"},
    "extractors": {"ilp", "pipelines", "warehouse", "fetching", "dagster"},
    "warehouse": {"ilp", "pipelines", "dagster"},
    "fetching": {"ilp", "pipelines", "warehouse", "dagster"},
}


def _imported_packages(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_never_imports_a_layer_above_it(package):
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_packages(path) & FORBIDDEN[package])
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_lazy_imports(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from ilp.run import run_pipeline\n    import dagster as dg\n")
    assert _imported_packages(source) == {"ilp", "dagster"}
