"""Short fuzz run: random and mutated bytes of every supported format, loaded and analysed.

The same target runs for 30 minutes in bench/fuzz_long.py (see the README's Quality section).
A crash is any exception other than a clear refusal (FormatError / SessionError).
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings

from fuzzing import inputs, run_one, sample_files

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
