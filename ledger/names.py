"""Names the ledger's summaries and readers offer, stated once: the modules
that use them import them from here, and so does the command line, which
needs them for its choices before pandas is loaded."""

# What totals can be grouped by (ledger/totals.py).
BY = ("company", "counterparty", "kind", "period")
# What a ledger read from stdin can be written as (ledger/loading.py).
STREAM_FORMATS = ("csv", "jsonl")
# The formats tables are written in for other tools (reports/tables.py).
TABLE_FORMATS = ("csv", "json", "markdown")
# What `ledger extract` writes (ledger/cli.py, ledger/commands.py).
EXTRACT_FORMATS = ("table", "jsonl", "json", "csv", "xlsx", "parquet")
# Formats written to a file named by -o only (binary, or a whole workbook).
FILE_FORMATS = ("xlsx", "parquet")
