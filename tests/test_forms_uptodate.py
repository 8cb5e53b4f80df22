"""The generated modules in sharedsvc_desktop/gui/forms/ must match ui/*.ui.

If this fails, run ``python scripts/build_forms.py`` and commit the result.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "sharedsvc_desktop" / "gui" / "forms"
UI_FILES = sorted(UI_DIR.glob("*.ui"))


def _load_build_forms():
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "scripts" / "build_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_forms = _load_build_forms()


def test_there_are_forms():
    assert UI_FILES, f"no .ui files found in {UI_DIR}"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file: Path):
    generated = FORMS_DIR / f"ui_{ui_file.stem}.py"
    assert generated.is_file(), f"{generated.name} is missing: run python scripts/build_forms.py"
    expected = build_forms.generate(ui_file)
    actual = generated.read_bytes().decode("utf-8")
    assert actual == expected, f"{generated.name} is stale: run python scripts/build_forms.py"


def test_generate_is_deterministic():
    ui_file = UI_FILES[0]
    assert build_forms.generate(ui_file) == build_forms.generate(ui_file)


def test_every_generated_form_has_a_ui_file():
    stems = {ui.stem for ui in UI_FILES}
    orphans = [p.name for p in sorted(FORMS_DIR.glob("ui_*.py")) if p.stem.removeprefix("ui_") not in stems]
    assert not orphans, f"generated forms without a ui/*.ui source (delete them): {orphans}"
