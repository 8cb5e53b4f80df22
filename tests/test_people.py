"""School staff and signatories, and officers' training records, checked in the database."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import officers, people, sites, sro
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql


def sql(db, query: str, **params):
    return named_sql(db, query, **params)


def test_add_principal_names_the_school_and_keeps_role_history(db):
    with db.session() as s:
        hall = sites.add_site(s, name="Hall High School", level="high")
        conard = sites.add_site(s, name="Conard High School", level="high")
        p = people.add_person(s, first_name="Meredith", last_name="Blake", role="principal", site_id=hall.id,
                              email="mblake@whps.example.org", since=dt.date(2020, 7, 1))
    assert p.title == "Principal" and p.site_name == "Hall High School"
    assert sql(db, "SELECT principal_id, principal_name FROM site WHERE id = :i", i=hall.id) == [
        (p.id, "Meredith Blake")]
    # moved to another school: the old role ends today, a new one starts; the first school loses its principal id
    with db.session() as s:
        moved = people.update_person(s, person_id=p.id, first_name="Meredith", last_name="Blake", role="principal",
                                     site_id=conard.id, email="mblake@whps.example.org", today=dt.date(2026, 9, 1))
    assert moved.site_name == "Conard High School"
    assert sql(db, "SELECT role, site_id, start_date, end_date FROM person_role WHERE person_id = :i ORDER BY id",
               i=p.id) == [("principal", hall.id, "2020-07-01", "2026-09-01"),
                           ("principal", conard.id, "2026-09-01", None)]
    assert sql(db, "SELECT id, principal_id FROM site ORDER BY id") == [(hall.id, None), (conard.id, p.id)]
    with db.read_session() as s:
        history = people.role_history(s, person_id=p.id)
    assert [h.site_name for h in history] == ["Hall High School", "Conard High School"]


def test_validation_names_each_field(db):
    with pytest.raises(ValidationError) as err:
        with db.session() as s:
            people.add_person(s, first_name="", last_name="X", role="principal", email="nope")
    assert set(err.value.fields) == {"first_name", "site_id", "email"}
    with pytest.raises(ValidationError) as err:
        with db.session() as s:
            people.add_person(s, first_name="A", last_name="B", role="janitor")
    assert "role" in err.value.fields
    assert sql(db, "SELECT count(*) FROM person") == [(0,)]


def test_list_deactivate_reactivate_and_signatory_choices(demo_db):
    with demo_db.read_session() as s:
        staff = people.list_people(s)
        supts = people.list_people(s, role="superintendent")
    expected = sql(demo_db, "SELECT count(DISTINCT person_id) FROM person_role")[0][0]
    assert len(staff) == expected
    assert {p.full_name for p in supts} == {"Susan Caldwell", "Elaine Marsh"}
    marsh = next(p for p in supts if p.last_name == "Marsh")
    assert marsh.title == "Interim Superintendent" and marsh.role_label == "Superintendent"
    with demo_db.session() as s:
        people.deactivate_person(s, person_id=marsh.id, today=DEMO_TODAY)
    with pytest.raises(ConflictError):
        with demo_db.session() as s:
            people.deactivate_person(s, person_id=marsh.id)
    assert sql(demo_db, "SELECT active FROM person WHERE id = :i", i=marsh.id) == [(0,)]
    with demo_db.read_session() as s:
        assert marsh.id not in {c.id for c in sro.appointment_choices(s, today=DEMO_TODAY).superintendents}
    with demo_db.session() as s:
        people.reactivate_person(s, person_id=marsh.id, today=DEMO_TODAY)
    assert sql(demo_db, "SELECT active FROM person WHERE id = :i", i=marsh.id) == [(1,)]
    assert sql(demo_db, "SELECT end_date FROM person_role WHERE person_id = :i ORDER BY id DESC LIMIT 1",
               i=marsh.id) == [(None,)]
    with demo_db.read_session() as s:
        choices = sro.appointment_choices(s, today=DEMO_TODAY)
    assert marsh.id in {c.id for c in choices.superintendents}
    assert {c.name for c in choices.appointers} == {"Robert Hanley", "Anthony Reyes"}


def test_a_designee_can_appoint(demo_db):
    with demo_db.session() as s:
        lt = people.add_person(s, first_name="Dana", last_name="Cole", role="designee", title="Deputy Chief")
    with demo_db.read_session() as s:
        appointers = sro.appointment_choices(s).appointers
    assert appointers[-1].id == lt.id and appointers[-1].text == "Dana Cole, Deputy Chief"


# ------------------------------------------------------------------------------------------ training records


def test_training_records_drive_eligibility(demo_db):
    badge = "W2203"
    with demo_db.read_session() as s:
        o = officers.find_officer(s, key=badge)
        before = officers.officer_training(s, officer_id=o.id, today=DEMO_TODAY)
    assert before.officer.eligible and all(r.current for r in before.required)
    sel = next(r for r in before.records if r.kind == "sel_restorative")
    # revoke the SEL training: the officer is no longer eligible, the record is kept
    with demo_db.session() as s:
        expired = officers.expire_qualification(s, qualification_id=sel.id, expired_on="2026-11-20",
                                                reason="certificate withdrawn")
    assert expired.expires_on == dt.date(2026, 11, 20)
    assert sql(demo_db, "SELECT expires_on, notes FROM qualification WHERE id = :i", i=sel.id) == [
        ("2026-11-20", "Expired early on 20 Nov 2026: certificate withdrawn")]
    with pytest.raises(ConflictError):
        with demo_db.session() as s:
            officers.expire_qualification(s, qualification_id=sel.id, expired_on="2026-11-21")
    with demo_db.read_session() as s:
        after = officers.officer_training(s, officer_id=o.id, today=DEMO_TODAY)
        row = officers.get_officer(s, officer_id=o.id, today=DEMO_TODAY)
    assert not after.officer.eligible
    assert next(r for r in after.required if r.code == "sel_restorative").text == "Expired on 20 Nov 2026"
    assert "SEL: EXPIRED 20 Nov 2026" in row.training
    # a new course makes them eligible again
    with demo_db.session() as s:
        new = officers.add_qualification(s, officer_id=o.id, kind="sel_restorative", completed_on="2026-11-22",
                                         expires_on="2028-11-22", notes="refresher")
    with demo_db.read_session() as s:
        assert officers.get_officer(s, officer_id=o.id, today=DEMO_TODAY).eligible
    # correct the record
    with demo_db.session() as s:
        fixed = officers.update_qualification(s, qualification_id=new.id, kind="sel_restorative",
                                              completed_on="2026-11-21", expires_on="2028-11-21", notes="fixed")
    assert (fixed.completed_on, fixed.notes) == (dt.date(2026, 11, 21), "fixed")
    assert sql(demo_db, "SELECT completed_on, expires_on, notes FROM qualification WHERE id = :i", i=new.id) == [
        ("2026-11-21", "2028-11-21", "fixed")]
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            officers.update_qualification(s, qualification_id=new.id, kind="nope", completed_on="2026-11-21",
                                          expires_on="2020-01-01")
    assert set(err.value.fields) == {"kind", "expires_on"}


def test_user_added_kind_of_training(demo_db):
    with demo_db.session() as s:
        kind = officers.add_qualification_kind(s, label="Crisis intervention team")
    assert kind.code == "crisis_intervention_team" and not kind.required
    with pytest.raises(ValidationError):
        with demo_db.session() as s:
            officers.add_qualification_kind(s, label="crisis INTERVENTION team")
    with demo_db.read_session() as s:
        kinds = officers.qualification_kinds(s)
    assert [k.code for k in kinds[:2]] == ["sro_basic", "sel_restorative"]
    assert "crisis_intervention_team" in [k.code for k in kinds]
    assert sql(demo_db, "SELECT label FROM category WHERE domain = 'qualification' AND code = :c",
               c=kind.code) == [("Crisis intervention team",)]


def test_cli_staff_and_training(demo_db, capsys):
    main = importlib.import_module("sharedsvc_desktop.cli.main")
    where = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
             else ["--database-url", demo_db.url.render_as_string(hide_password=False)])

    def run(*args: str) -> tuple[int, str, str]:
        code = main.run(main.build_parser().parse_args([*where, *args]))
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, _ = run("schools", "add-staff", "--first-name", "Ana", "--last-name", "Ruiz", "--role", "principal",
                       "--school", "Hall High School")
    assert code == 0 and "Ana Ruiz, Principal" in out
    assert sql(demo_db, "SELECT principal_name FROM site WHERE name = 'Hall High School'") == [("Ana Ruiz",)]
    code, out, _ = run("schools", "staff", "--role", "principal")
    assert "Ana Ruiz" in out and "Hall High School" in out
    code, out, _ = run("officers", "train", "W2203", "--kind", "firearms", "--completed", "2026-10-01",
                       "--expires", "2027-10-01")
    assert code == 0 and "Firearms qualification" in out
    code, out, err = run("officers", "train", "W2203", "--kind", "juggling", "--completed", "2026-10-01")
    assert code == 1 and "juggling" in err
    code, out, _ = run("officers", "kinds")
    assert "sel_restorative" in out
