"""The `warta` command: a thin layer over the library.

Each command lives beside the package it drives and is imported only when
called, so `warta process` does not pay for the web server's imports.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:attribute" of a click command
COMMANDS: dict[str, str] = {
    "process": "warta.commands:process",
    "train": "warta.cli:train",
    "eval": "warta.cli:evaluate",
    "ingest": "warta.store.commands:ingest",
    "search": "warta.store.commands:search",
    "export": "warta.store.commands:export",
    "serve": "warta.web.commands:serve",
}

TRAIN_COMMANDS: dict[str, str] = {
    "ner": "warta.extract.entities.commands:train_ner",
}

EVAL_COMMANDS: dict[str, str] = {
    "ner": "warta.extract.entities.commands:eval_ner",
    "quotes": "warta.extract.quotes_eval:eval_quotes",
    "dates": "warta.extract.dates_eval:eval_dates",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.lazy)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.lazy:
            return None
        module, attr = self.lazy[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, lazy=COMMANDS)
@click.version_option(package_name="warta")
def main() -> None:
    """Turn raw Indonesian news into clean, structured, searchable knowledge."""


@click.group(cls=LazyGroup, lazy=TRAIN_COMMANDS)
def train() -> None:
    """Train a model from ../shared/data and ship it in the package."""


@click.group("eval", cls=LazyGroup, lazy=EVAL_COMMANDS)
def evaluate() -> None:
    """Score a stage on gold data."""
