"""Organisation names the way warta writes them, over the tagger's BIO tags (rules in ner_org_heads.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warta.extract.entities.conll import bio_spans

RULES_FILE = Path(__file__).with_name("ner_org_heads.tsv")
MAX_NAME_TOKENS = 10
_JOINERS = frozenset({"dan", ","})


@dataclass(frozen=True)
class OrgRules:
    heads: frozenset[str]
    joined_heads: frozenset[str]
    prefixes: tuple[str, ...]
    stops: frozenset[str]
    offices: frozenset[str]


@cache
def org_rules() -> OrgRules:
    kinds: dict[str, list[str]] = {"head": [], "joined_head": [], "prefix": [], "stop": [], "office": []}
    for line in RULES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, word = line.split("\t")
            kinds[kind].append(word.strip())
    return OrgRules(frozenset(kinds["head"]) | frozenset(kinds["joined_head"]), frozenset(kinds["joined_head"]),
                    tuple(kinds["prefix"]), frozenset(kinds["stop"]), frozenset(kinds["office"]))


def _is_name_word(token: str, rules: OrgRules) -> bool:
    return token[:1].isupper() and token not in rules.stops


def _has_prefix(token: str, prefix: str, rules: OrgRules) -> bool:
    """"Kemenkeu" and "Kemensos" have the prefix "Kemen"; "Kemen" alone and stop words ("Kemenangan") do not."""
    return (token.startswith(prefix) and 2 <= len(token) - len(prefix) <= 8
            and token[len(prefix)].islower() and token not in rules.stops)


def apply_org_rules(tokens: list[str], tags: list[str]) -> list[str]:
    """Tags with "Pemprov DKI Jakarta"-style names made one ORG, and "Kemenkeu"-style words tagged ORG."""
    rules = org_rules()
    tags = list(tags)
    for start, end, label in bio_spans(tags):  # "Kantor Kementerian Sosial": the body, not its building
        if tokens[start] in rules.offices and end - start > 1 and tokens[start + 1] in rules.heads:
            tags[start], tags[start + 1] = "O", "B-ORG"
    spans = bio_spans(tags)
    span_at = {start: (end, label) for start, end, label in spans}
    inside = [""] * len(tokens)
    for start, end, label in spans:
        for k in range(start, end):
            inside[k] = label
    i = 0
    while i < len(tokens):
        token = tokens[i]
        starts_here = i in span_at or not inside[i]
        if token not in rules.heads or not starts_here or inside[i] == "PER":
            i += 1
            continue
        j = span_at[i][0] if i in span_at else i + 1  # a mention that starts with the head comes along
        while j < len(tokens) and j - i < MAX_NAME_TOKENS:
            if j in span_at:
                end, label = span_at[j]
                if label == "PER":
                    break
                j = end
            elif not inside[j] and _is_name_word(tokens[j], rules):
                j += 1
            elif token in rules.joined_heads and tokens[j] in _JOINERS:
                k = j
                while k < len(tokens) and k - j < 2 and tokens[k] in _JOINERS:
                    k += 1  # ", dan"
                if k < len(tokens) and not inside[k] and _is_name_word(tokens[k], rules):
                    j = k
                else:
                    break
            else:
                break
        if j > i + 1:
            tags[i:j] = ["B-ORG"] + ["I-ORG"] * (j - i - 1)
        i = max(j, i + 1)
    for k, token in enumerate(tokens):
        if tags[k] == "O" and any(_has_prefix(token, prefix, rules) for prefix in rules.prefixes):
            tags[k] = "B-ORG"
    return tags
