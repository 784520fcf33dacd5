"""Stage "quotes": who said what.

Direct quotes (text between double quote marks with a reporting verb next to them) and indirect
statements ("X mengatakan bahwa ...", "Menurut X, ..."), each as
`{text, speaker, speaker_role, verb, direct, start, end}` with offsets into `article.body`.
The speaker is the canonical entity of the entities stage; a pronoun or -nya speaker is resolved to
the person the preceding text points to, and stays null when nothing does.

The word lists of data/*.tsv and the patterns built from them are here (lexicon), and resolving
speakers against entity mentions (ArticleText); the scans over each body's characters, the direct
quotes, the speakers of a body without mentions and the output records run compiled (quote_scan),
as do the lookups of entity mentions (quote_mentions).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta.extract.quote_mentions import Mentions, canonical
from warta.extract.quote_scan import (Attribution, Attributions, Speaker, Statement, StatementPlaces, Subjects,
                                      last_sentence_start, quoted_spans, sentence_starts)
from warta.extract.tables import body_index, register_keywords, trie_pattern
from warta.pipeline import register_stage
from warta.record import Article
from warta.tables import read_rows
from warta.report import RunReport

DATA = Path(__file__).with_name("data")
QUOTE_MARKS = "\"\u201c\u201d\u201e\u201f"  # the marks quote_scan.quoted_spans pairs
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
NON_PERSON_LABELS = ORG_LABELS | PLACE_LABELS
MAX_ANTECEDENT_SENTENCES = 4
# A person known only by initials ("tersangka berinisial AR") is the subject of crime reports, rarely their source:
# a pronoun points to them only when the statement speaks in the first person ("Saya ikhlas", said HM).
INITIALS_ONLY = re.compile(r"(?:[A-Z]{1,5}|(?:[A-Z]\.){1,5})")
FIRST_PERSON = re.compile(r"\b(?:saya|aku|gue|gua)\b", re.IGNORECASE)
FIRST_PERSON_REACH = 100  # characters of the statement read for a first-person word: its opening
MAX_WHO_CHARS = 160
SENTENCE_LOOKBACK = 400  # characters searched back for a sentence start
MIN_INDIRECT_WORDS = 3
NAME_JOINERS = ("bin", "binti", "van", "de", "al")  # lower-case words inside a name ("Ali bin Said")
THAT = "bahwa"  # the conjunction after a reporting verb ("X mengatakan bahwa ...")

Span = tuple[int, int]


def read_table(name: str) -> list[list[str]]:
    """Rows of a data table: tab-separated, `#` comments, first row a header."""
    return read_rows(DATA / name)[1:]


def _alternation(words: Iterable[str], capitalised: bool = True) -> str:
    """A regex matching any of `words`, lower-case or capitalised, as a trie: "me(?:nyatakan|...)".

    Factoring the common prefixes keeps the scan linear and fast; a flat alternation of a hundred
    words (or a case-insensitive one) costs more than cleaning the article.
    """
    return trie_pattern(list(_variants(words) if capitalised else set(words))) or "(?!)"


def _variants(words: Iterable[str]) -> frozenset[str]:
    """Each word lower-case and capitalised."""
    return frozenset(v for w in words for v in (w.lower(), w[:1].upper() + w[1:].lower()))


def _by_prefix(words: Iterable[str], lower_only: bool = False) -> tuple[frozenset[str], ...]:
    """The words (lower-case and capitalised, or lower-case only) grouped by their two-letter prefix, in
    prefix order: one statement pattern each (quote_scan.StatementPlaces)."""
    groups: dict[str, set[str]] = {}
    for word in words:
        for variant in [word.lower()] if lower_only else [word.lower(), word[:1].upper() + word[1:].lower()]:
            groups.setdefault(variant[:2], set()).add(variant)
    return tuple(frozenset(forms) for _, forms in sorted(groups.items()))


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/*.tsv and the patterns built from them, compiled once."""

    verb_roots: dict[str, str]
    pronouns: dict[str, str]
    according: dict[str, str]
    titles: frozenset[str]
    scan: Attributions               # the compiled attribution scans, with the word tables they read
    lead_subject_verb: re.Pattern[str]
    lead_verb_who: re.Pattern[str]
    lead_according: re.Pattern[str]
    subjects: Subjects                # the subject before a verb: a pronoun or capitalised words, then adverbs
    indirect_verb: tuple[frozenset[str], ...]       # 'X mengatakan bahwa ...' / 'X menegaskan, ...'
    indirect_according: tuple[frozenset[str], ...]  # 'Menurut X, ...'
    statement_places: StatementPlaces  # the statements those start, the verb patterns tried first
    subject_verb: re.Pattern[str]

    def root(self, word: str) -> str:
        """The root of a reporting verb form ("tegasnya" -> "tegas", "mengatakan" -> "kata")."""
        return verb_root(word.lower(), self.verb_roots, self.according)


def verb_root(low: str, verb_roots: dict[str, str], according: dict[str, str]) -> str:
    """The root of a lower-case reporting verb form or according marker (the form itself for none)."""
    if low in verb_roots:
        return verb_roots[low]
    if low.endswith("nya") and low[:-3] in verb_roots:
        return verb_roots[low[:-3]]
    return according.get(low, low)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verb_roots = {form.lower(): root for form, root, *_ in read_table("reporting_verbs.tsv")}
    pronouns = {word.lower(): kind for word, kind, *_ in read_table("speaker_pronouns.tsv")}
    according = {form.lower(): root for form, root, *_ in read_table("according_markers.tsv")}
    adverbs = [row[0] for row in read_table("attribution_adverbs.tsv")]
    stop_kinds = {word: kind for word, kind, *_ in read_table("attribution_stops.tsv")}
    titles = frozenset(row[0].lower() for row in read_table("speaker_titles.tsv"))

    verbs = f"(?P<verb>{_alternation(verb_roots)})(?P<nya>nya)?(?!\\w)"
    # Forms that follow a subject ("X mengatakan"): the active me-/ber- forms, plus "bilang".
    subject_forms = [f for f in verb_roots if f.startswith(("me", "ber")) or f == "bilang"]
    # Forms that come before their speaker ("kata X"): the rest.
    short_verbs = f"(?P<verb>{_alternation(set(verb_roots) - set(subject_forms))})(?!\\w)"
    word_pronouns = [w for w in pronouns if w != "nya"]
    pronoun = f"(?:{_alternation(word_pronouns)})"
    name = rf"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|{'|'.join(NAME_JOINERS)}))*"
    adverb = f"(?:\\s+(?:{_alternation(adverbs)}))*"
    subject = f"(?P<subj>{pronoun}|{name})"
    according_words = _alternation(according)
    register_keywords(form for form in [*subject_forms, *according])  # where indirect statements may start
    indirect_verb, indirect_according = _by_prefix(subject_forms, lower_only=True), _by_prefix(according)
    statement_patterns = [(forms, False) for forms in indirect_verb] + [(forms, True) for forms in indirect_according]
    statement_roots = {form.lower(): verb_root(form.lower(), verb_roots, according)
                       for forms, _ in statement_patterns for form in forms}
    subjects = Subjects(_variants(word_pronouns), _variants(adverbs), NAME_JOINERS)
    return Lexicon(
        verb_roots=verb_roots,
        pronouns=pronouns,
        according=according,
        titles=titles,
        # '..." ujar X' / '..." katanya' / '..." X menambahkan' / '..." ia menjelaskan'
        scan=Attributions({form: verb_roots[form.lower()] for form in _variants(verb_roots)}, pronouns, titles,
                          stop_kinds, MAX_WHO_CHARS, re.compile(rf"[\s,]*{subject}{adverb}\s+{verbs}")),
        # 'X mengatakan, "...' / 'Ia menegaskan: "...'
        lead_subject_verb=re.compile(
            rf"{verbs}(?:[ \t]+[^,.:;\"\u201c\u201d\n]{{1,60}}?)?(?:[ \t]*[,:]|[ \t]+{THAT})[ \t]*$"),
        # 'kata X, "...'
        lead_verb_who=re.compile(rf"{short_verbs}\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?)\s*[,:]\s*$"),
        # 'Menurut X, "...' / 'Menurutnya, "...'
        lead_according=re.compile(
            rf"(?<!\w)(?P<verb>{according_words})(?:\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?))?\s*[,:]\s*$"),
        subjects=subjects,
        indirect_verb=indirect_verb,
        indirect_according=indirect_according,
        statement_places=StatementPlaces(statement_patterns, THAT, MAX_WHO_CHARS, MIN_INDIRECT_WORDS, statement_roots,
                                         pronouns, subjects, SENTENCE_LOOKBACK),
        # a person in subject position: adverbs, then a prefixed verb ("Yusri sudah menegaskan")
        subject_verb=re.compile(rf",?{adverb}\s+(?i:me|ber|ter|di)[a-z]{{3,}}"),
    )


class ArticleText:
    """One body with person mentions, and what resolving speakers against them needs: its sentences,
    the roles of its people and the speakers named so far.

    A body without mentions needs none of it: quote_scan resolves its speakers from the written names.
    """

    def __init__(self, body: str, mentions: Mentions) -> None:
        self.body = body
        self.lex = lexicon()
        self._sentence_starts: list[int] | None = None
        self.mentions = mentions
        self.roles: dict[str, str] = mentions.roles
        self.named: list[tuple[int, Speaker]] = []  # speakers attributions name, by position
        self._person_names: dict[str, frozenset[str]] | None = None

    def sentence_start(self, pos: int) -> int:
        if self._sentence_starts is None:  # only articles with statements need sentences
            self._sentence_starts = sentence_starts(self.body)
        return self._sentence_starts[bisect.bisect_right(self._sentence_starts, pos) - 1]

    def speaker_of(self, mention: dict[str, Any]) -> Speaker:
        name = canonical(mention)
        return Speaker(name, mention.get("role") or self.roles.get(name))

    # -- resolving an attribution ---------------------------------------------------------------

    def speaker(self, attribution: Attribution, anchor: int) -> Speaker:
        """The speaker of a statement (`resolve`), kept for the pronouns after it when it names one."""
        speaker = self.resolve(attribution, anchor)
        if speaker.name:
            self.named.append((attribution.verb_start, speaker))
        return speaker

    def resolve(self, attribution: Attribution, anchor: int) -> Speaker:
        """The speaker of an attribution; `anchor` is where the statement starts (for pronouns)."""
        if attribution.pronoun:
            return self.antecedent(anchor)
        span = attribution.who or attribution.subject
        if span is None:
            return Speaker()
        people = self.mentions.within(*span)
        if people:
            return self.speaker_of(self.apposed(span[0], people) if attribution.who else people[-1])
        if attribution.who:
            # "kata BPS": an organisation named right after the verb speaks for itself
            first = self.mentions.within(span[0], span[1], ORG_LABELS)[:1]
            if first and not self.body[span[0]:first[0]["start"]].strip():
                return Speaker(canonical(first[0]))
        if attribution.who:
            span = (span[0], self.lex.scan.trim_who(self.body, *span))
        return self.by_surface(span)

    def apposed(self, start: int, people: list[dict[str, Any]]) -> dict[str, Any]:
        """The person an attribution names: its first, or the name set off by commas after it when the first
        is what a lower-case noun relates to ("kata pengacara Lisa, Jhony Boy Nababan": Jhony speaks)."""
        first = people[0]
        lead = self.body[start:first["start"]].split()
        if len(people) > 1 and lead and all(word.islower() for word in lead) \
                and self.body[first["end"]:people[1]["start"]].strip() == ",":
            return people[1]
        return first

    def antecedent(self, pos: int) -> Speaker:
        """The person the text before `pos` points to.

        Walking back sentence by sentence (text inside quotes does not count): the speaker of the
        last attribution naming one, else a person in subject position (before a verb); the
        first person of the nearest sentence naming any is the last resort.
        """
        fallback: dict[str, Any] | None = None
        end, seen = pos, 0
        first_person = FIRST_PERSON.search(self.body, pos, pos + FIRST_PERSON_REACH) is not None
        while end > 0 and seen < MAX_ANTECEDENT_SENTENCES:
            start = self.sentence_start(end - 1)
            named = self.last_named(start, end)
            if named:
                return named
            people = [e for e in self.mentions.within(start, end)
                      if first_person or not INITIALS_ONLY.fullmatch(canonical(e))]
            subjects = [e for e in people if self.lex.subject_verb.match(self.body, e["end"])]
            if subjects:
                return self.speaker_of(subjects[0])
            if people and fallback is None:
                fallback = people[0]
            if not self.mentions.in_quote(start) and not self.opens_with_pronoun(start):
                seen += 1  # a sentence about "ia"/"dia" continues the same person: it does not count
            end = start
        return self.speaker_of(fallback) if fallback is not None else Speaker()

    def last_named(self, start: int, end: int) -> Speaker | None:
        """The speaker of the last attribution naming one (in statement order) with its verb in `[start, end)`."""
        for at, speaker in reversed(self.named):
            if start <= at < end:
                return speaker
        return None

    def opens_with_pronoun(self, start: int) -> bool:
        first = self.body[start:start + 12].split(" ", 1)[0]
        return self.lex.pronouns.get(first.lower()) == "single"

    def by_surface(self, span: Span) -> Speaker:
        """A speaker no person mention covers: a role naming one known person, or the written name.

        A phrase that opens with a title ("Kepala Gudang Bulog") or that the entities stage marks
        as an organisation names no person: null.
        """
        start, end = span
        comma = self.body.rfind(",", start, end)
        if comma >= 0:  # 'Kepala BPS, Nurul Hasanudin': the name follows the role
            start = comma + 1
        if self.mentions.within(start, end, NON_PERSON_LABELS):
            return Speaker()
        words, titles = self.lex.scan.name_words(self.body, start, end)
        if not words:
            return Speaker()
        if titles == len(words):
            return self.by_role(" ".join(words))
        if titles:
            return Speaker()
        return self.by_name(words[titles:])

    def by_name(self, words: list[str]) -> Speaker:
        """A written name, as the one person whose canonical name holds all its words, if any."""
        wanted = {w.lower() for w in words}
        holders = {name for name, name_words in self.person_names().items() if wanted <= name_words}
        if len(holders) == 1:
            name = holders.pop()
            return Speaker(name, self.roles.get(name))
        return Speaker(" ".join(words))

    def person_names(self) -> dict[str, frozenset[str]]:
        """The canonical name of each person mention, with its words in lower case (made once)."""
        if self._person_names is None:
            self._person_names = {}
            for e in self.mentions.all:
                if e.get("label") in PERSON_LABELS:
                    name = canonical(e)
                    self._person_names[name] = frozenset(w.lower() for w in name.split())
        return self._person_names

    def by_role(self, role_text: str) -> Speaker:
        low = role_text.lower()
        holders = {name for name, role in self.roles.items() if low in role.lower()}
        if len(holders) == 1:
            name = holders.pop()
            return Speaker(name, self.roles[name])
        return Speaker()


# -- direct quotes ------------------------------------------------------------------------------

def paragraph_of(body: str, pos: int) -> Span:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return start, (len(body) if end < 0 else end)


def attribution_before(body: str, open_mark: int, para_start: int) -> Attribution | None:
    """'X mengatakan, "', 'Menurut X, "', 'kata X, "' in the sentence before the opening mark."""
    lex = lexicon()
    lead_start = para_start
    if not body[para_start:open_mark].strip() and para_start > 0:
        # a quote opening its paragraph, introduced by the end of the previous one ("... berkata:")
        prev_end = para_start
        while prev_end and body[prev_end - 1].isspace():  # len(body[:para_start].rstrip()) without the copy
            prev_end -= 1
        prev_start = paragraph_of(body, max(prev_end - 1, 0))[0]
        if body[prev_start:prev_end].rstrip().endswith(":"):
            lead_start, open_mark = prev_start, prev_end
    if not _ends_lead(body, lead_start, open_mark):
        return None
    sentence_start = max(lead_start, last_sentence_start(body, lead_start, open_mark, SENTENCE_LOOKBACK))
    for pattern in (lex.lead_according, lex.lead_verb_who):
        m = pattern.search(body, sentence_start, open_mark)
        if m:
            verb = lex.root(m.group("verb"))
            who = m.span("who") if m.group("who") else None
            nya = "nya" in m.groupdict() and m.group("nya")
            if (who is None and pattern is lex.lead_according) or nya:
                return Attribution(verb, m.start("verb"), pronoun=True)
            if who is not None:
                word = body[who[0]:who[1]].strip().lower()
                if lex.pronouns.get(word) == "single":
                    return Attribution(verb, m.start("verb"), pronoun=True)
                return Attribution(verb, m.start("verb"), who=who)
    m = lex.lead_subject_verb.search(body, sentence_start, open_mark)
    if m:
        if m.group("nya"):
            return Attribution(lex.root(m.group("verb")), m.start("verb"), pronoun=True)
        s = lex.subjects.before(body, sentence_start, m.start())
        if s:
            kind = lex.pronouns.get(body[s[0]:s[1]].lower())
            attribution = Attribution(lex.root(m.group("verb")), m.start("verb"))
            if kind == "single":
                attribution.pronoun = True
            elif kind is None:
                attribution.subject = (sentence_start, m.start())
            return attribution
    return None


def _ends_lead(body: str, start: int, end: int) -> bool:
    """Whether `body[start:end]` ends, white space aside, in , : or THAT, as every lead attribution does."""
    while end > start and body[end - 1].isspace():
        end -= 1
    return end > start and (body[end - 1] in ",:" or body.endswith(THAT, start, end))


# -- indirect statements ------------------------------------------------------------------------

def indirect_statements(body: str, quoted: list[Span], lex: Lexicon, mentions: Mentions | None) -> list[Statement]:
    """'X mengatakan bahwa ...', 'X menegaskan, ...', 'Menurut X, ...' in paragraphs without quotes.

    A statement needs a person (or a pronoun) behind it; with `mentions`, one a person mention names."""
    return lex.statement_places.statements(body, body_index(body).words, quoted, mentions)


def person_mentions(body: str, entities: list[dict[str, Any]] | None, quoted: list[Span]) -> Mentions | None:
    """The mentions of `entities` inside `body`, None for none (speakers are then the names written)."""
    if not entities:
        return None
    mentions = Mentions(entities, len(body), quoted, PERSON_LABELS)
    return mentions if mentions else None


def extract_quotes(body: str, entities: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every direct quote and indirect statement in `body`, in text order."""
    if not body:
        return []
    lex, quoted = lexicon(), quoted_spans(body)
    mentions = person_mentions(body, entities, quoted)
    statements = (lex.scan.direct_statements(body, quoted, attribution_before)
                  + indirect_statements(body, quoted, lex, mentions))
    return lex.scan.quotes(body, statements, None if mentions is None else ArticleText(body, mentions).speaker)


@register_stage("quotes")
class QuotesStage:
    """Fills `article.quotes` from `article.body` and `article.entities`."""

    name = "quotes"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.quotes = extract_quotes(doc.body or "", doc.entities)
            yield doc
