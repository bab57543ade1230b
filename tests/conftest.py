from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository: corpora and gold (CI has it too)."""
    assert (SHARED / "eval" / "GUIDELINES.md").is_file(), f"{SHARED} is missing"
    return SHARED
