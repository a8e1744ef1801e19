"""The PySide6 interface: the only package (with app.py) that imports Qt."""
