"""Two connections refreshing the search index at once (a page and a count after an import)."""

from __future__ import annotations

import threading

from communitydesk.db import search_index
from communitydesk.db.database import Database


def test_a_second_refresh_waits_and_finds_nothing_left(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO contacts (kind, first_name, last_name, organisation, role, email, email_secondary, phone,"
            " phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes,"
            " is_ambassador, is_critic, created_at, updated_at, version_id)"
            " VALUES ('person', 'Hélène', 'Lefèvre', '', '', 'h@exemple.fr', '', '', '', 'h@exemple.fr', '', '',"
            " '69007', 'Lyon', 'FR', 'proches', '', '', 0, 0, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 1)"
        )
    first = db.engine.connect()
    transaction = first.begin()
    assert search_index.refresh(first) == 1  # holds the write lock until it commits
    second_result: list[int] = []

    def second_refresh() -> None:
        with db.engine.begin() as conn:
            second_result.append(search_index.refresh(conn))

    worker = threading.Thread(target=second_refresh)
    worker.start()
    worker.join(timeout=0.3)
    assert worker.is_alive(), "the second refresh should wait for the first one's lock"
    transaction.commit()
    first.close()
    worker.join(timeout=10)
    assert second_result == [0]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM contacts_fts").scalar() == 1
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM contacts_fts WHERE contacts_fts MATCH 'helene'").scalar() == 1
