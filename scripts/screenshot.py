"""Make the README's screenshot: the main window over the demo data, offscreen.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [docs/screenshot.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from sharedsvc_desktop.gui.app import application, build_window
    from sharedsvc_desktop.storage import open_database

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(tmp)
        window = build_window(db, demo=True)
        window.resize(1280, 780)
        window.show()
        for _ in range(4):
            window.runner.wait_for_idle(30_000)
            QApplication.processEvents()
        window.dashboard.messages.hide()
        QApplication.processEvents()
        window.grab().save(str(out))
        window.close()
        db.dispose()
    app.quit()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
