"""What a story's result depends on, as one hash: a result with the same key is reused, never re-checked.

The key covers the story file's bytes and its sidecar's, the bytes of every source it is checked
against (the sidecar's ``sources`` and ``--sources``), the reviews that can apply to it, the
notebook parameters (a parameter naming a file or folder counts by its content), and claimkit
itself: its version, its code and lexicon, the article notebook, the expectation suites and the
shipped reference data. Paths do not count, so a cache restored in another checkout still hits.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

KEY_FILE = "check-key.json"  # in a story's result folder, written after its notebook finished
FORMAT = "claimkit-check/1"


def _feed_tree(h, path: Path) -> None:
    """Names (relative) and bytes of a file or of every file under a folder (hidden and cache folders left out)."""
    if path.is_file():
        h.update(b"F")
        h.update(path.read_bytes())
        return
    if not path.is_dir():
        h.update(b"?" + str(path).encode("utf-8", "surrogateescape"))
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            p = Path(root, name)
            h.update(b"\0" + str(p.relative_to(path)).encode("utf-8", "surrogateescape") + b"\0")
            h.update(p.read_bytes())


def content_digest(path: str | Path) -> str:
    h = hashlib.sha256()
    _feed_tree(h, Path(path))
    return h.hexdigest()


@lru_cache(maxsize=4)
def claimkit_digest(notebook: str) -> str:
    """claimkit's version, code and lexicon, the notebook, the expectation suites and the reference data."""
    import claimkit
    from claimkit.paths import EXPECTATIONS, PACKAGE, REFERENCE

    h = hashlib.sha256(f"{FORMAT}\0{claimkit.__version__}\0".encode())
    for part in (PACKAGE, Path(notebook), EXPECTATIONS, REFERENCE):
        h.update(b"\0" + part.name.encode() + b"\0")
        _feed_tree(h, part)
    return h.hexdigest()


def reviews_digest(reviews, article_id: str | None) -> str:
    """The reviews that can apply to one story: those of its article and those that name no article."""
    if reviews is None:
        return ""
    mine = sorted(
        (r for r in reviews if not r.get("article_id") or r.get("article_id") == article_id),
        key=lambda r: r["claim_id"],
    )
    return hashlib.sha256(json.dumps(mine, sort_keys=True, default=str).encode()).hexdigest()


def story_key(story: Path, *, notebook: str, parameters: dict, sources: list[str], reviews_key: str) -> str:
    """The cache key of one story's check (see the module's docstring)."""
    from claimkit.articles import SIDECAR_SUFFIX

    h = hashlib.sha256(claimkit_digest(str(notebook)).encode())
    h.update(b"\0story\0" + story.read_bytes())
    sidecar = story.with_name(story.name[: -len(story.suffix)] + SIDECAR_SUFFIX)
    if sidecar.is_file():
        h.update(b"\0sidecar\0" + sidecar.read_bytes())
    for src in sorted(sources):
        h.update(b"\0source\0")
        if "://" in src:
            h.update(src.encode())
        else:
            _feed_tree(h, Path(src))
    for name in sorted(parameters):
        value = parameters[name]
        h.update(f"\0param\0{name}\0".encode())
        if isinstance(value, str) and value and Path(value).exists():
            _feed_tree(h, Path(value))
        else:
            h.update(json.dumps(value, sort_keys=True, default=str).encode())
    h.update(b"\0reviews\0" + reviews_key.encode())
    return h.hexdigest()


def _recorded(folder: Path) -> dict:
    try:
        data = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_key(folder: Path) -> str | None:
    return _recorded(folder).get("key")


def recorded_story(folder: Path) -> str | None:
    """The story file (as shown: relative to the repository) whose result the folder holds."""
    return _recorded(folder).get("story")


def record_key(folder: Path, key: str, story: str) -> None:
    from claimkit.files import atomic_write_text

    atomic_write_text(folder / KEY_FILE, json.dumps({"key": key, "story": story}, indent=2))
