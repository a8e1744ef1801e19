"""Editorial report for a period: publications per network against the target, engagement
per network and month against the 4 % benchmark, follower growth, best posts, and the
weeks that fell short. An organisation without a plan yet gets a page saying how to start.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import day, number, percent
from communitydesk.i18n import _
from communitydesk.records.editorial_report import EditorialReportData
from communitydesk.reports.base import DocumentRenderer, period_text
from communitydesk.reports.flowables.charts import bar_chart
from communitydesk.reports.flowables.figures import KeyFigure, KeyFigureCards
from communitydesk.reports.flowables.tables import column_widths, summary_table
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain, printed
from communitydesk.rules.editorial import ENGAGEMENT_BENCHMARK
from communitydesk.rules.editorial_figures import gap_text, network_label, target_text

CHART_HEIGHT = 58 * mm
MAX_GAPS = 40  # past this, the list says how many more


def _rate(rate: float | None) -> str:
    return "—" if rate is None else percent(rate, 1)


def _figure(value: str, label: str, note: str) -> KeyFigure:
    # Key figures are drawn on the canvas, not as paragraphs: typeset them here.
    return KeyFigure(printed(value), printed(label), printed(note))


def _month(value: date) -> str:
    return day(value, "MMMM yyyy")


class EditorialReportRenderer(DocumentRenderer):
    kind = "editorial-report"

    def __init__(self, data: EditorialReportData, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data

    def title(self) -> str:
        return _("Rapport éditorial")

    def period_text(self) -> str:
        return period_text(self.data.period)

    def subject(self) -> str:
        return f"{self.title()} — {self.period_text()}"

    def progress_steps(self) -> int:
        return 12

    # -- sections
    def key_figures(self) -> Flowable:
        data = self.data
        windows = sum(p.windows for p in data.plans)
        met = sum(p.windows_met for p in data.plans)
        views = sum(m.views for m in data.engagement)
        interactions = sum(m.interactions for m in data.engagement)
        return KeyFigureCards(
            [
                _figure(number(data.planned_total), _("publications prévues"), _("datées, hors abandonnées")),
                _figure(number(data.published_total), _("publiées"), _("sur la période")),
                _figure(
                    f"{number(met)}/{number(windows)}" if windows else "—",
                    _("objectifs atteints"),
                    _("par réseau et par semaine"),
                ),
                _figure(
                    _rate(interactions / views if views else None),
                    _("taux d'engagement"),
                    _("repère : {benchmark}", benchmark=percent(ENGAGEMENT_BENCHMARK)),
                ),
            ],
            self.palette,
        )

    def plans(self) -> Flowable:
        data, width = self.data, self.content_width
        rows = [
            [
                network_label(plan.network),
                target_text(plan.target.count, plan.target.weeks) if plan.target else "—",
                number(plan.planned),
                number(plan.published),
                number(plan.expected) if plan.target else "—",
                f"{number(plan.windows_met)}/{number(plan.windows)}" if plan.windows else "—",
            ]
            for plan in data.plans
        ]
        table = summary_table(
            [_("Réseau"), _("Objectif"), _("Prévues"), _("Publiées"), _("Attendues"), _("À l'objectif")],
            rows,
            column_widths([1.8, 1.9, 0.9, 0.9, 1, 1], width),
            self.palette,
            numeric_from=2,
        )
        chart = bar_chart(
            [network_label(plan.network) for plan in data.plans],
            [
                (_("Prévues"), [plan.planned for plan in data.plans]),
                (_("Attendues"), [plan.expected for plan in data.plans]),
            ],
            [self.palette.primary, self.palette.secondary],
            width,
            CHART_HEIGHT,
        )
        note = self._note(
            _(
                "Prévues : publications datées de la période, hors abandonnées. Attendues : l'objectif de chaque "
                "période (semaine, ou groupe de semaines pour un objectif espacé) additionné sur la période."
            )
        )
        return self._section(_("Publications par réseau"), table, chart, note)

    def engagement(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Engagement par réseau et par mois")
        if not data.engagement:
            return self._section(heading, self._note(_("Aucune publication publiée sur la période.")))
        rows = []
        for month in data.engagement:
            verdict = month.meets_benchmark
            rows.append(
                [
                    network_label(month.network),
                    _month(month.month),
                    number(month.published),
                    number(month.views),
                    number(month.interactions),
                    _rate(month.rate),
                    "—" if verdict is None else _("atteint") if verdict else _("en dessous"),
                ]
            )
        table = summary_table(
            [_("Réseau"), _("Mois"), _("Publiées"), _("Vues"), _("Interactions"), _("Taux"), _("Repère")],
            rows,
            column_widths([1.6, 1.5, 0.9, 0.9, 1.1, 0.8, 1], width),
            self.palette,
            numeric_from=2,
        )
        note = self._note(
            _(
                "Taux d'engagement : (réactions + commentaires + partages) / vues, sur les publications du mois "
                "dont les vues sont connues. Repère : {benchmark} par mois est un très bon taux.",
                benchmark=percent(ENGAGEMENT_BENCHMARK),
            )
        )
        return self._section(heading, table, note)

    def growth(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Abonnés")
        if not data.growth:
            return self._section(heading, self._note(_("Aucun nombre d'abonnés relevé sur la période.")))
        rows = [
            [
                network_label(g.network),
                _month(g.month),
                number(g.followers),
                "—" if g.previous is None else number(g.previous),
                "—" if g.rate is None else ("+" if g.rate > 0 else "") + percent(g.rate, 1),
            ]
            for g in data.growth
        ]
        table = summary_table(
            [_("Réseau"), _("Mois"), _("Abonnés"), _("Avant"), _("Croissance")],
            rows,
            column_widths([1.6, 1.6, 1, 1, 1], width),
            self.palette,
            numeric_from=2,
        )
        note = self._note(_("Dernier relevé du mois comparé au dernier relevé précédent."))
        return self._section(heading, table, note)

    def best_posts(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Meilleures publications")
        if not data.best_posts:
            return self._section(heading, self._note(_("Aucune publication dont les vues sont connues.")))
        rows = [
            [
                post.title or _("(sans titre)"),
                network_label(post.network),
                day(post.published_on, "short"),
                number(post.views or 0),
                number(post.interactions),
                _rate(post.rate),
            ]
            for post in data.best_posts
        ]
        table = summary_table(
            [_("Publication"), _("Réseau"), _("Date"), _("Vues"), _("Interactions"), _("Taux")],
            rows,
            column_widths([3, 1.3, 1, 0.9, 1, 0.8], width),
            self.palette,
            numeric_from=3,
        )
        return self._section(heading, table, self._note(_("Classées par taux d'engagement, puis par réactions.")))

    def gaps(self) -> Flowable:
        data = self.data
        heading = _("Écarts à l'objectif")
        gaps = data.gaps
        if not gaps:
            if any(plan.target for plan in data.plans):
                return self._section(heading, self._note(_("Chaque objectif a été atteint sur la période.")))
            return self._section(
                heading, self._note(_("Aucun objectif de régularité n'est fixé : indiquez-en un par réseau."))
            )
        lines: list[Flowable] = [Paragraph(plain("• " + gap_text(w)), self.styles.body) for w in gaps[:MAX_GAPS]]
        if len(gaps) > MAX_GAPS:
            lines.append(self._note(_("… et {count} autres.", count=number(len(gaps) - MAX_GAPS))))
        return self._section(heading, *lines)

    def empty_state(self) -> list[Flowable]:
        return self._empty_state(
            _("Aucune publication ni objectif sur cette période."),
            _(
                "Ce rapport se remplira dès que votre calendrier éditorial prendra forme : fixez un objectif "
                "de régularité par réseau, planifiez vos publications, puis notez leurs résultats (vues, "
                "réactions, commentaires, partages) et vos nombres d'abonnés."
            ),
        )

    def story(self) -> Iterable[Flowable]:
        yield title_block(self.styles, self.title(), self.period_text(), [self.identity.display_name])
        if self.data.is_empty:
            yield from self.empty_state()
            return
        yield self.key_figures()
        yield self.plans()
        yield self.gaps()
        yield self.engagement()
        yield self.growth()
        yield self.best_posts()
        yield Paragraph(plain(_("Dates en heure de Paris ; semaines du lundi au dimanche.")), self.styles.caption)
