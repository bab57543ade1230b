"""`python -m ledger`: the `ledger` command."""
import sys

from .cli import main

sys.exit(main())
