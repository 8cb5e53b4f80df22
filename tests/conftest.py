"""Shared fixtures: every test gets a real SQLite database in a temporary data folder."""

from __future__ import annotations

import datetime as dt
import os
import tempfile

# Qt runs offscreen, and its settings go to a throwaway folder, never the developer's own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sharedsvc-test-config-")
os.environ.pop("SHAREDSVC_DATA_DIR", None)
os.environ.pop("SHAREDSVC_DATABASE_URL", None)
os.environ["SHAREDSVC_CHEAP_HASHES"] = "1"  # a fast Argon2id profile, for tests only

import pytest  # noqa: E402

from sharedsvc_desktop.storage import Database, open_database  # noqa: E402

# A fixed "today" for the demo so tests see the same school year every time.
DEMO_TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(data_dir) -> Database:
    database = open_database(data_dir)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db) -> Database:
    from sharedsvc_desktop.services.demo import load_demo

    with db.session() as s:
        load_demo(s, today=DEMO_TODAY)
    return db
