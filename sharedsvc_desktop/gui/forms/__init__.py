"""Qt Designer forms compiled to Python.

Every ui_<stem>.py module here is generated from ui/<stem>.ui by scripts/build_forms.py: do not edit
them by hand. Change the .ui file (in Qt Designer or by hand), then run
``python scripts/build_forms.py``; tests/test_forms_uptodate.py fails when a generated module is stale.
"""
