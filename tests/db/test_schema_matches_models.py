"""The migrations and the models describe the same schema.

``alembic upgrade head`` is compared with ``metadata.create_all`` through what SQLite
itself reports (sqlite_master and PRAGMAs): tables, columns (type affinity, nullability,
primary key), indexes, unique constraints, foreign keys and views. Full-text (FTS5)
virtual tables, their shadow tables and triggers (they feed the full-text index and the
denormalised search columns) exist only in migrations by design and are left out. Column
defaults are left out too: a migration that adds a NOT NULL column to existing rows needs
a server default the model does not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from communitydesk.db.schema_version import HEAD, REVISIONS


def affinity(declared: str) -> str:
    """SQLite's column affinity rules (https://sqlite.org/datatype3.html §3.1)."""
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in upper or not upper:
        return "BLOB"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def describe(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master").fetchall()
        virtual = {name for kind, name, _t, sql in rows if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")}

        def full_text(name: str) -> bool:
            return name in virtual or any(name.startswith(v + "_") for v in virtual)

        tables = sorted(
            name
            for kind, name, _t, _sql in rows
            if kind == "table" and not name.startswith("sqlite_") and name != "alembic_version" and not full_text(name)
        )
        schema: dict[str, Any] = {"tables": tables}
        for table in tables:
            columns = {
                name: (affinity(declared), bool(notnull), pk)
                for _cid, name, declared, notnull, _default, pk, _hidden in conn.execute(
                    f'PRAGMA table_xinfo("{table}")'
                )
            }
            indexes = {}
            uniques = set()
            for _seq, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
                cols = tuple(row[2] for row in conn.execute(f'PRAGMA index_info("{name}")'))
                if origin == "c":
                    indexes[name] = (bool(unique), cols, bool(partial))
                elif origin == "u":
                    uniques.add(cols)
            foreign: dict[int, dict[str, Any]] = {}
            for fk_id, _seq, target, source, to, on_update, on_delete, _match in conn.execute(
                f'PRAGMA foreign_key_list("{table}")'
            ):
                entry = foreign.setdefault(
                    fk_id, {"target": target, "from": [], "to": [], "rules": (on_update, on_delete)}
                )
                entry["from"].append(source)
                entry["to"].append(to)
            schema[table] = {
                "columns": columns,
                "indexes": indexes,
                "uniques": uniques,
                "foreign_keys": {(f["target"], tuple(f["from"]), tuple(f["to"]), f["rules"]) for f in foreign.values()},
            }
        schema["views"] = sorted(name for kind, name, _t, _sql in rows if kind == "view")
        return schema
    finally:
        conn.close()


@pytest.fixture(scope="module")
def from_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from communitydesk.models.registry import metadata

    path = tmp_path_factory.mktemp("models") / "models.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    engine.dispose()
    return describe(path)


@pytest.fixture
def from_migrations(db_path: Path) -> dict[str, Any]:
    return describe(db_path)  # the per-test database is ``alembic upgrade head``


def test_same_tables(from_models: dict[str, Any], from_migrations: dict[str, Any]) -> None:
    assert from_migrations["tables"] == from_models["tables"]
    assert from_migrations["views"] == from_models["views"]


@pytest.mark.parametrize("aspect", ["columns", "indexes", "uniques", "foreign_keys"])
def test_same_table_details(from_models: dict[str, Any], from_migrations: dict[str, Any], aspect: str) -> None:
    differences = {
        table: {"migrations": from_migrations[table][aspect], "models": from_models[table][aspect]}
        for table in from_models["tables"]
        if table in from_migrations and from_migrations[table][aspect] != from_models[table][aspect]
    }
    assert differences == {}


def test_the_comparison_sees_real_detail(from_models: dict[str, Any]) -> None:
    # Guards the comparison itself: it must see the columns, indexes and links it compares.
    contacts = from_models["contacts"]
    assert contacts["columns"]["id"] == ("INTEGER", True, 1)
    assert contacts["columns"]["last_touch_at"] == ("NUMERIC", False, 0)
    assert contacts["indexes"]["ix_contacts_email_key"] == (False, ("email_key",), False)
    assert contacts["indexes"]["ix_contacts_active_circle"] == (False, ("circle", "sort_name"), True)
    assert ("name",) in from_models["tags"]["uniques"]
    assert ("contacts", ("contact_id",), ("id",), ("NO ACTION", "CASCADE")) in from_models["circle_moves"][
        "foreign_keys"
    ]


def test_revisions_match_the_migration_scripts(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    from communitydesk.db.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config(tmp_path / "unused.sqlite3"))
    assert scripts.get_heads() == [HEAD], "exactly one head, the last of REVISIONS"
    history = [script.revision for script in scripts.walk_revisions()]
    assert tuple(reversed(history)) == REVISIONS
