"""Rights in screens: the one helper pages use to hide or disable what a profile may not do.

``guard(widget, actor, Action.X)`` disables the widget (or hides it, ``hide=True``) with a
tooltip saying why, « Votre profil (Bénévole) ne permet pas d'exporter… », and gives the
widget its own tooltip back once the profile may. Pages call it where they enable their
actions (their ``_database_changed``), so that a change of profile re-applies it. The
services refuse anyway (``require``): this only spares the user a refusal. What is reached
without its button (a shortcut, a double-click, a drag) asks ``may(page, actor, Action.X)``
first, which says the same reason in the status bar. The fields of a form whose save the
profile may not do go through ``guard_fields``: read-only (or disabled) with the same reason,
so that nobody types what could not be saved.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from communitydesk.services.permissions import Action, Actor, action_label, allowed

_OWN_TOOLTIP = "rights_own_tooltip"  # the widget's tooltip before a refusal replaced it
_HIDDEN = "rights_hidden"  # hidden by guard (not by its page): shown again once allowed
_LOCKED = "rights_locked"  # made read-only or disabled by guard_fields: editable again once allowed
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def refusal_reason(actor: Actor, action: Action) -> str:
    """« Votre profil (Bénévole) ne permet pas d'exporter… » in the interface's language."""
    what = action_label(action)
    if what[:1].lower() in "aeéèêiîoôuh":
        text = QCoreApplication.translate("rights", "Votre profil ({role}) ne permet pas d'{what}.")
    else:
        text = QCoreApplication.translate("rights", "Votre profil ({role}) ne permet pas de {what}.")
    return text.format(role=actor.role.label, what=what)


def guard(widget: QWidget | QAction, actor: Actor, action: Action, *, hide: bool = False) -> bool:
    """Disable (or hide) ``widget`` when ``actor`` may not do ``action``; True when it may.

    An allowed widget keeps the enabled state its page gave it: call this after that.
    """
    if allowed(actor, action):
        _give_back_tooltip(widget)
        if widget.property(_HIDDEN):
            widget.setProperty(_HIDDEN, None)
            widget.setVisible(True)
        return True
    _explain(widget, actor, action)
    widget.setEnabled(False)
    shown = widget.isVisible() if isinstance(widget, QAction) else not widget.isHidden()
    if hide and shown:
        widget.setProperty(_HIDDEN, True)
        widget.setVisible(False)
    return False


def guard_fields(fields: Iterable[QWidget], actor: Actor, action: Action) -> bool:
    """The fields of a form saved by ``action``: read-only (text and numbers, still readable and
    copyable) or disabled (choices, ticks, lists) with the reason when ``actor`` may not; given
    back once it may. A field its page made read-only stays so. True when ``actor`` may.
    """
    permitted = allowed(actor, action)
    for field in fields:
        if permitted:
            _give_back_tooltip(field)
            if field.property(_LOCKED):
                field.setProperty(_LOCKED, None)
                _lock(field, False)
            continue
        _explain(field, actor, action)
        if not field.property(_LOCKED) and _editable(field):
            field.setProperty(_LOCKED, True)
            _lock(field, True)
    return permitted


def _editable(field: QWidget) -> bool:
    return not field.isReadOnly() if isinstance(field, _TEXT_FIELDS) else field.isEnabled()


def _lock(field: QWidget, locked: bool) -> None:
    if isinstance(field, _TEXT_FIELDS):
        field.setReadOnly(locked)
    else:
        field.setEnabled(not locked)


def _explain(widget: QWidget | QAction, actor: Actor, action: Action) -> None:
    if widget.property(_OWN_TOOLTIP) is None:
        widget.setProperty(_OWN_TOOLTIP, widget.toolTip())
    widget.setToolTip(refusal_reason(actor, action))


def _give_back_tooltip(widget: QWidget | QAction) -> None:
    own = widget.property(_OWN_TOOLTIP)
    if own is not None:
        widget.setToolTip(str(own))
        widget.setProperty(_OWN_TOOLTIP, None)


def may(widget: QWidget, actor: Actor, action: Action) -> bool:
    """For an action reached without its (disabled) button: a shortcut, a double-click, a drag.

    True when ``actor`` may; otherwise the reason goes to the window's status bar and nothing
    else happens (the service would refuse anyway, with a sentence less clear).
    """
    if allowed(actor, action):
        return True
    status_bar = getattr(widget.window(), "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(refusal_reason(actor, action), 8000)
    return False
