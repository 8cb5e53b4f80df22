"""Month and week calendars: coloured by status, click to open; and the calendar, the roster PDF and the .ics
file list the same events at the same times."""

from __future__ import annotations

import datetime as dt
import subprocess
from zoneinfo import ZoneInfo

import pytest
import vobject
from PySide6.QtWidgets import QApplication

from sharedsvc_desktop.exchange.ics import write_ics
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.calendar import STATUS_STYLE, CalendarView
from sharedsvc_desktop.services import assignments, events

NY = ZoneInfo("America/New_York")
MONDAY = dt.date(2026, 11, 23)


def settle(runner: DbRunner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


@pytest.fixture
def calendar(qtbot, demo_db):
    runner = DbRunner(demo_db)
    view = CalendarView(runner)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    yield view
    settle(runner)


def test_calendar_roster_and_ics_agree_for_a_week(calendar, demo_db, tmp_path):
    # a week with an event across the night the clocks go back, too
    with demo_db.session() as s:
        site = events.list_events(s)[0].site_id
        events.request_event(s, site_id=site, event_type="alcohol_free_party", title="Halloween lock-in",
                             local_start=dt.datetime(2026, 10, 31, 22), local_end=dt.datetime(2026, 11, 1, 6))
    for monday in (MONDAY, dt.date(2026, 10, 26)):
        calendar.go_to(monday, "week")
        settle(calendar.runner)
        shown = {(r.title, r.site_name, r.local_start.strftime("%a %H:%M"), r.local_end.strftime("%H:%M"))
                 for r in (c.row for c in calendar.chips)}
        assert shown, monday

        ics = tmp_path / f"{monday}.ics"
        start = dt.datetime.combine(monday, dt.time(0), NY).astimezone(dt.UTC)
        with demo_db.read_session() as s:
            write_ics(s, out=ics, start=start - dt.timedelta(days=1), end=start + dt.timedelta(days=8))
        parsed = set()
        for v in vobject.readOne(ics.read_text()).vevent_list:
            begin, end = v.dtstart.value.astimezone(NY), v.dtend.value.astimezone(NY)
            if monday <= begin.date() <= monday + dt.timedelta(days=6):
                title, site_name = v.summary.value.rsplit(" (", 1)
                parsed.add((title, site_name.rstrip(")"), begin.strftime("%a %H:%M"), end.strftime("%H:%M")))
        assert parsed == shown

        pdf = tmp_path / f"{monday}.pdf"
        with demo_db.read_session() as s:
            count = assignments.write_coverage_roster(s, out=pdf, week_start=monday)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert count == len(shown)
        for title, site_name, begin, end in shown:
            assert any(line.startswith(f"{begin[4:]}–{end} ") and f" {site_name} {title}" in line
                       for line in lines), (title, begin)
    lock_in = [c.row for c in calendar.chips if c.row.title == "Halloween lock-in"]
    assert lock_in and lock_in[0].minutes == 9 * 60


def test_month_view_colours_by_status_and_opens_on_click(calendar, demo_db, qtbot):
    calendar.go_to(MONDAY, "month")
    settle(calendar.runner)
    assert calendar.period_label.text() == "November 2026"
    with demo_db.read_session() as s:
        month = {r.id: r for r in events.list_events(s, date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30),
                                                     statuses=["requested", "approved", "staffed", "completed"])}
    shown = {c.row.id for c in calendar.chips}
    busy_days = {r.local_start.date() for r in month.values()}
    # every event of the month is shown, unless its day has more than three (then "+N more")
    for eid, row in month.items():
        same_day = sum(1 for r in month.values() if r.local_start.date() == row.local_start.date())
        assert eid in shown or same_day > 3
    assert busy_days
    staffed = next(c for c in calendar.chips if c.row.status == "staffed")
    assert STATUS_STYLE["staffed"][0] in staffed.styleSheet()
    completed = next(c for c in calendar.chips if c.row.status == "completed")
    assert STATUS_STYLE["completed"][0] in completed.styleSheet()
    with qtbot.waitSignal(calendar.eventActivated) as clicked:
        staffed.click()
    assert clicked.args[0].id == staffed.row.id
    dialog = calendar.current_dialog
    settle(calendar.runner)
    assert dialog.isVisible() and dialog.ui.titleEdit.text() == staffed.row.title
    dialog.reject()
    calendar.step(1)
    settle(calendar.runner)
    assert calendar.period_label.text() == "December 2026"
    calendar.show_closed.setChecked(True)
    settle(calendar.runner)
