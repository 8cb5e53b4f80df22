"""One search across agreements (number, title and the text of every clause), events, people, schools and the
Collaboration Team's meeting minutes, fast enough to run as the user types.

What is searched (one "document" per record: a title and a body):

=========  =================================================  ===================================================
kind       title                                              body
=========  =================================================  ===================================================
agreement  number and title                                   (nothing: the clauses are documents of their own)
clause     the section heading                                the section text (every version of the agreement)
event      title                                              requester, notes, event type
person     first and last name                                job title, e-mail, badge number (for an officer)
school     the site's name                                    address, principal
meeting    "Collaboration Team meeting YYYY-MM-DD"            location, minutes, decisions, recommendations
=========  =================================================  ===================================================

How:

- **SQLite**: the FTS5 table ``search_fts`` (migration 0003), kept in sync by triggers on the source tables, so
  a record is findable the moment its transaction commits. The rowid says what a row is:
  ``record_id * 8 + kind number``. Ranking is BM25 with the title weighted ten times the body.
- **PostgreSQL**: the server's own full-text search at query time (``to_tsvector('simple', ...)`` against
  ``to_tsquery('simple', 'word:* & ...')``, ranked by ``ts_rank`` with the title in weight A and the body in B).
  No index or trigger is created: the searched tables hold thousands of rows, not millions, and a sequential scan
  answers in milliseconds. (Should that change, a GIN index on the same expressions can be added by a migration.)

Every word typed must appear (as a word or the start of one: "supervis" finds "Supervision"); case and, on
SQLite, accents are ignored. A hit in a clause is reported as its agreement (the best-ranked hit per agreement
wins), and agreement hits weigh three times as much as others (``KIND_WEIGHTS``), so a word that appears in one
clause finds that agreement first, even when an event's notes mention it too.

Results carry the ``kind`` a window opens: "agreement", "event", "person", "officer" (a person who is an officer:
``record_id`` is the officer's id), "school" and "meeting".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import desc, func, literal, literal_column, select, union_all
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.models import (
    Agreement,
    AgreementSection,
    AgreementVersion,
    Event,
    Meeting,
    Officer,
    Party,
    Person,
    Site,
)
from sharedsvc_desktop.timeutil import utc_to_local

KIND_NUMBERS = {"agreement": 1, "clause": 2, "event": 3, "person": 4, "school": 5, "meeting": 6}
_KIND_BY_NUMBER = {v: k for k, v in KIND_NUMBERS.items()}
KIND_LABELS = {
    "agreement": "Agreement",
    "event": "Event",
    "person": "Person",
    "officer": "Officer",
    "school": "School",
    "meeting": "Meeting",
}
#: Agreements are what this program is about: their hits count for more than a passing mention elsewhere.
KIND_WEIGHTS = {"agreement": 3.0, "clause": 3.0}
MAX_WORDS = 8
DEFAULT_LIMIT = 25
_WORD = re.compile(r"[^\W_]+")

#: The documents as SQLite SQL (kept in step with migration 0003, which wrote the same in its triggers).
_SQLITE_DOCUMENTS: dict[str, str] = {
    "agreement": "SELECT r.id * 8 + 1, r.number || ' ' || r.title, '' FROM agreement r",
    "agreement_section": "SELECT r.id * 8 + 2, r.heading, r.body FROM agreement_section r",
    "event": (
        "SELECT r.id * 8 + 3, r.title, coalesce(r.requester_name, '') || ' ' || coalesce(r.notes, '') || ' ' || "
        "coalesce(r.event_type, '') FROM event r"
    ),
    "person": (
        "SELECT r.id * 8 + 4, r.first_name || ' ' || r.last_name, coalesce(r.title, '') || ' ' || "
        "coalesce(r.email, '') || ' ' || coalesce((SELECT o.badge_number FROM officer o WHERE o.person_id = r.id), "
        "'') FROM person r"
    ),
    "site": (
        "SELECT r.id * 8 + 5, r.name, coalesce(r.address, '') || ' ' || coalesce(r.principal_name, '') FROM site r"
    ),
    "meeting": (
        "SELECT r.id * 8 + 6, 'Collaboration Team meeting ' || r.held_on, coalesce(r.location, '') || ' ' || "
        "coalesce(r.minutes, '') || ' ' || coalesce(r.decisions, '') || ' ' || coalesce(r.recommendations, '') "
        "FROM meeting r"
    ),
}


@dataclass(frozen=True)
class SearchHit:
    kind: str  # agreement, event, person, officer, school, meeting
    record_id: int
    title: str
    detail: str  # one line: what and where ("AGR-2022-014 · Executed · ...")
    snippet: str  # the words around the first match in the body ("" when the title matched)
    score: float  # higher is better
    active: bool = True

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def query_words(text_: str) -> list[str]:
    """The words of what was typed, as the index splits them (letters and digits; at most ``MAX_WORDS``)."""
    return _WORD.findall((text_ or "").casefold())[:MAX_WORDS]


def search(session: Session, *, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """The records that contain every word of ``text`` (the last one may be unfinished), best first."""
    words = query_words(text)
    if not words:
        return []
    limit = max(1, min(int(limit), 200))
    fetch = limit * 4 + 20  # clauses of one agreement collapse into one hit
    if session.get_bind().dialect.name == "sqlite":
        raw = _sqlite_hits(session, words, fetch)
    else:
        raw = _server_hits(session, words, fetch)
    return _present(session, raw, words, limit)


# ------------------------------------------------------------------------------------------------ SQLite


def _sqlite_hits(session: Session, words: list[str], fetch: int) -> list[tuple[str, int, str, str, float]]:
    match = " ".join(f'"{w}"*' for w in words)
    rows = session.execute(
        sql_text("SELECT rowid, title, body, bm25(search_fts, 10.0, 1.0) AS score FROM search_fts "
             "WHERE search_fts MATCH :q ORDER BY score LIMIT :n"),
        {"q": match, "n": fetch},
    ).all()
    out = []
    for rowid, title, body, score in rows:
        kind = _KIND_BY_NUMBER.get(int(rowid) % 8)
        if kind is None:
            continue
        out.append((kind, int(rowid) // 8, title or "", body or "", -float(score)))  # bm25: lower is better
    return out


def rebuild_search_index(session: Session) -> int:
    """Fill the SQLite index again from the records (after a repair or a bulk copy). Returns documents indexed.
    Nothing to do on a server database."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    session.execute(sql_text("DELETE FROM search_fts"))
    for sql in _SQLITE_DOCUMENTS.values():
        session.execute(sql_text(f"INSERT INTO search_fts(rowid, title, body) {sql}"))
    return int(session.execute(sql_text("SELECT count(*) FROM search_fts")).scalar() or 0)


def expected_index(session: Session) -> set[tuple[int, str, str]]:
    """What the SQLite index should hold, computed from the records (rowid, title, body): for checks."""
    out: set[tuple[int, str, str]] = set()
    for sql in _SQLITE_DOCUMENTS.values():
        out.update((int(r), t or "", b or "") for r, t, b in session.execute(sql_text(sql)))
    return out


def stored_index(session: Session) -> set[tuple[int, str, str]]:
    return {(int(r), t or "", b or "") for r, t, b in session.execute(sql_text("SELECT rowid, title, body FROM search_fts"))}


# ------------------------------------------------------------------------------------------------ PostgreSQL


def _server_documents() -> Any:
    def cat(*parts: Any) -> Any:
        return func.concat_ws(" ", *parts)

    badge = select(Officer.badge_number).where(Officer.person_id == Person.id).scalar_subquery()
    return union_all(
        select(literal("agreement").label("kind"), Agreement.id.label("rid"),
               cat(Agreement.number, Agreement.title).label("title"), literal("").label("body")),
        select(literal("clause"), AgreementSection.id, AgreementSection.heading, AgreementSection.body),
        select(literal("event"), Event.id, Event.title, cat(Event.requester_name, Event.notes, Event.event_type)),
        select(literal("person"), Person.id, cat(Person.first_name, Person.last_name),
               cat(Person.title, Person.email, badge)),
        select(literal("school"), Site.id, Site.name, cat(Site.address, Site.principal_name)),
        select(literal("meeting"), Meeting.id,
               cat(literal("Collaboration Team meeting"), func.to_char(Meeting.held_on, "YYYY-MM-DD")),
               cat(Meeting.location, Meeting.minutes, Meeting.decisions, Meeting.recommendations)),
    ).subquery("docs")


def _server_hits(session: Session, words: list[str], fetch: int) -> list[tuple[str, int, str, str, float]]:
    docs = _server_documents()
    config = literal_column("'simple'::regconfig")
    vector = func.setweight(func.to_tsvector(config, func.coalesce(docs.c.title, "")), literal_column("'A'")).op(
        "||")(func.setweight(func.to_tsvector(config, func.coalesce(docs.c.body, "")), literal_column("'B'")))
    query = func.to_tsquery(config, " & ".join(f"{w}:*" for w in words))
    score = func.ts_rank(vector, query).label("score")
    rows = session.execute(
        select(docs.c.kind, docs.c.rid, docs.c.title, docs.c.body, score)
        .where(vector.op("@@")(query))
        .order_by(desc("score"), docs.c.kind, docs.c.rid)
        .limit(fetch)
    ).all()
    return [(kind, int(rid), title or "", body or "", float(s)) for kind, rid, title, body, s in rows]


# ------------------------------------------------------------------------------------------------ presenting


def _snippet(body: str, words: list[str], width: int = 110) -> str:
    flat = " ".join(body.split())
    if not flat:
        return ""
    folded = flat.casefold()
    at = -1
    for w in words:
        m = re.search(rf"(?<![^\W_]){re.escape(w)}", folded)
        if m and (at < 0 or m.start() < at):
            at = m.start()
    if at < 0:
        return ""
    start = max(0, at - width // 3)
    if start:
        begin = flat.rfind(" ", 0, start) + 1
        start = begin if start - begin < 20 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _title_matches(title: str, words: list[str]) -> bool:
    folded = _WORD.findall(title.casefold())
    return all(any(t.startswith(w) for t in folded) for w in words)


def _present(
    session: Session, raw: list[tuple[str, int, str, str, float]], words: list[str], limit: int
) -> list[SearchHit]:
    # clauses -> their agreement (best hit per agreement)
    section_ids = [rid for kind, rid, *_ in raw if kind == "clause"]
    section_agreement: dict[int, tuple[int, str]] = {}
    if section_ids:
        for sid, aid, heading in session.execute(
            select(AgreementSection.id, AgreementVersion.agreement_id, AgreementSection.heading)
            .join(AgreementVersion, AgreementSection.version_id == AgreementVersion.id)
            .where(AgreementSection.id.in_(section_ids))
        ):
            section_agreement[sid] = (aid, heading)
    best: dict[tuple[str, int], tuple[float, str, str]] = {}  # (kind, id) -> (score, clause heading, snippet)
    order: list[tuple[str, int]] = []
    for kind, rid, title, body, score in raw:
        score *= KIND_WEIGHTS.get(kind, 1.0)
        clause = ""
        if kind == "clause":
            found = section_agreement.get(rid)
            if found is None:
                continue
            kind, rid, clause = "agreement", found[0], found[1]
            snippet = _snippet(f"{title}. {body}", words)
        else:
            snippet = "" if _title_matches(title, words) else _snippet(body, words)
        key = (kind, rid)
        if key not in best:
            order.append(key)
            best[key] = (score, clause, snippet)
        elif score > best[key][0]:
            best[key] = (score, clause, snippet)
    ranked = sorted(order, key=lambda k: -best[k][0])
    details = _details(session, ranked)
    hits: list[SearchHit] = []
    for key in ranked:
        info = details.get(key)
        if info is None:  # removed since it was indexed
            continue
        score, clause, snippet = best[key]
        kind, record_id, title, detail, active = info
        if clause:
            detail = f"{detail} · clause “{clause}”" if detail else f"clause “{clause}”"
        hits.append(SearchHit(kind, record_id, title, detail, snippet, round(score, 6), active))
        if len(hits) >= limit:
            break
    return hits


def _details(session: Session, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, int, str, str, bool]]:
    """(kind, id) -> (kind shown, record id shown, title, detail line, active)."""
    by_kind: dict[str, list[int]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, []).append(rid)
    out: dict[tuple[str, int], tuple[str, int, str, str, bool]] = {}
    if ids := by_kind.get("agreement"):
        from sharedsvc_desktop.services.agreements import agreement_rows

        for a in agreement_rows(session, ids):
            detail = " · ".join(x for x in (a.number, a.status_label, a.parties) if x)
            out[("agreement", a.id)] = ("agreement", a.id, a.title, detail, a.active)
    if ids := by_kind.get("event"):
        for e, site_name in session.execute(
            select(Event, Site.name).join(Site, Event.site_id == Site.id).where(Event.id.in_(ids))
        ):
            start = utc_to_local(e.starts_at, e.timezone)
            detail = f"{start:%a %d %b %Y %H:%M} · {site_name} · {EVENT_STATUSES.get(e.status, e.status)}"
            out[("event", e.id)] = ("event", e.id, e.title, detail, e.status != "cancelled")
    if ids := by_kind.get("person"):
        for p, party_name, officer_id, badge, rank in session.execute(
            select(Person, Party.short_name, Officer.id, Officer.badge_number, Officer.rank)
            .outerjoin(Party, Person.party_id == Party.id)
            .outerjoin(Officer, Officer.person_id == Person.id)
            .where(Person.id.in_(ids))
        ):
            name = p.full_name
            if officer_id is not None:
                detail = " · ".join(x for x in (f"{rank}, badge {badge}", party_name or "") if x)
                out[("person", p.id)] = ("officer", officer_id, name, detail, p.active)
            else:
                detail = " · ".join(x for x in (p.title, party_name or "") if x)
                out[("person", p.id)] = ("person", p.id, name, detail, p.active)
    if ids := by_kind.get("school"):
        for site, party_name in session.execute(
            select(Site, Party.short_name).outerjoin(Party, Site.party_id == Party.id).where(Site.id.in_(ids))
        ):
            detail = " · ".join(x for x in (" ".join(site.address.split()), party_name or "") if x)
            out[("school", site.id)] = ("school", site.id, site.name, detail, site.active)
    if ids := by_kind.get("meeting"):
        for m, number in session.execute(
            select(Meeting, Agreement.number).outerjoin(Agreement, Meeting.agreement_id == Agreement.id)
            .where(Meeting.id.in_(ids))
        ):
            title = f"Collaboration Team meeting, {_long(m.held_on)}"
            detail = " · ".join(x for x in (m.location, number or "") if x)
            out[("meeting", m.id)] = ("meeting", m.id, title, detail, True)
    return out


def _long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"

