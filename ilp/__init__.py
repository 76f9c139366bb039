"""The `ilp` command line: extract, run, evaluate."""
