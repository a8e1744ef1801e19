"""On a shared PC an export naming people leaves its audit entry, or does not happen.

The base is held by a running CommunityDesk (its -wal and -shm exist) in a folder this user
may not write: the login still writes (into the existing files), but an audit entry cannot
be added beside a base whose folder is read-only. The command runs without root's power to
override file modes (see tests/test_cli_read_only.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.test_cli_read_only import _file_modes_refuse, run_without_file_rights  # noqa: F401 - a fixture

from communitydesk.db.database import open_database
from communitydesk.services import audit, contact_search, profiles
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM, Role

PASSWORD = "fondatrice-2026"
EXPORTS = {
    "export contacts": ["export", "contacts", "--out", "{out}/contacts.csv"],
    "export pdf": ["export", "pdf", "directory", "--out", "{out}/annuaire.pdf"],
}


@pytest.mark.slow
@pytest.mark.parametrize("shared_pc", [True, False], ids=["profils", "portable"])
@pytest.mark.parametrize("name", list(EXPORTS))
def test_an_export_that_cannot_be_audited_on_a_shared_pc_is_refused(  # type: ignore[no-untyped-def]
    name: str,
    shared_pc: bool,
    db_path: Path,
    tmp_path: Path,
    hold_elsewhere: Callable[[Path], None],
    _file_modes_refuse,  # noqa: F811
) -> None:
    folder, out = tmp_path / "base", tmp_path / "sorties"
    folder.mkdir()
    out.mkdir()
    base = folder / db_path.name
    db_path.rename(base)
    db = open_database(base)
    try:
        create_contact(db, SYSTEM, ContactInput(first_name="Jeanne", last_name="Martin", city="Lyon"))
        contact_search.ids_for(db, SYSTEM, "Jeanne")  # indexed now: the export has nothing to write
        profiles.add_profile(db, SYSTEM, "Camille", Role.ADMIN, PASSWORD if shared_pc else None)
        logged = len(audit.entries(db, SYSTEM))
    finally:
        db.close()
    hold_elsewhere(base)
    folder.chmod(0o555)
    try:
        login = ["--user", "Camille", "--password-stdin"] if shared_pc else []
        command = [arg.format(out=out) for arg in EXPORTS[name]]
        done = run_without_file_rights([*command, "--db", str(base), *login], stdin=PASSWORD + "\n")
    finally:
        folder.chmod(0o755)
    written = [p.name for p in out.iterdir()]
    if shared_pc:
        assert done.returncode == 1, done.stdout
        assert "journal d'audit" in done.stderr and "Rien n'a été écrit" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
        assert written == []
    else:
        assert done.returncode == 0, done.stderr  # a founder alone on a laptop exports as before
        assert written
    db = open_database(base)
    try:
        entries = audit.entries(db, SYSTEM)
    finally:
        db.close()
    # Only the login reached the log (its own write, into the files the running app keeps).
    assert [e.action for e in entries[: len(entries) - logged]] == (["login"] if shared_pc else [])
