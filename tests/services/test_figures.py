"""The sqlite3 fast path gives the same figures as the ORM, and never writes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from communitydesk.db.database import Database
from communitydesk.errors import DatabaseError
from communitydesk.models import contact_conditions
from communitydesk.models.contacts import ACTIVE, ERASED_SQL, CircleMove, Contact, TouchPoint
from communitydesk.models.registry import metadata
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services.demo import populate
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor


@pytest.fixture
def filled(db: Database, actor: Actor) -> Database:
    populate(db, actor, contacts=400, seed=7)
    now = datetime.now(UTC)
    with db.transaction() as session:
        # Archived contacts are not counted; recent ones are.
        for contact in session.scalars(select(Contact).order_by(Contact.id).limit(25)):
            contact.archived_at = now
        for contact in session.scalars(select(Contact).order_by(Contact.id.desc()).limit(10)):
            contact.created_at = now - timedelta(days=2)
        # Erased contacts leave their circle, as they leave the lists.
        for contact in session.scalars(select(Contact).order_by(Contact.id).offset(100).limit(6)):
            contact.anonymised_at = now
    return db


def test_figures_equal_orm_counts(filled: Database, actor: Actor) -> None:
    figures = read_figures(filled.path, actor)
    since = datetime.now(UTC) - timedelta(days=30)
    active = ACTIVE
    with filled.sessions() as session:
        by_circle = dict(
            session.execute(select(Contact.circle, func.count()).where(active).group_by(Contact.circle)).all()
        )
        new = session.scalar(select(func.count()).select_from(Contact).where(active, Contact.created_at >= since))
        moves = session.scalar(
            select(func.count())
            .select_from(CircleMove)
            .join(Contact, Contact.id == CircleMove.contact_id)
            .where(active, CircleMove.moved_at >= since, CircleMove.from_circle.is_not(None))
            .where(CircleMove.from_circle != CircleMove.to_circle)
        )
        touches = session.scalar(select(func.count()).select_from(TouchPoint).where(TouchPoint.occurred_at >= since))
        tables = {
            name: session.scalar(select(func.count()).select_from(table)) for name, table in metadata.tables.items()
        }
    assert figures.contacts.by_circle == {c.value: by_circle.get(c.value, 0) for c in CIRCLE_ORDER}
    assert figures.contacts.total == 369
    assert figures.contacts.new_last_30_days == new and new >= 10
    assert figures.contacts.moves_last_30_days == moves
    assert figures.contacts.touch_points_last_30_days == touches and touches > 0
    assert figures.tables == tables
    assert figures.tables["contacts"] == 400


def test_erased_contacts_are_counted_from_their_own_index(db_path: Path) -> None:
    assert contact_conditions.ERASED.sql() == ERASED_SQL  # db.figure_reads counts with it
    with sqlite3.connect(db_path) as conn:
        plan = conn.execute(
            f"EXPLAIN QUERY PLAN SELECT circle, COUNT(*) FROM contacts WHERE {ERASED_SQL} GROUP BY circle"
        )
        assert "ix_contacts_erased_circle" in str(plan.fetchall())


def test_json_shape(filled: Database, actor: Actor) -> None:
    data = read_figures(filled.path, actor).as_json()
    assert data["schema_version"] is not None
    assert set(data["contacts"]["by_circle"]) == {"proches", "communaute", "grand_public"}
    assert data["contacts"]["total"] == sum(data["contacts"]["by_circle"].values())
    assert all(isinstance(count, int) for count in data["tables"].values())


def test_empty_database(db_path: Path, actor: Actor) -> None:
    figures = read_figures(db_path, actor)
    assert figures.contacts.total == 0
    assert figures.contacts.by_circle == {"proches": 0, "communaute": 0, "grand_public": 0}
    assert set(figures.tables) == set(metadata.tables)


def test_reading_figures_writes_nothing(filled: Database, actor: Actor) -> None:
    filled.close()
    path = filled.path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in path.parent.iterdir())
    read_figures(path, actor)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_not_a_database(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="pas un fichier SQLite"):
        read_figures(path, actor)
