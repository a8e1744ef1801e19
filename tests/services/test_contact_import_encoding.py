"""The import service takes the user's encoding (and delimiter) instead of detecting them."""

from __future__ import annotations

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.importers.text_decoding import decode_text
from communitydesk.services.contact_import import import_contacts_csv, import_contacts_file, preview_contacts_file
from communitydesk.services.permissions import Actor

TEXT = "Prénom,Nom,Ville\r\nHélène,Noël,Orléans\r\nFrançoise,Lefèvre,Évry\r\n"
MAC = TEXT.encode("mac_roman")  # an old Mac export: detection cannot be sure of it


def names(db: Database) -> list[tuple[str, str, str]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT first_name, last_name, city FROM contacts ORDER BY id")]


def test_the_chosen_encoding_and_delimiter_replace_the_detection(db: Database, actor: Actor) -> None:
    preview = preview_contacts_file(actor, MAC, file_name="mac.csv", encoding="mac_roman", delimiter=",")
    assert preview.encoding == "Mac Roman"
    assert preview.delimiter == ","
    assert preview.headers == ["Prénom", "Nom", "Ville"]

    summary = import_contacts_file(db, actor, MAC, file_name="mac.csv", encoding="mac_roman", delimiter=",")
    assert summary.created == 2
    assert summary.encoding == "Mac Roman"
    assert names(db) == [("Hélène", "Noël", "Orléans"), ("Françoise", "Lefèvre", "Évry")]


def test_import_contacts_csv_takes_the_encoding_too(db: Database, actor: Actor) -> None:
    summary = import_contacts_csv(db, actor, TEXT.encode("cp850"), file_name="dos.csv", encoding="cp850")
    assert summary.created == 2
    assert names(db)[1] == ("Françoise", "Lefèvre", "Évry")


def test_an_encoding_that_does_not_fit_is_refused_in_french(db: Database, actor: Actor) -> None:
    with pytest.raises(UserError, match=r"« excel\.csv » ne peut pas être lu avec l.encodage utf-8"):
        import_contacts_file(db, actor, TEXT.encode("cp1252"), file_name="excel.csv", encoding="utf-8")
    with pytest.raises(UserError, match="l'encodage klingon"):
        preview_contacts_file(actor, TEXT.encode(), file_name="x.csv", encoding="klingon")
    assert names(db) == []


def test_forced_utf8_drops_the_bom_and_is_labelled_as_such() -> None:
    decoded = decode_text(b"\xef\xbb\xbf" + TEXT.encode(), "x.csv", "utf-8")
    assert decoded.text == TEXT
    assert decoded.label == "UTF-8 avec BOM"
    assert decode_text(TEXT.encode("cp1252"), "x.csv", "cp1252").label == "Windows-1252 (Excel)"
