"""Stage "quotes": who said what.

Direct quotes (text between double quote marks with a reporting verb next to them) and indirect
statements ("X mengatakan bahwa ...", "Menurut X, ..."), each as
`{text, speaker, speaker_role, verb, direct, start, end}` with offsets into `article.body`.
The speaker is the canonical entity of the entities stage; a pronoun or -nya speaker is resolved to
the person the preceding text points to, and stays null when nothing does.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from warta.extract.quote_scan import (before_comma_or, first_stop, quoted_spans, sentence_starts, verb_after,
                                      who_window)
from warta.extract.tables import body_index, register_keywords, trie_pattern
from warta.pipeline import register_stage
from warta.record import Article
from warta.tables import read_rows
from warta.report import RunReport

DATA = Path(__file__).with_name("data")
QUOTE_MARKS = "\"\u201c\u201d\u201e\u201f"  # the marks quote_scan.quoted_spans pairs
CLAUSE_END = ",.!?\u2026"
# A sentence ends at . ! ? (optionally followed by a closing quote) and then white space.
SENTENCE_END = re.compile(rf"[.!?][{QUOTE_MARKS}]?\s+")
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
NON_PERSON_LABELS = ORG_LABELS | PLACE_LABELS
MAX_ANTECEDENT_SENTENCES = 4
MAX_WHO_CHARS = 160
SENTENCE_LOOKBACK = 400  # characters searched back for a sentence start
MIN_INDIRECT_WORDS = 3
# the last character that cannot be part of a subject, its adverbs or the comma after them
LAST_NON_SUBJECT_CHAR = re.compile(r"[^\w\s'.\-][\w\s'.\-]*(?:,\s*)?$")
TRAILING_COMMA = re.compile(r",\s*$")

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


@dataclass(frozen=True)
class PrefixPattern:
    """A statement pattern and the (lower-case) words it can start with."""

    pattern: re.Pattern[str]
    words: frozenset[str]


def _by_prefix(words: Iterable[str], tail: str, lower_only: bool = False) -> tuple[PrefixPattern, ...]:
    """`(?P<verb>word)tail` as one pattern per two-letter prefix, with the words it can start with.

    The body index gives where those words start a word, so a pattern is only tried in the
    paragraphs that hold one; the verbs after a subject are lower-case, so those need no
    capitalised variant.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        variants = [word.lower()] if lower_only else [word.lower(), word[:1].upper() + word[1:].lower()]
        for variant in variants:
            groups.setdefault(variant[:2], []).append(variant[2:])
    patterns = []
    for prefix, rests in sorted(groups.items()):
        pattern = re.compile(f"(?P<verb>{re.escape(prefix)}{trie_pattern(rests)}){tail}")
        patterns.append(PrefixPattern(pattern, frozenset((prefix + rest).lower() for rest in rests)))
    return tuple(patterns)


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/*.tsv and the patterns built from them, compiled once."""

    verb_roots: dict[str, str]
    pronouns: dict[str, str]
    according: dict[str, str]
    titles: frozenset[str]
    verb_forms: frozenset[str]       # the reporting verb forms, lower-case and capitalised ("ujar", "Ujar")
    after_subject_verb: re.Pattern[str]
    lead_subject_verb: re.Pattern[str]
    lead_verb_who: re.Pattern[str]
    lead_according: re.Pattern[str]
    subject_tail: re.Pattern[str]
    subject_opening: re.Pattern[str]
    indirect_verb: tuple[PrefixPattern, ...]
    indirect_according: tuple[PrefixPattern, ...]
    stop_words: frozenset[str]       # words that end the speaker part of an attribution (as do "," and "(")
    hard_stop_words: frozenset[str]  # those that end the name window after a verb
    subject_verb: re.Pattern[str]
    name_word: re.Pattern[str] = field(default=re.compile(r"[A-Z][\w'.\-]*"))

    def subject_before(self, body: str, start: int, end: int) -> re.Match[str] | None:
        """The subject that ends `body[start:end]` (after a space or comma, or opening the body).

        A subject and its adverbs hold only word characters, spaces and ' . -, so it starts after the
        last other character; searching from there spares `re` trying a subject at every word.
        """
        other = LAST_NON_SUBJECT_CHAR.search(body, start, end)
        if other and not TRAILING_COMMA.match(body, other.start(), end):
            return self.subject_tail.search(body, other.start(), end)
        if start == 0 and (opening := self.subject_opening.match(body, 0, end)):
            return opening
        return self.subject_tail.search(body, start, end)

    def root(self, word: str) -> str:
        """The root of a reporting verb form ("tegasnya" -> "tegas", "mengatakan" -> "kata")."""
        low = word.lower()
        if low in self.verb_roots:
            return self.verb_roots[low]
        if low.endswith("nya") and low[:-3] in self.verb_roots:
            return self.verb_roots[low[:-3]]
        return self.according.get(low, low)


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
    name = r"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|bin|binti|van|de|al))*"
    adverb = f"(?:\\s+(?:{_alternation(adverbs)}))*"
    subject = f"(?P<subj>{pronoun}|{name})"
    according_words = _alternation(according)
    register_keywords(form for form in [*subject_forms, *according])  # where indirect statements may start
    return Lexicon(
        verb_roots=verb_roots,
        pronouns=pronouns,
        according=according,
        titles=titles,
        # '..."  ujar X' / '..." katanya' (quote_scan.verb_after)
        verb_forms=_variants(verb_roots),
        # '..." X menambahkan' / '..." ia menjelaskan'
        after_subject_verb=re.compile(rf"[\s,]*{subject}{adverb}\s+{verbs}"),
        # 'X mengatakan, "...' / 'Ia menegaskan: "...'
        lead_subject_verb=re.compile(
            rf"{verbs}(?:[ \t]+[^,.:;\"\u201c\u201d\n]{{1,60}}?)?(?:[ \t]*[,:]|[ \t]+bahwa)[ \t]*$"),
        # 'kata X, "...'
        lead_verb_who=re.compile(rf"{short_verbs}\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?)\s*[,:]\s*$"),
        # 'Menurut X, "...' / 'Menurutnya, "...'
        lead_according=re.compile(
            rf"(?<!\w)(?P<verb>{according_words})(?:\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?))?\s*[,:]\s*$"),
        # the subject right before a verb: a pronoun or capitalised words, then adverbs (see subject_before)
        subject_tail=re.compile(rf"[\s,](?P<subj>{pronoun}|{name}){adverb}\s*,?\s*$"),
        subject_opening=re.compile(rf"(?P<subj>{pronoun}|{name}){adverb}\s*,?\s*$"),
        # 'X mengatakan bahwa ...' / 'X menegaskan, ...'
        indirect_verb=_by_prefix(
            subject_forms,
            r"(?!\w)(?:[ \t]*,[ \t]*bahwa|[ \t]*,|[ \t]+bahwa)[ \t]+(?P<text>[^\n]+)", lower_only=True),
        # 'Menurut X, ...'
        indirect_according=_by_prefix(
            according, rf"(?!\w)(?:[ \t]+(?P<who>[^,.;:\n]{{1,{MAX_WHO_CHARS}}}?))?[ \t]*,[ \t]*(?P<text>[^\n]+)"),
        stop_words=frozenset(stop_kinds),
        hard_stop_words=frozenset(w for w, kind in stop_kinds.items() if kind == "hard"),
        # a person in subject position: adverbs, then a prefixed verb ("Yusri sudah menegaskan")
        subject_verb=re.compile(rf",?{adverb}\s+(?i:me|ber|ter|di)[a-z]{{3,}}"),
    )


@dataclass(slots=True)
class Attribution:
    """Where a statement's reporting verb is, and where its speaker is written."""

    verb: str
    verb_start: int
    who: Span | None = None          # a name written after the verb ("kata Kalla ...")
    subject: Span | None = None      # a name or pronoun written before the verb ("Kalla mengatakan")
    pronoun: bool = False            # -nya / ia / dia: resolve from the preceding text


@dataclass(slots=True)
class Speaker:
    name: str | None = None
    role: str | None = None


class ArticleText:
    """One body with what speaker resolution needs: sentences, quoted spans and person mentions."""

    def __init__(self, body: str, entities: list[dict[str, Any]], quoted: list[Span]) -> None:
        self.body = body
        self.lex = lexicon()
        self._sentence_starts: list[int] | None = None
        self.quoted = quoted
        self.mentions = sorted(_valid_mentions(entities, len(body)), key=lambda e: (e["start"], -e["end"]))
        self.mention_starts = [e["start"] for e in self.mentions]
        self.roles: dict[str, str] = {}
        for e in self.mentions:
            if e.get("role") and e.get("label") in PERSON_LABELS:
                self.roles.setdefault(_canonical(e), e["role"])
        self.has_entities = bool(self.mentions)
        self.named: list[tuple[int, Speaker]] = []  # speakers attributions name, by position
        self._person_names: dict[str, frozenset[str]] | None = None

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.body) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def quote_touches(self, start: int, end: int) -> bool:
        """Whether a quoted span starts or ends in `body[start:end + 1]`."""
        quoted = self.quoted
        i = bisect.bisect_left(quoted, (start,))
        return (i < len(quoted) and quoted[i][0] <= end) or (i > 0 and start <= quoted[i - 1][1] <= end)

    def sentence_start(self, pos: int) -> int:
        if self._sentence_starts is None:  # only articles with statements need sentences
            self._sentence_starts = sentence_starts(self.body)
        return self._sentence_starts[bisect.bisect_right(self._sentence_starts, pos) - 1]

    def mentions_in(self, start: int, end: int, labels: frozenset[str] = PERSON_LABELS) -> list[dict[str, Any]]:
        i = bisect.bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i]["start"] < end:
            e = self.mentions[i]
            if e["end"] <= end and e.get("label") in labels and not self.in_quote(e["start"]):
                found.append(e)
            i += 1
        return found

    def speaker_of(self, mention: dict[str, Any]) -> Speaker:
        name = _canonical(mention)
        return Speaker(name, mention.get("role") or self.roles.get(name))

    # -- resolving an attribution ---------------------------------------------------------------

    def resolve(self, attribution: Attribution, anchor: int) -> Speaker:
        """The speaker of an attribution; `anchor` is where the statement starts (for pronouns)."""
        if attribution.pronoun:
            return self.antecedent(anchor)
        span = attribution.who or attribution.subject
        if span is None:
            return Speaker()
        if self.has_entities:
            people = self.mentions_in(*span)
            if people:
                return self.speaker_of(people[0] if attribution.who else people[-1])
            if attribution.who:
                # "kata BPS": an organisation named right after the verb speaks for itself
                first = self.mentions_in(span[0], span[1], ORG_LABELS)[:1]
                if first and not self.body[span[0]:first[0]["start"]].strip():
                    return Speaker(_canonical(first[0]))
        return self.by_surface(trim_who(self.body, span, self.lex) if attribution.who else span)

    def antecedent(self, pos: int) -> Speaker:
        """The person the text before `pos` points to.

        Walking back sentence by sentence (text inside quotes does not count): the speaker of the
        last attribution naming one, else a person in subject position (before a verb); the
        first person of the nearest sentence naming any is the last resort.
        """
        if not self.has_entities:  # only attributions name people: the last one before `pos`
            named = [speaker for at, speaker in self.named if at < pos]
            return named[-1] if named else Speaker()
        fallback: dict[str, Any] | None = None
        end, seen = pos, 0
        while end > 0 and seen < MAX_ANTECEDENT_SENTENCES:
            start = self.sentence_start(end - 1)
            named = [speaker for at, speaker in self.named if start <= at < end]
            if named:
                return named[-1]
            people = self.mentions_in(start, end)
            subjects = [e for e in people if self.lex.subject_verb.match(self.body, e["end"])]
            if subjects:
                return self.speaker_of(subjects[0])
            if people and fallback is None:
                fallback = people[0]
            if not self.in_quote(start) and not self.opens_with_pronoun(start):
                seen += 1  # a sentence about "ia"/"dia" continues the same person: it does not count
            end = start
        return self.speaker_of(fallback) if fallback is not None else Speaker()

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
        if self.has_entities and self.mentions_in(start, end, NON_PERSON_LABELS):
            return Speaker()
        words = [w if len(w) == 2 else w.rstrip(".") for w in self.lex.name_word.findall(self.body, start, end)]
        if not words:
            return Speaker()
        titles = _leading(words, self.lex.titles)
        if len(titles) == len(words):
            return self.by_role(" ".join(words))
        if titles and self.has_entities:
            return Speaker()
        return self.by_name(words[len(titles):])

    def by_name(self, words: list[str]) -> Speaker:
        """A written name, as the one person whose canonical name holds all its words, if any."""
        if not self.has_entities:
            return Speaker(" ".join(words))
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
            for e in self.mentions:
                if e.get("label") in PERSON_LABELS:
                    name = _canonical(e)
                    self._person_names[name] = frozenset(w.lower() for w in name.split())
        return self._person_names

    def by_role(self, role_text: str) -> Speaker:
        low = role_text.lower()
        holders = {name for name, role in self.roles.items() if low in role.lower()}
        if len(holders) == 1:
            name = holders.pop()
            return Speaker(name, self.roles[name])
        return Speaker()


def _leading(words: list[str], titles: frozenset[str]) -> list[str]:
    lead = []
    for w in words:
        if w.lower().rstrip(".") not in titles and w.lower() not in titles:
            break
        lead.append(w)
    return lead


def _canonical(mention: dict[str, Any]) -> str:
    return str(mention.get("canonical") or mention.get("text") or "")


def _valid_mentions(entities: list[Any], size: int) -> list[dict[str, Any]]:
    """The mentions with a start and end inside a body of `size` characters."""
    valid = []
    for e in entities:
        try:
            if isinstance(e, dict) and 0 <= int(e["start"]) < int(e["end"]) <= size:
                valid.append(e)
        except (KeyError, TypeError, ValueError):
            continue
    return valid


# -- direct quotes ------------------------------------------------------------------------------

def _line_end(body: str, pos: int) -> int:
    end = body.find("\n", pos)
    return len(body) if end < 0 else end


def paragraph_of(body: str, pos: int) -> Span:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return start, (len(body) if end < 0 else end)


def trim_who(body: str, span: Span, lex: Lexicon) -> Span:
    """The window cut at the first stop word after its first word ("Kalla dalam sambutannya" -> "Kalla")."""
    start, end = span
    stop = first_stop(body, start + 1, end, lex.stop_words)
    while stop >= 0 and _is_role_comma(body, stop, end, lex):
        stop = first_stop(body, stop + 1, end, lex.stop_words)
    return (start, stop if stop >= 0 else end)


def _is_role_comma(body: str, stop: int, end: int, lex: Lexicon) -> bool:
    """'papar Kepala BPS, Nurul Hasanudin': a comma between a role and the name is not a stop."""
    if body[stop] != ",":
        return False
    after = body[stop + 1:end].lstrip()
    first = after.split(" ", 1)[0] if after else ""
    return bool(first[:1].isupper()) and first not in lex.stop_words


def attribution_after(body: str, close: int, para_end: int, lex: Lexicon) -> Attribution | None:
    """'..." ujar X', '..." katanya', '..." X menambahkan' right after the closing mark."""
    found = verb_after(body, close + 1, para_end, lex.verb_forms)
    if found is None:
        m = lex.after_subject_verb.match(body, close + 1, para_end)
        return _subject_attribution(m, lex) if m else None
    verb_start, verb_end, nya = found
    verb = lex.root(body[verb_start:verb_end])
    if nya:
        return Attribution(verb, verb_start, pronoun=True)
    window_end = min(para_end, verb_end + MAX_WHO_CHARS)
    who_start, who_end = who = who_window(body, verb_end, window_end, lex.hard_stop_words)
    who_text = body[who_start:who_end]
    kind = lex.pronouns.get(who_text.split(" ", 1)[0].strip(",.").lower())
    if kind == "single":
        return Attribution(verb, verb_start, pronoun=True)
    # a quoted term followed by a common word ('program "Sekolah Rakyat" lanjut dibahas') is no
    # attribution: a quote ends its clause with punctuation, or the verb names a speaker
    ends_clause = body[close - 1] in CLAUSE_END or body.find(",", close + 1, verb_start) >= 0
    if not ends_clause and not body[who_start:who_start + 1].isupper():
        return None
    if kind == "plural" or who_start >= who_end:
        return Attribution(verb, verb_start)
    if points_back(who_text, lex):
        return Attribution(verb, verb_start, pronoun=True)
    return Attribution(verb, verb_start, who=who)


def points_back(who: str, lex: Lexicon) -> bool:
    """A role phrase closed by a demonstrative names nobody new: "Wali Kota Makassar ini"."""
    text = who.replace(",", " ")
    head = text.split(None, 1)
    if not head or head[0].lower() not in lex.titles:
        return False
    words = text.split()
    for i, word in enumerate(words[1:], 1):
        if lex.pronouns.get(word.strip(".").lower()) == "demonstrative":
            return all(w[:1].isupper() or w[:1].isdigit() for w in words[1:i])
    return False


def _subject_attribution(m: re.Match[str], lex: Lexicon) -> Attribution:
    subject = m.group("subj")
    kind = lex.pronouns.get(subject.lower())
    attribution = Attribution(lex.root(m.group("verb")), m.start("verb"))
    if kind == "single":
        attribution.pronoun = True
    elif kind is None:
        attribution.subject = m.span("subj")
    return attribution


def attribution_before(body: str, open_mark: int, para_start: int, lex: Lexicon) -> Attribution | None:
    """'X mengatakan, "', 'Menurut X, "', 'kata X, "' in the sentence before the opening mark."""
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
    sentence_start = max(lead_start, _last_sentence_start(body, lead_start, open_mark))
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
        s = lex.subject_before(body, sentence_start, m.start())
        if s:
            kind = lex.pronouns.get(s.group("subj").lower())
            attribution = Attribution(lex.root(m.group("verb")), m.start("verb"))
            if kind == "single":
                attribution.pronoun = True
            elif kind is None:
                attribution.subject = (sentence_start, m.start())
            return attribution
    return None


def _ends_lead(body: str, start: int, end: int) -> bool:
    """Whether `body[start:end]` ends, white space aside, in , : or "bahwa", as every lead attribution does."""
    while end > start and body[end - 1].isspace():
        end -= 1
    return end > start and (body[end - 1] in ",:" or body.endswith("bahwa", start, end))


def _last_sentence_start(body: str, start: int, end: int) -> int:
    """Where the sentence holding `end` starts, looking no further back than `start`."""
    last = start
    for m in SENTENCE_END.finditer(body, max(start, end - SENTENCE_LOOKBACK), end):
        last = m.end()
    return last


@dataclass(slots=True)
class Statement:
    """A statement found in the text, before its speaker is resolved."""

    start: int
    end: int
    attribution: Attribution
    anchor: int  # where the statement and its attribution begin: pronouns look before it
    direct: bool


def direct_statements(text: ArticleText) -> list[Statement]:
    body, lex = text.body, text.lex
    found = []
    for start, end in text.quoted:  # each starts with a non-space (quoted_spans): none is empty
        attribution = (attribution_after(body, end, _line_end(body, end), lex)
                       or attribution_before(body, start - 1, body.rfind("\n", 0, start - 1) + 1, lex))
        if attribution is not None:
            anchor = start - 1 if attribution.verb_start > end else min(start - 1, attribution.verb_start)
            found.append(Statement(start, end, attribution, anchor, direct=True))
        elif found and continues(body, found[-1], start - 1):
            found.append(Statement(start, end, found[-1].attribution, found[-1].anchor, direct=True))
    return found


def continues(body: str, previous: Statement, open_mark: int) -> bool:
    """'"A," kata X. "B."': a quote right after the attribution sentence of the one before it."""
    attribution = previous.attribution
    if not previous.end < attribution.verb_start < open_mark or open_mark - attribution.verb_start > MAX_WHO_CHARS:
        return False
    between = body[attribution.verb_start:open_mark]
    return "\n" not in between and between.rstrip().endswith((".", "!", "?"))


# -- indirect statements ------------------------------------------------------------------------

def indirect_statements(text: ArticleText) -> list[Statement]:
    """'X mengatakan bahwa ...', 'X menegaskan, ...', 'Menurut X, ...' in paragraphs without quotes."""
    body, lex = text.body, text.lex
    patterns, groups_of = _indirect_patterns(lex)
    places: dict[int, list[int]] = {}  # for each pattern, where its words start (index.starts, in one pass)
    for word, at in body_index(body).words.items():
        for group in groups_of.get(word, ()):
            if group in places:
                places[group].extend(at)
            else:
                places[group] = list(at)
    found = []
    for group, (prefixed, according) in enumerate(patterns):
        if group not in places:
            continue
        group_places = places[group]
        group_places.sort()
        if not according:  # the verb of 'X menegaskan, ...' / 'X mengatakan bahwa ...' is before one of those
            group_places = before_comma_or(body, group_places, "bahwa")
        for m in paragraph_matches(prefixed.pattern, body, group_places):
            start = m.start()
            if start and (body[start - 1].isalnum() or body[start - 1] == "_"):
                continue  # inside a longer word
            para_start = body.rfind("\n", 0, start) + 1
            if text.quote_touches(para_start, m.end()):
                continue  # a paragraph where a quote starts or ends holds direct quotes
            statement = _indirect(text, m, according, para_start)
            if statement:
                found.append(statement)
    return found


_INDIRECT_PATTERNS: dict[int, tuple[Lexicon, list[tuple[PrefixPattern, bool]], dict[str, tuple[int, ...]]]] = {}


def _indirect_patterns(lex: Lexicon) -> tuple[list[tuple[PrefixPattern, bool]], dict[str, tuple[int, ...]]]:
    """The statement patterns in the order they are tried (verb ones, then according ones, each
    flagged `according`), and for each word the indexes of the patterns it can start (built once a lexicon)."""
    cached = _INDIRECT_PATTERNS.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1], cached[2]
    patterns = [(p, False) for p in lex.indirect_verb] + [(p, True) for p in lex.indirect_according]
    groups: dict[str, list[int]] = {}
    for index, (prefixed, _) in enumerate(patterns):
        for word in prefixed.words:
            groups.setdefault(word, []).append(index)
    groups_of = {word: tuple(indexes) for word, indexes in groups.items()}
    _INDIRECT_PATTERNS[id(lex)] = (lex, patterns, groups_of)
    return patterns, groups_of


def paragraph_matches(pattern: re.Pattern[str], body: str, places: list[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(body)` gives that start at one of `places` (sorted).

    A statement pattern runs to the end of its paragraph, so finditer gives at most one match a
    paragraph: the first one there, even inside a longer word, which a search from its start finds.
    Only a paragraph where the pattern matches at a place is searched (most have none).
    """
    done = 0  # the end of the last paragraph searched
    para_end = -1  # the end of the paragraph of the last place tried
    for at in places:
        if at < done:
            continue
        if at > para_end:
            para_end = _line_end(body, at)
        if pattern.match(body, at, para_end):
            done = para_end
            m = pattern.search(body, body.rfind("\n", 0, at) + 1, para_end)
            if m is not None and m.start() == at:  # not after a match inside a longer word
                yield m


def _indirect(text: ArticleText, m: re.Match[str], according: bool, para_start: int) -> Statement | None:
    body, lex = text.body, text.lex
    start = m.start("text")
    stop = SENTENCE_END.search(body, start, m.end("text"))
    end = stop.start() if stop else m.end("text")
    while end and body[end - 1] in " .!?":  # len(body[:end].rstrip(" .!?")) without the copy
        end -= 1
    if len(body[start:end].split(None, MIN_INDIRECT_WORDS - 1)) < MIN_INDIRECT_WORDS:
        return None
    verb = lex.root(m.group("verb"))
    if according:
        who = m.group("who")
        if who is None:
            attribution = Attribution(verb, m.start("verb"), pronoun=m.group("verb").lower().endswith("nya"))
        elif lex.pronouns.get(who.strip().lower()) == "single":
            attribution = Attribution(verb, m.start("verb"), pronoun=True)
        else:
            attribution = Attribution(verb, m.start("verb"), who=m.span("who"))
    else:
        s = lex.subject_before(body, max(para_start, m.start() - MAX_WHO_CHARS), m.start())
        if not s:
            return None
        kind = lex.pronouns.get(s.group("subj").lower())
        if kind == "plural":
            return None
        attribution = Attribution(verb, m.start("verb"), pronoun=kind == "single",
                                  subject=None if kind else (_last_sentence_start(body, para_start, s.start("subj")), m.start()))
    if not attribution.pronoun:
        span = attribution.who or attribution.subject
        if span is None or (text.has_entities and not text.mentions_in(*span)):
            return None  # a statement is only reported with a person behind it
    return Statement(start, end, attribution, m.start(), direct=False)


def _quote(body: str, start: int, end: int, speaker: Speaker, verb: str, direct: bool) -> dict[str, Any]:
    return {"text": body[start:end], "speaker": speaker.name, "speaker_role": speaker.role,
            "verb": verb, "direct": direct, "start": start, "end": end}


def extract_quotes(body: str, entities: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every direct quote and indirect statement in `body`, in text order."""
    if not body:
        return []
    text = ArticleText(body, entities or [], quoted_spans(body))
    statements = sorted(direct_statements(text) + indirect_statements(text), key=attrgetter("anchor"))
    quotes = []
    for st in statements:
        speaker = text.resolve(st.attribution, st.anchor)
        if speaker.name:
            text.named.append((st.attribution.verb_start, speaker))
        if speaker.name or st.direct:
            quotes.append(_quote(body, st.start, st.end, speaker, st.attribution.verb, st.direct))
    return sorted(quotes, key=itemgetter("start"))


@register_stage("quotes")
class QuotesStage:
    """Fills `article.quotes` from `article.body` and `article.entities`."""

    name = "quotes"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.quotes = extract_quotes(doc.body or "", doc.entities)
            yield doc
