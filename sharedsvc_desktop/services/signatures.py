"""Signing agreements: wet signatures recorded per signatory, and digital signatures on the PDF.

- ``record_signature``: the date a signatory signed, with a drawn signature (PNG from the signature pad) or a
  scanned signed copy (PDF/PNG/JPEG), stored as an ``Attachment`` with its SHA-256. When the last signatory has
  signed, the version is executed (and the version it amends is superseded).
- Office certificates: a PKCS#12 file the office imports, or a self-signed office certificate made here with
  ``cryptography``. The PKCS#12 is stored encrypted as the file was given; its passphrase is never stored. The
  public certificates are kept in the ``agreements.signing_certificates`` setting: they are the certificates
  this office trusts when it verifies a PDF.
- ``sign_agreement``: print the agreement and sign the PDF with pyHanko (PAdES), with a visible signature field
  in the signatory's block. ``verify_pdf``: is every signature intact and valid, who signed, when, and was any
  byte changed after signing.

pyHanko is imported only inside the functions that sign or verify: the program starts without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, NotFoundError, ValidationError
from sharedsvc_desktop.models import AgreementVersion, Attachment, Setting, Signatory
from sharedsvc_desktop.services import agreements
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import requires

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
CERT_SETTING = "agreements.signing_certificates"
CERT_OWNER = "office_certificate"

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"%PDF-", "application/pdf", ".pdf"),
]


def sniff_type(data: bytes) -> tuple[str, str] | None:
    """(mime type, extension) from the first bytes of a PNG, JPEG or PDF file; None for anything else."""
    head = data[:1024]
    for magic, mime, ext in _MAGIC:
        if mime == "application/pdf":
            if magic in head:
                return mime, ext
        elif head.startswith(magic):
            return mime, ext
    return None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------------------------------ wet signatures


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime_type: str
    sha256: str
    size: int


@dataclass(frozen=True)
class SignatureRecorded:
    version: agreements.VersionDetail
    signatory_id: int
    executed: bool
    attachments: tuple[AttachmentInfo, ...]


def _store(session: Session, *, owner_table: str, owner_id: int, filename: str, data: bytes,
           allowed: Sequence[str], field: str, what: str) -> Attachment:
    if not data:
        raise ValidationError({field: f"The {what} is empty."})
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError({field: f"The {what} is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."})
    kind = sniff_type(data)
    if kind is None or kind[0] not in allowed:
        names = ", ".join(sorted({m.split('/')[1].upper() for m in allowed}))
        raise ValidationError({field: f"The {what} must be a {names} file."})
    mime, ext = kind
    name = Path(filename or "").name.strip() or f"{what.replace(' ', '-')}{ext}"
    att = Attachment(owner_table=owner_table, owner_id=owner_id, filename=name[:300], mime_type=mime,
                     sha256=sha256_hex(data), size=len(data), data=data)
    session.add(att)
    session.flush()
    return att


def _info(att: Attachment) -> AttachmentInfo:
    return AttachmentInfo(att.id, att.filename, att.mime_type, att.sha256, att.size)


@requires("execute_agreements")
def record_signature(
    session: Session,
    *,
    signatory_id: int,
    signed_on: dt.date | str,
    drawn_png: bytes | None = None,
    scanned_copy: bytes | None = None,
    scanned_filename: str = "",
) -> SignatureRecorded:
    """Record that a signatory signed on ``signed_on``, with a drawn signature and/or a scanned signed copy."""
    signatory = get_or_raise(session, Signatory, signatory_id, "Signatory")
    version = session.get(AgreementVersion, signatory.version_id)
    assert version is not None
    number = agreements.document_number(version.agreement.number, version.version_no)
    if version.status == "draft":
        raise ConflictError(f"{number} is still a draft: send it for signature first (this fixes its text).")
    if version.status != "out_for_signature":
        raise ConflictError(
            f"{number} is {agreements.VERSION_STATUSES.get(version.status, version.status).lower()}; "
            "its signatures can no longer be changed."
        )
    f = Fields()
    day = f.date(signed_on, "signed_on", "Date signed", required=True)
    if day and day > dt.date.today() + dt.timedelta(days=1):
        f.error("signed_on", "The date signed cannot be in the future.")
    if not drawn_png and not scanned_copy:
        f.error("signature", "Draw the signature or attach the scanned signed copy.")
    f.check()
    stored: list[Attachment] = []
    if drawn_png:
        att = _store(session, owner_table="signatory", owner_id=signatory.id,
                     filename=f"signature-{signatory.name}.png", data=drawn_png, allowed=["image/png"],
                     field="signature", what="drawn signature")
        signatory.signature_attachment_id = att.id
        stored.append(att)
    if scanned_copy:
        att = _store(session, owner_table="signatory", owner_id=signatory.id, filename=scanned_filename,
                     data=scanned_copy, allowed=["application/pdf", "image/png", "image/jpeg"],
                     field="scanned_copy", what="scanned signed copy")
        signatory.scanned_copy_attachment_id = att.id
        stored.append(att)
    signatory.signed_on = day
    session.flush()
    executed = agreements.complete_execution(session, version)
    session.expire(version)
    return SignatureRecorded(
        version=agreements.get_version_by_id(session, version_id=version.id),
        signatory_id=signatory.id,
        executed=executed,
        attachments=tuple(_info(a) for a in stored),
    )


@dataclass(frozen=True)
class AttachmentData:
    info: AttachmentInfo
    data: bytes

    @property
    def intact(self) -> bool:
        return sha256_hex(self.data) == self.info.sha256


def get_attachment(session: Session, *, attachment_id: int) -> AttachmentData:
    att = get_or_raise(session, Attachment, attachment_id, "Attachment")
    return AttachmentData(_info(att), bytes(att.data))


# ------------------------------------------------------------------------------------------ certificates


@dataclass(frozen=True)
class CertificateInfo:
    id: int  # the attachment holding the PKCS#12
    subject: str
    common_name: str
    email: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    sha256: str  # of the certificate (DER)
    self_signed: bool
    filename: str


def make_self_signed_pkcs12(
    *, common_name: str, organization: str = "", email: str = "", passphrase: str | bytes,
    valid_days: int = 1095, now: dt.datetime | None = None,
) -> bytes:
    """A new key and a self-signed certificate for signing documents, as a passphrase-protected PKCS#12."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    name = x509.Name(attrs)
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    return pkcs12.serialize_key_and_certificates(
        common_name.encode("utf-8"), key, cert, None, serialization.BestAvailableEncryption(secret)
    )


def _passphrase(value: str | bytes | None) -> bytes | None:
    if value is None or value == "" or value == b"":
        return None
    return value.encode("utf-8") if isinstance(value, str) else value


def _load_pkcs12(data: bytes, passphrase: str | bytes | None) -> tuple[Any, Any, list[Any]]:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, _passphrase(passphrase))
    except ValueError as exc:
        raise ValidationError(
            {"passphrase": "The certificate file could not be opened: the passphrase is wrong or the file is "
                           "not a PKCS#12 (.p12/.pfx) file."}
        ) from exc
    if key is None or cert is None:
        raise ValidationError({"pkcs12": "The PKCS#12 file holds no private key and certificate to sign with."})
    return key, cert, list(extra or [])


def _cert_info(cert: Any, attachment_id: int, filename: str) -> CertificateInfo:
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    def attr(name: Any, oid: Any) -> str:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    der = cert.public_bytes(serialization.Encoding.DER)
    return CertificateInfo(
        id=attachment_id,
        subject=cert.subject.rfc4514_string(),
        common_name=attr(cert.subject, NameOID.COMMON_NAME),
        email=attr(cert.subject, NameOID.EMAIL_ADDRESS),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256=sha256_hex(der),
        self_signed=cert.subject == cert.issuer,
        filename=filename,
    )


def _remember_certificate(session: Session, att: Attachment, cert: Any, extra: Sequence[Any]) -> CertificateInfo:
    from cryptography.hazmat.primitives import serialization

    setting = session.get(Setting, CERT_SETTING)
    items = list(setting.value) if setting and isinstance(setting.value, list) else []
    info = _cert_info(cert, att.id, att.filename)
    chain = [c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in extra]
    items.append({
        "attachment_id": att.id,
        "pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "chain": chain,
        "sha256": info.sha256,
    })
    if setting is None:
        session.add(Setting(key=CERT_SETTING, value=items))
    else:
        setting.value = items
    session.flush()
    return info


@requires("execute_agreements")
def import_pkcs12(session: Session, *, data: bytes, passphrase: str | bytes | None, filename: str = "") -> CertificateInfo:
    """Keep the office's signing certificate (a PKCS#12 file); the passphrase is checked, never stored."""
    if not data:
        raise ValidationError({"pkcs12": "The certificate file is empty."})
    _key, cert, extra = _load_pkcs12(data, passphrase)
    att = Attachment(owner_table=CERT_OWNER, owner_id=0, filename=(Path(filename).name or "office.p12")[:300],
                     mime_type="application/x-pkcs12", sha256=sha256_hex(data), size=len(data), data=data)
    session.add(att)
    session.flush()
    att.owner_id = att.id
    return _remember_certificate(session, att, cert, extra)


@requires("execute_agreements")
def create_office_certificate(
    session: Session, *, common_name: str, organization: str = "", email: str = "", passphrase: str,
    valid_days: int = 1095,
) -> CertificateInfo:
    """Make a self-signed office certificate for digital signatures and keep it (protected by ``passphrase``)."""
    f = Fields()
    cn = f.text(common_name, "common_name", "Name on the certificate", max_len=64, required=True)
    org = f.text(organization, "organization", "Organization", max_len=64)
    mail = f.email(email)
    if not passphrase or len(passphrase) < 8:
        f.error("passphrase", "Choose a passphrase of at least 8 characters; it is asked for each signature.")
    if not 1 <= int(valid_days) <= 3650:
        f.error("valid_days", "Validity must be from 1 to 3650 days.")
    f.check()
    data = make_self_signed_pkcs12(common_name=cn, organization=org, email=mail, passphrase=passphrase,
                                   valid_days=int(valid_days))
    safe = re.sub(r"[^A-Za-z0-9]+", "-", cn).strip("-") or "office"
    return import_pkcs12(session, data=data, passphrase=passphrase, filename=f"{safe}.p12")


def list_certificates(session: Session) -> list[CertificateInfo]:
    from cryptography import x509

    setting = session.get(Setting, CERT_SETTING)
    result = []
    for item in (setting.value if setting and isinstance(setting.value, list) else []):
        att = session.get(Attachment, item.get("attachment_id"))
        cert = x509.load_pem_x509_certificate(item["pem"].encode("ascii"))
        result.append(_cert_info(cert, item.get("attachment_id", 0), att.filename if att else ""))
    return result


def trusted_certificates_pem(session: Session) -> list[bytes]:
    setting = session.get(Setting, CERT_SETTING)
    pems: list[bytes] = []
    for item in (setting.value if setting and isinstance(setting.value, list) else []):
        pems.append(item["pem"].encode("ascii"))
        pems.extend(c.encode("ascii") for c in item.get("chain", []))
    return pems


def _stored_pkcs12(session: Session, certificate_id: int) -> bytes:
    att = session.get(Attachment, certificate_id)
    if att is None or att.owner_table != CERT_OWNER:
        raise NotFoundError(f"Office certificate {certificate_id} does not exist.")
    return bytes(att.data)


# ------------------------------------------------------------------------------------------ signing


@dataclass(frozen=True)
class SignedPdf:
    out: str
    document_number: str
    signer: str
    signatory: str
    field_name: str
    page: int  # from 1
    signed_at: dt.datetime
    sha256: str  # of the signed file


def sign_pdf_bytes(
    pdf: bytes,
    *,
    pkcs12: bytes,
    passphrase: str | bytes | None,
    field_name: str,
    page: int,
    box: tuple[float, float, float, float],
    reason: str = "",
    location: str = "",
    contact: str = "",
) -> bytes:
    """Sign ``pdf`` (PAdES baseline B) with a visible signature field ``field_name`` on ``page`` (from 0) in
    ``box`` (PDF points). Works on an already signed file too (an incremental update keeps the first one)."""
    _load_pkcs12(pkcs12, passphrase)  # a clear message for a wrong passphrase
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    existing = {name for name, _value, _ref in fields.enumerate_sig_fields(PdfFileReader(io.BytesIO(pdf)))}
    if field_name in existing:
        raise ConflictError(f"This PDF already has a digital signature field “{field_name}”.")
    signer = signers.SimpleSigner.load_pkcs12_data(pkcs12, other_certs=[], passphrase=_passphrase(passphrase))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason or None,
        location=location or None,
        contact_info=contact or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    style = TextStampStyle(
        stamp_text="Digitally signed by\n%(signer)s\n%(ts)s",
        timestamp_format="%Y-%m-%d %H:%M UTC",
        border_width=1,
    )
    x1, y1, x2, y2 = (int(round(v)) for v in box)
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=style,
        new_field_spec=fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=(x1, y1, x2, y2)),
    )
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@requires("execute_agreements")
def sign_agreement(
    session: Session,
    *,
    agreement_id: int,
    out: Path | str,
    passphrase: str | bytes | None,
    pkcs12: bytes | None = None,
    certificate_id: int | None = None,
    version_no: int | None = None,
    signed_copy: bool | None = None,
    signatory_position: int | None = None,
    pdf_in: Path | str | None = None,
    reason: str = "",
    location: str = "",
    today: dt.date | None = None,
) -> SignedPdf:
    """Print the agreement and sign it digitally in a signatory's block.

    The certificate is a PKCS#12 given as bytes, or one the office keeps (``certificate_id``). The signed copy is
    printed when someone has signed on paper already (``signed_copy=None``). With ``pdf_in`` (an agreement PDF
    already signed digitally by another signatory) the signature is added to that file instead."""
    from cryptography.x509.oid import NameOID

    if pkcs12 is None:
        if certificate_id is None:
            certs = list_certificates(session)
            if not certs:
                raise ValidationError({"pkcs12": "Choose a certificate file (.p12) or create an office certificate."})
            certificate_id = certs[-1].id
        pkcs12 = _stored_pkcs12(session, certificate_id)
    _key, cert, _extra = _load_pkcs12(pkcs12, passphrase)
    cn_values = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    signer_name = str(cn_values[0].value) if cn_values else cert.subject.rfc4514_string()
    detail = agreements.get_version(session, agreement_id=agreement_id, version_no=version_no)
    if detail.status == "draft":
        raise ConflictError(f"{detail.document_number} is a draft; send it for signature before signing it.")
    if signed_copy is None:
        signed_copy = any(s.signed for s in detail.signatories)
    buffer = io.BytesIO()
    printed = agreements.write_agreement(session, out=buffer, agreement_id=agreement_id,
                                         version_no=detail.version_no, signed=signed_copy, today=today)
    if not detail.signatories:
        raise ConflictError(f"{detail.document_number} names no signatories.")
    if signatory_position is None:
        match = [s for s in detail.signatories if s.name.casefold() == signer_name.casefold()]
        signatory = match[0] if match else detail.signatories[0]
    else:
        found = [s for s in detail.signatories if s.position == signatory_position]
        if not found:
            raise NotFoundError(f"{detail.document_number} has no signatory at position {signatory_position}.")
        signatory = found[0]
    if signatory.position not in printed.signature_boxes:
        raise ConflictError("The signature block could not be located in the printed agreement.")
    page, box = printed.signature_boxes[signatory.position]
    source = Path(pdf_in).read_bytes() if pdf_in else buffer.getvalue()
    field_name = f"Signatory{signatory.position + 1}"
    signed = sign_pdf_bytes(
        source, pkcs12=pkcs12, passphrase=passphrase, field_name=field_name, page=page, box=box,
        reason=reason or f"Signed for {signatory.organization} ({detail.document_number}, "
                          f"fingerprint {detail.fingerprint[:16] or printed.fingerprint[:16]})",
        location=location,
    )
    from sharedsvc_desktop.documents.base import _write_atomically

    target = Path(out)
    _write_atomically(target, signed)
    return SignedPdf(
        out=str(target), document_number=detail.document_number, signer=signer_name, signatory=signatory.name,
        field_name=field_name, page=page + 1, signed_at=dt.datetime.now(dt.UTC), sha256=sha256_hex(signed),
    )


# ------------------------------------------------------------------------------------------ verifying


@dataclass(frozen=True)
class SignatureCheck:
    field_name: str
    signer: str
    signer_email: str
    signed_at: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    modification: str  # "none", "form filling", "annotations", "other"
    problem: str

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and not self.problem


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    signatures: tuple[SignatureCheck, ...]
    problems: tuple[str, ...]
    sha256: str

    @property
    def summary(self) -> str:
        if not self.signatures:
            return "Not verified: " + (" ".join(self.problems) or "the PDF has no digital signature.")
        lines = []
        for s in self.signatures:
            when = s.signed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if s.signed_at else "unknown time"
            state = "intact and valid" if s.intact and s.valid else (
                "CHANGED after signing" if not s.intact else "INVALID signature")
            trust = "certificate trusted by this office" if s.trusted else "certificate not known to this office"
            lines.append(f"{s.field_name}: signed by {s.signer} on {when}: {state}; {trust}."
                         + (f" {s.problem}" if s.problem else ""))
        head = "Verified: every signature is intact and valid." if self.ok else "NOT VERIFIED."
        return "\n".join([head, *lines, *self.problems])


def verify_pdf(data: bytes | Path | str, *, trusted_pem: Sequence[bytes] = ()) -> VerifyReport:
    """Check every digital signature in a PDF: intact (no byte of the signed range changed), valid (the
    signature itself checks out), who signed and when, and whether anything was added after the last one."""
    raw = Path(data).read_bytes() if isinstance(data, Path | str) else bytes(data)
    digest = sha256_hex(raw)
    try:
        from asn1crypto import pem as asn1_pem
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.diff_analysis import ModificationLevel
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.errors import SignatureValidationError
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext
    except ImportError as exc:  # pragma: no cover - pyHanko is a dependency
        return VerifyReport(False, (), (f"Verification is not available ({exc}).",), digest)

    roots = []
    for pem_bytes in trusted_pem:
        try:
            _kind, _headers, der = asn1_pem.unarmor(pem_bytes)
            roots.append(asn1_x509.Certificate.load(der))
        except Exception:  # noqa: BLE001 - a bad stored certificate is just not trusted
            continue
    try:
        reader = PdfFileReader(io.BytesIO(raw), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # noqa: BLE001 - any damage means: not verified
        return VerifyReport(False, (), (f"The file is not a readable PDF ({type(exc).__name__}: {exc}).",), digest)
    if not embedded:
        return VerifyReport(False, (), ("The PDF has no digital signature.",), digest)
    checks: list[SignatureCheck] = []
    problems: list[str] = []
    # pyHanko logs a traceback for every certificate it cannot chain to a trusted root; the report says it.
    quiet = logging.getLogger("pyhanko")
    previous_level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        _check_all(embedded, roots, checks, ValidationContext, validate_pdf_signature, SignatureValidationError,
                   SignatureCoverageLevel, ModificationLevel)
    finally:
        quiet.setLevel(previous_level)
    ok = bool(checks) and all(c.ok for c in checks)
    return VerifyReport(ok, tuple(checks), tuple(problems), digest)


def _check_all(embedded: list[Any], roots: list[Any], checks: list[SignatureCheck], ValidationContext: Any,  # noqa: N803
               validate_pdf_signature: Any, SignatureValidationError: Any, SignatureCoverageLevel: Any,  # noqa: N803
               ModificationLevel: Any) -> None:  # noqa: N803
    levels = {
        ModificationLevel.NONE: "none",
        ModificationLevel.LTA_UPDATES: "none",
        ModificationLevel.FORM_FILLING: "form filling",
        ModificationLevel.ANNOTATIONS: "annotations",
        ModificationLevel.OTHER: "other",
    }
    for i, sig in enumerate(embedded):
        name = sig.field_name or f"signature {i + 1}"
        vc = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = validate_pdf_signature(sig, vc)
        except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
            checks.append(SignatureCheck(name, "?", "", None, False, False, False, False, "other",
                                         f"The signature could not be checked ({exc})."))
            continue
        cert = status.signing_cert
        subject = cert.subject.native if cert is not None else {}
        signer = subject.get("common_name") or (cert.subject.human_friendly if cert is not None else "?")
        email = subject.get("email_address", "") or ""
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        mod = levels.get(status.modification_level, "other") if status.modification_level is not None else "none"
        problem = ""
        if not status.intact:
            problem = "Bytes covered by this signature were changed after signing."
        elif not status.valid:
            problem = "The signature value does not match the signed data."
        elif not whole and i == len(embedded) - 1:
            problem = "Data was added to the file after the last signature."
        elif not whole and mod == "other":
            problem = "The document was changed after this signature beyond adding signatures."
        checks.append(SignatureCheck(
            field_name=name, signer=str(signer), signer_email=str(email), signed_at=status.signer_reported_dt,
            intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
            covers_whole_file=whole, modification=mod, problem=problem,
        ))


def verify_signed_pdf(session: Session, *, path: Path | str) -> VerifyReport:
    """``verify_pdf`` trusting the office's own certificates."""
    return verify_pdf(Path(path), trusted_pem=trusted_certificates_pem(session))
