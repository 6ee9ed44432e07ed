"""Evaluation: datasets (JSONL), pure metrics, the harness that runs ``Assistant.ask``, reports."""
