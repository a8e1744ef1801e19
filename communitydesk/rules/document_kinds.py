"""What each kind of PDF document is called, on the Documents page, in the CLI's help and in
the audit log alike (document_catalogue says how each is made)."""

from __future__ import annotations

from communitydesk.i18n import _


def document_label(kind: str) -> str:
    labels = {
        "charter": _("Charte (ambassadeurs ou collaborateurs)"),
        "community-report": _("Rapport de communauté"),
        "editorial-report": _("Rapport éditorial"),
        "contact-list": _("Liste de contacts"),
        "directory": _("Annuaire pour un événement"),
        "campaign-report": _("Rapport de campagne"),
        "fulfilment-checklist": _("Suivi des contreparties (liste à cocher)"),
        "personal-data": _("Données personnelles d'un contact (droit d'accès)"),
        "ambassador-kit": _("Kit ambassadeur (lettre, guide, charte, affiches, cartes, autocollants)"),
        "event-kit": _("Kit d'événement (feuille d'émargement, badges, affiche, cartes, liste des inscrits)"),
        "event-report": _("Bilan d'un événement (présence, nouveaux contacts, consentements)"),
    }
    return labels.get(kind, kind)
