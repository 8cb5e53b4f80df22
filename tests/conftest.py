"""Shared fixtures: every test gets a real database of its own.

By default a SQLite file in a temporary data folder. With ``SHAREDSVC_TEST_DATABASE_URL`` set to a PostgreSQL
server (``bash scripts/test-postgres.sh start`` prints one), ``db`` and ``demo_db`` are fresh databases on that
server instead, cloned from templates migrated (and filled with the demo) once per run; tests marked
``sqlite_only`` (file backups, kill -9, SQLite pragmas) are skipped there with their reason.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid

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
SERVER_URL = os.environ.get("SHAREDSVC_TEST_DATABASE_URL", "")
ON_SERVER = bool(SERVER_URL)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): needs a SQLite file (skipped on a server database)")


def pytest_collection_modifyitems(config, items):
    if not ON_SERVER:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "needs a SQLite file"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


FIGURES: list[str] = []  # robustness figures the tests measured, printed at the end of the run


def report_figure(text: str) -> None:
    FIGURES.append(text)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if FIGURES:
        terminalreporter.section("figures measured by the robustness tests")
        for line in FIGURES:
            terminalreporter.write_line(line)


def pytest_report_header(config):
    return f"database: {'PostgreSQL server ' + SERVER_URL if ON_SERVER else 'SQLite files'}"


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


class _Server:
    """Creates databases on the test server from two templates: migrated, and migrated with the demo."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(url)
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT")
        self.prefix = f"t{uuid.uuid4().hex[:8]}"
        self.templates: dict[str, str] = {}

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def template(self, kind: str, data_dir) -> str:
        if kind not in self.templates:
            name = f"{self.prefix}_{kind}"
            self._execute(f'CREATE DATABASE "{name}"')
            db = open_database(data_dir, self.url(name))
            if kind == "demo":
                from sharedsvc_desktop.services.demo import load_demo

                with db.session() as s:
                    load_demo(s, today=DEMO_TODAY, oversight=False)  # see demo_db
            db.dispose()
            self.templates[kind] = name
        return self.templates[kind]

    def create(self, kind: str, data_dir) -> str:
        template = self.template(kind, data_dir)
        name = f"{self.prefix}_{uuid.uuid4().hex[:10]}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        for name in self.templates.values():
            self.drop(name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if not ON_SERVER:
        yield None
        return
    srv = _Server(SERVER_URL)
    yield srv
    srv.close()


def _server_db(server, kind, data_dir):
    name = server.create(kind, data_dir)
    database = open_database(data_dir, server.url(name))
    try:
        yield database
    finally:
        database.dispose()
        server.drop(name)


@pytest.fixture
def db(data_dir, server) -> Database:
    if server is not None:
        yield from _server_db(server, "empty", data_dir)
        return
    database = open_database(data_dir)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(data_dir, server, request) -> Database:
    if server is not None:
        yield from _server_db(server, "demo", data_dir)
        return
    from sharedsvc_desktop.services.demo import load_demo

    database = request.getfixturevalue("db")
    with database.session() as s:
        # the demo's parties, schools, officers, events and hours; the oversight tests build their team, meetings
        # and quarterly figures from nothing (test_demo checks the full sample)
        load_demo(s, today=DEMO_TODAY, oversight=False)
    yield database


@pytest.fixture
def other_db(tmp_path, server) -> Database:
    """A second, empty database of the same kind as ``db`` (never the same one as ``db`` or ``demo_db``)."""
    folder = tmp_path / "other"
    folder.mkdir()
    if server is not None:
        yield from _server_db(server, "empty", folder)
        return
    database = open_database(folder)
    yield database
    database.dispose()


def raw_sql(db, sql: str, *params: object) -> list[tuple]:
    """Run SQL straight through the database driver, around the program's own code: for tests that check what was
    really stored. Write ``?`` placeholders; values come back as SQLite stores them (dates and times as ISO text,
    booleans as 0/1), whichever database the tests run on."""
    import datetime as _dt
    import decimal

    connection = db.read_engine.raw_connection()
    try:
        cursor = connection.cursor()
        if db.is_sqlite:
            cursor.execute(sql, params)
            return cursor.fetchall()
        cursor.execute(sql.replace("%", "%%").replace("?", "%s"), params)

        def plain(value):
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, _dt.datetime):
                return value.strftime("%Y-%m-%d %H:%M:%S.%f")
            if isinstance(value, _dt.date | _dt.time):
                return value.isoformat() if not isinstance(value, _dt.time) else value.strftime("%H:%M:%S.%f")
            if isinstance(value, decimal.Decimal):
                return int(value) if value == value.to_integral_value() else float(value)
            return value

        return [tuple(plain(v) for v in row) for row in cursor.fetchall()]
    finally:
        connection.rollback()
        connection.close()
