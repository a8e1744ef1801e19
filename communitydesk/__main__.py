"""``python -m communitydesk`` runs the same entry point as the installed script."""

from communitydesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
