"""Fulfilment checklist of a campaign: who is owed which reward, with boxes to tick by hand.

Landscape, sorted by backer name, split across pages with the header repeated (the
listing tables of ``flowables.tables``). Steps already recorded in the app are printed
ticked, so the sheet starts from where the team stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.platypus import Flowable, LongTable, Paragraph

from communitydesk.formatting import number
from communitydesk.i18n import _
from communitydesk.records.campaign_documents import FulfilmentChecklistData
from communitydesk.records.campaign_figures import FulfilmentLine
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.tables import (
    CHUNK_ROWS,
    chunked_tables,
    column_widths,
    listing_look,
    summary_table,
)
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules.campaigns import FulfilmentState
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.personal_data_notice import confidential_notice

FONT_SIZE = 8
BOX, TICKED = "☐", "☑"
STEPS = (FulfilmentState.PREPARE, FulfilmentState.ENVOYE, FulfilmentState.LIVRE)
# The city column holds a 14-letter name (Castelsarrasin, Aubervilliers) uncut; names wrap at spaces.
WEIGHTS = (2.1, 1.9, 1.6, 0.55, 1.3, 0.8, 1.1, 0.7, 0.65, 0.65, 0.65)
FIRST_BOX = len(WEIGHTS) - len(STEPS)


def checklist_row(line: FulfilmentLine) -> tuple[str, ...]:
    """Backer (and the parcel's recipient), how to reach them, the platform's address with its
    country, the reward, its state, then one box per step (ticked once reached)."""
    reached = list(FulfilmentState).index(FulfilmentState(line.state))
    boxes = tuple(TICKED if list(FulfilmentState).index(step) <= reached else BOX for step in STEPS)
    who = line.backer_label
    if line.recipient:
        who = _("{backer}, pour {recipient}", backer=who, recipient=line.recipient)
    return (
        who,
        line.reach,
        line.address,
        line.postcode,
        line.city,
        line.country,
        line.reward,
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
            _("Joindre"),
            *(contact_field_label(f) for f in ("address", "postcode", "city", "country")),
            _("Contrepartie"),
            _("État"),
            *(step.label().capitalize() for step in STEPS),
        ]

    def _tables(self) -> Iterator[LongTable]:
        widths = column_widths(WEIGHTS, self.content_width)
        look = listing_look(self.palette, FONT_SIZE, padding=3)
        box = look.body.copy()
        box.alignment = "CENTER"
        box.fontsize, box.leading = FONT_SIZE + 4, FONT_SIZE + 4
        styles = [*[look.body] * FIRST_BOX, *[box] * len(STEPS)]
        rows = [checklist_row(line) for line in self.data.lines]
        # A name on a parcel is never cut: a few hundred rows can afford tall cells.
        yield from chunked_tables(self.header(), [rows], widths, look, cell_styles=styles, max_lines=20)

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
        yield self.to_prepare()
        yield from self._tables()

    def to_prepare(self) -> Flowable:
        """What to get ready first: the count per reward, before the list of parcels."""
        rewards = self.data.per_reward()
        table = summary_table(
            [_("Contrepartie"), _("À préparer"), _("Dues")],
            [[title, number(to_prepare), number(owed)] for title, to_prepare, owed in rewards],
            column_widths([3, 1, 1], self.content_width * 0.6),
            self.palette,
            total_row=[
                _("Total"),
                number(sum(to_prepare for _title, to_prepare, _owed in rewards)),
                number(sum(owed for _title, _to_prepare, owed in rewards)),
            ],
        )
        return self._section(_("À préparer par contrepartie"), table)
