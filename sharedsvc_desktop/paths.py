"""Where things live: the data folder, the database file, backups and the bundled resources."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sharedsvc_desktop import APP_NAME

DATA_DIR_ENV = "SHAREDSVC_DATA_DIR"
DATABASE_URL_ENV = "SHAREDSVC_DATABASE_URL"
DB_FILENAME = "sharedsvc.sqlite3"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` first, then ``SHAREDSVC_DATA_DIR``, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def resource_path(*parts: str) -> Path:
    """A file shipped in ``resources/`` (installed as the ``sharedsvc_desktop.resources`` package)."""
    try:
        base = Path(str(resources.files("sharedsvc_desktop.resources")))
    except ModuleNotFoundError:  # running from a source tree that was not installed
        base = Path(__file__).resolve().parent.parent / "resources"
    return base.joinpath(*parts)
