"""Read a crowdfunding platform's CSV export of contributions into checked rows.

Pure reading: no database here. Each row comes back parsed (amount in integer cents,
aware UTC datetime, payment status slug) or as errors naming the line and the column.

Column mappings: a mapping says which column of the file holds which field. Built-in
mappings exist for Ulule, KissKissBankBank and HelloAsso, and a generic one that knows
the usual French (and English) headers: Référence, Date, Montant, Prénom, Nom,
Courriel/E-mail, Contrepartie, Statut, Anonyme... Headers are compared folded (no
accents, no case, no punctuation), so "E-mail", "email" and "Courriel" all match.

Ulule's own orders export (the headers public code importing it relies on): "#" (the
order number), "E-mail", "Date de création", "Statut" ("Paiement effectué" = paid),
"Titre de la contrepartie", "Quantité", "Montant unitaire total", "Frais de port", and
« de facturation » / « de livraison » name and address columns; ";" and maybe a BOM.
One order spans several lines, one per reward ("Don libre": no reward). A file with a
unit amount or a quantity column is read as such orders: the lines of one reference are
grouped into one contribution whose amount is Σ unit × quantity + postage (the backer
paid that). Postage is taken once per order (the largest value its lines give: Ulule
may repeat it on each line or give it on one).

ASSUMPTIONS about the other exports (their exact headers are not published and change
over time; these are plausible sets, each platform mapping falls back to the generic
one, the wizard's preview says which column was taken for what before anything is
written, and any file can be read with a saved mapping or a --mapping JSON file):
- Ulule (older orders export): "N° de commande"/"Id"/"Order id", "Date de création"/"Date",
  "Montant"/"Total", "Prénom", "Nom", "Email", "Contrepartie"/"Récompense"/"Reward",
  "Statut", "Anonyme", address columns ("Adresse de livraison", "Code postal",
  "Ville", "Pays").
- KissKissBankBank: "Identifiant de la contribution", "Date de contribution",
  "Montant de la contribution", "Prénom", "Nom", "Email", "Contrepartie choisie",
  "État du paiement", "Contribution anonyme", "Adresse", "Code postal", "Ville", "Pays".
- HelloAsso (orders/payments export): "Référence commande"/"Numéro", "Date de la
  commande"/"Date du paiement", "Montant"/"Montant tarif", "Prénom payeur", "Nom payeur",
  "Email payeur", "Tarif"/"Formule", "Statut"/"Statut du paiement", "Adresse payeur",
  "Code postal payeur", "Ville payeur", "Pays payeur".
A referral column (« Code parrain », « Parrain », « Code ambassadeur »…) is read as written;
the import matches it to an ambassador's code.
Money: "1 234,50", "1 234,50 €", "25,00 €", "25.00", "1.234,50" and "1,234.50" are read.
Dates: dd/mm/yyyy (or with - or .), optionally followed by HH:MM[:SS]; ISO 8601. Times
without a zone are Paris time. Encodings: UTF-8 (with or without BOM), else Windows-1252.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from communitydesk.errors import UserError
from communitydesk.i18n import _, ngettext
from communitydesk.importers.contact_columns import header_key
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.csv_reading import CsvTable
from communitydesk.importers.text_decoding import decode_text
from communitydesk.rules.campaigns import SHIPPING_FIELDS, PaymentStatus
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.money_text import MoneyTextError, parse_money
from communitydesk.rules.yes_no import parse_yes_no
from communitydesk.system_errors import os_error_reason

PARIS = ZoneInfo("Europe/Paris")

# Fields a contribution row can carry, in the order the wizard shows them.
FIELDS: tuple[str, ...] = (
    "reference",
    "date",
    "amount",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "phone",
    "tier",
    "status",
    "anonymous",
    "address",
    "postcode",
    "city",
    "country",
    "referral_code",
    "quantity",
    "unit_amount",
    "shipping",
    *SHIPPING_FIELDS,
)
REQUIRED_FIELDS: tuple[str, ...] = ("reference", "date", "amount")
# Shipping columns are looked for before the contact's address: "Code postal de livraison"
# is the shipping postcode, and the contact takes it only when the file has no other.
_RESOLUTION_ORDER: tuple[str, ...] = (*SHIPPING_FIELDS, *(f for f in FIELDS if f not in SHIPPING_FIELDS))
PLATFORMS: tuple[str, ...] = ("ulule", "kisskissbankbank", "helloasso", "generic")


def field_label(name: str) -> str:
    """Name of a field, as the wizard and the error list show it (contact fields: rules.contact_fields)."""
    labels = {
        "reference": _("Référence"),
        "date": _("Date"),
        "amount": _("Montant"),
        "tier": _("Contrepartie"),
        "status": _("Statut"),
        "anonymous": _("Anonyme"),
        "quantity": _("Quantité"),
        "unit_amount": _("Montant unitaire"),
        "shipping": _("Frais de port"),
        "ship_first_name": _("Prénom (livraison)"),
        "ship_last_name": _("Nom (livraison)"),
        "ship_address": _("Adresse (livraison)"),
        "ship_postcode": _("Code postal (livraison)"),
        "ship_city": _("Ville (livraison)"),
        "ship_country": _("Pays (livraison)"),
    }
    return labels.get(name) or contact_field_label(name)


GENERIC_HEADERS: dict[str, tuple[str, ...]] = {
    "reference": (
        "Référence",
        "Reference",
        "Réf",
        "Ref",
        "Identifiant",
        "Id",
        "N°",
        "Numéro",
        "Numéro de commande",
        "Référence commande",
        "Transaction",
        "Id transaction",
    ),
    "date": (
        "Date",
        "Date de contribution",
        "Date du paiement",
        "Date de paiement",
        "Date du don",
        "Créé le",
        "Date de création",
        "Created at",
        "Payment date",
    ),
    "amount": (
        "Montant",
        "Montant (€)",
        "Montant en euros",
        "Montant TTC",
        "Montant total",
        "Montant du don",
        "Total",
        "Amount",
        "Somme",
    ),
    "first_name": ("Prénom", "First name", "Firstname", "Prénom contributeur", "Prénom du contributeur"),
    "last_name": (
        "Nom",
        "Nom de famille",
        "Last name",
        "Lastname",
        "Surname",
        "Nom contributeur",
        "Nom du contributeur",
    ),
    "full_name": (
        "Nom complet",
        "Contributeur",
        "Contributeur·rice",
        "Donateur",
        "Name",
        "Full name",
        "Prénom Nom",
        "Nom et prénom",
    ),
    "email": (
        "Courriel",
        "E-mail",
        "Email",
        "Mail",
        "Adresse e-mail",
        "Adresse email",
        "Adresse mail",
        "Adresse électronique",
    ),
    "phone": ("Téléphone", "Tél", "Tel", "Portable", "Mobile", "Phone", "Numéro de téléphone"),
    "tier": ("Contrepartie", "Contreparties", "Récompense", "Reward", "Palier", "Tarif", "Formule"),
    "status": ("Statut", "Status", "État", "Etat", "Statut du paiement", "État du paiement", "Payment status"),
    "anonymous": ("Anonyme", "Anonymous", "Contribution anonyme", "Don anonyme"),
    "address": ("Adresse", "Adresse postale", "Address", "Rue"),
    "postcode": ("Code postal", "CP", "Postcode", "Postal code", "Zip"),
    "city": ("Ville", "Commune", "City"),
    "country": ("Pays", "Country"),
    "referral_code": (
        "Code parrain",
        "Code du parrain",
        "Code marraine",
        "Parrain",
        "Marraine",
        "Parrainé par",
        "Parrainage",
        "Code de parrainage",
        "Code parrainage",
        "Code ambassadeur",
        "Code ambassadrice",
        "Code de l'ambassadeur",
        "Referral code",
        "Referral",
        "Referrer",
        "Referred by",
    ),
    "quantity": ("Quantité", "Qté", "Nombre", "Quantity", "Qty"),
    "unit_amount": ("Montant unitaire total", "Montant unitaire", "Prix unitaire", "Unit price", "Unit amount"),
    "shipping": ("Frais de port", "Frais d'envoi", "Frais de livraison", "Port", "Shipping", "Shipping fee"),
    "ship_first_name": ("Prénom de livraison", "Prénom (livraison)", "Shipping first name"),
    "ship_last_name": ("Nom de livraison", "Nom (livraison)", "Shipping last name"),
    "ship_address": (
        "Adresse de livraison",
        "Adresse 1 de livraison",
        "Adresse (livraison)",
        "Shipping address",
        "Shipping address 1",
    ),
    "ship_postcode": ("Code postal de livraison", "Code postal (livraison)", "Shipping postal code", "Shipping zip"),
    "ship_city": ("Ville de livraison", "Ville (livraison)", "Shipping city"),
    "ship_country": ("Pays de livraison", "Pays (livraison)", "Shipping country"),
}

PLATFORM_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "ulule": {
        "reference": ("#", "N° de commande", "Id de la commande", "Commande", "Order id", "Order", "Id"),
        "date": ("Date de création", "Date de la commande", "Date", "Created at"),
        "amount": ("Montant", "Total", "Montant total", "Amount", "Total amount"),
        "first_name": ("Prénom de facturation", "Prénom", "First name"),
        "last_name": ("Nom de facturation", "Nom", "Last name"),
        "email": ("E-mail", "Email", "Adresse email"),
        "tier": ("Titre de la contrepartie", "Contrepartie", "Récompense", "Reward", "Nom de la contrepartie"),
        "status": ("Statut", "Statut de la commande", "Status"),
        "anonymous": ("Anonyme", "Anonymous"),
        "address": ("Adresse de facturation", "Adresse 1 de facturation", "Adresse"),
        "postcode": ("Code postal de facturation", "Code postal", "Postal code"),
        "city": ("Ville de facturation", "Ville", "City"),
        "country": ("Pays de facturation", "Pays", "Country"),
        "quantity": ("Quantité",),
        "unit_amount": ("Montant unitaire total", "Montant unitaire"),
        "shipping": ("Frais de port",),
    },
    "kisskissbankbank": {
        "reference": ("Identifiant de la contribution", "Id contribution", "Identifiant", "Référence"),
        "date": ("Date de contribution", "Date de la contribution", "Date"),
        "amount": ("Montant de la contribution", "Montant (€)", "Montant"),
        "first_name": ("Prénom", "Prénom du contributeur"),
        "last_name": ("Nom", "Nom du contributeur"),
        "email": ("Email", "E-mail", "Email du contributeur"),
        "tier": ("Contrepartie choisie", "Contrepartie", "Titre de la contrepartie"),
        "status": ("État du paiement", "Statut du paiement", "Statut"),
        "anonymous": ("Contribution anonyme", "Anonyme"),
        "address": ("Adresse",),
        "postcode": ("Code postal",),
        "city": ("Ville",),
        "country": ("Pays",),
    },
    "helloasso": {
        "reference": ("Référence commande", "Numéro", "Numéro de commande", "Référence", "Id paiement"),
        "date": ("Date de la commande", "Date du paiement", "Date"),
        "amount": ("Montant", "Montant tarif", "Montant total", "Montant du don"),
        "first_name": ("Prénom payeur", "Prénom participant", "Prénom"),
        "last_name": ("Nom payeur", "Nom participant", "Nom"),
        "email": ("Email payeur", "Email participant", "Email"),
        "tier": ("Tarif", "Formule", "Contrepartie"),
        "status": ("Statut du paiement", "Statut de la commande", "Statut"),
        "address": ("Adresse payeur", "Adresse"),
        "postcode": ("Code postal payeur", "Code postal"),
        "city": ("Ville payeur", "Ville"),
        "country": ("Pays payeur", "Pays"),
    },
    "generic": {},
}

_STATUS_WORDS: dict[str, PaymentStatus] = {}
for _status, _words in {
    PaymentStatus.VALID: (
        "",
        "valide",
        "validee",
        "valid",
        "paye",
        "payee",
        "paid",
        "success",
        "succeeded",
        "ok",
        "autorise",
        "autorisee",
        "confirme",
        "confirmee",
        "completed",
        "complete",
        "effectue",
        "effectuee",
        "encaisse",
        "encaissee",
        "authorized",
    ),
    PaymentStatus.REFUNDED: ("rembourse", "remboursee", "refunded", "refund", "rembourse partiellement"),
    PaymentStatus.CANCELLED: (
        "annule",
        "annulee",
        "cancelled",
        "canceled",
        "echoue",
        "echouee",
        "failed",
        "refuse",
        "refusee",
        "abandonne",
        "abandonnee",
        "expire",
        "expiree",
    ),
    PaymentStatus.PENDING: ("en attente", "pending", "waiting", "en cours", "a valider", "non paye", "unpaid"),
}.items():
    for _word in _words:
        _STATUS_WORDS[_word] = _status

_NO_TIER = {"", "aucune", "aucun", "sans contrepartie", "pas de contrepartie", "no reward", "none", "-", "don libre"}


def fold_header(text: str) -> str:
    """``" Montant (€) "`` → ``"montant"``: compared without accents, case, hints or punctuation.
    A header of punctuation only (Ulule's ``#``) is kept as written, so that it is not blank."""
    raw = text.replace("\ufeff", "")
    return header_key(raw) or raw.strip()


def _fold_value(text: str) -> str:
    return header_key(text)


# ---------------------------------------------------------------- values


class ValueProblem(ValueError):
    """A cell that cannot be read; the message is the French sentence for the user."""


def parse_amount(text: str) -> int:
    """French or English money text → integer cents (may be negative: the caller decides)."""
    try:
        return parse_money(text)
    except MoneyTextError as exc:
        raise ValueProblem(str(exc)) from exc


_DMY = re.compile(
    r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})"
    r"(?:[ T,]+(?:à\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)


def parse_datetime(text: str) -> datetime:
    """dd/mm/yyyy [HH:MM[:SS]] or ISO 8601 → aware UTC; a time without zone is Paris time."""
    raw = text.strip()
    if not raw:
        raise ValueProblem(_("date manquante"))
    match = _DMY.fullmatch(raw)
    try:
        if match:
            year = int(match["y"])
            year = year + 2000 if year < 100 else year
            local = datetime(
                year, int(match["m"]), int(match["d"]), int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0)
            )
            return local.replace(tzinfo=PARIS).astimezone(UTC)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = datetime.fromisoformat(raw).date()
            return datetime.combine(day, time(0, 0), tzinfo=PARIS).astimezone(UTC)
        if re.match(r"\d{4}-\d{2}-\d{2}[ T]\d", raw):
            moment = datetime.fromisoformat(raw)  # Python 3.11+ reads a trailing Z
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=PARIS)
            return moment.astimezone(UTC)
    except ValueError as exc:
        raise ValueProblem(_("date impossible « {value} »", value=raw)) from exc
    raise ValueProblem(_("date illisible « {value} » (attendu : jj/mm/aaaa)", value=raw))


def parse_status(text: str) -> str:
    """A payment status in words; Ulule says "Paiement effectué", "Paiement annulé"…"""
    folded = _fold_value(text)
    status = _STATUS_WORDS.get(folded)
    if status is None and folded.startswith("paiement "):
        status = _STATUS_WORDS.get(folded.removeprefix("paiement "))
    if status is None:
        raise ValueProblem(_("statut de paiement inconnu « {value} »", value=text.strip()))
    return status.value


def parse_flag(text: str) -> bool:
    value = parse_yes_no(_fold_value(text))
    if value is not None:
        return value
    raise ValueProblem(_("valeur « {value} » : attendu oui ou non", value=text.strip()))


def parse_quantity(text: str) -> int:
    """A quantity of rewards: a whole number from 1 (a blank cell is 1)."""
    raw = text.strip()
    if not raw:
        return 1
    try:
        number = float(raw.replace(",", "."))
    except ValueError:
        number = 0.0
    if number < 1 or number != int(number) or number > 1_000_000:
        raise ValueProblem(_("quantité illisible « {value} » (attendu : un nombre entier à partir de 1)", value=raw))
    return int(number)


def tier_title(text: str) -> str | None:
    """The tier named in a cell, or None when the cell says "no reward"."""
    title = " ".join(text.split())
    return None if _fold_value(title) in _NO_TIER else title


# ---------------------------------------------------------------- file


@dataclass(frozen=True)
class OrderLine:
    """One line of an order: a reward (None for "Don libre") times a quantity at a unit price."""

    line: int
    tier: str | None
    quantity: int
    unit_cents: int


@dataclass(frozen=True)
class ParsedContribution:
    line: int
    reference: str
    contributed_at: datetime
    amount_cents: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    tier: str | None = None
    status: str = PaymentStatus.VALID.value
    anonymous: bool = False
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    referral_code: str = ""  # as written: matched to an ambassador's code on import
    # An order file's lines (empty for a file of one line per contribution) and postage.
    lines: tuple[OrderLine, ...] = ()
    shipping_cents: int = 0
    ship_first_name: str = ""
    ship_last_name: str = ""
    ship_address: str = ""
    ship_postcode: str = ""
    ship_city: str = ""
    ship_country: str = ""

    @property
    def backer_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def tier_lines(self) -> tuple[tuple[int, str], ...]:
        """(line, tier title) of every reward the row names."""
        if self.lines:
            return tuple((order_line.line, order_line.tier) for order_line in self.lines if order_line.tier)
        return ((self.line, self.tier),) if self.tier else ()


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    encoding: str
    delimiter: str
    warnings: list[RowError] = field(default_factory=list)  # cells cleaned of control characters


@dataclass
class ParsedFile:
    table: Table
    columns: dict[str, int]  # field -> column index
    rows: list[ParsedContribution] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def orders(self) -> bool:
        """Whether lines are order lines (grouped by reference) rather than whole contributions."""
        return "unit_amount" in self.columns or "quantity" in self.columns

    def column_header(self, name: str) -> str:
        index = self.columns.get(name)
        return self.table.headers[index] if index is not None else field_label(name)


def read_table(path: Path) -> Table:
    """Decode (UTF-8, else Windows-1252...) and split a CSV file, with the importers' shared readers."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(_("Impossible de lire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))) from exc
    decoded = decode_text(data, path.name)
    table = CsvTable.from_text(decoded.text, path.name)
    rows = [(line, cells) for line, cells in table.rows() if any(cell.strip() for cell in cells)]
    return Table(
        headers=table.header, rows=rows, encoding=decoded.encoding, delimiter=table.delimiter, warnings=table.warnings
    )


def load_mapping_file(path: Path) -> dict[str, str]:
    """A --mapping JSON file: {"columns": {"amount": "Montant TTC", ...}} or the columns dict itself."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(_("Impossible de lire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))) from exc
    except json.JSONDecodeError as exc:
        raise UserError(
            _("« {path} » n'est pas un fichier JSON valide (ligne {line}).", path=path, line=exc.lineno)
        ) from exc
    columns = data.get("columns", data) if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise UserError(_('« {path} » : il faut un objet {{"champ": "en-tête de colonne"}}.', path=path))
    unknown = [key for key in columns if key not in FIELDS]
    if unknown:
        raise UserError(
            ngettext(
                "« {path} » : champ inconnu {names} ; champs possibles : {known}.",
                "« {path} » : champs inconnus {names} ; champs possibles : {known}.",
                len(unknown),
                path=path,
                names=", ".join(unknown),
                known=", ".join(FIELDS),
            )
        )
    return {str(k): str(v) for k, v in columns.items()}


def resolve_columns(
    headers: list[str], platform: str, explicit: Mapping[str, str] | None = None
) -> tuple[dict[str, int], list[RowError]]:
    """Which column holds which field: explicit mapping first, then the platform's, then generic."""
    folded = [fold_header(h) for h in headers]
    columns: dict[str, int] = {}
    errors: list[RowError] = []
    taken: set[int] = set()
    for name, header in (explicit or {}).items():
        if not header:
            continue
        wanted = fold_header(header)
        if wanted in folded:
            columns[name] = folded.index(wanted)
            taken.add(columns[name])
        else:
            errors.append(
                RowError(
                    1,
                    header,
                    _(
                        "la colonne « {header} » (pour {field}) est absente du fichier",
                        header=header,
                        field=field_label(name),
                    ),
                )
            )
    specific = PLATFORM_HEADERS.get(platform, {})
    for name in _RESOLUTION_ORDER:
        if name in columns:
            continue
        for candidate in (*specific.get(name, ()), *GENERIC_HEADERS.get(name, ())):
            wanted = fold_header(candidate)
            if wanted in folded and folded.index(wanted) not in taken:
                columns[name] = folded.index(wanted)
                taken.add(columns[name])
                break
    for name in REQUIRED_FIELDS:
        if name == "amount" and "unit_amount" in columns:
            continue
        if name not in columns and not any(e.field == (explicit or {}).get(name) for e in errors):
            errors.append(
                RowError(
                    1,
                    field_label(name),
                    _("aucune colonne « {field} » trouvée dans l'en-tête", field=field_label(name)),
                )
            )
    return columns, errors


def parse_table(table: Table, platform: str, explicit: Mapping[str, str] | None = None) -> ParsedFile:
    """Check every row; rows with a problem are left out and listed in ``errors``.

    In an order file the lines of one reference become one contribution, left out whole
    when any of its lines has a problem (its amount would be wrong)."""
    if platform not in PLATFORMS:
        raise UserError(
            _("Plateforme inconnue : « {value} » (possibles : {known}).", value=platform, known=", ".join(PLATFORMS))
        )
    columns, errors = resolve_columns(table.headers, platform, explicit)
    parsed = ParsedFile(table=table, columns=columns, errors=list(errors))
    if errors:
        return parsed
    seen: dict[str, int] = {}
    orders: dict[str, list[ParsedContribution | None]] = {}
    for line, cells in table.rows:
        row = _parse_row(parsed, line, cells, seen)
        if parsed.orders:
            reference = _cell(parsed, cells, "reference")
            if reference:
                orders.setdefault(reference, []).append(row)
        elif row is not None:
            parsed.rows.append(row)
    for reference, rows in orders.items():
        order = _one_order(parsed, reference, rows)
        if order is not None:
            parsed.rows.append(order)
    parsed.rows.sort(key=lambda row: row.line)
    return parsed


def _cell(parsed: ParsedFile, cells: list[str], name: str) -> str:
    index = parsed.columns.get(name)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _one_order(parsed: ParsedFile, reference: str, rows: list[ParsedContribution | None]) -> ParsedContribution | None:
    good = [row for row in rows if row is not None]
    if len(good) < len(rows):
        for row in good:
            parsed.errors.append(
                RowError(
                    row.line,
                    parsed.column_header("reference"),
                    _(
                        "commande « {ref} » laissée de côté : une autre de ses lignes est à corriger",
                        ref=reference,
                    ),
                )
            )
        return None
    first = good[0]
    lines = tuple(order_line for row in good for order_line in row.lines)
    shipping = max(row.shipping_cents for row in good)
    amount = sum(row.amount_cents - row.shipping_cents for row in good) + shipping
    # The contribution's own tier: the first reward of the order (each line keeps its own).
    tier = next((order_line.tier for order_line in lines if order_line.tier), None)
    return replace(first, lines=lines, shipping_cents=shipping, amount_cents=amount, tier=tier)


def _parse_row(parsed: ParsedFile, line: int, cells: list[str], seen: dict[str, int]) -> ParsedContribution | None:
    def cell(name: str) -> str:
        return _cell(parsed, cells, name)

    problems: list[RowError] = []

    def problem(name: str, message: str) -> None:
        problems.append(RowError(line, parsed.column_header(name), message))

    def money(name: str) -> int | None:
        try:
            cents = parse_amount(cell(name))
        except ValueProblem as exc:
            problem(name, str(exc))
            return None
        if cents < 0:
            problem(name, _("montant négatif « {value} »", value=cell(name)))
        return cents

    reference = cell("reference")
    if not reference:
        problem("reference", _("référence manquante"))
    elif reference in seen and not parsed.orders:
        problem(
            "reference", _("référence « {ref} » en double (déjà ligne {line})", ref=reference, line=seen[reference])
        )
    else:
        seen.setdefault(reference, line)
    when: datetime | None = None
    try:
        when = parse_datetime(cell("date"))
    except ValueProblem as exc:
        problem("date", str(exc))
    quantity = 1
    if "quantity" in parsed.columns:
        try:
            quantity = parse_quantity(cell("quantity"))
        except ValueProblem as exc:
            problem("quantity", str(exc))
    if "unit_amount" in parsed.columns:
        unit = money("unit_amount")
        amount = None if unit is None else unit * quantity
    else:
        amount = money("amount")
        unit = None if amount is None else amount // quantity
    shipping = money("shipping") if cell("shipping") else 0
    status = PaymentStatus.VALID.value
    if "status" in parsed.columns:
        try:
            status = parse_status(cell("status"))
        except ValueProblem as exc:
            problem("status", str(exc))
    anonymous = False
    if "anonymous" in parsed.columns:
        try:
            anonymous = parse_flag(cell("anonymous"))
        except ValueProblem as exc:
            problem("anonymous", str(exc))
    email = cell("email")
    if email and ("@" not in email or " " in email):
        problem("email", _("adresse e-mail invalide « {value} »", value=email))
    first, last = cell("first_name"), cell("last_name")
    if not first and not last and cell("full_name"):
        first, _space, last = cell("full_name").partition(" ")
    if not first and not last:
        first, last = cell("ship_first_name"), cell("ship_last_name")
    if problems:
        parsed.errors.extend(problems)
        return None
    assert when is not None and amount is not None and unit is not None and shipping is not None
    tier = tier_title(cell("tier"))
    # The contact's address: billing columns, else where the platform sends the rewards.
    home = [cell(name) for name in ("address", "postcode", "city", "country")]
    if not any(home):
        home = [cell(name) for name in ("ship_address", "ship_postcode", "ship_city", "ship_country")]
    return ParsedContribution(
        line=line,
        reference=reference,
        contributed_at=when,
        amount_cents=amount + shipping,
        first_name=first,
        last_name=last,
        email=email,
        phone=cell("phone"),
        tier=tier,
        status=status,
        anonymous=anonymous,
        address=home[0],
        postcode=home[1],
        city=home[2],
        country=home[3],
        referral_code=cell("referral_code"),
        lines=(OrderLine(line, tier, quantity, unit),) if parsed.orders else (),
        shipping_cents=shipping,
        ship_first_name=cell("ship_first_name"),
        ship_last_name=cell("ship_last_name"),
        ship_address=cell("ship_address"),
        ship_postcode=cell("ship_postcode"),
        ship_city=cell("ship_city"),
        ship_country=cell("ship_country"),
    )


def read_contributions(path: Path, platform: str, explicit: Mapping[str, str] | None = None) -> ParsedFile:
    """Read and check a whole export file (see the module docstring for what is understood)."""
    return parse_table(read_table(path), platform, explicit)
