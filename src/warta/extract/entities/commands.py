"""`warta train ner` and `warta eval ner`."""
from __future__ import annotations

import click


@click.command("ner")
@click.option("--train", "train_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="CoNLL training file (repeatable; default: every set under ../shared/data/ner).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Model directory (default: the model shipped in the package).")
def train_ner(train_files: tuple[str, ...], out_dir: str | None) -> None:
    """Train the NER tagger (word clusters + CRF) from scratch."""
    from warta.extract.entities.train import train_from_files

    train_from_files(train_files or None, out_dir)


@click.command("ner")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False),
              help="Model directory (default: the shipped model).")
@click.option("--write-predictions", "predictions", type=click.Path(dir_okay=False),
              help="Write `token<TAB>predicted tag` lines here, a blank line between sentences.")
def eval_ner(files: tuple[str, ...], model_dir: str | None, predictions: str | None) -> None:
    """Exact-span P/R/F1 per label on CoNLL files (token first, tag last; BIO, BILOU or IO)."""
    from warta.extract.entities.ner_eval import evaluate_files

    for line in evaluate_files(files, model_dir, predictions).lines():
        click.echo(line)
