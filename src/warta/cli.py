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
    "linking": "warta.cli:eval_linking",
    "roles": "warta.cli:eval_roles",
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


def argparse_command(name: str, module: str, help: str) -> click.Command:
    """A click command that hands its arguments to an evaluation module's argparse `main`."""

    @click.command(name, help=help, add_help_option=False,
                   context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    @click.pass_context
    def command(ctx: click.Context) -> None:
        importlib.import_module(module).main(ctx.args)

    return command


eval_linking = argparse_command("linking", "warta.extract.entities.linking_eval",
                                "Alias linking against the id-coref-news gold chains (--help for options).")
eval_roles = argparse_command("roles", "warta.extract.entities.roles_eval",
                              "Roles against the detik stakeholder strings (--help for options).")
