"""The main window on the seeds: panes, highlights, base, changes, scroll sync, errors."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from viewer.ui.highlight import (
    ADDED,
    ADDED_PASSAGE,
    CHANGED_NEW,
    CHANGED_OLD,
    CONFLICT,
    DROPPED,
    DROPPED_PASSAGE,
    MOVED,
    SWAP,
)


def test_opens_seeds_side_by_side(make_window, seed_files):
    win = make_window()
    assert win.letters_in_order() == ["A", "B", "C", "D", "E"][:len(seed_files)]
    assert win.splitter.count() == len(seed_files)
    for letter, pane in win.panes.items():
        art = win.comparison.article(letter)
        assert pane.text.toPlainText() == art.text
        assert pane.text.isReadOnly()
        assert pane.title.text() == art.title
    assert win.base == "A"
    assert "5 articles" in win.windowTitle() and "base: A" in win.windowTitle()
    assert "similar to A" in win.panes["B"].info.text()
    assert "base" in win.panes["A"].info.text()


def test_highlights_follow_the_diff(make_window, seed_files):
    win = make_window(seed_files[:2] + seed_files[4:5])
    base, other = win.comparison.article("A"), win.comparison.article("C")
    spans = [s for s in win.panes["C"].spans if s.kind not in (CONFLICT, SWAP, MOVED)]
    assert spans and {s.kind for s in spans} <= {ADDED, ADDED_PASSAGE, CHANGED_NEW}
    pair = win.oriented("A", "C")
    inserted = {(c.b_start, c.b_end) for c in pair.chunks if c.tag in ("insert", "replace")}
    for s in spans:
        assert any(lo <= s.start < s.end <= hi for lo, hi in inserted)
        piece = other.text[s.start:s.end]
        assert piece == piece.strip() and piece
    # The base pane shows what the focused/first other article drops.
    base_kinds = {s.kind for s in win.panes["A"].spans} - {CONFLICT, SWAP, MOVED}
    assert base_kinds and base_kinds <= {DROPPED, DROPPED_PASSAGE, CHANGED_OLD}
    assert all(base.text[s.start:s.end].strip() for s in win.panes["A"].spans)
    # The document really carries the styles.
    from PySide6.QtGui import QTextCursor
    s = spans[0]
    cur = QTextCursor(win.panes["C"].text.document())
    cur.setPosition(s.start + 1)
    assert cur.charFormat().background().color().name() != "#000000"
    assert cur.charFormat().background().style() != Qt.BrushStyle.NoBrush


def test_base_switch_by_combo_and_pane_menu(make_window, seed_files):
    win = make_window()
    before = list(win.panes["B"].spans)
    win.base_combo.setCurrentIndex(win.base_combo.findData("E"))
    win.base_combo.activated.emit(win.base_combo.currentIndex())
    assert win.base == "E"
    assert "base" in win.panes["E"].info.text() and "similar to E" in win.panes["A"].info.text()
    assert win.panes["B"].spans != before
    win.panes["C"].action_make_base.trigger()
    assert win.base == "C" and win.base_combo.currentData() == "C"
    assert "base: C" in win.windowTitle()


def test_next_and_previous_change(make_window, seed_files):
    win = make_window()
    pane = win.panes["E"]
    pane.text.setFocus()
    win._on_pane_focused("E")
    pane.text.moveCursor(pane.text.textCursor().MoveOperation.Start)
    changes = win.navigator.changes_of("E")
    assert len(changes) > 3
    win.action_next.trigger()
    first = pane.cursor_offset()
    assert first == changes[0][0] or (first == 0 and changes[0][0] == 0)
    win.action_next.trigger()
    second = pane.cursor_offset()
    assert second == changes[1][0] and second > first
    win.action_prev.trigger()
    assert pane.cursor_offset() == changes[0][0]
    assert "E vs A" in win.status.text() and "changes" in win.status.text()
    assert win.action_next.shortcut().toString() == "Alt+Down"


def test_scroll_sync_brings_matching_text_level(make_window, seed_files, qtbot):
    win = make_window([seed_files[0], seed_files[4]])
    a, b = win.panes["A"], win.panes["B"]
    win.resize(900, 500)
    qtbot.wait(50)
    bar = a.text.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    expected = win.map_offset("A", "B", a.middle_offset())
    got = b.middle_offset()
    assert abs(got - expected) < 120, (got, expected)
    # Switched off, the other pane stays where it is.
    win.action_sync.trigger()
    assert not win.sync.enabled
    held = b.text.verticalScrollBar().value()
    bar.setValue(0)
    assert b.text.verticalScrollBar().value() == held


def test_missing_file_gets_a_bar_and_others_open(make_window, seed_files, tmp_path):
    missing = str(tmp_path / "gone.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    win = make_window([seed_files[0], missing, str(empty), seed_files[1]])
    assert win.error_bar.isVisible()
    text = "\n".join(win.error_bar.messages)
    assert "gone.txt" in text and "not found" in text and "empty.txt" in text
    assert len(win.panes) == 2
    win.error_bar.dismiss()
    assert not win.error_bar.isVisible()


def test_close_reorder_and_add_panes(make_window, seed_files, qtbot):
    win = make_window(seed_files[:3])
    win.move_pane("A", 1)
    assert win.letters_in_order() == ["B", "A", "C"]
    assert win.splitter.widget(0) is win.panes["B"]
    win.close_article("A")
    qtbot.waitUntil(lambda: not win.runner.is_busy() and set(win.panes) == {"B", "C"}, timeout=10000)
    assert win.base == "B"
    win.open_paths([seed_files[3]])
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 3, timeout=10000)
    assert "A" in win.panes  # the free letter is reused
    win.close_article("B")
    win.close_article("C")
    win.close_article("A")
    qtbot.waitUntil(lambda: not win.panes, timeout=10000)
    assert win.stack.currentWidget() is win.empty


def test_drop_files_and_paste_text(make_window, seed_files, qtbot):
    win = make_window(seed_files[:2])
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(seed_files[2])])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, md, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    win.dropEvent(ev)
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 3, timeout=10000)
    QApplication.clipboard().setText("Pasted <b>copy</b> of the story, with 😀 emoji.")
    win.action_paste.trigger()
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 4, timeout=10000)
    pasted = win.panes["D"]
    assert pasted.text.toPlainText().startswith("Pasted <b>copy</b>")  # shown literally
    assert pasted.title.text().startswith("Pasted text")


def test_stale_results_are_never_drawn(make_window, seed_files, qtbot):
    win = make_window(seed_files[:2])
    drawn = []
    win.runner.result_ready.connect(lambda r: drawn.append(len(r.articles)))
    win.open_paths([seed_files[2]])
    win.open_paths([seed_files[3]])  # supersedes the first request at once
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 4, timeout=10000)
    qtbot.wait(200)
    assert drawn == [4]


def test_cancel_stops_analysis(qtbot, qapp):
    import time

    from viewer.core.util.cancel import check
    from viewer.ui.workers import AnalysisRunner
    runner = AnalysisRunner()

    def slow(progress, cancelled):
        for k in range(200):
            check(cancelled)
            progress(k, 200)
            time.sleep(0.01)
        return "done"

    got = []
    runner.result_ready.connect(got.append)
    with qtbot.waitSignal(runner.stopped, timeout=5000):
        runner.start(slow)
        qtbot.wait(50)
        runner.cancel()
    assert got == [] and not runner.is_busy()
    assert runner.wait(2000)


def test_cancel_is_immediate_even_inside_a_step_that_cannot_stop(qtbot, qapp):
    """A job stuck in one long step (like a word diff in C) is dropped at once on cancel,
    and the next job does not queue behind it."""
    import threading
    import time

    from viewer.ui.workers import AnalysisRunner
    runner = AnalysisRunner()
    release = threading.Event()

    def stuck(progress, cancelled):
        release.wait(10)  # never looks at `cancelled`
        return "stale"

    got, stopped = [], []
    runner.result_ready.connect(got.append)
    runner.stopped.connect(lambda: stopped.append(time.perf_counter()))
    runner.start(stuck)
    qtbot.wait(50)
    t0 = time.perf_counter()
    runner.cancel()
    assert stopped and stopped[0] - t0 < 0.1 and not runner.is_busy()
    with qtbot.waitSignal(runner.result_ready, timeout=3000):
        runner.start(lambda progress, cancelled: "fresh")
    assert got == ["fresh"]
    release.set()
    assert runner.wait(3000)
    qtbot.wait(50)
    assert got == ["fresh"] and len(stopped) == 1 and not runner.is_busy()


def test_settings_persist(make_window, seed_files, temp_settings):
    from viewer.ui.settings import app_settings, read_bool, recent_files
    win = make_window(seed_files[:2])
    win.action_sync.trigger()
    win.open_paths([seed_files[2]], remember=True)
    win.close()
    s = app_settings()
    assert read_bool(s, "options/sync_scroll", True) is False
    assert recent_files(s)[0].endswith(seed_files[2].split("/")[-1])
    assert s.value("window/geometry") is not None
    assert any(temp_settings.rglob("*.ini"))
    win2 = make_window(seed_files[:2])
    assert not win2.action_sync.isChecked()
    assert win2.recent_menu.actions()


def test_non_bmp_text_is_highlighted_at_the_right_place(make_window, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Fans 😀😀 cheered loudly as the team won the final.", encoding="utf-8")
    b.write_text("Fans 😀😀 cheered wildly as the team won the final.", encoding="utf-8")
    win = make_window([str(a), str(b)])
    span = win.panes["B"].spans[0]
    text = win.comparison.article("B").text
    assert text[span.start:span.end] == "wildly"
    from PySide6.QtGui import QTextCursor
    pane = win.panes["B"]
    cur = QTextCursor(pane.text.document())
    cur.setPosition(pane._posmap.to_qt(span.start))
    cur.setPosition(pane._posmap.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
    assert cur.selectedText() == "wildly"


def test_rtl_article_opens(make_window, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("قال الرئيس إن الجنود وصلوا يوم الأحد.", encoding="utf-8")
    b.write_text("قال الرئيس إن القوات وصلت يوم الأحد.", encoding="utf-8")
    win = make_window([str(a), str(b)])
    pane = win.panes["B"]
    assert pane.spans
    block = pane.text.document().firstBlock()
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft


def test_conflicting_values_are_marked_in_the_panes(make_window, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The driver, 24 years old, was arrested on Monday after the crash in Leeds.\n"
                 "Police said the road was closed for five hours.", encoding="utf-8")
    b.write_text("The driver, 25 years old, was arrested on Monday after the crash in Leeds.\n"
                 "Officers closed the road for several hours.", encoding="utf-8")
    win = make_window([str(a), str(b)])
    claims = [c for c in win.comparison.claims if c.conflicts]
    assert claims, "the age conflict was not found"
    for letter, value in (("A", "24"), ("B", "25")):
        pane = win.panes[letter]
        marks = [s for s in pane.spans if s.kind == CONFLICT]
        assert any(value in pane.article.text[s.start:s.end] for s in marks)


def test_find_across_panes(make_window, seed_files, qtbot):
    win = make_window(seed_files)
    win.action_find.trigger()
    assert win.find_bar.isVisible()
    win.find_bar.edit.setText("North Korea")
    expected = sum(p.article.text.lower().count("north korea") for p in win.panes.values())
    assert len(win.find_bar.matches) == expected > 5
    assert any(p.text.extraSelections() for p in win.panes.values())
    win.action_find_next.trigger()
    pane, (s, e) = win.find_bar.matches[0]
    assert pane.text.textCursor().selectedText().lower() == "north korea"
    assert "1 of" in win.find_bar.count.text()
    win.action_find_prev.trigger()
    assert win.find_bar.current == len(win.find_bar.matches) - 1
    win.find_bar.close_bar()
    assert not any(p.text.extraSelections() for p in win.panes.values())


def test_zoom_applies_to_all_panes_and_persists(make_window, seed_files):
    from viewer.ui.settings import app_settings, read_int
    win = make_window(seed_files[:3])
    before = win.panes["A"].text.font().pointSize()
    win.action_zoom_in.trigger()
    win.action_zoom_in.trigger()
    sizes = {p.text.font().pointSize() for p in win.panes.values()}
    assert sizes == {before + 2}
    assert read_int(app_settings(), "view/zoom", 0) == 2
    win.action_zoom_out.trigger()
    assert {p.text.font().pointSize() for p in win.panes.values()} == {before + 1}
    win.action_zoom_reset.trigger()
    assert {p.text.font().pointSize() for p in win.panes.values()} == {before}
    assert "Ctrl+=" in [k.toString() for k in win.action_zoom_in.shortcuts()]


def test_ctrl_number_focuses_panes_and_shortcut_sheet_lists_actions(make_window, seed_files):
    from viewer.ui.dialogs import ShortcutsDialog
    win = make_window(seed_files[:3])
    win.focus_actions[1].trigger()
    assert win.focused == win.order[1]
    assert win.focus_actions[1].shortcut().toString() == "Ctrl+2"
    dlg = ShortcutsDialog(win.actions(), win)
    names = {dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())}
    assert {"Find", "Zoom In", "Quit", "Next ▶"} <= names
    dlg.close()


def test_appearance_override_switches_palette(make_window, seed_files, qapp):
    from viewer.ui.theme import is_dark
    win = make_window(seed_files[:2])
    win.appearance_actions["dark"].trigger()
    qapp.processEvents()
    from viewer.ui.settings import app_settings
    assert app_settings().value("view/appearance") == "dark"
    assert is_dark(qapp.palette())
    assert win.panes["A"].text.palette().base().color().lightness() < 128
    win.appearance_actions["light"].trigger()
    qapp.processEvents()
    assert not is_dark(qapp.palette())
    win.appearance_actions["system"].trigger()


def test_dark_appearance_repaints_the_window_chrome(make_window, seed_files, qapp):
    """Switching to dark after the window is shown paints menu bar and tool bar dark too
    (under the app's style sheet they kept the light palette they were polished with),
    and the toolbar's legend and the first-run hint show the colours the panes use in the dark."""
    from PySide6.QtWidgets import QToolBar

    from viewer.app import make_application
    from viewer.ui.highlight import ADDED, background
    win = make_window(seed_files[:2])
    make_application()  # the real style sheet, as the app runs
    try:
        win.appearance_actions["light"].trigger()
        qapp.processEvents()
        win.appearance_actions["dark"].trigger()
        qapp.processEvents()
        for bar in (win.menuBar(), win.findChildren(QToolBar)[0]):
            img = bar.grab().toImage()
            assert img.pixelColor(img.width() - 3, img.height() // 2).lightness() < 100, bar
        assert background(ADDED, True) in win.legend_labels[ADDED].styleSheet()
        assert background(ADDED, True) in win.first_run_hint.label.text()
        win.appearance_actions["light"].trigger()
        qapp.processEvents()
        assert background(ADDED, False) in win.legend_labels[ADDED].styleSheet()
    finally:
        win.appearance_actions["system"].trigger()
        qapp.setStyleSheet("")


def test_open_folder_and_reopen_with_encoding(make_window, seed_files, tmp_path, qtbot):
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "one.txt").write_text("The mayor opened the new bridge on Friday morning.", encoding="utf-8")
    (folder / "two.md").write_text("# Bridge\n\nThe **mayor** opened the bridge on Friday.", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\x00\x01")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café était fermé à Paris.".encode("cp1252"))
    win = make_window([str(latin)])
    win.open_folder(str(folder))
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 3, timeout=10000)
    texts = [p.article.text for p in win.panes.values()]
    assert any("**" not in t and "mayor opened the bridge" in t for t in texts)
    pane = win.panes["A"]
    assert "café" in pane.article.text and pane.article.encoding in ("windows-1252", "iso-8859-1")
    win.reopen_with_encoding("A", "utf-8")
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=10000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=10000)
    # Forced UTF-8 cannot decode these cp1252 bytes: a clear message, and the article stays.
    assert any("latin.txt" in m for m in win.error_bar.messages)
    assert "café" in win.panes["A"].article.text


def test_overview_map_shows_changes_and_click_jumps(make_window, seed_files, qtbot):
    from PySide6.QtCore import QPoint
    win = make_window([seed_files[4], seed_files[0]])
    win.resize(1000, 500)
    qtbot.wait(50)
    pane = win.panes["B"]
    strip = pane.map
    assert strip.isVisible() and strip.marks
    assert len(strip.marks) == len(pane.spans)
    assert all(0 <= top <= bottom <= 1.01 for top, bottom, _ in strip.marks)
    bar = pane.text.verticalScrollBar()
    bar.setValue(0)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, int(strip.height() * 0.9)))
    assert bar.value() > bar.maximum() * 0.6
    top, bottom = strip.visible_part
    assert top > 0.4 and bottom <= 1.01


def test_reuse_view_marks_runs_and_jumps_to_twin(make_window, seed_files, qtbot):
    from viewer.ui.highlight import RUN
    win = make_window([seed_files[4], seed_files[0]])
    win.view_actions["reuse"].trigger()
    assert win.view_mode == "reuse"
    pane, base = win.panes["B"], win.panes["A"]
    pair = win.oriented("A", "B")
    assert pair.runs
    assert {s.kind for s in pane.spans} - {CONFLICT} == {RUN}
    assert {s.kind for s in base.spans} - {CONFLICT} == {RUN}
    assert not win.legend_labels[ADDED].isVisible() or not win.isVisible()
    run = max(pair.runs, key=lambda r: r[3] - r[2])
    base.text.verticalScrollBar().setValue(base.text.verticalScrollBar().maximum())
    win.sync.enabled = False
    win.jump_to_twin("B", (run[2] + run[3]) // 2)
    sels = base.text.extraSelections()
    assert sels and sels[-1].cursor.selectedText() == base.article.text[run[0]:run[1]].replace("\n", "\u2029")
    win.view_actions["diff"].trigger()
    assert RUN not in {s.kind for s in pane.spans}


def test_spun_copy_shows_swaps_and_spin_panel(make_window, tmp_path):
    original = ("The soldiers said the war was over. The president said the nation must rebuild "
                "its army and help the people in the small towns near the border.")
    spun = ("The troopers mentioned the battle was over. The president mentioned the country must "
            "rebuild its military and assist the individuals in the little towns near the border.")
    a, b = tmp_path / "orig.txt", tmp_path / "spun.txt"
    a.write_text(original, encoding="utf-8")
    b.write_text(spun, encoding="utf-8")
    win = make_window([str(a), str(b)])
    pair = win.oriented("A", "B")
    assert pair.spin_score >= 0.5 and len(pair.swaps) >= 5
    assert any(s.kind == SWAP for s in win.panes["B"].spans)
    assert "spun" in win.panes["B"].info.text()
    items = [win.spin_panel.list.item(i).text() for i in range(win.spin_panel.list.count())]
    assert any(t.startswith("said → mentioned") for t in items)
    win.spin_panel.list.itemClicked.emit(win.spin_panel.list.item(0))
    assert win.panes["B"].text.extraSelections()


def test_pane_header_says_which_way_a_pair_is_derived(make_window, seed_files):
    """A derivation label in a pane header names its direction: "… derived from A" when the pane's
    article is the derived one, "A … derived from this" when the base is."""
    win = make_window(seed_files)
    directions = set()
    for base in list(win.panes):
        win.set_base(base)
        for letter, pane in win.panes.items():
            op = win.oriented(base, letter) if letter != base else None
            if op is None or op.label in (None, "independent") or not op.derived:
                continue
            text = pane.info.text()
            if op.derived == letter:
                assert f"derived from {base}" in text and "from this" not in text
            else:
                assert f"{base} " in text and "derived from this" in text
            directions.add(op.derived == letter)
    assert directions == {True, False}  # both wordings were seen


def test_narrow_pane_headers_fall_back_to_shorter_forms(make_window, seed_files, qtbot):
    """On a laptop screen five panes are narrow: a header shows the similarity (and the
    derivation in a word) rather than the word count cut off ("504 words · b…")."""
    from PySide6.QtWidgets import QLabel

    win = make_window(seed_files)
    win.resize(1100, 700)
    qtbot.wait(50)
    shown = {letter: QLabel.text(pane.info) for letter, pane in win.panes.items()}
    for letter, pane in win.panes.items():
        metrics, width, forms = pane.info.fontMetrics(), pane.info.width(), pane.info.forms()
        assert len(forms) == 3 and metrics.horizontalAdvance(forms[0]) > width  # too narrow for all
        fitting = [f for f in forms if metrics.horizontalAdvance(f) <= width]
        assert fitting and shown[letter] == fitting[0] != forms[0]
        assert pane.info.text() == forms[0] and forms[0].startswith(
            f"{win.comparison.article(letter).word_count} words")
    assert any("%" in text for text in shown.values())
    win.resize(2600, 900)  # wide enough again: the whole line
    qtbot.wait(50)
    assert all(QLabel.text(p.info) == p.info.text() for p in list(win.panes.values())[:2])


def test_matrix_cell_click_compares_that_pair(make_window, seed_files, qtbot):
    win = make_window(seed_files[:4])
    model = win.matrix_dock.model
    assert model.rowCount() == 4 and model.columnCount() == 4
    cell = model.index(2, 0)  # C against A
    assert "%" in cell.data() and model.pair_at(model.index(1, 1)) is None
    assert "similarity" in cell.data(Qt.ItemDataRole.ToolTipRole)
    win.matrix_dock.view.clicked.emit(cell)
    assert win.base == "C" and win.focused == "A"
    assert win.order.index("A") == win.order.index("C") + 1


def test_matrix_rows_too_short_for_two_lines_show_one(make_window, seed_files, qtbot):
    """A small screen's matrix rows hold one line: a cell shows its similarity (and spin mark), the
    diagonal its label, not an elided first line ("66%…", "others:…")."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    from viewer.ui.matrixdock import COMPACT_ROLE
    win = make_window(seed_files)
    view, model = win.matrix_dock.view, win.matrix_dock.model
    tall = next(model.index(r, c) for r in range(5) for c in range(5)
                if r != c and "\n" in model.index(r, c).data())
    diagonal = next(model.index(k, k) for k in range(5) if model.index(k, k).data() != "—")

    def shown(index, height):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = QRect(0, 0, 80, height)
        view.itemDelegate().initStyleOption(option, index)
        return option.text

    line = view.fontMetrics().lineSpacing()
    assert shown(tall, 3 * line) == tall.data().replace("\n", "\u2028")
    assert shown(tall, line + 4) == tall.data(COMPACT_ROLE) == tall.data().split("\n")[0] + \
        (" ⚠" if tall.data().endswith("⚠") else "")
    assert shown(diagonal, line + 4) in ("wholly", "partly") and diagonal.data().startswith("others:")


def test_a_matrix_of_many_articles_scrolls_rather_than_elide_its_cells(make_window, prose, tmp_path):
    """Ten articles in the narrow dock: every column keeps the width of its one-line text
    ("28%", "partly") and the matrix scrolls, instead of showing "2…" and "p…"."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from viewer.ui.matrixdock import min_cell_width
    base = prose(40, 120)
    files = []
    for k in range(10):
        path = tmp_path / f"a{k}.txt"
        shared = base if k % 3 == 0 else ""
        path.write_text(f"Story {k}\n\n{shared}\n\n{prose(41 + k, 80)}\n", encoding="utf-8")
        files.append(str(path))
    win = make_window(files)
    dock = win.matrix_dock
    dock.resize(260, 240)
    view, model = dock.view, dock.model
    fm = view.fontMetrics()
    assert model.rowCount() == 10
    header = view.horizontalHeader()
    assert all(header.sectionSize(k) >= min_cell_width(fm) for k in range(10))
    assert header.length() > view.viewport().width()  # it scrolls
    for r in range(10):
        for c in range(10):
            index = model.index(r, c)
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.rect = view.visualRect(index)
            option.rect.setHeight(fm.lineSpacing() + 6)
            view.itemDelegate().initStyleOption(option, index)
            assert "\u2028" not in option.text and fm.horizontalAdvance(option.text) <= option.rect.width()


def test_two_stories_from_one_wire_copy_say_so_on_hover(make_window, prose, tmp_path):
    """A cell of two stories that share only what each has from the wire copy beside them reads
    independent and says why on hover."""
    from PySide6.QtCore import Qt

    item = prose(51, 240)
    half = len(item) // 2
    header = "09:15 03/02/24: Page 1 (HHH) HARBOUR Boats\nBy Jo Bloggs, PA News"
    texts = (("wire.txt", f"{header}\n{item}\nends\n"),
             ("one.txt", f"Boats leave early\n\n{item[:half + 400]}\n\n{prose(52, 60)}\n"),
             ("two.txt", f"Harbour empties\n\n{item[half - 400:]}\n\n{prose(53, 60)}\n"))
    files = []
    for name, text in texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    win = make_window(files)
    model = win.matrix_dock.model
    tip = model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "independent" in tip and "each has from the wire copy it derives from (A)" in tip
    assert "%" in model.index(1, 2).data() and "\n" not in model.index(1, 2).data()


def test_tooltip_names_the_articles_read_against_and_those_left_out(make_window, prose, tmp_path):
    """Side by side with wire copy, a story written from the wire is not a source of another
    story; the tooltips say which articles were read together and which were left out."""
    item, heard = prose(31, 150), prose(32, 120)
    header = "09:15 03/02/24: Page 1 (HHH) HARBOUR Boats\nBy Jo Bloggs, PA News"
    texts = (("wire.txt", f"{header}\n{item}\nends\n"),
             ("story.txt", f"Boats leave early\n\n{item}\n\n{heard}\n"),
             ("other.txt", f"Harbour quiet\n\n{prose(33, 100)}\n\n{heard}\n"))
    for name, text in texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
    win = make_window([str(tmp_path / name) for name, _ in texts])
    note = win.panes["C"].info.toolTip()
    assert "Against A together: independent" in note
    assert "B left out: it was written from wire copy in the comparison" in note
    diagonal = win.matrix_dock.model.index(2, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "Against A together: independent" in diagonal
    # on the diagonal, "independent of the others" is not the wire copy's "not read against any"
    assert win.matrix_dock.model.index(2, 2).data() == "others:\nnone"
    assert win.matrix_dock.model.index(0, 0).data() == "—"


def test_matrix_diagonal_and_tooltip_give_the_label_against_all_the_others(make_window, prose, tmp_path, qtbot):
    take1, take2 = prose(21, 600), prose(22, 600)
    files = []
    for name, text in (("take1.txt", take1), ("take2.txt", take2),
                       ("story.txt", take1[:len(take1) // 2] + " " + take2[:len(take2) // 2])):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    win = make_window(files)
    model = win.matrix_dock.model
    assert model.index(2, 2).data() == "others:\nwholly"
    assert "Against A and B together: wholly derived" in model.index(2, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "wholly" not in model.index(2, 0).data()  # one take alone: less than all together
    assert "3 articles" not in win.panes["C"].info.toolTip()
    assert "Against A and B together: wholly derived" in win.panes["C"].info.toolTip()
    win.matrix_dock.view.clicked.emit(model.index(2, 2))  # its own cell: nothing to compare
    assert win.base == "A"


def test_moved_paragraph_is_marked_in_both_panes_and_jumps_to_its_twin(make_window, prose, tmp_path, qtbot):
    paras = [prose(seed, 60) for seed in (31, 32, 33, 34)]
    (tmp_path / "a.txt").write_text("\n\n".join(paras), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(paras[1:] + paras[:1]), encoding="utf-8")
    win = make_window([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    pair = win.oriented("A", "B")
    assert pair.moves
    base, other = win.panes["A"], win.panes["B"]
    moved_a = [s for s in base.spans if s.kind == MOVED]
    moved_b = [s for s in other.spans if s.kind == MOVED]
    assert moved_a and moved_b
    move = pair.moves[0]
    assert base.article.text[move[0]:move[1]] == other.article.text[move[2]:move[3]]
    win.sync.enabled = False
    win.jump_to_twin("B", (move[2] + move[3]) // 2)
    sels = base.text.extraSelections()
    assert sels and sels[-1].cursor.selectedText() == base.article.text[move[0]:move[1]].replace("\n", "\u2029")


def test_article_colours_follow_the_article_after_a_close(make_window, seed_files, qtbot):
    from viewer.core.report.htmlreport import colour_slot
    from viewer.ui.highlight import article_colour
    win = make_window(seed_files[:3])
    win.close_article("B")
    qtbot.waitUntil(lambda: not win.runner.is_busy() and set(win.panes) == {"A", "C"}, timeout=10000)
    model = win.claims_panel.model
    ids = [a.id for a in win.comparison.articles]
    assert ids == ["A", "C"]
    assert article_colour(model.colour_slot(ids.index("C"))) == article_colour(2)  # C's, not B's
    assert colour_slot(win.comparison, "C") == 2


def test_many_panes_in_a_small_window_scroll_sideways(make_window, seed_files, qtbot):
    from viewer.ui.mainwindow import PANE_MIN_WIDTH

    win = make_window()
    win.resize(900, 600)
    qtbot.waitUntil(lambda: win.pane_area.horizontalScrollBar().maximum() > 0, timeout=3000)
    assert all(win.panes[x].width() >= PANE_MIN_WIDTH for x in win.order)
    bar = win.pane_area.horizontalScrollBar()
    assert bar.value() == 0
    last = win.panes[win.order[-1]]
    last.text.setFocus()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)  # the focused pane is brought into view
    win.resize(1400 + len(win.order) * PANE_MIN_WIDTH, 900)  # room for all: no sideways scrolling
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=3000)


def test_pane_tooltip_says_what_decided_which_article_is_derived(make_window, seed_files, qtbot):
    """The seeds hold a spun copy (A) and its original (E): the other reports' wording tells which
    is which, and E's pane (compared with the base, A) says so."""
    win = make_window(seed_files)
    assert win.base == "A"
    assert "A is derived, going by which side of the synonym swaps the other articles use" in \
        win.panes["E"].info.toolTip()


def test_toolbar_and_its_legend_fit_a_laptop_screen(make_window, seed_files, qtbot):
    """On a 1280-pixel-wide screen the window opens about 1,180 pixels wide: the toolbar's short
    button words keep every control and the colour legend on it, not behind its » overflow; the
    menus keep the full names."""
    from PySide6.QtWidgets import QToolBar

    win = make_window(seed_files[:2])
    win.resize(1200, 700)
    qtbot.wait(50)
    toolbar = win.findChild(QToolBar, "MainToolBar")
    assert toolbar.sizeHint().width() <= 1200
    assert win.legend.isVisible()
    assert win.legend.geometry().right() < toolbar.width() and win.legend_labels[ADDED].isVisible()
    assert win.action_paste.iconText() == "Paste" and "New Article" in win.action_paste.text()
    win.resize(900, 700)
    qtbot.wait(50)
    assert not win.legend.isVisible()  # the test can fail: a narrower window does push it out


@pytest.mark.parametrize("choice", ["triage", "open", None])
def test_a_big_folder_is_offered_to_triage(make_window, seed_files, tmp_path, qtbot, monkeypatch, choice):
    from viewer.ui import fileactions
    folder = tmp_path / "wire"
    folder.mkdir()
    for k in range(fileactions.MANY_SIDE_BY_SIDE + 1):
        (folder / f"{k:02}.txt").write_text(f"Story {k}: the council met on day {k} and voted.", encoding="utf-8")
    win = make_window(seed_files[:1])
    asked, triaged = [], []
    monkeypatch.setattr(win, "choose_for_big_folder", lambda n: asked.append(n) or choice)
    monkeypatch.setattr(win, "triage", lambda f: triaged.append(f))
    win.open_folder(str(folder))
    assert asked == [fileactions.MANY_SIDE_BY_SIDE + 1]
    assert triaged == ([str(folder)] if choice == "triage" else [])
    want = 1 + (fileactions.MANY_SIDE_BY_SIDE + 1 if choice == "open" else 0)
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.sources) == want, timeout=30000)


def test_the_big_folder_question_defaults_to_triage_and_counts_the_pairs(make_window, seed_files, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    win = make_window(seed_files[:1])
    seen = []

    def answer(box):
        seen.append(box.text() + " " + box.informativeText())
        box.defaultButton().click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert win.choose_for_big_folder(102) == "triage"
    assert "102 articles" in seen[0] and "5,151 pairs" in seen[0]
