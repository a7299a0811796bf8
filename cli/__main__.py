"""`python -m cli`: the same as the `clientocracy` command."""

from cli.main import main

raise SystemExit(main())
