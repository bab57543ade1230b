"""Peak memory of `ledger extract --format jsonl` over JSON Lines corpora of
1,000, 10,000 and 50,000 documents (copies of one short article): it should
not grow with the corpus, since records are read and written one at a time.
Prints each peak and the ratio to the smallest, in the same run.

    .venv/bin/python bench/memory.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ARTICLE = ("Die Porr AG meldete für 2015 einen Umsatz von 3 Mrd. Euro. Der Gewinn stieg auf 60 Mio. Euro, "
           "wie der Baukonzern am Dienstag in Wien mitteilte. ") * 3
# Runs the command as its child and prints the child's peak resident set (KiB on Linux).
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_mib(corpus: Path) -> float:
    command = [sys.executable, "-m", "ledger", "extract", "--format", "jsonl", "--quiet", str(corpus)]
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def main() -> None:
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (1_000, 10_000, 50_000):
            corpus = Path(folder) / f"corpus-{count}.jsonl"
            with open(corpus, "w", encoding="utf-8") as out:
                for number in range(count):
                    out.write(json.dumps({"doc": f"d{number}", "text": ARTICLE}, ensure_ascii=False) + "\n")
            peaks[count] = peak_mib(corpus)
    smallest = peaks[1_000]
    for count, peak in peaks.items():
        print(f"{count:>6,} documents: peak {peak:6.1f} MiB ({peak / smallest:.2f}x the 1,000-document run)")


if __name__ == "__main__":
    main()
