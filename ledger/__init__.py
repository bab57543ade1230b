"""The ledger: documents in, the table of money events, its store and summaries.

For notebooks: `ledger.extract`, `ledger.mentions`, `ledger.read` and
`ledger.summarize` return DataFrames (ledger/api.py). They are loaded on
first use, so that the command line starts without pandas for --help.
"""
__version__ = "0.1.0"
__all__ = ["extract", "mentions", "read", "summarize"]


def __getattr__(name: str):
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'ledger' has no attribute {name!r}")
