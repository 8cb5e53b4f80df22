"""One search box: a full-text index over agreements (and their clauses), events, people, schools and minutes.

On SQLite: an FTS5 table ``search_fts(title, body)`` whose rowid encodes what a row stands for
(``record_id * 8 + kind``: 1 agreement, 2 clause (agreement_section), 3 event, 4 person, 5 school/site,
6 meeting), filled from the existing rows and kept in sync by triggers on the source tables.

On PostgreSQL nothing is created: ``services/search.py`` uses the server's own full-text search
(``to_tsvector``/``to_tsquery`` with ``ts_rank``) over the same documents at query time.

Keep ``services/search.py`` (``_SQLITE_DOCUMENTS``) in step with the documents below; a later migration that
rebuilds one of these tables in batch mode drops its triggers and must create them again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# table -> (kind number, title expression, body expression, columns whose change re-indexes the row);
# expressions are written against a row alias "r".
DOCUMENTS: dict[str, tuple[int, str, str, tuple[str, ...]]] = {
    "agreement": (
        1, "r.number || ' ' || r.title", "''", ("number", "title"),
    ),
    "agreement_section": (
        2, "r.heading", "r.body", ("heading", "body"),
    ),
    "event": (
        3, "r.title",
        "coalesce(r.requester_name, '') || ' ' || coalesce(r.notes, '') || ' ' || coalesce(r.event_type, '')",
        ("title", "requester_name", "notes", "event_type"),
    ),
    "person": (
        4, "r.first_name || ' ' || r.last_name",
        "coalesce(r.title, '') || ' ' || coalesce(r.email, '') || ' ' || "
        "coalesce((SELECT o.badge_number FROM officer o WHERE o.person_id = r.id), '')",
        ("first_name", "last_name", "title", "email"),
    ),
    "site": (
        5, "r.name", "coalesce(r.address, '') || ' ' || coalesce(r.principal_name, '')",
        ("name", "address", "principal_name"),
    ),
    "meeting": (
        6, "'Collaboration Team meeting ' || r.held_on",
        "coalesce(r.location, '') || ' ' || coalesce(r.minutes, '') || ' ' || coalesce(r.decisions, '') || ' ' "
        "|| coalesce(r.recommendations, '')",
        ("held_on", "location", "minutes", "decisions", "recommendations"),
    ),
}


def _select(table: str, where: str = "") -> str:
    kind, title, body, _cols = DOCUMENTS[table]
    return (f"SELECT r.id * 8 + {kind}, {title}, {body} FROM {table} r" + (f" WHERE {where}" if where else ""))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for table, (kind, _title, _body, cols) in DOCUMENTS.items():
        op.execute(f"INSERT INTO search_fts(rowid, title, body) {_select(table)}")
        insert = f"INSERT INTO search_fts(rowid, title, body) {_select(table, 'r.id = new.id')};"
        op.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {', '.join(cols)} ON {table} BEGIN "
            f"DELETE FROM search_fts WHERE rowid = old.id * 8 + {kind}; {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_fts WHERE rowid = old.id * 8 + {kind}; END"
        )
    # a person's badge number is part of the person's document
    person_kind = DOCUMENTS["person"][0]
    refresh = (
        f"DELETE FROM search_fts WHERE rowid = {{row}}.person_id * 8 + {person_kind}; "
        f"INSERT INTO search_fts(rowid, title, body) {_select('person', 'r.id = {row}.person_id')};"
    )
    op.execute(
        "CREATE TRIGGER search_officer_ai AFTER INSERT ON officer BEGIN " + refresh.format(row="new") + " END"
    )
    op.execute(
        "CREATE TRIGGER search_officer_au AFTER UPDATE OF badge_number, person_id ON officer BEGIN "
        + refresh.format(row="old") + " " + refresh.format(row="new") + " END"
    )
    op.execute(
        "CREATE TRIGGER search_officer_ad AFTER DELETE ON officer BEGIN " + refresh.format(row="old") + " END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in (*DOCUMENTS, "officer"):
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_fts")
