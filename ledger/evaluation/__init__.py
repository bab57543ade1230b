"""`ledger eval` and `ledger train`: gold files read and scored (gold,
scoring), gold document ids resolved to texts (corpora), the event models
fitted and cross-validated (training). Returns figures; prints nothing."""
