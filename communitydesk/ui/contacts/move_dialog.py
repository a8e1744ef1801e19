"""Asking why contacts change circle: every move is kept in their history with its reason.

The dialog says where each contact goes (« de Communauté vers Grand public ») and offers the
reasons of that direction (``rules.circles.move_reasons``); any other text is accepted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from communitydesk.i18n import _, ngettext
from communitydesk.rules.circles import CIRCLE_ORDER, Circle, circle_label, move_reasons


def route_of(circle: str, *, target: str | None = None, inward: bool | None = None) -> str | None:
    """Where a contact now in ``circle`` goes: ``target``, or one circle in/out; None if nowhere."""
    if target is not None:
        return target if target != circle else None
    rank = Circle(circle).rank + (-1 if inward else 1)
    return CIRCLE_ORDER[rank].value if 0 <= rank < len(CIRCLE_ORDER) else None


class MoveReasonDialog(QDialog):
    """ "Pourquoi ?" before a move; OK stays disabled until a reason is given.

    ``circles`` are the current circles of the contacts to move (one per contact), so that
    the dialog can say where each goes; without them it only names the direction.
    """

    def __init__(
        self,
        parent: QWidget | None,
        who: str,
        target: str | None,
        *,
        inward: bool | None = None,
        circles: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveReasonDialog")
        routes = Counter((c, route_of(c, target=target, inward=inward)) for c in circles)
        if target is not None:
            self.setWindowTitle(self.tr("Changer de cercle"))
            question = self.tr("{who} → {circle}. Pourquoi ce changement de cercle ?").format(
                who=who, circle=circle_label(target)
            )
        elif inward:
            self.setWindowTitle(self.tr("Rapprocher"))
            question = self.tr("Rapprocher {who} d'un cercle. Pourquoi ?").format(who=who)
        else:
            self.setWindowTitle(self.tr("Éloigner"))
            question = self.tr("Éloigner {who} d'un cercle. Pourquoi ?").format(who=who)
        label = QLabel(question)
        label.setWordWrap(True)
        self.routes = QLabel(self.routes_text(routes, single=sum(routes.values()) == 1))
        self.routes.setObjectName("moveRoutes")
        self.routes.setWordWrap(True)
        self.routes.setStyleSheet("font-weight: 600;")
        self.routes.setVisible(bool(routes))
        hint = QLabel(self.tr("La raison est gardée dans l'historique de chaque contact déplacé."))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("moveReason")
        self.reason.setEditable(True)
        self.reason.addItems(["", *self.offered_reasons(routes, target, inward)])
        self.reason.setCurrentIndex(0)
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Raison du changement…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Déplacer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.editTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.routes)
        layout.addWidget(self.reason)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(440, self.sizeHint().height())

    @staticmethod
    def routes_text(routes: Counter[tuple[str, str | None]], *, single: bool) -> str:
        """« de Communauté vers Grand public », one line per route, and who stays where they are."""
        lines = []
        for (start, end), count in sorted(routes.items(), key=lambda item: Circle(item[0][0]).rank):
            before = circle_label(start)
            if end is None:
                lines.append(
                    ngettext(
                        "{count} contact reste en « {circle} » (déjà au bout des cercles)",
                        "{count} contacts restent en « {circle} » (déjà au bout des cercles)",
                        count,
                        count=count,
                        circle=before,
                    )
                )
            elif single:
                lines.append(_("de {start} vers {end}", start=before, end=circle_label(end)))
            else:
                lines.append(
                    ngettext(
                        "{count} contact de {start} vers {end}",
                        "{count} contacts de {start} vers {end}",
                        count,
                        count=count,
                        start=before,
                        end=circle_label(end),
                    )
                )
        return "\n".join(lines)

    @staticmethod
    def offered_reasons(routes: Counter[tuple[str, str | None]], target: str | None, inward: bool | None) -> list[str]:
        """The reasons of the move's direction; both lists when a drop moves some in, some out."""
        if target is None:
            return list(move_reasons(inward=bool(inward)))
        directions = {Circle(end).rank < Circle(start).rank for start, end in routes if end is not None}
        if not directions:
            directions = {True, False}
        return [reason for way in sorted(directions, reverse=True) for reason in move_reasons(inward=way)]

    def text(self) -> str:
        return self.reason.currentText().strip()

    def set_text(self, text: str) -> None:
        self.reason.setEditText(text)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))
