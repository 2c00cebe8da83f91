"""`python cli.py ...` runs the council-tables command line (pipeline/cli.py), as `council-tables ...` does."""

from pipeline.cli import main

if __name__ == "__main__":
    main()
