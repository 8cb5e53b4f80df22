"""The whole domain as SQLAlchemy 2 typed models (see DOMAIN.md for the words).

Conventions:
- instants are stored in UTC (``UTCDateTime`` gives back aware datetimes); a site's IANA zone is stored beside them;
- durations are whole minutes, money is whole cents (no floating point in totals);
- user-defined lists (party kinds, service types, event types, training kinds, data categories) live in
  ``category`` rows, keyed by ``domain`` and ``code``;
- records are deactivated, not deleted (``active`` or a status).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC; refuses naive input so no local time slips in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow, onupdate=_utcnow)


# --------------------------------------------------------------------------------------------------- settings


class Setting(Base):
    """Program-wide settings stored with the data (caps, rest, suppression threshold...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Category(Base):
    """A user-defined list entry: party kinds, service types, event types, training kinds, data categories."""

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("domain", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    extra: Mapped[Any | None] = mapped_column(JSON, default=None)


# --------------------------------------------------------------------------------------------- parties, people


class Party(Timestamped, Base):
    """A public body in an agreement: police department, school district, town department..."""

    __tablename__ = "party"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[str] = mapped_column(String(60))  # category domain "party_kind"
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="America/New_York")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Timestamped, Base):
    """Anyone the program names: officers, school staff, signatories, team members."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Interim Superintendent"
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    party: Mapped[Party | None] = relationship()
    officer: Mapped[Officer | None] = relationship(back_populates="person", uselist=False)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonRole(Base):
    """A role a person plays, over time: principal of a school, secretary, superintendent, IT staff, chief..."""

    __tablename__ = "person_role"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)


class Officer(Timestamped, Base):
    __tablename__ = "officer"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'on_leave', 'inactive')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)
    badge_number: Mapped[str] = mapped_column(String(30), unique=True)
    rank: Mapped[str] = mapped_column(String(60), default="Officer")
    hire_date: Mapped[dt.date | None] = mapped_column(Date)
    probation_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    is_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(back_populates="officer")


class Qualification(Base):
    """Training or certification with completion and expiry (drives eligibility for school details)."""

    __tablename__ = "qualification"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))  # category domain "qualification"
    completed_on: Mapped[dt.date] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Site(Timestamped, Base):
    """A place where service happens: a school (district or not), a stadium, a town building."""

    __tablename__ = "site"
    __table_args__ = (
        CheckConstraint("level IN ('elementary', 'middle', 'high', 'other')", name="level"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    level: Mapped[str] = mapped_column(String(20), default="other")
    in_district: Mapped[bool] = mapped_column(Boolean, default=True)
    address: Mapped[str] = mapped_column(Text, default="")
    principal_name: Mapped[str] = mapped_column(String(200), default="")
    principal_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    contact_phone: Mapped[str] = mapped_column(String(60), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="America/New_York")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    party: Mapped[Party | None] = relationship()


class UserAccount(Timestamped, Base):
    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint(
            "role IN ('administrator', 'scheduler', 'requester', 'read_only')", name="role"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


# -------------------------------------------------------------------------------------------------- agreements


class Agreement(Timestamped, Base):
    __tablename__ = "agreement"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # stable document number, e.g. AGR-2022-001
    kind: Mapped[str] = mapped_column(String(60))  # sro_program, in_kind_exchange, event_coverage, other
    title: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    parties: Mapped[list[AgreementParty]] = relationship(cascade="all, delete-orphan")
    versions: Mapped[list[AgreementVersion]] = relationship(
        back_populates="agreement", order_by="AgreementVersion.version_no"
    )


class AgreementParty(Base):
    __tablename__ = "agreement_party"
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    party: Mapped[Party] = relationship()


class AgreementVersion(Timestamped, Base):
    """One version of an agreement. Once executed it is never edited: an amendment is a new version."""

    __tablename__ = "agreement_version"
    __table_args__ = (
        UniqueConstraint("agreement_id", "version_no"),
        CheckConstraint(
            "status IN ('draft', 'out_for_signature', 'executed', 'superseded', 'terminated', 'expired')",
            name="status",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(30), default="draft")
    template_code: Mapped[str] = mapped_column(String(60), default="")
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    term_months: Mapped[int] = mapped_column(Integer, default=12)
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=True)
    notice_days: Mapped[int] = mapped_column(Integer, default=7)
    overtime_rules: Mapped[str] = mapped_column(Text, default="")
    witness_lines: Mapped[bool] = mapped_column(Boolean, default=False)
    change_summary: Mapped[str] = mapped_column(Text, default="")  # readable diff against the previous version
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), default="")
    executed_on: Mapped[dt.date | None] = mapped_column(Date)
    termination_notice_on: Mapped[dt.date | None] = mapped_column(Date)
    termination_by_party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    termination_effective_on: Mapped[dt.date | None] = mapped_column(Date)

    agreement: Mapped[Agreement] = relationship(back_populates="versions")
    sections: Mapped[list[AgreementSection]] = relationship(
        order_by="AgreementSection.position", cascade="all, delete-orphan"
    )
    services: Mapped[list[AgreementService]] = relationship(cascade="all, delete-orphan")
    signatories: Mapped[list[Signatory]] = relationship(
        order_by="Signatory.position", cascade="all, delete-orphan"
    )


class AgreementSection(Base):
    __tablename__ = "agreement_section"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    clause_code: Mapped[str] = mapped_column(String(60), default="")  # from the clause library, if any
    heading: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")


class AgreementSite(Base):
    """The schools and sites a version covers."""

    __tablename__ = "agreement_site"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("agreement_version.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)


class AgreementService(Base):
    """A service one party gives under a version, with its hourly rate and the rules that price it."""

    __tablename__ = "agreement_service"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_version.id", ondelete="CASCADE"), index=True)
    provider_party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    service_type: Mapped[str] = mapped_column(String(60))  # category domain "service_type"
    hourly_rate_cents: Mapped[int] = mapped_column(Integer, default=0)
    min_callout_minutes: Mapped[int] = mapped_column(Integer, default=0)
    short_notice_days: Mapped[int] = mapped_column(Integer, default=0)
    short_notice_surcharge_pct: Mapped[int] = mapped_column(Integer, default=0)
    overtime_multiplier_pct: Mapped[int] = mapped_column(Integer, default=150)
    late_cancel_hours: Mapped[int] = mapped_column(Integer, default=0)
    late_cancel_charge_minutes: Mapped[int] = mapped_column(Integer, default=0)
    in_kind: Mapped[bool] = mapped_column(Boolean, default=False)


class Signatory(Base):
    __tablename__ = "signatory"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    organization: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    signature_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    scanned_copy_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))


class Clause(Timestamped, Base):
    """The clause library the user adds to; ``covers`` lists the required items a clause satisfies."""

    __tablename__ = "clause"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    heading: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    covers: Mapped[Any] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Attachment(Base):
    """A stored file (a scan, a signed copy, a report) with its SHA-256, linked to one record."""

    __tablename__ = "attachment"
    __table_args__ = (Index(None, "owner_table", "owner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_table: Mapped[str] = mapped_column(String(60))
    owner_id: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(300))
    mime_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)


# ------------------------------------------------------------------------------------------------ SRO program


class SroAppointment(Timestamped, Base):
    __tablename__ = "sro_appointment"
    __table_args__ = (
        Index(None, "site_id", "school_year"),
        CheckConstraint("status IN ('active', 'ended', 'dismissed', 'reassigned')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    school_year: Mapped[str] = mapped_column(String(9))  # "2026-27"
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    appointed_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    appointed_on: Mapped[dt.date | None] = mapped_column(Date)
    superintendent_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    superintendent_agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    eligibility_override_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class SroDuty(Base):
    """The SRO's weekly duty schedule: one row per weekday (0 = Monday) with local start and end."""

    __tablename__ = "sro_duty"
    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("sro_appointment.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)


class SroReview(Timestamped, Base):
    __tablename__ = "sro_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("sro_appointment.id"), index=True)
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    attendees: Mapped[str] = mapped_column(Text, default="")
    report_text: Mapped[str] = mapped_column(Text, default="")
    report_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    sent_to_chief_on: Mapped[dt.date | None] = mapped_column(Date)


class SroConcern(Timestamped, Base):
    """Principal's concern -> superintendent informed -> chief notified -> decision (section X)."""

    __tablename__ = "sro_concern"
    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("sro_appointment.id"), index=True)
    raised_on: Mapped[dt.date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text)
    superintendent_informed_on: Mapped[dt.date | None] = mapped_column(Date)
    chief_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    decision: Mapped[str | None] = mapped_column(String(20))  # dismiss, reassign, retain
    decision_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------------------------------- coverage


class EventSeries(Timestamped, Base):
    """A season of events created in one go (e.g. home games every Friday); each occurrence is its own event."""

    __tablename__ = "event_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    rule: Mapped[str] = mapped_column(Text, default="")  # human-readable and RRULE text
    exceptions: Mapped[Any] = mapped_column(JSON, default=list)


class Event(Timestamped, Base):
    __tablename__ = "event"
    __table_args__ = (
        Index(None, "starts_at"),
        Index(None, "site_id", "starts_at"),
        CheckConstraint(
            "status IN ('requested', 'approved', 'declined', 'staffed', 'completed', 'cancelled')",
            name="status",
        ),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event_series.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    event_type: Mapped[str] = mapped_column(String(60))  # category domain "event_type"
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    expected_attendance: Mapped[int | None] = mapped_column(Integer)
    officers_requested: Mapped[int] = mapped_column(Integer, default=1)
    supervisor_required: Mapped[bool] = mapped_column(Boolean, default=False)
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_contact: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="requested")
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    external_request_id: Mapped[str | None] = mapped_column(String(80), unique=True)

    site: Mapped[Site] = relationship()
    assignments: Mapped[list[Assignment]] = relationship(back_populates="event")


class Assignment(Timestamped, Base):
    """An officer on an event, for the whole event or part of it."""

    __tablename__ = "assignment"
    __table_args__ = (
        Index(None, "officer_id", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_overtime: Mapped[bool] = mapped_column(Boolean, default=False)
    overtime_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    overtime_approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    overridden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    event: Mapped[Event] = relationship(back_populates="assignments")
    officer: Mapped[Officer] = relationship()


# ------------------------------------------------------------------------------------------- hours and value


class HourEntry(Timestamped, Base):
    __tablename__ = "hour_entry"
    __table_args__ = (
        # covering index for "hours by person x month" summaries
        Index("ix_hour_entry_person_date_minutes", "person_id", "work_date", "minutes"),
        Index(None, "work_date"),
        Index(None, "event_id"),
        CheckConstraint("minutes >= 0 AND minutes <= 1440", name="minutes_range"),
        CheckConstraint(
            "kind IN ('event_coverage', 'building_patrol', 'sro_duty', 'it_service', 'other')", name="kind"
        ),
        CheckConstraint("status IN ('submitted', 'approved', 'locked')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    work_date: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))  # None: outside any agreement
    billable: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    change_reason: Mapped[str] = mapped_column(Text, default="")
    exported_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    import_batch: Mapped[str | None] = mapped_column(String(40))


class ClosedPeriod(Base):
    __tablename__ = "closed_period"
    id: Mapped[int] = mapped_column(primary_key=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    closed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class Invoice(Timestamped, Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    to_party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    from_party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    total_cents: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column(Date)


# -------------------------------------------------------------------------------------------------- oversight


class DataReport(Timestamped, Base):
    """One party's quarterly (or baseline) data for one school: aggregates only, never a student's identity."""

    __tablename__ = "data_report"
    __table_args__ = (
        UniqueConstraint("site_id", "side", "period"),
        CheckConstraint("side IN ('school', 'police')", name="side"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    side: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(10))  # "2026Q1" or "baseline"
    is_baseline: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class DataCount(Base):
    """A count in a data report: measure (e.g. disciplinary_action), dimension (e.g. type, race) and category."""

    __tablename__ = "data_count"
    __table_args__ = (
        UniqueConstraint("report_id", "measure", "dimension", "category"),
        CheckConstraint("value >= 0", name="non_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("data_report.id", ondelete="CASCADE"))
    measure: Mapped[str] = mapped_column(String(60))
    dimension: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(60))
    value: Mapped[int] = mapped_column(Integer)


class TeamMember(Base):
    """A member of the School/Police Collaboration Team."""

    __tablename__ = "team_member"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Meeting(Timestamped, Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(200), default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"), primary_key=True)


class AnnualReport(Timestamped, Base):
    __tablename__ = "annual_report"
    __table_args__ = (UniqueConstraint("agreement_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    year: Mapped[int] = mapped_column(Integer)
    activities: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date)


# ------------------------------------------------------------------------------------------ around everything


class AuditEntry(Base):
    """Append-only, hash-chained record of every write (UPDATE and DELETE are refused by triggers)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index(None, "table_name", "row_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)
    username: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(20))  # insert, update, deactivate...
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class OutboxMessage(Base):
    """A notice written in the same transaction as its cause and sent later, exactly once."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'held', 'sent', 'failed')", name="status"),
        Index(None, "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=_utcnow)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(60))
    to_address: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    ics: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
