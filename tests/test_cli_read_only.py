"""Read-only bases and folders, for real: reads work, writes name the permissions, no -wal/-shm left.

CI runs as root, whom file modes do not stop. The commands run in a subprocess that
first drops root's power to override file modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
CAP_FOWNER, from the bounding set, so that they are gone after exec): the files' modes
then refuse it as they refuse any user. Switching to ``nobody`` would not do here, the
interpreter living under /root.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3

CONTACTS_CSV = "Nom;Prénom;E-mail\nDupont;Jean;jean@exemple.fr\n"
CONTRIBUTIONS_CSV = "Date;Montant;Email;Référence\n2026-01-05;10;jean@exemple.fr;R1\n"
PUBLICATIONS_CSV = "Date;Réseau;Titre\n14/01/2027;LinkedIn;Vœux\n"

READS = {
    "stats": ["stats", "--db", "{db}"],
    "check": ["check", "--db", "{db}"],
    "backup --out": ["backup", "--db", "{db}", "--out", "{out}/copie.sqlite3"],
    "export contacts": ["export", "contacts", "--db", "{db}", "--out", "{out}/contacts.csv"],
    "export pdf": ["export", "pdf", "directory", "--db", "{db}", "--out", "{out}/annuaire.pdf"],
    "export ics": ["export", "ics", "--db", "{db}", "--out", "{out}/calendrier.ics"],
    "export publications": ["export", "publications", "--db", "{db}", "--out", "{out}/plan.csv"],
}
WRITES = {
    "import contacts": ["import", "contacts", "{inputs}/contacts.csv", "--db", "{db}"],
    "import contributions": [
        *("import", "contributions", "{inputs}/contributions.csv", "--db", "{db}"),
        *("--campaign", "Été", "--platform", "generic", "--create"),
    ],
    "import publications": ["import", "publications", "{inputs}/publications.csv", "--db", "{db}"],
    "restore": ["restore", "{inputs}/sauvegarde.sqlite3", "--db", "{db}"],
}
# Writing beside the base: refused only when its folder is read-only.
FOLDER_WRITES = {
    "backup": ["backup", "--db", "{db}"],
    "demo --replace": ["demo", "--db", "{db}", "--replace", "--contacts", "3"],
}
LEAKS = ("verrouillée", "readonly", "read-only", "Permission denied", "Traceback", "disk I/O")


def _without_file_rights() -> None:  # pragma: no cover - runs in the child, between fork and exec
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_without_file_rights(argv: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communitydesk", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=_without_file_rights,
        check=False,
    )


@pytest.fixture(scope="module")
def _file_modes_refuse(tmp_path_factory: pytest.TempPathFactory) -> None:
    probe = tmp_path_factory.mktemp("droits") / "lecture-seule.txt"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        wrote = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}, 'a')"],
            capture_output=True,
            preexec_fn=_without_file_rights,
            check=False,
        )
    except subprocess.SubprocessError:
        pytest.skip("cannot give up the right to override file modes here")
    if wrote.returncode == 0:
        pytest.skip("cannot give up the right to override file modes here")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def place(db_path: Path, tmp_path: Path, _file_modes_refuse: None) -> Iterator[dict[str, Path]]:
    """A base alone in its folder, inputs and outputs elsewhere; modes restored after the test."""
    folder, inputs, out = tmp_path / "base", tmp_path / "entrées", tmp_path / "sorties"
    for each in (folder, inputs, out):
        each.mkdir()
    tmp_path.chmod(0o755)
    db = folder / "association.sqlite3"
    shutil.copyfile(db_path, db)
    shutil.copyfile(db_path, inputs / "sauvegarde.sqlite3")
    (inputs / "contacts.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    (inputs / "contributions.csv").write_text(CONTRIBUTIONS_CSV, encoding="utf-8")
    (inputs / "publications.csv").write_text(PUBLICATIONS_CSV, encoding="utf-8")
    yield {"db": db, "folder": folder, "inputs": inputs, "out": out}
    folder.chmod(0o755)
    db.chmod(0o644)


def make_read_only(place: dict[str, Path], what: str) -> None:
    if what == "fichier":
        place["db"].chmod(0o444)
    else:
        place["folder"].chmod(0o555)


def argv(template: list[str], place: dict[str, Path]) -> list[str]:
    return [arg.format(**{k: str(v) for k, v in place.items()}) for arg in template]


@pytest.mark.slow
@pytest.mark.parametrize("what", ["fichier", "dossier"])
@pytest.mark.parametrize("name", list(READS))
def test_reading_a_read_only_base_works_and_leaves_nothing_behind(name: str, what: str, place: dict[str, Path]) -> None:
    before = digest(place["db"])
    make_read_only(place, what)

    done = run_without_file_rights(argv(READS[name], place))

    assert done.returncode == 0, done.stderr
    assert digest(place["db"]) == before
    assert sorted(p.name for p in place["folder"].iterdir()) == [place["db"].name], "no -wal, no -shm"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("what", "name"),
    [("fichier", name) for name in WRITES] + [("dossier", name) for name in (*WRITES, *FOLDER_WRITES)],
)
def test_writing_a_read_only_base_names_the_permissions(name: str, what: str, place: dict[str, Path]) -> None:
    before = digest(place["db"])
    make_read_only(place, what)

    done = run_without_file_rights(argv({**WRITES, **FOLDER_WRITES}[name], place))

    assert done.returncode == 1, done.stdout
    assert "droit" in done.stderr and "permissions" in done.stderr, done.stderr
    assert not [leak for leak in LEAKS if leak in done.stderr], done.stderr
    assert digest(place["db"]) == before
    assert sorted(p.name for p in place["folder"].iterdir()) == [place["db"].name], "no -wal, no -shm"
