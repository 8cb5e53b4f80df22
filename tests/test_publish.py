"""The public agreement register: a folder that works in a browser (index.html, the executed PDFs, a CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import subprocess
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse

import pytest

from sharedsvc_desktop.services import agreements, publish
from tests.conftest import raw_sql


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts = 0
        self.tags: list[str] = []
        self.attrs_seen: list[tuple[str, dict]] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs_seen.append((tag, a))
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag == "html":
            self.lang = a.get("lang")


def executed_agreements(db) -> dict[str, int]:
    """number -> the current executed version, from the database directly."""
    rows = raw_sql(db, "SELECT a.number, MAX(v.version_no) FROM agreement a JOIN agreement_version v "
                       "ON v.agreement_id = a.id WHERE v.status IN ('executed', 'terminated', 'expired') "
                       "AND a.active = ? GROUP BY a.number", True)
    return {n: v for n, v in rows}


def test_register_rows_name_the_current_executed_version(demo_db):
    with demo_db.read_session() as s:
        rows = publish.register_rows(s)
    expected = executed_agreements(demo_db)
    assert {r.number: r.executed_version for r in rows if r.public} == expected
    assert all(r.parties and r.kind_label and r.effective_date for r in rows)


def test_published_folder_links_every_executed_agreement(demo_db, tmp_path):
    out = tmp_path / "site"
    with demo_db.read_session() as s:
        result = publish.publish_register(s, out=out, organization="Town of West Hartford",
                                          today=dt.date(2026, 11, 23))
    expected = executed_agreements(demo_db)
    assert len(expected) == 2 and result.listed == 2
    page = Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    assert page.scripts == 0 and page.lang == "en"
    assert "script" not in (out / "index.html").read_text().lower()
    assert page.tags[0] == "html" and (out / "index.html").read_text().startswith("<!DOCTYPE html>")
    assert all(("scope" in a) for tag, a in page.attrs_seen if tag == "th")
    pdf_links = [h for h in page.links if h.endswith(".pdf")]
    for href in page.links:
        parsed = urlparse(href)
        assert not parsed.scheme and not parsed.netloc and not href.startswith("/"), href  # relative
        target = out / unquote(parsed.path)
        assert target.is_file(), href
    # one link per executed agreement, each to a real PDF of that version
    assert len(pdf_links) == len(expected)
    for number, version in expected.items():
        matching = [h for h in pdf_links if number in h]
        assert len(matching) == 1
        pdf = out / unquote(matching[0])
        assert pdf.read_bytes()[:5] == b"%PDF-"
        subprocess.run(["qpdf", "--check", str(pdf)], check=True, capture_output=True)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        assert f"{number} v{version}" in text
    # the CSV lists the same agreements, files and hashes
    with (out / "agreements.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["number"]: int(r["version"]) for r in rows} == expected
    for r in rows:
        data = (out / r["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["sha256"]
        assert unquote(next(h for h in pdf_links if r["number"] in h)) == r["file"]


def test_publish_again_removes_pdfs_no_longer_in_force(demo_db, tmp_path):
    out = tmp_path / "site"
    with demo_db.read_session() as s:
        publish.publish_register(s, out=out)
    (out / "pdf" / "OLD-1-v1.pdf").write_bytes(b"%PDF-old")
    aid = raw_sql(demo_db, "SELECT id FROM agreement WHERE number = ?", "AGR-2012-001")[0][0]
    with demo_db.session() as s:
        agreements.set_agreement_active(s, agreement_id=aid, active=False)
    with demo_db.read_session() as s:
        result = publish.publish_register(s, out=out)
    assert result.listed == 1
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["AGR-2022-014-v1.pdf"]
    assert "AGR-2012-001" not in (out / "index.html").read_text()


def test_user_text_is_escaped(demo_db, tmp_path):
    aid = raw_sql(demo_db, "SELECT id FROM agreement WHERE number = ?", "AGR-2022-014")[0][0]
    with demo_db.session() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE agreement SET title = :t WHERE id = :i"),
                  {"t": '<script>alert(1)</script> & "Co"', "i": aid})
    with demo_db.read_session() as s:
        publish.publish_register(s, out=tmp_path / "site", title="Register <b>")
    html = (tmp_path / "site" / "index.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html and "Register &lt;b&gt;" in html


def test_publish_refuses_a_file_as_folder(demo_db, tmp_path):
    from sharedsvc_desktop.errors import ValidationError

    f = tmp_path / "file.txt"
    f.write_text("x")
    with demo_db.read_session() as s, pytest.raises(ValidationError):
        publish.publish_register(s, out=f)


def test_cli_publish_search_and_lists(demo_db, tmp_path, monkeypatch, capsys):
    import importlib
    import json

    main = importlib.import_module("sharedsvc_desktop.cli.main")

    assert "publish" in main.COMMAND_MODULES
    where = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
             else ["--database-url", demo_db.url.render_as_string(hide_password=False)])

    def run(*argv):
        return main.run(main.build_parser().parse_args([*where, *argv]))

    assert run("publish", "--out", str(tmp_path / "site")) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    capsys.readouterr()
    assert run("search", "taxpayer", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["kind"] == "agreement"
    assert run("lists", "add", "service_type", "Library services") == 0
    assert run("lists", "show", "service_type", "--json") == 0
    out = capsys.readouterr().out
    assert "library_services" in out
    assert run("foi", "export", "--agreement", "AGR-2022-014", "--out", str(tmp_path / "f.zip")) == 0
    assert (tmp_path / "f.zip").is_file()
    assert run("opendata", "export", "--from", "2026-09-01", "--to", "2026-10-31", "--out",
               str(tmp_path / "od")) == 0
    assert (tmp_path / "od" / "schema.json").is_file()
    assert run("foi", "export", "--out", str(tmp_path / "g.zip")) == 1  # nothing chosen
    assert "agreement" in capsys.readouterr().err.lower()
