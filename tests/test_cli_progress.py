"""A long headless command shows each of its steps on a terminal, and nothing when its
output is not one (a script, a pipe, a log)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_demo(tmp_path: Path, *, terminal: bool) -> str:
    """``communitydesk demo``'s stderr, written to a pseudo-terminal or to a pipe."""
    base = str(tmp_path / "demo.sqlite3")
    command = [sys.executable, "-m", "communitydesk", "demo", "--db", base, "--contacts", "50"]
    if not terminal:
        return subprocess.run(command, capture_output=True, text=True, check=True).stderr
    import pty

    leader, follower = pty.openpty()
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=follower, check=True)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed, everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_demo_shows_every_step_on_a_terminal(tmp_path: Path) -> None:
    shown = run_demo(tmp_path, terminal=True)
    lines = [line.rsplit("\r", 1)[-1] for line in shown.replace("\r\n", "\n").split("\n") if line]
    assert lines == [
        "Création de la base…",
        "Contacts… 100 %",
        "Campagnes, calendrier éditorial et ambassadeurs…",
        "Index de recherche…",
        "Écriture du fichier…",
    ]


@pytest.mark.slow
def test_nothing_is_shown_when_the_output_is_not_a_terminal(tmp_path: Path) -> None:
    assert run_demo(tmp_path, terminal=False) == ""
