"""Copydesk: a document-quality linter and corrector for editorial copy."""

__version__ = "0.1.0"
