"""Contact list of a filter or segment: landscape, chosen columns, hundreds of pages if need be."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import number
from communitydesk.i18n import _
from communitydesk.records.contact_listing import ContactListing
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.tables import (
    CHUNK_ROWS,
    chunked_tables,
    column_widths,
    listing_look,
)
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules.personal_data_notice import confidential_notice

FONT_SIZE = 7.5
# Relative width on the page of each column of rules.contact_list_columns.
WIDTHS: dict[str, float] = {
    "last_name": 1.2,
    "first_name": 1.0,
    "display_name": 1.6,
    "organisation": 1.5,
    "role": 1.3,
    "email": 2.0,
    "phone": 1.05,
    "address": 1.8,
    "postcode": 0.7,
    "city": 1.1,
    "country": 0.4,
    "circle": 0.85,
    "source": 1.0,
    "last_touch": 0.8,
    "created": 0.8,
}


class ContactListRenderer(DocumentRenderer):
    kind = "contact-list"
    is_landscape = True
    holds_personal_data = True

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
        yield title_block(self.styles, self.title(), listing.description, [count_text, confidential_notice()])
        if listing.count == 0:
            yield Paragraph(plain(self.listing.empty_text), self.styles.empty_state)
            return
        widths = column_widths([WIDTHS[key] for key in listing.columns], self.content_width)
        yield from chunked_tables(listing.labels, listing.batches, widths, listing_look(self.palette, FONT_SIZE))
