"""Qt's own dialogs in French even where Qt's catalogue lags behind Qt.

Qt 6.12 gave two labels of its file dialog a keyboard shortcut (« &Look in: », « Files of
&type: »); the qtbase_fr catalogue it ships still translates them without the « & », so
they showed in English inside an otherwise French dialog. This translator, installed after
Qt's, answers such a text with the catalogue's translation of the text without its « & »,
the shortcut put back on the first letter.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

#: Contexts of Qt's standard dialogs whose labels gained shortcuts.
CONTEXTS = frozenset({"QFileDialog"})


class MnemonicFallback(QTranslator):
    def __init__(self, catalogue: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None: « nothing here », Qt asks the next translator (an empty text would be an answer).
        if "&" not in source or context not in CONTEXTS:
            return None
        if self.catalogue.translate(context, source, disambiguation, n):
            return None  # the catalogue knows it as it is
        found = self.catalogue.translate(context, source.replace("&", ""), disambiguation, n)
        return "&" + found if found else None
