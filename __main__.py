"""`python -m stakegraph` is the `stakegraph` command."""

from .cli import main

main()
