"""No import cycle between the package's parts (sub-packages and top-level modules).

import-linter's layers contract (pyproject.toml) states the order; this test checks the
property itself, whatever the contract lists: a part that imports another part which
imports it back (even lazily, inside a function, or only for type checking) fails here.
"""

from __future__ import annotations

import graphlib

import grimp

PACKAGE = "communitydesk"


def _part(module: str) -> str:
    return ".".join(module.split(".")[:2])


def part_imports() -> dict[str, set[str]]:
    """Each part of the package → the other parts it imports."""
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        if module == PACKAGE:
            continue
        source = _part(module)
        targets = {_part(imported) for imported in graph.find_modules_directly_imported_by(module)}
        edges.setdefault(source, set()).update(t for t in targets if t != source and t != PACKAGE)
    return edges


def test_no_import_cycle_between_parts() -> None:
    edges = part_imports()
    assert "communitydesk.reports" in edges and "communitydesk.services" in edges  # the graph was read
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as exc:
        cycle = " → ".join(exc.args[1])
        raise AssertionError(f"import cycle between parts of {PACKAGE}: {cycle}") from None


def test_renderers_import_no_service() -> None:
    assert "communitydesk.services" not in part_imports()["communitydesk.reports"]
