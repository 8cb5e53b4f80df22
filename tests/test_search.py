"""One search box: agreements (clause text too), events, people, schools and minutes; FTS5 on SQLite, the server's
own full-text search on PostgreSQL (these tests run on both)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from sharedsvc_desktop.models import Person
from sharedsvc_desktop.services import search, sites, team
from tests.conftest import raw_sql


def _hits(db, text):
    with db.read_session() as s:
        return search.search(s, text=text)


def _clauses_with(db, word):
    """(section id, agreement id) of every clause whose text holds ``word`` as a word (checked here, in Python)."""
    rows = raw_sql(db, "SELECT s.id, v.agreement_id, s.heading, s.body FROM agreement_section s "
                       "JOIN agreement_version v ON v.id = s.version_id")
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return [(sid, aid) for sid, aid, heading, body in rows if pattern.search(f"{heading} {body}")]


@pytest.mark.parametrize("word", ["taxpayer", "laptops", "Supervision", "liaisons"])
def test_a_word_in_one_clause_finds_that_agreement_first(demo_db, word):
    found = _clauses_with(demo_db, word)
    assert len(found) == 1, found  # the word is in exactly one clause of the demo
    agreement_id = found[0][1]
    hits = _hits(demo_db, word)
    assert hits and (hits[0].kind, hits[0].record_id) == ("agreement", agreement_id)
    assert word.casefold() in hits[0].snippet.casefold()
    assert "clause" in hits[0].detail


def test_clause_hit_beats_other_records_and_collapses_per_agreement(demo_db):
    # an event whose notes mention the same word ranks below the agreement whose clause is about it
    with demo_db.session() as s:
        from sharedsvc_desktop.services import events

        site_id = raw_sql(demo_db, "SELECT id FROM site WHERE name = ?", "Hall High School")[0][0]
        events.request_event(s, site_id=site_id, event_type="other", title="Board meeting",
                             local_start=dt.datetime(2027, 3, 2, 18), local_end=dt.datetime(2027, 3, 2, 20),
                             notes="liaisons from the district will attend")
    hits = _hits(demo_db, "liaisons")
    kinds = [(h.kind, h.record_id) for h in hits]
    (agreement_id,) = {aid for _sid, aid in _clauses_with(demo_db, "liaisons")}
    assert kinds[0] == ("agreement", agreement_id)
    assert any(k == "event" for k, _ in kinds)
    assert len(kinds) == len(set(kinds))  # one result per record


def test_people_officers_schools_events_and_minutes_are_found(demo_db):
    badge, first, last = raw_sql(
        demo_db, "SELECT o.badge_number, p.first_name, p.last_name FROM officer o JOIN person p ON p.id = o.person_id "
                 "WHERE o.badge_number = ?", "W2203")[0]
    officer_id = raw_sql(demo_db, "SELECT id FROM officer WHERE badge_number = ?", badge)[0][0]
    assert ("officer", officer_id) in [(h.kind, h.record_id) for h in _hits(demo_db, badge)]
    assert ("officer", officer_id) in [(h.kind, h.record_id) for h in _hits(demo_db, f"{first} {last[:3]}")]
    doyle = raw_sql(demo_db, "SELECT id FROM person WHERE last_name = ?", "Doyle")[0][0]
    assert ("person", doyle) in [(h.kind, h.record_id) for h in _hits(demo_db, "doyle network")]
    conard = raw_sql(demo_db, "SELECT id FROM site WHERE name = ?", "Conard High School")[0][0]
    assert _hits(demo_db, "conard")[0].kind == "school" and _hits(demo_db, "conard")[0].record_id == conard
    proms = {r[0] for r in raw_sql(demo_db, "SELECT id FROM event WHERE title = ?", "Senior prom")}
    assert proms and proms <= {h.record_id for h in _hits(demo_db, "prom") if h.kind == "event"}
    # minutes of a team meeting
    with demo_db.session() as s:
        agreement_id = raw_sql(demo_db, "SELECT id FROM agreement WHERE number = ?", "AGR-2022-014")[0][0]
        people = s.scalars(select(Person.id).where(Person.last_name.in_(["Reyes", "Marsh"]))).all()
        members = [team.add_team_member(s, person_id=p, agreement_id=agreement_id).id for p in people]
        meeting = team.record_meeting(s, held_on="2026-10-14", attendee_ids=members, agreement_id=agreement_id,
                                      location="Town Hall", minutes="Reviewed the restorative circles pilot.")
    hits = _hits(demo_db, "restorative circ")
    assert (hits[0].kind, hits[0].record_id) == ("meeting", meeting.id)
    assert "restorative circles" in hits[0].snippet


def test_nothing_typed_or_nothing_found(demo_db):
    assert _hits(demo_db, "") == []
    assert _hits(demo_db, "  ,;  ") == []
    assert _hits(demo_db, "zzqxv") == []
    # characters with a meaning in query syntax are only text
    assert isinstance(_hits(demo_db, 'prom" OR * NEAR( -x:'), list)


def test_index_follows_edits(demo_db):
    site_id = raw_sql(demo_db, "SELECT id FROM site WHERE name = ?", "Bristow Middle School")[0][0]
    with demo_db.read_session() as s:
        row = sites.get_site(s, site_id=site_id)
    with demo_db.session() as s:
        sites.update_site(s, site_id=site_id, name="Quillfeather Academy", level=row.level,
                          in_district=row.in_district, address=row.address, principal_name=row.principal_name)
    assert [(h.kind, h.record_id) for h in _hits(demo_db, "quillfeather")] == [("school", site_id)]
    assert all(h.record_id != site_id for h in _hits(demo_db, "bristow") if h.kind == "school")
    # a new person is found at once; a badge number follows its officer
    from sharedsvc_desktop.services import officers

    with demo_db.session() as s:
        o = officers.add_officer(s, first_name="Zebulon", last_name="Okonkwo", badge_number="Z999")
    assert ("officer", o.id) in [(h.kind, h.record_id) for h in _hits(demo_db, "zebulon")]
    assert ("officer", o.id) in [(h.kind, h.record_id) for h in _hits(demo_db, "Z999")]
    if demo_db.is_sqlite:
        with demo_db.read_session() as s:
            assert search.stored_index(s) == search.expected_index(s)


@pytest.mark.sqlite_only("the FTS5 index is SQLite's")
def test_sqlite_index_matches_the_records_and_rebuilds(demo_db):
    with demo_db.read_session() as s:
        stored, expected = search.stored_index(s), search.expected_index(s)
    assert stored == expected and len(stored) > 100
    with demo_db.session() as s:
        n = search.rebuild_search_index(s)
    assert n == len(expected)
    # deleting a row (tests only: the program deactivates) removes it from the index
    with demo_db.session() as s:
        from sqlalchemy import text

        s.execute(text("DELETE FROM meeting WHERE id = -1"))
        clause_id = raw_sql(demo_db, "SELECT id FROM agreement_section ORDER BY id LIMIT 1")[0][0]
        s.execute(text("UPDATE agreement_section SET body = 'Xylophonic terms' WHERE id = :i"), {"i": clause_id})
    assert _hits(demo_db, "xylophonic")[0].kind == "agreement"
    with demo_db.read_session() as s:
        assert search.stored_index(s) == search.expected_index(s)
