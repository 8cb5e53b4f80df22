"""Open data: validates against its own JSON Schema, names nobody, and holds no count between 1 and k-1."""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from sharedsvc_desktop.services import opendata
from tests.conftest import raw_sql
from tests.oversight_helpers import fill_quarter


@pytest.fixture
def exported(demo_db, tmp_path):
    fill_quarter(demo_db, "2026Q3")
    fill_quarter(demo_db, "2026Q4", factor=2)
    out = tmp_path / "open"
    with demo_db.read_session() as s:
        result = opendata.export_open_data(s, out=out, date_from="2026-07-01", date_to="2026-11-23")
    return demo_db, out, result


def _load(out, name):
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def test_every_file_validates_against_its_schema(exported):
    _db, out, result = exported
    schema = json.loads((out / "schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for name in ("hours", "events", "quarterly"):
        doc = _load(out, name)
        errors = list(validator.iter_errors(doc))
        assert errors == [], (name, errors[:3])
        assert doc["schema_version"] == schema["version"] == opendata.SCHEMA_VERSION
        assert doc["records"], name
    assert result.quarters == ("2026Q3", "2026Q4")
    # the schema refuses a small count
    bad = _load(out, "quarterly")
    bad["records"][0] = dict(bad["records"][0], count=3, shown="3", suppressed=False)
    assert list(validator.iter_errors(bad))


def test_no_count_between_1_and_k_minus_1(exported):
    db, out, result = exported
    k = result.k
    records = _load(out, "quarterly")["records"]
    assert any(r["suppressed"] for r in records)
    for r in records:
        assert r["count"] is None or r["count"] == 0 or r["count"] >= k, r
        assert r["suppressed"] == (r["count"] is None)
    with (out / "quarterly.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["count"]:
                assert int(row["count"]) == 0 or int(row["count"]) >= k
            assert row["shown"] in (f"<{k}", "*") or int(row["shown"].replace(",", "")) in (0,) or \
                int(row["shown"].replace(",", "")) >= k
    # small counts really exist in the database
    assert raw_sql(db, "SELECT COUNT(*) FROM data_count WHERE value BETWEEN 1 AND ?", k - 1)[0][0] > 0


def test_no_person_is_named_and_totals_add_up(exported):
    db, out, _result = exported
    text = "".join((out / f).read_text(encoding="utf-8-sig") for f in
                   ("hours.json", "hours.csv", "events.json", "events.csv", "quarterly.json"))
    names = raw_sql(db, "SELECT first_name, last_name, email FROM person")
    for first, last, email in names:
        assert f"{first} {last}" not in text and last not in text
        if email:
            assert email not in text
    for (badge,) in raw_sql(db, "SELECT badge_number FROM officer"):
        assert f'"{badge}"' not in text
    hours = _load(out, "hours")["records"]
    minutes = raw_sql(db, "SELECT COALESCE(SUM(minutes), 0) FROM hour_entry WHERE work_date BETWEEN ? AND ?",
                      "2026-07-01", "2026-11-23")[0][0]
    assert abs(sum(r["hours"] for r in hours) * 60 - minutes) < len(hours)  # rounded to 0.01 h per row
    assert set(hours[0]) == set(opendata.HOURS_FIELDS)


def test_dates_are_checked(demo_db, tmp_path):
    from sharedsvc_desktop.errors import ValidationError

    with demo_db.read_session() as s, pytest.raises(ValidationError) as err:
        opendata.export_open_data(s, out=tmp_path / "x", date_from="2026-10-01", date_to="2026-01-01")
    assert "date_to" in err.value.fields
