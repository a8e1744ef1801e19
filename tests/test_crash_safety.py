"""SIGKILL in the middle of writing loses nothing that was committed, and the base stays sound."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.backup import partial_path
from communitydesk.services.demo import BATCH

ROOT = Path(__file__).resolve().parent.parent


def committed_contacts(path: Path) -> dict[int, tuple[str, str]]:
    """What another program sees as committed right now (read-only, like a backup)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return {row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, email, circle FROM contacts")}
    except sqlite3.OperationalError:
        return {}  # not created yet
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_demo_keeps_every_committed_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    final = tmp_path / "tuée.sqlite3"
    path = partial_path(final)  # the demo is built beside its final name
    writer = subprocess.Popen(
        [sys.executable, "-m", "communitydesk", "demo", "--db", str(final), "--contacts", "100000"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        seen: dict[int, tuple[str, str]] = {}
        deadline = time.monotonic() + 180
        while len(seen) < 2 * BATCH and time.monotonic() < deadline and writer.poll() is None:
            time.sleep(0.05)
            if path.exists():
                seen = committed_contacts(path)
        assert len(seen) >= 2 * BATCH, "the demo should have committed two batches by now"
        time.sleep(0.2)  # land the kill in the middle of a later batch
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()

    assert not final.exists(), "a half-built demo under the final name"
    assert main(["check", "--db", str(path)]) == 0, capsys.readouterr().err
    after = committed_contacts(path)
    assert {cid: after.get(cid) for cid in seen} == seen, "a committed contact changed or vanished"
    # Each batch is one transaction: whole batches only, each contact with its arrival in the community.
    assert len(after) % BATCH == 0
    conn = sqlite3.connect(path)
    try:
        (orphans,) = conn.execute(
            "SELECT COUNT(*) FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM circle_moves m WHERE m.contact_id = c.id)"
        ).fetchone()
    finally:
        conn.close()
    assert orphans == 0
