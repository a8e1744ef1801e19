"""The event report: attendance, new contacts, consents collected, circle moves proposed.

Every figure is services.event_figures' (the Événements page shows the same); this module
only lays them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import number, percent
from communitydesk.i18n import _, ngettext
from communitydesk.records.event_kit import EventReportDocument
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.event_kit import when_text
from communitydesk.reports.flowables.figures import KeyFigure, KeyFigureCards
from communitydesk.reports.flowables.tables import column_widths, summary_table
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules.circles import circle_label
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.events import ConsentPurpose, event_kind_label


class EventReportRenderer(DocumentRenderer):
    kind = "event-report"
    holds_personal_data = True  # the proposed moves name people

    def __init__(self, data: EventReportDocument, **kwargs: Any) -> None:
        super().__init__(data.identity, **kwargs)
        self.data = data

    def title(self) -> str:
        return _("Bilan de l'événement")

    def subject(self) -> str:
        return f"{self.title()} — {self.data.report.name}"

    def progress_steps(self) -> int:
        return 6

    def story(self) -> Iterable[Flowable]:
        report = self.data.report
        details = [
            " · ".join(part for part in (event_kind_label(report.kind), report.place) if part),
            when_text(report.starts_on, self.data.starts_time, self.data.ends_time),
        ]
        yield title_block(self.styles, report.name, self.title(), details)
        rate = "—" if report.attendance_rate is None else percent(report.attendance_rate)
        registered = ngettext("personne inscrite", "personnes inscrites", report.registered)
        present = ngettext("personne présente", "personnes présentes", report.present)
        figures = [
            KeyFigure(number(report.registered), registered),
            KeyFigure(number(report.present), present),
            KeyFigure(rate, _("taux de présence"), _("présents / inscrits")),
            KeyFigure(
                number(report.new_contacts),
                ngettext("nouveau contact", "nouveaux contacts", report.new_contacts),
                _("créés depuis la feuille"),
            ),
            KeyFigure(
                number(report.consents_total),
                ngettext("consentement recueilli", "consentements recueillis", report.consents_total),
            ),
            KeyFigure(
                number(report.sheet_lines),
                ngettext("ligne de feuille saisie", "lignes de feuille saisies", report.sheet_lines),
            ),
        ]
        yield KeyFigureCards(figures, self.palette, per_row=3)
        yield from self._consents()
        yield from self._moves()

    def _consents(self) -> Iterable[Flowable]:
        rows = [(ConsentPurpose(purpose).label(), number(count)) for purpose, count in self.data.report.consents]
        table = summary_table(
            [_("Consentement"), _("Cochés sur la feuille")],
            rows,
            column_widths((2.2, 1), self.content_width * 0.7),
            self.palette,
            total_row=[_("Total"), number(self.data.report.consents_total)],
        )
        yield self._section(_("Consentements recueillis"), table)

    def _moves(self) -> Iterable[Flowable]:
        moves = self.data.report.proposed_moves
        heading = _("Changements de cercle proposés")
        if not moves:
            yield self._section(heading, self._note(_("Aucun changement de cercle proposé pour cet événement.")))
            return
        rows = [
            (move.name, circle_label(move.from_circle), circle_label(move.to_circle), move.reason) for move in moves
        ]
        table = summary_table(
            [contact_field_label("display_name"), _("Cercle actuel"), _("Proposé"), _("Pourquoi")],
            rows,
            column_widths((1.6, 1, 1, 3), self.content_width),
            self.palette,
            numeric_from=4,
        )
        yield self._section(heading, table)
        yield Paragraph(
            plain(_("Appliquez chaque changement depuis la page Événements : rien n'est déplacé sans vous.")),
            self.styles.caption,
        )
