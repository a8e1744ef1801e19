"""Plain records (frozen dataclasses) that services fill and screens and renderers read.

Below services and reports in the layer order (docs/ARCHITECTURE.md): they import neither
SQLAlchemy nor ReportLab, so a screen or a renderer can hold them without loading either.
"""
