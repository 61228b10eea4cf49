"""Framing analysis: measure how news frames a conflict.

Extractors are pure functions from a prepared document and the codebook to
records with character offsets; ``pipeline.run`` writes them as tables.
"""
__version__ = "0.1.0"
