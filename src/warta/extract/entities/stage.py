"""Stage "entities": people, organisations and places in the body, each with its role and canonical name.

Each mention is {text, label, start, end, canonical, role}, with character offsets
into `article.body` (the cleaner has already moved noise out of the body).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from warta.extract.entities.linking import link, role_noun_mentions, short_mentions
from warta.extract.entities.mentions import Mention, MentionFinder, Tokens, covered_tokens
from warta.extract.entities.ner import Span, Tagger, load_tagger
from warta.extract.entities.roles import FORMER, role_after, role_before
from warta.pipeline import register_stage
from warta.record import Article
from warta.report import RunReport


COMPANY_FORMS = frozenset({"pt", "cv", "perum"})   # legal forms that open a company's full name
# "kuasa hukum Rizieq datang": the name after these titles is the client's, unless a person is apposed after it
# ("kuasa hukum Joko Tjandra, Anita Kolopaking") or "-nya" ends the title ("kuasa hukumnya Moh Zakki")
CLIENT_TITLES = frozenset({"kuasa", "penasihat"})
BATCH_SIZE = 32  # articles tagged together: one Viterbi pass over all their sentences


@register_stage("entities")
class EntitiesStage:
    name = "entities"

    def __init__(self, model: str | None = None) -> None:
        self.tagger = load_tagger(model)

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        docs = iter(docs)
        while batch := list(islice(docs, BATCH_SIZE)):
            bodies = [Tokens(doc.body) for doc in batch]
            spans = self.tagger.find_spans_many([t.body for t in bodies], [t.columns for t in bodies])
            for doc, tokens, found in zip(batch, bodies, spans):
                doc.entities = mentions_from_spans(tokens, found)
                yield doc


def extract_entities(body: str, tagger: Tagger) -> list[dict[str, Any]]:
    """Every entity mention in body, linked to its canonical name, with the role the text gives it."""
    tokens = Tokens(body)
    return mentions_from_spans(tokens, tagger.find_spans(body, tokens.columns))


def mentions_from_spans(tokens: Tokens, spans: list[Span]) -> list[dict[str, Any]]:
    """The entity records of a body, from the tagger's spans: repaired, linked and given roles."""
    if not tokens.body.strip():
        return []
    finder = MentionFinder(tokens, spans)
    mentions = finder.find()
    local = finder.local_acronyms
    _label_abbreviations_like_their_long_form(tokens, mentions)
    role_tokens = _assign_roles(tokens, mentions)
    _label_short_company_names(tokens, mentions)
    mentions += finder.organisations_by_their_word(mentions, role_tokens)
    mentions.sort(key=lambda m: (m.first, m.last))
    canonical = link(tokens, mentions, local)
    mentions += short_mentions(tokens, mentions, canonical)
    mentions += role_noun_mentions(tokens, mentions, local, role_tokens)
    mentions += finder.unknown_names(mentions, role_tokens)
    mentions.sort(key=lambda m: (m.first, m.last))
    return [_as_record(tokens, m, canonical) for m in mentions]


def _label_abbreviations_like_their_long_form(tokens: Tokens, mentions: list[Mention]) -> None:
    """"Kang Dedi Mulyadi (KDM)": the model may call KDM an organisation; it is the person."""
    labels = {m.defines: m.label for m in mentions if m.defines}
    for m in mentions:
        text = tokens.text(m.first, m.last)
        if m.first == m.last and text in labels:
            m.label = labels[text]


def _label_short_company_names(tokens: Tokens, mentions: list[Mention]) -> None:
    """"Toba Pulp" beside "PT Toba Pulp Lestari Tbk.": the model may call a company's short name a person or a place;
    it is the company (unless the words are part of a person's full name, or the mention has a role)."""
    words = tokens.texts
    companies = [words[m.first + 1:m.last + 1] for m in mentions
                 if m.label == "ORG" and m.last > m.first and words[m.first].casefold().rstrip(".") in COMPANY_FORMS]
    if not companies:
        return
    full_names = {tuple(words[m.first:m.last + 1]) for m in mentions if m.label == "PER" and m.last > m.first}
    for m in mentions:
        name = words[m.first:m.last + 1]
        if m.label != "ORG" and m.role is None \
                and any(len(company) > len(name) and company[:len(name)] == name for company in companies) \
                and not any(full_name != tuple(name) and not set(full_name).isdisjoint(name) for full_name in full_names):
            m.label = "ORG"


def _assign_roles(tokens: Tokens, mentions: list[Mention]) -> set[int]:
    """Set each person mention's role; returns the tokens that role phrases cover."""
    people = [m for m in mentions if m.label == "PER"]
    blocked = covered_tokens(people)   # other people's tokens: a role phrase never runs into them
    named = frozenset(covered_tokens([m for m in mentions if m.label != "PER"]))
    starts = {m.first: m for m in people}
    role_tokens: set[int] = set()
    for m in people:
        own = range(m.first, m.last + 1)
        blocked.difference_update(own)
        span = role_before(tokens, m.first, blocked, named) or role_after(tokens, m.last, blocked)
        blocked.update(own)
        if span is None:
            continue
        holder = _apposed_person(tokens, m, span, starts)
        if holder is None and _names_a_client(tokens, m, span):
            continue
        if holder is not None:
            span = (span[0], m.last)   # "pengacara Lisa, Jhony Boy Nababan": Jhony is Lisa's lawyer
        (holder or m).role = tokens.text(*span)
        role_tokens.update(range(span[0], span[1] + 1))
    return role_tokens


def _names_a_client(tokens: Tokens, m: Mention, role: tuple[int, int]) -> bool:
    """Whether the role right before m is a lawyer's title whose name is the client's (CLIENT_TITLES)."""
    words = tokens.texts
    return role[1] == m.first - 1 and words[role[0]].casefold() in CLIENT_TITLES \
        and not words[role[1]].casefold().endswith("nya")


def _apposed_person(tokens: Tokens, m: Mention, role: tuple[int, int], starts: dict[int, Mention]) -> Mention | None:
    """The person set off by a comma after m when m's role is a lower-case noun right before it: that noun
    relates the apposed person to m ("pengacara Lisa, Jhony", "istri almarhum Budi, Ani")."""
    words = tokens.texts
    after = m.last + 1
    lower_case = words[role[0]][:1].islower() or (   # or capitalised only as a sentence's first word: "Kuasa hukum"
        role[1] > role[0] and tokens.sentence_initial(role[0]) and words[role[0] + 1][:1].islower())
    if role[1] != m.first - 1 or not lower_case or words[role[0]].casefold() in FORMER \
            or after + 1 >= len(words) or words[after] != ",":
        return None   # "mantan Gubernur Papua Lukas Enembe, Budi Hermawan": "mantan" relates no one
    apposed = starts.get(after + 1)
    return apposed if apposed is not None and apposed.role is None and tokens.joined(after, after + 1) else None


def _as_record(tokens: Tokens, m: Mention, canonical: dict[int, str]) -> dict[str, Any]:
    text = tokens.text(m.first, m.last)
    return {
        "text": text,
        "label": m.label,
        "start": tokens.starts[m.first],
        "end": tokens.ends[m.last],
        "canonical": canonical.get(m.cluster, text),
        "role": m.role,
    }
