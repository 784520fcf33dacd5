"""The cleaner: raw article text -> body without noise, labelled noise, related headlines, images, metadata.

`CleanStage` (stage "clean") takes an optional `CorpusProfile`, which the engines build in a first pass.
"""
from warta.clean.cleaner import clean_lines
from warta.clean.profile import CorpusProfile

__all__ = ["CorpusProfile", "clean_lines"]
