"""The clause library and the required-clause check (COPS Office minimums, Conn. Gen. Stat. § 10-233m)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import agreements, clauses
from tests.agreement_helpers import draft_wh

SEED = "/work/shared/seeds/west-hartford-sro-agreement-2022.txt"


def test_templates_parse_and_carry_their_fields():
    codes = {t.code: t for t in clauses.list_templates()}
    assert {"sro_program", "in_kind_exchange"} <= set(codes)
    sro = codes["sro_program"]
    assert len(sro.sections) == 11 and sro.witness_lines and sro.notice_days == 7
    raw = (clauses.templates_dir() / "sro_program.md").read_text(encoding="utf-8")
    for field in ("{police_department}", "{school_district}", "{schools}", "{notice_days_words}"):
        assert field in raw
    ink = codes["in_kind_exchange"]
    assert ink.kind == "in_kind_exchange" and any(s.in_kind for s in ink.services)


def test_templates_are_in_our_own_words():
    """No sentence of the seed agreement is copied into the template."""
    import re
    from pathlib import Path

    seed = Path(SEED)
    if not seed.is_file():
        pytest.skip("seed not available")
    template = (clauses.templates_dir() / "sro_program.md").read_text(encoding="utf-8").casefold()
    sentences = [s.strip().casefold() for s in re.split(r"(?<=[.;])\s+", seed.read_text(encoding="utf-8"))]
    long_ones = [s for s in sentences if len(s) > 60]
    copied = [s for s in long_ones if s in template]
    assert not copied


def test_fill_fields_lists_and_unknown_names():
    out = clauses.fill_fields("A {x} and {unknown}.\n{schools}\nAt {schools}.", {"x": "1"},
                              {"schools": ["Hall", "Conard", "Bristow"]})
    assert out == "A 1 and {unknown}.\n- Hall\n- Conard\n- Bristow\nAt Hall, Conard and Bristow."


def test_a_template_draft_is_complete(demo_db):
    d = draft_wh(demo_db)
    with demo_db.read_session() as s:
        report = clauses.check_completeness(s, version_id=d.version_id)
    assert report.complete, report.message
    assert len(report.items) == 10  # five COPS minimums and five § 10-233m items


def test_the_check_lists_what_is_missing_and_still_allows_sending(demo_db):
    d = draft_wh(demo_db)
    keep = [s for s in d.sections if s.clause_code not in ("sro.activity", "sro.term")]
    with demo_db.session() as s:
        agreements.update_draft(
            s, version_id=d.version_id,
            sections=[{"heading": x.heading, "body": x.body.replace("restorative practices", "de-escalation"),
                       "clause_code": ""} for x in keep],
            signatories=[{"party_id": d.parties[0].id, "name": "Anthony Reyes", "title": "Chief of Police"}],
        )
    with demo_db.read_session() as s:
        report = clauses.check_completeness(s, version_id=d.version_id)
    missing = {i.code: i for i in report.missing}
    assert set(missing) == {"signatures", "daily_interactions", "sel_training", "restraint_firearms_arrests",
                            "website_posting"}
    assert "West Hartford Public Schools" in missing["signatures"].where
    assert "restorative practices" in missing["sel_training"].where
    assert "restraint" in missing["restraint_firearms_arrests"].where
    assert "5 required item(s) missing; you may still send it" in report.message
    # a warning, not a refusal
    with demo_db.session() as s:
        sent = agreements.send_for_signature(s, version_id=d.version_id)
    assert sent.status == "out_for_signature"


def test_the_demo_in_kind_agreement_is_checked_against_cops_only(demo_db):
    with demo_db.read_session() as s:
        norwich = agreements.get_version(s, agreement_id=agreements.find_agreement(s, key="AGR-2012-001"))
        report = clauses.check_completeness(s, version_id=norwich.version_id)
    assert {i.code for i in report.items} == {"purpose", "roles", "information_sharing", "supervision", "signatures"}
    assert {i.code for i in report.missing} == {"roles", "information_sharing", "supervision"}


def test_clause_library_user_can_add_and_a_clause_covers_items(demo_db):
    with demo_db.session() as s:
        builtin = clauses.list_clauses(s)
        assert any(c.code == "lib.website_posting" and c.builtin for c in builtin)
        row = clauses.add_clause(s, heading="Posting", body="Both boards publish the agreement online.",
                                 covers=["website_posting"])
        assert row.code == "user.posting" and not row.builtin
        with pytest.raises(ValidationError):
            clauses.add_clause(s, heading="", body="", covers=["nonsense"])
    with demo_db.read_session() as s:
        stored = s.execute(text("SELECT heading, covers FROM clause WHERE code = 'user.posting'")).one()
    assert stored[0] == "Posting" and "website_posting" in stored[1]
    # a section that carries the clause code covers the item even if its words do not say "website"
    d = draft_wh(demo_db)
    keep = [{"heading": x.heading, "body": x.body, "clause_code": x.clause_code}
            for x in d.sections if x.clause_code != "sro.term"]
    keep.append({"heading": "Posting", "body": "Both boards publish it.", "clause_code": "user.posting"})
    with demo_db.session() as s:
        agreements.update_draft(s, version_id=d.version_id, sections=keep)
        report = clauses.check_completeness(s, version_id=d.version_id)
    assert report.complete, report.message
    with demo_db.session() as s:
        with pytest.raises(ConflictError):
            clauses.add_clause(s, heading="Again", body="x", code="user.posting")
        changed = clauses.update_clause(s, code="lib.disputes", heading="Disputes", body="Talk first.")
        assert changed.body == "Talk first." and changed.builtin
        off = clauses.set_clause_active(s, code="user.posting", active=False)
        assert not off.active
        assert "user.posting" not in {c.code for c in clauses.list_clauses(s)}
