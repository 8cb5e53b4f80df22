"""The Outbox screen, as the scheduler uses it: mail settings typed in the form, an officer assigned in the Events
dialog puts one notice in the outbox, it is previewed with its invitation, held and released, sent to a real SMTP
server on 127.0.0.1 that is stopped (the notice waits) and started again (it arrives exactly once). And the tray
timer's reminders."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.outbox import OutboxView
from sharedsvc_desktop.services import events
from sharedsvc_desktop.services.permissions import Actor
from tests.conftest import raw_sql
from tests.test_mail import SmtpServer


def settle(runner: DbRunner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def view(qtbot, demo_db):
    runner = DbRunner(demo_db)
    v = OutboxView(runner)
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    v.reload()
    settle(runner)
    yield v
    settle(runner)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_settings(view, qtbot, smtp, *, sender: str = "scheduling@police.example.org") -> None:
    view.tabs.setCurrentIndex(1)
    view.host_edit.clear()
    qtbot.keyClicks(view.host_edit, "127.0.0.1")
    view.security_combo.setCurrentIndex(view.security_combo.findData("none"))
    view.port_edit.clear()
    qtbot.keyClicks(view.port_edit, str(smtp.port))
    view.sender_edit.clear()
    qtbot.keyClicks(view.sender_edit, sender)
    qtbot.keyClicks(view.sender_name_edit, "Police scheduling")


def approved_event(db) -> int:
    site = raw_sql(db, "SELECT id FROM site WHERE name = 'Conard High School'")[0][0]
    with db.session() as s:
        return events.request_event(
            s, site_id=site, event_type="dance", title="Spring formal", local_start=dt.datetime(2027, 3, 12, 19),
            local_end=dt.datetime(2027, 3, 12, 23), officers_requested=2, requester_name="Dana Fox",
            requester_contact="dfox@whps.example.org", status="approved").id


def test_assign_in_the_gui_then_the_notice_waits_for_the_server_and_arrives_once(view, demo_db, smtp, qtbot):
    from sharedsvc_desktop.gui.dialogs.assign import AssignDialog

    runner = view.runner
    assert view.list_stack.currentWidget() is view.empty  # nothing yet: the empty state says what this is for
    # GIVEN the mail settings typed into the form and saved
    fill_settings(view, qtbot, smtp)
    click(qtbot, view.save_button)
    settle(runner)
    assert "Mail goes through 127.0.0.1" in view.messages.text
    stored = str(raw_sql(demo_db, "SELECT value FROM setting WHERE key = 'mail.smtp'")[0][0])
    assert str(smtp.port) in stored and "scheduling@police.example.org" in stored

    # WHEN the scheduler assigns an officer in the Events screen's dialog
    event_id = approved_event(demo_db)
    dialog = AssignDialog(runner, event_id)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(runner)
    chosen = next(c for c in dialog.candidates if c.available)
    dialog.select_officer(chosen.officer_id)
    click(qtbot, dialog.assign_button)
    settle(runner)
    assert "assigned" in dialog.messages.text
    dialog.reject()
    # THEN exactly one notice is in the outbox, to that officer
    address = raw_sql(demo_db, "SELECT p.email FROM officer o JOIN person p ON p.id = o.person_id WHERE o.id = ?",
                      chosen.officer_id)[0][0]
    rows = raw_sql(demo_db, "SELECT id, to_address, status FROM outbox_message")
    assert [(r[1], r[2]) for r in rows] == [(address, "pending")]
    notice_id = rows[0][0]
    # AND the outbox screen lists it (it follows the "events" change) and previews it with its invitation
    view.tabs.setCurrentIndex(0)
    settle(runner)
    assert view.model.ids == [notice_id] and view.list_stack.currentWidget() is view.table
    view.select_message(notice_id)
    settle(runner)
    assert f"To: {address}" in view.preview.toPlainText()
    assert "You are assigned to “Spring formal”" in view.preview.toPlainText()
    assert "REQUEST" in view.invitation.toPlainText() and f"event-{event_id}-o{chosen.officer_id}@" in \
        view.invitation.toPlainText()
    view.preview_tabs.setCurrentIndex(1)
    view.grab().save("/tmp/outbox_invitation.png")
    view.preview_tabs.setCurrentIndex(0)

    # WHEN the server is down and the scheduler presses Send now
    smtp.stop()
    click(qtbot, view.send_button)
    settle(runner, 6)
    # THEN it waits, with what went wrong shown in the list and in the message bar
    assert raw_sql(demo_db, "SELECT status, attempts FROM outbox_message") == [("pending", 1)]
    assert "Could not reach the mail server" in view.messages.text
    row = view.model.row_object(0) or settle(runner) or view.model.row_object(0)
    assert row.status_text == "Waiting (tried 1×)" and "Could not reach" in row.answer
    view.grab().save("/tmp/outbox_down.png")

    # WHEN the server is back: sent, once, however often Send now is pressed
    smtp.start()
    click(qtbot, view.send_button)
    settle(runner, 6)
    assert raw_sql(demo_db, "SELECT status, attempts FROM outbox_message") == [("sent", 2)]
    assert "1 sent" in view.messages.text
    click(qtbot, view.send_button)
    settle(runner, 6)
    assert len(smtp.received) == 1
    msg = email.message_from_bytes(smtp.received[0][2], policy=email.policy.default)
    assert msg["To"] == address
    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    cal = vobject.readOne(part.get_content())
    assert cal.method.value == "REQUEST"
    assert cal.vevent.uid.value == f"event-{event_id}-o{chosen.officer_id}@sharedsvc-desktop"
    assert cal.vevent.dtstart.value == dt.datetime(2027, 3, 13, 0, tzinfo=dt.UTC)
    view.select_message(notice_id)
    settle(runner)
    assert "Status: Sent" in view.preview.toPlainText() and "Server's answer: 250" in view.preview.toPlainText()
    view.grab().save("/tmp/outbox_sent.png")


def test_hold_and_release_from_the_list(view, demo_db, qtbot):
    runner = view.runner
    with demo_db.session() as s:
        events.approve_event(s, event_id=raw_sql(demo_db, "SELECT id FROM event WHERE status = 'requested' "
                                                          "ORDER BY id")[0][0])
    view.reload()
    settle(runner)
    (notice_id,) = view.model.ids
    view.select_message(notice_id)
    settle(runner)
    assert view.hold_button.isEnabled() and not view.release_button.isEnabled()
    click(qtbot, view.hold_button)
    settle(runner)
    assert raw_sql(demo_db, "SELECT status FROM outbox_message WHERE id = ?", notice_id) == [("held",)]
    assert "Held back" in view.messages.text and view.release_button.isEnabled()
    view.status_combo.setCurrentIndex(view.status_combo.findData("held"))
    settle(runner)
    assert view.model.ids == [notice_id]
    view.select_message(notice_id)
    settle(runner)
    click(qtbot, view.release_button)
    settle(runner)
    assert raw_sql(demo_db, "SELECT status FROM outbox_message WHERE id = ?", notice_id) == [("pending",)]
    assert view.model.ids == []  # no longer held
    assert "1 waiting" in view.count_label.text()


def test_mail_settings_errors_and_the_test_message(view, demo_db, smtp, qtbot):
    runner = view.runner
    view.tabs.setCurrentIndex(1)
    qtbot.keyClicks(view.host_edit, "smtp town")
    qtbot.keyClicks(view.sender_edit, "scheduling at police")
    click(qtbot, view.save_button)
    settle(runner)
    assert view.errors["host"].isVisible() and "not a server name" in view.errors["host"].text()
    assert view.errors["sender"].isVisible() and "not an e-mail address" in view.errors["sender"].text()
    assert raw_sql(demo_db, "SELECT count(*) FROM setting WHERE key = 'mail.smtp'") == [(0,)]
    view.grab().save("/tmp/outbox_settings_errors.png")
    # corrected, then a test message straight to the server
    fill_settings(view, qtbot, smtp)
    qtbot.keyClicks(view.test_to_edit, "me@police.example.org")
    click(qtbot, view.test_button)
    settle(runner, 6)
    assert not view.errors["host"].isVisible() and not view.errors["sender"].isVisible()
    assert "Test message sent to me@police.example.org. The server answered: 250" in view.messages.text
    assert [rcpt for _, rcpt, _ in smtp.received] == [["me@police.example.org"]]
    view.grab().save("/tmp/outbox_settings.png")


def test_a_read_only_user_sees_but_cannot_act(qtbot, demo_db):
    runner = DbRunner(demo_db, actor=Actor(1, "viewer", "read_only"))
    v = OutboxView(runner)
    qtbot.addWidget(v)
    v.show()
    v.reload()
    settle(runner)
    assert not v.send_button.isEnabled() and not v.hold_button.isEnabled()
    assert not v.save_button.isEnabled() and not v.test_button.isEnabled()


def test_the_tray_timer_queues_reminders_sends_them_and_notifies(qtbot, demo_db, smtp):
    from sharedsvc_desktop.gui.tray import ReminderTray
    from sharedsvc_desktop.services import mail

    with demo_db.session() as s:
        mail.set_mail_settings(s, host="127.0.0.1", port=smtp.port, security="none",
                               sender="scheduling@police.example.org")
    runner = DbRunner(demo_db)
    now = dt.datetime(2026, 11, 24, 15, tzinfo=dt.UTC)  # the day before the demo's Wednesday games
    tray = ReminderTray(runner, None, clock=lambda: now, start=False)
    with qtbot.waitSignal(tray.roundFinished, timeout=20_000) as blocker:
        tray.run_once()
    settle(runner)
    result = blocker.args[0]
    queued = raw_sql(demo_db, "SELECT id, kind FROM outbox_message WHERE to_address <> '' ORDER BY id")
    assert queued and {k for _, k in queued} == {"reminder_event", "reminder_compliance"}
    assert sorted(result.sent) == [i for i, _ in queued]
    assert len(smtp.received) == len(queued)
    (title, text), = tray.history
    assert title == "Reminders" and "Tomorrow 19:00: Varsity hockey, home game" in text
    # a second round the same day adds and sends nothing, and shows nothing
    with qtbot.waitSignal(tray.roundFinished, timeout=20_000):
        tray.run_once()
    settle(runner)
    assert len(smtp.received) == len(queued) and len(tray.history) == 1
    tray.stop()
