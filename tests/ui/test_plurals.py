"""Real plurals in both languages, never « contact(s) »: French takes the singular for 0 and
1, English for 1 only; on a screen and in the headless output."""

from __future__ import annotations

import pytest

from communitydesk.i18n import ngettext, set_language
from communitydesk.ui.documents.preview import PdfPreview


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["0 contact déplacé.", "1 contact déplacé.", "4 contacts déplacés."]),
        ("en", ["0 contacts moved.", "1 contact moved.", "4 contacts moved."]),
    ],
)
def test_moves_are_counted_in_real_plurals(language: str, expected: list[str]) -> None:
    set_language(language)
    try:
        said = [ngettext("{count} contact déplacé.", "{count} contacts déplacés.", c, count=c) for c in (0, 1, 4)]
    finally:
        set_language("fr")
    assert said == expected


@pytest.mark.parametrize(("language", "one", "two"), [("fr", "1 page", "2 pages"), ("en", "1 page", "2 pages")])
def test_the_preview_counts_its_pages(qtbot, tmp_path, language: str, one: str, two: str) -> None:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    preview = PdfPreview()
    qtbot.addWidget(preview)
    set_language(language)
    try:
        for pages, said in ((1, one), (2, two)):
            path = tmp_path / f"{pages}.pdf"
            canvas = Canvas(str(path))
            for _page in range(pages):
                canvas.drawString(100, 700, "Annuaire")
                canvas.showPage()
            canvas.save()
            assert preview.show_pdf(path, "annuaire.pdf")
            assert preview.info.text() == f"annuaire.pdf — {said}"
    finally:
        set_language("fr")
