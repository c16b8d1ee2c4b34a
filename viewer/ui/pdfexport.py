"""The report as PDF, and printing it, through Qt's text layout (no browser needed).

The HTML report is laid out by QTextDocument on A4 pages with margins; the
PDF is written to a temporary file and renamed over the target, so an
existing file is never left half-written.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from viewer.core.util.atomic import atomic_target


def report_document(html: str) -> QTextDocument:
    """A QTextDocument holding the report (no resources are fetched)."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def write_pdf(html: str, path: str | os.PathLike) -> None:
    """Render the HTML report to a paginated A4 PDF at `path`, atomically."""
    with atomic_target(path) as tmp:
        writer = QPdfWriter(tmp)
        writer.setTitle("Copydesk report")
        writer.setCreator("Copydesk")
        writer.setResolution(144)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        doc = report_document(html)
        doc.setPageSize(QSizeF(writer.width(), writer.height()))
        doc.print_(writer)
        del writer  # flushes and closes the file


def print_report(html: str, parent=None) -> bool:
    """Show the print dialog and print the report; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    report_document(html).print_(printer)
    return True
