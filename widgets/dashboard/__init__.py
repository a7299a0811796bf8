"""The dashboard page: every client and internal promise and every team's indicator with its figures over time."""
