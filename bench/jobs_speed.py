"""`ledger extract` end to end over the whole 10kGNAD test CSV (1,028 German
articles, 2.7 M characters), with --jobs 1 and --jobs 2: seconds each and
the speed-up, in the same run (best of three each).

    .venv/bin/python bench/jobs_speed.py [--corpus-dir ../shared]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = 3


def run(csv: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "ledger.cli", "extract", "--format", "jsonl", "--quiet",
                          "--no-header", "--delimiter", ";", "--quotechar", "'", "--text-column", "1",
                          "--jobs", str(jobs), str(csv)], capture_output=True, check=True)
    return time.perf_counter() - start, len(out.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", default="../shared", type=Path)
    args = parser.parse_args()
    csv = args.corpus_dir / "corpora/10kgnad/test.csv"
    runs = {jobs: [run(csv, jobs) for _ in range(ROUNDS)] for jobs in (1, 2)}
    one, two = (min(seconds for seconds, _ in runs[jobs]) for jobs in (1, 2))
    documents = runs[1][0][1]
    print(f"extract 10kGNAD test.csv ({documents:,} documents), best of {ROUNDS}: --jobs 1 {one:.2f} s, "
          f"--jobs 2 {two:.2f} s, speed-up {one / two:.2f}x (process start-up included)")


if __name__ == "__main__":
    main()
