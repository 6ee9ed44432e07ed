"""The question log: every question with its outcome, personal data redacted before storage
(``redact.py``), kept in SQLite or PostgreSQL (``store.py``) and purged after the retention period."""
