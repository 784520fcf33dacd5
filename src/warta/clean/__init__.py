"""The cleaner: raw article text -> body without noise, labelled noise, related headlines, images, metadata."""
from __future__ import annotations

import io
from typing import Any

from warta.clean.cleaner import clean_lines
from warta.clean.profile import CorpusProfile

__all__ = ["CorpusProfile", "clean_lines", "corpus_profile"]


def corpus_profile(files: list[str], fmt: str = "auto", fields: Any = None) -> dict | None:
    """First pass over a run's inputs: the profile (as JSON) for the clean stage, or None for a single document.

    Bad input is reported by the main pass, so this pass reads with a report of its own and stays silent.
    """
    from warta.ingest import read_paths
    from warta.report import RunReport

    quiet = RunReport(stderr=io.StringIO())
    profile = CorpusProfile.build(read_paths(files, quiet, fmt=fmt, fields=fields))
    return profile.to_json() if profile.documents > 1 else None
