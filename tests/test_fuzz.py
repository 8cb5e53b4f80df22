"""Bad input, generated: the service functions behind the forms get long and unusual Unicode, negative and huge
numbers, and local times that do not exist or happen twice on daylight-saving days. Each call must either be
refused with one of our own errors and a readable message, or be stored exactly, and never leave half a record.

Together the tests below run more than 10,000 examples (the figure is printed at the end of the module).
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sharedsvc_desktop.errors import SharedSvcError
from sharedsvc_desktop.models import Base, HourEntry, Officer, Site
from sharedsvc_desktop.services import events, hours, officers, parties, sites
from sharedsvc_desktop.storage import open_database
from tests.conftest import DEMO_TODAY

COUNTS: dict[str, int] = {}
SETTINGS = settings(max_examples=2100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

weird_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(["", " ", "\x00", "Zoë O’Brien", "نور الهدى", "山田 太郎", "🚓" * 50, "a" * 5000,
                     "<b>&amp;</b>", "Robert'); DROP TABLE officer;--", "\u202eevil", "e\u0301"]),
)
numbers = st.one_of(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from([0, -1, 1, 2**63, -(2**63)]))
# local times around the 2026 changes in New York: 8 March 02:00-03:00 does not exist, 1 November 01:00-02:00 twice
dst_times = st.sampled_from([
    dt.datetime(2026, 3, 8, 2, 30), dt.datetime(2026, 3, 8, 1, 59), dt.datetime(2026, 3, 8, 3, 0),
    dt.datetime(2026, 11, 1, 1, 30), dt.datetime(2026, 11, 1, 0, 59), dt.datetime(2026, 11, 1, 2, 0),
]) | st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 12, 31))


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory, server):
    folder = tmp_path_factory.mktemp("fuzz")
    if server is not None:
        name = server.create("demo", folder)
        db = open_database(folder, server.url(name))
        yield db
        db.dispose()
        server.drop(name)
    else:
        from sharedsvc_desktop.services.demo import load_demo

        db = open_database(folder)
        with db.session() as s:
            load_demo(s, today=DEMO_TODAY)
        yield db
        db.dispose()
    from tests.conftest import report_figure

    report_figure(f"fuzzing: {sum(COUNTS.values()):,} examples across {len(COUNTS)} service functions {COUNTS}, "
                  "each refused with a message or stored exactly, nothing left behind")


def _counts(db):
    with db.read_session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def _attempt(db, name, call, check=None):
    """Run ``call`` in a transaction that is always rolled back; refusals must be ours and readable."""
    COUNTS[name] = COUNTS.get(name, 0) + 1
    try:
        with db.session() as s:
            result = call(s)
            if check is not None:
                check(s, result)
            raise _Rollback
    except _Rollback:
        return "stored"
    except SharedSvcError as exc:
        message = str(exc)
        assert message.strip() and "Traceback" not in message and len(message) < 20_000
        return "refused"


@pytest.fixture(scope="module")
def baseline(fuzz_db):
    return _counts(fuzz_db)


@SETTINGS
@given(first=weird_text, last=weird_text, badge=weird_text, email=weird_text, hire=st.one_of(weird_text, st.dates()))
def test_fuzz_add_officer(fuzz_db, first, last, badge, email, hire):
    def check(s, row):
        stored = s.get(Officer, row.id)
        assert stored.badge_number == row.badge_number and stored.person.first_name == row.first_name
        assert row.first_name.strip() and row.badge_number.strip()

    _attempt(fuzz_db, "add_officer", lambda s: officers.add_officer(
        s, first_name=first, last_name=last, badge_number=badge, email=email, hire_date=hire), check)


@SETTINGS
@given(name=weird_text, level=st.sampled_from(["high", "middle", "x", ""]), tz=st.sampled_from(
    ["America/New_York", "Europe/Paris", "Mars/Olympus", "", "UTC"]), address=weird_text)
def test_fuzz_add_site(fuzz_db, name, level, tz, address):
    def check(s, row):
        assert s.get(Site, row.id).name == row.name

    _attempt(fuzz_db, "add_site", lambda s: sites.add_site(s, name=name, level=level, timezone=tz, address=address),
             check)


@SETTINGS
@given(start=dst_times, minutes=st.integers(min_value=-600, max_value=3000), officers_wanted=numbers,
       attendance=st.one_of(st.none(), numbers), title=weird_text, notes=weird_text)
def test_fuzz_request_event(fuzz_db, start, minutes, officers_wanted, attendance, title, notes):
    with fuzz_db.read_session() as s:
        site_id = s.scalar(select(Site.id).where(Site.name == "Hall High School"))

    def check(s, row):
        assert row.ends_at > row.starts_at
        assert row.minutes == int((row.ends_at - row.starts_at).total_seconds() // 60)

    _attempt(fuzz_db, "request_event", lambda s: events.request_event(
        s, site_id=site_id, event_type="dance", title=title, local_start=start,
        local_end=start + dt.timedelta(minutes=minutes), officers_requested=officers_wanted,
        expected_attendance=attendance, notes=notes), check)


@SETTINGS
@given(day=st.one_of(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)), weird_text),
       start=st.one_of(st.none(), st.sampled_from(["01:30", "02:30", "25:00", "7", "x", "23:59", "00:00"])),
       end=st.one_of(st.none(), st.sampled_from(["01:30", "03:10", "-1", "12:00", "23:59"])),
       amount=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), numbers, weird_text),
       notes=weird_text)
def test_fuzz_log_hours(fuzz_db, day, start, end, amount, notes):
    with fuzz_db.read_session() as s:
        person_id = s.scalar(select(Officer.person_id).where(Officer.badge_number == "N103"))
        site_id = s.scalar(select(Site.id).where(Site.name == "Norwich High School"))

    def check(s, row):
        entry = s.get(HourEntry, row.id)
        assert 0 < entry.minutes <= 24 * 60

    _attempt(fuzz_db, "log_hours", lambda s: hours.log_hours(
        s, person_id=person_id, work_date=day, kind="building_patrol", site_id=site_id, start=start, end=end,
        hours=amount, notes=notes), check)


@SETTINGS
@given(name=weird_text, kind=st.sampled_from(["police_department", "school_district", "nope"]), email=weird_text)
def test_fuzz_add_party(fuzz_db, name, kind, email):
    _attempt(fuzz_db, "add_party", lambda s: parties.add_party(s, name=name, kind=kind, email=email))


def test_fuzz_left_nothing_behind_and_reached_ten_thousand(fuzz_db, baseline):
    assert _counts(fuzz_db) == baseline  # every example rolled back: no half-written record anywhere
    assert sum(COUNTS.values()) >= 10_000


@pytest.mark.parametrize("name", ["a" * 5000, "🚓" * 500, "نور الهدى " * 100, "<para>&</para>" * 200, "\u202e" * 50])
def test_unusual_text_prints_without_layout_errors(db, name):
    """What was stored prints: the roster never fails with reportlab's LayoutError, whatever the name."""
    from sharedsvc_desktop.services.reports import write_officer_roster

    with db.session() as s:
        officers.add_officer(s, first_name=name[:100], last_name=name[-100:], badge_number=name[:30],
                             email="", phone=name[:60])
    out = io.BytesIO()
    with db.read_session() as s:
        assert write_officer_roster(s, out=out, include_inactive=True) == 1
    assert out.getvalue().startswith(b"%PDF")
