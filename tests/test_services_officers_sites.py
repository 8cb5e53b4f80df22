"""Officers and sites through the service functions, against a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from sharedsvc_desktop.errors import ConflictError, NotFoundError, ValidationError
from sharedsvc_desktop.services import officers, sites
from tests.conftest import raw_sql

TODAY = dt.date(2026, 11, 23)


def raw_rows(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def count(db, table: str) -> int:
    return raw_rows(db, f"SELECT count(*) FROM {table}")[0][0]


def add(db, **values: object) -> officers.OfficerRow:
    values.setdefault("first_name", "Pat")
    values.setdefault("last_name", "Morgan")
    with db.session() as s:
        return officers.add_officer(s, **values)  # type: ignore[arg-type]


def train(db, officer_id: int, kind: str, completed: dt.date, expires: dt.date | None = None) -> None:
    with db.session() as s:
        officers.add_qualification(s, officer_id=officer_id, kind=kind, completed_on=completed, expires_on=expires)


def fully_trained(db, officer_id: int) -> None:
    train(db, officer_id, "sro_basic", dt.date(2020, 3, 1))
    train(db, officer_id, "sel_restorative", dt.date(2025, 9, 1), dt.date(2027, 9, 1))


def row(db, officer_id: int, today: dt.date = TODAY) -> officers.OfficerRow:
    with db.read_session() as s:
        return officers.officer_rows(s, [officer_id], today=today)[0]


def refused(call, db) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        with db.session() as s:
            call(s)
    return caught.value


# ------------------------------------------------------------------------------------------------ officers


def test_add_officer_stores_every_field(db):
    added = add(
        db,
        first_name="  Maria ",
        last_name="Alvarez",
        badge_number="B-101",
        rank="Sergeant",
        hire_date="2015-06-01",
        probation_end="2016-06-01",
        email="malvarez@pd.example.org",
        phone="(860) 555-0101",
        is_supervisor=True,
    )
    assert (added.first_name, added.last_name, added.full_name) == ("Maria", "Alvarez", "Maria Alvarez")
    stored = raw_rows(
        db,
        "SELECT p.first_name, p.last_name, p.email, p.phone, p.active, o.badge_number, o.rank, o.status, "
        "o.hire_date, o.probation_end, o.is_supervisor FROM officer o JOIN person p ON p.id = o.person_id "
        "WHERE o.id = ?",
        added.id,
    )
    assert stored == [
        ("Maria", "Alvarez", "malvarez@pd.example.org", "(860) 555-0101", 1, "B-101", "Sergeant", "active",
         "2015-06-01", "2016-06-01", 1)
    ]


def test_update_officer(db):
    a = add(db, first_name="Ann", last_name="Old", badge_number="A-1")
    add(db, first_name="Bob", last_name="Other", badge_number="B-2")
    with db.session() as s:
        # keeping one's own badge is not a clash
        updated = officers.update_officer(
            s, officer_id=a.id, first_name="Ann", last_name="New", badge_number="A-1", status="on_leave",
            email="ann@pd.example.org",
        )
    assert (updated.last_name, updated.status, updated.email) == ("New", "on_leave", "ann@pd.example.org")
    assert raw_rows(db, "SELECT last_name, active FROM person WHERE id = ?", a.person_id) == [("New", 1)]
    # taking someone else's badge is
    error = refused(
        lambda s: officers.update_officer(s, officer_id=a.id, first_name="Ann", last_name="New", badge_number="B-2"),
        db,
    )
    assert set(error.fields) == {"badge_number"}
    assert "Bob Other" in error.fields["badge_number"]
    assert raw_rows(db, "SELECT badge_number FROM officer WHERE id = ?", a.id) == [("A-1",)]


def test_update_of_a_missing_officer(db):
    with pytest.raises(NotFoundError, match="Officer 999"):
        with db.session() as s:
            officers.update_officer(s, officer_id=999, first_name="X", last_name="Y", badge_number="Z")


def test_every_bad_officer_field_is_named_at_once(db):
    error = refused(
        lambda s: officers.add_officer(
            s,
            first_name="",
            last_name="   ",
            badge_number="",
            status="retired",
            hire_date="2026-13-45",
            probation_end="soon",
            email="not-an-address",
        ),
        db,
    )
    assert set(error.fields) == {
        "first_name", "last_name", "badge_number", "status", "hire_date", "probation_end", "email"
    }
    assert error.fields["first_name"] == "First name is required."
    assert error.fields["last_name"] == "Last name is required."
    assert error.fields["badge_number"] == "Badge number is required."
    assert "retired" in error.fields["status"] and "active" in error.fields["status"]
    assert "2026-13-45" in error.fields["hire_date"] and "YYYY-MM-DD" in error.fields["hire_date"]
    assert "soon" in error.fields["probation_end"]
    assert "not-an-address" in error.fields["email"] and "e-mail" in error.fields["email"]
    # each message is a readable sentence, and the exception's own text carries all of them
    for message in error.fields.values():
        assert message.endswith(".") and len(message.split()) >= 3
        assert message in str(error)
    assert count(db, "officer") == 0 and count(db, "person") == 0


def test_date_rules(db):
    error = refused(
        lambda s: officers.add_officer(
            s, first_name="A", last_name="B", badge_number="C", hire_date="2020-05-01", probation_end="2020-01-01"
        ),
        db,
    )
    assert set(error.fields) == {"probation_end"}
    assert "before the hire date" in error.fields["probation_end"]
    far = dt.date.today() + dt.timedelta(days=400)
    error = refused(
        lambda s: officers.add_officer(s, first_name="A", last_name="B", badge_number="C", hire_date=far), db
    )
    assert set(error.fields) == {"hire_date"}
    assert "future" in error.fields["hire_date"]


def test_duplicate_badge_is_refused(db):
    add(db, first_name="Grace", last_name="Nguyen", badge_number="W2201")
    error = refused(
        lambda s: officers.add_officer(s, first_name="Other", last_name="Person", badge_number=" W2201 "), db
    )
    assert set(error.fields) == {"badge_number"}
    assert error.fields["badge_number"] == "Badge number W2201 already belongs to Grace Nguyen."
    assert count(db, "officer") == 1


def test_first_name_length_limit(db):
    error = refused(lambda s: officers.add_officer(s, first_name="A" * 101, last_name="Long", badge_number="L"), db)
    assert set(error.fields) == {"first_name"}
    assert "101" in error.fields["first_name"] and "100" in error.fields["first_name"]
    assert count(db, "officer") == 0
    # exactly 100 characters is fine
    ok = add(db, first_name="A" * 100, last_name="Long", badge_number="L")
    assert len(ok.first_name) == 100


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Zoë", "O’Brien-Łukasiewicz"),
        ("نور", "الهدى"),  # right-to-left
        ("Kai 🚓", "Nakamura-山田"),
        ("Zoe\u0308", "Decomposed"),  # e + combining diaeresis: kept as typed, not normalised
    ],
)
def test_unusual_names_round_trip_exactly(db, first, last):
    added = add(db, first_name=first, last_name=last, badge_number="U-1")
    assert (added.first_name, added.last_name) == (first, last)
    assert raw_rows(db, "SELECT first_name, last_name FROM person WHERE id = ?", added.person_id) == [(first, last)]
    with db.read_session() as s:
        found = officers.find_officer(s, key="U-1")
        assert (found.first_name, found.last_name) == (first, last)
        # an exact-case part of the name finds it
        assert [r.id for r in officers.list_officers(s, search=last[2:6], today=TODAY)] == [added.id]


def test_control_characters_are_stripped(db):
    added = add(db, first_name="An\x00n\x07a\x1b", last_name="\x7fBell\x08", badge_number="\x01C-7\x1f")
    assert (added.first_name, added.last_name, added.badge_number) == ("Anna", "Bell", "C-7")
    stored = raw_rows(
        db, "SELECT p.first_name, p.last_name, o.badge_number FROM officer o JOIN person p ON p.id = o.person_id"
    )
    assert stored == [("Anna", "Bell", "C-7")]


# ------------------------------------------------------------------------------------------------ eligibility


def test_eligibility_says_why(db):
    # GIVEN four officers: fully trained, lapsed SEL training, on probation, on leave
    ok = add(db, first_name="Olive", last_name="Current", badge_number="E-1")
    fully_trained(db, ok.id)
    lapsed = add(db, first_name="Larry", last_name="Lapsed", badge_number="E-2")
    train(db, lapsed.id, "sro_basic", dt.date(2020, 3, 1))
    train(db, lapsed.id, "sel_restorative", dt.date(2023, 1, 10), dt.date(2025, 1, 10))
    rookie = add(db, first_name="Rita", last_name="Rookie", badge_number="E-3", hire_date="2026-06-01",
                 probation_end="2027-02-01")
    fully_trained(db, rookie.id)
    away = add(db, first_name="Lou", last_name="Away", badge_number="E-4", status="on_leave")
    fully_trained(db, away.id)
    untrained = add(db, first_name="Nell", last_name="New", badge_number="E-5")

    # WHEN the roster is read on a fixed day
    with db.read_session() as s:
        rows = {r.badge_number: r for r in officers.list_officers(s, today=TODAY)}

    # THEN only the fully trained active officer is eligible, and each note gives the reason
    assert {b: r.eligible for b, r in rows.items()} == {
        "E-1": True, "E-2": False, "E-3": False, "E-4": False, "E-5": False
    }
    assert rows["E-1"].eligibility_note == "Eligible for school details."
    assert "Social-emotional learning" in rows["E-2"].eligibility_note
    assert "expired" in rows["E-2"].eligibility_note
    assert "probation until 01 Feb 2027" in rows["E-3"].eligibility_note
    assert "on leave" in rows["E-4"].eligibility_note
    assert "no SRO basic course" in rows["E-5"].eligibility_note
    assert "no Social-emotional learning" in rows["E-5"].eligibility_note
    for badge in ("E-2", "E-3", "E-4", "E-5"):
        assert rows[badge].eligibility_note.startswith("Not eligible: ")
    assert untrained.id in {r.id for r in rows.values()}


def test_eligibility_follows_the_day_it_is_asked_for(db):
    officer = add(db, first_name="Eve", last_name="Edge", badge_number="D-1", hire_date="2026-01-05",
                  probation_end="2026-07-05")
    train(db, officer.id, "sro_basic", dt.date(2020, 3, 1))
    train(db, officer.id, "sel_restorative", dt.date(2024, 11, 23), TODAY)
    # training expiring today is still current; tomorrow it is not
    assert row(db, officer.id, TODAY).eligible
    tomorrow = row(db, officer.id, TODAY + dt.timedelta(days=1))
    assert not tomorrow.eligible and "expired" in tomorrow.eligibility_note
    # before the end of probation the same officer is not eligible either
    during = row(db, officer.id, dt.date(2026, 7, 4))
    assert not during.eligible and "probation" in during.eligibility_note
    # a newer, current course makes the lapsed one irrelevant
    train(db, officer.id, "sel_restorative", dt.date(2026, 11, 20), dt.date(2028, 11, 20))
    assert row(db, officer.id, TODAY + dt.timedelta(days=1)).eligible


def test_qualification_validation(db):
    officer = add(db, badge_number="Q-1")
    error = refused(
        lambda s: officers.add_qualification(
            s, officer_id=officer.id, kind="juggling", completed_on="2025-01-01", expires_on="2024-01-01"
        ),
        db,
    )
    assert set(error.fields) == {"kind", "expires_on"}
    assert count(db, "qualification") == 0


# --------------------------------------------------------------------------------------- search and order


def test_search_by_partial_name_and_badge(db):
    a = add(db, first_name="Maria", last_name="Castellano", badge_number="W2201")
    b = add(db, first_name="Marcus", last_name="Brooks", badge_number="N101")
    c = add(db, first_name="Priya", last_name="Raman", badge_number="W2202")
    with db.read_session() as s:
        def ids(term: str) -> set[int]:
            return set(officers.officer_ids(s, search=term))

        assert ids("castel") == {a.id}  # part of a last name, any case
        assert ids("MAR") == {a.id, b.id}  # part of first names
        assert ids("maria cast") == {a.id}  # across first and last name
        assert ids("W22") == {a.id, c.id}  # part of a badge
        assert ids("n101") == {b.id}
        assert ids("  ") == {a.id, b.id, c.id}
        assert ids("nobody") == set()


def test_officer_ids_order_by_last_name(db):
    names = [("Zed", "zimmer"), ("Amy", "Brooks"), ("Bo", "abbott"), ("Al", "Brooks"), ("Cy", "Moreau")]
    for i, (first, last) in enumerate(names):
        add(db, first_name=first, last_name=last, badge_number=f"O-{i}")
    with db.read_session() as s:
        got = [(r.first_name, r.last_name) for r in officers.list_officers(s, today=TODAY)]
    assert got == sorted(names, key=lambda n: (n[1].lower(), n[0].lower()))


# ---------------------------------------------------------------------------------- deactivate/reactivate


def test_deactivate_keeps_the_row_and_reactivate_restores(db):
    keep = add(db, first_name="Kim", last_name="Stays", badge_number="K-1")
    leave = add(db, first_name="Lee", last_name="Goes", badge_number="K-2")
    before = count(db, "officer"), count(db, "person")

    with db.session() as s:
        row_ = officers.deactivate_officer(s, officer_id=leave.id)
    assert row_.status == "inactive"
    assert (count(db, "officer"), count(db, "person")) == before
    assert raw_rows(
        db, "SELECT o.status, p.active FROM officer o JOIN person p ON p.id = o.person_id WHERE o.id = ?", leave.id
    ) == [("inactive", 0)]
    with db.read_session() as s:
        assert officers.officer_ids(s, include_inactive=False) == [keep.id]
        assert set(officers.officer_ids(s)) == {keep.id, leave.id}

    # deactivating twice is a conflict, and changes nothing
    with pytest.raises(ConflictError, match="Lee Goes is already inactive"):
        with db.session() as s:
            officers.deactivate_officer(s, officer_id=leave.id)

    with db.session() as s:
        assert officers.reactivate_officer(s, officer_id=leave.id).status == "active"
    assert raw_rows(
        db, "SELECT o.status, p.active FROM officer o JOIN person p ON p.id = o.person_id WHERE o.id = ?", leave.id
    ) == [("active", 1)]


def test_find_officer_by_badge_or_id(db):
    a = add(db, first_name="Ida", last_name="Key", badge_number="77")
    b = add(db, first_name="Jon", last_name="Key", badge_number="X-9")
    with db.read_session() as s:
        assert officers.find_officer(s, key="X-9").id == b.id
        assert officers.find_officer(s, key=str(b.id)).id == b.id
        # a badge that looks like a number wins over an id
        assert officers.find_officer(s, key="77").id == a.id
        with pytest.raises(NotFoundError, match="nope"):
            officers.find_officer(s, key="nope")


# --------------------------------------------------------------------------------------------------- sites


def add_site(db, **values: object) -> sites.SiteRow:
    values.setdefault("level", "high")
    with db.session() as s:
        return sites.add_site(s, **values)  # type: ignore[arg-type]


def test_add_and_update_site(db):
    added = add_site(db, name=" Hall High School ", level="high", address="975 N Main St", principal_name="M. Blake",
                     contact_email="office@hall.example.org", timezone="America/Chicago", in_district=False)
    assert raw_rows(
        db, "SELECT name, level, in_district, address, principal_name, contact_email, timezone, active FROM site"
    ) == [("Hall High School", "high", 0, "975 N Main St", "M. Blake", "office@hall.example.org",
           "America/Chicago", 1)]
    with db.session() as s:
        updated = sites.update_site(s, site_id=added.id, name="Hall High School", level="other", in_district=True)
    assert (updated.level, updated.in_district, updated.timezone) == ("other", True, "America/New_York")
    assert raw_rows(db, "SELECT level, in_district FROM site") == [("other", 1)]


def test_every_bad_site_field_is_named(db):
    error = refused(
        lambda s: sites.add_site(s, name="", level="university", timezone="Mars/Olympus_Mons",
                                 contact_email="front desk"),
        db,
    )
    assert set(error.fields) == {"name", "level", "timezone", "contact_email"}
    assert error.fields["name"] == "Name is required."
    assert "university" in error.fields["level"] and "high" in error.fields["level"]
    assert "Mars/Olympus_Mons" in error.fields["timezone"] and "time zone" in error.fields["timezone"]
    assert "front desk" in error.fields["contact_email"]
    for message in error.fields.values():
        assert message.endswith(".")
    assert count(db, "site") == 0


def test_duplicate_site_name_is_refused_case_insensitively(db):
    first = add_site(db, name="Conard High School")
    for clash in ("Conard High School", "conard high school", "  CONARD HIGH SCHOOL "):
        error = refused(lambda s, name=clash: sites.add_site(s, name=name, level="high"), db)
        assert set(error.fields) == {"name"}
        assert error.fields["name"] == "A site called “Conard High School” already exists."
    other = add_site(db, name="Bristow Middle School", level="middle")
    error = refused(lambda s: sites.update_site(s, site_id=other.id, name="CONARD high school", level="middle"), db)
    assert set(error.fields) == {"name"}
    assert count(db, "site") == 2
    assert raw_rows(db, "SELECT name FROM site ORDER BY id") == [("Conard High School",), ("Bristow Middle School",)]
    with db.read_session() as s:
        assert sites.find_site(s, key="conard HIGH school").id == first.id


def test_duplicate_site_name_with_accents_is_a_validation_error(db):
    add_site(db, name="École Saint-Élie", level="elementary")
    error = refused(lambda s: sites.add_site(s, name="École Saint-Élie", level="elementary"), db)
    assert set(error.fields) == {"name"}


def test_site_names_differing_only_in_accented_case_are_duplicates(db):
    add_site(db, name="ÉCOLE SAINT-ÉLIE", level="elementary")
    try:
        add_site(db, name="école saint-élie", level="elementary")
    except ValidationError as exc:
        assert set(exc.fields) == {"name"}
    assert count(db, "site") == 1


def test_find_site_by_exact_accented_name(db):
    added = add_site(db, name="École Saint-Élie", level="elementary")
    with db.read_session() as s:
        assert sites.find_site(s, key="École Saint-Élie").id == added.id


def test_deactivate_and_reactivate_site(db):
    hall = add_site(db, name="Hall High School")
    conard = add_site(db, name="Conard High School")
    with db.session() as s:
        assert sites.deactivate_site(s, site_id=hall.id).active is False
    assert count(db, "site") == 2
    assert raw_rows(db, "SELECT name, active FROM site ORDER BY id") == [
        ("Hall High School", 0), ("Conard High School", 1)
    ]
    with db.read_session() as s:
        assert sites.site_ids(s, include_inactive=False) == [conard.id]
        assert sites.site_ids(s) == [conard.id, hall.id]  # by name
    with pytest.raises(ConflictError, match="Hall High School is already inactive"):
        with db.session() as s:
            sites.deactivate_site(s, site_id=hall.id)
    with db.session() as s:
        assert sites.reactivate_site(s, site_id=hall.id).active is True
    assert raw_rows(db, "SELECT active FROM site WHERE id = ?", hall.id) == [(1,)]


def test_site_search(db):
    a = add_site(db, name="Sedgwick Middle School", level="middle", principal_name="Rosa Jimenez")
    b = add_site(db, name="King Philip Middle School", level="middle", address="100 Trout Brook Dr")
    with db.read_session() as s:
        assert sites.site_ids(s, search="middle") == [b.id, a.id]
        assert sites.site_ids(s, search="jimenez") == [a.id]
        assert sites.site_ids(s, search="trout") == [b.id]
