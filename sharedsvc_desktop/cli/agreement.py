"""``sharedsvc agreement ...``: the agreements register, printing, digital signatures and verification."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    date_arg,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    agr = subcommands(sub, "agreement", "agreements: list, draft, print, sign digitally, verify")
    ls = agr.add_parser("list", help="list agreements with their current version")
    ls.add_argument("--json", action="store_true")
    show = agr.add_parser("show", help="one agreement version in full")
    show.add_argument("agreement", help="agreement number (AGR-2022-014) or id")
    show.add_argument("--version", type=int, default=None)
    show.add_argument("--json", action="store_true")
    agr.add_parser("templates", help="the agreement templates")
    draft = agr.add_parser("draft", help="draft a new agreement from a template")
    draft.add_argument("--template", required=True, help="template code, e.g. sro_program or in_kind_exchange")
    draft.add_argument("--party", action="append", required=True, metavar="PARTY",
                       help="a party (name, short name or id); give it once per party, police first")
    draft.add_argument("--effective", type=date_arg, default=None, help="effective date YYYY-MM-DD")
    draft.add_argument("--title", default="")
    draft.add_argument("--json", action="store_true")
    check = agr.add_parser("check", help="what the agreement is missing (COPS Office, § 10-233m)")
    check.add_argument("agreement")
    check.add_argument("--version", type=int, default=None)
    send = agr.add_parser("send", help="send the draft for signature (fixes its text and fingerprint)")
    send.add_argument("agreement")
    prt = agr.add_parser("print", help="print the agreement (for signature, or the signed copy) to PDF")
    prt.add_argument("agreement")
    prt.add_argument("--version", type=int, default=None)
    prt.add_argument("--signed", action="store_true", help="the signed copy, with signatures and dates")
    prt.add_argument("--out", required=True, type=Path)
    sign = agr.add_parser("sign", help="print and sign the agreement digitally with a PKCS#12 certificate")
    sign.add_argument("agreement")
    sign.add_argument("--pkcs12", required=True, type=Path, help="the certificate file (.p12/.pfx)")
    sign.add_argument("--passphrase-file", type=Path, default=None,
                      help="a file whose first line is the passphrase (default: none)")
    sign.add_argument("--out", required=True, type=Path)
    sign.add_argument("--version", type=int, default=None)
    sign.add_argument("--signatory", type=int, default=None, help="signatory number (1, 2...) whose block to use")
    sign.add_argument("--add-to", type=Path, default=None, help="add the signature to this already signed PDF")
    sign.add_argument("--unsigned-copy", action="store_true", help="sign the copy for signature, not the signed copy")
    verify = agr.add_parser("verify", help="verify a signed PDF (exit 0 only when intact and valid)")
    verify.add_argument("pdf", type=Path)
    verify.add_argument("--json", action="store_true")
    amend = agr.add_parser("amend", help="start an amendment (a new version in draft)")
    amend.add_argument("agreement")
    term = agr.add_parser("terminate", help="record written notice of termination")
    term.add_argument("agreement")
    term.add_argument("--notice-date", required=True, type=date_arg)
    term.add_argument("--by", required=True, help="the party giving notice (name, short name or id)")
    notice = agr.add_parser("notice", help="print the termination notice letter to PDF")
    notice.add_argument("agreement")
    notice.add_argument("--out", required=True, type=Path)

    for parser in agr.choices.values():
        parser.set_defaults(handler=cmd_agreement)


def _party_id(session, key: str) -> int:  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.errors import NotFoundError
    from sharedsvc_desktop.services.parties import list_parties

    rows = list_parties(session, include_inactive=True)
    for r in rows:
        if key.isdigit() and r.id == int(key):
            return r.id
    for r in rows:
        if key.casefold() in (r.name.casefold(), r.short_name.casefold()):
            return r.id
    raise NotFoundError(f"There is no party “{key}” (give its name, short name or id).")


def cmd_agreement(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import agreements, clauses, signatures

    if args.action == "verify":
        return _verify(args)
    if args.action == "templates":
        print_table(["CODE", "KIND", "TITLE"], [[t.code, t.kind, t.title] for t in clauses.list_templates()])
        return EXIT_OK
    db = open_db(args)
    if args.action == "list":
        with db.read_session() as s:
            rows = agreements.list_agreements(s)
        if args.json:
            print_json(rows)
        elif not rows:
            print("No agreements yet. Draft one with: sharedsvc agreement draft --template sro_program --party ...")
        else:
            print_table(
                ["NUMBER", "VERSION", "STATUS", "EFFECTIVE", "TITLE", "PARTIES"],
                [[r.number, str(r.current_version or ""), r.status_label,
                  r.effective_date.isoformat() if r.effective_date else "", r.title, r.parties] for r in rows],
            )
        return EXIT_OK
    if args.action == "draft":
        with db.session() as s:
            ids = [_party_id(s, p) for p in args.party]
            detail = agreements.draft_from_template(s, template_code=args.template, party_ids=ids,
                                                    effective_date=args.effective, title=args.title)
        if args.json:
            print_json(detail)
        else:
            print(f"Drafted {detail.document_number}: {detail.title} ({len(detail.sections)} sections, "
                  f"{len(detail.sites)} schools).")
        return EXIT_OK
    with db.read_session() as s:
        agreement_id = agreements.find_agreement(s, key=args.agreement)
    if args.action == "show":
        with db.read_session() as s:
            d = agreements.get_version(s, agreement_id=agreement_id, version_no=args.version)
        if args.json:
            print_json(d)
            return EXIT_OK
        print(f"{d.document_number} — {d.title}")
        print(f"{d.kind_label} between {d.parties_text}")
        print(f"Status: {d.status_label}; effective {d.effective_date or '—'}; ends {d.end_date or '—'}; "
              f"notice {d.notice_days} days")
        if d.termination_effective_on:
            print(f"Terminated on notice of {d.termination_notice_on} by {d.termination_by_name}: "
                  f"ends {d.termination_effective_on}")
        print(f"Fingerprint: {d.fingerprint or '(fixed when sent for signature)'}")
        for sec in d.sections:
            print(f"  {agreements.numbered_heading(sec.position, sec.heading)}")
        print("Schools: " + ", ".join(x.name for x in d.sites))
        for sig in d.signatories:
            print(f"  Signatory: {sig.name}, {sig.title}, {sig.organization}"
                  + (f" — signed {sig.signed_on}" if sig.signed_on else ""))
        if d.change_summary:
            print(d.change_summary)
        return EXIT_OK
    if args.action == "check":
        with db.read_session() as s:
            d = agreements.get_version(s, agreement_id=agreement_id, version_no=args.version)
            report = clauses.check_completeness(s, version_id=d.version_id)
        for item in report.items:
            print(f"[{'x' if item.met else ' '}] {item.label} ({item.source}){': ' + item.where if item.where else ''}")
        print(report.message.splitlines()[0])
        return EXIT_OK
    if args.action == "send":
        with db.session() as s:
            d = agreements.get_version(s, agreement_id=agreement_id)
            d = agreements.send_for_signature(s, version_id=d.version_id)
        print(f"{d.document_number} is out for signature; fingerprint {d.fingerprint}.")
        return EXIT_OK
    if args.action == "print":
        with db.read_session() as s:
            printed = agreements.write_agreement(s, out=args.out, agreement_id=agreement_id,
                                                 version_no=args.version, signed=args.signed)
        print(f"{printed.document_number} ({printed.pages} pages) written to {args.out}.")
        return EXIT_OK
    if args.action == "sign":
        passphrase = None
        if args.passphrase_file:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
            passphrase = lines[0] if lines else ""
        data = args.pkcs12.read_bytes()
        with db.read_session() as s:
            result = signatures.sign_agreement(
                s, agreement_id=agreement_id, out=args.out, pkcs12=data, passphrase=passphrase,
                version_no=args.version, signatory_position=(args.signatory - 1) if args.signatory else None,
                pdf_in=args.add_to, signed_copy=False if args.unsigned_copy else None,
            )
        print(f"{result.document_number} signed by {result.signer} in {result.signatory}'s block "
              f"(page {result.page}) and written to {result.out}.")
        return EXIT_OK
    if args.action == "amend":
        with db.session() as s:
            d = agreements.amend_agreement(s, agreement_id=agreement_id)
        print(f"Started {d.document_number} (draft). Edit it, then send it for signature.")
        return EXIT_OK
    if args.action == "terminate":
        with db.session() as s:
            d = agreements.record_termination(s, agreement_id=agreement_id, notice_on=args.notice_date,
                                              by_party_id=_party_id(s, args.by))
        print(f"{d.document_number}: notice of {d.termination_notice_on} by {d.termination_by_name}; "
              f"the agreement ends on {d.termination_effective_on}.")
        return EXIT_OK
    if args.action == "notice":
        with db.read_session() as s:
            pages = agreements.write_termination_notice(s, out=args.out, agreement_id=agreement_id)
        print(f"Notice of termination ({pages} page{'s' if pages != 1 else ''}) written to {args.out}.")
        return EXIT_OK
    raise AssertionError(args.action)


def _verify(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import signatures

    trusted: list[bytes] = []
    try:
        db = open_db(args, migrate=False)
        with db.read_session() as s:
            trusted = signatures.trusted_certificates_pem(s)
    except Exception:  # noqa: BLE001 - verifying needs no database; the office's certificates are a bonus
        trusted = []
    if not args.pdf.is_file():
        print(f"sharedsvc: error: {args.pdf} does not exist.", file=sys.stderr)
        return EXIT_ERROR
    report = signatures.verify_pdf(args.pdf, trusted_pem=trusted)
    if args.json:
        print_json({"ok": report.ok, "sha256": report.sha256, "signatures": list(report.signatures),
                    "problems": list(report.problems)})
    else:
        print(report.summary)
    return EXIT_OK if report.ok else EXIT_ERROR
