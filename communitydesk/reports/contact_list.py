"""Contact list of a filter or segment: landscape, chosen columns, hundreds of pages if need be."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import number
from communitydesk.i18n import _
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.tables import (
    CHUNK_ROWS,
    chunked_tables,
    column_widths,
    listing_look,
)
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.services.documents import CONTACT_COLUMNS, ContactListing

FONT_SIZE = 7.5


class ContactListRenderer(DocumentRenderer):
    kind = "contact-list"
    is_landscape = True

    def __init__(self, listing: ContactListing, **kwargs: object) -> None:
        super().__init__(listing.identity, **kwargs)  # type: ignore[arg-type]
        self.listing = listing

    def title(self) -> str:
        return _("Liste de contacts")

    def subject(self) -> str:
        return self.listing.description

    def progress_steps(self) -> int:
        return 1 + -(-self.listing.count // CHUNK_ROWS)

    def story(self) -> Iterable[Flowable]:
        listing = self.listing
        count_text = _("{count} contacts", count=number(listing.count)) if listing.count != 1 else _("1 contact")
        yield title_block(self.styles, self.title(), listing.description, [count_text])
        if listing.count == 0:
            yield Paragraph(plain(_("Aucun contact ne correspond à ce filtre.")), self.styles.empty_state)
            return
        widths = column_widths([CONTACT_COLUMNS[key].width for key in listing.columns], self.content_width)
        yield from chunked_tables(listing.labels, listing.batches(), widths, listing_look(self.palette, FONT_SIZE))
