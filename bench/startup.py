"""Start-up time of the command line: `ledger --help`, `ledger extract
--help` and `ledger --version` beside a bare `python -c pass` in the same
run (the floor any Python command pays). Target: under 0.3 s.

    python bench/startup.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time

COMMANDS = {"python -c pass": [sys.executable, "-c", "pass"],
            "ledger --help": [sys.executable, "-m", "ledger", "--help"],
            "ledger extract --help": [sys.executable, "-m", "ledger", "extract", "--help"],
            "ledger --version": [sys.executable, "-m", "ledger", "--version"]}


def best_time(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    args = parser.parse_args()
    floor = best_time(COMMANDS["python -c pass"], args.repeat)
    for name, command in COMMANDS.items():
        seconds = best_time(command, args.repeat)
        print(f"{name:24} {seconds:6.3f} s  ({seconds / floor:4.1f}x python -c pass)")


if __name__ == "__main__":
    main()
