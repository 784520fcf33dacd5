"""One canonical entity per mention: alias linking within an article.

Mentions join one entity when they spell the same name once abbreviations are
written out ("Kemenkeu" = "Kementerian Keuangan", "KDM" = "Kang Dedi Mulyadi (KDM)"),
when a shorter name is part of a longer one ("Purbaya" -> "Purbaya Yudhi Sadewa",
"Kominfo" -> "Kementerian Kominfo"), when the text says "X atau Y", and when a role
phrase stands for a person named with that role ("menkominfo", "bos Alibaba itu").
The canonical name is the fullest name the body gives.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, count

from warta.extract.entities.lexicon import (
    PLACE_KINDS, alias_phrase_length, is_title, leader_titles, name_openers, place_prefixes, places,
)
from warta.extract.entities.mentions import (
    Mention, Tokens, covered_tokens, expand_words, is_capitalised, is_name_word, is_org_head, is_org_tail, person_key_words,
    without_parentheses,
)
from warta.extract.entities.roles import ORDINAL, role_key
from warta.unionfind import UnionFind

ORG_NOISE_WORDS = frozenset({"pt", "tbk", "persero", "(persero)"})
COMPANY_ARMS = frozenset({"indonesia", "group", "grup", "tbk", "global", "international", "internasional", "asia"})
MAX_ROLE_NOUN_WORDS = 8
SITE_KINDS = PLACE_KINDS[PLACE_KINDS.index("kab"):]   # regencies and cities, districts, villages
# first names a writer drops from a full name ("Muhammad Rizieq Shihab" is "Rizieq Shihab"; honorifics such as
# "H" or "KH" never reach a name's key)
DROPPED_FIRST_NAMES = frozenset({"muhammad", "mohammad", "mohamad", "muhamad", "mochammad", "mochamad", "moch", "moh",
                                 "mohd", "muh", "m", "ahmad", "achmad", "abdul", "raden", "rd", "i"})
MIN_SHORTENED = 4   # letters of a shortened first name: "Pras", "Afif"; shorter ones ("Ar") are too often initials


def group(label: str) -> str:
    """People link only with people; organisations and places may link with each other ("AS" tagged ORG)."""
    return "PER" if label == "PER" else "NAME"


def name_key(text: str, label: str, local: dict[str, str]) -> tuple[str, ...]:
    """What two spellings of one name share once abbreviations, honorifics and parentheses are removed."""
    plain = without_parentheses(text)
    if label == "PER":
        return tuple(person_key_words(local.get(plain.strip(), plain)))   # "HNW", "Gus Ipul": the name they stand for
    words = [w for w in expand_words(plain, local) if w not in ORG_NOISE_WORDS and w not in {",", "."}]
    if label == "LOC":
        while len(words) > 1 and words[0] in place_prefixes():
            words = words[1:]
    return tuple(words)


def link(tokens: Tokens, mentions: list[Mention], local: dict[str, str]) -> list[str]:
    """Give each mention a cluster id; returns each cluster's canonical name by cluster id."""
    texts = [tokens.text(m.first, m.last) for m in mentions]
    keys = _name_keys(texts, mentions, local)
    clusters = UnionFind(len(mentions))

    first_with_key: dict[tuple[str, tuple[str, ...]], int] = {}
    for i, (m, key) in enumerate(zip(mentions, keys)):
        if not key:
            continue
        slot = (group(m.label), key)
        if slot in first_with_key:
            clusters.union(first_with_key[slot], i)
        else:
            first_with_key[slot] = i

    _link_alternative_names(tokens, mentions, clusters)
    _link_nicknames_by_role(mentions, keys, local, clusters)
    _link_parts_of_person_names(mentions, keys, clusters)
    _link_shortened_names(mentions, keys, clusters)
    _link_parts_of_organisation_names(mentions, keys, clusters)

    for i, m in enumerate(mentions):
        m.cluster = clusters.find(i)
    return _canonical_names(tokens, mentions, texts)


def _name_keys(texts: list[str], mentions: list[Mention], local: dict[str, str]) -> list[tuple[str, ...]]:
    """name_key of each mention, computed once per distinct spelling and label."""
    known: dict[tuple[str, str], tuple[str, ...]] = {}
    keys = []
    for text, m in zip(texts, mentions):
        slot = (text, m.label)
        if slot not in known:
            known[slot] = name_key(text, m.label, local)
        keys.append(known[slot])
    return keys


def _link_alternative_names(tokens: Tokens, mentions: list[Mention], clusters: UnionFind) -> None:
    """"Saifullah Yusuf atau Gus Ipul", "... alias Gus Ipul", "... yang akrab disapa Gus Ipul": two names for one
    person, of which the first is the canonical however long the other is ("Gusti Raden Mas Moertedjo alias
    Sultan HB VII")."""
    by_first = {m.first: i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        if m.label != "PER":
            continue
        alias = m.last + 1 + alias_phrase_length(tokens.texts, m.last + 1)
        j = by_first.get(alias) if alias > m.last + 1 else None
        if j is not None and mentions[j].label == "PER":
            clusters.union(i, j)
            if mentions[j].kind == "name":
                mentions[j].kind = "alias"


def _link_nicknames_by_role(mentions: list[Mention], keys: list[tuple[str, ...]], local: dict[str, str],
                            clusters: UnionFind) -> None:
    """"Wamenaker Noel" and "Wakil Menteri Ketenagakerjaan (Wamenaker) Immanuel Ebenezer": a one-word name
    given the same office as one full name in the article is that person."""
    full_names: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "PER" and m.role and len(keys[i]) >= 2:
            full_names.setdefault(role_key(m.role, local), set()).add(i)
    for i, m in enumerate(mentions):
        if m.label != "PER" or not m.role or len(keys[i]) != 1:
            continue
        role = role_key(m.role, local)
        holders = full_names.get(role, set())
        if len(role.split()) >= 2 and len({keys[j] for j in holders}) == 1:
            clusters.union(i, next(iter(holders)))


def _link_parts_of_person_names(mentions: list[Mention], keys: list[tuple[str, ...]], clusters: UnionFind) -> None:
    """"Purbaya", "Amran", "Kenneth": part of a fuller name in the article; the nearest earlier one wins."""
    people = [i for i, m in enumerate(mentions) if m.label == "PER" and keys[i]]
    word_sets = {i: frozenset(keys[i]) for i in people}
    for i in sorted(people, key=lambda i: len(keys[i])):
        words = word_sets[i]
        fuller = [j for j in people if len(keys[j]) > len(keys[i]) and words <= word_sets[j]
                  and not names_another_person(keys[i], keys[j])]
        if not fuller:
            continue
        targets = {clusters.find(j) for j in fuller}
        if len(targets) == 1:
            clusters.union(i, fuller[0])
            continue
        earlier = [j for j in fuller if mentions[j].first < mentions[i].first]
        clusters.union(i, max(earlier, key=lambda j: mentions[j].first) if earlier else fuller[0])


def names_another_person(name: tuple[str, ...], fuller: tuple[str, ...]) -> bool:
    """Whether a fuller name that ends in a name of two words or more puts another given name before it: the wife's
    or child's name ("Iriana Joko Widodo", "Soraya Hamzah Haz"), not a first name dropped in writing ("Muhammad
    Rizieq Shihab", "I Gede John Darmawan")."""
    extra = fuller[:len(fuller) - len(name)]
    return len(name) >= 2 and fuller[len(extra):] == name \
        and not all(word in DROPPED_FIRST_NAMES or word in name_openers() for word in extra)


def _link_shortened_names(mentions: list[Mention], keys: list[tuple[str, ...]], clusters: UnionFind) -> None:
    """"Pras" / "Prasetyo Hadi", "Melki" / "Emanuel Melkiades Laka Lena", the misspelt "Nanato" / "Nonato Da
    Purificacao Sarmento": a one-word name of four letters or more that no fuller name holds shortens one word of
    exactly one person's fuller name, written before the short name first is (so the victim "Indra" is not the
    spokesman "Ade Ary Syam Indradi" named after him)."""
    people = [i for i, m in enumerate(mentions) if m.label == "PER" and keys[i]]
    full = {clusters.find(j) for j in people if len(keys[j]) >= 2}
    first_seen: dict[tuple[str, ...], int] = {}
    for i in people:
        first_seen.setdefault(keys[i], mentions[i].first)
    for i in people:
        if len(keys[i]) != 1 or len(keys[i][0]) < MIN_SHORTENED or clusters.find(i) in full:
            continue
        short = keys[i][0]
        fuller = [j for j in people if len(keys[j]) >= 2 and mentions[j].first < first_seen[keys[i]]
                  and any(_shortens(short, word) for word in keys[j])]
        if len({clusters.find(j) for j in fuller}) == 1:
            clusters.union(i, fuller[0])


def _shortens(short: str, word: str) -> bool:
    """"pras" of "prasetyo"; or, from five letters, one letter mistyped: "nanato" of "nonato"."""
    if len(word) > len(short):
        return word.startswith(short)
    return len(word) == len(short) >= MIN_SHORTENED + 1 and word[0] == short[0] \
        and sum(a != b for a, b in zip(word, short)) == 1


def _link_parts_of_organisation_names(mentions: list[Mention], keys: list[tuple[str, ...]], clusters: UnionFind) -> None:
    """"Alibaba" / "Alibaba Group", "Kominfo" / "Kementerian Kominfo", "BPS" / "BPS Provinsi DKI Jakarta"."""
    organisations = [i for i, m in enumerate(mentions) if m.label == "ORG" and keys[i]]
    for i in sorted(organisations, key=lambda i: len(keys[i])):
        key = keys[i]
        n = len(key)
        fuller = []
        for j in organisations:
            other = keys[j]
            if len(other) <= n:
                continue
            if other[:n] == key or (other[-n:] == key and all(is_org_head(w) for w in other[:-n])):
                fuller.append(j)
        targets = {clusters.find(j) for j in fuller}
        if len(targets) == 1:
            clusters.union(i, fuller[0])


def _canonical_names(tokens: Tokens, mentions: list[Mention], texts: list[str]) -> dict[int, str]:
    best: dict[int, tuple[tuple, str]] = {}
    names: dict[tuple[str, str], str] = {}   # display_name by spelling and label, each computed once
    for m, text in zip(mentions, texts):
        if m.kind not in {"name", "abbreviation"}:
            continue
        slot = (text, m.label)
        if slot not in names:
            names[slot] = display_name(text, m.label)
        name = names[slot]
        if not name:
            continue
        is_acronym = name.isupper() and " " not in name
        # an organisation's spelled-out form beats a longer variant ("Badan Pusat Statistik" over "BPS Provinsi
        # DKI Jakarta"), and its own name the name of one of its sites ("PT Pertamina" over "Pertamina Plumpang");
        # a person's longest name wins
        defines = m.defines is not None and m.label != "PER"
        site = m.label == "ORG" and names_a_site(name)
        score = (not is_acronym, defines, not site, len(name.split()), len(name), -m.first)
        if m.cluster not in best or score > best[m.cluster][0]:
            best[m.cluster] = (score, name)
    return {cluster: name for cluster, (_, name) in best.items()}


@lru_cache(maxsize=1 << 14)
def names_a_site(name: str) -> bool:
    """Whether an organisation's name is a company's followed by a city, district or village: "Pertamina Plumpang"
    is Pertamina's depot (but "Polrestabes Palembang", "Intel Kejaksaan Negeri Kuantan Singingi" are offices of
    their own, "Unilever Indonesia" is the company's Indonesian arm, and "PDI Perjuangan Bali" its province's)."""
    words = name.casefold().split()
    start = next((i for i in range(1, len(words)) if tuple(words[i:]) in places()), None)   # the longest place
    return start is not None and places()[tuple(words[start:])] in SITE_KINDS \
        and not any(map(is_org_head, words[:start]))


def display_name(text: str, label: str) -> str:
    """A mention as a canonical name: no parentheses; people without honorifics or a quoted nickname ("Munafri
    'Appi' Arifuddin" -> "Munafri Arifuddin"); places without "Kota"/"DKI"."""
    plain = " ".join(without_parentheses(text).split())
    if label == "PER":
        name_words = set(person_key_words(plain))
        return " ".join(w for w in plain.split() if w.casefold() in name_words) or plain
    if label == "LOC":
        words = plain.split()
        while len(words) > 1 and words[0].casefold() in place_prefixes():
            words = words[1:]
        return " ".join(words)
    return plain


# --- mentions found after linking ---------------------------------------------------------

def short_mentions(tokens: Tokens, mentions: list[Mention], canonical: dict[int, str]) -> list[Mention]:
    """Later bare uses of a linked name that the model missed: "Ma" for Jack Ma, "Alibaba" for Alibaba Group."""
    words = tokens.texts
    covered = covered_tokens(mentions)
    owners: dict[str, set[int]] = {}
    labels: dict[int, str] = {}
    for m in mentions:
        labels.setdefault(m.cluster, m.label)
        name = canonical.get(m.cluster)
        if not name:
            continue
        parts = name.split()
        surface = tokens.text(m.first, m.last)
        if m.label == "PER":
            candidates = [w for w in parts if len(w) >= 2 and is_name_word(w)]
            if " " not in surface and len(surface) >= 2 and (is_name_word(surface) or surface.isupper()):
                candidates.append(surface)   # "HNW" for M Hidayat Nur Wahid (HNW), "Noel" for Immanuel Ebenezer
        else:
            candidates = [surface] if " " not in surface else []
            if len(parts) >= 2 and not is_org_head(parts[0]) \
                    and all(w.casefold() in COMPANY_ARMS or is_org_tail(w) for w in parts[1:]):
                candidates.append(parts[0])
        for word in candidates:
            owners.setdefault(word, set()).add(m.cluster)
    added = []
    for i in compress(count(), map(owners.__contains__, words)):
        word = words[i]
        if i in covered or len(owners[word]) != 1 or i in tokens.compound_title_starts:
            continue   # "Imam" of "Imam Besar" is a title, not Imam Nahrawi
        following = i + 1 < len(words) and tokens.joined(i, i + 1) and is_name_word(words[i + 1])
        preceding = i > 0 and tokens.joined(i - 1, i) and is_name_word(words[i - 1]) and not tokens.sentence_initial(i - 1)
        if following or preceding:
            continue
        cluster = next(iter(owners[word]))
        added.append(Mention(i, i, labels[cluster], kind="short", cluster=cluster))
    return added


def role_noun_mentions(tokens: Tokens, mentions: list[Mention], local: dict[str, str],
                       role_tokens: set[int]) -> list[Mention]:
    """A title phrase standing for a person named with that role: "menkominfo", "bos Alibaba itu", "Presiden ke-8"."""
    people: dict[str, set[int]] = {}
    for m in mentions:
        if m.label == "PER" and m.role:
            people.setdefault(role_key(m.role, local), set()).add(m.cluster)
    if not people:
        return []
    words = tokens.texts
    person_tokens = covered_tokens([m for m in mentions if m.label == "PER"])
    added = []
    resume = 0
    for i in tokens.title_positions:
        if i < resume or i in person_tokens or i in role_tokens or _inside_a_name(tokens, i):
            continue
        j = i
        while j + 1 < len(words) and j + 1 - i < MAX_ROLE_NOUN_WORDS and tokens.joined(j, j + 1) \
                and j + 1 not in person_tokens and j + 1 not in role_tokens \
                and (is_capitalised(words[j + 1]) or is_title(words[j + 1]) or ORDINAL.match(words[j + 1])):
            j += 1
        match = _person_with_role(tokens, i, j, local, people)
        name_first = next((k for k in range(i + 1, j + 1) if is_name_word(words[k])), None)
        if match is None and name_first is not None and _names_one_office(tokens, i, name_first - 1, local):
            # "Wamenaker Noel": the title names the person, and the name after it is theirs
            match = _person_with_role(tokens, i, name_first - 1, local, people, exact=True)
            if match is not None:
                added.append(Mention(name_first, j, "PER", kind="short", cluster=match[1]))
        if match is not None:
            last, cluster = match
            added.append(Mention(i, last, "PER", kind="role_noun", cluster=cluster))
            resume = j + 1
    return added


def _names_one_office(tokens: Tokens, first: int, last: int, local: dict[str, str]) -> bool:
    """"Wamenaker" (Wakil Menteri Ketenagakerjaan) names one office; "Presiden" alone is any country's president,
    so "Presiden Ramaphosa" is not the article's other president."""
    return len(role_key(tokens.text(first, last), local).split()) >= 2


def _inside_a_name(tokens: Tokens, i: int) -> bool:
    """"Kantor Presiden", "Istana Presiden": the title is part of a capitalised name, not a reference."""
    if i == 0 or not tokens.joined(i - 1, i) or tokens.sentence_initial(i):
        return False
    previous = tokens.texts[i - 1]
    return is_capitalised(previous) and not is_title(previous)


def _person_with_role(tokens: Tokens, first: int, last: int, local: dict[str, str],
                      people: dict[str, set[int]], exact: bool = False) -> tuple[int, int] | None:
    """The one person whose role the whole phrase first..last names ("Menkeu", "menko Perekonomian"), if any.

    Unless `exact`, a phrase of two or more words may also name the start of a longer role ("menko
    Perekonomian" for "Menteri Koordinator Perekonomian Indonesia"); a single word must match exactly.
    """
    key = role_key(tokens.text(first, last), local)
    if not key:
        return None
    owners: set[int] = set()
    for role, clusters in people.items():
        if role == key or (not exact and last > first and role.startswith(key + " ")):
            owners |= clusters
    if len(owners) == 1:
        return last, next(iter(owners))
    return None if exact else _leader_of(tokens, first, last, local, people)


def _leader_of(tokens: Tokens, first: int, last: int, local: dict[str, str],
               people: dict[str, set[int]]) -> tuple[int, int] | None:
    """"bos Alibaba" for the one person whose role leads Alibaba ("Pendiri Alibaba")."""
    if tokens.texts[first].casefold() not in leader_titles() or last == first:
        return None
    organisation = role_key(tokens.text(first + 1, last), local)
    owners: set[int] = set()
    for role, clusters in people.items():
        words = role.split()
        if words and words[0] in leader_titles() and " ".join(words[1:]).startswith(organisation):
            owners |= clusters
    return (last, next(iter(owners))) if len(owners) == 1 else None
