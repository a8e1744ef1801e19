"""The renderer every document derives from (pretix's invoice renderer shape).

A renderer gets plain data, builds a story of flowables and writes the PDF atomically:
a failed or cancelled build never leaves half a file where the user expects one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from communitydesk.errors import UserError
from communitydesk.formatting import day
from communitydesk.i18n import _
from communitydesk.records.identity import Identity
from communitydesk.reports.flowables.title import section_heading
from communitydesk.reports.markup import plain, printed
from communitydesk.reports.page import DocumentTemplate, PageSetup
from communitydesk.reports.styles import Palette, Styles
from communitydesk.rules.french_typography import printed_characters
from communitydesk.rules.periods import Period
from communitydesk.rules.personal_data_notice import confidential_mark

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class GenerationCancelled(UserError):
    """The user stopped the generation; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("Génération du document annulée : aucun fichier n'a été écrit."))


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int
    title: str


class DocumentRenderer:
    """Subclasses set ``kind`` and ``is_landscape`` and implement ``title`` and ``story``."""

    kind: ClassVar[str] = ""
    is_landscape: ClassVar[bool] = False
    # A list of people: every page says it is confidential (rules.personal_data_notice).
    holds_personal_data: ClassVar[bool] = False
    # A document with other page sizes or bare pages (posters, card sheets) brings its own.
    document_template: ClassVar[type[DocumentTemplate]] = DocumentTemplate

    def __init__(self, identity: Identity, *, generated_at: datetime | None = None) -> None:
        self.identity = identity
        self.palette = Palette.of(identity)
        self.generated_at = generated_at or datetime.now(UTC)
        self.styles = self.make_styles()
        self.doc: DocumentTemplate | None = None

    # -- what subclasses provide
    def make_styles(self) -> Styles:
        return Styles(self.palette)

    def title(self) -> str:
        raise NotImplementedError

    def subject(self) -> str:
        return self.title()

    def footer_note(self) -> str:
        return ""

    def story(self) -> Iterable[Flowable]:
        raise NotImplementedError

    def progress_steps(self) -> int:
        """How many flowables the story will hold, for a progress bar (an estimate is fine)."""
        return 0

    # -- shared machinery
    def _note(self, text: str) -> Flowable:
        return Paragraph(plain(text), self.styles.caption)

    def _section(self, heading: str, *parts: Flowable) -> Flowable:
        # Heading, chart and the start of the table stay together; long tables may split after.
        return KeepTogether([section_heading(self.styles, heading), *parts])

    def _empty_state(self, headline: str, explanation: str) -> list[Flowable]:
        """A report with nothing to show yet: what is missing, then how to start."""
        return [
            Paragraph(plain(headline), self.styles.empty_state),
            Paragraph(plain(explanation), self.styles.centered),
        ]

    @property
    def content_width(self) -> float:
        assert self.doc is not None, "content_width is known once rendering has started"
        return self.doc.content_width

    @property
    def content_height(self) -> float:
        assert self.doc is not None
        return self.doc.content_height

    def page_setup(self) -> PageSetup:
        # Headers, footers and metadata are drawn past the paragraphs' typesetting.
        identity = replace(
            self.identity,
            name=printed_characters(self.identity.name),
            address=printed(self.identity.address),
            legal_id=printed(self.identity.legal_id),
        )
        return PageSetup(
            identity=identity,
            palette=self.palette,
            title=printed_characters(self.title()),
            subject=printed_characters(self.subject()),
            generated_at=self.generated_at,
            is_landscape=self.is_landscape,
            footer_note=printed(confidential_mark() if self.holds_personal_data else self.footer_note()),
        )

    def render(self, out: Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> RenderResult:
        """Write the PDF to ``out`` (replacing it only once complete); returns its page count."""
        out = Path(out)
        if out.parent and not out.parent.exists():
            raise UserError(_("Le dossier « {folder} » n'existe pas.", folder=out.parent))
        setup = self.page_setup()
        done = 0
        total = 0

        def on_flowable() -> None:
            nonlocal done
            done += 1
            if cancelled is not None and cancelled():
                raise GenerationCancelled()
            if progress is not None and total:
                progress(min(done, total), total)

        handle, temporary = tempfile.mkstemp(prefix=".communitydesk-", suffix=".pdf", dir=out.parent or None)
        os.close(handle)
        try:
            self.doc = self.document_template(temporary, setup, on_flowable=on_flowable)
            if cancelled is not None and cancelled():
                raise GenerationCancelled()
            total = self.progress_steps()
            pages = self.doc.build_story(list(self.story()))
            os.replace(temporary, out)
        except PermissionError as exc:
            raise UserError(_("Impossible d'écrire « {path} » : accès refusé.", path=out)) from exc
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        if progress is not None:
            progress(1, 1)
        return RenderResult(path=out, pages=pages, title=setup.title)

    def render_bytes(self) -> bytes:
        """The PDF in memory (tests, previews of small documents)."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "document.pdf"
            self.render(path)
            return path.read_bytes()


def period_text(period: Period) -> str:
    """A report's period under its title: « Du 1er octobre 2026 au 29 novembre 2026 »."""
    return _("Du {start} au {end}", start=day(period.start, "long"), end=day(period.end, "long"))


def story_list(*parts: Any) -> list[Any]:
    """Flatten flowables and lists of flowables into one story."""
    story: list[Any] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, list | tuple):
            story.extend(story_list(*part))
        else:
            story.append(part)
    return story
