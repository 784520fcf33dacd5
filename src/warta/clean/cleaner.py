"""Turn an article's raw lines into body, noise, related headlines, images and dateline metadata.

Each non-empty line is body until a rule says otherwise. In order:
1. the noise-line table (data/noise_lines.tsv), with the position-dependent kinds resolved here;
2. the article's title repeated, and with a corpus profile: the title of another article of the run,
   or a line the outlet repeats across many documents;
3. trailing cards for other articles (caption, headline, summary, then image alt / outlet / date);
4. the dateline (data/datelines.tsv), which gives outlet and place and opens the article: what a
   flattened page shows above it is noise;
5. the page after the article's end mark (byline, footer, related list), when most prose is above it;
6. for outlets that drop other headlines between paragraphs (data/outlets.tsv), those headlines.
Published dates come only from the input's metadata, the article's own date line or its opening
paragraphs: lines labelled as cards or teasers are never read for a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from warta.clean.lang import detect_language
from warta.clean.profile import CorpusProfile, line_key, outlet_key
from warta.clean.published import date_in_body, date_in_line
from warta.clean.rules import NoiseRules, any_dateline, datelines, host_key, kinds, noise_rules, outlet_named
from warta.record import Article, article_id

TAIL_LINES = 4
# The dateline is looked for in this many first body lines.
DATELINE_LINES = 12
MIN_WORDS_AFTER_DATELINE = 3
# Pull quotes and captions may stand above the dateline; after this many full paragraphs the article has begun.
MAX_PROSE_ABOVE_DATELINE = 2
# A full paragraph has this many words and ends like a sentence.
PROSE_WORDS = 20
SENTENCE_ENDS = frozenset('.!?"”’\')')
# Noise kinds that mark where the article ends on a flattened page.
END_KINDS = frozenset({"byline", "footer", "related", "share", "tag"})
# A line this short just before a photo credit label is the photo's caption; one this short after it, the credit.
CAPTION_WORDS = 25
CREDIT_WORDS = 8
# A headline has between these many words.
HEADLINE_WORDS = (3, 20)
# How many summary lines a related card may carry between its headline and its furniture.
CARD_SUMMARY_LINES = 2
CARD_CAPTION_WORDS = 10
# The text of an embedded post (a tweet) above its "— Name (@handle)" line is at most this long.
EMBED_WORDS = 60
# A page whose only prose is this many photo captions is a photo gallery.
GALLERY_CAPTIONS = 2
_BULLET = re.compile(r"^[•·●\-–*]\s*")
_OPENING_MARKS = "'\"‘“(["


@dataclass(slots=True)
class Line:
    text: str
    kind: str | None = None  # None: body
    date: str | None = None  # the date a date line states
    related: str | None = None  # the headline this line links to, for `related`
    _words: int = -1  # word count, computed once (several rules ask for it)

    @property
    def is_body(self) -> bool:
        return self.kind is None

    @property
    def words(self) -> int:
        if self._words < 0:
            self._words = len(self.text.split())
        return self._words

    def set_text(self, text: str) -> None:
        self.text, self._words = text, -1

    def mark(self, kind: str, related: str | None = None) -> None:
        self.kind = kind
        if related:
            self.related = related


@dataclass(slots=True)
class Cleaned:
    """What the cleaner found in one article."""

    paragraphs: list[str]
    noise: list[dict[str, Any]]
    related: list[dict[str, Any]]
    images: list[dict[str, Any]]
    title: str | None
    outlet: str | None = None
    place: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_from: str | None = None
    lang: str | None = None


def looks_like_headline(text: str) -> bool:
    """A line written like a headline: a few words, most capitalised, no closing full stop."""
    words = text.split()
    if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] or text[-1] in ".,;:\"”'’":
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in _OPENING_MARKS):
        return False
    capitalised = sum(1 for w in words if (w.lstrip(_OPENING_MARKS) or "a")[0].isupper() or w[0].isdigit())
    return capitalised * 2 >= len(words)


def looks_like_caption(text: str) -> bool:
    return len(text.split()) <= CARD_CAPTION_WORDS and (text.endswith(".") or text.casefold().startswith(("ilustrasi", "foto")))


_NEWLINE = re.compile(r"\r\n|\r|\n")


def split_lines(raw: str | None) -> list[Line]:
    """Non-empty lines, stripped; only real line breaks split (str.splitlines also splits on U+0085 in mojibake)."""
    return [Line(stripped) for stripped in (line.strip() for line in _NEWLINE.split(raw or "")) if stripped]


def apply_table(lines: list[Line], images: list[dict[str, Any]], dates: list[str]) -> None:
    """Label lines with the noise-line table; resolve the kinds that depend on position."""
    rules = noise_rules()
    seen_body = False
    count = len(lines)
    for i, line in enumerate(lines):
        if not line.is_body:  # already taken, e.g. as a credit after a "Sumber :" label
            continue
        hit = rules.match(line.text, in_tail=i >= count - TAIL_LINES)
        if hit is None:
            seen_body = True
            continue
        rule, found = hit
        groups = found.groupdict()
        if rule.kind == "date":
            # A date alone before the article is its own date line; after it, it belongs to a card
            # (unless the dateline turns out to come later: see find_dateline).
            line.date = date_in_line(line.text)
            if not seen_body:
                line.mark("byline")
                if line.date is not None:
                    dates.append(line.date)
            else:
                line.mark("related_card")
        elif rule.kind == "credit_label":
            take_credit(lines, i, images)
        elif rule.kind == "more_link":
            line.mark("related")
            if i > 0 and lines[i - 1].is_body:
                previous = lines[i - 1]
                previous.mark("related", previous.text if looks_like_headline(previous.text) else None)
        elif rule.kind == "embed_credit":
            line.mark("other")
            if i > 0 and lines[i - 1].is_body and lines[i - 1].words <= EMBED_WORDS:
                lines[i - 1].mark("other")
        else:
            line.mark(rule.kind, (groups.get("title") or "").strip() or None)
            if rule.kind == "byline" and not seen_body and (value := date_in_line(line.text)) is not None:
                dates.append(value)
            if rule.kind in ("image_credit", "image_caption"):
                caption = (groups.get("caption") or "").strip() or None
                credit = (groups.get("credit") or "").strip() or None
                images.append({"caption": caption, "credit": credit})
    apply_tail_rules_past_noise(lines, rules)


def apply_tail_rules_past_noise(lines: list[Line], rules: NoiseRules) -> None:
    """Tail rules reach the last TAIL_LINES lines of text not counting the noise after them, so a programme
    plug of several paragraphs above a tagline and a "live streaming" line is still in reach."""
    text_lines = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if text_lines >= TAIL_LINES:
            return
        if not line.is_body:
            continue
        if i < len(lines) - TAIL_LINES and (hit := rules.match(line.text, in_tail=True)) and hit[0].where == "tail":
            line.mark(hit[0].kind, (hit[1].groupdict().get("title") or "").strip() or None)
            continue
        text_lines += 1


def mark_dated_headlines(lines: list[Line]) -> None:
    """A list of other articles: a headline right under a card's date ("Kamis, 05/11/2015 10:08 WIB")."""
    for above, line in zip(lines, lines[1:]):
        if above.kind == "related_card" and above.date is not None and line.is_body and looks_like_headline(line.text):
            line.mark("related", line.text)


def take_credit(lines: list[Line], i: int, images: list[dict[str, Any]]) -> None:
    """A "Sumber :" label: it, the credit after it and the caption before it are one photo."""
    lines[i].mark("image_credit")
    credit = None
    if i + 1 < len(lines) and lines[i + 1].is_body and lines[i + 1].words <= CREDIT_WORDS:
        lines[i + 1].mark("image_credit")
        credit = _BULLET.sub("", lines[i + 1].text).strip()
    caption = None
    if i > 0 and lines[i - 1].is_body and lines[i - 1].words <= CAPTION_WORDS:
        lines[i - 1].mark("image_caption")
        caption = lines[i - 1].text
    images.append({"caption": caption, "credit": credit})


def apply_profile(lines: list[Line], profile: CorpusProfile, group: str, title: str | None) -> None:
    for line in lines:
        if not line.is_body:
            continue
        if profile.is_other_title(line.text, title):
            line.mark("teaser", line.text)
        elif profile.is_recurring(group, line.text):
            line.mark("other")


def mark_title_repeats(lines: list[Line], title: str | None) -> None:
    if not title:
        return
    key, size = line_key(title), len(title)
    for line in lines:
        if line.is_body and size // 2 <= len(line.text) <= 2 * size and line_key(line.text) == key:
            line.mark("other")


def is_card_furniture(line: Line) -> bool:
    """What closes a card: an image alt or a card's date (already labelled), or an outlet's name alone."""
    return line.kind == "related_card" or (
        line.is_body and line.words <= 2 and outlet_named(line.text) is not None)


def mark_trailing_cards(lines: list[Line]) -> None:
    """Cards for other articles at the end: [caption] headline [summary] then image alt / outlet / date."""
    end = len(lines) - 1
    while end >= 0:
        i = end
        while i >= 0 and is_card_furniture(lines[i]):
            lines[i].mark("related_card")
            i -= 1
        if i == end:
            return
        oldest_headline = i - CARD_SUMMARY_LINES
        head = i
        while head >= oldest_headline and lines[head].is_body and not looks_like_headline(lines[head].text):
            head -= 1
        if head < max(oldest_headline, 0) or not lines[head].is_body:
            return
        for line in lines[head:i + 1]:
            line.mark("related_card")
        lines[head].related = lines[head].text
        end = head - 1
        if end >= 0 and lines[end].is_body and looks_like_caption(lines[end].text):
            lines[end].mark("related_card")
            end -= 1


def match_dateline(text: str, after_prose: bool) -> re.Match[str] | None:
    if not any_dateline().match(text):
        return None
    for dateline in datelines():
        if after_prose and dateline.lead_only:
            continue
        found = dateline.regex.match(text)
        # the rest is the paragraph (or nothing, a dateline on its own line), not a name's tail ("Fino Kristo - detikinet")
        if found and (found.end() == len(text) or len(text[found.end():].split()) >= MIN_WORDS_AFTER_DATELINE):
            return found
    return None


def find_dateline(lines: list[Line], dates: list[str]) -> tuple[str, str | None, str | None] | None:
    """Find the dateline among the first body lines and strip it; return (dateline text, outlet as written, place).

    The dateline opens the article, so body lines above it (a flattened page's photo captions, author lines)
    are noise, and the date line nearest above it is the article's own.
    """
    body = [line for line in lines if line.is_body][:DATELINE_LINES]
    prose_above = 0
    for index, line in enumerate(body):
        found = match_dateline(line.text, prose_above > 0)
        if not found:
            prose_above += is_prose(line)
            if prose_above > MAX_PROSE_ABOVE_DATELINE:
                return None
            continue
        for above in body[:index]:
            above.mark("other")
        position = lines.index(line)
        own_date = next((above for above in reversed(lines[:position]) if above.date is not None), None)
        if own_date is not None and own_date.kind == "related_card":
            own_date.kind = "byline"
            dates.append(own_date.date)
        groups = found.groupdict()
        rest = line.text[found.end():].strip()
        if rest:
            line.set_text(rest)
        else:
            line.mark("dateline")
        return " ".join(found.group(0).split()), groups.get("outlet"), (groups.get("place") or "").strip() or None
    return None


def is_prose(line: Line) -> bool:
    """A full paragraph of running text: enough words, ending like a sentence."""
    return line.text[-1] in SENTENCE_ENDS and line.words >= PROSE_WORDS


def mark_page_tail(lines: list[Line]) -> None:
    """A flattened page goes on after the article: once its end is marked (a byline, a footer, a related list)
    with most of the prose above the mark, whatever follows is site furniture (other articles' summaries)."""
    prose_words = [line.words if line.is_body and is_prose(line) else 0 for line in lines]
    before, after = 0, sum(prose_words)
    end = None
    for i, line in enumerate(lines):
        before += prose_words[i]
        after -= prose_words[i]
        if line.kind in END_KINDS and before > 0 and after * 2 < before:
            end = i
            break
    if end is None:
        return
    after = lines[end + 1] if end + 1 < len(lines) else None
    if after is not None and after.is_body and lines[end].kind == "byline" and after.words <= CAPTION_WORDS:
        after.mark("byline")  # the name after an "Oleh:" label
    for line in lines[end + 1:]:
        if line.is_body and looks_like_headline(line.text):
            line.mark("related", line.text)
        elif line.is_body:
            line.mark("other")


def keep_gallery_captions(lines: list[Line]) -> None:
    """A photo gallery's captions are its text: with no paragraph left but several captions, they are the body."""
    captions = [line for line in lines if line.kind == "image_caption" and is_prose(line)]
    if len(captions) >= GALLERY_CAPTIONS and not any(line.is_body and is_prose(line) for line in lines):
        for line in captions:
            line.kind = None


def mark_inline_teasers(lines: list[Line]) -> None:
    """Other articles' headlines dropped between paragraphs (never the first paragraph)."""
    body = [line for line in lines if line.is_body]
    for line in body[1:]:
        if looks_like_headline(line.text) and line.text[0] not in _OPENING_MARKS:
            line.mark("teaser", line.text)


@dataclass(slots=True)
class Source:
    """Where an article comes from: the outlet, its place and the dateline that named them."""

    outlet: str | None = None
    place: str | None = None
    dateline: str | None = None
    inline_teasers: bool = False


def find_source(doc: Article, lines: list[Line], head_dates: list[str]) -> Source:
    """The outlet from the dateline (stripped from the body), else from the url's host."""
    from_url = outlet_named(host_key(doc.url) or "") if doc.url else None
    source = Source(outlet=doc.outlet, inline_teasers=bool(from_url and from_url.inline_teasers))
    found = find_dateline(lines, head_dates)
    if found:
        source.dateline, written, source.place = found
        known = outlet_named(written) if written else None
        if written and source.outlet is None:
            source.outlet = known.name if known else "".join(written.split())
        source.inline_teasers = source.inline_teasers or bool(known and known.inline_teasers)
    if source.outlet is None and from_url is not None:
        source.outlet = from_url.name
    return source


def publication_date(doc: Article, head_dates: list[str], paragraphs: list[str]) -> tuple[str | None, str | None]:
    """(date, where it came from): the input's metadata, the article's own date line, or its opening paragraphs.
    Never a related card's or a teaser's date: those lines are noise before this runs."""
    if doc.published:
        return doc.published, "metadata"
    if head_dates:
        return head_dates[0], "date line"
    value = date_in_body(paragraphs)
    return (value, "body") if value else (None, None)


def clean_lines(doc: Article, profile: CorpusProfile | None = None) -> Cleaned:
    """Clean one article's `raw` text; the article itself is not changed."""
    lines = split_lines(doc.raw)
    title = doc.title
    if title is None and lines and looks_like_headline(lines[0].text):
        title = lines.pop(0).text
    images: list[dict[str, Any]] = []
    head_dates: list[str] = []
    apply_table(lines, images, head_dates)
    lang = detect_language([line.text for line in lines if line.is_body])
    mark_title_repeats(lines, title)
    if profile is not None:
        apply_profile(lines, profile, outlet_key(doc), title)
    mark_trailing_cards(lines)
    source = find_source(doc, lines, head_dates)
    mark_dated_headlines(lines)
    mark_page_tail(lines)
    if source.inline_teasers and lang == "id":
        mark_inline_teasers(lines)
    keep_gallery_captions(lines)

    paragraphs = [line.text for line in lines if line.is_body]
    published, published_from = publication_date(doc, head_dates, paragraphs)
    return Cleaned(
        paragraphs=paragraphs,
        noise=[{"text": line.text, "kind": line.kind} for line in lines if not line.is_body],
        related=unique_related(lines),
        images=images,
        title=title,
        outlet=source.outlet,
        place=source.place,
        dateline=source.dateline,
        published=published,
        published_from=published_from,
        lang=lang or detect_language(paragraphs),
    )


def unique_related(lines: list[Line]) -> list[dict[str, Any]]:
    feeds = kinds()
    seen: set[str] = set()
    related = []
    for line in lines:
        if line.related and feeds.get(line.kind or "") == "related" and line.related.casefold() not in seen:
            seen.add(line.related.casefold())
            related.append({"title": line.related})
    return related


def apply(doc: Article, cleaned: Cleaned) -> Article:
    """Write what the cleaner found into the article."""
    doc.body = "\n\n".join(cleaned.paragraphs)
    doc.noise = cleaned.noise
    doc.related = cleaned.related
    doc.images = cleaned.images
    doc.title = cleaned.title
    doc.outlet = cleaned.outlet
    doc.place = cleaned.place
    doc.dateline = cleaned.dateline
    doc.published = cleaned.published
    doc.lang = cleaned.lang
    if cleaned.published_from:
        doc.meta["published_from"] = cleaned.published_from
    doc.id = article_id(doc.body)
    return doc
