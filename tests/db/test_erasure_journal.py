"""The erasure journal beside a base: owner-only, no personal data, and never read wrongly."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from communitydesk.db import erasure_journal
from communitydesk.db.erasure_journal import ErasedContact
from communitydesk.errors import DatabaseError

CREATED = datetime(2025, 3, 14, 9, 26, 53, 589793, tzinfo=UTC)
ERASED_AT = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)


def test_an_erasure_is_one_private_line_without_personal_data(tmp_path: Path) -> None:
    base = tmp_path / "asso.sqlite3"
    erasure_journal.record(base, [ErasedContact(12, CREATED), ErasedContact(40, CREATED)], ERASED_AT)
    erasure_journal.record(base, [ErasedContact(7, CREATED)], ERASED_AT)
    path = erasure_journal.journal_path(base)
    assert path == tmp_path / "asso.sqlite3.erasures"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {
        "erased_at": "2026-12-03T01:00:00+00:00",
        "contacts": [[12, "2025-03-14T09:26:53.589793+00:00"], [40, "2025-03-14T09:26:53.589793+00:00"]],
    }
    assert [c.id for c in erasure_journal.read(base)] == [12, 40, 7]
    assert erasure_journal.read(base)[0].created_at == CREATED


def test_a_journal_readable_by_others_becomes_private(tmp_path: Path) -> None:
    base = tmp_path / "asso.sqlite3"
    path = erasure_journal.journal_path(base)
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    erasure_journal.record(base, [ErasedContact(1, CREATED)], ERASED_AT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_journal_means_no_erasure(tmp_path: Path) -> None:
    assert erasure_journal.read(tmp_path / "asso.sqlite3") == []


def test_a_line_cut_short_was_never_committed_and_is_left_out(tmp_path: Path) -> None:
    base = tmp_path / "asso.sqlite3"
    erasure_journal.record(base, [ErasedContact(3, CREATED)], ERASED_AT)
    with erasure_journal.journal_path(base).open("a", encoding="utf-8") as journal:
        journal.write('{"erased_at":"2026-12-03T01:00:00+00:00","contacts":[[4,"20')
    assert [c.id for c in erasure_journal.read(base)] == [3]


def test_a_damaged_line_refuses_rather_than_forgets(tmp_path: Path) -> None:
    base = tmp_path / "asso.sqlite3"
    erasure_journal.journal_path(base).write_text("n'importe quoi\n", encoding="utf-8")
    erasure_journal.record(base, [ErasedContact(3, CREATED)], ERASED_AT)
    with pytest.raises(DatabaseError, match=r"illisible.*ligne 1"):
        erasure_journal.read(base)


def test_a_journal_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    base = tmp_path / "asso.sqlite3"
    erasure_journal.journal_path(base).mkdir()
    with pytest.raises(DatabaseError, match=r"journal des effacements.*Rien n'a été effacé"):
        erasure_journal.record(base, [ErasedContact(3, CREATED)], ERASED_AT)
