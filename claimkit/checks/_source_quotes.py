"""Quotes for the source check: where a quote's words stand in the sources, aligned word by word, and which differences change the sense."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimkit.checks._fields import text
from claimkit.checks._source_index import SEARCH_K, source_mentions
from claimkit.checks._source_words import tokens


@lru_cache(maxsize=1)
def _neutral() -> frozenset[str]:
    from claimkit.lexicon import words

    return frozenset(words("quote_neutral.txt"))


# ---------------------------------------------------------------- quotes


@dataclass
class QuoteMatch:
    passage: object
    share: float  # of the story's quote words found in order
    ops: list  # (tag, story words, source words)
    start: int  # offsets of the matched stretch in the passage text (may run past its end)
    end: int
    changes: list  # the ops that change the sense
    cited: list = field(default_factory=list)  # every passage the matched stretch touches
    words: str = ""  # the source's words of the matched stretch


def _quote_words(s: str) -> list[tuple[str, int, int]]:
    return [(w.lower().replace("’", "'"), a, b) for w, a, b in tokens(s)]


def align_quote(quote: str, passage_text: str) -> tuple[float, list, int, int]:
    """Word-level alignment of a quote with a passage: (share of the quote's words found in order, the
    opcodes over the best-matching stretch as (tag, quote words, passage words), stretch start, end)."""
    q = _quote_words(quote)
    p = _quote_words(passage_text)
    qw = [w for w, _, _ in q if w not in ("…", "...")]
    if not qw or not p:
        return 0.0, [], 0, 0
    pw = [w for w, _, _ in p]
    sm = difflib.SequenceMatcher(None, qw, pw, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, [], 0, 0
    # the densest run of blocks: start at the block that opens the longest chain with small gaps
    best, best_cover = (0, len(blocks)), -1
    for i in range(len(blocks)):
        cover, j = blocks[i].size, i
        while j + 1 < len(blocks) and blocks[j + 1].b - (blocks[j].b + blocks[j].size) <= max(3, len(qw) // 3):
            j += 1
            cover += blocks[j].size
        if cover > best_cover:
            best, best_cover = (i, j + 1), cover
    run = blocks[best[0] : best[1]]
    b0, b1 = run[0].b, run[-1].b + run[-1].size
    a0, a1 = run[0].a, run[-1].a + run[-1].size
    # extend to the quote's ends so leading/trailing changed words show in the diff
    b0 = max(0, b0 - a0)
    b1 = min(len(pw), b1 + (len(qw) - a1))
    window = pw[b0:b1]
    # the story's words, ellipses kept, against the window
    qfull = [w for w, _, _ in q]
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, qfull, window, autojunk=False).get_opcodes():
        ops.append((tag, qfull[i1:i2], window[j1:j2]))
    share = best_cover / len(qw)
    return share, ops, p[b0][1], p[b1 - 1][2]


def sense_changes(ops: list) -> list:
    """The differences that change what was said: any changed, added or dropped word that is not neutral,
    except words dropped where the story marks a trim with an ellipsis."""
    neutral = _neutral()
    out = []
    for n, (tag, qw, sw) in enumerate(ops):
        if tag == "equal":
            continue
        story_words = [w for w in qw if w not in ("…", "...")]
        trimmed = (
            any(w in ("…", "...") for w in qw)
            or (n > 0 and ops[n - 1][0] != "equal" and any(w in ("…", "...") for w in ops[n - 1][1]))
            or (n + 1 < len(ops) and any(w in ("…", "...") for w in ops[n + 1][1]))
        )
        if not story_words and trimmed:
            continue  # words dropped at an ellipsis
        words = set(story_words) | set(sw)
        if words <= neutral:
            continue
        if trimmed and not story_words:
            continue
        out.append((tag, qw, sw))
    return out


def diff_text(ops: list) -> str:
    """The word-level difference written out: "we [must → may] take" (story → source)."""
    parts = []
    for tag, qw, sw in ops:
        if tag == "equal":
            parts.append(" ".join(qw) if len(qw) <= 6 else " ".join(qw[:3]) + " … " + " ".join(qw[-3:]))
        elif tag == "replace":
            parts.append(f"[{' '.join(qw)} → {' '.join(sw)}]")
        elif tag == "delete":
            parts.append(f"[+{' '.join(qw)}]")
        else:
            parts.append(f"[-{' '.join(sw)}]")
    return " ".join(parts)


def _with_neighbours(srcset, passage) -> list:
    """The passage with the ones before and after it in its document (a quote may run over a page or passage break)."""
    try:
        doc = srcset.document(passage.document)
    except KeyError:
        return [passage]
    ids = doc.passage_ids
    i = ids.index(passage.id) if passage.id in ids else -1
    if i < 0:
        return [passage]
    return [srcset.passage(pid) for pid in ids[max(0, i - 1) : i + 2]]


def find_quote(quote: str, srcset, k: int = SEARCH_K) -> QuoteMatch | None:
    """The passage where the quote's words stand best, aligned word by word (run over into the passages
    beside it); ``passage`` is the one holding most of the quote, ``cited`` every passage the match touches."""
    best = None
    for p, _ in srcset.search(quote, k=k):
        run = _with_neighbours(srcset, p)
        joined, starts = "", []
        for q in run:
            starts.append(len(joined))
            joined += q.text + " "
        share, ops, s, e = align_quote(quote, joined)
        if best is None or share > best.share:
            touched = [q for q, st in zip(run, starts) if st < e and st + len(q.text) > s]
            main = max(
                touched or [p], key=lambda q: min(e, starts[run.index(q)] + len(q.text)) - max(s, starts[run.index(q)])
            )
            st = starts[run.index(main)]
            best = QuoteMatch(main, share, ops, s - st, e - st, sense_changes(ops))
            best.cited = touched or [p]
            best.words = joined[s:e]
    return best


def _speaker_in_source(srcset, match: QuoteMatch) -> str | None:
    """Who the source gives the quoted words to: the speaker of a source quote or attribution over the matched stretch."""
    index = source_mentions(srcset)
    doc_start = match.passage.start + match.start  # the stretch in document offsets
    doc_end = match.passage.start + match.end
    for p in match.cited or [match.passage]:
        for r in index.rows(p.id):
            if str(r.get("kind")) in ("quote", "attribution") and text(r.get("speaker")):
                if int(r["start"]) < doc_end and int(r["end"]) > doc_start:
                    return text(r.get("speaker"))
    return None


def _names_someone(speaker: str) -> bool:
    """Whether a speaker as resolved is a name (a capitalised word), not a pronoun or a common noun."""
    return any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'.-]*", speaker))
