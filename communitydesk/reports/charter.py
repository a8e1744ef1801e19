"""Charters with reciprocal commitments: the ambassador charter and the collaborators' charter.

The text comes from a template (the organisation's own, or the shipped default); the
commitments of both parties face each other in two columns when they fit on one page,
else follow each other as two sections. Signature blocks for both parties close it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from communitydesk.formatting import day
from communitydesk.i18n import _
from communitydesk.records.charters import CharterData
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.qr import qr_code
from communitydesk.reports.flowables.signatures import Signatory, SignatureBlocks
from communitydesk.reports.flowables.title import AccentRule
from communitydesk.reports.fonts import SERIF, bold
from communitydesk.reports.markup import plain, printed, to_paragraph_markup
from communitydesk.reports.styles import WHITE, Palette, Styles, serif_styles
from communitydesk.rules.charter_text import CharterSection, CharterText, parse_charter
from communitydesk.rules.personal_data_notice import charter_clause, made_in_duplicate

BADGE = 5.6 * mm


def charter_kind_label(kind: str) -> str:
    return {
        "ambassador": _("Charte des ambassadeurs"),
        "collaborator": _("Charte d'expression des collaborateurs"),
    }.get(kind, kind)


class NumberBadge(Flowable):
    """A commitment's number, white in a disc of the party's colour."""

    def __init__(self, number: int, colour: Color, font: str = "") -> None:
        super().__init__()
        self.number = number
        self.colour = colour
        self.font = font or bold(SERIF)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return BADGE, BADGE

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.colour)
        canvas.circle(BADGE / 2, BADGE / 2 - 1.2, BADGE / 2, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont(self.font, 9)
        canvas.drawCentredString(BADGE / 2, BADGE / 2 - 4.3, str(self.number))


def _badge_style() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )


def _commitment_list(styles: Styles, section: CharterSection, width: float, colour: Color) -> list[Flowable]:
    heading = Paragraph(to_paragraph_markup(section.heading), styles.subheading)
    heading.style = heading.style.clone("commitments_heading", textColor=colour, fontSize=11, leading=14)
    rows = [
        [NumberBadge(number, colour, bold(styles.family)), Paragraph(to_paragraph_markup(item), styles.body)]
        for number, item in enumerate(section.items, start=1)
    ]
    style = _badge_style()
    style.add("LEFTPADDING", (1, 0), (1, -1), 2.5 * mm)  # gap between badge and text
    table = Table(rows, colWidths=[BADGE, width - BADGE], style=style, hAlign="LEFT")
    return [heading, table]


def _sequential(styles: Styles, palette: Palette, sections: list[CharterSection], width: float) -> list[Flowable]:
    flowables: list[Flowable] = []
    for index, section in enumerate(sections):
        colour = palette.primary if index % 2 == 0 else palette.secondary
        flowables.extend(_commitment_list(styles, section, width, colour))
    return flowables


def facing_columns(left: list[Flowable], right: list[Flowable], column: float, gap: float, rule: Color) -> Table:
    """Two columns of ``column`` width side by side, ``2 × gap`` apart with a ``rule`` between them."""
    return Table(
        [[left, right]],
        colWidths=[column + gap, column + gap],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), gap),
                ("LEFTPADDING", (1, 0), (1, 0), gap),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("LINEAFTER", (0, 0), (0, 0), 0.5, rule),
            ]
        ),
    )


def commitment_columns(
    styles: Styles, palette: Palette, sections: list[CharterSection], width: float, height: float
) -> list[Flowable]:
    """The parties' numbered commitments: the first two face each other in two columns when
    they fit in 70 % of a page (``height``), else every list follows the other."""
    if len(sections) >= 2:
        column = (width - 8 * mm) / 2
        pair = facing_columns(
            _commitment_list(styles, sections[0], column, palette.primary),
            _commitment_list(styles, sections[1], column, palette.secondary),
            column,
            4 * mm,
            palette.primary_light,
        )
        _w, pair_height = pair.wrap(width, height)
        if pair_height < height * 0.7:
            return [pair, *_sequential(styles, palette, sections[2:], width)]
    return _sequential(styles, palette, sections, width)


class CharterRenderer(DocumentRenderer):
    kind = "charter"

    def __init__(self, data: CharterData, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data
        self.text: CharterText = parse_charter(data.template.text).with_organisation(data.identity.name)

    def make_styles(self) -> Styles:
        return serif_styles(self.palette)

    def title(self) -> str:
        return self.text.title

    def subject(self) -> str:
        return charter_kind_label(self.data.template.kind)

    def footer_note(self) -> str:
        version = self.text.version or "—"
        template = self.data.template
        if template.customised and template.updated_at is not None:
            return _("Charte version {version} du {date}", version=version, date=day(template.updated_at, "short"))
        return _("Charte version {version} (modèle CommunityDesk)", version=version)

    def _commitments(self) -> list[Flowable]:
        return commitment_columns(
            self.styles, self.palette, self.text.commitments, self.content_width, self.content_height
        )

    def story(self) -> Iterable[Flowable]:
        text, styles = self.text, self.styles
        details = [self.identity.name] if self.identity.name else []
        if text.version:
            details.append(_("Version {version}", version=text.version))
        yield Paragraph(plain(text.title), styles.title)
        if details:
            yield Paragraph(plain(" · ".join(details)), styles.subtitle)
        yield AccentRule(self.palette)
        for paragraph in text.preamble:
            yield Paragraph(to_paragraph_markup(paragraph), styles.body_justified)
        yield from self._commitments()
        for section in text.other_sections:
            block: list[Flowable] = [Paragraph(to_paragraph_markup(section.heading), styles.subheading)]
            block += [Paragraph(to_paragraph_markup(p), styles.body_justified) for p in section.paragraphs]
            yield KeepTogether(block)
        member = (
            _("L'ambassadeur ou l'ambassadrice")
            if self.data.template.kind == "ambassador"
            else _("Le collaborateur ou la collaboratrice")
        )
        organisation = (
            _("Pour {organisation}", organisation=self.identity.name)
            if self.identity.name
            else _("Pour l'organisation")
        )
        closing: list[Flowable] = [
            Paragraph(plain(charter_clause(self.identity.name)), styles.small),
            Paragraph(plain(made_in_duplicate()), styles.body.clone("made_in_duplicate", spaceBefore=3)),
        ]
        if self.identity.website:
            # The QR code sits beside the closing lines so that text and signatures share a page.
            link = Paragraph(plain(self.identity.website), styles.small.clone("website", alignment=TA_CENTER))
            closing = [
                Table(
                    [[closing, [qr_code(self.identity.website, 16 * mm), link]]],
                    colWidths=[None, 50 * mm],
                    style=TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("ALIGN", (1, 0), (1, 0), "CENTER"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                            ("RIGHTPADDING", (1, 0), (1, 0), 0),
                        ]
                    ),
                    hAlign="LEFT",
                )
            ]
        signatures: list[Flowable] = [
            *closing,
            SignatureBlocks(
                [
                    Signatory(printed(member), printed(self.data.member_name)),
                    Signatory(printed(organisation), printed(self.data.signatory_name)),
                ],
                self.palette,
            ),
        ]
        yield KeepTogether(signatures)
