"""Adapters for other frameworks (LangChain); nothing in the core imports them."""
