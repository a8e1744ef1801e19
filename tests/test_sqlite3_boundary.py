"""Only db/ imports SQLite's driver (lazily or for type checking too): services, screens and
renderers go through SQLAlchemy or db/'s named quick reads (db.figure_reads, db.document_reads)."""

from __future__ import annotations

from pathlib import Path

import grimp

import communitydesk

ALLOWED = ("communitydesk.db.",)


def test_only_db_imports_sqlite3() -> None:
    graph = grimp.build_graph("communitydesk", include_external_packages=True, cache_dir=None)
    users = graph.find_modules_that_directly_import("sqlite3")
    assert "communitydesk.db.quick_reads" in users  # the graph was read
    assert sorted(module for module in users if not module.startswith(ALLOWED)) == []


def test_outside_db_nobody_runs_sql_on_a_quick_readers_connection() -> None:
    """Services hand a QuickReader to db/'s named reads; its ``connection`` is db/'s business."""
    package = Path(communitydesk.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.relative_to(package).parts[0] != "db" and ".connection.execute" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
