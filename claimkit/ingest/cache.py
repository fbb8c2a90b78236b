"""The on-disk cache of loaded sources, keyed by content hashes.

Folder: ``$CLAIMKIT_CACHE`` or ``~/.cache/claimkit``, then ``sources/v<N>/``. Entries are gzip
files written atomically (claimkit.files); gzip's CRC and length check catch a torn or damaged
entry, which is then deleted and rebuilt, never used. A cache that cannot be written (read-only
home, full disk) costs speed, not results: claimkit warns once and goes on without it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import warnings
import zlib
from functools import lru_cache
from pathlib import Path

from claimkit.files import atomic_write_bytes

FORMAT = 2  # bump when what a loader produces changes: old entries are then simply never found


def cache_root(cache_dir=None) -> Path:
    base = cache_dir or os.environ.get("CLAIMKIT_CACHE") or Path.home() / ".cache" / "claimkit"
    return Path(base).expanduser() / "sources" / f"v{FORMAT}"


class SourceCache:
    """Entries by (area, key): ``docs`` (one file's documents), ``claims`` (their claims), ``index``."""

    def __init__(self, cache_dir=None, enabled: bool = True):
        self.root = cache_root(cache_dir)
        self.enabled = enabled
        self._warned = False

    def _path(self, area: str, key: str) -> Path:
        return self.root / area / key[:2] / f"{key}.gz"

    def get_bytes(self, area: str, key: str) -> bytes | None:
        if not self.enabled:
            return None
        path = self._path(area, key)
        try:
            with gzip.open(path, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            return None
        except (OSError, EOFError, zlib.error):  # torn, truncated or damaged: rebuild
            self.discard(area, key)
            return None

    def get_json(self, area: str, key: str):
        data = self.get_bytes(area, key)
        if data is None:
            return None
        try:
            entry = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError):
            entry = None
        if not isinstance(entry, dict) or entry.get("key") != key:
            self.discard(area, key)
            return None
        return entry["value"]

    def put_bytes(self, area: str, key: str, data: bytes) -> None:
        if not self.enabled:
            return
        try:
            atomic_write_bytes(self._path(area, key), gzip.compress(data, compresslevel=1, mtime=0))
        except OSError as exc:
            if not self._warned:
                self._warned = True
                warnings.warn(
                    f"{self.root}: source cache not written ({exc.strerror or exc}); "
                    "sources will be read again next time",
                    stacklevel=3,
                )

    def put_json(self, area: str, key: str, value) -> None:
        self.put_bytes(
            area,
            key,
            json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"), default=str).encode(
                "utf-8"
            ),
        )

    def discard(self, area: str, key: str) -> None:
        try:
            self._path(area, key).unlink()
        except OSError:
            pass


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of claimkit's code and word lists, part of every key: an entry is only reused by the code that made it."""
    from claimkit.paths import PACKAGE as root  # the claimkit package folder

    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
