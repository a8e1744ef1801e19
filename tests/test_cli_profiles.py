"""Headless logins: `profile add|list`, `audit`, and --user / --password-stdin on every command."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.services import contacts
from communitydesk.services.permissions import Actor

ADMIN_PASSWORD = "cle-de-Yanis-2026"
VOLUNTEER_PASSWORD = "cle-de-Malik-2026"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def protected(db: Database, actor: Actor, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A base with a contact, an administrator Yanis and a volunteer Malik, both with passwords."""
    contacts.create_contact(db, actor, contacts.ContactInput(first_name="Awa", last_name="Diallo"))
    base = str(db.path)
    code, out, err = run(
        capsys, monkeypatch, "profile", "add", "Yanis", "--role", "admin", "--db", base, "--password-stdin",
        stdin=f"{ADMIN_PASSWORD}\n",
    )  # fmt: skip
    assert (code, err) == (0, "") and "Yanis" in out and "Administrateur" in out
    code, out, err = run(
        capsys, monkeypatch, "profile", "add", "Malik", "--role", "benevole", "--db", base,
        "--user", "Yanis", "--password-stdin", stdin=f"{ADMIN_PASSWORD}\n{VOLUNTEER_PASSWORD}\n",
    )  # fmt: skip
    assert (code, err) == (0, "")
    return db.path


def audit_entries(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, base: Path) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(
        capsys, monkeypatch, "audit", "--db", str(base), "--json", "--user", "Yanis", "--password-stdin",
        stdin=f"{ADMIN_PASSWORD}\n",
    )  # fmt: skip
    assert (code, err) == (0, "")
    return list(json.loads(out))


def test_without_passwords_nothing_asks_for_a_login(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _err = run(capsys, monkeypatch, "stats", "--db", str(db.path), "--json")
    assert code == 0 and json.loads(out)["contacts"]["total"] == 0


def test_once_protected_every_command_needs_a_login_but_check_and_backup(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = str(protected)
    code, out, err = run(capsys, monkeypatch, "stats", "--db", base)
    assert code == 1 and out == ""
    assert "protégée par des profils" in err and "--user" in err
    code, out, err = run(capsys, monkeypatch, "stats", "--db", base, "--user", "Yanis", "--password-stdin")
    assert code == 1 and "entrée standard" in err
    assert run(capsys, monkeypatch, "check", "--db", base)[0] == 0
    assert run(capsys, monkeypatch, "backup", "--db", base, "--out", str(tmp_path / "copie.sqlite3"))[0] == 0
    code, out, err = run(
        capsys, monkeypatch, "stats", "--db", base, "--json", "--user", "Malik", "--password-stdin",
        stdin=f"{VOLUNTEER_PASSWORD}\n",
    )  # fmt: skip
    assert (code, err) == (0, "") and json.loads(out)["contacts"]["total"] == 1


def test_a_wrong_password_changes_nothing_and_is_audited(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_file = tmp_path / "contacts.csv"
    code, out, err = run(
        capsys, monkeypatch, "export", "contacts", "--db", str(protected), "--out", str(out_file),
        "--user", "Yanis", "--password-stdin", stdin="pas-le-bon\n",
    )  # fmt: skip
    assert code == 1 and out == "" and "mot de passe incorrect" in err
    assert not out_file.exists()
    failed = [e for e in audit_entries(capsys, monkeypatch, protected) if e["action"] == "login_failed"]
    assert [(e["user"], e["outcome"]) for e in failed] == [("Yanis", "failed")]


def test_a_refused_action_writes_nothing_and_is_audited(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_file = tmp_path / "contacts.csv"
    for argv in (
        ("export", "contacts", "--out", str(out_file)),
        ("export", "pdf", "directory", "--out", str(tmp_path / "annuaire.pdf")),
    ):
        code, out, err = run(
            capsys, monkeypatch, *argv, "--db", str(protected), "--user", "Malik", "--password-stdin",
            stdin=f"{VOLUNTEER_PASSWORD}\n",
        )  # fmt: skip
        assert code == 1 and out == ""
        assert "« Malik » n'a pas ce droit : exporter ou imprimer des données personnelles" in err
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.pdf"))
    entries = audit_entries(capsys, monkeypatch, protected)
    assert all(entry.keys() == {"at", "user", "action", "target", "target_label", "outcome"} for entry in entries)
    refused = [(e["user"], e["action"], e["target"]) for e in entries if e["outcome"] == "refused"]
    assert refused == [
        ("Malik", "personal_data.export", "pdf:directory"),
        ("Malik", "personal_data.export", "export:contacts:csv"),
    ]
    code, _out, err = run(
        capsys, monkeypatch, "audit", "--db", str(protected), "--user", "Malik", "--password-stdin",
        stdin=f"{VOLUNTEER_PASSWORD}\n",
    )  # fmt: skip
    assert code == 1 and "consulter le journal d'audit" in err


def test_later_profiles_need_an_administrators_login(
    protected: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = str(protected)
    code, _out, err = run(
        capsys, monkeypatch, "profile", "add", "Intrus", "--role", "admin", "--db", base, "--password-stdin",
        stdin="une-cle-quelconque\n",
    )  # fmt: skip
    assert code == 1 and "--user" in err
    code, _out, err = run(
        capsys, monkeypatch, "profile", "add", "Intrus", "--role", "admin", "--db", base,
        "--user", "Malik", "--password-stdin", stdin=f"{VOLUNTEER_PASSWORD}\nune-cle-quelconque\n",
    )  # fmt: skip
    assert code == 1 and "gérer les profils et les droits" in err
    code, out, err = run(
        capsys, monkeypatch, "profile", "list", "--db", base, "--json", "--user", "Yanis", "--password-stdin",
        stdin=f"{ADMIN_PASSWORD}\n",
    )  # fmt: skip
    assert err == ""
    assert [(p["name"], p["role"], p["has_password"]) for p in json.loads(out)] == [
        ("Malik", "benevole", True),
        ("Yanis", "admin", True),
    ]


def test_the_first_protected_profile_is_an_administrator(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = run(
        capsys, monkeypatch, "profile", "add", "Malik", "--role", "benevole", "--db", str(db.path),
        "--password-stdin", stdin=f"{VOLUNTEER_PASSWORD}\n",
    )  # fmt: skip
    assert code == 1 and "doit être un administrateur" in err
    assert run(capsys, monkeypatch, "stats", "--db", str(db.path))[0] == 0  # still open to all


def test_no_password_in_the_base_the_output_or_the_logs(
    protected: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    code, out, err = run(
        capsys, monkeypatch, "stats", "--db", str(protected), "--user", "Yanis", "--password-stdin",
        stdin=f"{ADMIN_PASSWORD}\n",
    )  # fmt: skip
    assert code == 0
    run(capsys, monkeypatch, "stats", "--db", str(protected), "--user", "Yanis", "--password-stdin", stdin="x-faux\n")
    raw = b"".join(p.read_bytes() for p in protected.parent.glob(protected.name + "*"))
    for secret in (ADMIN_PASSWORD, VOLUNTEER_PASSWORD):
        assert secret.encode() not in raw
        assert secret not in out + err + caplog.text
    assert b"x-faux" not in raw


def test_the_demo_has_logins_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from communitydesk.services.demo import DEMO_VOLUNTEER_PASSWORD, VOLUNTEER

    plain, guarded = str(tmp_path / "plain.sqlite3"), str(tmp_path / "guarded.sqlite3")
    assert run(capsys, monkeypatch, "demo", "--db", plain, "--contacts", "5")[0] == 0
    assert run(capsys, monkeypatch, "demo", "--db", guarded, "--contacts", "5", "--with-logins")[0] == 0
    assert run(capsys, monkeypatch, "stats", "--db", plain)[0] == 0
    assert run(capsys, monkeypatch, "stats", "--db", guarded)[0] == 1
    code, _out, err = run(
        capsys, monkeypatch, "search", "Martin", "--db", guarded, "--user", VOLUNTEER, "--password-stdin",
        stdin=f"{DEMO_VOLUNTEER_PASSWORD}\n",
    )  # fmt: skip
    assert (code, err) == (0, "")


LIST_MODULES_AFTER = (
    "import sys\n"
    "from communitydesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MODULES', *sorted(sys.modules), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.mark.slow
def test_a_protected_base_logs_in_on_the_quick_path(protected: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, COMMUNITYDESK_DATA_DIR=str(tmp_path / "data"))
    for command in (["stats"], ["export", "pdf", "community-report", "--out", str(tmp_path / "r.pdf")]):
        result = subprocess.run(
            [sys.executable, "-c", LIST_MODULES_AFTER, *command, "--db", str(protected), "--user", "Malik",
             "--password-stdin"],
            input=f"{VOLUNTEER_PASSWORD}\n", env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        modules = result.stderr.split("MODULES", 1)[1].split()
        assert "communitydesk.services.logins" in modules
        assert not [name for name in modules if name.startswith(("sqlalchemy", "alembic"))]
