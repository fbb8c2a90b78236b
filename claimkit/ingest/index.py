"""Full-text search over passages: SQLite FTS5 (in Python's standard library), ranked by bm25.

The index lives in an in-memory SQLite database; ``to_bytes``/``from_bytes`` (SQLite's own
serialisation) let the source cache keep it on disk and let a source set travel to batch workers.
Words are stemmed (FTS5's porter tokenizer over unicode61, accents folded); a number in a query
is searched as the phrase of its digit groups, so "83,092,962" finds "83,092,962" and not every
passage holding "83".
"""
from __future__ import annotations

import re
import sqlite3
import threading
from functools import lru_cache

from claimkit.lexicon import words

TOKENIZER = "porter unicode61 remove_diacritics 2"
MAX_QUERY_TERMS = 64
_TERM = re.compile(r"\d+(?:[.,\u202f']\d+)*|[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt"))


def match_expression(query: str) -> str | None:
    """An FTS5 query matching any of the query's content words or numbers; ``None`` if it has none."""
    terms: list[str] = []
    for m in _TERM.finditer(query.lower()):
        tok = m.group()
        if tok[0].isdigit():
            term = '"' + " ".join(re.findall(r"\d+", tok)) + '"'
        elif tok in _stopwords() or len(tok) < 2:
            continue
        else:
            term = f'"{tok}"'
        if term not in terms:
            terms.append(term)
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return " OR ".join(terms) if terms else None


class PassageIndex:
    """bm25 ranking of passages (numbered 0..n-1 in the order they were added)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        self._lock = threading.Lock()  # one connection, shared by the threads of a batch

    @classmethod
    def build(cls, texts: list[str]) -> "PassageIndex":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute(f"CREATE VIRTUAL TABLE passages USING fts5(text, tokenize='{TOKENIZER}')")
        conn.execute("CREATE TABLE meta (count INTEGER)")
        conn.executemany("INSERT INTO passages(rowid, text) VALUES (?, ?)", enumerate(texts))
        conn.execute("INSERT INTO meta VALUES (?)", (len(texts),))
        conn.execute("INSERT INTO passages(passages) VALUES ('optimize')")
        conn.commit()
        return cls(conn)

    @classmethod
    def from_bytes(cls, data: bytes, expected_count: int) -> "PassageIndex":
        """An index saved by :meth:`to_bytes`; ``ValueError`` unless it is whole and holds ``expected_count`` passages."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            conn.deserialize(data)
            (count,), = conn.execute("SELECT count FROM meta").fetchall()
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            rows = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        except sqlite3.Error as exc:
            conn.close()
            raise ValueError(f"not a usable index ({exc})") from None
        if not ok or count != expected_count or rows != expected_count:
            conn.close()
            raise ValueError("index does not match its passages")
        return cls(conn)

    def to_bytes(self) -> bytes:
        with self._lock:
            return self._conn.serialize()

    def search(self, query: str, k: int = 20) -> list[tuple[int, float]]:
        """``(passage number, score)`` of the ``k`` best passages, best first (score: -bm25, higher is better)."""
        expr = match_expression(query)
        if expr is None or k <= 0:
            return []
        with self._lock:
            rows = self._conn.execute(
                "SELECT rowid, bm25(passages) FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT ?",
                (expr, int(k))).fetchall()
        return [(int(r), -float(s)) for r, s in rows]

    def __getstate__(self):
        return {"data": self.to_bytes()}

    def __setstate__(self, state):
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.deserialize(state["data"])
        self._conn = conn
        self._lock = threading.Lock()
