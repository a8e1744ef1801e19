"""Importing an editorial calendar spreadsheet: dry run, re-import, updates, pillars."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.models.editorial import EditorialPillar, Publication
from communitydesk.rules.editorial import PublicationStatus
from communitydesk.services.permissions import Actor
from communitydesk.services.publication_import import import_publications, preview_publications, status_path

PLAN = (
    "Date;Heure;Réseau;Titre;Pilier;Statut;Auteur;Texte\n"
    "14/01/2027;9h30;LinkedIn, FB;Vœux de l'équipe;Vie de l'asso;Prête;Léa;Bonne année\n"
    "15/01/2027;;Insta;Portrait bénévole;portraits;;Marc;\n"
    ";;;Jeu concours;;;;Des paniers à gagner\n"
    "31/02/2027;;FB;Impossible;;;;\n"
)


def write(tmp_path: Path, text: str, name: str = "plan.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def publications(db: Database) -> list[tuple[date | None, time | None, tuple[str, ...], str, str, str]]:
    with db.snapshot() as session:
        rows = session.scalars(select(Publication).order_by(Publication.id)).all()
        return [
            (p.planned_on, p.planned_time, tuple(n.network for n in p.networks), p.title, p.status, p.author)
            for p in rows
        ]


def test_the_plan_is_imported_with_its_pillars(db: Database, actor: Actor, tmp_path: Path) -> None:
    with db.transaction() as session:
        session.add(EditorialPillar(name="Portraits"))
    summary = import_publications(db, actor, write(tmp_path, PLAN))
    assert (summary.created, summary.updated, summary.skipped) == (3, 0, 0)
    assert [(e.line, e.field) for e in summary.errors] == [(5, "Date")]
    assert [(w.line, w.field) for w in summary.warnings] == [(2, "Pilier")]  # « Vie de l'asso » created
    assert publications(db) == [
        (date(2027, 1, 14), time(9, 30), ("facebook", "linkedin"), "Vœux de l'équipe", "prete", "Léa"),
        (date(2027, 1, 15), None, ("instagram",), "Portrait bénévole", "a_rediger", "Marc"),
        (None, None, (), "Jeu concours", "idee", ""),
    ]
    with db.snapshot() as session:
        pillars = {p.name for p in session.scalars(select(EditorialPillar))}
        first = session.scalars(select(Publication).order_by(Publication.id)).first()
        assert first is not None
        assert [(c.from_status, c.to_status, c.changed_by) for c in first.status_changes] == [
            (None, "prete", actor.name)
        ]
    assert pillars == {"Portraits", "Vie de l'asso"}  # « portraits » met the existing one


def test_a_dry_run_writes_nothing(db: Database, actor: Actor, tmp_path: Path) -> None:
    summary = import_publications(db, actor, write(tmp_path, PLAN), dry_run=True)
    assert (summary.created, summary.dry_run) == (3, True)
    assert publications(db) == []
    with db.snapshot() as session:
        assert session.scalars(select(EditorialPillar)).all() == []


def test_importing_the_same_file_again_creates_nothing(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = write(tmp_path, PLAN)
    import_publications(db, actor, path)
    again = import_publications(db, actor, path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 3)
    assert again.warnings == []  # the pillar is known now
    assert len(publications(db)) == 3


def test_a_line_matches_on_day_network_and_title_and_updates_what_changed(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    import_publications(db, actor, write(tmp_path, PLAN))
    later = (
        "Date;Heure;Réseau;Titre;Statut;Texte\n"
        "14/01/2027;10h;FB;VŒUX DE L'EQUIPE;publié;\n"  # same day, one of its networks, title folded
        "15/01/2027;;Instagram;Portrait bénévole;;\n"  # nothing new
        "16/01/2027;;Insta;Portrait bénévole;;\n"  # another day: another publication
    )
    summary = import_publications(db, actor, write(tmp_path, later, "later.csv"))
    assert (summary.created, summary.updated, summary.skipped) == (1, 1, 1)
    rows = publications(db)
    assert rows[0] == (date(2027, 1, 14), time(10, 0), ("facebook", "linkedin"), "VŒUX DE L'EQUIPE", "publiee", "Léa")
    assert rows[3][0] == date(2027, 1, 16)
    with db.snapshot() as session:
        first = session.scalars(select(Publication).order_by(Publication.id)).first()
        assert first is not None and first.body == "Bonne année"  # an empty cell takes nothing away
        assert [c.to_status for c in first.status_changes] == ["prete", "publiee"]


def test_a_line_repeated_in_the_file_meets_the_publication_it_made(db: Database, actor: Actor, tmp_path: Path) -> None:
    text = "Date;Réseau;Titre\n14/01/2027;LinkedIn;Vœux\n14/01/2027;LinkedIn;Vœux\n"
    summary = import_publications(db, actor, write(tmp_path, text))
    assert (summary.created, summary.skipped) == (1, 1)


def test_the_preview_reads_without_the_base(actor: Actor, tmp_path: Path) -> None:
    preview = preview_publications(write(tmp_path, PLAN), actor)
    assert (preview.readable, preview.total_rows) == (3, 4)
    assert preview.columns["networks"] == "Réseau"
    assert [e.line for e in preview.errors] == [5]


def test_the_summary_has_the_shape_scripts_read(db: Database, actor: Actor, tmp_path: Path) -> None:
    data = import_publications(db, actor, write(tmp_path, PLAN)).as_json()
    assert list(data) == ["created", "updated", "skipped", "errors", "warnings"]
    assert data["errors"] == [{"line": 5, "field": "Date", "message": "cette date n'existe pas : « 31/02/2027 »"}]


SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "calendrier_editorial.csv"


def test_a_team_spreadsheet_saved_by_excel(db: Database, actor: Actor) -> None:
    """tests/samples/calendrier_editorial.csv: Windows-1252, a weekday column beside the date,
    « Canal », « Sujet », « Rubrique », « État », « Responsable », « Contenu »; invented content."""
    summary = import_publications(db, actor, SAMPLE)
    assert summary.encoding == "cp1252"
    assert (summary.created, summary.updated, summary.skipped) == (7, 0, 0)
    assert [(e.line, e.field) for e in summary.errors] == [(9, "Date"), (10, "Sujet")]
    assert ("Canal", 6) in {(w.field, w.line) for w in summary.warnings}  # TikTok
    statuses = [row[4] for row in publications(db)]
    assert statuses == ["publiee", "prete", "a_valider", "a_rediger", "idee", "a_rediger", "idee"]
    again = import_publications(db, actor, SAMPLE)
    assert (again.created, again.updated, again.skipped) == (0, 0, 7)


def test_a_new_status_is_reached_through_the_allowed_moves(db: Database, actor: Actor, tmp_path: Path) -> None:
    assert status_path(PublicationStatus.A_REDIGER, PublicationStatus.PUBLIEE) == [
        PublicationStatus.A_VALIDER,
        PublicationStatus.PRETE,
        PublicationStatus.PUBLIEE,
    ]
    assert status_path(PublicationStatus.PRETE, PublicationStatus.PRETE) == []
    import_publications(db, actor, write(tmp_path, "Date;Réseau;Titre\n14/01/2027;FB;Vœux\n"))
    summary = import_publications(
        db, actor, write(tmp_path, "Date;Réseau;Titre;Statut\n14/01/2027;FB;Vœux;Publié\n", "b.csv")
    )
    assert (summary.created, summary.updated) == (0, 1)
    with db.snapshot() as session:
        row = session.scalars(select(Publication)).one()
        assert [c.to_status for c in row.status_changes] == ["a_rediger", "a_valider", "prete", "publiee"]
        assert (row.status, row.approved_by) == ("publiee", actor.name)
        assert row.published_at is not None


def test_an_idea_put_on_a_day_since_is_met_again(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = write(tmp_path, "Date;Titre;Texte\n;Jeu concours;Des paniers\n")
    import_publications(db, actor, path)
    with db.transaction() as session:
        row = session.scalars(select(Publication)).one()
        row.planned_on = date(2027, 4, 2)  # the team dragged it onto a day
    again = import_publications(db, actor, path)
    assert (again.created, again.skipped) == (0, 1)
    assert publications(db)[0][0] == date(2027, 4, 2)
