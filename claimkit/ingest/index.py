"""Search over passages: bm25 by the bm25s library (sparse matrices in numpy/scipy).

bm25s scores a query with a few vectorised operations over precomputed per-term scores: about
half a millisecond per claim against thousands of passages (SQLite FTS5, tried first, spent 5 ms
computing bm25 row by row for the hundreds of passages an OR query matches).

Tokens: lower-cased words without English stopwords, stemmed by PyStemmer's Snowball English
stemmer ("troops" and "troop" meet); a number is one token with its thousands separators
removed ("83,092,962" and "83092962" meet; "4.5" stays "4.5"), so a figure is found as a whole,
never by its digit groups. ``to_bytes``/``from_bytes`` carry the index through the source cache
(bm25s's own save/load, packed into one blob).
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from claimkit.lexicon import table, words

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt"))


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return lru_cache(maxsize=200_000)(Stemmer.Stemmer("english").stemWord)


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    """Scale words ("million", "lakh") and their values, from the quantities' lexicon."""
    return {row["token"].lower(): float(row["value"]) for row in table("scales.tsv") if row["form"] == "word"}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, str]:
    """Number words up to ninety ("seven" -> "7"), from the quantities' lexicon."""
    return {row["word"]: row["value"] for row in table("numbers.tsv") if row["class"] in ("unit", "teen", "tens")}


def _number(tok: str) -> str:
    return _THOUSANDS.sub("", tok).rstrip(".,")


def tokens(text: str) -> list[str]:
    """The search tokens of a text: stemmed content words and whole numbers.

    A number is also written out when a scale word follows it ("1.5 million" adds "1500000", as
    "1,500,000" gives), and a number word adds its digits ("seven" adds "7"), so the same figure
    written two ways still meets.
    """
    stem = _stemmer()
    stop = _stopwords()
    scales = _scales()
    number_words = _number_words()
    out = []
    raw = [m.group() for m in _TOKEN.finditer(text.lower())]
    for i, tok in enumerate(raw):
        if tok[0].isdigit():
            number = _number(tok)
            out.append(number)
            scale = scales.get(raw[i + 1]) if i + 1 < len(raw) else None
            if scale:
                try:
                    value = float(number) * scale
                except ValueError:  # "1.2.3": a version or a date, not a figure
                    continue
                if value.is_integer():
                    out.append(str(int(value)))
        elif len(tok) > 1 and tok not in stop:
            out.append(stem(tok))
            if tok in number_words:
                out.append(number_words[tok])
    return out


class PassageIndex:
    """bm25 ranking of passages, numbered 0..n-1 in the order they were given."""

    def __init__(self, retriever, count: int):
        self._bm25 = retriever
        self.count = count

    @classmethod
    def build(cls, texts: list[str]) -> PassageIndex:
        import bm25s

        corpus = [tokens(t) or [""] for t in texts]  # bm25s wants at least one token a document
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        return cls(retriever, len(texts))

    def search(self, query: str, k: int = 20) -> list[tuple[int, float]]:
        """``(passage number, score)`` of up to ``k`` passages sharing a token with ``query``, best first."""
        import numpy as np

        vocab = self._bm25.vocab_dict
        terms = [t for t in dict.fromkeys(tokens(query)) if t in vocab and t]
        if not terms or k <= 0:
            return []
        scores = self._bm25.get_scores(terms)
        k = min(int(k), len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.lexsort((top, -scores[top]))]  # best first; equal scores in passage order
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    # ------------------------------------------------------------ the cache's copy

    def to_bytes(self) -> bytes:
        with tempfile.TemporaryDirectory(prefix="claimkit-index-") as tmp:
            self._bm25.save(tmp, show_progress=False)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
                for p in sorted(Path(tmp).iterdir()):
                    zf.write(p, p.name)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, expected_count: int) -> PassageIndex:
        """An index saved by :meth:`to_bytes`; ``ValueError`` unless it is whole and holds ``expected_count`` passages."""
        import bm25s

        try:
            with tempfile.TemporaryDirectory(prefix="claimkit-index-") as tmp:
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    zf.extractall(tmp)
                retriever = bm25s.BM25.load(tmp, show_progress=False)
        except Exception as exc:  # a damaged copy fails in zipfile, numpy or json: rebuild it
            raise ValueError(f"not a usable index ({type(exc).__name__}: {exc})") from None
        if int(retriever.scores["num_docs"]) != expected_count:
            raise ValueError("index does not match its passages")
        return cls(retriever, expected_count)
