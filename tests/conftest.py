import csv
import io
import shutil
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


# LibreOffice Calc, which .ci/run installs: CI always has it, a machine without it skips what needs it.
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice Calc (Debian: libreoffice-calc-nogui)")


def libreoffice_convert(paths: list[Path], folder: Path, to: str = "xlsx", infilter: str | None = None) -> None:
    """Files opened by LibreOffice headless (formulas recalculated) and saved as `to` into `folder`."""
    command = [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", to,
               "--outdir", str(folder), *map(str, paths)]
    if infilter:
        command.insert(-len(paths), f"--infilter={infilter}")
    subprocess.run(command, check=True, capture_output=True, timeout=300)
