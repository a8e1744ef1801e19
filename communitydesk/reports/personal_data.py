"""The right of access in French, to hand to the person: every value the JSON export holds.

A short header says what the document is (article 15 of the GDPR), for whom, from which
organisation (a line to fill in by hand when its identity is not set) and when; then one
section per part of the export, each value beside its label, in long-wrapping paragraphs
(a 200-character name wraps, it is never cut).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from communitydesk.formatting import day
from communitydesk.i18n import _
from communitydesk.records.personal_data import HeldSection, HeldValue, PersonalDataDocument
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.title import section_heading, title_block
from communitydesk.reports.markup import plain
from communitydesk.reports.styles import MUTED, RULE

LABEL_SHARE = 0.34
BLANK_LINE = "_" * 40
DASH = "—"
HEAD_ROWS = 3


class PersonalDataRenderer(DocumentRenderer):
    kind = "personal-data"

    def __init__(self, data: PersonalDataDocument, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data

    def title(self) -> str:
        return _("Vos données personnelles")

    def subject(self) -> str:
        return f"{self.title()} — {self.data.person}"

    def footer_note(self) -> str:
        return _("Droit d'accès (article 15 du RGPD)")

    def progress_steps(self) -> int:
        return 2 + len(self.data.sections)

    def _header(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        organisation = data.identity.name or BLANK_LINE
        details = [
            _("Organisation : {name}", name=organisation),
            _("Document établi le {date}", date=day(data.exported_at, "long")),
        ]
        intro = _(
            "Ce document répond à votre demande d'accès à vos données personnelles (article 15 du "
            "Règlement général sur la protection des données, RGPD). Il reprend tout ce que notre base "
            "de contacts contient sur vous, exactement comme l'export informatique (JSON) fait le même "
            "jour. Une valeur vide est marquée d'un tiret. Vous pouvez demander la rectification ou "
            "l'effacement de ces données à l'organisation ci-dessus."
        )
        return [
            title_block(styles, self.title(), data.person, details),
            Paragraph(plain(intro), styles.body_justified),
        ]

    def _value_table(self, values: Sequence[HeldValue]) -> Table:
        label_style = self.styles.small.clone("held_label", textColor=MUTED, spaceAfter=0)
        value_style = self.styles.body.clone("held_value", spaceAfter=0)
        rows = [
            [Paragraph(plain(v.label), label_style), Paragraph(plain(v.value or DASH), value_style)] for v in values
        ]
        width = self.content_width
        return Table(
            rows,
            colWidths=[width * LABEL_SHARE, width * (1 - LABEL_SHARE)],
            style=TableStyle(
                [
                    # A table sets its cells' font even around paragraphs: without this, Helvetica
                    # (not embedded) would be declared on every page.
                    ("FONT", (0, 0), (-1, -1), self.styles.family, value_style.fontSize),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ]
            ),
            hAlign="LEFT",
            splitByRow=1,
        )

    def _held_section(self, section: HeldSection) -> list[Flowable]:
        """The heading stays with the section's first block, and each item's heading with its values."""
        styles = self.styles
        heading = section_heading(styles, section.heading)
        if not section.values and not section.items:
            return [KeepTogether([heading, Paragraph(plain(section.empty_text or DASH), styles.body)])]
        blocks: list[list[Flowable]] = []
        rest: Sequence[HeldValue] = ()
        if section.values:
            # The heading keeps the first rows; the others fill the page and run onto the next.
            blocks.append([self._value_table(section.values[:HEAD_ROWS])])
            rest = section.values[HEAD_ROWS:]
        blocks += [
            [Paragraph(plain(item.heading), styles.subheading), self._value_table(item.values)]
            for item in section.items
        ]
        blocks[0].insert(0, heading)
        flowables: list[Flowable] = [KeepTogether(blocks[0])]
        if rest:
            flowables.append(self._value_table(rest))
        return flowables + [KeepTogether(block) for block in blocks[1:]]

    def story(self) -> Iterable[Flowable]:
        yield from self._header()
        for section in self.data.sections:
            yield from self._held_section(section)
        if self.data.export_format:
            yield self._note(_("Même contenu que l'export JSON (format {format}).", format=self.data.export_format))
