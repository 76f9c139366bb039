from ilp.cli import entry

entry()
