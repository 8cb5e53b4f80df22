"""A realistic sample so a newcomer sees a living program.

Two partnerships, as in the seed texts: a city police department that trades event coverage and school patrols
for in-kind IT work with its school district (Norwich, NY), and a town police department with School Resource
Officers in five schools (West Hartford, CT). The people are fictional. The school year is the one running today,
so the Dashboard always has something to show: past events are completed with hours logged, coming ones are
requested, approved or staffed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import DemoRefusedError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    AgreementService,
    AgreementSite,
    AgreementVersion,
    Assignment,
    Event,
    HourEntry,
    Officer,
    Party,
    Person,
    PersonRole,
    Qualification,
    Signatory,
    Site,
    SroAppointment,
    SroDuty,
)
from sharedsvc_desktop.timeutil import local_to_utc, minutes_between

TZ = "America/New_York"

FIRST_NAMES = [
    "Maria", "James", "Aisha", "Daniel", "Grace", "Luis", "Hannah", "Marcus", "Priya", "Owen",
    "Sofia", "Tyrone", "Emily", "Kenji", "Rachel", "Victor", "Nadia", "Patrick", "Leah", "Samuel",
    "Carmen", "Derek",
]
LAST_NAMES = [
    "Alvarez", "Brennan", "Okafor", "Kowalski", "Nguyen", "Ferreira", "Lindqvist", "Dubois", "Raman", "Gallagher",
    "Moreau", "Whitfield", "Castellano", "Tanaka", "Brooks", "Petrov", "Haddad", "Quinn", "Abernathy", "Osei",
    "Delgado", "Mercer",
]


@dataclass(frozen=True)
class DemoSummary:
    parties: int
    sites: int
    officers: int
    people: int
    agreements: int
    events: int
    assignments: int
    hour_entries: int
    appointments: int


def database_is_empty(session: Session) -> bool:
    for model in (Party, Person, Site, Officer, Event, HourEntry, Agreement):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    return True


def school_year_start(today: dt.date) -> int:
    return today.year if today.month >= 8 else today.year - 1


def _weekdays(start: dt.date, end: dt.date, weekday: int) -> Iterable[dt.date]:
    day = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    while day <= end:
        yield day
        day += dt.timedelta(days=7)


class _Builder:
    def __init__(self, session: Session, today: dt.date, seed: int) -> None:
        self.s = session
        self.today = today
        self.rng = random.Random(seed)
        self.year = school_year_start(today)
        self.busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
        self.name_index = 0
        self.counts = {"events": 0, "assignments": 0, "hours": 0}

    # -- people
    def person(self, first: str, last: str, party: Party, title: str, email_domain: str) -> Person:
        p = Person(
            first_name=first,
            last_name=last,
            party=party,
            title=title,
            email=f"{first[0].lower()}{last.lower().replace(' ', '')}@{email_domain}",
            phone=f"(860) 555-{self.rng.randint(1000, 9999)}",
        )
        self.s.add(p)
        return p

    def next_name(self) -> tuple[str, str]:
        i = self.name_index
        self.name_index += 1
        return FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[(i * 7) % len(LAST_NAMES)]

    def officer(self, party: Party, badge: str, rank: str, domain: str, *, supervisor: bool = False) -> Officer:
        first, last = self.next_name()
        person = self.person(first, last, party, rank, domain)
        hire = dt.date(self.year - self.rng.randint(2, 18), self.rng.randint(1, 12), self.rng.randint(1, 28))
        o = Officer(person=person, badge_number=badge, rank=rank, hire_date=hire, is_supervisor=supervisor)
        self.s.add(o)
        self.s.flush()
        # training: most current, a few lapsed so eligibility has something to say
        done = self.today - dt.timedelta(days=self.rng.randint(60, 600))
        self.s.add(Qualification(person_id=person.id, kind="sro_basic", completed_on=done))
        self.s.add(
            Qualification(
                person_id=person.id,
                kind="firearms",
                completed_on=self.today - dt.timedelta(days=120),
                expires_on=self.today + dt.timedelta(days=245),
            )
        )
        return o

    def sel_training(self, officer: Officer, *, lapsed: bool) -> None:
        done = self.today - dt.timedelta(days=800 if lapsed else 200)
        self.s.add(
            Qualification(
                person_id=officer.person_id,
                kind="sel_restorative",
                completed_on=done,
                expires_on=done + dt.timedelta(days=730),
            )
        )

    # -- events
    def free(self, officer: Officer, start: dt.datetime, end: dt.datetime) -> bool:
        return all(e <= start or s >= end for s, e in self.busy.get(officer.id, []))

    def event(
        self,
        site: Site,
        agreement: Agreement,
        kind: str,
        title: str,
        day: dt.date,
        start: dt.time,
        end: dt.time,
        officers: list[Officer],
        *,
        wanted: int,
        attendance: int,
        requester: Person,
        supervisor: bool = False,
    ) -> None:
        starts = local_to_utc(dt.datetime.combine(day, start), site.timezone)
        end_day = day if end > start else day + dt.timedelta(days=1)
        ends = local_to_utc(dt.datetime.combine(end_day, end), site.timezone)
        days_ahead = (day - self.today).days
        if days_ahead < 0:
            status, staff = "completed", wanted
        elif days_ahead <= 4:
            status, staff = "staffed", wanted
        elif days_ahead <= 10:
            # a realistic gap: approved but not yet fully staffed
            status, staff = "approved", max(0, wanted - 1)
        elif days_ahead <= 45:
            status, staff = ("approved", 0) if self.rng.random() < 0.5 else ("requested", 0)
        else:
            status, staff = "requested", 0
        if status == "staffed" and staff < wanted:
            status = "approved"
        ev = Event(
            site_id=site.id,
            agreement_id=agreement.id,
            event_type=kind,
            title=title,
            starts_at=starts,
            ends_at=ends,
            timezone=site.timezone,
            expected_attendance=attendance,
            officers_requested=wanted,
            supervisor_required=supervisor,
            requester_id=requester.id,
            requester_name=requester.full_name,
            requester_contact=requester.email,
            status=status,
            requested_at=starts - dt.timedelta(days=self.rng.randint(10, 40)),
        )
        self.s.add(ev)
        self.s.flush()
        self.counts["events"] += 1
        pool = officers[:]
        self.rng.shuffle(pool)
        chosen = [o for o in pool if o.status == "active" and self.free(o, starts, ends)][:staff]
        if status == "staffed" and len(chosen) < wanted:
            ev.status = "approved"
        for o in chosen:
            self.busy.setdefault(o.id, []).append((starts, ends))
            self.s.add(Assignment(event_id=ev.id, officer_id=o.id, starts_at=starts, ends_at=ends))
            self.counts["assignments"] += 1
            if status == "completed":
                self.hours(
                    o.person_id, day, starts, ends, "event_coverage", site, agreement_id=agreement.id, event_id=ev.id
                )

    def hours(
        self,
        person_id: int,
        day: dt.date,
        starts: dt.datetime,
        ends: dt.datetime,
        kind: str,
        site: Site | None,
        *,
        agreement_id: int | None,
        event_id: int | None = None,
        notes: str = "",
    ) -> None:
        self.s.add(
            HourEntry(
                person_id=person_id,
                work_date=day,
                starts_at=starts,
                ends_at=ends,
                minutes=minutes_between(starts, ends),
                kind=kind,
                site_id=site.id if site else None,
                event_id=event_id,
                agreement_id=agreement_id,
                billable=False,
                notes=notes,
                status="approved" if day < self.today - dt.timedelta(days=7) else "submitted",
            )
        )
        self.counts["hours"] += 1


def _site(s: Session, name: str, level: str, party: Party, principal: str, *, district: bool = True) -> Site:
    site = Site(
        name=name,
        level=level,
        party=party,
        in_district=district,
        principal_name=principal,
        timezone=TZ,
        address="",
        contact_phone="",
        contact_email="",
    )
    s.add(site)
    return site


def _agreement(
    s: Session,
    *,
    number: str,
    kind: str,
    title: str,
    parties: list[Party],
    effective: dt.date,
    sites: list[Site],
    sections: list[tuple[str, str]],
    signatories: list[tuple[Person, Party]],
    services: list[tuple[Party, str, int, bool]],
) -> Agreement:
    agreement = Agreement(number=number, kind=kind, title=title)
    s.add(agreement)
    s.flush()
    for pos, party in enumerate(parties):
        s.add(AgreementParty(agreement_id=agreement.id, party_id=party.id, position=pos))
    version = AgreementVersion(
        agreement_id=agreement.id,
        version_no=1,
        status="executed",
        effective_date=effective,
        end_date=dt.date(effective.year + 1, effective.month, effective.day) - dt.timedelta(days=1),
        term_months=12,
        auto_renew=True,
        notice_days=7,
        executed_on=effective,
        witness_lines=kind == "sro_program",
    )
    s.add(version)
    s.flush()
    for pos, (heading, body) in enumerate(sections, start=1):
        s.add(AgreementSection(version_id=version.id, position=pos, heading=heading, body=body))
    for site in sites:
        s.add(AgreementSite(version_id=version.id, site_id=site.id))
    for pos, (person, party) in enumerate(signatories):
        s.add(
            Signatory(
                version_id=version.id,
                position=pos,
                party_id=party.id,
                person_id=person.id,
                name=person.full_name,
                title=person.title,
                organization=party.name,
                signed_on=effective,
            )
        )
    for provider, service_type, rate, in_kind in services:
        s.add(
            AgreementService(
                version_id=version.id,
                provider_party_id=provider.id,
                service_type=service_type,
                hourly_rate_cents=rate,
                min_callout_minutes=180 if service_type == "event_coverage" else 0,
                in_kind=in_kind,
            )
        )
    return agreement


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` shared out over ``parts`` whole numbers (a breakdown that adds up, as the form requires)."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _oversight(b: _Builder, program: Agreement, schools: list[Site], *, members: list[tuple[Person, Party]]) -> None:
    """The SRO program's oversight so far this school year: the Collaboration Team, a meeting in each quarter
    that has gone by, and each school's quarterly figures from both sides (one left to come, as happens)."""
    s, rng, today = b.s, b.rng, b.today
    # whoever may load the demo loads all of it: the sample's team and figures are not their own actions
    actor = s.info.pop("actor", None)
    try:
        _oversight_records(s, rng, today, b.year, program, schools, members)
    finally:
        if actor is not None:
            s.info["actor"] = actor


def _oversight_records(s: Session, rng: random.Random, today: dt.date, year: int, program: Agreement,
                       schools: list[Site], members: list[tuple[Person, Party]]) -> None:
    from sharedsvc_desktop.services import oversight, team

    start = dt.date(year, 7, 1)
    ids = [team.add_team_member(s, person_id=person.id, party_id=party.id, agreement_id=program.id,
                                joined_on=start).id for person, party in members]
    quarter = oversight.quarter_of(start)
    quarters: list[str] = []
    while oversight.quarter_bounds(quarter)[0] <= today:
        quarters.append(quarter)
        quarter = oversight.next_quarter(quarter)
    for number, period in enumerate(quarters):
        last = oversight.quarter_bounds(period)[1]
        month = last.replace(day=1)
        held = month + dt.timedelta(days=(3 - month.weekday()) % 7 + 14)  # the third Thursday of its last month
        if held >= today:
            continue  # still to come this quarter
        team.record_meeting(
            s, held_on=held, attendee_ids=ids if number % 2 == 0 else ids[:3], agreement_id=program.id,
            location="Town Hall, Room 314",
            minutes=f"The team reviewed the figures for {oversight.period_label(oversight.previous_quarter(period))}"
                    " and the SROs' reports on school events.",
            decisions="Keep the SRO schedule; add an officer to the larger home games.",
            recommendations="Offer the de-escalation refresher to all SROs before the next quarter.")
    due = oversight.data_due_days(s)
    ended = [period for period in quarters if oversight.quarter_bounds(period)[1] < today]
    for period in ended:  # a quarter not over yet has no figures
        last = oversight.quarter_bounds(period)[1]
        for k, school in enumerate(schools):
            for side in ("school", "police"):
                if period == ended[-1] and k == len(schools) - 1 and side == "police":
                    continue  # one report still to come: it shows on the Dashboard as due
                counts: dict[str, int] = {}
                for measure in oversight.form_layout(s, side=side):
                    total = rng.randint(0, 24)
                    counts[measure.total_key] = total
                    for breakdown in measure.breakdowns:
                        if breakdown.categories:
                            shares = _split(rng, total, len(breakdown.categories))
                            for category, share in zip(breakdown.categories, shares, strict=True):
                                counts[breakdown.key(measure.measure, category.code)] = share
                submitted = min(today, last + dt.timedelta(days=rng.randint(5, max(5, due - 5))))
                oversight.save_data_report(s, site_id=school.id, side=side, period=period, counts=counts,
                                           submitted_on=submitted)


def load_demo(
    session: Session, *, today: dt.date | None = None, seed: int = 2026, oversight: bool = True
) -> DemoSummary:
    """Fill an empty database with the sample; refuses a database that already holds records. ``oversight``: also
    the SRO program's Collaboration Team, its meetings and the schools' quarterly figures so far this year."""
    if not database_is_empty(session):
        raise DemoRefusedError(
            "The demo data can only be loaded into an empty database; this one already holds records. "
            "Start with another data folder (--data-dir) to try the demo."
        )
    today = today or dt.date.today()
    b = _Builder(session, today, seed)
    s = session
    y = b.year

    # ---- parties
    npd = Party(name="City of Norwich Police Department", short_name="Norwich PD", kind="police_department",
                address="1 City Plaza, Norwich, NY 13815", phone="(607) 334-1207", timezone=TZ)
    ncsd = Party(name="Norwich City School District", short_name="NCSD", kind="school_district",
                 address="89 Midland Drive, Norwich, NY 13815", timezone=TZ)
    whpd = Party(name="West Hartford Police Department", short_name="WHPD", kind="police_department",
                 address="103 Raymond Road, West Hartford, CT 06107", timezone=TZ)
    whps = Party(name="West Hartford Public Schools", short_name="WHPS", kind="school_district",
                 address="50 South Main Street, West Hartford, CT 06107", timezone=TZ)
    s.add_all([npd, ncsd, whpd, whps])
    s.flush()

    # ---- sites
    n_sites = [
        _site(s, "Norwich High School", "high", ncsd, "Dana Whitcomb"),
        _site(s, "Norwich Middle School", "middle", ncsd, "Paul Ferrante"),
        _site(s, "Perry Browne Intermediate School", "elementary", ncsd, "Irene Castillo"),
        _site(s, "Gibson Primary School", "elementary", ncsd, "Tom Radley"),
    ]
    church = [
        _site(s, "St. Paul's Parish School", "elementary", ncsd, "Sr. Anne Mulroney", district=False),
        _site(s, "Grace Christian Academy", "other", ncsd, "Rev. Mark Ellison", district=False),
    ]
    wh_sites = [
        _site(s, "Hall High School", "high", whps, "Meredith Blake"),
        _site(s, "Conard High School", "high", whps, "Julian Park"),
        _site(s, "Sedgwick Middle School", "middle", whps, "Rosa Jimenez"),
        _site(s, "King Philip Middle School", "middle", whps, "Allen Shore"),
        _site(s, "Bristow Middle School", "middle", whps, "Denise Wolcott"),
    ]
    s.flush()

    # ---- school staff and signatories (fictional)
    n_chief = b.person("Robert", "Hanley", npd, "Chief of Police", "norwichpd.example.org")
    n_supt = b.person("Susan", "Caldwell", ncsd, "Superintendent of Schools", "ncsd.example.org")
    w_chief = b.person("Anthony", "Reyes", whpd, "Chief of Police", "whpd.example.org")
    w_supt = b.person("Elaine", "Marsh", whps, "Interim Superintendent", "whps.example.org")
    n_it = [
        b.person("Kevin", "Doyle", ncsd, "Network Administrator", "ncsd.example.org"),
        b.person("Lisa", "Tran", ncsd, "Systems Technician", "ncsd.example.org"),
    ]
    secretaries: dict[int, Person] = {}
    sec_names = [("Joan", "Pellegrino"), ("Wendy", "Ashford"), ("Carla", "Benitez"), ("Diane", "Fox"),
                 ("Gail", "Morrison"), ("Nancy", "Oyelaran"), ("Ruth", "Sandoval")]
    high_and_middle = [n_sites[0], n_sites[1], *wh_sites]
    for site, (first, last) in zip(high_and_middle, sec_names, strict=True):
        party = ncsd if site in n_sites else whps
        sec = b.person(first, last, party, "School Secretary",
                       "ncsd.example.org" if party is ncsd else "whps.example.org")
        secretaries[id(site)] = sec
    s.flush()
    for person, role in [(n_chief, "chief"), (w_chief, "chief"), (n_supt, "superintendent"),
                         (w_supt, "superintendent")]:
        s.add(PersonRole(person_id=person.id, role=role, title=person.title))
    for person in n_it:
        s.add(PersonRole(person_id=person.id, role="it_staff", title=person.title))
    for site in high_and_middle:
        sec = secretaries[id(site)]
        s.add(PersonRole(person_id=sec.id, role="secretary", site_id=site.id, title=sec.title))

    # ---- officers: 8 in Norwich, 12 in West Hartford
    n_officers = [b.officer(npd, f"N{101 + i}", "Sergeant" if i == 0 else "Officer", "norwichpd.example.org",
                            supervisor=i == 0) for i in range(8)]
    w_ranks = ["Sergeant", "Lieutenant"] + ["Officer"] * 10
    w_officers = [b.officer(whpd, f"W{2201 + i}", w_ranks[i], "whpd.example.org", supervisor=i < 2)
                  for i in range(12)]
    lapsed = {5, 13}
    for i, o in enumerate(n_officers + w_officers):
        b.sel_training(o, lapsed=i in lapsed)
    lapsed_ids = {id(o) for i, o in enumerate(n_officers + w_officers) if i in lapsed}
    w_officers[11].status = "on_leave"
    w_officers[10].probation_end = today + dt.timedelta(days=90)
    w_officers[10].hire_date = today - dt.timedelta(days=270)
    s.flush()

    # ---- agreements
    norwich = _agreement(
        s, number="AGR-2012-001", kind="in_kind_exchange",
        title="Shared Services Agreement: Police Services for Information Technology Services",
        parties=[npd, ncsd], effective=dt.date(y, 7, 1), sites=n_sites + church,
        sections=[
            ("Purpose", "The City police and the School District exchange services in kind instead of invoicing "
                        "each other, to save taxpayer dollars and increase school safety."),
            ("Police services", "The Police Department covers school events (graduations, varsity games, dances "
                                "and similar) at the District's request, and patrols school buildings."),
            ("Information technology services", "The District's IT staff connect the police records management "
                                                "system to the patrol-car laptops and support it."),
            ("Hours and value", "Both parties log their hours; a ledger shows the value each side has given."),
        ],
        signatories=[(n_chief, npd), (n_supt, ncsd)],
        services=[(npd, "event_coverage", 6500, False), (npd, "building_patrol", 5500, False),
                  (ncsd, "it_service", 7500, True)],
    )
    westhartford = _agreement(
        s, number="AGR-2022-014", kind="sro_program",
        title="School Resource Officer Program Agreement",
        parties=[whpd, whps], effective=dt.date(y, 8, 9), sites=wh_sites,
        sections=[
            ("I. Introduction", "Town police officers serve as School Resource Officers and liaisons between the "
                                "school community and the police department."),
            ("III. Supervision", "SROs remain employees of the Police Department, which bears the costs of the "
                                 "program."),
            ("IX. Data Collection and Monitoring", "Quarterly data; a School/Police Collaboration Team meets at "
                                                   "least quarterly."),
            ("XI. Term of Agreement", "Either party may terminate on seven (7) days' written notice."),
        ],
        signatories=[(w_supt, whps), (w_chief, whpd)],
        services=[(whpd, "sro_duty", 0, False), (whpd, "event_coverage", 7200, False)],
    )
    s.flush()

    # ---- SRO appointments for the school year, Monday to Friday
    sros = [
        o
        for o in w_officers
        if o.rank == "Officer" and o.status == "active" and o.probation_end is None and id(o) not in lapsed_ids
    ][:5]
    for site, officer in zip(wh_sites, sros, strict=True):
        appt = SroAppointment(
            site_id=site.id, officer_id=officer.id, agreement_id=westhartford.id, school_year=f"{y}-{(y + 1) % 100:02d}",
            start_date=dt.date(y, 8, 25), end_date=dt.date(y + 1, 6, 20), appointed_by_id=w_chief.id,
            appointed_on=dt.date(y, 7, 15), superintendent_id=w_supt.id, superintendent_agreed_on=dt.date(y, 7, 12),
        )
        s.add(appt)
        s.flush()
        for weekday in range(5):
            s.add(SroDuty(appointment_id=appt.id, weekday=weekday, start_time=dt.time(7, 15),
                          end_time=dt.time(15, 15)))

    # ---- a school year of events
    season_start, year_end = dt.date(y, 9, 5), dt.date(y + 1, 6, 26)
    plans: list[tuple[list[Site], Agreement, list[Officer]]] = [
        ([n_sites[0], n_sites[1]], norwich, n_officers),
        (wh_sites, westhartford, [o for o in w_officers if o not in sros]),
    ]
    for sites, agreement, pool in plans:
        highs = [x for x in sites if x.level == "high"]
        middles = [x for x in sites if x.level == "middle"]
        for hs in highs:
            sec = secretaries[id(hs)]
            home = list(_weekdays(season_start, dt.date(y, 11, 14), 4))[:: 2 if len(highs) > 1 else 1]
            for i, day in enumerate(home):
                b.event(hs, agreement, "varsity_game", f"Varsity football vs. opponent {i + 1}", day,
                        dt.time(19), dt.time(22), pool, wanted=2, attendance=1200, requester=sec)
            for i, day in enumerate(list(_weekdays(dt.date(y, 12, 5), dt.date(y + 1, 2, 20), 1))[::2]):
                b.event(hs, agreement, "varsity_game", f"Varsity basketball, home game {i + 1}", day,
                        dt.time(18, 30), dt.time(21), pool, wanted=1, attendance=400, requester=sec)
            b.event(hs, agreement, "homecoming", "Homecoming game and dance", dt.date(y, 10, 17),
                    dt.time(18), dt.time(23), pool, wanted=3, attendance=1500, requester=sec, supervisor=True)
            b.event(hs, agreement, "dance", "Winter formal", dt.date(y, 12, 12), dt.time(19), dt.time(23),
                    pool, wanted=2, attendance=500, requester=sec)
            b.event(hs, agreement, "prom", "Senior prom", dt.date(y + 1, 5, 15), dt.time(19), dt.time(23, 30),
                    pool, wanted=3, attendance=450, requester=sec, supervisor=True)
            b.event(hs, agreement, "graduation", "Commencement", dt.date(y + 1, 6, 19), dt.time(17),
                    dt.time(20), pool, wanted=4, attendance=2500, requester=sec, supervisor=True)
            b.event(hs, agreement, "alcohol_free_party", "Project Graduation (alcohol-free party)",
                    dt.date(y + 1, 6, 19), dt.time(22), dt.time(4), pool, wanted=2, attendance=300, requester=sec)
        for ms in middles:
            sec = secretaries[id(ms)]
            b.event(ms, agreement, "dance", "Fall social", dt.date(y, 10, 30), dt.time(18), dt.time(20, 30),
                    pool, wanted=1, attendance=250, requester=sec)
            b.event(ms, agreement, "assembly", "Spring concert", dt.date(y + 1, 4, 22), dt.time(18, 30),
                    dt.time(20, 30), pool, wanted=1, attendance=600, requester=sec)
        # something always coming up in the next two weeks, whatever today is
        for k, hs in enumerate(highs):
            for offset, (kind, title, start, end, wanted) in enumerate([
                ("varsity_game", "Varsity hockey, home game", dt.time(19), dt.time(21, 30), 2),
                ("dance", "Class dance", dt.time(19), dt.time(22), 2),
                ("assembly", "Evening assembly", dt.time(18), dt.time(20), 1),
            ]):
                day = today + dt.timedelta(days=2 + 4 * offset + k)
                if day <= year_end:
                    b.event(hs, agreement, kind, title, day, start, end, pool, wanted=wanted,
                            attendance=300, requester=secretaries[id(hs)])

    # ---- building patrols in Norwich: outside the agreement, four district buildings and two church schools
    patrol_sites = n_sites + church
    day = dt.date(y, 9, 8)
    while day < min(today, year_end) and day.weekday() < 7:
        if day.weekday() < 5:
            for _ in range(2):
                site = b.rng.choice(patrol_sites)
                officer = b.rng.choice(n_officers)
                start = dt.time(b.rng.choice([8, 10, 12, 14]), b.rng.choice([0, 30]))
                starts = local_to_utc(dt.datetime.combine(day, start), TZ)
                ends = starts + dt.timedelta(minutes=b.rng.choice([30, 45, 60]))
                b.hours(officer.person_id, day, starts, ends, "building_patrol", site, agreement_id=None,
                        notes="Walk-through patrol")
        day += dt.timedelta(days=1)

    # ---- SRO duty days for the West Hartford SROs (a summary entry per school day so far)
    for appt_site, officer in zip(wh_sites, sros, strict=True):
        for day in (dt.date(y, 8, 25) + dt.timedelta(days=n) for n in range((min(today, year_end) - dt.date(y, 8, 25)).days)):
            if day.weekday() < 5:
                starts = local_to_utc(dt.datetime.combine(day, dt.time(7, 15)), TZ)
                b.hours(officer.person_id, day, starts, starts + dt.timedelta(hours=8), "sro_duty", appt_site,
                        agreement_id=westhartford.id)

    # ---- in-kind IT work by the district's IT staff, Saturdays while students are away
    for i, day in enumerate(list(_weekdays(dt.date(y, 9, 6), min(today, year_end), 5))):
        person = n_it[i % 2]
        starts = local_to_utc(dt.datetime.combine(day, dt.time(9)), TZ)
        ends = starts + dt.timedelta(hours=b.rng.choice([3, 4, 5]))
        b.hours(person.id, day, starts, ends, "it_service", None, agreement_id=norwich.id,
                notes="Records system link to patrol-car laptops")

    s.flush()
    if oversight:
        _oversight(b, westhartford, wh_sites, members=[
            (w_chief, whpd), (w_supt, whps), (b.s.get(Person, w_officers[0].person_id), whpd),
            (secretaries[id(wh_sites[0])], whps)])

    s.flush()
    count = lambda model: int(s.scalar(select(func.count()).select_from(model)) or 0)  # noqa: E731
    return DemoSummary(
        parties=count(Party),
        sites=count(Site),
        officers=count(Officer),
        people=count(Person),
        agreements=count(Agreement),
        events=count(Event),
        assignments=count(Assignment),
        hour_entries=count(HourEntry),
        appointments=count(SroAppointment),
    )
