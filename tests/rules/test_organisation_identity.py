"""Checks on the organisation identity: SIRET/RNA, website, colours, logo."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitydesk.errors import ValidationError
from communitydesk.rules.organisation_identity import (
    clean_colour,
    clean_legal_id,
    clean_logo_path,
    clean_website,
    siret_checksum_ok,
)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "73282932000074",
        "732 829 320 00074",
        "SIRET 732 829 320 00074",
        "W751234567",
        "RNA W751234567",
        "rna: w751234567",
    ],
)
def test_valid_legal_ids_are_kept_as_written(value: str) -> None:
    assert clean_legal_id(value) == " ".join(value.split())


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1234", "14 chiffres"),
        ("73282932000075", "clé de contrôle"),
        ("W12", "ni un SIRET"),
        ("association loi 1901", "ni un SIRET"),
    ],
)
def test_invalid_legal_ids_name_the_field(value: str, words: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_legal_id(value)
    assert error.value.field == "legal_id"
    assert words in str(error.value)


def test_siret_luhn() -> None:
    assert siret_checksum_ok("73282932000074")
    assert not siret_checksum_ok("73282932000075")


def test_website_gets_a_scheme_and_must_look_like_an_address() -> None:
    assert clean_website("") == ""
    assert clean_website(" exemple.fr ") == "https://exemple.fr"
    assert clean_website("http://exemple.fr/page") == "http://exemple.fr/page"
    for bad in ("exemple", "mon site.fr", "https://.fr"):
        with pytest.raises(ValidationError) as error:
            clean_website(bad)
        assert error.value.field == "website"


def test_colours() -> None:
    assert clean_colour("#2e6b5e", "primary_colour") == "#2E6B5E"
    with pytest.raises(ValidationError) as error:
        clean_colour("vert", "secondary_colour")
    assert error.value.field == "secondary_colour"


def test_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.PNG"
    logo.write_bytes(b"\x89PNG")
    assert clean_logo_path(f" {logo} ") == str(logo)
    assert clean_logo_path("") == ""
    with pytest.raises(ValidationError, match="introuvable"):
        clean_logo_path(str(tmp_path / "absent.png"))
    with pytest.raises(ValidationError, match="PNG ou JPEG"):
        clean_logo_path(str(tmp_path / "logo.svg"))
