"""Known quarterly figures for the five West Hartford schools of the demo, entered through the services."""

from __future__ import annotations

from sharedsvc_desktop.services import oversight

WH_SCHOOLS = ["Hall High School", "Conard High School", "Sedgwick Middle School", "King Philip Middle School",
              "Bristow Middle School"]

# disciplinary actions by type: in-school, out-of-school suspension, expulsion, other
DISCIPLINE = {
    "Hall High School": [20, 12, 0, 10],
    "Conard High School": [15, 11, 3, 10],
    "Sedgwick Middle School": [12, 10, 0, 0],
    "King Philip Middle School": [10, 5, 0, 12],
    "Bristow Middle School": [30, 20, 0, 15],
}
STUDENTS = {  # students involved
    "Hall High School": 30,
    "Conard High School": 25,
    "Sedgwick Middle School": 14,
    "King Philip Middle School": 20,
    "Bristow Middle School": 44,
}
REFERRALS = {"Hall High School": 12, "Conard High School": 4, "Sedgwick Middle School": 0,
             "King Philip Middle School": 10, "Bristow Middle School": 11}
INCIDENTS = {  # incident reports by type: assault, threat, weapon, drugs, theft, disorderly, other
    "Hall High School": [10, 0, 0, 12, 0, 10, 0],
    "Conard High School": [11, 2, 0, 10, 0, 0, 0],
    "Sedgwick Middle School": [0, 0, 0, 0, 0, 0, 0],
    "King Philip Middle School": [10, 10, 0, 0, 0, 0, 0],
    "Bristow Middle School": [12, 10, 1, 0, 10, 0, 0],
}
ACTIONS = {  # police actions: warning, conference, referral JRB/agency, court referral, arrest
    "Hall High School": [15, 12, 10, 0, 0],
    "Conard High School": [10, 10, 10, 3, 0],
    "Sedgwick Middle School": [0, 0, 0, 0, 0],
    "King Philip Middle School": [10, 10, 0, 0, 0],
    "Bristow Middle School": [20, 11, 0, 0, 2],
}
# the shares of students in each category of a breakdown (split by largest remainder)
SHARES = {
    "race_ethnicity": [3, 0, 1, 3, 0, 5, 1],
    "gender": [4, 6, 0],
    "disability": [3, 1, 6],
    "english_learner": [1, 4],
    "age_band": [0, 3, 4, 4, 1],
}


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` shared in proportion to ``weights`` (largest remainder), so the parts add up exactly."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: -(raw[i] - parts[i]))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def school_counts(layout, name: str, factor: int = 1) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in layout:
        if m.measure == "disciplinary_action":
            values = [v * factor for v in DISCIPLINE[name]]
            counts[m.total_key] = sum(values)
            for c, v in zip(m.breakdowns[0].categories, values, strict=True):
                counts[m.breakdowns[0].key(m.measure, c.code)] = v
        elif m.measure == "students_involved":
            total = STUDENTS[name] * factor
            counts[m.total_key] = total
            for b in m.breakdowns:
                for c, v in zip(b.categories, split(total, SHARES[b.dimension]), strict=True):
                    counts[b.key(m.measure, c.code)] = v
        elif m.measure == "police_referral":
            counts[m.total_key] = REFERRALS[name] * factor
    return counts


def police_counts(layout, name: str, factor: int = 1) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in layout:
        values = [v * factor for v in (INCIDENTS if m.measure == "incident_report" else ACTIONS)[name]]
        counts[m.total_key] = sum(values)
        for c, v in zip(m.breakdowns[0].categories, values, strict=True):
            counts[m.breakdowns[0].key(m.measure, c.code)] = v
    return counts


def fill_quarter(db, period: str, *, factor: int = 1, schools: list[str] | None = None) -> dict[str, int]:
    """Enter both sides for the West Hartford schools; returns {school name: site id}."""
    ids: dict[str, int] = {}
    with db.session() as s:
        choices = {c.name: c.id for c in oversight.data_schools(s)}
        school_layout = oversight.form_layout(s, side="school")
        police_layout = oversight.form_layout(s, side="police")
        for name in schools or WH_SCHOOLS:
            site_id = choices[name]
            ids[name] = site_id
            oversight.save_data_report(s, site_id=site_id, side="school", period=period,
                                       counts=school_counts(school_layout, name, factor))
            oversight.save_data_report(s, site_id=site_id, side="police", period=period,
                                       counts=police_counts(police_layout, name, factor))
    return ids
