"""Sources: the documents a story was written from, loaded once into passages with provenance.

    srcset = load_sources(["press-release.pdf", "briefing/", article])
    srcset.search("troops near the border with Ukraine", k=5)   # [(Passage, score), ...]
    srcset.claims        # the sources' own claims (the story's extractors), with passage_id, document
    srcset.evidence_rows(["p-3f2a9c1d0e-4"])                      # rows for the evidence table

A source is a path to a file or a folder (.txt .md .html .json .jsonl .pdf .docx .csv .tsv .xlsx
.parquet) or an :class:`~claimkit.articles.Article` (so a string of text works too). Each document
is split into passages (a few sentences inside one paragraph and one page, or one table cell with
its row and column labels), each with offsets into the document's text. A bad file is one line
in ``srcset.problems`` (and a :class:`SourceWarning`); the others are still used.

Loading, passages and the search index are cached on disk keyed by the files' content hashes
(claimkit.ingest.cache), so a batch pays for its sources once. Formats and limits:
claimkit.ingest.formats, claimkit.ingest.limits; docs/sources.md.
"""

from __future__ import annotations

import bisect
import glob
import hashlib
import os
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claimkit.articles import SIDECAR_SUFFIX, Article, load_article
from claimkit.errors import InputError
from claimkit.ingest.cache import FORMAT, SourceCache, code_version
from claimkit.ingest.formats import SOURCE_SUFFIXES, RawDocument, from_article, is_sidecar, read_file
from claimkit.ingest.index import PassageIndex
from claimkit.ingest.limits import check_size
from claimkit.ingest.passages import prose_windows
from claimkit.vocab import FIGURE_KINDS

__all__ = ["EVIDENCE_COLUMNS", "Passage", "SourceDocument", "SourceSet", "SourceWarning", "load_sources"]

EVIDENCE_COLUMNS = [
    "id",
    "document",
    "sha256",
    "page",
    "sheet",
    "row",
    "column",
    "start",
    "end",
    "text",
    "title",
    "published",
    "kind",
]


class SourceWarning(UserWarning):
    """A source file (or part of one) that could not be used; the message names the file and the reason."""


@dataclass(frozen=True)
class Passage:
    """A piece of a source a verdict can cite. ``start``/``end`` are offsets into its document's text;
    ``page`` for PDFs (1-based), ``sheet``/``row``/``column`` for table cells (row 1 is the header row)."""

    id: str
    document: str
    sha256: str
    page: int | None
    sheet: str | None
    row: int | None
    column: str | None
    start: int
    end: int
    text: str
    published: date | None
    title: str | None


@dataclass
class SourceDocument:
    """One loaded document. ``path``: the file, ``file:line N`` for a record of a feed, or the
    title/id of an Article given directly."""

    path: str
    sha256: str
    title: str | None
    published: date | None
    text: str
    kind: str
    passage_ids: list[str] = field(default_factory=list, repr=False)
    key: str = field(default="", repr=False)  # cache key of what was loaded (content, sidecar, loader format)
    cell_labels: dict[str, list[list[str]]] = field(default_factory=dict, repr=False)  # table passage -> row labels

    def __repr__(self) -> str:
        return (
            f"SourceDocument({self.path!r}, kind={self.kind!r}, published={self.published}, "
            f"{len(self.passage_ids)} passages)"
        )


class SourceSet:
    """Documents, their passages and a search index over them; build with :func:`load_sources`."""

    def __init__(
        self,
        documents: list[SourceDocument],
        passages: list[Passage],
        index: PassageIndex,
        problems: list[tuple[str, str]],
        skipped: list[tuple[str, str]],
        cache: SourceCache,
    ):
        self.documents = documents
        self.passages = passages
        self.problems = problems
        self.skipped = skipped
        self._index = index
        self._cache = cache
        self._by_id = {p.id: i for i, p in enumerate(passages)}
        self._by_name = {d.path: d for d in documents}
        self._claims: dict[str, object] = {}  # document path -> its claims (DataFrame)
        self._all_claims = None

    def __len__(self) -> int:
        return len(self.passages)

    def __repr__(self) -> str:
        return (
            f"SourceSet({len(self.documents)} documents, {len(self.passages)} passages, {len(self.problems)} problems)"
        )

    @property
    def pages(self) -> int:
        """Pages of source read: PDF pages, and one per document of any other kind."""
        return sum(len({p.page for p in self.passages_of(d)}) if d.kind == "pdf" else 1 for d in self.documents)

    def passage(self, passage_id: str) -> Passage:
        return self.passages[self._by_id[passage_id]]

    def passages_of(self, document: SourceDocument) -> list[Passage]:
        return [self.passage(i) for i in document.passage_ids]

    def document(self, name: str) -> SourceDocument:
        return self._by_name[name]

    def search_many(self, queries, k: int = 20) -> list[list[tuple[Passage, float]]]:
        """:meth:`search` for each query (the claims of a story), in order."""
        return [self.search(q, k) for q in queries]

    def search(self, query: str, k: int = 20) -> list[tuple[Passage, float]]:
        """The ``k`` passages that best match ``query`` (bm25 over stemmed words and whole numbers), best first."""
        return [(self.passages[i], score) for i, score in self._index.search(query, k)]

    def evidence_rows(self, passage_ids):
        """Rows of the evidence table for these passages (:data:`EVIDENCE_COLUMNS`), in the order given."""
        import pandas as pd

        ids = list(dict.fromkeys(passage_ids))
        unknown = [i for i in ids if i not in self._by_id]
        if unknown:
            raise KeyError(f"no such passage in this source set: {', '.join(map(str, unknown[:5]))}")
        kinds = {d.path: d.kind for d in self.documents}
        rows = []
        for pid in ids:
            p = self.passage(pid)
            rows.append(
                {
                    "id": p.id,
                    "document": p.document,
                    "sha256": p.sha256,
                    "page": p.page,
                    "sheet": p.sheet,
                    "row": p.row,
                    "column": p.column,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "title": p.title,
                    "published": p.published.isoformat() if p.published else None,
                    "kind": kinds[p.document],
                }
            )
        df = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
        for col in EVIDENCE_COLUMNS:
            if col in ("page", "row", "start", "end"):
                df[col] = pd.to_numeric(df[col]).astype("Int64")
            else:
                df[col] = df[col].astype(object).where(df[col].notna(), None)
        return df

    def context(self, passage_id: str, before: int = 1, after: int = 1) -> list[Passage]:
        """The passage with its neighbours in the same document (and on the same page), in text order."""
        p = self.passage(passage_id)
        ids = self.document(p.document).passage_ids
        i = ids.index(passage_id)
        around = [self.passage(x) for x in ids[max(0, i - before) : i + after + 1]]
        return [q for q in around if q.page == p.page and q.sheet == p.sheet]

    @property
    def claims(self):
        """The sources' own claims: ``extract_claims`` on each document, dated by the document's own date,
        with the columns ``passage_id`` and ``document`` added. Computed on first use (per document,
        kept on disk by content hash, so a batch or a re-run pays once)."""
        if self._all_claims is None:
            self._all_claims = self._claims_of(self.documents)
        return self._all_claims

    def claims_in(self, passage_ids):
        """The sources' claims that stand in these passages; only their documents' claims are extracted."""
        wanted = set(passage_ids)
        docs = {self.passage(i).document for i in wanted}
        df = self._claims_of([d for d in self.documents if d.path in docs])
        return df[df["passage_id"].isin(wanted)].reset_index(drop=True)

    def _claims_of(self, documents: list[SourceDocument]):
        import pandas as pd

        from claimkit.claims import CLAIM_COLUMNS

        frames = []
        for doc in documents:
            if doc.path not in self._claims:
                self._claims[doc.path] = self._document_claims(doc)
            frames.append(self._claims[doc.path])
        frames = [f for f in frames if len(f)]
        if not frames:
            return pd.DataFrame(columns=CLAIM_COLUMNS + ["passage_id", "document"])
        return pd.concat(frames, ignore_index=True)

    def _document_claims(self, doc: SourceDocument):
        import pandas as pd

        from claimkit.claims import extract_claims, normalise_claims

        key = _hash(f"claims|{doc.key}|{doc.sha256}|{doc.published}")  # doc.key holds the code version
        records = self._cache.get_json("claims", key)
        if records is not None:
            df = normalise_claims(pd.DataFrame(records))
        else:
            article = Article(text=doc.text, title=doc.title, published=doc.published)
            df = extract_claims(article)
            plain = df.astype(object).where(df.notna(), None)
            self._cache.put_json("claims", key, plain.to_dict("records"))
        passages = self.passages_of(doc)
        starts = [p.start for p in passages]

        def passage_of(pos) -> str | None:
            i = bisect.bisect_right(starts, int(pos)) - 1
            return passages[i].id if i >= 0 and pos < passages[i].end else None

        df["passage_id"] = [passage_of(s) for s in df["start"]] if len(df) else []
        df["document"] = doc.path
        if doc.cell_labels and len(df):
            _label_table_claims(df, doc, self)
        return df

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_claims"], state["_all_claims"] = {}, None  # recomputed (from the disk cache) where needed
        return state


_FIGURE_KINDS = FIGURE_KINDS


def _label_table_claims(df, doc: SourceDocument, srcset: SourceSet) -> None:
    """A figure in a table cell takes its subject and date from the cell's row and column labels
    (claimkit.ingest.cells), where the extractors, reading "Germany · 2019 · population · 83,092,962"
    without a sentence, found none. The date is marked as stated, as a date written in a sentence is."""
    import json

    from claimkit.ingest.cells import cell_context
    from claimkit.ingest.formats import CELL_SEPARATOR

    for i, r in enumerate(df.to_dict("records")):
        labels = doc.cell_labels.get(r["passage_id"]) if r["kind"] in _FIGURE_KINDS else None
        if labels is None:
            continue
        p = srcset.passage(r["passage_id"])
        value_from = p.start + p.text.rfind(CELL_SEPARATOR) + len(CELL_SEPARATOR)
        if int(r["start"]) < value_from:  # a figure among the labels (a code, a year), not the cell's value
            continue
        subject, when = cell_context(labels, p.column, doc.published)
        if r["subject"] is None and subject:
            df.at[i, "subject"] = subject
        if r["date"] is None and when:
            df.at[i, "date"] = when
            details = json.loads(r["details"]) if r["details"] else {}
            details.update(date_basis="stated", date_from="table labels")
            df.at[i, "details"] = json.dumps(details, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- loading


def load_sources(items, *, cache_dir=None, cache: bool = True) -> SourceSet:
    """Load source documents into a :class:`SourceSet`.

    ``items``: a path to a file or folder, a glob ("briefing/*.pdf"), an :class:`Article`, a string of
    text, or a list of those.
    Folders are read recursively (hidden files and sidecars skipped; unsupported files noted).
    Each unusable file adds ``(file, reason)`` to ``problems`` and a :class:`SourceWarning`;
    :class:`InputError` only when no usable source remains. ``cache_dir``: where loaded sources
    are kept (default ``$CLAIMKIT_CACHE`` or ``~/.cache/claimkit``); ``cache=False`` neither reads
    nor writes it.
    """
    if isinstance(items, (str, Path, Article)):
        items = [items]
    items = list(items or [])
    if not items:
        raise InputError(None, "no sources given")
    store = SourceCache(cache_dir, enabled=cache)
    problems: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    loaded: list[tuple[str, RawDocument, str]] = []  # (document name, raw document, cache key)
    for item in _expand(items, problems, skipped):
        if isinstance(item, Article):
            raw = from_article(item)
            key = _hash(f"article|{FORMAT}|{code_version()}|{raw.sha256}|{raw.published}|{raw.title}")
            loaded.append((item.path or item.title or item.id, raw, key))
            continue
        try:
            for name, raw, key in _load_file(item, store, problems):
                loaded.append((name, raw, key))
        except InputError as exc:
            problems.append((exc.source or str(item), exc.reason))
    documents, passages, seen, used = [], [], {}, set()
    for name, raw, key in loaded:
        if raw.sha256 in seen:
            skipped.append((name, f"same content as {seen[raw.sha256]}"))
            continue
        name = _unique_name(name, raw, used)
        seen[raw.sha256] = name
        doc = SourceDocument(
            path=name,
            sha256=raw.sha256,
            title=raw.title,
            published=raw.published,
            text=raw.text,
            kind=raw.kind,
            key=key,
        )
        cell_labels = raw.labels if raw.kind == "table" else []
        for n, (start, end, page, sheet, row, column) in enumerate(_spans(raw)):
            if n < len(cell_labels):
                doc.cell_labels[f"p-{raw.sha256[:10]}-{n}"] = cell_labels[n]
            p = Passage(
                id=f"p-{raw.sha256[:10]}-{n}",
                document=name,
                sha256=raw.sha256,
                page=page,
                sheet=sheet,
                row=row,
                column=column,
                start=start,
                end=end,
                text=raw.text[start:end],
                published=raw.published,
                title=raw.title,
            )
            passages.append(p)
            doc.passage_ids.append(p.id)
        documents.append(doc)
    for where, reason in problems:
        warnings.warn(f"{where}: {reason}", SourceWarning, stacklevel=2)
    if not passages:
        first = f" (first: {problems[0][0]}: {problems[0][1]})" if problems else ""
        raise InputError(None, f"no usable source among {len(items)} item(s){first}")
    return SourceSet(documents, passages, _index_for(documents, passages, store), problems, skipped, store)


def _spans(raw: RawDocument) -> list[tuple]:
    """The document's passages as ``(start, end, page, sheet, row, column)``, computed once (then cached)."""
    if raw.spans is None:
        if raw.kind == "table":
            raw.spans = [(start, end, None, sheet, row, column) for start, end, sheet, row, column in raw.cells]
        else:
            raw.spans = [
                (start, end, page, None, None, None) for start, end, page in prose_windows(raw.text, raw.regions)
            ]
    return raw.spans


def _unique_name(name: str, raw: RawDocument, used: set[str]) -> str:
    """Two documents never share a name (two Articles with the same title): the second gets its hash."""
    if name in used:
        name = f"{name} [{raw.sha256[:10]}]"
    used.add(name)
    return name


def _index_for(documents: list[SourceDocument], passages: list[Passage], store: SourceCache) -> PassageIndex:
    key = _hash("index|" + "|".join(f"{d.key}:{d.sha256}:{len(d.passage_ids)}" for d in documents))
    data = store.get_bytes("index", key)
    if data is not None:
        try:
            return PassageIndex.from_bytes(data, len(passages))
        except ValueError:
            store.discard("index", key)
    index = PassageIndex.build([p.text for p in passages])
    store.put_bytes("index", key, index.to_bytes())
    return index


def _load_file(path: Path, store: SourceCache, problems: list) -> list[tuple[str, RawDocument, str]]:
    check_size(path)
    content = _file_sha256(path)
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    side_sha = _file_sha256(side) if side is not None and side.is_file() else "-"
    key = _hash(f"docs|{FORMAT}|{code_version()}|{path.suffix.lower()}|{content}|{side_sha}")
    entry = store.get_json("docs", key)
    if entry is None:
        found: list[tuple[str, str]] = []
        docs = read_file(path, content, found)
        for d in docs:
            _spans(d)
        prefix = str(path)
        notes = [(w[len(prefix) :] if w.startswith(prefix) else "", r) for w, r in found]
        store.put_json("docs", key, {"documents": [d.to_json() for d in docs], "problems": notes})
    else:
        docs = [RawDocument.from_json(d) for d in entry["documents"]]
        notes = entry["problems"]
    problems.extend((f"{path}{where}", reason) for where, reason in notes)
    return [(f"{path}{d.part or ''}", d, key) for d in docs]


def _expand(items, problems: list, skipped: list):
    """Articles and file paths, folders walked in sorted order."""
    for item in items:
        if isinstance(item, Article):
            yield item
            continue
        if isinstance(item, str) and not _names_a_path(item):
            try:
                yield load_article(item)
            except InputError as exc:
                problems.append(("(text)", exc.reason))
            continue
        if not isinstance(item, (str, Path)):
            problems.append((repr(item)[:80], f"cannot use a {type(item).__name__} as a source"))
            continue
        path = Path(item)
        if not path.exists() and any(ch in str(item) for ch in "*?["):
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                problems.append((str(item), "no file matches this pattern"))
            for match in matches:
                m = Path(match)
                if m.is_file() and not is_sidecar(m):
                    yield m
                elif m.is_dir():
                    yield from _walk(m, problems, skipped)
        elif path.is_dir():
            yield from _walk(path, problems, skipped)
        elif path.is_file():
            yield path
        else:
            problems.append((str(item), "no such file or folder"))


def _walk(folder: Path, problems: list, skipped: list):
    """Every source file under ``folder`` in sorted order; hidden files and folders (".git") are not entered."""
    for root, dirs, files in os.walk(folder):
        hidden = sorted(d for d in dirs if d.startswith("."))
        skipped.extend((str(Path(root, d)), "hidden folder") for d in hidden)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root, name)
            if name.startswith("."):
                skipped.append((str(p), "hidden file"))
            elif is_sidecar(p):
                continue
            elif p.suffix.lower() not in SOURCE_SUFFIXES:
                problems.append((str(p), f"unsupported source format {p.suffix or '(no suffix)'}; skipped"))
            else:
                yield p


def _names_a_path(s: str) -> bool:
    """A string is a path when it is one line that exists, ends in a source suffix, or has no space."""
    if "\n" in s or "\x00" in s or len(s) >= 4096 or not s.strip():
        return False
    try:
        p = Path(s)
        # one "word" is a path (a mistyped folder name must not become a one-word source text)
        return p.exists() or p.suffix.lower() in SOURCE_SUFFIXES or not any(ch.isspace() for ch in s.strip())
    except (OSError, ValueError):
        return False


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return h.hexdigest()
