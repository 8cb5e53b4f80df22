"""Packaging: the PyInstaller spec, checked statically on every run, and (slow, opt-in) a real build.

The spec is executed with PyInstaller's build classes replaced by recorders, so these tests see exactly the data
files, hidden imports and excludes the spec hands to PyInstaller, without PyInstaller installed.

The real build runs only with ``SHAREDSVC_BUILD_BUNDLE=1`` (several minutes): it runs packaging/build.sh, then the
bundle's ``--self-test`` offscreen, then starts the bundle on an empty data folder until its first dialog shows.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sharedsvc_desktop

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "sharedsvc.spec"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


class _Recorder:
    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.scripts, self.binaries = [], [], []
        self.datas = list(kwargs.get("datas", []))


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict:
    """Run the spec with recording stand-ins for PyInstaller; return its namespace."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name, **kw: [f"{name}.<submodules>"]
    hooks.collect_data_files = lambda name, **kw: [(f"<{name} data>", name)]
    hooks.collect_dynamic_libs = lambda name, **kw: [(f"<{name} libs>", name)]
    hooks.copy_metadata = lambda name, **kw: [(f"<{name} metadata>", name)]
    saved = {k: sys.modules.get(k) for k in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks")}
    sys.modules["PyInstaller"] = types.ModuleType("PyInstaller")
    sys.modules["PyInstaller.utils"] = types.ModuleType("PyInstaller.utils")
    sys.modules["PyInstaller.utils.hooks"] = hooks
    made: dict[str, list[_Recorder]] = {"Analysis": [], "PYZ": [], "EXE": [], "COLLECT": []}

    def recorder(kind):
        def make(*args, **kwargs):
            made[kind].append(_Recorder(*args, **kwargs))
            return made[kind][-1]
        return make

    namespace = {
        "__file__": str(SPEC), "__name__": "__main__", "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path_factory.mktemp("work")),
        **{kind: recorder(kind) for kind in made},
    }
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for key, module in saved.items():
            if module is None:
                sys.modules.pop(key, None)
            else:
                sys.modules[key] = module
    namespace["made"] = made
    return namespace


def _analysis(spec) -> _Recorder:
    (analysis,) = spec["made"]["Analysis"]
    return analysis


def _datas(spec) -> set[tuple[str, str]]:
    return {(Path(src).resolve().as_posix() if not src.startswith("<") else src, dest)
            for src, dest in _analysis(spec).kwargs["datas"]}


def test_every_migration_file_is_shipped_where_alembic_looks(spec):
    datas = _datas(spec)
    migrations = ROOT / "sharedsvc_desktop" / "storage" / "migrations"
    versions = sorted((migrations / "versions").glob("*.py"))
    assert versions, "no migrations found"
    for path in versions:
        assert (path.resolve().as_posix(), "sharedsvc_desktop/storage/migrations/versions") in datas
    for name in ("env.py", "script.py.mako"):
        assert ((migrations / name).resolve().as_posix(), "sharedsvc_desktop/storage/migrations") in datas
    # migrate.py looks for migrations/ next to itself, i.e. in sharedsvc_desktop/storage/
    source = (ROOT / "sharedsvc_desktop" / "storage" / "migrate.py").read_text(encoding="utf-8")
    assert 'Path(__file__).resolve().parent / "migrations"' in source


def test_every_resource_is_shipped_under_the_resources_package(spec):
    datas = _datas(spec)
    resources = ROOT / "resources"
    shipped = [p for p in resources.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
               and "__pycache__" not in p.parts]
    for wanted in ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "templates/clauses.json",
                   "icons/sharedsvc.svg", "icons/sharedsvc.ico", "help/guide.html",
                   *(f"icons/sharedsvc-{s}.png" for s in ICON_SIZES)):
        assert resources / wanted in shipped
    for path in shipped:
        dest = "sharedsvc_desktop/resources/" + path.parent.relative_to(resources).as_posix()
        assert (path.resolve().as_posix(), dest.rstrip("/.")) in datas, path


def test_hidden_imports_cover_what_is_loaded_by_name(spec):
    hidden = set(_analysis(spec).kwargs["hiddenimports"])
    for name in ("sharedsvc_desktop.<submodules>",  # cli modules are imported by name from COMMAND_MODULES
                 "sharedsvc_desktop.resources", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.sqlite.pysqlite",
                 "alembic.ddl.sqlite", "reportlab.pdfbase.<submodules>", "_cffi_backend",
                 "_argon2_cffi_bindings", "pypdfium2", "pypdfium2_raw", "platformdirs.<submodules>", "tzdata"):
        assert name in hidden
    try:
        import psycopg  # noqa: F401
    except ImportError:
        assert "sqlalchemy.dialects.postgresql.psycopg" not in hidden
    else:
        assert {"sqlalchemy.dialects.postgresql.psycopg", "alembic.ddl.postgresql"} <= hidden
    assert ("<pypdfium2_raw libs>", "pypdfium2_raw") in _analysis(spec).kwargs["binaries"]


def test_unused_qt_modules_are_excluded_and_used_ones_are_not(spec):
    excludes = set(_analysis(spec).kwargs["excludes"])
    for name in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia",
                 "QtDesigner"):
        assert f"PySide6.{name}" in excludes
    used = set()
    for path in (ROOT / "sharedsvc_desktop").rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used >= {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert not {f"PySide6.{m}" for m in used} & excludes


def test_the_executable_is_named_apart_from_the_package(spec):
    exe = spec["made"]["EXE"][0]
    assert exe.kwargs["name"] == "SharedServicesDesktop" != "sharedsvc_desktop"
    (collect,) = spec["made"]["COLLECT"]
    assert collect.kwargs["name"] == "SharedServicesDesktop"
    assert _analysis(spec).args[0] == [str(PACKAGING / "launch.py")]
    if sys.platform.startswith("win"):
        assert exe.kwargs["console"] is False and spec["made"]["EXE"][1].kwargs["console"] is True
    else:
        assert exe.kwargs["console"] is True  # so --self-test and the command line print


def test_the_version_resource_carries_the_package_version(spec, tmp_path):
    spec["WORKPATH"] = tmp_path
    path = Path(spec["version_file"]())
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    tree = ast.parse(body, mode="eval")  # a Python expression, as PyInstaller reads it
    calls = {n.func.id: n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    fixed = {kw.arg: ast.literal_eval(kw.value) for kw in calls["FixedFileInfo"].keywords
             if kw.arg in ("filevers", "prodvers")}
    expected = tuple((list(map(int, re.findall(r"\d+", sharedsvc_desktop.__version__)))[:4] + [0] * 4)[:4])
    assert fixed == {"filevers": expected, "prodvers": expected}
    strings = dict(ast.literal_eval(ast.unparse(n).replace("StringStruct", "")) for n in ast.walk(tree)
                   if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "StringStruct")
    assert strings["FileVersion"] == strings["ProductVersion"] == sharedsvc_desktop.__version__
    assert strings["OriginalFilename"] == "SharedServicesDesktop.exe"
    assert "{version" not in text


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_icon_exists_as_svg_pngs_and_ico():
    icons = ROOT / "resources" / "icons"
    svg = ET.parse(icons / "sharedsvc.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
    for size in ICON_SIZES:
        assert _png_size(icons / f"sharedsvc-{size}.png") == (size, size)
    data = (icons / "sharedsvc.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {(data[6 + 16 * i] or 256) for i in range(count)}
    assert sizes == set(ICON_SIZES)


def test_the_desktop_entry_is_valid():
    path = PACKAGING / "sharedsvc.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Name"] == "Shared Services Desktop"
    assert e["Exec"].split()[0].endswith("/SharedServicesDesktop") and e["Terminal"] == "false"
    assert e["Icon"] == "sharedsvc" and e["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_build_script_is_valid_bash():
    subprocess.run(["bash", "-n", str(PACKAGING / "build.sh")], check=True)


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.skipif(os.environ.get("SHAREDSVC_BUILD_BUNDLE") != "1",
                    reason="builds the bundle (minutes): set SHAREDSVC_BUILD_BUNDLE=1")
def test_the_built_bundle_runs_its_self_test_and_reaches_the_first_dialog(tmp_path):
    build = subprocess.run(["bash", str(PACKAGING / "build.sh")], cwd=ROOT, capture_output=True, text=True,
                           timeout=3000)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    assert "bundle size:" in build.stdout
    exe = ROOT / "dist" / "SharedServicesDesktop" / "SharedServicesDesktop"
    if not exe.exists():
        exe = exe.with_suffix(".exe")
    # a clean environment: nothing from this checkout or its virtualenv may help the bundle
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "TMPDIR": str(tmp_path)}
    test = subprocess.run([str(exe), "--self-test"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "Self-test passed." in test.stdout and "(bundle," in test.stdout

    data, shots = tmp_path / "data", tmp_path / "shots"
    start = subprocess.run([str(exe), "--data-dir", str(data)], cwd=tmp_path, timeout=120,
                           env={**env, "SHAREDSVC_SMOKE_SCREENSHOT": str(shots)}, capture_output=True, text=True)
    assert start.returncode == 0, start.stdout + start.stderr
    assert (data / "sharedsvc.sqlite3").stat().st_size > 0  # created and migrated
    windows = (shots / "windows.txt").read_text(encoding="utf-8")
    assert "UserDialog" in windows, windows  # the first administrator is asked for
    assert _png_size(shots / "window-0.png")[0] > 200
