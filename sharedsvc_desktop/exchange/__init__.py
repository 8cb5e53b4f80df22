"""Spreadsheet and calendar exchange (CSV, XLSX, ICS)."""
