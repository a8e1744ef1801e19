"""The ambassador kit: every piece an ambassador needs, in one PDF, for one ambassador or several.

Per ambassador: a welcome letter, the guide, the charter to sign (A4 pages with the
organisation's header), then bare pages without header nor page number: an A4 and an A3
poster with the referral QR code, ten business cards (85 × 55 mm, crop marks) and a sticker
sheet. Everything prints in black and white; colour is only an accent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from communitydesk.formatting import day
from communitydesk.i18n import _
from communitydesk.records.ambassador_kit import AmbassadorKitData, KitAmbassador, KitCharter
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.charter import commitment_columns, facing_columns
from communitydesk.reports.flowables.cropmarks import CardSheet, business_card_size
from communitydesk.reports.flowables.outline import HeadingParagraph
from communitydesk.reports.flowables.qr import draw_qr, qr_code
from communitydesk.reports.flowables.signatures import Signatory, SignatureBlocks
from communitydesk.reports.flowables.tables import wrap_text
from communitydesk.reports.flowables.title import AccentRule, section_heading
from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.kit_pages import KitTemplate
from communitydesk.reports.markup import plain, printed
from communitydesk.reports.styles import INK, MUTED, RULE, Styles
from communitydesk.rules.charter_text import CharterSection, fill_organisation
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.personal_data_notice import charter_clause, made_in_duplicate

CARDS_PER_SHEET = 10
STICKER_SIZE = (62 * mm, 35 * mm)
STICKER_GUTTER = 4 * mm
STICKERS_PER_SHEET = 21  # 3 × 7
MAX_LINES = 12  # a name this long is already absurd: wrap, never cut


def _code_line(code: str) -> str:
    """« Code parrain : AB3DEF », the label being the contact field's own word."""
    return _("{label} : {code}", label=contact_field_label("referral_code"), code=code)


class AmbassadorKitRenderer(DocumentRenderer):
    kind = "ambassador-kit"
    document_template = KitTemplate

    def __init__(self, data: AmbassadorKitData, **kwargs: Any) -> None:
        super().__init__(data.identity, **kwargs)
        self.data = data

    def title(self) -> str:
        ambassadors = self.data.ambassadors
        if len(ambassadors) == 1:
            return _("Kit ambassadeur de {name}", name=ambassadors[0].name)
        return _("Kits ambassadeurs")

    def subject(self) -> str:
        return _("Kit ambassadeur")

    def progress_steps(self) -> int:
        return 40 * len(self.data.ambassadors)

    def _organisation(self, text: str) -> str:
        """``text`` with ``{organisation}`` in correct French (« des Ateliers »), or a line to fill."""
        return fill_organisation(text, self.identity.name)

    # -- the pieces
    def story(self) -> Iterable[Flowable]:
        for index, ambassador in enumerate(self.data.ambassadors):
            if index:
                yield NextPageTemplate("page")
                yield PageBreak()
            yield from self._letter(ambassador)
            yield PageBreak()
            yield from self._guide(ambassador)
            if self.data.charter is not None:
                yield PageBreak()
                yield from self._charter(ambassador, self.data.charter)
            yield NextPageTemplate("poster_a4")
            yield PageBreak()
            yield from self._poster(ambassador, 1.0)
            yield NextPageTemplate("poster_a3")
            yield PageBreak()
            yield from self._poster(ambassador, 2**0.5)
            yield NextPageTemplate("sheet")
            yield PageBreak()
            yield self._cards(ambassador)
            yield PageBreak()
            yield self._stickers(ambassador)

    def _letter(self, ambassador: KitAmbassador) -> Iterable[Flowable]:
        styles = self.styles
        yield section_heading_title(styles, _("Bienvenue, {name} !", name=ambassador.name))
        yield Paragraph(plain(self._organisation(_("Programme ambassadeurs de {organisation}"))), styles.subtitle)
        yield AccentRule(self.palette)
        for paragraph in (
            self._organisation(
                _(
                    "Merci d’avoir accepté de porter la voix de {organisation}. Vous connaissez le projet, "
                    "vous y croyez, et vos proches vous font confiance : c’est cette confiance qui fait venir "
                    "de nouvelles personnes, bien mieux qu’une publicité."
                )
            ),
            _(
                "Ce kit rassemble tout ce qu’il faut pour commencer : un guide (quoi partager, les missions, "
                "les niveaux, ce qu’il faut faire et éviter), la charte que nous signons ensemble, deux affiches "
                "(A4 et A3), dix cartes de visite à découper et une planche d’autocollants."
            ),
            _(
                "Votre code et votre lien personnels permettent de savoir qui vient grâce à vous : une personne "
                "qui s’inscrit, adhère ou donne avec votre code vous est comptée. Le QR code des affiches, des "
                "cartes et des autocollants ouvre ce même lien."
            ),
        ):
            yield Paragraph(plain(paragraph), styles.body_justified)
        yield Spacer(1, 3 * mm)
        yield self._identity_card(ambassador)
        if ambassador.commercially_tied:
            # Personal, so in the letter; the guide says it to everyone in its do's.
            yield _notice(
                styles,
                _(
                    "Vous êtes {type} : chacune de vos publications sur l’association doit porter la mention "
                    "« collaboration commerciale ».",
                    type=ambassador.type_label,
                ),
                self.palette.secondary,
            )
        yield Spacer(1, 6 * mm)
        yield Paragraph(plain(_("À très bientôt,")), styles.body)
        yield Paragraph(plain(self._organisation(_("L’équipe de {organisation}"))), styles.body)

    def _identity_card(self, ambassador: KitAmbassador) -> Flowable:
        styles = self.styles
        label = styles.cell.clone("kit_label", textColor=MUTED)
        value = styles.body.clone("kit_value", spaceAfter=0)
        code = value.clone("kit_code", fontName=bold(SANS), fontSize=14, leading=17)
        rows = [
            (_("Type d’ambassadeur"), Paragraph(plain(ambassador.type_label), value)),
            (_("Rôles"), Paragraph(plain(", ".join(ambassador.roles) or "—"), value)),
            (_("Territoire"), Paragraph(plain(ambassador.territory or "—"), value)),
            (contact_field_label("referral_code"), Paragraph(plain(ambassador.referral_code), code)),
            (_("Lien personnel"), Paragraph(plain(ambassador.referral_url), value.clone("kit_url", fontSize=8.5))),
        ]
        details = Table(
            [[Paragraph(plain(name), label), cell] for name, cell in rows],
            colWidths=[32 * mm, None],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                ]
            ),
        )
        return Table(
            [[details, _qr(ambassador.referral_url, 34 * mm)]],
            colWidths=[None, 40 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("BOX", (0, 0), (-1, -1), 0.8, self.palette.primary),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ]
            ),
        )

    def _guide(self, ambassador: KitAmbassador) -> Iterable[Flowable]:
        styles = self.styles
        yield section_heading_title(styles, _("Guide de l’ambassadeur"))
        if self.identity.name:
            yield Paragraph(plain(self.identity.name), styles.subtitle)
        yield AccentRule(self.palette)

        yield section_heading(styles, _("Quoi partager"))
        for line in (
            _("Les publications de l’association : repartagez-les avec un mot à vous, c’est ce qui touche."),
            _("Ce que vous vivez : un atelier, une rencontre, une photo (avec l’accord des personnes)."),
            _("Votre lien ou votre code, quand quelqu’un veut s’inscrire, adhérer ou donner."),
            _("Les dates à venir : chaque quinzaine, vous recevez la liste des publications à relayer."),
        ):
            yield _bullet(styles, line)

        if self.data.roles:
            yield section_heading(styles, _("Les rôles"))
            for name, description in self.data.roles:
                text = f"{name} : {description}" if description else name
                yield _bullet(styles, text)

        if self.data.mission_kinds:
            yield section_heading(styles, _("Les missions"))
            yield Paragraph(
                plain(
                    _(
                        "L’équipe propose des missions ; chaque mission réalisée, puis validée par l’équipe, "
                        "rapporte des points. Les genres de missions : {kinds}.",
                        kinds=", ".join(self.data.mission_kinds),
                    )
                ),
                styles.body_justified,
            )

        if self.data.levels:
            yield self._section(_("Les niveaux"), self._levels_table())
            yield Paragraph(
                plain(
                    _(
                        "Les niveaux se calculent tout seuls : missions validées, part de missions validées parmi "
                        "celles réalisées, et ancienneté dans le programme."
                    )
                ),
                styles.small,
            )

        yield section_heading(styles, _("À faire, à éviter"))
        yield self._dos_and_donts()

    def _levels_table(self) -> Flowable:
        styles = self.styles
        header = [
            Paragraph(plain(text), styles.cell_header)
            for text in (_("Niveau"), _("Missions validées"), _("Missions positives"), _("Ancienneté"))
        ]
        rows: list[list[Any]] = [header]
        for level in self.data.levels:
            rows.append(
                [
                    Paragraph(plain(level.name), styles.cell),
                    Paragraph(plain(_("{n} au moins", n=level.min_validated_missions)), styles.cell),
                    Paragraph(plain(_("{n} % au moins", n=level.min_positive_percent)), styles.cell),
                    Paragraph(plain(_("{n} mois au moins", n=level.min_months)), styles.cell),
                ]
            )
        return Table(
            rows,
            colWidths=[None, 38 * mm, 38 * mm, 38 * mm],
            repeatRows=1,
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), self.palette.primary),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            ),
        )

    def _dos_and_donts(self) -> Flowable:
        styles = self.styles
        dos = (
            _("Parlez de ce que vous connaissez, avec vos mots."),
            _("Donnez votre code ou votre lien quand on vous demande comment participer."),
            _("Demandez l’accord des personnes avant de publier leur photo."),
            _(
                "Écrivez « collaboration commerciale » (ou #partenariat) sur une publication pour laquelle "
                "vous êtes payé, salarié ou avez reçu un cadeau."
            ),
        )
        donts = (
            _("Promettre ce que l’association ne fait pas."),
            _("Envoyer votre lien en masse à des inconnus (spam)."),
            _("Publier des données personnelles ou des échanges privés."),
            _("Parler au nom de l’association dans un conflit : passez le relais à l’équipe."),
        )
        column = (self.content_width - 6 * mm) / 2
        heading = styles.subheading

        def block(title: str, lines: tuple[str, ...], mark: str) -> list[Flowable]:
            return [Paragraph(plain(title), heading), *(_bullet(styles, line, mark) for line in lines)]

        return facing_columns(block(_("À faire"), dos, "✓"), block(_("À éviter"), donts, "✗"), column, 3 * mm, RULE)

    def _charter(self, ambassador: KitAmbassador, charter: KitCharter) -> Iterable[Flowable]:
        styles = self.styles  # one family for the whole kit: two faces to load and embed, not five
        details = [_("Version {version}", version=charter.version)]
        if charter.published_on is not None:
            details.append(_("publiée le {date}", date=day(charter.published_on, "long")))
        yield section_heading_title(styles, self._organisation(charter.title))
        yield Paragraph(plain(" · ".join(details)), styles.subtitle)
        yield AccentRule(self.palette)
        sections = [
            CharterSection(_("L’ambassadeur ou l’ambassadrice s’engage à"), list(charter.ambassador_commitments)),
            CharterSection(
                self._organisation(_("En retour, {organisation} s’engage à")), list(charter.organisation_commitments)
            ),
        ]
        yield from commitment_columns(
            styles, self.palette, [s for s in sections if s.items], self.content_width, self.content_height
        )
        organisation = (
            _("Pour {organisation}", organisation=self.identity.name)
            if self.identity.name
            else _("Pour l'organisation")
        )
        yield KeepTogether(
            [
                Paragraph(plain(charter_clause(self.identity.name)), styles.small),
                Paragraph(plain(made_in_duplicate()), styles.body.clone("made_in_duplicate", spaceBefore=3)),
                SignatureBlocks(
                    [
                        Signatory(printed(_("L'ambassadeur ou l'ambassadrice")), printed(ambassador.name)),
                        Signatory(printed(organisation)),
                    ],
                    self.palette,
                ),
            ]
        )

    def _poster(self, ambassador: KitAmbassador, scale: float) -> Iterable[Flowable]:
        """One poster; ``scale`` 1 for A4, √2 for A3 (same layout, everything larger)."""
        family = ensure_family(SANS)
        centred = self.styles.body.clone(
            f"poster_{scale}", fontName=family, alignment=TA_CENTER, textColor=INK, spaceAfter=0
        )

        def style(size: float, bold_font: bool = False, colour: Any = INK, after: float = 0) -> Any:
            return centred.clone(
                f"poster_{scale}_{size}",
                fontName=bold(SANS) if bold_font else family,
                fontSize=size * scale,
                leading=size * scale * 1.2,
                textColor=colour,
                spaceAfter=after * scale,
            )

        name = self.identity.name
        yield Paragraph(plain(name), style(26, True, self.palette.primary, 4 * mm)) if name else Spacer(1, 1)
        yield Paragraph(plain(_("Envie de nous rejoindre ?")), style(30, True, INK, 3 * mm))
        yield Paragraph(plain(_("Scannez ce code avec votre téléphone")), style(15, False, MUTED, 6 * mm))
        yield _centred(_qr(ambassador.referral_url, 105 * mm * scale))
        yield Spacer(1, 5 * mm * scale)
        yield Paragraph(plain(ambassador.referral_url), style(13, False, INK, 3 * mm))
        yield Paragraph(
            plain(_code_line(ambassador.referral_code)),
            style(20, True, INK, 4 * mm),
        )
        yield Paragraph(plain(_("De la part de {name}", name=ambassador.name)), style(13, False, MUTED))

    def _cards(self, ambassador: KitAmbassador) -> Flowable:
        width, height = business_card_size()
        painter = CardPainter(self, ambassador)
        return CardSheet(CARDS_PER_SHEET, width, height, painter.business_card)

    def _stickers(self, ambassador: KitAmbassador) -> Flowable:
        painter = CardPainter(self, ambassador)
        return CardSheet(STICKERS_PER_SHEET, *STICKER_SIZE, painter.sticker, gutter=STICKER_GUTTER)


class CardPainter:
    """Draws one business card or one sticker of an ambassador straight on the canvas."""

    def __init__(self, renderer: AmbassadorKitRenderer, ambassador: KitAmbassador) -> None:
        self.identity = renderer.identity
        self.palette = renderer.palette
        self.ambassador = ambassador
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)

    def qr(self, canvas: Canvas, x: float, y: float, size: float) -> None:
        draw_qr(canvas, self.ambassador.referral_url, x, y, size)

    def _lines(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> float:
        """Draws ``text`` wrapped to ``width`` from baseline ``y`` down; returns the next baseline."""
        canvas.setFont(font, size)
        for line in wrap_text(printed(text), width, font, size, max_lines=MAX_LINES).split("\n"):
            canvas.drawString(x, y, line)
            y -= size * 1.2
        return y

    def business_card(self, canvas: Canvas, index: int, width: float, height: float) -> None:
        pad = 4 * mm
        qr_size = 24 * mm
        text_width = width - 2 * pad - qr_size - 3 * mm
        self.qr(canvas, width - pad - qr_size, height - pad - qr_size, qr_size)
        # Link (wrapped, from the bottom up) and code along the bottom, under the QR code.
        canvas.setFillColor(INK)
        canvas.setFont(self.font, 6.5)
        url = wrap_text(self.ambassador.referral_url, width - 2 * pad, self.font, 6.5, max_lines=MAX_LINES)
        y = pad + 1
        for line in reversed(url.split("\n")):
            canvas.drawString(pad, y, line)
            y += 7.5
        canvas.setFont(self.bold, 9)
        canvas.drawString(
            pad,
            y + 1.5,
            printed(_code_line(self.ambassador.referral_code)),
        )
        bottom = y + 13
        role = self.ambassador.type_label
        if self.ambassador.roles:
            role = f"{role} · {', '.join(self.ambassador.roles)}"
        # A card cannot grow: a long name takes a smaller size (down to 6 pt), never « … ».
        top = height - pad - 7
        organisation = _line_count(self.identity.name, self.bold, 7.5, text_width) * 9
        for size in (10, 9, 8, 7, 6):
            name = _line_count(self.ambassador.name, self.bold, size, text_width) * size * 1.2
            if top - organisation - 5 - name - 1 - _line_count(role, self.font, 7, text_width) * 8.4 >= bottom:
                break
        canvas.setFillColor(self.palette.primary)
        y = self._lines(canvas, pad, top, self.identity.name, self.bold, 7.5, text_width)
        canvas.setFillColor(INK)
        y = self._lines(canvas, pad, y - 5, self.ambassador.name, self.bold, size, text_width)
        canvas.setFillColor(MUTED)
        self._lines(canvas, pad, y - 1, role, self.font, 7, text_width)

    def sticker(self, canvas: Canvas, index: int, width: float, height: float) -> None:
        pad = 3 * mm
        qr_size = height - 2 * pad
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.roundRect(0, 0, width, height, 3 * mm, stroke=1, fill=0)
        self.qr(canvas, pad, pad, qr_size)
        x = 2 * pad + qr_size
        text_width = width - x - pad
        canvas.setFillColor(self.palette.primary)
        y = self._lines(canvas, x, height - pad - 7, self.identity.name, self.bold, 7, text_width)
        canvas.setFillColor(MUTED)
        self._lines(canvas, x, y - 2, _("Scannez pour nous rejoindre"), self.font, 6.5, text_width)
        canvas.setFillColor(INK)
        canvas.setFont(self.font, 6)
        canvas.drawString(x, pad + 13, printed(contact_field_label("referral_code")))
        canvas.setFont(self.bold, 11)
        canvas.drawString(x, pad + 2, self.ambassador.referral_code)


def section_heading_title(styles: Styles, text: str) -> Flowable:
    """A piece's title, which is also a bookmark of the PDF (one per piece and ambassador)."""
    return HeadingParagraph(plain(text), styles.title.clone("kit_title", fontSize=19, leading=23), bookmark=text)


def _line_count(text: str, font: str, size: float, width: float) -> int:
    return len(wrap_text(printed(text), width, font, size, max_lines=MAX_LINES).split("\n")) if text else 0


def _bullet(styles: Styles, text: str, mark: str = "•") -> Flowable:
    # The bullet's font too: ReportLab's default would be Helvetica, not embedded.
    style = styles.body.clone(
        "kit_bullet", leftIndent=5 * mm, bulletIndent=0, spaceAfter=3, bulletFontName=styles.family
    )
    return Paragraph(plain(text), style, bulletText=mark)


def _notice(styles: Styles, text: str, colour: Any) -> Flowable:
    """A sentence in a frame: what the reader must not miss (readable in black and white too)."""
    return Table(
        [[Paragraph(plain(text), styles.body.clone("kit_notice", fontName=bold(SANS), spaceAfter=0))]],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        ),
        spaceBefore=4 * mm,
    )


def _qr(url: str, size: float) -> Flowable:
    return qr_code(url, size)


def _centred(flowable: Flowable) -> Flowable:
    flowable.hAlign = "CENTER"
    return flowable
