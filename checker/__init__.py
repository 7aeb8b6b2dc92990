"""Comparison, storage, reports and the command line, built on ``claims``."""
