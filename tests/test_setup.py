"""First-run setup: complete_setup writes the two parties, their signatories and the schools in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from sharedsvc_desktop.errors import ConflictError, PermissionDenied, ValidationError
from sharedsvc_desktop.services.permissions import Actor
from sharedsvc_desktop.services.setup import complete_setup, needs_setup
from sharedsvc_desktop.services.sites import add_site

CHIEF = {"first_name": "Vernon", "last_name": "Riddick", "title": "Chief of Police"}
SUPT = {"first_name": "Tom", "last_name": "Moore", "title": "Interim Superintendent"}


def _setup(db, **overrides):
    values = {
        "police": "Town of West Hartford Police Department",
        "police_short_name": "WHPD",
        "district": "West Hartford Public Schools",
        "district_short_name": "WHPS",
        "chief": CHIEF,
        "superintendent": SUPT,
        "schools": [{"name": "Hall High School", "level": "high"}, "Aiken Elementary School",
                    {"name": "King Philip Middle School", "level": "middle"}],
    }
    values.update(overrides)
    with db.session() as s:
        return complete_setup(s, **values)


def _count(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_new_database_needs_setup_and_a_set_up_one_does_not(db):
    with db.read_session() as s:
        assert needs_setup(s)
    _setup(db)
    with db.read_session() as s:
        assert not needs_setup(s)


def test_one_site_is_enough_to_count_as_set_up(db):
    with db.session() as s:
        add_site(s, name="Hall High School")
    with db.read_session() as s:
        assert not needs_setup(s)


def test_complete_setup_writes_parties_signatories_and_schools(db):
    summary = _setup(db)
    with db.engine.connect() as conn:
        parties = conn.execute(text("SELECT id, name, short_name, kind, timezone FROM party ORDER BY kind")).all()
        people = conn.execute(text(
            "SELECT p.first_name, p.last_name, p.title, p.party_id, r.role, r.title, r.start_date, r.end_date "
            "FROM person p JOIN person_role r ON r.person_id = p.id ORDER BY r.role"
        )).all()
        sites = conn.execute(text(
            "SELECT name, level, in_district, party_id, timezone, active FROM site ORDER BY name"
        )).all()
    police, district = parties
    assert police[1:] == ("Town of West Hartford Police Department", "WHPD", "police_department",
                          "America/New_York")
    assert district[1:] == ("West Hartford Public Schools", "WHPS", "school_district", "America/New_York")
    chief, supt = people
    assert chief[:5] == ("Vernon", "Riddick", "Chief of Police", police[0], "chief")
    assert chief[5] == "Chief of Police" and chief[7] is None
    assert supt[:5] == ("Tom", "Moore", "Interim Superintendent", district[0], "superintendent")
    assert str(supt[6]) == dt.date.today().isoformat()
    assert [tuple(s) for s in sites] == [
        ("Aiken Elementary School", "other", 1, district[0], "America/New_York", 1),
        ("Hall High School", "high", 1, district[0], "America/New_York", 1),
        ("King Philip Middle School", "middle", 1, district[0], "America/New_York", 1),
    ]
    assert summary.police.id == police[0] and summary.district.id == district[0]
    assert [s.name for s in summary.schools] == ["Hall High School", "Aiken Elementary School",
                                                 "King Philip Middle School"]
    assert summary.superintendent.title == "Interim Superintendent"


def test_titles_default_and_names_in_any_script(db):
    _setup(
        db,
        police="Département de police de Sainte-Anne",
        chief={"first_name": "Zoë", "last_name": "Łukasiewicz", "title": "  "},
        superintendent={"first_name": "José", "last_name": "Núñez"},
        schools=["École Saint-Éloi", "", "   "],
        timezone="America/Chicago",
    )
    with db.engine.connect() as conn:
        titles = dict(conn.execute(text("SELECT last_name, title FROM person")).all())
        sites = conn.execute(text("SELECT name, timezone FROM site")).all()
        zones = {z for (z,) in conn.execute(text("SELECT timezone FROM party"))}
    assert titles == {"Łukasiewicz": "Chief of Police", "Núñez": "Superintendent of Schools"}
    assert [tuple(s) for s in sites] == [("École Saint-Éloi", "America/Chicago")]
    assert zones == {"America/Chicago"}


def test_every_bad_field_is_reported_at_once_and_nothing_is_written(db):
    with pytest.raises(ValidationError) as err:
        _setup(
            db,
            police="  ",
            district="",
            chief={"first_name": "", "last_name": "Riddick", "email": "not-an-address"},
            superintendent={"first_name": "Tom", "last_name": "x" * 101},
            schools=["Hall High School", "HALL HIGH SCHOOL", {"name": "Annex", "level": "university"}],
            timezone="Mars/Olympus_Mons",
        )
    fields = err.value.fields
    assert set(fields) == {"police", "district", "chief_first_name", "chief_email", "superintendent_last_name",
                           "schools", "timezone"}
    assert "listed twice" in fields["schools"] and "university" in fields["schools"]
    assert "Mars/Olympus_Mons" in fields["timezone"]
    for table in ("party", "person", "person_role", "site"):
        assert _count(db, table) == 0


def test_the_district_needs_a_name_of_its_own(db):
    with pytest.raises(ValidationError) as err:
        _setup(db, police="Norwich", district="NORWICH")
    assert set(err.value.fields) == {"district"}


def test_a_set_up_database_is_refused(db):
    _setup(db)
    with pytest.raises(ConflictError):
        _setup(db, police="Another PD", district="Another district", schools=[])
    assert _count(db, "party") == 2


def test_a_read_only_user_may_not_set_up(db):
    actor = Actor(user_id=1, username="viewer", role="read_only")
    with pytest.raises(PermissionDenied), db.session(actor=actor) as s:
        complete_setup(s, police="A PD", district="A district", chief=CHIEF, superintendent=SUPT)
    assert _count(db, "party") == 0


def test_a_failure_half_way_rolls_everything_back(db, monkeypatch):
    from sharedsvc_desktop.services import setup

    def broken_add_site(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(setup, "add_site", broken_add_site)
    with pytest.raises(RuntimeError):
        _setup(db)
    for table in ("party", "person", "person_role", "site"):
        assert _count(db, table) == 0
