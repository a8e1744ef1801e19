"""« Saisir la feuille d'émargement »: the paper sheet typed back line by line, from the keyboard only.

The grid follows the numbered lines of the printed sheet: N°, Nom, Prénom, E-mail, Téléphone,
one box per consent, then « Contact », the match. Tab or Enter moves on, Space ticks a box.
Reaching « Contact » looks the line up (``sign_in_sheet.candidates``): the best candidate is
proposed, Alt+↓ opens the others and « Nouveau contact »; Enter there saves the line at once
(``sign_in_sheet.save_line``, one transaction) and goes to the next line while it saves. A line
is never held only by the screen once confirmed: a crash loses nothing, and reopening the
grid shows the saved lines and resumes after the last one.

The printed sheet's first lines carry the registered people's names (services.event_kit's
``sheet_people``, the kit's own order): the grid shows them pre-filled, so that for someone
who signed the volunteer only ticks the boxes and confirms. A pre-filled line left as it is
counts as not typed (an absent person's line); ↑ and ↓ move to the same cell of the line
above or below.

The dialog reads and writes through functions it is given (run off the UI thread), so that it
never meets a service or a session itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.events import MatchCandidate, SignInLineDraft, SignInLineRecord
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.ui.tasks import run_in_background
from communitydesk.ui.widgets.question import ask

#: What the match column may hold besides a contact's id.
NEW_CONTACT = "new"
SKIP_LINE = "skip"
FIRST_LINES = 20  # lines shown at first; more appear as the last ones are reached
MORE_LINES = 10
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SAVED_STYLE = "background: #DCEFE8; color: #1F3B34; border-radius: 4px;"
CHANGED_STYLE = "background: #FFF1CC; color: #6B4A00; border-radius: 4px;"
FAILED_STYLE = "background: #FBE4E2; color: #6B1510; border-radius: 4px;"
PRINTED_STYLE = "color: #5F5B52; font-style: italic;"

Load = Callable[[], list[SignInLineRecord]]
#: The sheet's pre-filled lines, in order: (the registered contact's id, the names as printed).
PrintedLine = tuple[int, SignInLineDraft]
LoadPrinted = Callable[[], Sequence[PrintedLine]]
FindCandidates = Callable[[SignInLineDraft], list[MatchCandidate]]
#: (line number, what was typed, contact id, NEW_CONTACT or SKIP_LINE) -> the saved line.
SaveLine = Callable[[int, SignInLineDraft, int | str], SignInLineRecord]


@dataclass(frozen=True)
class SheetCounts:
    """The running count shown above the grid."""

    lines: int
    created: int
    consents: int

    @classmethod
    def of(cls, records: Sequence[SignInLineRecord]) -> SheetCounts:
        kept = [r for r in records if r.outcome != "skipped"]
        return cls(
            lines=len(kept),
            created=sum(1 for r in kept if r.outcome == "created"),
            consents=sum(len(r.draft.consents) for r in kept),
        )


def candidate_text(candidate: MatchCandidate) -> str:
    return QCoreApplication.translate("SignInGrid", "{name} — {reason}").format(
        name=candidate.name, reason=candidate.reason_label
    )


class SheetLine:
    """One numbered line: its cells, what it was matched with, whether it is saved."""

    def __init__(self, line_no: int, purposes: Sequence[tuple[str, str]]) -> None:
        self.line_no = line_no
        self.number = QLabel(str(line_no))
        self.number.setObjectName(f"lineNumber{line_no}")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMinimumWidth(36)
        self.last_name = QLineEdit()
        self.first_name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.texts = (self.last_name, self.first_name, self.email, self.phone)
        for edit, key in zip(self.texts, ("lastName", "firstName", "email", "phone"), strict=True):
            edit.setObjectName(f"{key}{line_no}")
        self.consents: dict[str, QCheckBox] = {}
        for slug, label in purposes:
            box = QCheckBox()
            box.setObjectName(f"consent_{slug}{line_no}")
            box.setToolTip(label)
            box.setAccessibleName(label)
            self.consents[slug] = box
        self.match = QComboBox()
        self.match.setObjectName(f"match{line_no}")
        self.match.setMinimumWidth(260)
        self.match.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved: SignInLineRecord | None = None
        self.printed: PrintedLine | None = None  # the registered person printed on this line
        self.looked_up: SignInLineDraft | None = None  # what the candidates in ``match`` were found for
        self.looking = False
        self.saving = False
        self.confirm_when_found = False

    @property
    def fields(self) -> list[QWidget]:
        return [*self.texts, *self.consents.values()]

    @property
    def widgets(self) -> list[QWidget]:
        return [*self.fields, self.match]

    def draft(self) -> SignInLineDraft:
        return SignInLineDraft(
            last_name=self.last_name.text().strip(),
            first_name=self.first_name.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            consents=tuple(slug for slug, box in self.consents.items() if box.isChecked()),
        )

    def blank(self) -> bool:
        draft = self.draft()
        return not any((draft.last_name, draft.first_name, draft.email, draft.phone))

    def changed_since_saved(self) -> bool:
        return self.saved is not None and self.saved.draft != self.draft()

    def waiting(self) -> bool:
        """Typed (or changed) but not confirmed yet; a pre-filled line left as printed is not."""
        if self.saved is None:
            return not self.blank() and not self.as_printed()
        return self.changed_since_saved()

    def as_printed(self) -> bool:
        return self.printed is not None and self.draft() == self.printed[1]

    def show_printed(self, printed: PrintedLine) -> None:
        """The names the kit printed on this line, to be confirmed if the person signed."""
        self.printed = printed
        self.last_name.setText(printed[1].last_name)
        self.first_name.setText(printed[1].first_name)
        for widget in (self.number, self.last_name, self.first_name):
            widget.setStyleSheet(PRINTED_STYLE)
        self.number.setToolTip(
            QCoreApplication.translate(
                "SignInGrid", "Inscrit, pré-rempli comme sur la feuille imprimée : Entrée sur « Contact » s'il a signé"
            )
        )

    def show(self, record: SignInLineRecord) -> None:
        """A line read back from the base: its cells, and what it became in the match column."""
        draft = record.draft
        for edit, value in zip(self.texts, (draft.last_name, draft.first_name, draft.email, draft.phone), strict=True):
            edit.setText(value)
        for slug, box in self.consents.items():
            box.setChecked(slug in draft.consents)
        self.mark_saved(record)

    def _unprint(self) -> None:
        """Typed or confirmed: the names no longer look pre-filled."""
        for edit in (self.last_name, self.first_name):
            edit.setStyleSheet("")

    def mark_saved(self, record: SignInLineRecord) -> None:
        self._unprint()
        self.saved = record
        self.looked_up = record.draft
        self.match.clear()
        if record.outcome == "skipped" or record.contact_id is None:
            self.match.addItem(QCoreApplication.translate("SignInGrid", "Ligne ignorée"), SKIP_LINE)
        else:
            text = (
                QCoreApplication.translate("SignInGrid", "✓ {name} — contact créé")
                if record.outcome == "created"
                else QCoreApplication.translate("SignInGrid", "✓ {name}")
            )
            self.match.addItem(text.format(name=record.contact_name), record.contact_id)
        self.number.setStyleSheet(SAVED_STYLE)
        self.number.setToolTip(
            QCoreApplication.translate("SignInGrid", "Enregistrée le {moment} par {who}").format(
                moment=formatting.moment(record.saved_at), who=record.saved_by
            )
        )

    def mark_changed(self) -> None:
        if self.saved is None and self.printed is not None and not self.as_printed():
            self._unprint()
        if self.changed_since_saved():
            self.number.setStyleSheet(CHANGED_STYLE)
            self.number.setToolTip(
                QCoreApplication.translate("SignInGrid", "Modifiée : Entrée sur « Contact » pour enregistrer")
            )
        elif self.saved is not None:
            self.number.setStyleSheet(SAVED_STYLE)

    def show_candidates(self, candidates: Sequence[MatchCandidate]) -> None:
        self.match.clear()
        if self.printed is not None and self.draft().last_name == self.printed[1].last_name:
            # The person printed on this line first: a homonym elsewhere in the base comes after.
            registered = self.printed[0]
            candidates = sorted(candidates, key=lambda candidate: candidate.contact_id != registered)
        for candidate in candidates:
            self.match.addItem(candidate_text(candidate), candidate.contact_id)
            self.match.setItemData(
                self.match.count() - 1,
                QCoreApplication.translate("SignInGrid", "Cercle : {circle}").format(
                    circle=_circle_label(candidate.circle)
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        if self.blank():  # emptied after it was saved: saving it again takes it off the sheet
            self.match.addItem(QCoreApplication.translate("SignInGrid", "Ligne vide : ignorée"), SKIP_LINE)
        else:
            self.match.addItem(QCoreApplication.translate("SignInGrid", "Nouveau contact"), NEW_CONTACT)
        self.match.setCurrentIndex(0)


def _circle_label(circle: str) -> str:
    from communitydesk.rules.circles import circle_label

    return circle_label(circle)


class SignInGrid(QWidget):
    """The lines of the sheet in a grid, and their keyboard."""

    counts_changed = Signal(object)  # SheetCounts
    line_saved = Signal(int)  # line number
    failed = Signal(int, str)  # line number, the service's sentence

    def __init__(
        self,
        purposes: Sequence[tuple[str, str]],
        find: FindCandidates,
        save: SaveLine,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInGrid")
        self.purposes = list(purposes)
        self._find = find
        self._save = save
        self.lines: list[SheetLine] = []
        self.records: dict[int, SignInLineRecord] = {}
        self.layout_grid = QGridLayout(self)
        self.layout_grid.setHorizontalSpacing(6)
        self.layout_grid.setVerticalSpacing(3)
        headers = [
            self.tr("N°"),
            *(contact_field_label(field) for field in ("last_name", "first_name", "email", "phone")),
            *(label for _slug, label in self.purposes),
            self.tr("Contact"),
        ]
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setStyleSheet("font-weight: 600; color: #3B3A36;")
            header.setWordWrap(True)
            self.layout_grid.addWidget(header, 0, column)
        for column, stretch in ((1, 2), (2, 2), (3, 3), (4, 2), (5 + len(self.purposes), 4)):
            self.layout_grid.setColumnStretch(column, stretch)
        self.layout_grid.setRowStretch(10_000, 1)  # lines stay at the top
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]

    # -- lines --------------------------------------------------------------------------------

    def add_lines(self, count: int) -> None:
        first = len(self.lines) + 1
        previous: QWidget | None = self.lines[-1].match if self.lines else None
        for line_no in range(first, first + count):
            line = SheetLine(line_no, self.purposes)
            row = line_no
            self.layout_grid.addWidget(line.number, row, 0)
            if self.isVisible():
                line.number.show()
            for column, widget in enumerate(line.widgets, start=1):
                self.layout_grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)
                if self.isVisible():
                    widget.show()  # at once, not later: the next line gets the focus right away
                widget.installEventFilter(self)
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
            for edit in line.texts:
                edit.textEdited.connect(lambda _text, line=line: line.mark_changed())
            for box in line.consents.values():
                box.toggled.connect(lambda _on, line=line: line.mark_changed())
            self.lines.append(line)

    def show_saved(self, records: Sequence[SignInLineRecord], printed: Sequence[PrintedLine] = ()) -> None:
        """The lines saved before (resuming) shown as saved, the registered people on the lines the
        kit printed them on, and enough empty lines after them."""
        last = max((r.line_no for r in records), default=0)
        self.add_lines(max(FIRST_LINES, last + MORE_LINES, len(printed) + MORE_LINES) - len(self.lines))
        saved = {record.line_no for record in records}
        typed = {record.contact_id for record in records}  # someone typed on another line is not shown twice
        for line_no, person in enumerate(printed, start=1):
            if line_no not in saved and person[0] not in typed:
                self.lines[line_no - 1].show_printed(person)
        for record in records:
            self.records[record.line_no] = record
            self.lines[record.line_no - 1].show(record)
        self.counts_changed.emit(SheetCounts.of(list(self.records.values())))

    def line(self, line_no: int) -> SheetLine:
        return self.lines[line_no - 1]

    def resume_line(self) -> SheetLine:
        """Where typing goes on: the line after the last one saved."""
        last = max(self.records, default=0)
        if last >= len(self.lines):
            self.add_lines(MORE_LINES)
        return self.lines[last]

    def line_of(self, widget: QObject | None) -> SheetLine | None:
        for line in self.lines:
            if widget in line.widgets:
                return line
        return None

    def waiting_lines(self) -> list[int]:
        return [line.line_no for line in self.lines if line.waiting()]

    # -- keyboard -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            line = self.line_of(watched)
            if line is not None and key in ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if watched is line.match:
                    self.confirm(line)
                else:
                    self._next_cell(line, watched)
                return True
            if line is not None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and watched is not line.match:
                self._other_line(line, watched, -1 if key == Qt.Key.Key_Up else 1)
                return True
            if line is not None and isinstance(watched, QCheckBox) and event.text().lower() in ("x", "o"):
                watched.setChecked(True)  # a cross on paper, a cross here
                return True
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            line = self.line_of(watched)
            if line is not None:
                self.look_up(line)
        return super().eventFilter(watched, event)

    def _other_line(self, line: SheetLine, widget: QObject, step: int) -> None:
        """↑/↓: the same cell of the line above or below (past an absent person's printed line)."""
        target = line.line_no + step
        if target < 1:
            return
        if target > len(self.lines):
            self.add_lines(MORE_LINES)
        position = line.widgets.index(widget)  # type: ignore[arg-type]
        self.lines[target - 1].widgets[position].setFocus(Qt.FocusReason.TabFocusReason)

    def _next_cell(self, line: SheetLine, widget: QObject) -> None:
        widgets = line.widgets
        position = widgets.index(widget)  # type: ignore[arg-type]
        widgets[min(position + 1, len(widgets) - 1)].setFocus(Qt.FocusReason.TabFocusReason)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        if new is not None and self.isAncestorOf(new):
            scroll = self._scroll_area()
            if scroll is not None:
                scroll.ensureWidgetVisible(new, 10, 40)
            line = self.line_of(new)
            if line is not None and line.line_no > len(self.lines) - 2:
                self.add_lines(MORE_LINES)
        left = self.line_of(old)
        if left is not None and self.line_of(new) is not left and left.waiting():
            self.look_up(left)  # a line left aside: its match is ready when the user comes back

    def _scroll_area(self) -> QScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    # -- matching and saving ------------------------------------------------------------------

    def look_up(self, line: SheetLine) -> None:
        """Find the line's candidates (off the UI thread), unless they are known for what it says."""
        draft = line.draft()
        if line.looking or draft == line.looked_up or (line.saved is None and line.blank()):
            return
        line.looking = True
        line.match.clear()
        line.match.addItem(self.tr("Recherche…"), None)

        def found(candidates: list[MatchCandidate]) -> None:
            line.looking = False
            if line.draft() != draft:  # typed more meanwhile: look again
                self.look_up(line)
                return
            line.looked_up = draft
            line.show_candidates(candidates)
            if line.confirm_when_found:
                line.confirm_when_found = False
                self.confirm(line, move_on=False)

        def failed(message: str) -> None:
            line.looking = False
            line.confirm_when_found = False
            line.match.clear()
            self._failed(line, message)

        run_in_background(self, lambda _ctx: self._find(draft), on_success=found, on_failure=failed)

    def confirm(self, line: SheetLine, *, move_on: bool = True) -> None:
        """Enter on « Contact »: save the line with the chosen match, and go to the next line."""
        if move_on:
            self.next_line(line)
        if line.saving:
            return
        if line.saved is None and line.blank():
            return  # an empty numbered line is simply passed
        draft = line.draft()
        if line.saved is not None and line.saved.draft == draft and line.looked_up == draft:
            choice = line.match.currentData()
            if choice == (line.saved.contact_id or SKIP_LINE):
                return  # nothing changed since it was saved
        if line.looking or line.looked_up != draft:
            line.confirm_when_found = True
            self.look_up(line)
            return
        choice = line.match.currentData()
        if choice is None:
            return
        self._save_line(line, draft, choice)

    def next_line(self, line: SheetLine) -> None:
        if line.line_no >= len(self.lines):
            self.add_lines(MORE_LINES)
        self.lines[line.line_no].last_name.setFocus(Qt.FocusReason.TabFocusReason)

    def _save_line(self, line: SheetLine, draft: SignInLineDraft, choice: int | str) -> None:
        line.saving = True
        line.number.setText("…")

        def saved(record: SignInLineRecord) -> None:
            line.saving = False
            line.number.setText(str(line.line_no))
            self.records[line.line_no] = record
            if line.draft() == draft:
                line.mark_saved(record)
            else:
                line.saved = record  # typed again while it saved: still to confirm
                line.mark_changed()
            self.counts_changed.emit(SheetCounts.of(list(self.records.values())))
            self.line_saved.emit(line.line_no)

        def failed(message: str) -> None:
            line.saving = False
            line.number.setText(str(line.line_no))
            self._failed(line, message)

        run_in_background(
            self, lambda _ctx: self._save(line.line_no, draft, choice), on_success=saved, on_failure=failed
        )

    def _failed(self, line: SheetLine, message: str) -> None:
        line.number.setStyleSheet(FAILED_STYLE)
        line.number.setToolTip(message)
        self.failed.emit(line.line_no, message)


class SignInDialog(QDialog):
    """The grid in its window: the event, how to type, the running count."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        purposes: Sequence[tuple[str, str]],
        load: Load,
        find: FindCandidates,
        save: SaveLine,
        printed: LoadPrinted | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        # Deleted once closed: its lines are in the base, and its grid stops following the focus.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Feuille d'émargement — {event}").format(event=title))
        self.resize(1180, 680)
        self.loaded = False
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        heading.setWordWrap(True)
        hint = QLabel(
            QCoreApplication.translate(
                "SignInDialog",
                "Recopiez les lignes dans l'ordre de la feuille imprimée : les inscrits y sont déjà, en "
                "italique ; pour qui a signé, cochez ses cases et validez, sinon passez (↓). Tab ou Entrée : "
                "case suivante ; ↑ ↓ : ligne précédente ou suivante ; Espace ou X : cocher un consentement. "
                "Sur « Contact », Entrée enregistre la ligne avec le contact proposé ; Alt+↓ pour en choisir "
                "un autre ou « Nouveau contact ». Chaque ligne est enregistrée aussitôt : vous pouvez fermer "
                "et reprendre plus tard.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52;")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("signInCounts")
        self.counts_label.setStyleSheet("font-size: 11pt; font-weight: 600; color: #2E6B5E;")
        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B3261E;")
        self.error_label.hide()

        self.grid = SignInGrid(purposes, find, save)
        self.grid.counts_changed.connect(self._show_counts)
        self.grid.failed.connect(self._show_failure)
        self.grid.line_saved.connect(lambda _line: self.error_label.hide())
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("signInScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from cell to cell, never to the frame
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        close.setAutoDefault(False)  # Enter belongs to the grid
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Échap closes; Tab stays in the lines
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show_counts(SheetCounts(0, 0, 0))

        def shown(found: tuple[list[SignInLineRecord], Sequence[PrintedLine]]) -> None:
            self.grid.show_saved(*found)
            self.loaded = True
            self.grid.resume_line().last_name.setFocus(Qt.FocusReason.TabFocusReason)

        run_in_background(self, lambda _ctx: (load(), printed() if printed else ()), on_success=shown)

    def _show_counts(self, counts: SheetCounts) -> None:
        self.counts = counts
        self.counts_label.setText(
            " · ".join(
                (
                    ngettext(
                        "{count} ligne saisie",
                        "{count} lignes saisies",
                        counts.lines,
                        count=formatting.number(counts.lines),
                    ),
                    ngettext(
                        "{count} contact créé",
                        "{count} contacts créés",
                        counts.created,
                        count=formatting.number(counts.created),
                    ),
                    ngettext(
                        "{count} consentement",
                        "{count} consentements",
                        counts.consents,
                        count=formatting.number(counts.consents),
                    ),
                )
            )
        )

    def _show_failure(self, line_no: int, message: str) -> None:
        self.error_label.setText(
            self.tr("Ligne {line} non enregistrée : {message}").format(line=line_no, message=message)
        )
        self.error_label.show()

    def reject(self) -> None:
        waiting = self.grid.waiting_lines()
        if not waiting or getattr(self, "_closing_anyway", False):
            super().reject()
            return
        ask(
            self,
            "unsavedLinesBox",
            self.tr("Lignes non enregistrées"),
            ngettext(
                "Ligne {lines} tapée mais pas encore enregistrée (Entrée sur « Contact »). Fermer quand même ?",
                "Lignes {lines} tapées mais pas encore enregistrées (Entrée sur « Contact »). Fermer quand même ?",
                len(waiting),
                lines=", ".join(str(n) for n in waiting),
            ),
            yes=self.tr("Fermer"),
            cancel=self.tr("Continuer la saisie"),
            then=self._close_anyway,
        )

    def _close_anyway(self) -> None:
        self._closing_anyway = True
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in ENTER_KEYS:
            return  # never the dialog's default button: Enter moves through the grid
        super().keyPressEvent(event)
