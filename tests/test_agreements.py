"""Agreements: drafting from the template, editing drafts, the lifecycle, amendments, termination, due dates."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import text

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import agreements
from tests.agreement_helpers import ELEVEN, WH_SCHOOLS, draft_wh, execute_wh, party_id


def test_draft_from_template_fills_the_named_fields(demo_db):
    detail = draft_wh(demo_db)
    assert detail.status == "draft" and detail.version_no == 1
    assert detail.number == "AGR-2027-001" and detail.document_number == "AGR-2027-001 v1"
    assert [agreements.numbered_heading(s.position, s.heading) for s in detail.sections][:1] == ["I. Introduction"]
    headings = [agreements.numbered_heading(s.position, s.heading) for s in detail.sections]
    for wanted, got in zip(ELEVEN, headings, strict=True):
        assert got.startswith(wanted)
    assert sorted(s.name for s in detail.sites) == sorted(WH_SCHOOLS)
    everything = "\n".join(s.body for s in detail.sections)
    assert "{" not in everything, "every named field is filled"
    assert "the West Hartford Police Department" in everything
    assert "seven (7) days' written notice" in everything
    supervision = detail.sections[2].body
    for school in WH_SCHOOLS:
        assert f"- {school}" in supervision
    # the demo's chief and (interim) superintendent sign, with their own titles
    assert [(s.name, s.title) for s in detail.signatories] == [
        ("Anthony Reyes", "Chief of Police"), ("Elaine Marsh", "Interim Superintendent")]
    with demo_db.read_session() as s:
        raw = s.execute(text("SELECT status, notice_days, witness_lines FROM agreement_version WHERE id = :i"),
                        {"i": detail.version_id}).one()
    assert tuple(raw) == ("draft", 7, 1)


def test_numbers_follow_the_year(demo_db):
    first = draft_wh(demo_db)
    second = draft_wh(demo_db)
    assert (first.number, second.number) == ("AGR-2027-001", "AGR-2027-002")


def test_update_draft_replaces_what_is_given(demo_db):
    d = draft_wh(demo_db)
    with demo_db.session() as s:
        whpd = party_id(s, "WHPD")
        sections = [{"heading": x.heading, "body": x.body, "clause_code": x.clause_code} for x in d.sections]
        sections.append({"heading": "Insurance", "body": "Each party keeps its own insurance."})
        out = agreements.update_draft(
            s, version_id=d.version_id, notice_days=30, term_months=24, sections=sections,
            site_ids=[d.sites[0].id],
            services=[{"provider_party_id": whpd, "service_type": "event_coverage", "hourly_rate_cents": 8050,
                       "min_callout_minutes": 240, "overtime_multiplier_pct": 200}],
            signatories=[{"party_id": whpd, "name": "Pat Doe", "title": "Interim Chief of Police"}],
        )
    assert out.notice_days == 30 and out.end_date == dt.date(2029, 8, 8)
    assert out.sections[-1].heading == "Insurance" and len(out.sections) == 12
    assert [x.name for x in out.sites] == [d.sites[0].name]
    assert out.services[0].hourly_rate_cents == 8050 and "minimum call-out 4 h" in out.services[0].rules_text
    assert out.signatories[0].title == "Interim Chief of Police"
    assert out.signatories[0].organization == "West Hartford Police Department"
    with demo_db.read_session() as s:
        n = s.execute(text("SELECT count(*) FROM agreement_section WHERE version_id = :v"),
                      {"v": d.version_id}).scalar()
    assert n == 12


def test_update_draft_names_every_bad_field(demo_db):
    d = draft_wh(demo_db)
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        agreements.update_draft(s, version_id=d.version_id, effective_date="next week", notice_days=-1,
                                sections=[{"heading": "", "body": "x"}],
                                services=[{"provider_party_id": 999, "service_type": "nope"}])
    assert {"effective_date", "notice_days", "sections", "services"} <= set(info.value.fields)


def test_executed_version_can_never_be_edited(demo_db):
    executed = execute_wh(demo_db)
    assert executed.status == "executed" and executed.executed_on == dt.date(2026, 11, 20)
    with pytest.raises(ConflictError, match="can never be edited.*Amend"), demo_db.session() as s:
        agreements.update_draft(s, version_id=executed.version_id, notice_days=30)


def test_fingerprint_is_sha256_of_the_printed_text(demo_db):
    d = draft_wh(demo_db)
    with demo_db.session() as s:
        sent = agreements.send_for_signature(s, version_id=d.version_id)
    body = agreements.agreement_text(sent)
    assert sent.fingerprint == hashlib.sha256(body.encode("utf-8")).hexdigest()
    assert "XI. Term of Agreement" in body and "AGR-2027-001 v1" in body
    with pytest.raises(ConflictError, match="out for signature"), demo_db.session() as s:
        agreements.update_draft(s, version_id=d.version_id, notice_days=3)


def test_amendment_makes_version_2_with_a_clause_by_clause_diff(demo_db):
    v1 = execute_wh(demo_db)
    with demo_db.read_session() as s:
        before = s.execute(text("SELECT heading, body FROM agreement_section WHERE version_id = :v ORDER BY position"),
                           {"v": v1.version_id}).all()
    with demo_db.session() as s:
        v2 = agreements.amend_agreement(s, agreement_id=v1.agreement_id)
        assert v2.version_no == 2 and v2.status == "draft"
        assert v2.change_summary.endswith("none yet.")
        sections = [{"heading": x.heading, "body": x.body, "clause_code": x.clause_code} for x in v2.sections]
        sections[10]["body"] = sections[10]["body"].replace("seven (7)", "thirty (30)")
        sections.append({"heading": "Body-Worn Cameras", "body": "SROs wear body-worn cameras on duty."})
        v2 = agreements.update_draft(s, version_id=v2.version_id, sections=sections, notice_days=30)
    summary = v2.change_summary
    assert "Notice of termination: 7 days → 30 days." in summary
    assert "Changed section XI. Term of Agreement:" in summary
    assert "thirty (30)" in summary and "seven (7)" in summary
    assert "Added section XII. Body-Worn Cameras." in summary
    with demo_db.read_session() as s:
        after = s.execute(text("SELECT heading, body FROM agreement_section WHERE version_id = :v ORDER BY position"),
                          {"v": v1.version_id}).all()
        statuses = dict(s.execute(text("SELECT version_no, status FROM agreement_version WHERE agreement_id = :a"),
                                  {"a": v1.agreement_id}).all())
        stored = s.execute(text("SELECT change_summary FROM agreement_version WHERE id = :i"),
                           {"i": v2.version_id}).scalar()
    assert after == before, "version 1 is left exactly as signed"
    assert statuses == {1: "executed", 2: "draft"}
    assert stored == summary
    # a second amendment while one is being prepared is refused
    with pytest.raises(ConflictError, match="already being prepared"), demo_db.session() as s:
        agreements.amend_agreement(s, agreement_id=v1.agreement_id)


def test_executing_the_amendment_supersedes_the_old_version(demo_db):
    from sharedsvc_desktop.services import signatures
    from tests.agreement_helpers import drawn_png

    v1 = execute_wh(demo_db)
    with demo_db.session() as s:
        v2 = agreements.amend_agreement(s, agreement_id=v1.agreement_id)
        v2 = agreements.send_for_signature(s, version_id=v2.version_id)
        for sig in v2.signatories:
            signatures.record_signature(s, signatory_id=sig.id, signed_on="2026-11-22", drawn_png=drawn_png())
    with demo_db.read_session() as s:
        statuses = dict(s.execute(text("SELECT version_no, status FROM agreement_version WHERE agreement_id = :a"),
                                  {"a": v1.agreement_id}).all())
    assert statuses == {1: "superseded", 2: "executed"}


def test_termination_effective_date_is_notice_plus_notice_days(demo_db):
    v1 = execute_wh(demo_db)
    with demo_db.session() as s:
        whps = party_id(s, "WHPS")
        out = agreements.record_termination(s, agreement_id=v1.agreement_id, notice_on="2026-12-28",
                                            by_party_id=whps)
    assert out.status == "terminated"
    assert out.termination_effective_on == dt.date(2027, 1, 4)  # 7 days, across the new year
    assert out.termination_by_name == "West Hartford Public Schools"
    with demo_db.read_session() as s:
        raw = s.execute(text("SELECT termination_notice_on, termination_effective_on FROM agreement_version "
                             "WHERE id = :i"), {"i": v1.version_id}).one()
    assert tuple(str(x) for x in raw) == ("2026-12-28", "2027-01-04")


def test_termination_needs_an_executed_version_and_a_party(demo_db):
    d = draft_wh(demo_db)
    with pytest.raises(ConflictError), demo_db.session() as s:
        agreements.record_termination(s, agreement_id=d.agreement_id, notice_on="2026-12-01", by_party_id=1)
    v1 = execute_wh(demo_db)
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        agreements.record_termination(s, agreement_id=v1.agreement_id, notice_on="someday", by_party_id=99999)
    assert set(info.value.fields) == {"notice_on", "by_party_id"}


def test_due_within_60_days(demo_db):
    today = dt.date(2026, 11, 23)
    with demo_db.read_session() as s:
        assert agreements.agreements_due(s, today=today) == []  # the demo terms end next August
        due = agreements.agreements_due(s, today=dt.date(2027, 6, 15))
    assert [d.number for d in due] == ["AGR-2012-001", "AGR-2022-014"]  # soonest first
    wh = next(d for d in due if d.number == "AGR-2022-014")
    assert wh.what == "renewal" and wh.due_on == dt.date(2027, 8, 8) and wh.days_left == 54
    assert "renews on August 9, 2027" in wh.text
    # not renewing: an expiry; terminated: the day it ends
    with demo_db.session() as s:
        s.execute(text("UPDATE agreement_version SET auto_renew = :no WHERE agreement_id = "
                       "(SELECT id FROM agreement WHERE number = 'AGR-2012-001')"), {"no": False})
        v1 = agreements.get_version(s, agreement_id=agreements.find_agreement(s, key="AGR-2022-014"))
        agreements.record_termination(s, agreement_id=v1.agreement_id, notice_on="2026-11-20",
                                      by_party_id=v1.parties[0].id)
    with demo_db.read_session() as s:
        due = {d.number: d for d in agreements.agreements_due(s, today=dt.date(2026, 11, 23))}
        later = {d.number: d for d in agreements.agreements_due(s, today=dt.date(2027, 6, 15))}
    assert due["AGR-2022-014"].what == "termination" and due["AGR-2022-014"].due_on == dt.date(2026, 11, 27)
    assert later["AGR-2012-001"].what == "expiry" and later["AGR-2012-001"].due_on == dt.date(2027, 6, 30)
    with demo_db.session() as s:
        expired = agreements.expire_agreements(s, today=dt.date(2027, 9, 1))
    assert [e.number for e in expired] == ["AGR-2012-001"]


def test_auto_renewing_terms_roll_over(demo_db):
    with demo_db.read_session() as s:
        due = agreements.agreements_due(s, today=dt.date(2028, 7, 15))
    wh = next(d for d in due if d.number == "AGR-2022-014")
    assert wh.due_on == dt.date(2028, 8, 8)


def test_demo_agreement_prints_with_its_own_numbering(demo_db, tmp_path):
    from tests.agreement_helpers import pdf_text

    with demo_db.read_session() as s:
        agreement_id = agreements.find_agreement(s, key="AGR-2022-014")
        printed = agreements.write_agreement(s, out=tmp_path / "wh.pdf", agreement_id=agreement_id)
    body = pdf_text(tmp_path / "wh.pdf")
    assert "IX. Data Collection and Monitoring" in body and "III. III." not in body
    assert printed.document_number == "AGR-2022-014 v1"


def test_cli_list_print_sign_verify(demo_db, tmp_path, monkeypatch, capsys):
    import importlib
    import json

    cli_main = importlib.import_module("sharedsvc_desktop.cli.main")
    from sharedsvc_desktop.services import signatures
    from tests.agreement_helpers import execute_wh, pdf_text

    assert "agreement" in cli_main.COMMAND_MODULES

    where = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
             else ["--database-url", demo_db.url.render_as_string(hide_password=False)])

    def run(*argv: str) -> int:
        return cli_main.run(cli_main.build_parser().parse_args([*where, *argv]))

    assert run("agreement", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in listed] == ["AGR-2012-001", "AGR-2022-014"]
    assert run("agreement", "draft", "--template", "sro_program", "--party", "WHPD", "--party", "WHPS",
               "--effective", "2027-08-09") == 0
    assert "Drafted AGR-2027-001 v1" in capsys.readouterr().out
    assert run("agreement", "check", "AGR-2027-001") == 0
    assert "every required item" in capsys.readouterr().out
    executed = execute_wh(demo_db)  # AGR-2027-002, signed with drawn signatures
    assert run("agreement", "print", executed.number, "--signed", "--out", str(tmp_path / "a.pdf")) == 0
    assert "Executed on" in pdf_text(tmp_path / "a.pdf")
    p12 = tmp_path / "office.p12"
    p12.write_bytes(signatures.make_self_signed_pkcs12(common_name="Anthony Reyes", passphrase="pass phrase"))
    (tmp_path / "pass.txt").write_text("pass phrase\n")
    assert run("agreement", "sign", executed.number, "--pkcs12", str(p12), "--passphrase-file",
               str(tmp_path / "pass.txt"), "--out", str(tmp_path / "s.pdf")) == 0
    capsys.readouterr()
    assert run("agreement", "verify", str(tmp_path / "s.pdf")) == 0
    assert "signed by Anthony Reyes" in capsys.readouterr().out
    data = bytearray((tmp_path / "s.pdf").read_bytes())
    data[200] = (data[200] + 1) % 256
    (tmp_path / "bad.pdf").write_bytes(bytes(data))
    assert run("agreement", "verify", str(tmp_path / "bad.pdf")) == 1
    assert run("agreement", "verify", str(tmp_path / "a.pdf")) == 1  # not signed digitally
    (tmp_path / "wrong.txt").write_text("nope\n")
    assert run("agreement", "sign", executed.number, "--pkcs12", str(p12), "--passphrase-file",
               str(tmp_path / "wrong.txt"), "--out", str(tmp_path / "x.pdf")) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    assert run("agreement", "terminate", executed.number, "--notice-date", "2027-01-10", "--by", "WHPS") == 0
    assert "ends on 2027-01-17" in capsys.readouterr().out
    assert run("agreement", "notice", executed.number, "--out", str(tmp_path / "n.pdf")) == 0
    assert run("agreement", "show", "AGR-9999-999") == 1


def test_numbers_in_words_and_dates():
    assert [agreements.number_words(n) for n in (7, 30, 91, 365)] == [
        "seven (7)", "thirty (30)", "ninety-one (91)", "three hundred sixty-five (365)"]
    assert agreements.long_date(dt.date(2022, 8, 9)) == "August 9, 2022"
    assert agreements.term_end(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 27)
    assert agreements.numbered_heading(9, "IX. Data") == "IX. Data"
    assert agreements.numbered_heading(4, "Appointment") == "IV. Appointment"
