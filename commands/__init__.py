"""CLI command groups beyond the core ones in cli.py, one module per area, each with `register(cli)`."""
