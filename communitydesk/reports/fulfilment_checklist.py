"""Fulfilment checklist of a campaign: who is owed which reward, with boxes to tick by hand.

Landscape, sorted by backer name, split across pages with the header repeated (the
listing tables of ``flowables.tables``). Steps already recorded in the app are printed
ticked, so the sheet starts from where the team stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.platypus import Flowable, LongTable, Paragraph

from communitydesk.formatting import money, number
from communitydesk.i18n import _
from communitydesk.records.campaign_documents import FulfilmentChecklistData
from communitydesk.records.campaigns import FulfilmentLine
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.tables import CHUNK_ROWS, chunked_tables, column_widths, listing_look
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules.campaigns import FulfilmentState
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.personal_data_notice import confidential_notice

FONT_SIZE = 8
BOX, TICKED = "☐", "☑"
STEPS = (FulfilmentState.PREPARE, FulfilmentState.ENVOYE, FulfilmentState.LIVRE)
WEIGHTS = (1.7, 2.2, 0.8, 1.1, 1.7, 0.8, 0.8, 0.6, 0.6, 0.6)
FIRST_BOX = len(WEIGHTS) - len(STEPS)


def checklist_row(line: FulfilmentLine) -> tuple[str, ...]:
    """Name, address as stored, tier, amount, state, then one box per step (ticked once reached)."""
    reached = list(FulfilmentState).index(FulfilmentState(line.state))
    boxes = tuple(TICKED if list(FulfilmentState).index(step) <= reached else BOX for step in STEPS)
    return (
        line.backer,
        line.address,
        line.postcode,
        line.city,
        line.reward,
        money(line.amount_cents),
        FulfilmentState(line.state).label(),
        *boxes,
    )


class FulfilmentChecklistRenderer(DocumentRenderer):
    kind = "fulfilment-checklist"
    is_landscape = True
    holds_personal_data = True

    def __init__(self, data: FulfilmentChecklistData, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data

    def title(self) -> str:
        return _("Suivi des contreparties")

    def subject(self) -> str:
        return f"{self.title()} — {self.data.campaign.name}"

    def progress_steps(self) -> int:
        return 1 + -(-len(self.data.lines) // CHUNK_ROWS)

    def header(self) -> list[str]:
        return [
            _("Contributeur"),
            *(contact_field_label(f) for f in ("address", "postcode", "city")),
            _("Contrepartie"),
            _("Montant"),
            _("État"),
            *(step.label().capitalize() for step in STEPS),
        ]

    def _tables(self) -> Iterator[LongTable]:
        widths = column_widths(WEIGHTS, self.content_width)
        look = listing_look(self.palette, FONT_SIZE, padding=3)
        amount = look.body.copy()
        amount.alignment = "RIGHT"
        box = look.body.copy()
        box.alignment = "CENTER"
        box.fontsize, box.leading = FONT_SIZE + 4, FONT_SIZE + 4
        styles = [*[look.body] * (FIRST_BOX - 2), amount, look.body, *[box] * len(STEPS)]
        rows = [checklist_row(line) for line in self.data.lines]
        yield from chunked_tables(self.header(), [rows], widths, look, cell_styles=styles)

    def story(self) -> Iterable[Flowable]:
        data = self.data
        owed = len(data.lines)
        count_text = _("{count} contreparties dues", count=number(owed)) if owed != 1 else _("1 contrepartie due")
        states = " · ".join(f"{state.label()} : {number(data.count(state))}" for state in FulfilmentState)
        details = [count_text, states, _("Cochez chaque étape au fil de la préparation et des envois.")]
        details.append(confidential_notice())
        yield title_block(self.styles, self.title(), data.campaign.name, details)
        if not owed:
            yield Paragraph(plain(_("Aucune contrepartie n'est due pour cette campagne.")), self.styles.empty_state)
            return
        yield from self._tables()
