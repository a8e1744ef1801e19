"""A small document, exported as a user would (a new process): it loads only what it draws.

Each font face is read when the document first uses it, and each chart kind is imported
by the chart that needs it (bench/pdf_small.py times the whole process).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from communitydesk.services.demo import create_demo_database
from communitydesk.services.permissions import SYSTEM

# ``communitydesk ARGS``, then the modules loaded and the fonts ReportLab has read.
RUN_AND_LIST = (
    "import sys\n"
    "from communitydesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "from reportlab.pdfbase import pdfmetrics\n"
    "print('MODULES', *sorted(sys.modules), file=sys.stderr)\n"
    "print('FONTS', *sorted(pdfmetrics.getRegisteredFontNames()), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.fixture(scope="module")
def demo_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "demo.sqlite3"
    create_demo_database(path, SYSTEM, contacts=60, seed=3)
    return path


def export(base: Path, out: Path, *command: str) -> tuple[set[str], set[str]]:
    env = dict(os.environ, COMMUNITYDESK_DATA_DIR=str(out.parent / "data"))
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, "export", "pdf", *command, "--db", str(base), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    listed = {key: set(value.split()) for key, value in re.findall(r"^(MODULES|FONTS) (.*)$", result.stderr, re.M)}
    return listed["MODULES"], listed["FONTS"]


def embedded_fonts(path: Path) -> set[str]:
    names: set[str] = set()

    def walk(resources) -> None:  # type: ignore[no-untyped-def]
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return names


@pytest.mark.parametrize(
    ("command", "charts"),
    [
        (["charter", "--template", "ambassador", "--member-name", "Camille Dupont"], set()),
        (["campaign-report", "--campaign", "1"], {"linecharts", "piecharts"}),
        (["fulfilment-checklist", "--campaign", "2"], set()),
    ],
    ids=["charter", "campaign-report", "fulfilment-checklist"],
)
def test_a_small_document_reads_only_the_faces_and_chart_kinds_it_draws(
    demo_base: Path, tmp_path: Path, command: list[str], charts: set[str]
) -> None:
    out = tmp_path / "document.pdf"
    modules, fonts = export(demo_base, out, *command)
    read_faces = {name for name in fonts if name.startswith("DejaVu")}
    assert read_faces and read_faces == embedded_fonts(out)
    kinds = {"barcharts", "linecharts", "piecharts"}
    assert {name.rsplit(".", 1)[-1] for name in modules if name.startswith("reportlab.graphics.charts.")} & kinds == (
        charts
    )


@pytest.mark.parametrize(
    ("command", "not_read"),
    [
        (["charter", "--template", "collaborator"], {"communitydesk.records.campaigns"}),
        (["campaign-report", "--campaign", "1"], {"communitydesk.records.campaign_page"}),
        (["fulfilment-checklist", "--campaign", "2"], {"communitydesk.records.campaign_page"}),
    ],
    ids=["charter", "campaign-report", "fulfilment-checklist"],
)
def test_a_small_document_imports_only_the_records_it_prints(
    demo_base: Path, tmp_path: Path, command: list[str], not_read: set[str]
) -> None:
    # Each dataclass costs ~1 ms to create at import: the page's lists and the editorial figures stay out.
    modules, _fonts = export(demo_base, tmp_path / "document.pdf", *command)
    assert not modules & {*not_read, "communitydesk.rules.editorial_figures", "communitydesk.records.ambassador_brief"}
