"""Compile every Qt Designer form in ui/ into sharedsvc_desktop/gui/forms/.

    python scripts/build_forms.py           # (re)write sharedsvc_desktop/gui/forms/ui_<stem>.py
    python scripts/build_forms.py --check   # write nothing; exit 1 if any generated file is stale

Each ui/<stem>.ui becomes sharedsvc_desktop/gui/forms/ui_<stem>.py: the output of pyside6-uic
with a one-line header in front. The output is deterministic, so tests/test_forms_uptodate.py can
compare the committed files against a fresh generate().
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "sharedsvc_desktop" / "gui" / "forms"

HEADER = "# Generated from ui/{name} by scripts/build_forms.py: do not edit.\n"

# uic stamps its exact version into the banner; drop it so a Qt patch release that produces the
# same code does not make every generated file look stale.
_VERSION_LINE = re.compile(r"^(## Created by: Qt User Interface Compiler) version [^\n]*$", re.MULTILINE)

# Runs PySide6's own uic wrapper with this interpreter (the same thing the pyside6-uic script does).
_UIC_VIA_PYTHON = (
    "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv[0] = 'pyside6-uic'; sys.exit(uic())"
)


def uic_command() -> list[str]:
    """The command that runs pyside6-uic for the PySide6 installed with this interpreter."""
    bin_dir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = bin_dir / name
        if candidate.is_file():
            return [str(candidate)]
    if importlib.util.find_spec("PySide6") is not None:
        return [sys.executable, "-c", _UIC_VIA_PYTHON]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise RuntimeError("pyside6-uic not found: install PySide6 into this interpreter's environment")


def output_path(ui_file: Path) -> Path:
    """Where the generated module for ui_file lives."""
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def generate(ui_file: Path) -> str:
    """The text of the generated module for ui_file (header + pyside6-uic output)."""
    ui_file = Path(ui_file)
    result = subprocess.run(
        [*uic_command(), str(ui_file)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"pyside6-uic failed on {ui_file} (exit {result.returncode}): {message}")
    code = result.stdout.decode("utf-8").replace("\r\n", "\n")
    code = _VERSION_LINE.sub(r"\1", code)
    if not code.endswith("\n"):
        code += "\n"
    return HEADER.format(name=ui_file.name) + code


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def orphaned_forms() -> list[Path]:
    """Generated ui_*.py files whose ui/*.ui source no longer exists."""
    stems = {ui.stem for ui in ui_files()}
    return [p for p in sorted(FORMS_DIR.glob("ui_*.py")) if p.stem.removeprefix("ui_") not in stems]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile ui/*.ui into sharedsvc_desktop/gui/forms/.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing generated files that are stale, missing or orphaned",
    )
    args = parser.parse_args(argv)

    try:
        generated = [(ui, output_path(ui), generate(ui)) for ui in ui_files()]
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if args.check:
        problems = []
        for ui, out, text in generated:
            if not out.is_file():
                problems.append(f"missing: {_rel(out)} (from {_rel(ui)})")
            elif out.read_bytes().decode("utf-8") != text:
                problems.append(f"stale:   {_rel(out)} (from {_rel(ui)})")
        problems += [f"orphan:  {_rel(p)} (no matching ui/*.ui)" for p in orphaned_forms()]
        if problems:
            print("Generated forms are out of date; run: python scripts/build_forms.py", file=sys.stderr)
            for line in problems:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"{len(generated)} generated form(s) up to date.")
        return 0

    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for ui, out, text in generated:
        data = text.encode("utf-8")
        if out.is_file() and out.read_bytes() == data:
            print(f"unchanged {_rel(out)}")
            continue
        out.write_bytes(data)
        print(f"wrote     {_rel(out)} (from {_rel(ui)})")
    for orphan in orphaned_forms():
        print(f"warning: {_rel(orphan)} has no matching ui/*.ui; delete it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
