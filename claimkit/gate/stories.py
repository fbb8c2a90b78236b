"""Which stories a check looks at: files and folders given, or the files changed since a git revision.

Only story files claimkit reads (``.txt .md .markdown .html .htm .json``) count. A file named on the
command line must be a story (anything else is bad input); files found by walking a folder or by
``--changed-since`` are filtered: sidecars (``story.meta.json``) and JSON files that are not an
article record (configuration, a reviews file) are skipped, and so are hidden folders (``.git``)
and the check's own output folder. A changed sidecar brings in its story.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from claimkit.errors import InputError


def _suffixes():
    from claimkit.articles import ARTICLE_SUFFIXES, SIDECAR_SUFFIX

    return ARTICLE_SUFFIXES, SIDECAR_SUFFIX


def _is_article_json(path: Path) -> bool:
    """A JSON file found by a walk is a story only when it is an article record (an object with text or html)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return True  # let loading report what is wrong with it
    return isinstance(data, dict) and bool(data.get("text") or data.get("html"))


def _walked_story(path: Path, skip: list[Path]) -> bool:
    suffixes, sidecar = _suffixes()
    if not path.is_file() or path.suffix.lower() not in suffixes or path.name.endswith(sidecar):
        return False
    resolved = path.resolve()
    if any(resolved == s or s in resolved.parents for s in skip):
        return False
    return not (path.suffix.lower() == ".json" and not _is_article_json(path))


def _walk(folder: Path, skip: list[Path]):
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(root, d).resolve() not in skip)
        for name in sorted(files):
            p = Path(root, name)
            if _walked_story(p, skip):
                yield p


def story_for(path: Path) -> Path | None:
    """The story a sidecar (``story.meta.json``) belongs to, if that story exists."""
    suffixes, sidecar = _suffixes()
    if not path.name.endswith(sidecar):
        return None
    stem = path.name[: -len(sidecar)]
    for suffix in suffixes:
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def git_root(where: Path) -> Path | None:
    """The top of the git work tree holding ``where`` (None outside one, or without git)."""
    if shutil.which("git") is None:
        return None
    proc = subprocess.run(["git", "-C", str(where), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    return Path(proc.stdout.strip()).resolve() if proc.returncode == 0 and proc.stdout.strip() else None


def changed_files(rev: str, where: Path) -> tuple[Path, list[Path]]:
    """The repository holding ``where`` and the files of its work tree that differ from ``rev`` (deleted ones left
    out), with the new files git does not track yet (ignored ones left out)."""
    if shutil.which("git") is None:
        raise InputError("--changed-since", "git is not installed")
    root = git_root(where)
    if root is None:
        raise InputError(where, "--changed-since needs a git repository, and this is not inside one")
    if rev.startswith("-"):
        raise InputError(rev, "not a git revision")
    proc = subprocess.run(
        ["git", "-C", str(root), "diff", "--name-only", "-z", "--diff-filter=d", rev, "--"], capture_output=True
    )
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            rev, f"not a revision of the repository at {root} ({reason[0] if reason else 'git diff failed'})"
        )
    names = [n for n in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    # new files not yet added are changes of the work tree too (on a desk's machine; CI has none)
    untracked = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--others", "--exclude-standard"], capture_output=True
    )
    if untracked.returncode == 0:
        names += [n for n in untracked.stdout.decode("utf-8", "surrogateescape").split("\0") if n and n not in names]
    return root, [root / n for n in names]


def _covers(source: Path, changed: Path) -> bool:
    """``changed`` is the source file, or lies in the source folder."""
    return changed == source or source in changed.parents


def select_stories(paths, *, changed_since: str | None = None, skip=(), sources=()) -> list[Path]:
    """The story files to check, in a stable order, without duplicates.

    ``paths``: files and folders (default: the working directory). With ``changed_since``, only
    the files under ``paths`` that changed since that revision; a changed sidecar counts for its
    story, a changed source document for the stories checked against it (all of them when it is
    one of ``sources``, the documents given for every story). ``skip``: folders never to look into (the output folder, a reviews file).
    """
    suffixes, _ = _suffixes()
    skip = [Path(s).resolve() for s in skip]
    given = [Path(p) for p in (paths or [])]
    for p in given:
        if not p.exists():
            raise InputError(p, "no such file or folder")
    stories: list[Path] = []
    if changed_since is not None:
        where = given[0] if given else Path.cwd()
        root, changed = changed_files(changed_since, where if where.is_dir() else where.parent)
        scope = [p.resolve() for p in given] or [root]

        def in_scope(path: Path) -> bool:
            r = path.resolve()
            return any(r == s or s in r.parents for s in scope)

        others = []
        for f in changed:
            f = story_for(f) or f
            if in_scope(f) and _walked_story(f, skip):
                stories.append(f)
            elif f.is_file():
                others.append(f.resolve())
        if others:  # a changed source document: the stories checked against it
            everyone = [s for p in scope for s in ([p] if p.is_file() else _walk(p, skip))]
            global_sources = [Path(s).resolve() for s in sources if "://" not in str(s)]
            if any(_covers(src, f) for src in global_sources for f in others):
                stories.extend(everyone)
            else:
                stories.extend(
                    s
                    for s in everyone
                    if any(_covers(Path(src), f) for src in story_sources(s) if "://" not in src for f in others)
                )
    else:
        for p in given or [Path.cwd()]:
            if p.is_dir():
                stories.extend(_walk(p, skip))
            elif p.suffix.lower() in suffixes:
                stories.append(p)
            else:
                raise InputError(p, f"not a story file claimkit reads (expected one of {', '.join(suffixes)})")
        if not stories:
            raise InputError(", ".join(map(str, given)) or ".", "no story files found")
    seen, out = set(), []
    for s in stories:
        r = s.resolve()
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


def story_sources(story: Path) -> list[str]:
    """The sources a story's sidecar lists (``"sources": [...]``), paths made absolute from the sidecar's folder."""
    from claimkit.articles import _sidecar

    listed = _sidecar(story).get("sources") or []
    if isinstance(listed, str):
        listed = [listed]
    out = []
    for item in listed:
        item = str(item)
        if "://" in item:
            out.append(item)
        else:
            out.append(str((story.parent / item).resolve()))
    return out
