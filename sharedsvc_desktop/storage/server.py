"""A shared PostgreSQL server: checking a connection, and keeping its password out of plain settings.

The password lives in the operating system's keyring (the ``keyring`` package: Windows Credential Manager, the
macOS Keychain, the Secret Service on Linux) or, where there is none, in the user's own ``.pgpass`` file, which
libpq reads by itself. Settings only ever hold the address without the password.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from sharedsvc_desktop.errors import StorageError, ValidationError

KEYRING_SERVICE = "SharedServicesDesktop"


def parse_server_url(url: str) -> URL:
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise ValidationError({"url": f"“{url}” is not a database address "
                                      "(postgresql+psycopg://user@host/database)."}) from exc
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError({"url": "Only PostgreSQL servers can be shared (postgresql+psycopg://...)."})
    if not parsed.database:
        raise ValidationError({"url": "Name the database at the end of the address (…/sharedsvc)."})
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def without_password(url: URL) -> str:
    return url._replace(password=None).render_as_string(hide_password=False)


def test_connection(url: str, password: str | None = None) -> str:
    """Connect once and return the server's version, or raise a clear error."""
    parsed = parse_server_url(url)
    if password:
        parsed = parsed.set(password=password)
    engine = create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar())
    except DBAPIError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StorageError(f"Could not connect to {without_password(parsed)}: {reason}") from exc
    except ModuleNotFoundError as exc:
        raise StorageError("The PostgreSQL driver is not installed: pip install 'psycopg[binary]'.") from exc
    finally:
        engine.dispose()


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
        from keyring.errors import KeyringError
    except ModuleNotFoundError:
        return None, Exception
    return keyring, KeyringError


def store_password(url: str, password: str) -> str:
    """Keep the password in the system keyring. Returns where it went, or raises with the .pgpass alternative."""
    keyring, error = _keyring()
    key = without_password(parse_server_url(url))
    if keyring is not None:
        try:
            backend = keyring.get_keyring()
            if "fail" not in type(backend).__module__:
                keyring.set_password(KEYRING_SERVICE, key, password)
                return f"the system keyring ({type(backend).__name__})"
        except error:
            pass
    raise StorageError(
        "This computer has no keyring to keep the password safely. Put it in your .pgpass file instead "
        "(host:port:database:user:password, readable only by you); the program then connects without it."
    )


def stored_password(url: str) -> str | None:
    keyring, error = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, without_password(parse_server_url(url)))
    except error:
        return None


def url_with_stored_password(url: str) -> str:
    parsed = parse_server_url(url)
    password = stored_password(url)
    if password and not parsed.password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)
