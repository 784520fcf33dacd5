"""Language of an article, by py3langid (its model ships inside the package; nothing is downloaded)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from warta.clean.rules import languages

# Enough text to tell languages apart; more only costs time.
SAMPLE_CHARS = 150
MIN_SAMPLE_CHARS = 20
PROSE_CHARS = 60
# A sample whose words are at least this share Indonesian function words is Indonesian.
FUNCTION_WORD_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "indonesian_function_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def clearly_indonesian(sample: str) -> bool:
    words = _WORD.findall(sample.casefold())
    return len(words) >= 10 and sum(w in function_words() for w in words) >= FUNCTION_WORD_SHARE * len(words)


@lru_cache(maxsize=1)
def identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    model.set_languages(languages())
    return model


def detect_text(text: str) -> str | None:
    if len(text.strip()) < MIN_SAMPLE_CHARS:
        return None
    sample = text[:SAMPLE_CHARS]
    return "id" if clearly_indonesian(sample) else identifier().classify(sample)[0]


def detect_language(paragraphs: list[str]) -> str | None:
    """The language of the article's opening prose (lines of a few words, such as menus, are skipped)."""
    sample, size = [], 0
    for text in paragraphs:
        if len(text) < PROSE_CHARS:
            continue
        sample.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    return detect_text(" ".join(sample) or " ".join(paragraphs))
