"""The ledger: documents in, the table of money events, its store and summaries."""
__version__ = "0.1.0"
