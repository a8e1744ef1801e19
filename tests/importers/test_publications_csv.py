"""Reading a team's editorial calendar spreadsheet: headers, days, times, networks, refusals."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from communitydesk.errors import UserError
from communitydesk.importers.publications_csv import read_publications
from communitydesk.rules.editorial import Network, PublicationStatus


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "calendrier.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_headers_in_french_whatever_their_case_and_accents(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "JOUR;heure;Canal;Sujet;Thème;Etat;Responsable;Contenu;URL\n"
        "14/01/2027;9h30;LinkedIn;Vœux;Vie de l'asso;Prête;Léa;Bonne année;https://exemple.fr/voeux\n",
    )
    parsed = read_publications(path)
    assert set(parsed.columns) == {"date", "time", "networks", "title", "pillar", "status", "author", "body", "link"}
    (line,) = parsed.lines
    assert (line.line, line.planned_on, line.planned_time) == (2, date(2027, 1, 14), time(9, 30))
    assert (line.networks, line.title, line.pillar) == ((Network.LINKEDIN,), "Vœux", "Vie de l'asso")
    assert (line.status, line.author, line.body, line.link) == (
        PublicationStatus.PRETE,
        "Léa",
        "Bonne année",
        "https://exemple.fr/voeux",
    )
    assert parsed.errors == [] and parsed.warnings == []


def test_a_date_column_is_preferred_to_the_weekday_beside_it(tmp_path: Path) -> None:
    parsed = read_publications(write(tmp_path, "Jour;Date;Titre\nlundi;18/01/2027;Atelier\n"))
    assert parsed.lines[0].planned_on == date(2027, 1, 18)


def test_each_way_of_writing_days_and_times(tmp_path: Path) -> None:
    parsed = read_publications(
        write(
            tmp_path,
            "Date;Heure;Titre\n14/01/2027;9h30;a\n14/01/27;14h;b\n2027-01-14;09:30;c\n14 janvier 2027;9:30;d\n",
        )
    )
    assert [(line.planned_on, line.planned_time) for line in parsed.lines] == [
        (date(2027, 1, 14), time(9, 30)),
        (date(2027, 1, 14), time(14, 0)),
        (date(2027, 1, 14), time(9, 30)),
        (date(2027, 1, 14), time(9, 30)),
    ]


def test_a_day_that_does_not_exist_or_a_line_with_nothing_to_publish_is_refused(tmp_path: Path) -> None:
    parsed = read_publications(
        write(
            tmp_path, "Date;Réseau;Titre;Texte\n31/02/2027;FB;Impossible;\n01/03/2027;FB;;\n02/03/2027;FB;;Un texte\n"
        )
    )
    assert [(e.line, e.field) for e in parsed.errors] == [(2, "Date"), (3, "Titre")]
    assert "n'existe pas" in parsed.errors[0].message
    assert [line.line for line in parsed.lines] == [4]


def test_an_empty_date_makes_an_idea_unless_a_status_is_given(tmp_path: Path) -> None:
    parsed = read_publications(
        write(tmp_path, "Date;Titre;Statut\n;Jeu concours;\n;Portrait;à rédiger\n05/03/2027;Daté;\n")
    )
    assert [line.final_status for line in parsed.lines] == [
        PublicationStatus.IDEE,
        PublicationStatus.A_REDIGER,
        PublicationStatus.A_REDIGER,
    ]
    assert parsed.lines[0].planned_on is None


def test_abbreviations_and_two_networks_in_one_cell(tmp_path: Path) -> None:
    parsed = read_publications(
        write(
            tmp_path,
            "Réseau;Titre\nLinkedIn, FB;a\nInsta + fb;b\nlettre d'info;c\nX/Twitter;d\nFacebook et Instagram;e\n",
        )
    )
    assert [line.networks for line in parsed.lines] == [
        (Network.LINKEDIN, Network.FACEBOOK),
        (Network.INSTAGRAM, Network.FACEBOOK),
        (Network.NEWSLETTER,),
        (Network.X,),
        (Network.FACEBOOK, Network.INSTAGRAM),
    ]


def test_unknown_network_status_or_time_is_a_warning_and_the_line_is_kept(tmp_path: Path) -> None:
    parsed = read_publications(
        write(tmp_path, "Date;Heure;Réseau;Titre;Statut\n14/01/2027;midi;TikTok, FB;Vœux;en suspens\n")
    )
    (line,) = parsed.lines
    assert (line.planned_time, line.networks, line.status) == (None, (Network.FACEBOOK,), None)
    assert [(w.line, w.field) for w in parsed.warnings] == [(2, "Heure"), (2, "Réseau"), (2, "Statut")]
    assert "TikTok" in parsed.warnings[1].message
    assert parsed.errors == []


def test_an_unreadable_date_keeps_the_line_as_an_idea(tmp_path: Path) -> None:
    parsed = read_publications(write(tmp_path, "Date;Titre\ndébut mars;Printemps\n"))
    assert parsed.lines[0].planned_on is None and parsed.lines[0].final_status is PublicationStatus.IDEE
    assert [(w.line, w.field) for w in parsed.warnings] == [(2, "Date")]


def test_an_excel_file_in_windows_1252(tmp_path: Path) -> None:
    path = write(tmp_path, "Date;Réseau;Titre;Thème\r\n14/01/2027;Facebook;Fête de l'été;Événements\r\n", "cp1252")
    parsed = read_publications(path)
    assert parsed.encoding == "cp1252"
    assert (parsed.lines[0].title, parsed.lines[0].pillar) == ("Fête de l'été", "Événements")


def test_a_file_without_title_nor_text_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Titre"):
        read_publications(write(tmp_path, "Date;Réseau\n14/01/2027;FB\n"))
