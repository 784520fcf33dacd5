"""Stage "clean": raw text -> body, noise, related, images, title, outlet, place, dateline, published, lang, id."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from warta.clean.cleaner import SENTENCE_ENDS, Cleaned, apply, clean_lines
from warta.clean.profile import CorpusProfile
from warta.pipeline import register_stage
from warta.record import Article
from warta.report import RunReport

# An article has at least this many words of prose, in at least one sentence-like paragraph.
MIN_PROSE_WORDS = 10
MIN_SENTENCE_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_sentence(paragraph: str, words: int) -> bool:
    """Running text: enough words, ending like a sentence, not a line of links (a feed or a menu)."""
    return words >= MIN_SENTENCE_WORDS and paragraph[-1] in SENTENCE_ENDS and "http" not in paragraph


def why_not_news(cleaned: Cleaned) -> str | None:
    """Why the cleaned text is not a news article (None when it is one)."""
    words = sum(len(p.split()) for p in cleaned.paragraphs)
    if words < MIN_PROSE_WORDS:
        return f"no article prose left ({words} words)"
    # words of letters only, so a table of numbers has none; counted until one sentence is found
    if not any(is_sentence(p, len(_WORD.findall(p))) for p in cleaned.paragraphs):
        return "no paragraph of prose (a list, table, menu or feed)"
    return None


@register_stage("clean")
class CleanStage:
    """Clean each article's raw text; `profile` (built over the whole run) adds the corpus rules."""

    def __init__(self, profile: CorpusProfile | dict | str | None = None) -> None:
        """`profile`: a CorpusProfile, its JSON form (as engines pass it to workers) or a file saved with `save`."""
        if isinstance(profile, dict):
            profile = CorpusProfile.from_json(profile)
        elif isinstance(profile, str):
            profile = CorpusProfile.load(profile)
        self.profile = profile

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            cleaned = clean_lines(doc, self.profile)
            reason = why_not_news(cleaned)
            if reason is not None:
                report.reject(doc.source, None, f"not a news article: {reason}")
                continue
            yield apply(doc, cleaned)
