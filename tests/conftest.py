import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The user's sample article, unchanged.
SEED = ROOT / "seeds" / "000_85b4fb37c10d1e96.txt"


def run_ledger(*args, stdin: bytes | str | None = None, cwd=ROOT, db=None, text: bool = False, **kwargs):
    """The `ledger` command as a user runs it, in a process of its own (`--db DB` appended if given)."""
    command = [sys.executable, "-m", "ledger", *map(str, args)]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=cwd, text=text, **kwargs)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository: corpora and gold (CI has it too)."""
    assert (SHARED / "eval" / "GUIDELINES.md").is_file(), f"{SHARED} is missing"
    return SHARED


def csv_lines(text: str) -> list[str]:
    """The rows of a CSV the ledger wrote (every field quoted), each joined
    by commas again, for asserting on whole rows."""
    return [",".join(row) for row in csv.reader(io.StringIO(text))]
