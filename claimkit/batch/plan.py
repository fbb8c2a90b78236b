"""What a batch will do: one task per article, each with a safe output folder of its own.

Folder names come from the article, never from a path in the input: a slug of the title (or the
file name) limited to ``[a-z0-9-]`` plus the article id, so ``../../etc`` in a feed cannot
escape the batch folder and two runs of the same text land in the same folder (which is what
``--resume`` relies on).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimkit.errors import InputError

MANIFEST = "manifest.json"  # written last by the article notebook (claimkit.outputs)
SOURCE_RECORD = "source.json"  # a feed record, materialised as an article file
RUN_LOG = "run.log"
STATE_DIR = ".claimkit-batch"  # locks and scratch files; never an article folder
SLUG_MAX = 40


def slug(text: str | None, fallback: str = "article") -> str:
    """``"Russia's 100,000 troops / Ukraine"`` → ``"russia-s-100-000-troops-ukraine"`` (ASCII, no dots or slashes)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:SLUG_MAX].rstrip("-") or fallback


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class ArticleTask:
    """One article of a batch. Plain data, so it travels to a worker process or a Dask cluster."""

    order: int
    key: str  # the folder name inside the batch folder
    source: str  # where the article came from: a path, or ``feed.jsonl:LINE``
    folder: str  # absolute path of the article's output folder
    notebook: str  # the article notebook to execute
    parameters: dict = field(default_factory=dict)
    article_id: str | None = None
    title: str | None = None
    published: str | None = None
    record: dict | None = None  # a feed record, written to SOURCE_RECORD before the run
    error: str | None = None  # the article could not be read: recorded as a failure, never run

    def to_dict(self) -> dict:
        return asdict(self)


def safe_folder(out: Path, key: str) -> Path:
    """``out / key``, refusing anything that would not be a direct child of ``out``."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key):
        raise InputError(key, "not a safe folder name")
    folder = (out / key).resolve()
    if folder.parent != out.resolve():
        raise InputError(key, "folder would escape the batch folder")
    return folder


def is_complete(folder: str | Path, notebook_name: str) -> bool:
    """A folder is complete when the notebook wrote its manifest (last of its files) and the executed notebook is in place."""
    folder = Path(folder)
    return (folder / MANIFEST).is_file() and (folder / notebook_name).is_file()


def _feed_record(article) -> dict:
    """An Article from a feed, as a JSON article the notebook can load (loading it gives the same article)."""
    record = {k: v for k, v in (article.meta or {}).items() if k not in {"feed_id", "text", "html", "body"}}
    record.update(
        text=article.text,
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        url=article.url,
        source_name=article.source_name,
    )
    if article.meta.get("feed_id"):
        record["id"] = article.meta["feed_id"]
    return {k: v for k, v in record.items() if v is not None}


def article_sources(article, base: Path) -> list[str]:
    """The article's own source documents: the ``sources`` list of its sidecar or feed record (a path or a
    list of paths, relative to the sidecar's or the feed's folder), as absolute paths; a missing one is an InputError."""
    own = (article.meta or {}).get("sources")
    if not own:
        return []
    if isinstance(own, str):
        own = [own]
    if not isinstance(own, list) or not all(isinstance(p, str) for p in own):
        raise InputError(article.path or article.title or "article", "'sources' must be a path or a list of paths")
    out = []
    for p in own:
        full = (Path(base) / p).resolve()
        if not full.exists():
            raise InputError(full, f"source named by {article.path or 'the feed record'} not found")
        out.append(str(full))
    return out


def plan_batch(sources, out_dir, *, notebook, parameters: dict | None = None) -> list[ArticleTask]:
    """One task per article named by ``sources`` (folders, globs, files, JSON Lines feeds), in input order.

    An unreadable article becomes a task with ``error`` set; a missing source raises InputError.
    """
    from claimkit.articles import FEED_SUFFIXES, iter_sources, load_article, read_feed
    from claimkit.runner import coerce_parameters, declared_parameters

    out = Path(out_dir).resolve()
    notebook = Path(notebook).resolve()
    if not notebook.is_file():
        raise InputError(notebook, "no such notebook")
    declared = declared_parameters(notebook)
    user_params = coerce_parameters(dict(parameters or {}), declared, notebook)
    for reserved in ("article", "output_dir"):
        if reserved in user_params:
            raise InputError(notebook, f"parameter {reserved!r} is set by the batch for each article")

    paths = list(iter_sources(list(sources)))
    if not paths:
        raise InputError(", ".join(map(str, sources)), "no articles found")

    tasks: list[ArticleTask] = []
    seen: set[str] = set()

    def add(source: str, *, article=None, record=None, path=None, error=None, stem="article", raw=None, base=None):
        if article is not None:
            key = f"{slug(article.title or stem)}-{article.id.removeprefix('a-')}"
        else:  # unreadable: named by its bytes (or, for a feed line, where it came from)
            key = f"{slug(stem)}-x{hashlib.sha1(raw).hexdigest()[:12] if raw is not None else _digest(source)}"
        if key in seen:  # the same text twice: keep both, the second named by its source
            key = f"{key}-{_digest(source)[:6]}"
        seen.add(key)
        folder = safe_folder(out, key)
        params = dict(user_params)
        if article is not None:
            params["article"] = str(folder / SOURCE_RECORD) if record is not None else str(Path(path).resolve())
            params["output_dir"] = str(folder)
            if "published" in declared and not params.get("published") and article.published:
                params["published"] = article.published.isoformat()
            try:  # a bad sources list fails this article only
                own = article_sources(article, base or (Path(path).parent if path else out))
                if own and "sources" not in declared:
                    raise InputError(
                        source, f"the article names sources but {notebook.name} takes no 'sources' parameter"
                    )
            except InputError as exc:
                own, error = [], str(exc)
            if own:
                params["sources"] = list(dict.fromkeys(list(params.get("sources") or []) + own))
        tasks.append(
            ArticleTask(
                order=len(tasks),
                key=key,
                source=source,
                folder=str(folder),
                notebook=str(notebook),
                parameters=params,
                article_id=getattr(article, "id", None),
                title=getattr(article, "title", None),
                published=article.published.isoformat() if article is not None and article.published else None,
                record=record,
                error=error,
            )
        )

    for path in paths:
        if path.suffix.lower() in FEED_SUFFIXES:
            errors: list = []
            for art in read_feed(path, errors):
                add(art.path or str(path), article=art, record=_feed_record(art), stem=path.stem, base=path.parent)
            for err in errors:  # bad lines, by line number
                add(err.source, error=err.reason, stem=f"{path.stem}-line-{err.line}")
            continue
        try:
            art = load_article(path)
        except InputError as exc:
            try:
                raw = path.read_bytes()
            except OSError:
                raw = None
            add(str(path), error=exc.reason, stem=path.stem, raw=raw)
            continue
        add(str(path), article=art, path=path, stem=path.stem)
    return tasks
