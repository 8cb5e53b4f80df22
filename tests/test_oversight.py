"""Quarterly data entry, the Collaboration Team, the annual report text, and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from sharedsvc_desktop.errors import ConflictError, PermissionDenied, ValidationError
from sharedsvc_desktop.services import oversight, team
from sharedsvc_desktop.services.permissions import Actor
from tests.oversight_helpers import DISCIPLINE, STUDENTS, WH_SCHOOLS, fill_quarter, school_counts
from tests.sql_helpers import named_sql


def _sql(db, sql, **params):
    return named_sql(db, sql, **params)


# ------------------------------------------------------------------------------------------------ data entry


def test_a_quarter_is_entered_for_every_school(demo_db):
    ids = fill_quarter(demo_db, "2026Q3")
    assert sorted(ids) == sorted(WH_SCHOOLS)
    rows = _sql(demo_db, "SELECT side, COUNT(*) FROM data_report WHERE period = '2026Q3' GROUP BY side")
    assert dict(rows) == {"school": 5, "police": 5}
    total = _sql(demo_db, "SELECT SUM(c.value) FROM data_count c JOIN data_report r ON r.id = c.report_id "
                          "WHERE r.period = '2026Q3' AND c.measure = 'disciplinary_action' AND c.dimension = 'total'")
    assert total[0][0] == sum(sum(v) for v in DISCIPLINE.values()) == 195
    # every breakdown adds up to its total in what was stored
    bad = _sql(demo_db, """
        SELECT r.id, c.measure, c.dimension, SUM(c.value), t.value FROM data_count c
        JOIN data_report r ON r.id = c.report_id
        JOIN data_count t ON t.report_id = r.id AND t.measure = c.measure AND t.dimension = 'total'
        WHERE c.dimension <> 'total' GROUP BY r.id, c.measure, c.dimension, t.value
        HAVING SUM(c.value) <> t.value""")
    assert bad == []
    with demo_db.read_session() as s:
        status = oversight.data_status(s, period="2026Q3")
    assert len(status) == 5 and all(r.complete for r in status)


def test_categories_are_written_on_first_entry_with_federal_race_categories(demo_db):
    assert _sql(demo_db, "SELECT COUNT(*) FROM category WHERE domain LIKE 'data_%'")[0][0] == 0
    fill_quarter(demo_db, "2026Q3", schools=["Hall High School"])
    races = [r[0] for r in _sql(demo_db, "SELECT label FROM category WHERE domain = 'data_race_ethnicity' "
                                         "ORDER BY sort_order")]
    assert races == ["Hispanic or Latino", "American Indian or Alaska Native", "Asian", "Black or African American",
                     "Native Hawaiian or Other Pacific Islander", "White", "Two or more races"]
    domains = {r[0] for r in _sql(demo_db, "SELECT DISTINCT domain FROM category WHERE domain LIKE 'data_%'")}
    assert domains == set(oversight.DATA_CATEGORY_DEFAULTS)
    # entering again does not duplicate them
    fill_quarter(demo_db, "2026Q2", schools=["Hall High School"])
    assert _sql(demo_db, "SELECT COUNT(*) FROM category WHERE domain = 'data_gender'")[0][0] == 3


def test_breakdowns_must_add_up_and_the_difference_is_shown(demo_db):
    with demo_db.session() as s:
        site = oversight.data_schools(s)[0].id
        layout = oversight.form_layout(s, side="school")
        counts = school_counts(layout, "Hall High School")
    counts["students_involved.gender.female"] += 3
    counts["disciplinary_action.type.expulsion"] = "2.5"
    counts["police_referral.total"] = -1
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        oversight.save_data_report(s, site_id=site, side="school", period="2026Q3", counts=counts)
    fields = info.value.fields
    assert fields["students_involved.gender"] == (
        "Students involved in disciplinary actions by gender add up to 33, but the total is 30: 3 too many.")
    assert "whole number" in fields["disciplinary_action.type.expulsion"]
    assert "whole number" in fields["police_referral.total"]
    assert "students_involved.race_ethnicity" not in fields
    assert _sql(demo_db, "SELECT COUNT(*) FROM data_report")[0][0] == 0

    counts = school_counts(layout, "Hall High School")
    counts["students_involved.total"] = 37
    _clean, errors = oversight.check_counts(layout, counts)
    assert errors["students_involved.age_band"].endswith("the total is 37: 7 missing.")
    assert len([k for k in errors if k.startswith("students_involved.")]) == 5


def test_unknown_figures_bad_periods_and_sides_are_refused(demo_db):
    with demo_db.session() as s:
        site = oversight.data_schools(s)[0].id
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        oversight.save_data_report(s, site_id=site, side="parents", period="2026Q5",
                                   counts={"student_name.total": 1})
    assert set(info.value.fields) == {"side", "period"}
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        oversight.save_data_report(s, site_id=site, side="school", period="2026Q1",
                                   counts={"student_name.total": 1})
    assert "student_name.total" in info.value.fields


def test_baseline_is_marked_and_a_correction_replaces_the_counts(demo_db):
    ids = fill_quarter(demo_db, "baseline", schools=["Conard High School"])
    rows = _sql(demo_db, "SELECT period, is_baseline FROM data_report")
    assert set(rows) == {("baseline", 1)}
    site = ids["Conard High School"]
    with demo_db.session() as s:
        layout = oversight.form_layout(s, side="school")
        counts = school_counts(layout, "Conard High School")
        counts["police_referral.total"] = 40
        row = oversight.save_data_report(s, site_id=site, side="school", period="Baseline", counts=counts,
                                         notes="corrected")
    assert row.is_baseline and row.get("police_referral.total") == 40
    assert _sql(demo_db, "SELECT value FROM data_count WHERE measure = 'police_referral'") == [(40,)]
    n_keys = len([k for m in layout for k in m.keys()])
    assert _sql(demo_db, "SELECT COUNT(*) FROM data_count c JOIN data_report r ON r.id = c.report_id "
                         "WHERE r.side = 'school'")[0][0] == n_keys


def test_a_requester_enters_school_figures_but_not_police_figures(demo_db):
    actor = Actor(user_id=1, username="secretary", role="requester")
    with demo_db.session(actor=actor) as s:
        site = oversight.data_schools(s)[0].id
        oversight.save_data_report(s, site_id=site, side="school", period="2026Q3", counts={})
    with pytest.raises(PermissionDenied), demo_db.session(actor=actor) as s:
        oversight.save_data_report(s, site_id=site, side="police", period="2026Q3", counts={})


def test_suppression_threshold_is_a_setting(demo_db):
    with demo_db.session() as s:
        assert oversight.suppression_threshold(s) == 10
        oversight.set_suppression_threshold(s, k=5)
    with demo_db.read_session() as s:
        assert oversight.suppression_threshold(s) == 5
    with pytest.raises(ValidationError), demo_db.session() as s:
        oversight.set_suppression_threshold(s, k=1)


def test_periods():
    assert oversight.parse_period("2026-q1") == "2026Q1"
    assert oversight.parse_period("Baseline") == "baseline"
    assert oversight.parse_period("2026Q5") is None
    assert oversight.quarter_bounds("2026Q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert oversight.previous_quarter("2026Q1") == "2025Q4"
    assert oversight.quarter_of(dt.date(2026, 11, 23)) == "2026Q4"


def test_published_tables_hide_small_counts_and_agree_with_each_other(demo_db):
    fill_quarter(demo_db, "2026Q3")
    with demo_db.read_session() as s:
        pub = oversight.published_period(s, period="2026Q3")
    for key, cell in pub.cells.items():
        if 1 <= cell.value <= 9:
            assert cell.text == "<10", key
    # every school's total line and every breakdown line: none or at least two hidden
    hall = next(sc.id for sc in pub.schools if sc.name == "Hall High School")
    assert pub.cell("disciplinary_action", None).text == "195"
    assert pub.cell("students_involved", hall).value == STUDENTS["Hall High School"]


# ---------------------------------------------------------------------------------------------------- team


def _people(db):
    with db.read_session() as s:
        aid = team.default_agreement_id(s)
        people = team.team_candidates(s, agreement_id=aid)
    police = [p for p in people if p.party_name == "WHPD"]
    schools = [p for p in people if p.party_name == "WHPS"]
    return aid, police, schools


def test_team_members_meetings_and_the_quarterly_check(demo_db):
    aid, police, schools = _people(demo_db)
    with demo_db.session() as s:
        members = [team.add_team_member(s, person_id=p.id, agreement_id=aid, joined_on="2026-08-15")
                   for p in police[:2] + schools[:2]]
    with pytest.raises(ConflictError), demo_db.session() as s:
        team.add_team_member(s, person_id=police[0].id, agreement_id=aid)
    by_party = {m.party_name for m in members}
    assert by_party == {"WHPD", "WHPS"}
    # Q3: only one school member came -> not met; Q4: two of each -> met
    with demo_db.session() as s:
        first = team.record_meeting(s, held_on="2026-09-10", agreement_id=aid, location="Town Hall",
                                    attendee_ids=[members[0].id, members[1].id, members[2].id],
                                    minutes="Reviewed the baseline.", recommendations="Collect age bands.")
        second = team.record_meeting(s, held_on=dt.date(2026, 10, 20), agreement_id=aid,
                                     attendee_ids=[m.id for m in members], decisions="Adopt the form.")
    assert not first.quorum and second.quorum
    assert _sql(demo_db, "SELECT COUNT(*) FROM meeting_attendee WHERE meeting_id = :m", m=second.id)[0][0] == 4
    with demo_db.read_session() as s:
        checks = {c.quarter: c for c in team.quarter_checks(s, agreement_id=aid, year=2026,
                                                            today=dt.date(2026, 11, 23))}
    assert set(checks) == {"2026Q3", "2026Q4"}  # the agreement began in August
    assert not checks["2026Q3"].met and "none with at least 2" in checks["2026Q3"].text
    assert checks["2026Q4"].met
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        team.record_meeting(s, held_on="", agreement_id=aid, attendee_ids=[])
    assert set(info.value.fields) == {"held_on", "attendee_ids"}
    # a member who leaves keeps their attendance
    with demo_db.session() as s:
        team.set_team_member_active(s, member_id=members[0].id, active=False)
        assert len(team.list_team_members(s, agreement_id=aid)) == 3
        assert len(team.get_meeting(s, meeting_id=first.id).attendees) == 3


def test_annual_report_text(demo_db):
    with demo_db.session() as s:
        row = team.save_annual_report(s, agreement_id=None, year=2026, activities="Four meetings.",
                                      recommendations="Keep going.", approved_on="2027-01-15")
    assert row.agreement_id is not None and row.approved_on == dt.date(2027, 1, 15)
    assert _sql(demo_db, "SELECT year, activities FROM annual_report") == [(2026, "Four meetings.")]
    with pytest.raises(ValidationError), demo_db.session() as s:
        team.save_annual_report(s, agreement_id=None, year=2026, approved_on="2025-12-01")


def test_hours_by_kind_matches_raw_sql(demo_db):
    with demo_db.read_session() as s:
        aid = team.default_agreement_id(s)
        rows = team.hours_by_kind(s, agreement_id=aid, year=2026)
    raw = _sql(demo_db, "SELECT kind, SUM(minutes) FROM hour_entry WHERE agreement_id = :a "
                        "AND work_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY kind", a=aid)
    assert {r.kind: r.minutes for r in rows} == dict(raw)
    assert rows


# ------------------------------------------------------------------------------------------------------ CLI


def _parser(monkeypatch):
    import importlib

    from sharedsvc_desktop.cli.common import subcommands
    from sharedsvc_desktop.cli.oversight import add_report_actions

    main = importlib.import_module("sharedsvc_desktop.cli.main")
    assert "oversight" in main.COMMAND_MODULES
    parser = main.build_parser()
    sub = parser._subparsers._group_actions[0]
    if "report" not in sub.choices:
        add_report_actions(subcommands(sub, "report", "printed reports"))
    else:  # the report module is registered: add our actions to it unless it already did
        actions = sub.choices["report"]._subparsers._group_actions[0]
        if "quarterly" not in actions.choices:
            add_report_actions(actions)
    return parser, main.run


def test_cli_data_enter_due_and_quarterly_csv(demo_db, tmp_path, monkeypatch, capsys):
    parser, run = _parser(monkeypatch)
    base = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
            else ["--database-url", demo_db.url.render_as_string(hide_password=False)])
    fill_quarter(demo_db, "2026Q3", schools=WH_SCHOOLS[:4])
    assert run(parser.parse_args(base + ["due", "--json", "--today", "2026-11-23"])) == 0
    items = json.loads(capsys.readouterr().out)
    data_items = [i for i in items if i["kind"] == "quarterly_data"]
    assert {i["title"] for i in data_items} == {"Bristow Middle School: school data for 2026 Q3 (July–September)",
                                                "Bristow Middle School: police data for 2026 Q3 (July–September)"}
    # the last school enters its school side by command line; a mismatch is refused with the difference
    code = run(parser.parse_args(base + ["data", "enter", "--school", "Bristow", "--quarter", "2026Q3",
                                         "--side", "school", "disciplinary_action.total=5",
                                         "disciplinary_action.type.other=2"]))
    assert code == 1 and "3 missing" in capsys.readouterr().err
    code = run(parser.parse_args(base + ["data", "enter", "--school", "Bristow", "--quarter", "2026Q3",
                                         "--side", "school", "disciplinary_action.total=5",
                                         "disciplinary_action.type.other=5"]))
    assert code == 0
    out = tmp_path / "q.csv"
    assert run(parser.parse_args(base + ["report", "quarterly", "--quarter", "2026Q3", "--out", str(out)])) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    totals = {(r["school"], r["measure"]): r["count"] for r in rows if r["category"] == "Total" and not r["breakdown"]}
    assert totals[("Bristow Middle School", "Disciplinary actions")] == "<10"
    assert totals[("All schools", "Disciplinary actions")] == str(42 + 39 + 22 + 27 + 5)
    for r in rows:
        assert not (r["count"].isdigit() and 1 <= int(r["count"]) <= 9), r
    assert run(parser.parse_args(base + ["report", "quarterly", "--quarter", "2026Q3",
                                         "--out", str(tmp_path / "q.txt")])) == 2
