"""Throughput of find_money and find_events over the shared corpora, in
characters per second, beside two passes over the same text in the same run:
a bare `re.finditer(r"\\d", text)` (the floor any digit-based extractor
pays) and the naive money reader people write, a regex for a number beside a
few currency words and symbols with `price_parser.Price.fromstring` on each
match, the fastest naive approach (find_money's target: at least 1.2x its speed on German news, 1.0x on
English).

    python bench/throughput.py [--corpus-dir ../shared] [--repeat 3]
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from price_parser import Price

from ledger.evaluation.corpora import fpb_texts, gnad_texts, wikinews_texts
from parsers import find_events, find_money

DIGIT = re.compile(r"\d")


# The naive reader: a handful of currency words and symbols beside a number.
_CURRENCY = r"(?:[$€£¥]|\b(?:EUR|USD|GBP|CHF|Euro|euros?|Dollars?|dollars?|Pfund|pounds?|Franken|francs?)\b)"
_NUMBER = r"\d[\d.,]*(?:\s?(?:Mio\.|Mrd\.|Millionen|Milliarden|million|billion|mn|bn|m))?"
NAIVE = re.compile(rf"{_CURRENCY}\s?{_NUMBER}|{_NUMBER}\s?{_CURRENCY}")


def naive_money(text: str) -> list:
    """The baseline: every currency-adjacent number, read by price-parser."""
    return [Price.fromstring(m.group()) for m in NAIVE.finditer(text)]


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
               "Financial PhraseBank (en)": (fpb_texts(args.corpus_dir), "en"),
               "English Wikinews economy (en)": (list(wikinews_texts(args.corpus_dir, "wn").values()), "en")}
    for name, (texts, lang) in corpora.items():
        chars = sum(map(len, texts))
        find_money(texts[0], lang)  # build the grammar outside the timing
        find_events(texts[0], lang)
        money = best_time(lambda t: find_money(t, lang), texts, args.repeat)
        events = best_time(lambda t: find_events(t, lang), texts, args.repeat)
        digits = best_time(lambda t: sum(1 for _ in DIGIT.finditer(t)), texts, args.repeat)
        naive = best_time(naive_money, texts, args.repeat)
        print(f"{name}: {len(texts):,} documents, {chars:,} characters")
        print(f"  find_money         {chars / money / 1e6:7.2f} M chars/s  ({money:.3f} s)")
        print(f"  find_events        {chars / events / 1e6:7.2f} M chars/s  ({events:.3f} s, mentions included)")
        print(f"  re.finditer(\\d)    {chars / digits / 1e6:7.2f} M chars/s  ({digits:.3f} s)")
        print(f"  naive regex+price-parser {chars / naive / 1e6:7.2f} M chars/s  ({naive:.3f} s)")
        print(f"  ratio to the digit pass: find_money {digits / money:.3f}, find_events {digits / events:.3f}")
        print(f"  find_money speed / naive speed: {naive / money:.2f}x")


if __name__ == "__main__":
    main()
