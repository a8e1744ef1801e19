"""The audit log: ok, refused and failed entries, append-only, readable by administrators only."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, ValidationError
from communitydesk.services import audit
from communitydesk.services.permissions import Action, Actor, Role, require

VOLUNTEER = Actor(name="Malik", role=Role.VOLUNTEER)


def test_audited_writes_ok_refused_and_failed(db: Database, actor: Actor) -> None:
    with audit.audited(db, actor, Action.MERGE_CONTACTS, "contact:1+contact:2"):
        require(actor, Action.MERGE_CONTACTS)
    with pytest.raises(PermissionDenied), audit.audited(db, VOLUNTEER, Action.MERGE_CONTACTS, "contact:3"):
        require(VOLUNTEER, Action.MERGE_CONTACTS)
    with pytest.raises(ValidationError), audit.audited(db, actor, Action.ERASE_PERSONAL_DATA, "contact:4"):
        raise ValidationError("Mme Dupont n'existe pas")
    found = [(e.user, e.action, e.target, e.outcome, e.detail) for e in reversed(audit.entries(db, actor))]
    assert found == [
        ("système", "contacts.merge", "contact:1+contact:2", "ok", ""),
        ("Malik", "contacts.merge", "contact:3", "refused", ""),
        ("système", "gdpr.erase", "contact:4", "failed", "ValidationError"),  # never the message
    ]


def test_a_refused_entry_survives_the_rolled_back_work(db: Database, actor: Actor) -> None:
    with (
        pytest.raises(PermissionDenied),
        audit.audited(db, VOLUNTEER, Action.ERASE_PERSONAL_DATA, "contact:9"),
        db.transaction() as session,
    ):
        session.execute(text("INSERT INTO tags (name) VALUES ('x')"))
        require(VOLUNTEER, Action.ERASE_PERSONAL_DATA)
    with db.snapshot() as session:
        assert session.execute(text("SELECT count(*) FROM tags")).scalar() == 0
    assert [e.outcome for e in audit.entries(db, actor)] == ["refused"]


def test_the_log_is_append_only(db: Database, actor: Actor) -> None:
    audit.record(db, actor, audit.SessionEvent.LOCK)
    for statement in ("UPDATE audit_log SET user = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="ne se modifie pas"), db.transaction() as session:
            session.execute(text(statement))
    assert [e.action for e in audit.entries(db, actor)] == ["lock"]


def test_only_who_may_view_the_audit_reads_it(db: Database, actor: Actor, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        audit.entries(db, Actor(name="Inès", role=Role.TEAM))
    audit.record(db, actor, audit.SessionEvent.LOGIN, "profile:1")
    out = tmp_path / "audit.csv"
    assert audit.export_csv(db, actor, out) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == list(audit.CSV_HEADERS) and rows[1][1:4] + rows[1][5:6] == ["système", "login", "profile:1", "ok"]
    assert audit.entries(db, actor)[0].as_json().keys() == {"at", "user", "action", "target", "target_label", "outcome"}


def read_only(path: Path) -> Database:
    """The base opened as a process that may only read it opens it (SQLite's mode=ro)."""
    from communitydesk.db.engine import make_engine, make_session_factory

    engine = make_engine(path, read_only=True)
    return Database(path, engine, make_session_factory(engine), writable=False)


@pytest.mark.parametrize("shared_pc", [True, False])
def test_an_export_naming_people_that_cannot_be_audited(  # a shared PC refuses it; a laptop exports
    shared_pc: bool, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:
    from argon2 import PasswordHasher

    from communitydesk.errors import AuditUnavailable
    from communitydesk.services import profiles
    from communitydesk.services.contact_export import ContactSelection, export_contacts
    from communitydesk.services.contacts import ContactInput, create_contact

    jeanne = create_contact(db, actor, ContactInput(first_name="Jeanne", last_name="Martin"))
    chosen = ContactSelection(contact_ids=(jeanne.id,))
    profiles.add_profile(db, actor, "Camille", Role.ADMIN, "mot-de-passe-1" if shared_pc else None)
    who = profiles.login(db, "Camille", "mot-de-passe-1", hasher=PasswordHasher()) if shared_pc else actor
    logged = len(audit.entries(db, actor))
    out = tmp_path / "contacts.csv"
    base = read_only(db_path)
    try:
        if shared_pc:
            with pytest.raises(AuditUnavailable, match=r"inscrit au journal d'audit.*Rien n'a été écrit"):
                export_contacts(base, who, out, selection=chosen)
            assert not out.exists()
        else:
            assert export_contacts(base, who, out, selection=chosen).count == 1
    finally:
        base.close()
    assert len(audit.entries(db, actor)) == logged  # the read-only base took nothing
