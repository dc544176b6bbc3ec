"""The graph model, its stores (SQLite, Neo4j) and its interchange formats."""
