"""Storage: the engine and its connection settings, migrations, backups."""

from sharedsvc_desktop.storage.engine import Database, open_database

__all__ = ["Database", "open_database"]
