"""Short fuzz run: random and mutated bytes of every supported format, loaded and analysed.

The same target runs for 30 minutes in bench/fuzz_long.py (see the README's Quality section).
A crash is any exception other than a clear refusal (FormatError / SessionError).
"""

from __future__ import annotations

import time

from fuzzing import inputs, run_one, sample_files
from hypothesis import HealthCheck, given, settings

HANG_S = 20.0


def test_every_sample_file_loads_and_is_analysed():
    outcomes = [run_one(suffix, data) for suffix, data in sample_files()]
    assert set(outcomes) <= {"text", "session"}, outcomes
    suffixes = {suffix for suffix, _ in sample_files()}
    assert {".txt", ".md", ".html", ".rtf", ".docx", ".odt", ".pdf", ".copydesk"} <= suffixes


@settings(max_examples=800, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(case=inputs())
def test_fuzzed_bytes_give_text_or_a_clear_refusal_in_bounded_time(case):
    suffix, data = case
    started = time.monotonic()
    assert run_one(suffix, data) in ("text", "session", "refused")
    assert time.monotonic() - started < HANG_S


def _zip_needing_version(version: int) -> bytes:
    """A .docx-like ZIP whose central directory asks for a newer ZIP version than Python reads."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    raw = bytearray(buf.getvalue())
    at = raw.find(b"PK\x01\x02")
    raw[at + 6:at + 8] = version.to_bytes(2, "little")
    return bytes(raw)


def test_inputs_that_crashed_earlier_fuzz_runs_are_refused_clearly():
    # An HTML block with <html><head> and no body in Markdown (lxml asserted) ...
    assert run_one(".md", b'<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Harbour') \
        in ("text", "refused")
    # ... a ZIP asking for ZIP version 14.8 (zipfile raised NotImplementedError) ...
    for suffix in (".docx", ".odt", ".bin"):
        assert run_one(suffix, _zip_needing_version(148)) == "refused"
    # ... and bytes that end inside a multi-byte character.
    assert run_one(".txt", b"\t\x80") in ("text", "refused")
