"""The names the query options offer (measures, methods, backends, ...), apart from the code that
computes them: this module imports nothing heavy, so the CLI can build its options and --help
without loading networkx or pandas. Each query module takes its names from here."""

from __future__ import annotations

from ..graph.model import RELATION_TYPES

MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector", "pagerank", "harmonic")
METHODS: tuple[str, ...] = ("louvain", "leiden")
BACKENDS: tuple[str, ...] = ("auto", "networkx", "igraph")
MODES: tuple[str, ...] = ("organizations", "people")
ROLES: tuple[str, ...] = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
ORIENTATIONS: tuple[str, ...] = ("symmetric", "relation")
BROKER_SCORES: tuple[str, ...] = ("effective_size", "efficiency", "brokerage", "between_types", *ROLES)
CO_MENTIONED = "CO_MENTIONED"
PROJECTION_RELATIONS: tuple[str, ...] = (*RELATION_TYPES, CO_MENTIONED)
