"""The building blocks later documents reuse: charts, QR codes, checkbox grids, crop marks, cards."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from communitydesk.records.identity import Identity
from communitydesk.reports.base import DocumentRenderer, GenerationCancelled
from communitydesk.reports.flowables.charts import bar_chart, horizontal_bar_chart, line_chart, pie_chart
from communitydesk.reports.flowables.checkboxes import CheckboxGrid
from communitydesk.reports.flowables.cropmarks import CardSheet, business_card_size
from communitydesk.reports.flowables.figures import KeyFigure, KeyFigureCards
from communitydesk.reports.flowables.qr import qr_code
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import to_paragraph_markup

IDENTITY = Identity(name="Coopérative Œil-de-Bœuf", primary_colour="#12345G", website="https://oeil.example")


class Sampler(DocumentRenderer):
    """Every flowable once, plus a sign-in grid long enough to split across pages."""

    kind = "sampler"

    def title(self) -> str:
        return "Échantillon « tout-en-un »"

    def progress_steps(self) -> int:
        return 12

    def story(self) -> Iterable[Flowable]:
        width = self.content_width
        colours = self.palette.series(3)
        yield title_block(self.styles, self.title(), "Sous-titre ÿ €", ["Détail Łukasz"])
        yield KeyFigureCards([KeyFigure("1 234", "contacts", "+12"), KeyFigure("0", "vide")], self.palette)
        yield bar_chart(["a", "b"], [("zéros", [0, 0])], colours, width, 120)
        yield bar_chart(["janv.", "févr."], [("x", [3, 5]), ("y", [1, 2])], colours, width, 120)
        yield line_chart(["1", "2", "3"], [("ligne", [0, 0, 0])], colours, width, 120)
        yield horizontal_bar_chart([], [], colours[0], width)
        yield pie_chart([], colours, width, 100)
        yield pie_chart([("Salon", 3), ("Site", 1)], colours, width, 100)
        yield qr_code("https://oeil.example/parrainage/ABC123", 30 * mm)
        yield PageBreak()
        yield CheckboxGrid([f"Participant·e n°{i}" for i in range(60)], ["Présent", "Photo", "Lettre"], self.palette)
        width_card, height_card = business_card_size()
        yield CardSheet(
            9, width_card, height_card, lambda canvas, i, w, h: canvas.drawString(10, h / 2, f"Carte n°{i + 1}")
        )


def test_every_flowable_renders(tmp_path: Path, read_back, page_ink) -> None:
    out = tmp_path / "sampler.pdf"
    seen: list[tuple[int, int]] = []
    result = Sampler(IDENTITY).render(out, progress=lambda done, total: seen.append((done, total)))
    pdf = read_back(out)
    assert result.pages == pdf.pages >= 4  # the 60-row grid splits over two pages
    text = pdf.flat_text()
    assert "Échantillon « tout-en-un »" in text and "Sous-titre ÿ €" in text and "Détail Łukasz" in text
    assert "1 234" in text and "Salon" in text
    assert text.count("Présent") >= 2  # the grid's header repeats on the page it continues on
    assert "Participant·e n°59" in text
    assert all(f"Carte n°{i}" in text for i in range(1, 10))  # the sheet of 9 cards split, none lost
    assert pdf.metadata["/Author"] == "Coopérative Œil-de-Bœuf"
    assert seen and seen[-1] == (1, 1) and all(done <= total for done, total in seen)
    assert page_ink(out) > 0.02  # a mistyped colour fell back to the default instead of failing


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "annule.pdf"
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(GenerationCancelled, match="annulée"):
        Sampler(IDENTITY).render(out, cancelled=cancelled)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    from communitydesk.errors import UserError

    with pytest.raises(UserError, match="n'existe pas"):
        Sampler(IDENTITY).render(tmp_path / "absent" / "x.pdf")


def test_a_broken_logo_does_not_cost_the_document(tmp_path: Path, read_back) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"pas une image")
    out = tmp_path / "logo.pdf"
    Sampler(Identity(name="Asso", logo_path=str(logo))).render(out)
    assert read_back(out).pages >= 4


def test_a_real_logo_is_drawn(tmp_path: Path, read_back) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    out = tmp_path / "logo.pdf"
    Sampler(Identity(name="Asso", logo_path=str(logo))).render(out)
    page = read_back(out).reader.pages[0]
    assert any(str(name).startswith("/FormX") or str(name).startswith("/Im") for name in page["/Resources"]["/XObject"])


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("**gras** et _italique_", "<b>gras</b> et <i>italique</i>"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("mon_adresse@exemple.fr et snake_case_name", "mon_adresse@exemple.fr et snake_case_name"),
        ("**_les deux_**", "<b><i>les deux</i></b>"),
        ("** pas gras **", "** pas gras **"),
    ],
)
def test_simple_markup(text: str, markup: str) -> None:
    assert to_paragraph_markup(text) == markup
