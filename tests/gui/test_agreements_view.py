"""The Agreements screen: draft from a template, edit the draft, check, send, record two drawn signatures,
save the signed copy, sign digitally, verify, amend and terminate, all through the widgets."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.agreements import AgreementsView
from sharedsvc_desktop.services import signatures
from tests.sql_helpers import named_sql


def settle(view, rounds: int = 4) -> None:
    for _ in range(rounds):
        view.runner.wait_for_idle(20_000)
        QApplication.processEvents()


def _view(qtbot, db) -> AgreementsView:
    view = AgreementsView(DbRunner(db))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.reload()
    settle(view)
    return view


def _sql(db, query, **params):
    return named_sql(db, query, **params)


def _save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _draw(qtbot, pad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 80))
    for x, y in [(70, 40), (100, 95), (140, 35), (180, 90), (230, 45)]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(230, 45))


def test_whole_lifecycle_from_the_screen(demo_db, qtbot, tmp_path):
    view = _view(qtbot, demo_db)
    assert view.model.rowCount() == 2 and view.detail is not None  # the demo's agreements

    # an executed version cannot be edited: the editor is read-only
    assert view.detail.status == "executed"
    assert view.heading_edit.isReadOnly() and not view.save_action.isEnabled()

    # New from template
    view.new_action.trigger()
    dialog = view.dialog
    dialog.ui.templateCombo.setCurrentIndex(dialog.ui.templateCombo.findData("sro_program"))
    dialog.ui.policeCombo.setCurrentIndex(dialog.ui.policeCombo.findText("West Hartford Police Department"))
    dialog.ui.schoolCombo.setCurrentIndex(dialog.ui.schoolCombo.findText("West Hartford Public Schools"))
    qtbot.keyClicks(dialog.ui.effectiveDateEdit, "2027-08-09")
    _save(dialog, qtbot)
    settle(view)
    assert view.detail.number == "AGR-2027-001" and view.detail.status == "draft"
    assert view.sections_list.count() == 11
    assert view.schools_list.count() >= 5

    # edit: change section XI, add a section, uncheck a school, raise a rate, give an interim title
    view.sections_list.setCurrentRow(10)
    assert view.heading_edit.text() == "Term of Agreement"
    view.body_edit.setPlainText(view.body_edit.toPlainText() + "\nThe parties meet each June to review it.")
    view.add_section()
    view.heading_edit.clear()
    qtbot.keyClicks(view.heading_edit, "Body-Worn Cameras")
    qtbot.keyClicks(view.body_edit, "SROs wear body-worn cameras on duty.")
    bristow = next(i for i in range(view.schools_list.count())
                   if view.schools_list.item(i).text() == "Bristow Middle School")
    view.schools_list.item(bristow).setCheckState(Qt.CheckState.Unchecked)
    view.services_table.item(1, 2).setText("75.50")
    view.signatories_table.item(1, 2).setText("Acting Superintendent of Schools")
    view.save_action.trigger()
    settle(view)
    version_id = view.detail.version_id
    rows = _sql(demo_db, "SELECT position, heading FROM agreement_section WHERE version_id = :v ORDER BY position",
                v=version_id)
    assert len(rows) == 12 and rows[11][1] == "Body-Worn Cameras"
    body = _sql(demo_db, "SELECT body FROM agreement_section WHERE version_id = :v AND position = 11",
                v=version_id)[0][0]
    assert body.endswith("review it.")
    sites = {r[0] for r in _sql(demo_db, "SELECT s.name FROM agreement_site a JOIN site s ON s.id = a.site_id "
                                         "WHERE a.version_id = :v", v=version_id)}
    assert "Bristow Middle School" not in sites and len(sites) == 4
    assert _sql(demo_db, "SELECT hourly_rate_cents FROM agreement_service WHERE version_id = :v "
                         "AND service_type = 'event_coverage'", v=version_id)[0][0] == 7550
    assert _sql(demo_db, "SELECT title FROM signatory WHERE version_id = :v AND name = 'Elaine Marsh'",
                v=version_id)[0][0] == "Acting Superintendent of Schools"

    # check completeness (of what the editor holds), then send
    view.check_action.trigger()
    settle(view)
    assert view.last_check is not None and view.last_check.complete
    view.send_action.trigger()
    settle(view)
    assert view.detail.status == "out_for_signature" and len(view.detail.fingerprint) == 64
    assert not view.save_action.isEnabled() and view.record_action.isEnabled()

    # print for signature: Save PDF
    view.save_pdf(signed=False, path=str(tmp_path / "for-signature.pdf"))
    settle(view)
    assert (tmp_path / "for-signature.pdf").is_file()

    # record two drawn signatures through the dialog with the pad
    for row in range(2):
        view.signatories_table.setCurrentCell(row, 1)
        view.record_action.trigger()
        dialog = view.dialog
        dialog.ui.signedOnEdit.clear()
        qtbot.keyClicks(dialog.ui.signedOnEdit, "2026-11-20")
        _draw(qtbot, dialog.pad.pad)
        _save(dialog, qtbot)
        settle(view)
    assert view.detail.status == "executed"
    signed = _sql(demo_db, "SELECT s.signed_on, a.mime_type, a.size FROM signatory s JOIN attachment a "
                           "ON a.id = s.signature_attachment_id WHERE s.version_id = :v", v=version_id)
    assert len(signed) == 2 and all(r[0].startswith("2026-11-20") and r[1] == "image/png" and r[2] > 100
                                    for r in signed)

    # the signed copy
    view.save_pdf(signed=True, path=str(tmp_path / "signed.pdf"))
    settle(view)
    out = subprocess.run(["pdftotext", "-layout", str(tmp_path / "signed.pdf"), "-"], capture_output=True,
                         text=True).stdout
    assert "Executed on November 20, 2026." in out

    # sign digitally with a new office certificate, then verify
    view.sign_action.trigger()
    dialog = view.dialog
    settle(view)
    qtbot.keyClicks(dialog.passphrase_edit, "a long passphrase")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    settle(view)
    assert dialog.cert_combo.count() == 2 and dialog.cert_combo.currentData() != -1
    dialog.out_edit.setText(str(tmp_path / "digital.pdf"))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    settle(view)
    assert view.last_signed is not None and (tmp_path / "digital.pdf").is_file()
    view.verify_pdf(str(tmp_path / "digital.pdf"))
    settle(view)
    assert view.last_verify.ok and view.last_verify.signatures[0].trusted
    assert "Verified" in view.messages.text
    assert signatures.verify_pdf(tmp_path / "digital.pdf").ok

    # amend: version 2 in draft, version 1 untouched
    view.amend_action.trigger()
    settle(view)
    assert view.detail.version_no == 2 and view.detail.status == "draft"
    assert not view.heading_edit.isReadOnly()
    assert _sql(demo_db, "SELECT status FROM agreement_version WHERE id = :v", v=version_id)[0][0] == "executed"

    # back to version 1 and terminate it
    view.version_combo.setCurrentIndex(view.version_combo.findData(1))
    view._version_chosen()
    settle(view)
    assert view.detail.version_no == 1 and view.terminate_action.isEnabled()
    view.terminate_action.trigger()
    dialog = view.dialog
    dialog.ui.noticeOnEdit.setText("2026-12-01")
    assert "December 8, 2026" in dialog.ui.effectiveLabel.text()
    _save(dialog, qtbot)
    settle(view)
    row = _sql(demo_db, "SELECT status, termination_effective_on FROM agreement_version WHERE id = :v",
               v=version_id)[0]
    assert row[0] == "terminated" and str(row[1]) == "2026-12-08"
    view.grab().save(str(tmp_path / "agreements.png"))


def test_editor_shows_errors_without_losing_the_edit(demo_db, qtbot):
    view = _view(qtbot, demo_db)
    view.new_action.trigger()
    dialog = view.dialog
    dialog.ui.templateCombo.setCurrentIndex(dialog.ui.templateCombo.findData("in_kind_exchange"))
    qtbot.keyClicks(dialog.ui.effectiveDateEdit, "not a date")
    _save(dialog, qtbot)
    settle(view)
    assert dialog.isVisible() and dialog.ui.effectiveDateError.isVisible()
    dialog.ui.effectiveDateEdit.setText("2027-07-01")
    _save(dialog, qtbot)
    settle(view)
    assert view.detail.kind == "in_kind_exchange"
    view.services_table.item(0, 2).setText("sixty")
    view.save_action.trigger()
    settle(view)
    assert view.messages.kind == "error" and "not an amount" in view.messages.text
    view.services_table.item(0, 2).setText("60")
    view.sections_list.setCurrentRow(0)
    view.heading_edit.clear()
    view.heading_edit.textEdited.emit("")
    view.save_action.trigger()
    settle(view)
    assert view.messages.kind == "error" and "heading of section 1" in view.messages.text
    assert view.sections_list.count() == 6  # the edit is still there
