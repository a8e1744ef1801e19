"""Keep the Qt translations of the screens up to date.

    .venv/bin/python tools/update_translations.py           # sources → .ts (lupdate), .ts → .qm (lrelease)
    .venv/bin/python tools/update_translations.py --check   # exit 1 if the .ts or .qm is behind the sources

Workflow: write French source strings with ``self.tr("…")`` or
``QCoreApplication.translate("context", "…")`` in communitydesk/ui/ or app.py; run this
script; translate the new ``type="unfinished"`` entries of
resources/translations/communitydesk_en.ts (pyside6-linguist, or any editor); run it again
to compile communitydesk_en.qm; commit both files. tests/ui/test_translations.py runs
``--check``.

Two traps of pyside6-lupdate's Python parser, both leading to strings that are never
translated at run time (``--check`` reports them): inside ``self.tr(…)`` a string split
over several lines gets the wrong context (use ``QCoreApplication.translate`` for long
texts), and a call through a helper (``tr("…")`` with ``def tr(s): …``) gets an empty one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "communitydesk_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    """Every file with Qt strings: the ui package and the bootstrap."""
    return [*sorted((ROOT / "communitydesk" / "ui").rglob("*.py")), ROOT / "communitydesk" / "app.py"]


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_lupdate(ts_file: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, sources()),
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "fr_FR",
            "-target-language",
            "en_GB",
            "-silent",
            "-ts",
            str(ts_file),
        ],
        check=True,
        cwd=ROOT,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True, cwd=ROOT)


def messages(ts_file: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the finished translation, or None when missing/unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            text = translation.text if translation is not None else None
            found[(name, message.findtext("source") or "")] = text if finished and text else None
    return found


def problems() -> list[str]:
    """What is behind: strings without a finished translation, a .ts or .qm not regenerated."""
    found: list[str] = []
    if not TS_FILE.exists():
        return [f"{TS_FILE} is missing: run tools/update_translations.py"]
    with tempfile.TemporaryDirectory() as folder:
        fresh_ts = Path(folder) / TS_FILE.name
        shutil.copyfile(TS_FILE, fresh_ts)
        run_lupdate(fresh_ts)
        committed, fresh = messages(TS_FILE), messages(fresh_ts)
        for key in sorted(set(fresh) - set(committed)):
            found.append(f"new string not in the .ts: {key}")
        for key in sorted(set(committed) - set(fresh)):
            found.append(f"string in the .ts no longer in the sources: {key}")
        for key, text in sorted(fresh.items()):
            if text is None and key in committed:
                found.append(f"no finished English translation: {key}")
            if not key[0] or "." in key[0]:
                found.append(
                    f"wrong context {key[0]!r} for {key[1]!r}: lupdate cannot see through a helper "
                    "function or a multi-line self.tr(), so this string is never translated at run time"
                )
        fresh_qm = Path(folder) / QM_FILE.name
        run_lrelease(TS_FILE, fresh_qm)
        if not QM_FILE.exists() or QM_FILE.read_bytes() != fresh_qm.read_bytes():
            found.append(f"{QM_FILE.name} is not compiled from the current .ts: run tools/update_translations.py")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args()
    if args.check:
        found = problems()
        for problem in found:
            print(problem)
        return 1 if found else 0
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    missing = [key for key, text in messages(TS_FILE).items() if text is None]
    print(f"{TS_FILE.relative_to(ROOT)}: {len(messages(TS_FILE))} strings, {len(missing)} to translate")
    for context, source in missing:
        print(f"  [{context}] {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
