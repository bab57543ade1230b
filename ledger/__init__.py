"""The ledger: documents in, the table of money events, its store and summaries.

For notebooks: `ledger.extract`, `ledger.mentions`, `ledger.read` and
`ledger.summarize` return DataFrames (ledger/api.py). They are loaded on
first use, so that the command line starts without pandas for --help.
"""
from parsers.lazy import exports

__version__ = "0.1.0"
__all__ = ["extract", "mentions", "read", "summarize"]
__getattr__ = exports(__name__, dict.fromkeys(__all__, ".api"))
