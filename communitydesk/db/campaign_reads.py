"""What a campaign's figures and rewards read, as named sqlite3 reads on a ``QuickReader``.

The campaign documents read them on the quick path (``export pdf`` never loads SQLAlchemy);
the campaign services read the very same ones on their snapshot's connection
(``quick_reads.session_reader``), so the screen and the PDF share one query and one
assembly (``services.campaign_figures``). Moments come out as aware datetimes, days as dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from communitydesk.db.quick_reads import QuickReader
from communitydesk.models import stored_time
from communitydesk.records.campaigns import CampaignRecord, TierRecord
from communitydesk.rules.campaigns import STOCK_HOLDING_STATUSES, PaymentStatus

_VALID = PaymentStatus.VALID.value
_HOLDING = tuple(status.value for status in STOCK_HOLDING_STATUSES)


def _day(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text[:10])


_CAMPAIGN_COLUMNS = (
    "id, name, type, platform, goal_cents, currency, starts_on, ends_on, preparation_starts_on, "
    "description, status, version_id, created_at"
)


def _campaign(row: tuple[Any, ...]) -> CampaignRecord:
    (cid, name, kind, platform, goal, currency, starts, ends, prep, description, status, version, created) = row
    return CampaignRecord(
        id=cid,
        name=name,
        type=kind,
        platform=platform,
        goal_cents=goal or 0,
        currency=currency,
        starts_on=_day(starts),
        ends_on=_day(ends),
        preparation_starts_on=_day(prep),
        description=description or "",
        status=status,
        version_id=version or 1,
        created_at=stored_time.decode(created),
    )


def campaign(reader: QuickReader, campaign_id: int) -> CampaignRecord | None:
    row = reader.connection.execute(
        f"SELECT {_CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,)
    ).fetchone()
    return None if row is None else _campaign(row)


def find_campaign(reader: QuickReader, name_or_id: str) -> CampaignRecord | None:
    """By exact name first, then by number: "12" names campaign 12 unless a campaign is called "12"."""
    text = name_or_id.strip()
    row = reader.connection.execute(
        f"SELECT {_CAMPAIGN_COLUMNS} FROM campaigns WHERE name = ? ORDER BY id LIMIT 1", (text,)
    ).fetchone()
    if row is None and text.isdigit():
        return campaign(reader, int(text))
    return None if row is None else _campaign(row)


def campaign_names(reader: QuickReader) -> list[str]:
    """Every campaign's name, as the campaign list orders them (latest start first, undated first)."""
    rows = reader.connection.execute(
        "SELECT name FROM campaigns ORDER BY starts_on IS NOT NULL, starts_on DESC, id DESC"
    )
    return [name for (name,) in rows]


def contribution_facts(
    reader: QuickReader, campaign_id: int
) -> list[tuple[int, datetime, str, str | None, int | None]]:
    """(amount, contributed at, payment status, backer's circle now, contact id) of every contribution."""
    rows = reader.connection.execute(
        "SELECT k.amount_cents, k.contributed_at, k.payment_status, p.circle, k.contact_id FROM contributions k "
        "LEFT JOIN contacts p ON p.id = k.contact_id WHERE k.campaign_id = ?",
        (campaign_id,),
    )
    decode = stored_time.decode
    return [(int(amount), decode(when), status, circle, contact) for amount, when, status, circle, contact in rows]


@dataclass(frozen=True)
class TierRow:
    """A tier with what holds its stock (``record.taken``) and what chose it (valid contributions)."""

    record: TierRecord
    chosen: int
    chosen_cents: int


def tiers(reader: QuickReader, campaign_id: int) -> list[TierRow]:
    """The campaign's tiers, cheapest first, with what holds their stock and what chose them."""
    holding = ", ".join("?" * len(_HOLDING))
    sql = f"""
    SELECT t.id, t.title, t.amount_cents, t.description, t.stock_limit, t.estimated_delivery, t.version_id,
      (SELECT COUNT(*) FROM contributions k WHERE k.tier_id = t.id AND k.payment_status IN ({holding})
         AND NOT EXISTS (SELECT 1 FROM contribution_lines l WHERE l.contribution_id = k.id AND l.tier_id IS NOT NULL))
      + (SELECT COALESCE(SUM(l.quantity), 0) FROM contribution_lines l JOIN contributions k ON k.id = l.contribution_id
         WHERE l.tier_id = t.id AND k.payment_status IN ({holding})),
      (SELECT COUNT(*) FROM contributions k WHERE k.tier_id = t.id AND k.payment_status = ?),
      (SELECT COALESCE(SUM(k.amount_cents), 0) FROM contributions k WHERE k.tier_id = t.id AND k.payment_status = ?)
    FROM campaign_tiers t WHERE t.campaign_id = ? ORDER BY t.amount_cents, t.id
    """
    params = (*_HOLDING, *_HOLDING, _VALID, _VALID, campaign_id)
    tiers = []
    for (
        tier_id,
        title,
        amount,
        description,
        limit,
        delivery,
        version,
        taken,
        chosen,
        cents,
    ) in reader.connection.execute(sql, params):
        record = TierRecord(
            tier_id, campaign_id, title, amount, description or "", limit, _day(delivery), version, int(taken)
        )
        tiers.append(TierRow(record, int(chosen), int(cents)))
    return tiers


def contacts_brought(reader: QuickReader, campaign_id: int) -> int:
    """Contacts the campaign brought in (their contribution created them)."""
    sql = (
        "SELECT COUNT(DISTINCT contact_id) FROM contributions WHERE campaign_id = ? "
        "AND brought_contact = 1 AND contact_id IS NOT NULL"
    )
    return int(reader.connection.execute(sql, (campaign_id,)).fetchone()[0])


@dataclass(frozen=True)
class RewardRow:
    """One reward owed, as stored: the contribution, its tier, the contact if any, its fulfilment."""

    contribution_id: int
    reference: str | None
    amount_cents: int
    contributed_at: datetime
    anonymous: bool
    backer_name: str
    ship_first_name: str
    ship_last_name: str
    ship_address: str
    ship_postcode: str
    ship_city: str
    ship_country: str
    quantity: int
    tier_id: int
    tier_title: str
    contact_id: int | None
    kind: str
    first_name: str
    last_name: str
    organisation: str
    email: str
    phone: str
    address: str
    postcode: str
    city: str
    country: str
    state: str | None
    state_changed_at: datetime | None
    note: str


_REWARDS_SQL = """
SELECT k.id, k.platform_reference, k.amount_cents, k.contributed_at, k.anonymous, k.backer_name,
       k.ship_first_name, k.ship_last_name, k.ship_address, k.ship_postcode, k.ship_city, k.ship_country,
       COALESCE(l.quantity, 1), t.id, t.title,
       p.id, p.kind, p.first_name, p.last_name, p.organisation, p.email, p.phone,
       p.address, p.postcode, p.city, p.country,
       f.state, f.updated_at, f.note
FROM contributions k
LEFT JOIN contribution_lines l ON l.contribution_id = k.id AND l.tier_id IS NOT NULL
JOIN campaign_tiers t ON t.id = COALESCE(l.tier_id, k.tier_id)
LEFT JOIN contacts p ON p.id = k.contact_id
LEFT JOIN fulfilments f ON f.contribution_id = k.id
WHERE k.campaign_id = ? AND k.payment_status = ?
ORDER BY t.amount_cents, t.title, p.last_name, p.first_name, k.id, l.position
"""


def rewards_owed(reader: QuickReader, campaign_id: int) -> list[RewardRow]:
    """One row per reward owed: an order's lines with a reward, else the contribution's own tier."""
    decode = stored_time.decode
    rows = []
    for row in reader.connection.execute(_REWARDS_SQL, (campaign_id, _VALID)):
        text = [value or "" for value in row]  # empty text where a contact or a field is missing
        rows.append(
            RewardRow(
                contribution_id=row[0],
                reference=row[1],
                amount_cents=row[2],
                contributed_at=decode(row[3]),
                anonymous=bool(row[4]),
                backer_name=text[5],
                ship_first_name=text[6],
                ship_last_name=text[7],
                ship_address=text[8],
                ship_postcode=text[9],
                ship_city=text[10],
                ship_country=text[11],
                quantity=row[12],
                tier_id=row[13],
                tier_title=row[14],
                contact_id=row[15],
                kind=row[16] or "person",
                first_name=text[17],
                last_name=text[18],
                organisation=text[19],
                email=text[20],
                phone=text[21],
                address=text[22],
                postcode=text[23],
                city=text[24],
                country=text[25],
                state=row[26],
                state_changed_at=decode(row[27]) if row[27] else None,
                note=text[28],
            )
        )
    return rows
