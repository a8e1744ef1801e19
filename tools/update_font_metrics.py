"""Write the metrics of each shipped font beside it (resources/fonts/<face>.metrics).

    uv run python tools/update_font_metrics.py          # after changing a font or ReportLab
    uv run python tools/update_font_metrics.py --check  # exit 1 when a metrics file is not current

A document loads a face from its metrics in ~1-3 ms instead of parsing the font (5-14 ms):
see communitydesk/reports/font_metrics.py. A stale file is only slower, never wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from communitydesk.reports.font_metrics import measured, metrics_path  # noqa: E402

FONTS = ROOT / "resources" / "fonts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that every metrics file is current")
    args = parser.parse_args()
    stale = []
    for font_file in sorted(FONTS.glob("*.ttf")):
        target = metrics_path(font_file)
        fresh = measured(font_file)
        if target.exists() and target.read_bytes() == fresh:
            continue
        stale.append(target.name)
        if not args.check:
            target.write_bytes(fresh)
    if args.check and stale:
        print("not current: " + ", ".join(stale) + " (uv run python tools/update_font_metrics.py)")
        return 1
    print(("written: " + ", ".join(stale)) if stale else "all current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
