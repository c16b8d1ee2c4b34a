"""The app under a random user until it is killed: the kill -9 recovery test's child process.

    COPYDESK_DATA_DIR=DIR QT_QPA_PLATFORM=offscreen python tests/ui/monkey_child.py WORKDIR SEED...

Opens the main window on the first three SEEDs with the app's own autosave and
running marker (`SessionController.start`, as `viewer.app.run_gui` does), then
runs random actions (tests/ui/monkey.py) with short idle pauses, as a user
would, until it is killed. Around each autosave it prints `SAVING <marks>` and
`SAVED <marks>` (JSON lists of [target, mark, note]) so the parent knows what
the recovery file must hold; `STEP n` after every action.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]


def main() -> None:
    """Run until killed."""
    workdir, seeds = Path(sys.argv[1]), sys.argv[2:]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from viewer.app import make_application

    app = make_application([sys.argv[0]])
    app.setOrganizationName("CopydeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir / "settings"))
    from monkey import Monkey, settle

    from viewer.ui.mainwindow import MainWindow

    win = MainWindow(seeds[:3])
    win.session.ask = lambda *a: QMessageBox.StandardButton.Discard
    win.session.start()
    win.resize(1200, 800)
    win.show()
    settle(win)
    autosave = win.session.autosave_now

    def logged_autosave() -> None:
        marks = json.dumps([[m.target, m.mark, m.note] for m in win.session.marks])
        print(f"SAVING {marks}", flush=True)
        autosave()
        print(f"SAVED {marks}", flush=True)

    win.session.autosave_now = logged_autosave
    win.session._soon.timeout.disconnect()
    win.session._soon.timeout.connect(logged_autosave)
    win.session._timer.timeout.disconnect()
    win.session._timer.timeout.connect(logged_autosave)
    rng = random.Random(20261205)
    monkey = Monkey(win, rng, seeds, workdir)
    step = 0
    while True:
        name = monkey.step()
        step += 1
        print(f"STEP {step} {name}", flush=True)
        pause = 2.0 if name == "mark" and rng.random() < 0.6 else rng.uniform(0, 0.05)
        end = time.monotonic() + pause
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.005)


if __name__ == "__main__":
    main()
