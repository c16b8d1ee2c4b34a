"""The headless analysis export: `copydesk --export OUT [--base FILE] FILE...`.

Loads the files (folders and `.copydesk` sessions included), compares them and writes
OUT as JSON (schema copydesk.analysis/1), a self-contained HTML report, or a PDF (Qt's
text layout, offscreen). Exit codes come from `viewer.cli.common`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from viewer.core.util.collector import paused

from .common import EXIT_OK, EXIT_USAGE

_QT_APP = None  # the QGuiApplication a PDF export needs, kept alive while it runs


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _seed_display_paths() -> list[str]:
    from viewer.core.formats.loaders import seed_paths
    out = []
    for p in seed_paths():
        try:
            out.append(os.path.relpath(p))
        except ValueError:  # another drive on Windows
            out.append(str(p))
    return out


def input_paths(files: list[str], base: str | None) -> tuple[list[str], int]:
    """The paths to load and the index of the base among them."""
    paths = list(files) or _seed_display_paths()
    if base is None:
        return paths, 0
    for k, p in enumerate(paths):
        if _same_file(p, base):
            return paths, k
    return [base] + paths, 0


def _load_inputs(paths: list[str], base_index: int, err) -> tuple[list, str | None, tuple, int]:
    """Articles, base id, review marks and status from files (a .copydesk session included)."""
    from viewer.core.formats.loaders import LoadError, load_article
    from viewer.core.review.session import SUFFIX, SessionError, load_session, session_articles
    from viewer.core.text.article import letter_for

    articles, marks, status, base_id = [], (), EXIT_OK, None
    for k, path in enumerate(paths):
        if path.lower().endswith(SUFFIX):
            try:
                session = load_session(path)
            except SessionError as exc:
                print(f"copydesk: {exc}", file=err)
                status = EXIT_USAGE
                continue
            saved = session_articles(session)
            first = len(articles)
            remap = {a.id: letter_for(first + i) for i, a in enumerate(saved)}
            articles.extend(a.with_id(remap[a.id]) for a in saved)
            if k == base_index and session.base:
                base_id = remap[session.base]
            marks = session.marks if not first else marks  # marks belong to the session's letters
            continue
        try:
            art = load_article(path, letter_for(len(articles)))
        except LoadError as exc:
            print(f"copydesk: {exc.path}: {exc.reason}", file=err)
            status = EXIT_USAGE
            continue
        if k == base_index:
            base_id = art.id
        articles.append(art)
    return articles, base_id, marks, status


def _write_pdf(comp, out: str, marks) -> None:
    """The PDF report needs Qt's text layout: start it without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from viewer.core.report.export import to_html
    from viewer.ui.pdfexport import write_pdf

    from .voice import route_qt_messages

    route_qt_messages()
    global _QT_APP
    _QT_APP = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    write_pdf(to_html(comp, marks), out)


@paused  # loading, analysis and writing make many small objects and little garbage
def run_analysis(args: argparse.Namespace, err=None) -> int:
    """Load, analyse and write `args.export`; return the exit status."""
    from viewer.core.comparison import compare
    from viewer.core.report.export import EXPORT_FORMATS, export

    err = err or sys.stderr
    out = args.export
    suffix = Path(out).suffix.lower()
    if suffix not in EXPORT_FORMATS + (".pdf",):
        print(f"copydesk: {out}: unsupported export format (use .json, .html or .pdf)", file=err)
        return EXIT_USAGE
    from viewer.core.formats.loaders import expand_folders

    files, folder_errors = expand_folders(args.files)
    for exc in folder_errors:
        print(f"copydesk: {exc.path}: {exc.reason}", file=err)
    paths, base_index = input_paths(files, args.base)
    articles, base_id, marks, status = _load_inputs(paths, base_index, err)
    if folder_errors:
        status = EXIT_USAGE
    if not articles:
        print("copydesk: no readable article to analyse", file=err)
        return EXIT_USAGE
    if base_id is None:  # the base could not be read: compare against the first readable one
        base_id = articles[0].id
    comp = compare(articles, base_id, second_process=True)
    try:
        if suffix == ".pdf":
            _write_pdf(comp, out, marks)
        else:
            export(comp, out, marks=marks)
    except OSError as exc:
        print(f"copydesk: {out}: cannot write ({exc.strerror or exc})", file=err)
        return EXIT_USAGE
    return status
