"""The CLI against what a hostile probe tried: every case is one line (or a per-file warning) and
the right exit code, never a traceback, a hang, a lost update or a file written through a symlink."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from stakegraph.graph.curation import tomllib  # tomllib, or tomli before Python 3.11

EXE = str(Path(sys.executable).with_name("stakegraph"))
TEXT = "Anna de Vries is wethouder van de gemeente Leiden. Zij werkt samen met de gemeente Delft.\n"


def run(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout, **kw)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def shared(tmp_path):
    """A folder outside pytest's private tmp root (0700), so permission tests see only their own modes."""
    folder = Path(tempfile.mkdtemp(prefix="stakegraph-perm-"))
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_one_unreadable_file_on_the_command_line_is_skipped_and_the_rest_ingested(shared, unprivileged):
    (shared / "open.txt").write_text(TEXT)
    (shared / "dicht.txt").write_text(TEXT.replace("Anna", "Bert"))
    (shared / "dicht.txt").chmod(0)
    done = run("ingest", str(shared / "dicht.txt"), str(shared / "open.txt"), "--store", str(shared / "g.db"),
               preexec_fn=unprivileged.preexec())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 ingested, 0 unchanged, 1 skipped")
    assert done.stderr == f"warning: skipped {shared / 'dicht.txt'}: permission denied\n"


def test_prune_with_an_unreadable_subfolder_keeps_its_documents(shared, unprivileged):
    sub = shared / "docs" / "geheim"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(TEXT)
    (shared / "docs" / "b.txt").write_text(TEXT.replace("Anna", "Bert"))
    store = str(shared / "g.db")
    assert run("ingest", str(shared / "docs"), "--store", store).returncode == 0
    sub.chmod(0)
    done = run("ingest", str(shared / "docs"), "--prune", "--store", store, preexec_fn=unprivileged.preexec())
    assert done.returncode == 0, done.stderr
    assert "pruned" not in done.stdout
    assert f"warning: {sub / 'a.txt'}: kept: cannot tell whether the file is still there" in done.stderr
    sub.chmod(0o755)
    assert '"documents": 2' in run("stats", "--store", store, "--format", "json").stdout


def test_a_store_in_an_unwritable_folder_says_so(shared, unprivileged):
    (shared / "docs").mkdir()
    (shared / "docs" / "a.txt").write_text(TEXT)
    locked = shared / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o555)
    done = run("ingest", str(shared / "docs"), "--store", str(locked / "g.db"), preexec_fn=unprivileged.preexec())
    assert done.returncode == 2
    assert done.stderr == (f"stakegraph: error: cannot write to {locked / 'g.db'}: the folder {locked} "
                           "is not writable (choose another place with --store)\n")


def test_a_fifo_and_a_symlink_loop_on_the_command_line(tmp_path):
    os.mkfifo(tmp_path / "pijp.txt")
    (tmp_path / "lus.txt").symlink_to(tmp_path / "lus.txt")
    (tmp_path / "gewoon.txt").write_text(TEXT)
    done = run("ingest", str(tmp_path / "pijp.txt"), str(tmp_path / "lus.txt"), str(tmp_path / "gewoon.txt"),
               "--store", str(tmp_path / "g.db"), timeout=60)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        f"warning: skipped {tmp_path / 'pijp.txt'}: not a regular file (a FIFO, socket or device)",
        f"warning: skipped {tmp_path / 'lus.txt'}: symlink loop",
    ]


def test_escape_sequences_in_file_names_are_printed_escaped(tmp_path):
    name = "verslag\x1b]0;overgenomen\x07\x1b[2J.txt"
    (tmp_path / name).write_text("")
    done = run("ingest", str(tmp_path / name), "--store", str(tmp_path / "g.db"))
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "verslag\\x1b]0;overgenomen\\x07\\x1b[2J.txt: empty file" in done.stderr


def test_a_text_over_the_length_limit_names_the_limit_not_spacy_advice(tmp_path):
    (tmp_path / "lang.txt").write_text(TEXT * 100)
    done = run("ingest", str(tmp_path / "lang.txt"), "--store", str(tmp_path / "g.db"), "--max-text-chars", "500")
    assert done.stderr == (f"warning: skipped {tmp_path / 'lang.txt'}: extracted text is 8,999 characters, over "
                           "the limit of 500 (raise it with --max-text-chars or STAKEGRAPH_MAX_TEXT_CHARS)\n")
    assert "max_length" not in done.stderr
    by_env = run("ingest", str(tmp_path / "lang.txt"), "--store", str(tmp_path / "g.db"),
                 env={**os.environ, "STAKEGRAPH_MAX_TEXT_CHARS": "500"})
    assert by_env.stderr == done.stderr
    bad = run("ingest", str(tmp_path / "lang.txt"), "--store", str(tmp_path / "g.db"),
              env={**os.environ, "STAKEGRAPH_MAX_FILE_MB": "veel"})
    assert bad.returncode == 2 and "'veel' is not a valid float" in bad.stderr


def test_forget_by_a_base_name_shared_by_two_documents_forgets_neither(tmp_path):
    for folder in ("2023", "2024"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "verslag.txt").write_text(TEXT.replace("Leiden", f"Leiden ({folder})"))
    store = str(tmp_path / "g.db")
    assert run("ingest", str(tmp_path / "2023"), str(tmp_path / "2024"), "--store", store).returncode == 0
    done = run("forget", "verslag.txt", "--store", store)
    assert done.returncode == 2
    assert done.stdout == "0 forgotten\n"
    assert done.stderr.startswith("warning: verslag.txt names 2 documents, none forgotten; give the path")
    assert '"documents": 2' in run("stats", "--store", store, "--format", "json").stdout


def test_a_deeply_nested_curation_file_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    store = str(tmp_path / "g.db")
    run("ingest", str(tmp_path / "a.txt"), "--store", store)
    (tmp_path / "stakegraph.toml").write_text("merge = " + "[" * 100_000 + "]" * 100_000 + "\n")
    done = run("stats", "--store", store)
    assert done.returncode == 2
    assert done.stderr == (f"stakegraph: error: cannot read curation file {tmp_path / 'stakegraph.toml'}: "
                           "nested too deeply\n")


def test_concurrent_rejects_all_land_in_the_curation_file(tmp_path, synthetic):
    synthetic.write_corpus(tmp_path / "docs", 8)
    store = str(tmp_path / "g.db")
    assert run("ingest", str(tmp_path / "docs"), "--store", store).returncode == 0
    names = [f"{synthetic.FIRST[k]} {synthetic.LAST[0]}" for k in range(6)]
    procs = [subprocess.Popen([EXE, "reject", n, "--store", store], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for n in names]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    recorded = tomllib.loads((tmp_path / "stakegraph.toml").read_text())["reject"]
    assert len(recorded) == 6 and len({r["entity"] for r in recorded}) == 6


def test_rename_refuses_control_characters_and_keeps_quotes_and_backslashes(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    store = str(tmp_path / "g.db")
    run("ingest", str(tmp_path / "a.txt"), "--store", store)
    bad = run("rename", "Anna de Vries", "Anna\x1b[31m de Vries", "--store", store)
    assert bad.returncode == 2 and "control characters" in bad.stderr
    assert not (tmp_path / "stakegraph.toml").exists()
    odd = 'Anna "de" Vries \\ {x} \'); DROP TABLE documents; --'
    assert run("rename", "Anna de Vries", odd, "--store", store).returncode == 0
    assert run("show", odd, "--store", store, "--format", "json").returncode == 0
    assert odd in run("entities", "--store", store, "--format", "json").stdout.replace('\\"', '"').replace(
        "\\\\", "\\")


@pytest.mark.parametrize("command", [["export", "json"], ["export", "turtle"]])
def test_exports_never_write_through_a_planted_temp_file_symlink(tmp_path, command):
    (tmp_path / "a.txt").write_text(TEXT)
    store = str(tmp_path / "g.db")
    run("ingest", str(tmp_path / "a.txt"), "--store", store)
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("onaangetast")
    out = tmp_path / "uit.bestand"
    (tmp_path / f".{out.name}.tmp").symlink_to(victim)  # the old, predictable temp name
    done = run(*command, "-o", str(out), "--store", store)
    assert done.returncode == 0, done.stderr
    assert victim.read_text() == "onaangetast"
    assert out.stat().st_size > 0 and not out.is_symlink()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".uit")] == [".uit.bestand.tmp"]
