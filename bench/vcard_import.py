"""Importing a vCard file with one big folded PHOTO (or NOTE): time must grow with the size, not its square.

    .venv/bin/python bench/vcard_import.py [--cards 200] [--megabytes 8]

Builds address books of ``--cards`` phone-style cards (vCard 3.0, lines folded at 75
characters), one of them carrying a base64 PHOTO of ``--megabytes`` MB, then of half that,
and the same with a NOTE of that size instead (kept, unlike photos), and times
``import_contacts_file`` on each into a fresh migrated database. vobject re-joined the whole
value at every continuation line: an 8 MB photo took 56 s, a 40 MB one over ten minutes.

Prints the times and two ratios: full size over half size (about 2 when linear, 4 when
quadratic; target <= 3) and the photo file over the same cards without a photo.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 3.0


def fold(line: str) -> str:
    """RFC 6350 folding: 75 characters, then CRLF and a space."""
    pieces = [line[:75]] + [" " + line[start : start + 74] for start in range(75, len(line), 74)]
    return "\r\n".join(pieces) + "\r\n"


def address_book(cards: int, photo_bytes: int, note_chars: int) -> bytes:
    out = []
    for number in range(cards):
        card = [
            "BEGIN:VCARD\r\nVERSION:3.0\r\n",
            fold(f"N:Durand{number};Hélène;;;"),
            fold(f"FN:Hélène Durand{number}"),
            fold(f"EMAIL;TYPE=INTERNET:helene{number}@exemple.fr"),
            fold("TEL;TYPE=CELL:06 12 34 56 78"),
        ]
        if number == cards // 2 and photo_bytes:
            data = base64.b64encode(os.urandom(photo_bytes)).decode()
            card.append(fold(f"PHOTO;ENCODING=b;TYPE=JPEG:{data}"))
        if number == cards // 2 and note_chars:
            card.append(fold("NOTE:" + ("Rencontrée à l'atelier, à relancer. " * (note_chars // 36 + 1))[:note_chars]))
        card.append("END:VCARD\r\n")
        out.append("".join(card))
    return "".join(out).encode()


def timed_import(data: bytes) -> float:
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_import import import_contacts_file
    from communitydesk.services.permissions import SYSTEM

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        try:
            start = time.perf_counter()
            summary = import_contacts_file(db, SYSTEM, data, file_name="carnet.vcf")
            elapsed = time.perf_counter() - start
        finally:
            db.close()
    assert summary.errors == [] and summary.created > 0, summary.errors
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=8.0)
    args = parser.parse_args()
    size = int(args.megabytes * 1024 * 1024)
    timed_import(address_book(10, 0, 0))  # imports, migrations and caches warmed up

    plain = timed_import(address_book(args.cards, 0, 0))
    results = {}
    for kind in ("photo", "note"):
        for share in (0.5, 1.0):
            photo, note = (int(size * share), 0) if kind == "photo" else (0, int(size * share))
            results[kind, share] = timed_import(address_book(args.cards, photo, note))
    print(f"{args.cards} cards, no photo: {plain:.2f} s")
    verdict = "PASS"
    for kind in ("photo", "note"):
        half, full = results[kind, 0.5], results[kind, 1.0]
        ratio = full / half
        verdict = verdict if ratio <= TARGET_RATIO else "FAIL"
        print(
            f"one {kind} of {args.megabytes / 2:g} MB: {half:.2f} s, of {args.megabytes:g} MB: {full:.2f} s; "
            f"ratio {ratio:.2f} (linear ~2, quadratic ~4; target <= {TARGET_RATIO:g}); "
            f"{full / plain:.1f}x the file without it"
        )
    print(verdict)
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
