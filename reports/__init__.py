"""Outputs of the ledger: terminal tables, Excel workbooks."""
