"""Printable PDF documents (reportlab only; this package never imports Qt)."""
