"""Helpers for PDF tests: read a document back (pypdf), render its first page (pdftoppm)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from communitydesk.db.database import Database
from communitydesk.models.base import utcnow
from communitydesk.models.contacts import CircleMove, Contact, Tag, TouchPoint
from communitydesk.services import settings

ORGANISATION = settings.Organisation(
    name="Les Ateliers du Lien — Coopérative œcuménique",
    legal_id="RNA W751234567",
    website="https://ateliers-du-lien.example",
    address="12 rue des Coopérateurs, 69007 Lyon",
)


@dataclass
class ReadBack:
    path: Path
    reader: PdfReader

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def text(self, page: int | None = None) -> str:
        pages = self.reader.pages if page is None else [self.reader.pages[page]]
        return "\n".join(p.extract_text() or "" for p in pages)

    def flat_text(self, page: int | None = None) -> str:
        """The text with every run of spaces and line breaks made one space (wrapped lines join)."""
        return " ".join(self.text(page).split())

    @property
    def metadata(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in (self.reader.metadata or {}).items()}

    @property
    def language(self) -> str:
        return str(self.reader.trailer["/Root"].get("/Lang", ""))

    def embedded_fonts(self) -> dict[str, bool]:
        """Every font of every page (and of its forms) → whether its program is inside the file."""
        found: dict[str, bool] = {}

        def visit(resources: object) -> None:
            resources = getattr(resources, "get_object", lambda: resources)()
            if not resources:
                return
            for font in (resources.get("/Font") or {}).values():  # type: ignore[union-attr]
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                for child in font.get("/DescendantFonts") or []:
                    descriptor = child.get_object().get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                programs = ("/FontFile", "/FontFile2", "/FontFile3")
                found[str(font.get("/BaseFont"))] = any(k in descriptor for k in programs)
            for xobject in (resources.get("/XObject") or {}).values():  # type: ignore[union-attr]
                visit(xobject.get_object().get("/Resources"))

        for page in self.reader.pages:
            visit(page.get("/Resources"))
        return found

    def fonts(self) -> set[str]:
        names: set[str] = set()
        for page in self.reader.pages:
            resources = page.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                names.add(str(font.get_object().get("/BaseFont")))
        return names


def _read_back(path: Path) -> ReadBack:
    return ReadBack(path, PdfReader(path))


def _page_ink(path: Path, page: int = 1) -> float:
    """Share of non-white pixels of ``page`` rendered in grey at 30 dpi (pdftoppm's PGM)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) n'est pas installé : rendu PNG non vérifié")
    out = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(out)],
        check=True,
        capture_output=True,
    )
    data = out.with_suffix(".pgm").read_bytes()
    # P5 header: magic, width, height, maxval, each followed by whitespace, then the bytes.
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][: width * height]
    assert len(pixels) == width * height
    return sum(1 for value in pixels if value < 200) / len(pixels)


def _decoded(path: Path, page: int) -> list[str]:
    """The QR codes pdftoppm's rendering of ``page`` (from 1) shows, decoded by zxing-cpp (what a phone reads)."""
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) n'est pas installé : QR codes non vérifiés")
    out = path.with_name(f"{path.stem}-{page}")
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(out)],
        check=True,
        capture_output=True,
    )
    with image_module.open(out.with_suffix(".png")) as image:
        return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


_MODULES_SCRIPT = (
    "import sys\n"
    "from communitydesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MODULES', *sorted(sys.modules), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _cli_modules(tmp_path: Path, command: list[str]) -> list[str]:
    """Run ``communitydesk COMMAND`` in a fresh process; the modules it imported (it must succeed)."""
    env = dict(os.environ, COMMUNITYDESK_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_SCRIPT, *command], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr.split("MODULES", 1)[1].split()


@pytest.fixture
def identity_db(db: Database, actor) -> Database:  # type: ignore[no-untyped-def]
    """The fresh database with the organisation's identity filled in."""
    with db.transaction() as session:
        settings.save_organisation(session, actor, ORGANISATION)
    return db


def _add_people(db: Database, people: list[dict[str, object]]) -> None:
    """Contacts with an entry move each, a touch point and tags, written in one transaction."""
    now = utcnow()
    with db.transaction() as session:
        tags: dict[str, Tag] = {}
        for values in people:
            names = values.pop("tags", [])
            contact = Contact(**values)
            session.add(contact)
            session.flush()
            session.add(
                CircleMove(
                    contact_id=contact.id,
                    moved_at=contact.created_at or now,
                    from_circle=None,
                    to_circle=contact.circle or "grand_public",
                )
            )
            session.add(TouchPoint(contact_id=contact.id, kind="email", occurred_at=now))
            for name in names:  # type: ignore[attr-defined]
                contact.tags.append(tags.setdefault(name, Tag(name=name)))


# pytest imports test modules with importlib: helpers reach them as fixtures.
@pytest.fixture
def read_back() -> Callable[[Path], ReadBack]:
    """Open a PDF for checking: text, metadata, language, fonts, pages."""
    return _read_back


@pytest.fixture
def page_ink() -> Callable[..., float]:
    """Share of non-white pixels of a rendered page (skips when pdftoppm is missing)."""
    return _page_ink


@pytest.fixture
def cli_modules(tmp_path: Path) -> Callable[[list[str]], list[str]]:
    """The modules a headless command imports, run in its own process (what a user waits for)."""
    return lambda command: _cli_modules(tmp_path, command)


@pytest.fixture
def decoded() -> Callable[[Path, int], list[str]]:
    """The texts of the QR codes on a page of a PDF (skips when zxing-cpp or pdftoppm is missing)."""
    return _decoded


@pytest.fixture
def add_people() -> Callable[[Database, list[dict[str, object]]], None]:
    return _add_people


@pytest.fixture
def organisation() -> settings.Organisation:
    return ORGANISATION
