"""An audit entry in words: its action (« verrouillage », « exporter des données personnelles »),
its outcome (« fait », « refusé ») and its target (« profil « Accueil » : mot de passe »,
« PDF : Liste de contacts », « contact n° 42 »).

The log stores stable keys (``lock``, ``password:Accueil``, ``pdf:contact-list``, ``contact:42``)
that the CLI's ``--json`` and scripts read as they are; the audit browser, the CSV and the CLI's
text show these words, one definition for all. Profiles are named as they are called now
(a renamed profile keeps its entries); a contact is named by its number only, as the log
stores it, so that an erased person leaves no name here.
"""

from __future__ import annotations

from collections.abc import Mapping

from communitydesk.i18n import _
from communitydesk.rules.document_kinds import document_label
from communitydesk.services.permissions import Action, Role, action_label

_EXPORT_FORMATS = {"csv": "CSV", "vcf": "vCard", "vcard": "vCard", "json": "JSON"}


def action_words(value: str) -> str:
    """An entry's action: a right's name, or a moment of the session."""
    moments = {
        "login": _("connexion"),
        "login_failed": _("connexion manquée"),
        "logout": _("déconnexion"),
        "lock": _("verrouillage"),
        "unlock": _("déverrouillage"),
    }
    if value in moments:
        return moments[value]
    try:
        return action_label(Action(value))
    except ValueError:
        return value


def outcome_words(value: str) -> str:
    return {"ok": _("fait"), "refused": _("refusé"), "failed": _("échoué")}.get(value, value)


def target_label(target: str, profile_names: Mapping[int, str]) -> str:
    """``target`` in words; a key this version does not know is shown as stored."""
    head, _sep, rest = target.partition(":")
    if head == "profile":
        return _profile(rest, profile_names)
    if head in ("password", "rename", "delete") and rest:
        what = {"password": _("mot de passe"), "rename": _("nouveau nom"), "delete": _("suppression")}[head]
        return _("profil « {name} » : {what}", name=rest, what=what)
    if head == "role" and ":" in rest:
        name, _sep, role = rest.rpartition(":")
        return _("profil « {name} » : rôle {role}", name=name, role=_role(role))
    if head == "rights" and rest:
        return _("droits du rôle {role}", role=_role(rest))
    if head == "merge" and rest.isdigit():
        return _("annulation de la fusion n° {number}", number=rest)
    if head == "contact" and ">contact:" in rest:
        absorbed, _sep, kept = rest.partition(">contact:")
        return _("contact n° {absorbed} fusionné dans le contact n° {kept}", absorbed=absorbed, kept=kept)
    if head == "contact" and rest.isdigit():
        return _("contact n° {number}", number=rest)
    if target.startswith("json:personal-data:contact:"):
        return _("données personnelles du contact n° {number} (JSON)", number=target.rsplit(":", 1)[1])
    if head == "export" and rest.startswith("contacts"):
        file_format = rest.partition(":")[2]
        if file_format:
            return _("export des contacts ({format})", format=_EXPORT_FORMATS.get(file_format, file_format))
        return _("export des contacts")
    if target.startswith("export:shipping:campaign:"):
        return _("liste d'envoi de la campagne n° {number}", number=target.rsplit(":", 1)[1])
    if head == "pdf" and rest:
        kind, _sep, about = rest.partition(":contact:")
        label = _("PDF : {document}", document=document_label(kind))
        return _("{label}, contact n° {number}", label=label, number=about) if about else label
    if head == "backup" and rest:
        return _("sauvegarde {name}", name=rest)
    if target == "cli":
        return _("ligne de commande")
    return target


def _profile(rest: str, profile_names: Mapping[int, str]) -> str:
    if rest == "new":
        return _("nouveau profil")
    if rest.isdigit() and int(rest) in profile_names:
        return _("profil « {name} »", name=profile_names[int(rest)])
    if rest.isdigit():
        return _("profil n° {number} (supprimé)", number=rest)
    return _("profil inconnu")


def _role(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return value
