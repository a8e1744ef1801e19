"""Community report for a period: circles and their evolution, moves, new contacts, touch
points, contacts to follow up, tags. One chart per section; a new organisation gets a
document that says there is nothing yet and how to start, not empty charts.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import day, number, percent
from communitydesk.i18n import _
from communitydesk.records.community_report import CommunityReportData
from communitydesk.reports.base import DocumentRenderer, period_text
from communitydesk.reports.flowables.charts import (
    bar_chart,
    horizontal_bar_chart,
    line_chart,
    pie_chart,
)
from communitydesk.reports.flowables.figures import KeyFigure, KeyFigureCards
from communitydesk.reports.flowables.tables import column_widths, summary_table
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.touch_kinds import touch_kind_label

CHART_HEIGHT = 58 * mm


def signed(value: int) -> str:
    return f"+{number(value)}" if value > 0 else number(value) if value < 0 else "0"


class CommunityReportRenderer(DocumentRenderer):
    kind = "community-report"

    def __init__(self, data: CommunityReportData, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data

    def title(self) -> str:
        return _("Rapport de communauté")

    def period_text(self) -> str:
        return period_text(self.data.period)

    def subject(self) -> str:
        return f"{self.title()} — {self.period_text()}"

    def progress_steps(self) -> int:
        return 20

    # -- sections
    def key_figures(self) -> Flowable:
        data = self.data
        start_total = sum(data.by_circle_at_start.values())
        return KeyFigureCards(
            [
                KeyFigure(
                    number(data.total),
                    _("contacts"),
                    _("{delta} sur la période", delta=signed(data.total - start_total)),
                ),
                KeyFigure(number(data.new_total), _("nouveaux contacts"), _("arrivés sur la période")),
                KeyFigure(number(data.touches_total), _("points de contact"), _("échanges sur la période")),
                KeyFigure(number(data.follow_up_total), _("à relancer"), _("au {date}", date=day(data.today, "short"))),
            ],
            self.palette,
        )

    def circles(self) -> Flowable:
        data, width = self.data, self.content_width
        circles = [c.value for c in CIRCLE_ORDER]
        rows = []
        for circle in circles:
            start, end = data.by_circle_at_start[circle], data.by_circle[circle]
            rows.append(
                [
                    circle_label(circle),
                    number(start),
                    number(end),
                    signed(end - start),
                    percent(end / data.total) if data.total else "—",
                ]
            )
        start_total = sum(data.by_circle_at_start.values())
        table = summary_table(
            [contact_field_label("circle"), _("Début de période"), _("Fin de période"), _("Évolution"), _("Part")],
            rows,
            column_widths([2.2, 1.2, 1.2, 1, 0.8], width),
            self.palette,
            total_row=[
                _("Total"),
                number(start_total),
                number(data.total),
                signed(data.total - start_total),
                percent(1) if data.total else "—",
            ],
        )
        points = data.series.points
        labels = [day(p, "MMM yy") for p in points]
        every = max(1, -(-len(labels) // 9))
        chart = line_chart(
            labels,
            [(circle_label(c), data.series.counts[c]) for c in circles],
            self.palette.series(3),
            width,
            CHART_HEIGHT,
            label_every=every,
        )
        return self._section(
            _("Contacts par cercle"),
            table,
            chart,
            self._note(
                _("Nombre de contacts de chaque cercle, reconstitué à partir de l'historique des déplacements.")
            ),
        )

    def moves(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Déplacements entre cercles")
        if not data.moves:
            return self._section(heading, self._note(_("Aucun déplacement entre cercles sur la période.")))
        pairs = [f"{circle_label(m.from_circle)} → {circle_label(m.to_circle)}" for m in data.moves]
        chart = horizontal_bar_chart(pairs, [m.count for m in data.moves], self.palette.primary, width)
        summary = _(
            "{inward} contacts rapprochés du projet, {outward} éloignés.",
            inward=number(data.moves_inward),
            outward=number(data.moves_total - data.moves_inward),
        )
        return self._section(heading, Paragraph(plain(summary), self.styles.body), chart)

    def new_contacts(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Nouveaux contacts par source")
        if not data.new_by_source:
            return self._section(heading, self._note(_("Aucun nouveau contact sur la période.")))
        items = [(source or _("Source non renseignée"), count) for source, count in data.new_by_source]
        if len(items) > 8:  # a pie of 20 slivers says nothing: the smallest ones are grouped
            rest = sum(count for _s, count in items[7:])
            items = [*items[:7], (_("Autres sources"), rest)]
        chart = pie_chart(items, self.palette.series(len(items)), width, CHART_HEIGHT)
        table = summary_table(
            [contact_field_label("source"), _("Contacts"), _("Part")],
            [[label, number(count), percent(count / data.new_total)] for label, count in items],
            column_widths([3, 1, 1], width * 0.7),
            self.palette,
            total_row=[_("Total"), number(data.new_total), percent(1)],
        )
        return self._section(heading, chart, table)

    def touch_points(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Points de contact par semaine")
        weeks = data.touches_by_week
        labels = [day(monday, "d MMM") for monday, _count in weeks]
        chart = bar_chart(
            labels,
            [(_("Points de contact"), [count for _monday, count in weeks])],
            [self.palette.primary],
            width,
            CHART_HEIGHT,
            label_every=max(1, -(-len(weeks) // 10)),
            legend=False,
        )
        parts: list[Flowable] = [chart, self._note(_("Semaines du lundi au dimanche ; la date est celle du lundi."))]
        if data.touches_by_kind:
            parts.append(
                summary_table(
                    [_("Type d'échange"), _("Nombre"), _("Part")],
                    [
                        [touch_kind_label(k), number(c), percent(c / data.touches_total)]
                        for k, c in data.touches_by_kind
                    ],
                    column_widths([3, 1, 1], width * 0.7),
                    self.palette,
                    total_row=[_("Total"), number(data.touches_total), percent(1)],
                )
            )
        else:
            parts.append(self._note(_("Aucun point de contact enregistré sur la période.")))
        return self._section(heading, *parts)

    def follow_up(self) -> Flowable:
        data, width = self.data, self.content_width
        rows = [
            [
                circle_label(f.circle),
                _("{days} jours", days=f.rhythm_days),
                number(f.due),
                number(f.total),
                percent(f.due / f.total) if f.total else "—",
            ]
            for f in data.follow_up
        ]
        table = summary_table(
            [contact_field_label("circle"), _("Rythme"), _("À relancer"), _("Contacts"), _("Part")],
            rows,
            column_widths([2.2, 1, 1, 1, 0.8], width),
            self.palette,
        )
        chart = bar_chart(
            [circle_label(f.circle) for f in data.follow_up],
            [
                (_("À relancer"), [f.due for f in data.follow_up]),
                (_("À jour"), [f.total - f.due for f in data.follow_up]),
            ],
            [self.palette.secondary, self.palette.primary],
            width,
            CHART_HEIGHT * 0.85,
        )
        note = self._note(
            _(
                "Contacts sans échange depuis plus longtemps que le rythme de leur cercle (Paramètres), au {date}.",
                date=day(data.today, "long"),
            )
        )
        return self._section(_("Contacts à relancer"), table, chart, note)

    def tags(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Tags les plus portés")
        if not data.top_tags:
            return self._section(heading, self._note(_("Aucun tag n'est encore utilisé.")))
        chart = horizontal_bar_chart(
            [name for name, _count in data.top_tags],
            [count for _name, count in data.top_tags],
            self.palette.secondary,
            width,
        )
        return self._section(heading, chart, self._note(_("Nombre de contacts actifs portant chaque tag.")))

    def empty_state(self) -> list[Flowable]:
        return self._empty_state(
            _("Aucun contact n'est encore enregistré."),
            _(
                "Ce rapport se remplira dès que votre communauté prendra forme : ajoutez vos premiers "
                "contacts, importez un fichier CSV ou une exportation de plateforme, puis notez vos "
                "échanges. Les cercles, les déplacements et les points de contact apparaîtront ici."
            ),
        )

    def story(self) -> Iterable[Flowable]:
        yield title_block(self.styles, self.title(), self.period_text(), [self.identity.display_name])
        if self.data.is_empty:
            yield from self.empty_state()
            return
        yield self.key_figures()
        yield self.circles()
        yield self.moves()
        yield self.new_contacts()
        yield self.touch_points()
        yield self.follow_up()
        yield self.tags()
        yield Paragraph(plain(_("Contacts archivés exclus. Dates en heure de Paris.")), self.styles.caption)
