"""Editorial report: per network against the target, engagement against 4 %, growth, best posts, gaps."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
from communitydesk.i18n import set_language
from communitydesk.models.editorial import EditorialNetwork, FollowerCount, Publication, PublicationNetwork
from communitydesk.rules.editorial_figures import default_period
from communitydesk.rules.periods import Period
from communitydesk.services.permissions import Actor

PERIOD = Period(date(2026, 10, 1), date(2026, 11, 29))


def fill(db: Database) -> None:
    with db.transaction() as session:
        session.add_all(
            [
                EditorialNetwork(network="linkedin", target_count=2, target_weeks=1),
                EditorialNetwork(network="newsletter", target_count=1, target_weeks=2),
                FollowerCount(network="linkedin", measured_on=date(2026, 9, 30), followers=800),
                FollowerCount(network="linkedin", measured_on=date(2026, 10, 31), followers=880),
            ]
        )
        # Two LinkedIn posts every week of October and November, except the week of 16 November.
        monday = date(2026, 9, 28)
        number = 0
        while monday <= PERIOD.end:
            if monday != date(2026, 11, 16):
                for offset in (1, 3):
                    number += 1
                    day = monday + timedelta(days=offset)
                    post = Publication(
                        title=f"Chantier participatif n° {number}",
                        planned_on=day,
                        status="publiee",
                        published_at=datetime.combine(day, time(8), UTC),
                    )
                    # Views 1 000; interactions 30 + number: the last one is the best.
                    post.networks.append(
                        PublicationNetwork(network="linkedin", views=1000, reactions=20 + number, comments=6, shares=4)
                    )
                    session.add(post)
            monday += timedelta(weeks=1)
        session.add(
            Publication(
                title="Lettre d'automne",
                planned_on=date(2026, 10, 14),
                status="prete",
                networks=[PublicationNetwork(network="newsletter")],
            )
        )


def test_report_of_a_planned_calendar(db: Database, actor: Actor, tmp_path: Path, read_back, page_ink) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    out = tmp_path / "rapport-editorial.pdf"
    result = generate_pdf("editorial-report", db, actor, DocumentOptions(period=PERIOD), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages >= 1
    text = pdf.flat_text().replace("\u202f", " ").replace("\xa0", " ")
    for heading in (
        "Publications par réseau",
        "Écarts à l’objectif",
        "Engagement par réseau et par mois",
        "Abonnés",
        "Meilleures publications",
    ):
        assert heading in text
    assert "Du 1er octobre 2026 au 29 novembre 2026" in text
    # LinkedIn: 15 posts in the period (the week of 28 September has 1 in October), 18 expected (9 weeks × 2).
    assert "LinkedIn 2 par semaine 15 15 18 8/9" in text
    assert "Lettre d’information 1 toutes les 2 semaines 1 0 5 1/5" in text
    assert "taux d’engagement" in text  # the key figures are typeset too
    assert "aucune publication LinkedIn la semaine du 16 novembre" in text
    assert "aucune publication Lettre d’information les 2 semaines à partir du" in text
    # Engagement: (reactions + comments + shares) / views, 4 % as the benchmark.
    assert "Repère : 4 % par mois" in text
    assert "atteint" in text
    assert "+10,0 %" in text  # followers 800 → 880 in October
    assert "Chantier participatif n° 16" in text.split("Meilleures publications")[1][:200]
    assert pdf.metadata["/Title"] == "Rapport éditorial"
    assert page_ink(out) > 0.03


def test_an_empty_calendar_gets_a_page_that_says_how_to_start(
    db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "vide.pdf"
    generate_pdf("editorial-report", db, actor, DocumentOptions(), out)
    text = read_back(out).flat_text()
    assert "Aucune publication ni objectif sur cette période." in text
    assert "fixez un objectif de régularité par réseau" in text
    period = default_period()
    assert f"{period.end.year}" in text


def test_english_report(db: Database, actor: Actor, tmp_path: Path, read_back) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    set_language("en")
    out = tmp_path / "editorial.pdf"
    generate_pdf("editorial-report", db, actor, DocumentOptions(period=PERIOD), out)
    text = read_back(out).flat_text()
    assert "Editorial report" in text
    assert "no LinkedIn post in the week of 16 November" in text
    assert "Engagement per network and month" in text


def test_the_catalogue_offers_it_with_a_three_month_default() -> None:
    kind = DOCUMENTS["editorial-report"]
    assert kind.uses_period
    assert kind.default_period(date(2026, 12, 9)) == Period(date(2026, 9, 10), date(2026, 12, 9))
    assert kind.label == "Rapport éditorial"


def test_export_pdf_command(db: Database, tmp_path: Path, read_back) -> None:  # type: ignore[no-untyped-def]
    fill(db)
    out = tmp_path / "cli.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "communitydesk",
            "export",
            "pdf",
            "editorial-report",
            "--db",
            str(db.path),
            "--out",
            str(out),
            "--to",
            "2026-11-29",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    # --to alone: the three months before it.
    assert "Du 30 août 2026 au 29 novembre 2026" in read_back(out).flat_text()
