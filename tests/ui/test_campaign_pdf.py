"""Campaign PDFs from the screens: the Documents page and the campaign's own "PDF" buttons."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QPushButton

from communitydesk.ui import tasks
from communitydesk.ui.campaigns.page import CampaignsPage
from communitydesk.ui.documents.page import DocumentsPage

TIMEOUT = 60000


def test_campaign_report_from_the_documents_page(qtbot, make_window, populated_db: Path) -> None:
    window = make_window(populated_db)
    page = window.show_page("documents")
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.choices_task is not None and not page.choices_task.running, timeout=TIMEOUT)
    page.select_kind("campaign-report")
    assert page.campaign_group.isVisibleTo(page) and not page.filter_group.isVisibleTo(page)
    names = [page.campaign.itemText(i) for i in range(page.campaign.count())]
    assert "Repair café mobile" in names  # the demo's campaigns were read
    page.campaign.setCurrentIndex(names.index("Repair café mobile"))
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert page.preview.page_count == result.pages >= 1
    assert page.preview.document.status() == QPdfDocument.Status.Ready
    assert "Document prêt" in page.status.text()
    text = PdfReader(result.path).pages[0].extract_text()
    assert "Repair café mobile" in text and "Rythme de collecte" in text


def test_checklist_button_of_the_fulfilment_view_opens_the_preview(qtbot, make_window, populated_db: Path) -> None:
    window = make_window(populated_db)
    campaigns = window.show_page("campaigns")
    assert isinstance(campaigns, CampaignsPage)
    qtbot.waitUntil(lambda: campaigns.list_model.rowCount() > 0 and not tasks.running_tasks(), timeout=TIMEOUT)
    target = next(s.campaign.id for s in campaigns.list_model.records if s.campaign.name == "Repair café mobile")
    campaigns.select_campaign(target)
    qtbot.waitUntil(
        lambda: campaigns.detail is not None and campaigns.detail.dashboard.campaign.id == target, timeout=TIMEOUT
    )
    button = campaigns.fulfilment_view.findChild(QPushButton, "fulfilmentPdfButton")
    assert button is not None
    documents: DocumentsPage | None = None

    def built() -> bool:
        nonlocal documents
        page = window.pages.get("documents")
        documents = page if isinstance(page, DocumentsPage) else None
        return documents is not None and documents.last_result is not None

    button.click()  # builds the Documents page, reads the campaigns, then generates
    qtbot.waitUntil(built, timeout=TIMEOUT)
    assert documents is not None
    result = documents.last_result
    assert window.current_page_key() == "documents"
    assert documents.current_kind == "fulfilment-checklist"
    assert documents.campaign.currentData() == str(target)
    assert documents.preview.page_count == result.pages
    assert "Repair café mobile" in PdfReader(result.path).pages[0].extract_text()
