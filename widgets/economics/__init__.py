"""Stage 7 on screen: the economics table after settlement, the settlements between teams, the motivation inspector."""
