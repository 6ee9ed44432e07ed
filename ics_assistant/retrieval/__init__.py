"""Retrieval: ``hybrid`` (dense + BM25 through ``SearchIndex``), ``fusion`` (RRF), ``spelling``."""
