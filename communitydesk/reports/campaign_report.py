"""Campaign report (docs/DOMAIN.md §4): pace, split per circle, tiers and fulfilment of one campaign.

The figures are the campaign dashboard's. A campaign without any contribution yet gets
its key figures, its tiers and a sentence, not empty charts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from communitydesk.formatting import day, money, number, percent, whole_money
from communitydesk.i18n import _
from communitydesk.records.campaign_documents import CampaignReportData
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.charts import line_chart, pie_chart
from communitydesk.reports.flowables.figures import KeyFigure, KeyFigureCards
from communitydesk.reports.flowables.tables import column_widths, summary_table
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.markup import plain
from communitydesk.rules import pacing
from communitydesk.rules.campaigns import CampaignStatus, CampaignType, FulfilmentState, Platform
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.pacing import DaySeries

CHART_HEIGHT = 62 * mm


def euros(series: DaySeries, days: list[date]) -> list[float | None]:
    """``series`` (cents per day) as euros on the shared ``days`` axis; None where it has no point."""
    by_day = dict(series)
    return [by_day[d] / 100 if d in by_day else None for d in days]


def campaign_words(value: str, words: type[CampaignType] | type[Platform] | type[CampaignStatus]) -> str:
    """The label of a stored value; an unknown value (a newer base) printed as stored."""
    try:
        return words(value).label()
    except ValueError:
        return value


class CampaignReportRenderer(DocumentRenderer):
    kind = "campaign-report"

    def __init__(self, data: CampaignReportData, **kwargs: object) -> None:
        super().__init__(data.identity, **kwargs)  # type: ignore[arg-type]
        self.data = data

    def title(self) -> str:
        return _("Rapport de campagne")

    def subject(self) -> str:
        return f"{self.title()} — {self.data.campaign.name}"

    def progress_steps(self) -> int:
        return 8

    def dates_text(self) -> str:
        campaign = self.data.campaign
        if campaign.starts_on and campaign.ends_on:
            return _("Du {start} au {end}", start=day(campaign.starts_on, "long"), end=day(campaign.ends_on, "long"))
        if campaign.starts_on:
            return _("Depuis le {start}", start=day(campaign.starts_on, "long"))
        return _("Dates non fixées")

    def details(self) -> list[str]:
        campaign = self.data.campaign
        kind = " · ".join(
            [
                campaign_words(campaign.platform, Platform),
                campaign_words(campaign.type, CampaignType),
                _("statut : {status}", status=campaign_words(campaign.status, CampaignStatus)),
            ]
        )
        return [kind, self.dates_text(), self.identity.display_name]

    # -- sections
    def time_figure(self) -> KeyFigure:
        """Days left while it runs; days to the launch before; the end date once over (never « 0 jours »)."""
        board = self.data.dashboard
        campaign = board.campaign
        when = pacing.stage(campaign.status, campaign.starts_on, campaign.ends_on, board.today)
        if when is pacing.Stage.BEFORE_LAUNCH:
            days = pacing.days_to_launch(campaign.starts_on, board.today)
            if days is None or campaign.starts_on is None:
                return KeyFigure("—", _("en préparation"), _("date de lancement non fixée"))
            return KeyFigure(
                number(days),
                _("jours avant le lancement"),
                _("lancement le {date}", date=day(campaign.starts_on, "short")),
            )
        if when is pacing.Stage.ENDED:
            ended = _("le {date}", date=day(campaign.ends_on, "short")) if campaign.ends_on else ""
            return KeyFigure(_("Terminée"), _("collecte close"), ended)
        if when is pacing.Stage.UNDATED or campaign.ends_on is None:
            return KeyFigure("—", _("jours restants"), _("date de fin non fixée"))
        days_left = board.days_left or 0
        if days_left == 0:
            return KeyFigure(
                _("Dernier jour"), _("de collecte"), _("fin le {date}", date=day(campaign.ends_on, "short"))
            )
        return KeyFigure(
            number(days_left), _("jours restants"), _("fin le {date}", date=day(campaign.ends_on, "short"))
        )

    def key_figures(self) -> Flowable:
        board = self.data.dashboard
        campaign = board.campaign
        goal = _("objectif : {goal}", goal=money(campaign.goal_cents)) if campaign.goal_cents else _("sans objectif")
        figures = [
            KeyFigure(money(board.total_cents), _("collectés"), goal),
            KeyFigure(
                percent(board.goal_ratio) if board.goal_ratio is not None else "—",
                _("de l'objectif"),
                _("au {date}", date=day(board.today, "short")),
            ),
            KeyFigure(
                number(board.backers),
                _("contributeurs"),
                _("{count} contributions", count=number(board.contributions)),
            ),
            self.time_figure(),
            KeyFigure(number(board.new_contacts), _("nouveaux contacts apportés"), _("arrivés par cette campagne")),
        ]
        if board.projection:
            figures.append(
                KeyFigure(
                    whole_money(board.projected_total_cents),
                    _("projection à la fin"),
                    _("au rythme actuel, arrondie"),
                )
            )
        return KeyFigureCards(figures, self.palette, per_row=3)

    def pace(self) -> Flowable:
        board = self.data.dashboard
        days = sorted({d for series in (board.cumulative, board.goal_line, board.projection) for d, _v in series})
        series = [(_("Collecté (€)"), euros(board.cumulative, days))]
        colours = [self.palette.primary]
        if board.goal_line:
            series.append((_("Ligne vers l'objectif"), euros(board.goal_line, days)))
            colours.append(self.palette.series(3)[2])
        if board.projection:
            series.append((_("Projection"), euros(board.projection, days)))
            colours.append(self.palette.secondary)
        chart = line_chart(
            [day(d, "d MMM") for d in days],
            series,
            colours,
            self.content_width,
            CHART_HEIGHT,
            label_every=max(1, -(-len(days) // 8)),
            dashed=range(1, len(series)),
        )
        notes = [_("Montant cumulé des contributions validées, jour par jour (en euros).")]
        if board.projection:
            notes.append(
                _(
                    "Au rythme actuel, la campagne atteindrait environ {amount} le {date}.",
                    amount=whole_money(board.projected_total_cents),
                    date=day(board.projection[-1][0], "long"),
                )
            )
        if board.refunded_cents or board.pending_cents:
            notes.append(
                _(
                    "Non comptés : {refunded} remboursés, {pending} en attente.",
                    refunded=money(board.refunded_cents),
                    pending=money(board.pending_cents),
                )
            )
        return self._section(_("Rythme de collecte"), chart, self._note(" ".join(notes)))

    def circles(self) -> Flowable:
        board, width = self.data.dashboard, self.content_width
        circles = [c.value for c in CIRCLE_ORDER]
        total = board.total_cents
        rows = [
            [
                circle_label(circle),
                money(board.by_circle[circle].amount_cents),
                percent(board.by_circle[circle].amount_cents / total) if total else "—",
                number(board.by_circle[circle].backers),
            ]
            for circle in circles
        ]
        table = summary_table(
            [contact_field_label("circle"), _("Montant"), _("Part"), _("Contributeurs")],
            rows,
            column_widths([2.2, 1.4, 0.8, 1.1], width),
            self.palette,
            total_row=[_("Total"), money(total), percent(1) if total else "—", number(board.backers)],
        )
        chart = pie_chart(
            [(circle_label(c), board.by_circle[c].amount_cents) for c in circles],
            self.palette.series(3),
            width,
            CHART_HEIGHT * 0.6,
            value_text=lambda cents: money(round(cents)),
        )
        close = board.close_circles
        note = _(
            "Proches et communauté : {close}, pour un repère d'environ {target} ({ratio} de l'objectif). "
            "Cercle actuel de chaque contributeur ; sans contact : grand public.",
            close=money(close.close_cents),
            target=money(close.target_cents),
            ratio=percent(close.target_ratio),
        )
        return self._section(_("Répartition par cercle"), table, chart, self._note(note))

    def tiers(self) -> Flowable:
        board, width = self.data.dashboard, self.content_width
        heading = _("Contreparties")
        if not board.top_tiers:
            return self._section(heading, self._note(_("Cette campagne n'a pas de contrepartie.")))
        rows = [
            [
                tier.title,
                money(tier.amount_cents),
                number(tier.contributions),
                _("illimité") if tier.stock_left is None else number(tier.stock_left),
                money(tier.total_cents),
            ]
            for tier in board.top_tiers
        ]
        table = summary_table(
            [_("Contrepartie"), _("Montant"), _("Choisie"), _("Stock restant"), _("Collecté")],
            rows,
            column_widths([3, 1.1, 0.9, 1.1, 1.2], width),
            self.palette,
            total_row=[
                _("Total"),
                "",
                number(sum(t.contributions for t in board.top_tiers)),
                "",
                money(sum(t.total_cents for t in board.top_tiers)),
            ],
        )
        return self._section(heading, table, self._note(self.rewards_gap()))

    def rewards_gap(self) -> str:
        """Why the tiers' total is not the amount collected: what came without a reward, what went back."""
        board = self.data.dashboard
        parts = [_("Les plus choisies d'abord ; contributions validées seulement.")]
        if board.total_cents:
            parts.append(
                _(
                    "Contreparties : {rewards} sur {total} collectés.",
                    rewards=money(board.rewards_cents),
                    total=money(board.total_cents),
                )
            )
        if board.without_reward_cents:
            parts.append(
                _(
                    "L'écart, {amount}, vient d'une contribution sans contrepartie.",
                    amount=money(board.without_reward_cents),
                )
                if board.without_reward_contributions == 1
                else _(
                    "L'écart, {amount}, vient de {count} contributions sans contrepartie.",
                    amount=money(board.without_reward_cents),
                    count=number(board.without_reward_contributions),
                )
            )
        if board.refunded_cents:
            parts.append(
                _("Remboursé : {amount}, exclu des deux totaux.", amount=money(board.refunded_cents))
                if board.refunded_contributions == 1
                else _(
                    "Remboursés : {amount} ({count} contributions), exclus des deux totaux.",
                    amount=money(board.refunded_cents),
                    count=number(board.refunded_contributions),
                )
            )
        return " ".join(parts)

    def fulfilment(self) -> Flowable:
        data, width = self.data, self.content_width
        heading = _("Envoi des contreparties")
        owed = data.rewards_owed
        if not owed:
            return self._section(heading, self._note(_("Aucune contrepartie n'est due pour l'instant.")))
        rows = [
            [
                state.label(),
                number(data.fulfilment.get(state.value, 0)),
                percent(data.fulfilment.get(state.value, 0) / owed),
            ]
            for state in FulfilmentState
        ]
        table = summary_table(
            [_("État"), _("Contreparties"), _("Part")],
            rows,
            column_widths([2.5, 1, 0.8], width * 0.7),
            self.palette,
            total_row=[_("Total"), number(owed), percent(1)],
        )
        return self._section(heading, table)

    def empty_state(self) -> list[Flowable]:
        return [
            Paragraph(plain(_("Aucune contribution n'est encore enregistrée.")), self.styles.empty_state),
            Paragraph(
                plain(
                    _(
                        "Le rythme de collecte et la répartition par cercle apparaîtront dès les premières "
                        "contributions : saisissez-les ou importez l'exportation de la plateforme."
                    )
                ),
                self.styles.centered,
            ),
        ]

    def story(self) -> Iterable[Flowable]:
        data = self.data
        yield title_block(self.styles, data.campaign.name, self.title(), self.details())
        yield self.key_figures()
        if data.is_empty:
            yield from self.empty_state()
            yield self.tiers()
            return
        yield self.pace()
        yield self.circles()
        yield self.tiers()
        yield self.fulfilment()
        yield self._note(
            _("Remboursements, annulations et paiements en attente exclus des totaux. Dates en heure de Paris.")
        )
