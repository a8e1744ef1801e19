"""Reading order files (Ulule's own export): headers recognised, the lines of one order grouped,
amount = Σ unit × quantity + postage; the other presets stay as tolerant."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from communitydesk.importers import contributions_csv as reader

SAMPLE = Path(__file__).parents[1] / "samples" / "ulule_commandes.csv"


def test_ulule_order_export_headers_and_grouping() -> None:
    parsed = reader.read_contributions(SAMPLE, "ulule")
    assert parsed.errors == [] and parsed.orders
    assert parsed.table.delimiter == ";" and parsed.table.headers[0] == "#"  # the BOM is gone
    headers = {name: parsed.table.headers[index] for name, index in parsed.columns.items()}
    assert headers["reference"] == "#" and headers["email"] == "E-mail" and headers["status"] == "Statut"
    assert headers["tier"] == "Titre de la contrepartie" and headers["shipping"] == "Frais de port"
    assert headers["first_name"] == "Prénom de facturation" and headers["ship_first_name"] == "Prénom de livraison"
    assert "amount" not in headers  # the amount is the order's lines and postage
    first = parsed.rows[0]
    assert (first.reference, first.line, first.amount_cents, first.shipping_cents) == ("48213", 2, 6000, 500)
    assert [(line.line, line.tier, line.quantity, line.unit_cents) for line in first.lines] == [
        (2, "Tote bag", 1, 2500),
        (3, "Affiche sérigraphiée", 2, 1500),
    ]
    assert first.tier_lines() == ((2, "Tote bag"), (3, "Affiche sérigraphiée"))
    free = next(row for row in parsed.rows if row.reference == "48220")
    assert free.tier is None and free.tier_lines() == () and free.amount_cents == 1000
    assert (free.city, free.ship_city) == ("Grenoble", "")
    cancelled = next(row for row in parsed.rows if row.reference == "48240")
    assert cancelled.status == "cancelled"


def test_statuses_in_ulule_words() -> None:
    assert reader.parse_status("Paiement effectué") == "valid"
    assert reader.parse_status("Paiement annulé") == "cancelled"
    assert reader.parse_status("Paiement remboursé") == "refunded"


def test_shipping_columns_give_the_contact_an_address_when_there_is_no_other(tmp_path: Path) -> None:
    path = tmp_path / "livraison.csv"
    path.write_text(
        "Référence;Date;Montant;Nom;Code postal de livraison;Ville de livraison;Pays de livraison\n"
        "L1;01/03/2026;10;Roux;69001;Lyon;FR\n",
        encoding="utf-8",
    )
    (row,) = reader.read_contributions(path, "generic").rows
    assert (row.postcode, row.city, row.country) == ("69001", "Lyon", "FR")
    assert (row.ship_postcode, row.ship_city, row.ship_country) == ("69001", "Lyon", "FR")
    assert row.lines == ()  # one line per contribution: no order lines


def test_a_repeated_reference_is_still_an_error_without_order_columns(tmp_path: Path) -> None:
    path = tmp_path / "double.csv"
    path.write_text("Référence;Date;Montant\nR1;01/03/2026;10\nR1;01/03/2026;12\n", encoding="utf-8")
    parsed = reader.read_contributions(path, "generic")
    assert [row.line for row in parsed.rows] == [2] and [(e.line, e.field) for e in parsed.errors] == [(3, "Référence")]


ORDER_LINE = st.tuples(
    st.sampled_from(["1", "2", "1"]),
    st.sampled_from(["Mug", "Don libre", "Tote bag", ""]),
    st.sampled_from(["1", "3", "", "0", "deux", "2,0"]),
    st.sampled_from(["10.00", "25,50", "", "-3", "x"]),
    st.sampled_from(["", "5.00", "0", "abc"]),
)


@given(st.lists(ORDER_LINE, max_size=8))
def test_any_order_file_gives_orders_that_add_up_or_errors(lines: list[tuple[str, str, str, str, str]]) -> None:
    table = reader.Table(
        headers=[
            "#",
            "Date de création",
            "Titre de la contrepartie",
            "Quantité",
            "Montant unitaire total",
            "Frais de port",
        ],
        rows=[
            (n + 2, [ref, "01/03/2026", tier, qty, unit, ship]) for n, (ref, tier, qty, unit, ship) in enumerate(lines)
        ],
        encoding="utf-8",
        delimiter=";",
    )
    parsed = reader.parse_table(table, "ulule")
    assert len({row.reference for row in parsed.rows}) == len(parsed.rows)  # one contribution per order
    bad = {e.line for e in parsed.errors}
    for row in parsed.rows:
        assert not bad & {line.line for line in row.lines}
        assert row.amount_cents == sum(line.quantity * line.unit_cents for line in row.lines) + row.shipping_cents
        assert all(line.quantity >= 1 and line.unit_cents >= 0 for line in row.lines)
    assert {line.line for row in parsed.rows for line in row.lines} | bad == {n + 2 for n in range(len(lines))}
