"""Language of an article, by py3langid (its model ships inside the package; nothing is downloaded)."""
from __future__ import annotations

from functools import lru_cache
from warta.clean.rules import languages

# Enough text to tell languages apart; more only costs time.
SAMPLE_CHARS = 150
MIN_SAMPLE_CHARS = 20
PROSE_CHARS = 60


@lru_cache(maxsize=1)
def identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    model.set_languages(languages())
    return model


def detect_text(text: str) -> str | None:
    if len(text.strip()) < MIN_SAMPLE_CHARS:
        return None
    return identifier().classify(text[:SAMPLE_CHARS])[0]


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
