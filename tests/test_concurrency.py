"""Two schedulers at the same moment: two processes assign one officer to two overlapping events at once.

Exactly one may succeed; the other is refused with the conflict named. Runs on SQLite (writers are serialised)
and, in CI's second pass, on the PostgreSQL server (the officer's row is locked)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time

from sqlalchemy import func, select

from sharedsvc_desktop.models import Assignment, Officer, Site
from sharedsvc_desktop.services import events

WORKER = textwrap.dedent(
    """
    import sys, time
    from sharedsvc_desktop.errors import ConflictError
    from sharedsvc_desktop.services import assignments
    from sharedsvc_desktop.storage import Database
    url, data_dir, event_id, officer_id, start_at = sys.argv[1:6]
    db = Database(url)
    with db.read_session() as s:
        pass  # connect before the start signal
    while time.time() < float(start_at):
        time.sleep(0.001)
    try:
        with db.session() as s:
            assignments.assign_officer(s, event_id=int(event_id), officer_id=int(officer_id),
                                       override_reason="", approve_overtime=True)
        print("OK")
    except ConflictError as exc:
        print("REFUSED", exc)
    """
)

ROUNDS = 4


def test_two_schedulers_never_double_book_an_officer(demo_db):
    url = demo_db.url.render_as_string(hide_password=False)
    with demo_db.read_session() as s:
        officer_id, badge = s.execute(
            select(Officer.id, Officer.badge_number).where(Officer.badge_number == "N102")
        ).one()
        hall = s.scalar(select(Site.id).where(Site.name == "Norwich High School"))
        middle = s.scalar(select(Site.id).where(Site.name == "Norwich Middle School"))
    outcomes = []
    for n in range(ROUNDS):
        day = dt.date(2027, 3, 1) + dt.timedelta(days=7 * n)
        event_ids = []
        with demo_db.session() as s:
            for site, title in ((hall, "Game"), (middle, "Concert")):
                row = events.request_event(
                    s, site_id=site, event_type="other", title=f"{title} {n}",
                    local_start=dt.datetime.combine(day, dt.time(18)), local_end=dt.datetime.combine(day, dt.time(21)),
                    status="approved",
                )
                event_ids.append(row.id)
        start_at = time.time() + 2.5
        procs = [
            subprocess.Popen([sys.executable, "-c", WORKER, url, str(demo_db.data_dir), str(e), str(officer_id),
                              str(start_at)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for e in event_ids
        ]
        results = [p.communicate(timeout=120) for p in procs]
        lines = [out.strip() for out, _err in results]
        assert all(line.startswith(("OK", "REFUSED")) for line in lines), results
        outcomes.append(sorted(line.split()[0] for line in lines))
        refused = next(line for line in lines if line.startswith("REFUSED"))
        assert ("Game" in refused or "Concert" in refused) and "already" in refused.lower()
        with demo_db.read_session() as s:
            booked = s.scalar(
                select(func.count()).select_from(Assignment).where(
                    Assignment.officer_id == officer_id, Assignment.event_id.in_(event_ids),
                    Assignment.active.is_(True))
            )
        assert booked == 1
    from tests.conftest import report_figure

    report_figure(f"two schedulers at once: {ROUNDS} rounds assigning {badge} to two overlapping events, "
                  f"outcomes {outcomes}")
    assert outcomes == [["OK", "REFUSED"]] * ROUNDS
