"""Storage: the engine and its connection settings, migrations, backups.

``Database`` and ``open_database`` load SQLAlchemy, so they are imported on first use: the window can show its
sign-in dialog (and ``storage.lock`` or ``storage.migrate`` can be used) before the database layer loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sharedsvc_desktop.storage.engine import Database, open_database

__all__ = ["Database", "open_database"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sharedsvc_desktop.storage import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
