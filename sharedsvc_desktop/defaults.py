"""Default entries of the user-defined lists (police–school first; any shared service can be added).

Frozen copies of these lists are written by the first migration; later changes to this module do not alter
existing databases, new entries get a migration of their own.
"""

from __future__ import annotations

DEFAULT_CATEGORIES: dict[str, list[tuple[str, str]]] = {
    "party_kind": [
        ("police_department", "Police department"),
        ("school_district", "School district (board of education)"),
        ("town_department", "Town department"),
        ("regional_council", "Regional council or service center"),
        ("other_agency", "Other public agency"),
    ],
    "service_type": [
        ("event_coverage", "Police event coverage"),
        ("building_patrol", "School building patrol"),
        ("sro_duty", "School resource officer duty"),
        ("it_service", "IT service (in kind)"),
        ("facilities", "Facilities and maintenance"),
        ("finance", "Finance and payroll"),
        ("transportation", "Transportation"),
        ("other", "Other service"),
    ],
    "event_type": [
        ("graduation", "Graduation"),
        ("varsity_game", "Varsity game"),
        ("dance", "Dance"),
        ("prom", "Prom"),
        ("homecoming", "Homecoming"),
        ("alcohol_free_party", "Alcohol-free party"),
        ("assembly", "Assembly"),
        ("other", "Other"),
    ],
    "qualification": [
        ("sro_basic", "SRO basic course"),
        ("sel_restorative", "Social-emotional learning and restorative practices (CGS §10-233m)"),
        ("firearms", "Firearms qualification"),
    ],
    "rank": [
        ("officer", "Officer"),
        ("detective", "Detective"),
        ("sergeant", "Sergeant"),
        ("lieutenant", "Lieutenant"),
        ("captain", "Captain"),
        ("deputy_chief", "Deputy Chief"),
        ("chief", "Chief of Police"),
    ],
    "disciplinary_action": [
        ("in_school_suspension", "In-school suspension"),
        ("out_of_school_suspension", "Out-of-school suspension"),
        ("expulsion", "Expulsion"),
        ("other", "Other"),
    ],
    "police_action": [
        ("verbal_warning", "Verbal warning"),
        ("conference", "Conference with student/parents/teachers"),
        ("referral_jrb_agency", "Referral to a juvenile review board or community agency"),
        ("referral_court", "Referral to court"),
        ("arrest", "Arrest"),
    ],
}

# Training every officer on a school detail must hold, current (codes of the "qualification" list).
REQUIRED_SCHOOL_TRAINING = ("sro_basic", "sel_restorative")

OFFICER_STATUSES = {"active": "Active", "on_leave": "On leave", "inactive": "Inactive"}
SITE_LEVELS = {"elementary": "Elementary", "middle": "Middle", "high": "High", "other": "Other"}
EVENT_STATUSES = {
    "requested": "Requested",
    "approved": "Approved",
    "declined": "Declined",
    "staffed": "Staffed",
    "completed": "Completed",
    "cancelled": "Cancelled",
}


def category_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for domain, entries in DEFAULT_CATEGORIES.items():
        for order, (code, label) in enumerate(entries):
            rows.append({"domain": domain, "code": code, "label": label, "sort_order": order, "active": True})
    return rows
