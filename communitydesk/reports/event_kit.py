"""The event kit: what to print before an event, in one PDF (issue #18).

The sign-in sheet on landscape pages with the organisation's header (registered names first,
then empty numbered lines to a full page, a box a pen can tick for each consent, whose exact
wording and version are printed on every page); then bare pages: name badges (8 per A4, cut
marks), an A4 poster with the QR code of the event's page, contact cards (10 per A4, crop
marks); last, the organiser's list of registered people. Black and white: colour is only an
accent, every line survives a photocopy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, time
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepInFrame,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from communitydesk.formatting import clock, day, number
from communitydesk.i18n import _, ngettext
from communitydesk.records.event_kit import EventKitData, KitPerson
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.cropmarks import CardSheet, business_card_size
from communitydesk.reports.flowables.outline import add_bookmark
from communitydesk.reports.flowables.qr import draw_qr, qr_code
from communitydesk.reports.flowables.sign_in_sheet import SheetColumns, SheetPerson, SignInSheet
from communitydesk.reports.flowables.tables import CellFitter, column_widths, listing_look, wrap_text
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.kit_pages import POSTER_MARGIN, KitDecor, KitTemplate
from communitydesk.reports.markup import plain, printed
from communitydesk.reports.page import FOOTER_HEIGHT, HEADER_HEIGHT, SIDE_MARGIN, PageDecor, PageSetup
from communitydesk.reports.styles import INK, MUTED, RULE
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.personal_data_notice import confidential_notice, sign_in_sheet_notice

BADGE_SIZE = (90 * mm, 65 * mm)
BADGES_PER_SHEET = 8  # 2 × 4
CARDS_PER_SHEET = 10  # 2 × 5, the ambassador cards' grid
# Walk-ins: at least this many empty lines after the registered names, then to the end of the page.
MIN_EMPTY_LINES = 5
MAX_LINES = 12  # a name this long wraps, never cut
BOX = "☐"
LIST_WEIGHTS = (0.3, 0.35, 1.3, 1.1, 1.2, 2.55, 0.75)  # ☐, N°, Nom, Prénom, Téléphone, E-mail, Statut


class EventKitDecor(KitDecor):
    """The kit's decor, plus the header and footer of landscape pages (the sign-in sheet)."""

    def __init__(self, setup: PageSetup) -> None:
        super().__init__(setup)
        self.landscape = PageDecor(replace(setup, is_landscape=True))
        self.landscape_pages: set[int] = set()

    def draw_page_number(self, canvas: Canvas, page_number: int, page_count: int) -> None:
        if page_number in self.landscape_pages:
            self.landscape.draw_page_number(canvas, page_number, page_count)
        else:
            super().draw_page_number(canvas, page_number, page_count)


class EventKitTemplate(KitTemplate):
    """The ambassador kit's pages (A4 with header, bare posters and sheets) and landscape A4 with header, first."""

    def __init__(self, target: Any, setup: PageSetup, **kwargs: Any) -> None:
        super().__init__(target, setup, **kwargs)
        self.event_decor = EventKitDecor(setup)
        self.kit_decor = self.decor = self.event_decor
        decor = self.event_decor.landscape
        texts = decor.texts()
        width, height = decor.setup.pagesize
        header, footer = HEADER_HEIGHT + texts.header_extra, FOOTER_HEIGHT + texts.footer_extra
        frame = Frame(
            SIDE_MARGIN,
            footer,
            width - 2 * SIDE_MARGIN,
            height - header - footer,
            id="landscape",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        # First in the list: the document opens on the sign-in sheet.
        self.pageTemplates.insert(
            0, PageTemplate(id="landscape", frames=[frame], onPage=self._landscape, pagesize=(width, height))
        )

    def _landscape(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.event_decor.landscape_pages.add(doc.page)
        self.event_decor.landscape.draw(canvas, doc.page)


def hours_text(starts: time | None, ends: time | None) -> str:
    """« de 18 h 30 à 21 h », « à 18 h 30 », or "" when the time is not known."""
    if starts is not None and ends is not None:
        return _("de {start} à {end}", start=clock(starts), end=clock(ends))
    if starts is not None:
        return _("à {start}", start=clock(starts))
    return ""


def when_text(starts_on: date, starts: time | None = None, ends: time | None = None) -> str:
    """« samedi 12 juin 2027, de 18 h 30 à 21 h »: the day in full, then the hours when known."""
    hours = hours_text(starts, ends)
    when = day(starts_on, "full")
    return _("{day}, {hours}", day=when, hours=hours) if hours else when


def sheet_lines(registered: int, capacity: int | None) -> int:
    """How many numbered lines the sheet prints at least (the last page is then filled)."""
    return max(registered + MIN_EMPTY_LINES, capacity or 0)


class EventKitRenderer(DocumentRenderer):
    kind = "event-kit"
    document_template = EventKitTemplate
    holds_personal_data = True  # the sheet and the organiser's list (bare pages carry no footer)

    def __init__(self, data: EventKitData, **kwargs: Any) -> None:
        super().__init__(data.identity, **kwargs)
        self.data = data
        self._header_layout: dict[float, list[tuple[Paragraph, float, float]]] = {}

    def title(self) -> str:
        return _("Kit de l'événement « {name} »", name=self.data.event.name)

    def subject(self) -> str:
        return _("Kit d'événement")

    def progress_steps(self) -> int:
        return 8 + len(self.data.sheet) // 10 + len(self.data.registered) // 30

    # -- the pieces, in the order they are used
    def story(self) -> Iterable[Flowable]:
        yield self._sign_in_sheet()
        yield NextPageTemplate("sheet")
        yield PageBreak()
        yield self._badges()
        yield NextPageTemplate("poster_a4")
        yield PageBreak()
        yield self._poster()
        yield NextPageTemplate("sheet")
        yield PageBreak()
        yield self._cards()
        yield NextPageTemplate("page")
        yield PageBreak()
        yield from self._attendee_list()

    # -- the sign-in sheet
    def _sign_in_sheet(self) -> Flowable:
        columns = SheetColumns(
            number=_("N°"),
            last_name=contact_field_label("last_name"),
            first_name=contact_field_label("first_name"),
            email=contact_field_label("email"),
            phone=contact_field_label("phone"),
            consents=tuple(printed(wording.label) for wording in self.data.wordings),
            signature=_("Signature"),
        )
        people = [SheetPerson(printed(p.last_name), printed(p.first_name)) for p in self.data.sheet]
        return SignInSheet(
            self._sheet_header,
            columns,
            people,
            sheet_lines(len(people), self.data.event.capacity),
            self.palette,
            bookmark=_("Feuille d'émargement"),
        )

    def _sheet_header_parts(self) -> list[tuple[Paragraph, float]]:
        """(paragraph, space after) of the sheet's header, repeated on each of its pages."""
        event = self.data.event
        styles = self.styles
        title = styles.body.clone("sheet_title", fontName=bold(SANS), fontSize=13, leading=16, spaceAfter=0)
        small = styles.body.clone("sheet_small", fontSize=7.5, leading=9.3, spaceAfter=0)
        where = ", ".join(part for part in (event.place, " ".join(event.address.split())) if part)
        heading = _("Feuille d'émargement — {name}", name=event.name)
        details = " · ".join(
            part for part in (when_text(event.starts_on, event.starts_time, event.ends_time), where) if part
        )
        parts: list[tuple[Paragraph, float]] = [
            (Paragraph(plain(heading), title.clone("sheet_heading", textColor=self.palette.primary)), 1),
            (Paragraph(plain(details), styles.body.clone("sheet_details", spaceAfter=0)), 4),
        ]
        if self.data.wordings:
            parts.append(
                (Paragraph(plain(_("Cochez une case pour donner votre accord au texte correspondant :")), small), 1.5)
            )
        for wording in self.data.wordings:
            head = plain(_("{purpose} (Texte v{version}) :", purpose=wording.label, version=wording.version))
            parts.append((Paragraph(f"<b>{head}</b> {plain(wording.wording)}", small), 1.5))
        notice = small.clone("sheet_notice", textColor=MUTED, fontSize=7, leading=8.6)
        parts.append((Paragraph(plain(sign_in_sheet_notice(self.identity.name)), notice), 3 * mm))
        return parts

    def _sheet_header(self, canvas: Canvas | None, top: float, width: float, draw: bool) -> float:
        # Laid out once per width, then drawn on every page of the sheet (a long sheet has dozens).
        laid = self._header_layout.get(width)
        if laid is None:
            laid = [(part, part.wrap(width, 10_000)[1], after) for part, after in self._sheet_header_parts()]
            self._header_layout[width] = laid
        height = 0.0
        for paragraph, paragraph_height, after in laid:
            if draw and canvas is not None:
                paragraph.drawOn(canvas, 0, top - height - paragraph_height)
            height += paragraph_height + after
        return height

    # -- badges
    def _badges(self) -> Flowable:
        count = max(BADGES_PER_SHEET, -(-len(self.data.sheet) // BADGES_PER_SHEET) * BADGES_PER_SHEET)
        painter = BadgePainter(self)
        return _Marked(_("Badges"), CardSheet(count, *BADGE_SIZE, painter.badge))

    # -- the poster
    def _poster(self) -> Flowable:
        event = self.data.event
        family = ensure_family(SANS)
        centred = self.styles.body.clone("poster", fontName=family, alignment=TA_CENTER, textColor=INK, spaceAfter=0)

        def style(size: float, bold_font: bool = False, colour: Any = INK, after: float = 0) -> Any:
            return centred.clone(
                f"poster_{size}_{bold_font}",
                fontName=bold(SANS) if bold_font else family,
                fontSize=size,
                leading=size * 1.22,
                textColor=colour,
                spaceAfter=after,
            )

        parts: list[Flowable] = []
        if self.identity.name:
            parts.append(Paragraph(plain(self.identity.name), style(16, True, self.palette.primary, 6 * mm)))
        parts.append(Paragraph(plain(event.kind_label.upper()), style(13, False, MUTED, 3 * mm)))
        parts.append(Paragraph(plain(event.name), style(36, True, INK, 2 * mm)))
        # The accent bar, centred like everything on the poster.
        parts.append(
            HRFlowable(
                width=30 * mm,
                thickness=3,
                color=self.palette.secondary,
                hAlign="CENTER",
                spaceBefore=3 * mm,
                spaceAfter=7 * mm,
            )
        )
        parts.append(Paragraph(plain(day(event.starts_on, "full")), style(26, True, INK, 2 * mm)))
        hours = hours_text(event.starts_time, event.ends_time)
        if hours:
            parts.append(Paragraph(plain(hours), style(22, False, INK, 7 * mm)))
        if event.place:
            parts.append(Paragraph(plain(event.place), style(20, True, INK, 1.5 * mm)))
        if event.address:
            for line in event.address.splitlines():
                if line.strip():
                    parts.append(Paragraph(plain(line.strip()), style(14, False, INK, 0.5 * mm)))
        if event.description:
            parts.append(Spacer(1, 6 * mm))
            for paragraph in event.description.split("\n\n"):
                if paragraph.strip():
                    parts.append(Paragraph(plain(" ".join(paragraph.split())), style(13.5, False, INK, 2.5 * mm)))
        if self.data.qr_url:
            parts.append(Spacer(1, 7 * mm))
            code = qr_code(self.data.qr_url, 62 * mm)
            code.hAlign = "CENTER"
            parts.append(code)
            caption = _("Inscription et informations") if event.url else _("Pour en savoir plus")
            parts.append(Paragraph(plain(caption), style(12, True, INK, 1 * mm)))
            parts.append(Paragraph(plain(self.data.qr_url), style(10, False, MUTED)))
        width, height = A4[0] - 2 * POSTER_MARGIN, A4[1] - 2 * POSTER_MARGIN
        # A poster is one page: a very long description makes everything smaller, never a second page.
        return _Marked(_("Affiche"), KeepInFrame(width, height, parts, mode="shrink", hAlign="CENTER"))

    # -- contact cards
    def _cards(self) -> Flowable:
        width, height = business_card_size()
        return _Marked(_("Cartes de contact"), CardSheet(CARDS_PER_SHEET, width, height, ContactCardPainter(self).card))

    # -- the organiser's list
    def _attendee_list(self) -> Iterable[Flowable]:
        event = self.data.event
        registered = self.data.registered
        count = ngettext("{n} inscrit", "{n} inscrits", len(registered), n=number(len(registered)))
        present = sum(1 for person in registered if person.status == "present")
        if present:
            count += " · " + ngettext("{n} présent", "{n} présents", present, n=number(present))
        where = ", ".join(part for part in (event.place, " ".join(event.address.split())) if part)
        details = [
            when_text(event.starts_on, event.starts_time, event.ends_time),
            *([where] if where else []),
            count,
            confidential_notice(),
        ]
        title = _("Liste des inscrits")
        yield _Marked(title, title_block(self.styles, title, event.name, details))
        if not registered:
            yield Paragraph(plain(_("Personne n'est encore inscrit à cet événement.")), self.styles.empty_state)
            return
        widths = column_widths(LIST_WEIGHTS, self.content_width)
        size = 8.5
        look = listing_look(self.palette, size, padding=3.2)
        headings = [
            "",
            _("N°"),
            contact_field_label("last_name"),
            contact_field_label("first_name"),
            contact_field_label("phone"),
            contact_field_label("email"),
            _("Statut"),
        ]
        header = CellFitter(widths, look.header.fontname, size).row(headings)
        fit = CellFitter(widths, look.body.fontname, size, max_lines=MAX_LINES).row
        lines = {person.contact_id: index for index, person in enumerate(self.data.sheet, start=1)}
        rows: list[list[str]] = [header]
        for person in registered:
            line = lines.get(person.contact_id)
            last_name = person.last_name or (person.organisation if not person.first_name else "")
            rows.append(
                fit(
                    [
                        BOX,
                        str(line) if line else "—",
                        last_name,
                        person.first_name,
                        person.phone,
                        person.email,
                        person.status_label,
                    ]
                )
            )
        table: LongTable = look.table(rows, widths)
        yield table
        yield Paragraph(
            plain(
                _("N° : la ligne de la personne sur la feuille d'émargement. Cochez la case de chaque personne venue.")
            ),
            self.styles.caption,
        )


class _Marked(Flowable):
    """A flowable that opens a piece of the kit: a bookmark at its top, even on a bare page."""

    def __init__(self, bookmark: str, content: Flowable) -> None:
        super().__init__()
        self.bookmark = bookmark
        self.content = content

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.content.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.content.splitOn(self.canv, available_width, available_height)
        return [_Marked(self.bookmark, parts[0]), *parts[1:]] if parts else []

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.content.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.content.getSpaceAfter())

    def draw(self) -> None:
        add_bookmark(self.canv, self.bookmark, self.height)
        self.content.drawOn(self.canv, 0, 0)


def _badge_names(person: KitPerson) -> tuple[str, str, str]:
    """(large, second, third) lines of a badge: first name, last name, organisation."""
    if person.first_name:
        return person.first_name, person.last_name, person.organisation
    if person.last_name:
        return person.last_name, "", person.organisation
    return person.organisation, "", ""


class _Painter:
    def __init__(self, renderer: EventKitRenderer) -> None:
        self.identity = renderer.identity
        self.palette = renderer.palette
        self.data = renderer.data
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)

    def lines(self, text: str, font: str, size: float, width: float) -> list[str]:
        return wrap_text(printed(text), width, font, size, max_lines=MAX_LINES).split("\n") if text else []

    def draw_lines(
        self, canvas: Canvas, x: float, y: float, lines: Sequence[str], font: str, size: float, *, centred: bool = False
    ) -> float:
        """Draws ``lines`` from baseline ``y`` down; returns the next baseline."""
        canvas.setFont(font, size)
        for line in lines:
            if centred:
                canvas.drawCentredString(x, y, line)
            else:
                canvas.drawString(x, y, line)
            y -= size * 1.2
        return y


class BadgePainter(_Painter):
    """A badge: the organisation on top, the first name large, last name and organisation, the event below."""

    def badge(self, canvas: Canvas, index: int, width: float, height: float) -> None:
        pad = 5 * mm
        inner = width - 2 * pad
        # Top: the organisation, and a rule in its colour.
        canvas.setFillColor(self.palette.primary)
        y = self.draw_lines(
            canvas, pad, height - pad - 7, self.lines(self.identity.name, self.bold, 8, inner), self.bold, 8
        )
        canvas.setStrokeColor(self.palette.primary)
        canvas.setLineWidth(1.2)
        canvas.line(pad, y + 4, width - pad, y + 4)
        top = y - 2
        # Bottom: the event's name.
        event = self.lines(self.data.event.name, self.font, 7, inner)
        canvas.setFillColor(MUTED)
        self.draw_lines(canvas, width / 2, pad - 1 + (len(event) - 1) * 8.4, event, self.font, 7, centred=True)
        bottom = pad + len(event) * 8.4 + 2
        if index < len(self.data.sheet):
            self._names(canvas, self.data.sheet[index], width, top, bottom, inner)
        else:
            self._blank(canvas, width, top, bottom, pad)

    def _names(self, canvas: Canvas, person: KitPerson, width: float, top: float, bottom: float, inner: float) -> None:
        large, second, third = _badge_names(person)
        # A badge cannot grow: a long name steps down in size, never « … ».
        blocks: list[tuple[list[str], str, float, Any]] = []
        for size in (26, 23, 20, 17, 14, 12, 10, 8, 7, 6):
            blocks = [
                (self.lines(large, self.bold, size, inner), self.bold, size, INK),
                (self.lines(second, self.font, min(14, size), inner), self.font, min(14, size), INK),
                (self.lines(third, self.font, min(9, size), inner), self.font, min(9, size), MUTED),
            ]
            needed = sum(len(lines) * line_size * 1.2 for lines, _font, line_size, _colour in blocks)
            if needed <= top - bottom:
                break
        y = top - max(0.0, (top - bottom - needed) / 2)
        for lines, font, line_size, colour in blocks:
            canvas.setFillColor(colour)
            canvas.setFont(font, line_size)
            for line in lines:
                y -= line_size * 1.2
                canvas.drawCentredString(width / 2, y + line_size * 0.25, line)

    def _blank(self, canvas: Canvas, width: float, top: float, bottom: float, pad: float) -> None:
        """Lines to write a first name (large) and a last name on."""
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, 6.5)
        middle = (top + bottom) / 2
        for label, y in (
            (contact_field_label("first_name"), middle + 2 * mm),
            (contact_field_label("last_name"), bottom + 8 * mm),
        ):
            canvas.line(pad, y, width - pad, y)
            canvas.drawString(pad, y - 7, printed(label))


class ContactCardPainter(_Painter):
    """A card to hand out: the organisation, its address, site and e-mail, the site's QR code."""

    def card(self, canvas: Canvas, index: int, width: float, height: float) -> None:
        pad = 4 * mm
        website = self.identity.website
        qr_size = 22 * mm if website else 0
        text_width = width - 2 * pad - (qr_size + 3 * mm if qr_size else 0)
        if website:
            draw_qr(canvas, website, width - pad - qr_size, pad, qr_size)
        # Site and e-mail along the bottom, from the bottom up.
        canvas.setFillColor(INK)
        y = pad + 1
        for text in (self.identity.email, website):
            if text:
                lines = self.lines(text, self.font, 7.5, text_width)
                for line in reversed(lines):
                    canvas.setFont(self.font, 7.5)
                    canvas.drawString(pad, y, line)
                    y += 9
        bottom = y + 2
        top = height - pad - 9
        name = self.identity.name or _("Restons en contact")
        for size in (11, 10, 9, 8, 7, 6):
            name_lines = self.lines(name, self.bold, size, text_width)
            address = self.lines(" ".join(self.identity.address.split()), self.font, min(7, size), text_width)
            if top - len(name_lines) * size * 1.2 - len(address) * 8.4 >= bottom:
                break
        canvas.setFillColor(self.palette.primary)
        y = self.draw_lines(canvas, pad, top, name_lines, self.bold, size)
        canvas.setFillColor(MUTED)
        self.draw_lines(canvas, pad, y - 1, address, self.font, min(7, size))
