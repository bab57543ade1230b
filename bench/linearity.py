"""Time of find_money on adversarial text, at a quarter of a megabyte and at a
megabyte of each run (tests/test_properties.py's ADVERSARIAL): four times the
text should take about four times as long, not sixteen. Prints each ratio,
and the worst; a ratio of 8 or more is marked.

    python bench/linearity.py [--repeat 2]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from parsers import find_money
from parsers.languages import available_languages

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_properties import ADVERSARIAL  # noqa: E402

SMALL, LARGE = 262_144, 1_048_576


def best(text: str, lang: str, repeat: int) -> float:
    seconds = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        find_money(text, lang)
        seconds = min(seconds, time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    worst = 0.0
    for lang in available_languages():
        for pattern in ADVERSARIAL:
            small = best((pattern * (SMALL // len(pattern) + 1))[:SMALL], lang, args.repeat)  # also warms up
            large = best((pattern * (LARGE // len(pattern) + 1))[:LARGE], lang, args.repeat)
            ratio = large / max(small, 1e-3)
            worst = max(worst, ratio)
            print(f"{lang} {pattern[:24]!r:28} {small:7.3f} s -> {large:7.3f} s  x{ratio:4.1f}"
                  + ("  <- not linear" if ratio >= 8 else ""))
    print(f"worst ratio for 4x the text: x{worst:.1f}")


if __name__ == "__main__":
    main()
