"""Qt's file dialog is French throughout, including the two labels Qt's own French
catalogue lags behind on (« Look in: », « Files of type: »)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from communitydesk.app import install_translators


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "fr")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


def test_every_label_of_the_file_dialog_is_french(qtbot, french: None, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "Exporter vers…", str(tmp_path), "CSV (*.csv)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
        assert labels == ["&Fichiers de type\xa0:", "&Nom de fichier\xa0:", "&Voir dans\xa0:"]
    # Texts Qt's catalogue has as they are, or nobody translates, are left alone.
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nom de fichier\xa0:"
    assert QCoreApplication.translate("QFileDialog", "&Rien à voir") == "&Rien à voir"
