"""Structure of the generated Designer forms: object names, accessible names, buddies, tab order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sharedsvc_desktop.gui.forms.ui_officer_dialog import Ui_OfficerDialog
from sharedsvc_desktop.gui.forms.ui_school_dialog import Ui_SchoolDialog

INPUT_TYPES = (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox)

FORMS = {
    "officer": {
        "ui": Ui_OfficerDialog,
        "title": "Officer",
        "tab_order": [
            "firstNameEdit",
            "lastNameEdit",
            "badgeEdit",
            "rankCombo",
            "statusCombo",
            "hireDateEdit",
            "probationEndEdit",
            "emailEdit",
            "phoneEdit",
            "supervisorCheck",
            "buttonBox",
        ],
        "errors": [
            "firstNameError",
            "lastNameError",
            "badgeNumberError",
            "rankError",
            "statusError",
            "hireDateError",
            "probationEndError",
            "emailError",
            "phoneError",
        ],
    },
    "school": {
        "ui": Ui_SchoolDialog,
        "title": "School or site",
        "tab_order": [
            "nameEdit",
            "levelCombo",
            "inDistrictCheck",
            "addressEdit",
            "principalEdit",
            "phoneEdit",
            "emailEdit",
            "timezoneCombo",
            "buttonBox",
        ],
        "errors": [
            "nameError",
            "levelError",
            "addressError",
            "principalNameError",
            "contactPhoneError",
            "contactEmailError",
            "timezoneError",
        ],
    },
}


@pytest.fixture(params=sorted(FORMS))
def form(request, qtbot):
    spec = FORMS[request.param]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ui = spec["ui"]()
    ui.setupUi(dialog)
    return dialog, ui, spec


def _inputs(dialog: QDialog) -> list[QWidget]:
    # An editable QComboBox owns a QLineEdit; that one is the combo's, not a form input.
    return [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, INPUT_TYPES) and not isinstance(w.parentWidget(), QComboBox)
    ]


def test_named_widgets_exist(form):
    dialog, ui, spec = form
    assert dialog.windowTitle() == spec["title"]
    assert dialog.minimumWidth() >= 400
    for name in [*spec["tab_order"], *spec["errors"], "formMessage"]:
        widget = getattr(ui, name, None)
        assert isinstance(widget, QWidget), name
        assert widget.objectName() == name


def test_every_input_has_an_accessible_name(form):
    dialog, _ui, _spec = form
    inputs = _inputs(dialog)
    assert inputs
    unnamed = [w.objectName() for w in inputs if not w.accessibleName().strip()]
    assert not unnamed, f"inputs without accessibleName: {unnamed}"


def test_labels_with_mnemonics_have_buddies(form):
    dialog, _ui, _spec = form
    for label in dialog.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, f"{label.objectName()} ({label.text()!r}) has no buddy"
            assert isinstance(label.buddy(), INPUT_TYPES)


def test_error_labels_and_message_start_empty_and_wrap(form):
    _dialog, ui, spec = form
    for name in [*spec["errors"], "formMessage"]:
        label = getattr(ui, name)
        assert isinstance(label, QLabel), name
        assert label.text() == "", name
        assert label.wordWrap(), name


def test_button_box_is_save_cancel_and_not_wired(form):
    _dialog, ui, _spec = form
    box = ui.buttonBox
    assert isinstance(box, QDialogButtonBox)
    expected = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    assert box.standardButtons() == expected
    # The Python dialog code decides what Save does; the .ui must not connect accepted/rejected.
    assert box.receivers(SIGNAL("accepted()")) == 0
    assert box.receivers(SIGNAL("rejected()")) == 0


def _owner(widget: QWidget, names: list[str], ui) -> str | None:
    """The named form widget that widget is (or belongs to, e.g. a button in the button box)."""
    targets = {name: getattr(ui, name) for name in names}
    w = widget
    while w is not None:
        for name, target in targets.items():
            if w is target:
                return name
        w = w.parentWidget()
    return None


def test_tab_order(form):
    dialog, ui, spec = form
    names = spec["tab_order"]
    start = getattr(ui, names[0])
    seen: list[str] = []
    w = start
    for _ in range(500):
        policy = w.focusPolicy()
        if (policy.value & Qt.FocusPolicy.TabFocus.value) and w.isEnabled() and w.isVisibleTo(dialog):
            owner = _owner(w, names, ui)
            assert owner is not None, f"unexpected tab stop {w.metaObject().className()} {w.objectName()!r}"
            if not seen or seen[-1] != owner:
                seen.append(owner)
        w = w.nextInFocusChain()
        if w is start:
            break
    else:
        pytest.fail("focus chain does not return to the first input")
    assert seen == names
