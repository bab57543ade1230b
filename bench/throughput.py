"""Throughput of find_money and find_events over the shared corpora, in
characters per second, beside a bare `re.finditer(r"\\d", text)` pass over the
same text in the same run (the floor any digit-based extractor pays).

    python bench/throughput.py [--corpus-dir ../shared] [--repeat 3]
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from ledger.evaluation.corpora import fpb_texts, gnad_texts
from parsers import find_events, find_money

DIGIT = re.compile(r"\d")


def best_time(function, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", default="../shared", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    corpora = {"10kGNAD test (de)": (gnad_texts(args.corpus_dir), "de"),
               "Financial PhraseBank (en)": (fpb_texts(args.corpus_dir), "en")}
    for name, (texts, lang) in corpora.items():
        chars = sum(map(len, texts))
        find_money(texts[0], lang)  # build the grammar outside the timing
        find_events(texts[0], lang)
        money = best_time(lambda t: find_money(t, lang), texts, args.repeat)
        events = best_time(lambda t: find_events(t, lang), texts, args.repeat)
        digits = best_time(lambda t: sum(1 for _ in DIGIT.finditer(t)), texts, args.repeat)
        print(f"{name}: {len(texts):,} documents, {chars:,} characters")
        print(f"  find_money         {chars / money / 1e6:7.2f} M chars/s  ({money:.3f} s)")
        print(f"  find_events        {chars / events / 1e6:7.2f} M chars/s  ({events:.3f} s, mentions included)")
        print(f"  re.finditer(\\d)    {chars / digits / 1e6:7.2f} M chars/s  ({digits:.3f} s)")
        print(f"  ratio to the digit pass: find_money {digits / money:.3f}, find_events {digits / events:.3f}")


if __name__ == "__main__":
    main()
