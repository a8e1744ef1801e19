"""The PySide6 interface: the only package (with app.py) that imports Qt."""

from communitydesk.ui import signal_references

# Before any screen emits a signal: PySide6 6.12's emit() would wear True's count to zero.
signal_references.install()
