"""The bundle's entry script (PyInstaller runs this as ``__main__``): the same start as the ``sharedsvc`` command.

``--self-test`` is answered here before anything else is imported, so a bundle can be checked even on a machine
without a display; every other argument goes to ``sharedsvc_desktop.launcher.main``.

For the build's smoke test, ``SHAREDSVC_SMOKE_SCREENSHOT=/some/dir`` makes the program save a PNG of each open
window a few seconds after start (``SHAREDSVC_SMOKE_DELAY_MS``, default 4000), list their titles in
``windows.txt`` there, and quit: proof that the bundle reached its first dialog.
"""

import os
import sys


def _install_smoke_screenshot(folder: str) -> None:
    from sharedsvc_desktop.gui import app as gui_app

    original = gui_app.application

    def application(*args, **kwargs):  # type: ignore[no-untyped-def]
        from pathlib import Path

        from PySide6.QtCore import QCoreApplication, QTimer
        from PySide6.QtWidgets import QApplication

        qapp = original(*args, **kwargs)

        def shoot() -> None:
            out = Path(folder)
            out.mkdir(parents=True, exist_ok=True)
            lines = []
            for i, widget in enumerate(w for w in QApplication.topLevelWidgets() if w.isVisible()):
                name = f"window-{i}.png"
                widget.grab().save(str(out / name))
                lines.append(f"{name}\t{type(widget).__name__}\t{widget.windowTitle()}")
            (out / "windows.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            QCoreApplication.exit(0)

        QTimer.singleShot(int(os.environ.get("SHAREDSVC_SMOKE_DELAY_MS", "4000")), shoot)
        return qapp

    gui_app.application = application


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        from sharedsvc_desktop.selftest import run_self_test

        sys.exit(run_self_test())
    if os.environ.get("SHAREDSVC_SMOKE_SCREENSHOT"):
        _install_smoke_screenshot(os.environ["SHAREDSVC_SMOKE_SCREENSHOT"])
    from sharedsvc_desktop.launcher import main

    sys.exit(main())
