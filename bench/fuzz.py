"""Random strings of every language's money and event vocabulary through
find_money and find_events: prints how many raised, how many gave an event
of value 0 or a period the ledger's schema rejects, and the first of each.

    .venv/bin/python bench/fuzz.py [COUNT] [SEED]     (default 100000 strings, seed 0)
"""
from __future__ import annotations

import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import find_events, find_money  # noqa: E402
from parsers.events.periods import Period  # noqa: E402
from parsers.languages import available_languages  # noqa: E402
from tests.vocabulary import random_text  # noqa: E402


def main(count: int, seed: int) -> int:
    rng = random.Random(seed)
    languages = [None, *available_languages()]
    raised, zero, bad_period, first = 0, 0, 0, {}
    started = time.perf_counter()
    for _ in range(count):
        text, lang = random_text(rng), rng.choice(languages)
        try:
            find_money(text, lang)
            events = find_events(text, lang)
        except Exception:  # noqa: BLE001 - counting every kind is the point
            raised += 1
            first.setdefault("exception", (text, lang, traceback.format_exc(limit=3)))
            continue
        if any(e.value == 0 for e in events):
            zero += 1
            first.setdefault("zero", (text, lang, ""))
        if any(e.period and Period.from_label(e.period) is None for e in events):
            bad_period += 1
            first.setdefault("period", (text, lang, ""))
    seconds = time.perf_counter() - started
    print(f"{count:,} strings in {seconds:.1f} s: {raised} raised, {zero} gave an event of value 0, "
          f"{bad_period} a period the schema rejects")
    for what, (text, lang, trace) in first.items():
        print(f"first {what} ({lang}): {text!r}\n{trace}")
    return 1 if raised or zero or bad_period else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 0))
