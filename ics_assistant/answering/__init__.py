"""Answering: condense follow-ups, score evidence, compose (extractive) or verify (LLM) answers,
decide answerability, check support, safety screening. ``assistant.py`` wires them together."""
