"""Live co-editing of one workshop by several laptops, on the pycrdt (Yjs) engine; no Qt here."""
