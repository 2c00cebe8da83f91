"""council-tables command line (placeholder: extract only)."""
import json
import sys

import typer

from pipeline import extract_pdf

app = typer.Typer()


@app.command()
def extract(pdf: str, json_out: bool = typer.Option(False, "--json")) -> None:
    print(json.dumps(extract_pdf(pdf).to_contract(), indent=2, ensure_ascii=False))


@app.command()
def version() -> None:
    print("0.1")


if __name__ == "__main__":
    app()
