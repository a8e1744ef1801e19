"""The audit log in words: every target a service writes is shown as a phrase, never as its key."""

from __future__ import annotations

import pytest

from communitydesk.i18n import set_language
from communitydesk.services.audit_labels import action_words, outcome_words, target_label

NAMES = {1: "Camille (fondatrice)", 2: "Accueil bénévoles"}


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("profile:1", "profil « Camille (fondatrice) »"),
        ("profile:9", "profil n° 9 (supprimé)"),
        ("profile:new", "nouveau profil"),
        ("profile:?", "profil inconnu"),
        ("password:Accueil bénévoles", "profil « Accueil bénévoles » : mot de passe"),
        ("rename:Léa", "profil « Léa » : nouveau nom"),
        ("delete:Léa", "profil « Léa » : suppression"),
        ("role:Léa: la grande:benevole", "profil « Léa: la grande » : rôle Bénévole"),
        ("rights:equipe", "droits du rôle Équipe"),
        ("merge:12", "annulation de la fusion n° 12"),
        ("contact:12>contact:5", "contact n° 12 fusionné dans le contact n° 5"),
        ("contact:42", "contact n° 42"),
        ("json:personal-data:contact:42", "données personnelles du contact n° 42 (JSON)"),
        ("export:contacts", "export des contacts"),
        ("export:contacts:vcf", "export des contacts (vCard)"),
        ("pdf:directory", "PDF : Annuaire pour un événement"),
        ("pdf:personal-data:contact:7", "PDF : Données personnelles d'un contact (droit d'accès), contact n° 7"),
        ("backup:avant-restauration.sqlite3", "sauvegarde avant-restauration.sqlite3"),
        ("cli", "ligne de commande"),
        ("something:new", "something:new"),
    ],
)
def test_targets_in_words(target: str, words: str) -> None:
    assert target_label(target, NAMES) == words


def test_the_shipping_list_in_words() -> None:
    assert target_label("export:shipping:campaign:3", NAMES) == "liste d'envoi de la campagne n° 3"


def test_actions_and_outcomes_in_words() -> None:
    assert action_words("lock") == "verrouillage"
    assert action_words("personal_data.export") == "exporter ou imprimer des données personnelles"
    assert action_words("unknown") == "unknown"
    assert [outcome_words(v) for v in ("ok", "refused", "failed")] == ["fait", "refusé", "échoué"]


def test_in_english() -> None:
    set_language("en")
    try:
        assert target_label("password:Accueil", NAMES) == "profile “Accueil”: password"
        assert action_words("login_failed") == "failed login"
    finally:
        set_language("fr")
