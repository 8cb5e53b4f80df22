"""Use-case functions: one named function per user action, shared by the GUI, the CLI and the tests.

Each takes a SQLAlchemy session first and keyword arguments after; it validates, writes, and returns plain
frozen dataclasses (never live ORM objects), or raises an error from ``sharedsvc_desktop.errors``.
"""
