"""The source set as the source check reads it: its claims as mentions, which documents are about the story, and where to search.

A source set's mentions are indexed once per source set, a document's claims read only when one of its
passages is a candidate.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

from claimkit.checks import CheckContext
from claimkit.checks._fields import num, text
from claimkit.checks._source_words import Mention, _stopwords, content, mentions_in, tokens, word_weight

SEARCH_K = 12


# ---------------------------------------------------------------- the source set's mentions, indexed once


class _SourceMentions:
    """The source set's own claims, grouped by passage, turned into :class:`Mention` on first use.

    A document's claims are extracted (or read from the disk cache) only when one of its passages is
    a candidate, so a large source set pays only for the documents a story touches."""

    def __init__(self, srcset):
        self.srcset = srcset
        self.by_passage: dict[str, list[dict]] = {}
        self._loaded: set[str] = set()
        self._mentions: dict[str, list[Mention]] = {}
        self._docs = {d.path: d for d in srcset.documents}
        self._profiles: dict[str, tuple] = {}
        self._related: dict[tuple, bool] = {}

    def related(self, document: str, story) -> bool:
        """Whether a document is about the story's events (a shared source folder holds documents about
        other stories too): it names enough of the people, places and bodies the story names, or holds
        most of the story's words. ``story``: :func:`story_profile`."""
        names, words = story
        key = (document, names, words)
        hit = self._related.get(key)
        if hit is None:
            d = self._docs.get(document)
            prof = self._profiles.get(document)
            if prof is None:
                body = d.text if d else ""
                prof = self._profiles[document] = (proper_names(body), topic_words(body))
            shared, named = shared_names(names, prof[0])
            overlap = len(words & prof[1]) / len(words) if words else 1.0
            hit = self._related[key] = (named > 0 and shared >= min(RELATED_NAMES, named)) or overlap >= RELATED_WORDS
        return hit

    def rows(self, passage_id: str) -> list[dict]:
        """The source claims standing in one passage (as dicts)."""
        doc = self.srcset.passage(passage_id).document
        if doc not in self._loaded:
            self._loaded.add(doc)
            d = self._docs.get(doc)
            if d is not None:
                for r in self.srcset.claims_in(d.passage_ids).to_dict("records"):
                    if r.get("passage_id"):
                        self.by_passage.setdefault(str(r["passage_id"]), []).append(r)
        return self.by_passage.get(passage_id, [])

    def mentions(self, passage_id: str) -> list[Mention]:
        hit = self._mentions.get(passage_id)
        if hit is None:
            hit = []
            rows = self.rows(passage_id)
            by_sentence: dict[tuple[str, str], list[dict]] = {}
            for r in rows:
                by_sentence.setdefault((str(r.get("document")), text(r.get("sentence")) or ""), []).append(r)
            for (doc, sentence), rs in by_sentence.items():
                body = self._docs[doc].text if doc in self._docs else ""
                placed = []
                for r in rs:
                    start, end = int(r["start"]), int(r["end"])
                    s0 = body.rfind(sentence, max(0, start - len(sentence)), end + len(sentence)) if sentence else -1
                    if s0 < 0 or not (s0 <= start and end <= s0 + len(sentence)):
                        loc = _locate(sentence, text(r.get("span")) or "")
                        s0 = start - loc[0] if loc else start
                    placed.append((r, start - s0, end - s0))
                hit.extend(mentions_in(sentence, placed, passage_id=passage_id, document=doc))
            self._mentions[passage_id] = hit
        return hit


_INDEXED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def source_mentions(srcset) -> _SourceMentions:
    try:
        hit = _INDEXED.get(srcset)
    except TypeError:
        return _SourceMentions(srcset)
    if hit is None:
        hit = _SourceMentions(srcset)
        _INDEXED[srcset] = hit
    return hit


def _locate(sentence: str, span: str, nth: int = 0) -> tuple[int, int] | None:
    pos = -1
    for _ in range(nth + 1):
        pos = sentence.find(span, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(span)


RELATED_NAMES = 2  # proper names a document must share with the story to be taken as about its events
RELATED_WORDS = (
    0.4  # or the share of the story's content words it holds (a summary's source: 0.46-0.88 in benchmarks/data)
)
_NAME = re.compile(r"(?<![\w’'])([A-Z][\w’'.-]*[A-Za-z]|[A-Z]{2,})")


def proper_names(text_: str) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised words of a text that may name what it is about ("Haiti", "UNICEF", "Siemens"),
    lower-cased: (those inside sentences, those opening one, which are capitalised anyway). Function
    words, weekdays, months and agencies (claimkit/lexicon/not_names.txt) are left out."""
    skip = _name_skip()
    inside, opening = set(), set()
    for m in _NAME.finditer(text_ or ""):
        before = text_[max(0, m.start() - 3) : m.start()]
        w = m.group(1).lower().rstrip(".").replace("’s", "").replace("'s", "")
        if w in skip or len(w) < 2:
            continue
        if m.start() == 0 or re.search(r"[.!?\n\"“]\s*$", before):
            opening.add(w)
        else:
            inside.add(w)
    return frozenset(inside), frozenset(opening - inside)


def shared_names(
    story: tuple[frozenset[str], frozenset[str]], doc: tuple[frozenset[str], frozenset[str]]
) -> tuple[int, int]:
    """(names story and document share, names the story has): a sentence opener counts as a name when
    the other text has it inside a sentence ("Lufthansa posted…" and "… - Lufthansa swung…")."""
    s_in, s_open = story
    d_in, d_open = doc
    story_names = s_in | (s_open & d_in)
    return len(story_names & (d_in | d_open)), len(story_names)


@lru_cache(maxsize=1)
def _name_skip() -> frozenset[str]:
    from claimkit.lexicon import words

    return _stopwords() | frozenset(words("not_names.txt"))


def topic_words(body: str) -> frozenset[str]:
    """The content words of a text that say what it is about (not verbs of change, "percent", "billion")."""
    return frozenset(c for w, _, _ in tokens(body) if (c := content(w)) and word_weight(c) >= 1)


def story_profile(ctx: CheckContext) -> tuple:
    """The story's proper names and content words (from its text, else its claims' sentences), once per context."""
    hit = getattr(ctx, "_story_profile", None)
    if hit is None:
        body = ctx.text or " ".join(dict.fromkeys(str(c.get("sentence") or "") for c in ctx.claims))
        hit = (proper_names(body), topic_words(body))
        try:
            ctx._story_profile = hit
        except AttributeError:
            pass
    return hit


def claim_mention(claim: dict, ctx: CheckContext) -> Mention:
    """The story claim as a :class:`Mention`, with the other claims of its sentence competing for its words."""
    sentence = text(claim.get("sentence")) or text(claim.get("span")) or ""
    same = [c for c in ctx.claims if (text(c.get("sentence")) or "") == sentence] or [claim]
    same = sorted(same, key=lambda c: num(c.get("start")) or 0)
    seen: dict[str, int] = {}
    placed, mine = [], None
    for c in same:
        span = text(c.get("span")) or ""
        n = seen.get(span, 0)
        seen[span] = n + 1
        loc = _locate(sentence, span, n) or _locate(sentence, span)
        if loc is None:
            continue
        placed.append((c, loc[0], loc[1]))
    if not any(c is claim or c.get("claim_id") == claim.get("claim_id") for c, _, _ in placed):
        loc = _locate(sentence, text(claim.get("span")) or "") or (0, 0)
        placed.append((claim, loc[0], loc[1]))
    for m in mentions_in(sentence, placed):
        if m.row is claim or (claim.get("claim_id") is not None and m.row.get("claim_id") == claim.get("claim_id")):
            mine = m
    return mine


def candidate_passages(claim: dict, srcset, k: int = SEARCH_K) -> list[tuple[object, float]]:
    """The passages the search index ranks highest for the claim's sentence (and for its span alone)."""
    sentence = text(claim.get("sentence")) or ""
    span = text(claim.get("span")) or ""
    seen, out = set(), []
    for query in (sentence, span + " " + (text(claim.get("subject")) or "")):
        if not query.strip():
            continue
        for p, score in srcset.search(query, k=k):
            if p.id not in seen:
                seen.add(p.id)
                out.append((p, score))
    return out
