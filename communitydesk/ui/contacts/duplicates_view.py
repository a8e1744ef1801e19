"""Doublons: the likely duplicate pairs, a field-by-field choice, Fusionner, "Pas un doublon", undo.

The pairs come from ``services.duplicates.find_duplicates`` (same e-mail, same phone, close
name in the same town). For the pair chosen, both contacts are shown side by side; each
field that differs gets a choice (radio buttons); the kept contact receives everything
attached to the other (touch points, history, tags, consents, contributions) and every
e-mail and phone of both (as secondary, or in the notes when both secondaries are taken),
and the result says where they went. A merge can be undone ("Annuler la dernière fusion")
as long as the kept contact was not edited since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from communitydesk.i18n import _, ngettext
from communitydesk.records.changes import NOTHING, Changes
from communitydesk.rules.circles import circle_label
from communitydesk.rules.contact_fields import contact_field_label, contact_kind_label
from communitydesk.rules.yes_no import yes_no_label
from communitydesk.ui.contacts.background import guarded, run_for
from communitydesk.ui.contacts.row_menus import add_row_menu
from communitydesk.ui.tasks import Task, TaskContext, show_error
from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from communitydesk.services.contacts import ContactDetails
    from communitydesk.services.duplicates import DuplicatePair, MergeRecord
    from communitydesk.services.permissions import Actor

_CONTEXT = "DuplicatePairsModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Contact"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Doublon probable"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Pourquoi"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Score"),
)
# The fields compared side by side, in the order of the contact sheet, labelled by rules.contact_fields.
COMPARED_FIELDS = (
    "kind", "first_name", "last_name", "organisation", "role", "email", "email_secondary", "phone", "phone_secondary",
    "address", "postcode", "city", "country", "circle", "source", "notes", "is_ambassador", "is_critic",
)  # fmt: skip


@dataclass(frozen=True)
class PairsAndMerges:
    pairs: list[DuplicatePair]
    labels: dict[str, str]  # reason value → French label
    last_merge: MergeRecord | None  # the most recent merge that can still be undone
    more: bool = False  # more pairs than shown


@dataclass(frozen=True)
class PairDetails:
    first: ContactDetails
    second: ContactDetails


SHOWN_PAIRS = 500  # the most likely first; each merge or « ignorer » lets the next one in
MEASURED_ROWS = 50  # rows read to size the table's columns to their contents


def read_pairs(db: Any, actor: Actor, ctx: TaskContext, shown: int = SHOWN_PAIRS) -> PairsAndMerges:
    from communitydesk.services import duplicates

    # One more than shown: whether the list stops before the end is said.
    pairs = duplicates.find_duplicates(db, actor, limit=shown + 1, progress=ctx.progress)
    labels = {reason.value: duplicates.reason_label(reason) for reason in duplicates.DuplicateReason}
    merges = [m for m in duplicates.list_merges(db, actor, limit=20) if m.undone_at is None and m.can_undo]
    return PairsAndMerges(pairs[:shown], labels, merges[0] if merges else None, len(pairs) > shown)


class DuplicatePairsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pairs: list[DuplicatePair] = []
        self.labels: dict[str, str] = {}

    def set_pairs(self, pairs: list[DuplicatePair], labels: dict[str, str]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.labels = dict(labels)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return QCoreApplication.translate(_CONTEXT, _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.pairs):
            return None
        pair = self.pairs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column in (0, 1):
                side = pair.first if column == 0 else pair.second
                place = side.city or side.email or side.phone
                return f"{side.display_name} ({place})" if place else side.display_name
            if column == 2:
                return ", ".join(self.labels.get(r.value, r.value) for r in pair.reasons)
            if column == 3:
                return str(pair.score)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MergeChoice(QWidget):
    """Both contacts side by side; which one is kept, and for each differing field whose value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair: PairDetails | None = None
        self.keep_left = True
        self.groups: dict[str, QButtonGroup] = {}
        self.keep_buttons: QButtonGroup | None = None
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.note = QLabel()
        self.note.setObjectName("mergeNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        content = QWidget()
        content.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def labels(self) -> dict[str, str]:
        return {name: contact_field_label(name) for name in COMPARED_FIELDS}

    def show_pair(self, pair: PairDetails | None, keep_left: bool = True) -> None:
        self.pair = pair
        self.keep_left = keep_left
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for group in [*self.groups.values(), *([self.keep_buttons] if self.keep_buttons is not None else [])]:
            group.deleteLater()
        self.groups = {}
        self.keep_buttons = None
        if pair is None:
            self.note.setText(self.tr("Choisissez une paire dans la liste."))
            return
        left, right = pair.first, pair.second
        keep_buttons = self.keep_buttons = QButtonGroup(self)
        for column, (details, keep) in enumerate(((left, True), (right, False)), start=1):
            button = QRadioButton(self.tr("Garder la fiche de {name}").format(name=details.display_name))
            button.setObjectName("keepLeft" if keep else "keepRight")
            button.setStyleSheet("font-weight: 600;")
            button.setChecked(keep == keep_left)
            button.toggled.connect(lambda on, keep=keep: self._keep_toggled(on, keep))
            keep_buttons.addButton(button)
            self.grid.addWidget(button, 0, column)
        labels = self.labels()
        same = 0
        row = 1
        kept, other = (left, right) if keep_left else (right, left)
        for name in COMPARED_FIELDS:
            values = (self._value(left, name), self._value(right, name))
            if values[0] == values[1]:
                same += 1
                continue
            self.grid.addWidget(QLabel(labels[name]), row, 0)
            group = QButtonGroup(self)
            # By default the kept contact's value, unless it is empty and the other's is not.
            take_other = not self._value(kept, name) and bool(self._value(other, name))
            for column in (1, 2):
                button = QRadioButton(values[column - 1] or self.tr("(vide)"))
                button.setObjectName(f"choice_{name}_{'left' if column == 1 else 'right'}")
                is_kept_side = (column == 1) == keep_left
                button.setChecked(is_kept_side != take_other)
                group.addButton(button, column)
                self.grid.addWidget(button, row, column)
            self.groups[name] = group
            row += 1
        self.grid.setRowStretch(row, 1)
        self.note.setText(self.tr("{same} champs identiques ne sont pas montrés. Tout ce qui est rattaché à l'autre "
                                  "fiche (échanges, historique, tags, consentements, contributions) est gardé, "
                                  "ainsi que ses e-mails et téléphones : en secondaire, ou dans les notes.")
                          .format(same=same))  # fmt: skip

    def _keep_toggled(self, on: bool, keep_left: bool) -> None:
        if on:
            self.show_pair(self.pair, keep_left)

    def _value(self, details: ContactDetails, name: str) -> str:
        value = getattr(details.data, name)
        if name == "circle":
            return circle_label(value)
        if name == "kind":
            return contact_kind_label(value)
        if isinstance(value, bool):
            return yes_no_label(value)
        return str(value or "")

    def choose(self, name: str, side: str) -> None:
        """Pick the left or right value of a field (tests, keyboard-free use)."""
        self.groups[name].button(1 if side == "left" else 2).setChecked(True)

    def kept_and_absorbed(self) -> tuple[int, int]:
        assert self.pair is not None
        left, right = self.pair.first.id, self.pair.second.id
        return (left, right) if self.keep_left else (right, left)

    def fields_from_absorbed(self) -> list[str]:
        absorbed_column = 2 if self.keep_left else 1
        return [name for name, group in self.groups.items() if group.checkedId() == absorbed_column]


class DuplicatesDialog(QDialog):
    changed = Signal()  # a merge, an undo or an ignored pair: the list must be read again
    pairs_loaded = Signal()
    pair_shown = Signal()

    def __init__(self, parent: QWidget | None, database: Callable[[], Any], actor: Actor) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Doublons"))
        self.database = database
        self.actor = actor
        self.last_merge: MergeRecord | None = None
        self.busy = False
        self.task: Task | None = None
        self._own_changes = NOTHING
        self.model = DuplicatePairsModel(self)
        self.view = QTableView()
        self.view.setObjectName("duplicatePairs")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Sized on what is visible plus a sample: measuring all 500 pairs held the window after each reload.
        self.view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_row(current.row()))
        self.state = QLabel(self.tr("Recherche des doublons…"))
        self.state.setObjectName("duplicatesState")
        self.state.setWordWrap(True)
        self.choice = MergeChoice()
        self.merge_button = QPushButton(self.tr("Fusionner"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        self.ignore_button = QPushButton(self.tr("Pas un doublon"))
        self.ignore_button.setObjectName("notDuplicateButton")
        self.ignore_button.setToolTip(self.tr("Ces deux fiches sont deux personnes : ne plus les proposer"))
        self.ignore_button.clicked.connect(self.ignore)
        self.undo_button = QPushButton(self.tr("Annuler la dernière fusion"))
        self.undo_button.setObjectName("undoMergeButton")
        self.undo_button.clicked.connect(self.undo_last_merge)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        add_row_menu(self.view, [self.merge_button, self.ignore_button])
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.ignore_button)
        actions.addStretch(1)
        actions.addWidget(self.undo_button)
        actions.addWidget(close)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.choice, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(splitter, 1)
        self.resize(1080, 620)
        self._update_buttons()
        self.reload()

    def _update_buttons(self) -> None:
        has_pair = self.choice.pair is not None and not self.busy
        self.merge_button.setEnabled(has_pair)
        self.ignore_button.setEnabled(has_pair)
        self.undo_button.setEnabled(self.last_merge is not None and not self.busy)
        if self.last_merge is not None:
            self.undo_button.setToolTip(
                self.tr("Remettre « {name} » comme avant la fusion").format(name=self.last_merge.absorbed_name)
            )

    def _run(
        self, work: Callable[[TaskContext], Any], done: Callable[[Any], None], label: str = "", *, heavy: bool = False
    ) -> Task:
        self.busy = True
        self._update_buttons()

        def success(result: Any) -> None:
            self.busy = False
            if self.task is not None:
                self._own_changes |= self.task.changes  # the change signal will report them too
            done(result)
            self._update_buttons()

        def failure(message: str) -> None:
            self.busy = False
            self._update_buttons()
            show_error(self, message)

        self.task = run_for(
            self, work, on_success=success, on_failure=failure, label=label, pause_cycle_collection=heavy
        )
        return self.task

    def data_changed(self, changes: Changes) -> None:
        """Contacts written elsewhere (an import in the background…): the pairs again, once
        no action of this dialog runs; its own merges are already shown."""
        own, self._own_changes = self._own_changes, NOTHING
        if not self.busy and ((changes - own) & Changes.of("contacts", "duplicates")).any():
            self.reload()

    def reload(self) -> Task:
        actor = self.actor
        # The search allocates for every contact and makes no cycles: no collection walks it meanwhile.
        return self._run(lambda ctx: read_pairs(self.database(), actor, ctx), self._pairs_read, heavy=True)

    def _pairs_read(self, found: PairsAndMerges) -> None:
        self.model.set_pairs(found.pairs, found.labels)
        self.last_merge = found.last_merge
        if found.pairs:
            text = ngettext(
                "{count} paire de fiches semble décrire la même personne.",
                "{count} paires de fiches semblent décrire la même personne.",
                len(found.pairs),
                count=len(found.pairs),
            )
            if found.more:
                text = _(
                    "Les {count} paires les plus probables sont montrées ; les suivantes apparaissent à mesure "
                    "que vous fusionnez ou ignorez celles-ci.",
                    count=len(found.pairs),
                )
            self.state.setText(text + " " + _("Pour chacune, choisissez la fiche gardée et les valeurs à conserver."))
            self.view.selectRow(0)
            self.show_row(0)
        else:
            self.state.setText(self.tr("Aucun doublon probable : chaque fiche semble décrire une personne différente."))
            self.choice.show_pair(None)
        self._update_buttons()
        self.pairs_loaded.emit()

    def show_row(self, row: int) -> Task | None:
        if not 0 <= row < len(self.model.pairs):
            self.choice.show_pair(None)
            self._update_buttons()
            return None
        pair = self.model.pairs[row]
        actor = self.actor

        def work(_ctx: TaskContext) -> PairDetails:
            from communitydesk.services.contacts import contacts_by_ids

            first, second = contacts_by_ids(self.database(), actor, [pair.first.id, pair.second.id])
            return PairDetails(first, second)

        def done(details: PairDetails) -> None:
            self.choice.show_pair(details)
            self.pair_shown.emit()

        return self._run(work, done)

    def merge(self) -> Task | None:
        if self.choice.pair is None or self.busy:
            return None
        keep_id, absorb_id = self.choice.kept_and_absorbed()
        fields = self.choice.fields_from_absorbed()
        actor = self.actor

        def work(_ctx: TaskContext) -> MergeRecord:
            from communitydesk.services.duplicates import merge_contacts

            return merge_contacts(self.database(), actor, keep_id, absorb_id, fields)

        def done(record: MergeRecord) -> None:
            self.last_merge = record
            parts = [self.tr("Fiches fusionnées.")]
            if record.as_secondary:
                parts.append(self.tr("Gardés en secondaire : {values}.").format(values=", ".join(record.as_secondary)))
            if record.in_notes:
                parts.append(self.tr("Ajoutés aux notes : {values}.").format(values=", ".join(record.in_notes)))
            parts.append(self.tr("« Annuler la dernière fusion » les sépare à nouveau."))
            self._changed(" ".join(parts))

        return self._run(work, done)

    def ignore(self) -> Task | None:
        if self.choice.pair is None or self.busy:
            return None
        first, second = self.choice.pair.first.id, self.choice.pair.second.id
        actor = self.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services.duplicates import ignore_pair

            ignore_pair(self.database(), actor, first, second)

        return self._run(work, lambda _result: self._changed(self.tr("Paire écartée : elle ne sera plus proposée.")))

    def undo_last_merge(self) -> Task | None:
        if self.last_merge is None or self.busy:
            return None
        merge_id, actor = self.last_merge.id, self.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services.duplicates import undo_merge

            undo_merge(self.database(), actor, merge_id)

        return self._run(
            work, lambda _result: self._changed(self.tr("Fusion annulée : les deux fiches sont revenues."))
        )

    def _changed(self, message: str) -> None:
        self.changed.emit()
        task = self.reload()
        task.succeeded.connect(guarded(self, lambda _result: self.state.setText(f"{message} {self.state.text()}")))
