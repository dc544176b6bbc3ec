"""Loaders that turn documents on disk into plain text for the stakegraph pipeline."""
