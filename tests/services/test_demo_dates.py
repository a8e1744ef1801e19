"""The demo never dates what has happened in the future: every moment column of every table
(created, moved, contributed, validated…) is at most now, at 300 and at 2 000 contacts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from communitydesk.models.base import UTCDateTime
from communitydesk.models.registry import metadata
from communitydesk.models.stored_time import encode
from communitydesk.services.demo import create_demo_database
from communitydesk.services.permissions import Actor


def moment_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, UTCDateTime)
    ]


@pytest.mark.parametrize("contacts", [300, pytest.param(2000, marks=pytest.mark.slow)])
def test_no_demo_moment_is_in_the_future(tmp_path: Path, actor: Actor, contacts: int) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path, actor, contacts=contacts)
    now = encode(datetime.now(UTC))
    columns = moment_columns()
    assert len(columns) > 20
    connection = sqlite3.connect(path)
    try:
        future = {
            f"{table}.{column}": found
            for table, column in columns
            if (
                found := connection.execute(
                    f'SELECT COUNT(*), MAX("{column}") FROM "{table}" WHERE "{column}" > ?', (now,)
                ).fetchone()
            )[0]
        }
    finally:
        connection.close()
    assert future == {}
