"""`python -m app`: the same as the `clientocracy` command."""

from app.cli import main

raise SystemExit(main())
