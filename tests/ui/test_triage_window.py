"""The triage window: stories from a folder, filter, and opening a story for comparison."""

from viewer.ui.triagewindow import KindRole


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


WIRE = ("Flood waters forced hundreds of families from their homes in the river valley on Tuesday, "
        "and emergency crews said the level would keep rising until the weekend. The mayor "
        "opened three school halls as shelters and asked residents to stay away from the bridges. ")
OTHER = ("A new library opened in the old post office building downtown, with a cafe, a reading "
         "garden and a room for children's story time every Saturday morning. ")


def test_triage_groups_a_folder_and_opens_a_story(make_window, seed_files, tmp_path, qtbot):
    folder = tmp_path / "feed"
    folder.mkdir()
    _write(folder, "wire.txt", WIRE * 30)  # four-digit word counts ("1320 words")
    _write(folder, "paper.txt", "From our reporter. " + WIRE * 25 + "Local shops closed early.")
    _write(folder, "library.txt", OTHER * 3)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    win = make_window(seed_files[:2])
    tri = win.triage(str(folder))
    qtbot.waitUntil(lambda: tri.result is not None and not tri.runner.is_busy(), timeout=20000)
    assert len(tri.result.articles) == 3 and len(tri.result.errors) == 1
    assert "could not be read" in tri.status.text()
    proxy = tri.proxy
    tri.filter_box.setCurrentIndex(tri.filter_box.findData("spun"))
    assert proxy.rowCount() == 0
    tri.filter_box.setCurrentIndex(0)
    assert proxy.rowCount() == 2
    stories = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    big = max(stories, key=lambda i: proxy.rowCount(i))
    assert proxy.rowCount(big) == 2
    tri.view.selectionModel().select(big, tri.view.selectionModel().SelectionFlag.Select
                                     | tri.view.selectionModel().SelectionFlag.Rows)
    paths = tri.selected_paths()
    assert sorted(p.split("/")[-1] for p in paths) == ["paper.txt", "wire.txt"]
    assert big.data(KindRole) == "story"
    tri.view.expand(big)  # the story's articles give their word counts in the same column
    words = proxy.index(0, 1, big)
    assert words.data().endswith(" words")
    assert tri.view.columnWidth(1) >= tri.view.sizeHintForColumn(1)  # shown whole, not "1320 wor…"
    with qtbot.waitSignal(tri.open_requested, timeout=2000):
        tri.open_selected()
    qtbot.waitUntil(lambda: not win.runner.is_busy() and len(win.panes) == 2
                    and all("library" not in (p.article.path or "") for p in win.panes.values()),
                    timeout=10000)
    assert sorted(p.article.path.split("/")[-1] for p in win.panes.values()) == ["paper.txt", "wire.txt"]
    tri.close()


def test_stories_are_listed_largest_first_in_number_order(make_window, seed_files, tmp_path, qtbot):
    folder = tmp_path / "feed"
    folder.mkdir()
    # twelve unrelated one-article stories: "S10" must come after "S9", not after "S1"
    for k in range(12):
        _write(folder, f"{k:02}.txt", f"Story number {k} about subject {k * 7919 % 1000} in town {k}. " * 20)
    _write(folder, "wire.txt", WIRE * 10)
    _write(folder, "paper.txt", "From our reporter. " + WIRE * 9)
    win = make_window(seed_files[:1])
    tri = win.triage(str(folder))
    qtbot.waitUntil(lambda: tri.result is not None and not tri.runner.is_busy(), timeout=20000)
    ids = [tri.proxy.index(r, 0).data().split()[0] for r in range(tri.proxy.rowCount())]
    assert ids == [f"S{n}" for n in range(1, len(ids) + 1)] and len(ids) >= 10
    assert tri.proxy.rowCount(tri.proxy.index(0, 0)) == 2  # S1, the copy and its source
    tri.close()
