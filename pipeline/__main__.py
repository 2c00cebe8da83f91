"""`python -m pipeline`: the council-tables command line."""

from .cli import main

main()
