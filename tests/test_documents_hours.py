"""The hours report, the ledger statement and the invoice as PDFs (read back with pdftotext), and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from sharedsvc_desktop.services import hours, ledger
from tests.sql_helpers import named_sql

YEAR = (dt.date(2026, 8, 1), dt.date(2027, 7, 31))


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def pdf_text(pdf: Path) -> str:
    result = subprocess.run([tool("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                            check=True)
    return result.stdout.decode("utf-8")


def qpdf_ok(pdf: Path) -> None:
    result = subprocess.run([tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def q(db, sql, **params):
    return named_sql(db, sql, **params)


def hours_text(minutes: int) -> str:
    return f"{minutes / 60:,.2f}"


def test_hours_report_shows_the_demo_year_totals_exactly(demo_db, tmp_path):
    out = tmp_path / "hours.pdf"
    with demo_db.read_session() as s:
        count = hours.write_hours_report(s, out=out, date_from=YEAR[0], date_to=YEAR[1], organization="Demo",
                                         today=dt.date(2026, 11, 23))
    qpdf_ok(out)
    body = pdf_text(out)
    raw = dict(q(demo_db, "SELECT kind, sum(minutes) FROM hour_entry WHERE work_date BETWEEN '2026-08-01' "
                          "AND '2027-07-31' GROUP BY kind"))
    n = q(demo_db, "SELECT count(*), sum(minutes) FROM hour_entry")[0]
    assert count == n[0]
    for label, kind in (("Event coverage", "event_coverage"), ("Building patrol", "building_patrol"),
                        ("SRO duty", "sro_duty"), ("IT service (in kind)", "it_service")):
        assert re.search(rf"{re.escape(label)}\s+\d[\d,]*\s+{re.escape(hours_text(raw[kind]))}\s", body), label
    assert re.search(rf"Total\s+{n[0]:,}\s+{re.escape(hours_text(n[1]))}\s+100\.0%", body)
    assert "Hours per month" in body and "By person" in body and "By site" in body
    assert "Page 1 of" in body


def test_hours_report_with_no_entries_and_hostile_names(db, tmp_path):
    from sharedsvc_desktop.services import officers

    with db.session() as s:
        officers.add_officer(s, first_name="<b>Bold", last_name="& Co " + "x" * 80, badge_number="Z1")
    empty = tmp_path / "empty.pdf"
    with db.read_session() as s:
        hours.write_hours_report(s, out=empty, date_from=YEAR[0], date_to=YEAR[1])
    assert "No hours in this period" in pdf_text(empty)
    with db.session() as s:
        pid = q(db, "SELECT person_id FROM officer")[0][0]
        hours.log_hours(s, person_id=pid, work_date="2026-09-01", kind="other", hours="2")
    out = tmp_path / "hostile.pdf"
    with db.read_session() as s:
        hours.write_hours_report(s, out=out, date_from=YEAR[0], date_to=YEAR[1])
    qpdf_ok(out)
    assert "<b>Bold & Co" in pdf_text(out)


def test_ledger_statement_and_invoice(demo_db, tmp_path):
    a = q(demo_db, "SELECT id FROM agreement WHERE number = 'AGR-2012-001'")[0][0]
    out = tmp_path / "ledger.pdf"
    with demo_db.read_session() as s:
        led = ledger.agreement_ledger(s, agreement_id=a, date_from="2026-07-01", date_to="2027-06-30")
        ledger.write_ledger_statement(s, out=out, agreement_id=a, date_from="2026-07-01", date_to="2027-06-30")
    qpdf_ok(out)
    body = pdf_text(out)
    assert re.search(rf"Police services delivered\s+{re.escape(ledger.money(led.police_delivered_cents))}", body)
    assert re.search(rf"In-kind services received\s+{re.escape(ledger.money(led.in_kind_received_cents))}", body)
    assert ledger.money(led.balance_cents) in body and "Avoided billing" in body
    assert "Robert Hanley, Chief of Police" in body and "Susan Caldwell" in body and "Date:" in body
    with demo_db.session() as s:
        s.execute(text("UPDATE hour_entry SET billable = :yes, status = 'approved' WHERE kind = 'building_patrol' "
                       "AND work_date < '2026-09-20'"), {"yes": True})
        g = ledger.billable_outside(s, date_from="2026-07-01", date_to="2027-06-30")[0]
        inv = ledger.create_invoice(s, from_party_id=g.from_party_id, to_party_id=g.to_party_id,
                                    period_start="2026-07-01", period_end="2027-06-30",
                                    rates={"building_patrol": 5500}, issued_on=dt.date(2026, 11, 23))
    pdf = tmp_path / "invoice.pdf"
    with demo_db.read_session() as s:
        lines = ledger.write_invoice(s, out=pdf, invoice_id=inv.id)
    qpdf_ok(pdf)
    body = pdf_text(pdf)
    assert lines == inv.entries
    assert inv.number in body and re.search(rf"Total\s+[\d.,]+\s+{re.escape(ledger.money(inv.total_cents))}", body)
    assert "Norwich City School District" in body and "89 Midland Drive" in body


def run_cli(monkeypatch, capsys, *argv):
    main = importlib.import_module("sharedsvc_desktop.cli.main")
    assert {"hours", "report"} <= set(main.COMMAND_MODULES)
    code = main.run(main.build_parser().parse_args(list(argv)))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_reports(demo_db, tmp_path, monkeypatch, capsys):
    pdf, table = tmp_path / "h.pdf", tmp_path / "h.csv"
    where = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
             else ["--database-url", demo_db.url.render_as_string(hide_password=False)])
    base = [*where, "report"]
    code, out, err = run_cli(monkeypatch, capsys, *base, "hours", "--from", "2026-08-01", "--to", "2027-07-31",
                             "--out", str(pdf))
    assert code == 0, err
    qpdf_ok(pdf)
    code, out, err = run_cli(monkeypatch, capsys, *base, "hours", "--from", "2026-08-01", "--to", "2027-07-31",
                             "--out", str(table))
    assert code == 0, err
    with open(table, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    kinds = {r["key"]: int(r["minutes"]) for r in rows if r["section"] == "kind"}
    assert kinds == dict(q(demo_db, "SELECT kind, sum(minutes) FROM hour_entry GROUP BY kind"))
    ledger_pdf = tmp_path / "l.pdf"
    code, out, err = run_cli(monkeypatch, capsys, *base, "ledger", "--agreement", "AGR-2012-001", "--from",
                             "2026-07-01", "--to", "2027-06-30", "--out", str(ledger_pdf))
    assert code == 0, err
    assert "balance" in out and ledger_pdf.exists()
    code, out, err = run_cli(monkeypatch, capsys, *base, "ledger", "--agreement", "AGR-0", "--from",
                             "2026-07-01", "--to", "2027-06-30", "--out", str(ledger_pdf))
    assert code == 1 and "No agreement" in err
    code, out, err = run_cli(monkeypatch, capsys, *base, "hours", "--from", "2026-08-01", "--to", "2027-07-31",
                             "--out", str(tmp_path / "h.doc"))
    assert code == 2
