"""Shared setup for the GUI tests: run Qt without a display unless told otherwise."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
