"""The promise map editor: the map of promises between teams and clients, the inspector, the table."""
