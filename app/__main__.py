"""`python -m app`: kept as an alias of `python -m cli` (the command line lives above the core, in cli/)."""

import runpy

runpy.run_module("cli", run_name="__main__", alter_sys=True)
