"""``claimkit check``: run the article notebook on the stories (as ``claimkit batch`` does), gate on the verdicts.

The stories go through :func:`claimkit.batch.run_batch` into ``OUT/stories/`` (one folder per
story, as a batch folder): its warm kernels, its atomic folders and its ``--resume`` are what
make a check fast. A story whose folder is complete and whose recorded key
(:mod:`claimkit.gate.cache`) equals the key of the story now is not run again; a folder whose key
differs is removed first, so the batch runs it afresh.
"""

from __future__ import annotations

import ast
import csv
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimkit.errors import InputError
from claimkit.vocab import VERDICTS

DEFAULT_OUT = "claimkit-check"
STORIES_DIR = "stories"
DEFAULT_FAIL_ON = ("contradicted",)
CAN_FAIL = tuple(v for v in VERDICTS if v != "supported")  # a gate never fails on "supported"


@dataclass
class ClaimResult:
    story: str  # the story file as shown (relative to the repository or the working directory)
    claim_id: str
    kind: str
    span: str
    sentence: str
    verdict: str  # final: the review's when reviewed
    auto_verdict: str
    method: str
    expected: str = ""
    note: str = ""
    reviewer: str = ""
    evidence_ids: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    fails: bool = False  # the final verdict is in --fail-on
    overridden: bool = False  # reviewed, and the automatic verdict alone would have failed the build
    report: str = ""  # link to the claim in the story's HTML report, relative to the output folder

    @property
    def reviewed(self) -> bool:
        return self.method == "review"


@dataclass
class StoryResult:
    story: str  # as shown
    path: str  # absolute
    folder: str  # the story's result folder, relative to the output folder
    status: str  # ok / failed
    error: str = ""
    reused: bool = False
    seconds: float | None = None
    claims: list[ClaimResult] = field(default_factory=list)

    @property
    def report(self) -> str:
        return f"{self.folder}/report.html"


@dataclass
class CheckResult:
    out_dir: Path
    fail_on: tuple
    stories: list[StoryResult] = field(default_factory=list)
    seconds: float = 0.0
    files: dict = field(default_factory=dict)  # name -> path of each output written

    @property
    def failing(self) -> list[ClaimResult]:
        return [c for s in self.stories for c in s.claims if c.fails]

    @property
    def overridden(self) -> list[ClaimResult]:
        return [c for s in self.stories for c in s.claims if c.overridden]

    @property
    def reviewed(self) -> list[ClaimResult]:
        return [c for s in self.stories for c in s.claims if c.reviewed]

    @property
    def errors(self) -> list[StoryResult]:
        return [s for s in self.stories if s.status != "ok"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failing or self.errors else 0


def parse_fail_on(value) -> tuple:
    items = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value or []) if v.strip()]
    if not items:
        raise InputError("--fail-on", "name at least one verdict")
    for v in items:
        if v not in CAN_FAIL:
            raise InputError("--fail-on", f"{v!r} is not a verdict that can fail a check ({', '.join(CAN_FAIL)})")
    return tuple(dict.fromkeys(items))


def display_root(stories: list[Path]) -> Path:
    """What story paths are shown relative to: $GITHUB_WORKSPACE, the git repository, or the working directory."""
    from claimkit.gate.stories import git_root

    ws = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR")
    if ws and stories and all(Path(ws).resolve() in s.parents for s in stories):
        return Path(ws).resolve()
    root = git_root(stories[0].parent) if stories else None
    if root is not None and all(root in s.parents for s in stories):
        return root
    return Path.cwd().resolve()


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(path)


def _source_param(sources: list[str], declared: dict):
    kind = declared["sources"]["type"]
    return list(sources) if kind == "list" else json.dumps(list(sources))


def run_check(
    paths=(),
    *,
    out_dir=DEFAULT_OUT,
    changed_since: str | None = None,
    fail_on=DEFAULT_FAIL_ON,
    reviews=None,
    sources=(),
    parameters: dict | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    notebook=None,
) -> CheckResult:
    """Check the stories named by ``paths`` (or those changed since ``changed_since``) and return the results.

    Writes nothing when the input is bad (InputError before any run); the caller writes the
    reports with :func:`claimkit.gate.formats.write_all`.
    """
    from claimkit.batch import is_complete, plan_batch, run_batch
    from claimkit.gate.cache import record_key, recorded_key, recorded_story, reviews_digest, story_key
    from claimkit.gate.stories import select_stories, story_sources
    from claimkit.runner import ARTICLE_NOTEBOOK, declared_parameters

    started = time.perf_counter()
    fail_on = parse_fail_on(fail_on)
    out = Path(out_dir).resolve()
    stories_dir = out / STORIES_DIR
    notebook = Path(notebook or ARTICLE_NOTEBOOK).resolve()
    params = dict(parameters or {})
    for reserved in ("reviews", "sources"):
        if reserved in params:
            raise InputError(f"-p {reserved}", f"use --{reserved}")

    review_items = None
    if reviews is not None:
        from claimkit.reviews import Reviews

        reviews = Path(reviews)
        if not reviews.is_file():
            raise InputError(reviews, "no such reviews file")
        Reviews.load(reviews)  # bad input stops here
        # as written in the file: loading completes a missing reviewed_at with the time of loading
        raw = json.loads(reviews.read_text(encoding="utf-8"))
        review_items = raw.get("reviews") if isinstance(raw, dict) else raw
        params["reviews"] = str(reviews.resolve())
    cli_sources = []
    for src in sources or ():
        if "://" not in str(src) and not Path(src).exists():
            raise InputError(src, "no such source file or folder")
        cli_sources.append(str(src) if "://" in str(src) else str(Path(src).resolve()))

    skip = [out] + ([reviews] if reviews is not None else [])
    stories = select_stories(paths, changed_since=changed_since, skip=skip, sources=cli_sources)
    result = CheckResult(out, fail_on)
    if not stories:
        result.seconds = time.perf_counter() - started
        return result

    declared = declared_parameters(notebook)
    all_sources = {s: story_sources(s) + cli_sources for s in stories}
    if any(all_sources.values()):
        if "sources" not in declared:
            which = next(s for s, v in all_sources.items() if v)
            raise InputError(
                which,
                f"sources are given but the article notebook {notebook.name} takes no 'sources' "
                "parameter yet (claimkit built without sources support)",
            )
        if cli_sources:  # one list for every story; a sidecar's own list is read by the notebook
            params["sources"] = _source_param(cli_sources, declared)

    tasks = plan_batch(stories, stories_dir, notebook=notebook, parameters=params)
    for task in tasks:
        if task.error:
            raise InputError(task.source, task.error)

    keys, todo = {}, 0
    for task, story in zip(tasks, stories):
        # paths out (they differ between checkouts): the story, reviews and sources count by content below
        key_params = {
            k: v for k, v in task.parameters.items() if k not in ("article", "output_dir", "reviews", "sources")
        }
        keys[task.order] = story_key(
            story,
            notebook=str(notebook),
            parameters=key_params,
            sources=all_sources[story],
            reviews_key=reviews_digest(review_items, task.article_id),
        )
        folder = Path(task.folder)
        if is_complete(folder, notebook.name) and recorded_key(folder) == keys[task.order]:
            continue
        todo += 1
        if folder.exists():  # a result of other inputs (or unfinished): the batch must not resume it
            shutil.rmtree(folder)

    rows = {}
    if todo:
        batch = run_batch(
            [str(s) for s in stories],
            stories_dir,
            workers=min(workers or os.cpu_count() or 1, todo),
            resume=True,
            parameters=params,
            notebook=notebook,
            progress=progress,
            summary_notebook=False,
        )
        rows = {r["order"]: r for r in batch.rows}

    root = display_root(stories)
    for task, story in zip(tasks, stories):
        folder = Path(task.folder)
        row = rows.get(task.order)
        if row is None:  # every story was a cache hit: no batch ran
            row = {"status": "ok", "reused": True, "error": "", "seconds": None}
        if row["status"] == "ok" and (not row.get("reused") or recorded_story(folder) != _shown(story, root)):
            record_key(folder, keys[task.order], _shown(story, root))  # new, or the same text under a new name
        sr = StoryResult(
            story=_shown(story, root),
            path=str(story),
            folder=f"{STORIES_DIR}/{task.key}",
            status=row["status"],
            error=row.get("error") or "",
            reused=bool(row.get("reused")),
            seconds=row.get("seconds"),
        )
        if sr.status == "ok" and not all((folder / name).is_file() for name in ("claims.csv", "article.json")):
            sr.status, sr.error = "failed", f"the article notebook {notebook.name} left no claims.csv and article.json"
        if sr.status == "ok":
            sr.claims = read_claims(folder, story, sr, fail_on)
        result.stories.append(sr)
    prune(stories_dir, {s.story for s in result.stories}, {Path(t.folder).name for t in tasks})
    result.seconds = time.perf_counter() - started
    return result


def prune(stories_dir: Path, shown: set, current: set) -> list[str]:
    """Remove the results of earlier versions of the stories just checked: one result per story file.

    A folder goes when its recorded story (as shown, relative to the repository) is one of this
    check's and it is not that story's folder now. Results of other stories stay (the cache).
    """
    from claimkit.gate.cache import KEY_FILE

    removed = []
    for folder in stories_dir.iterdir() if stories_dir.is_dir() else ():
        if folder.name in current or not (folder / KEY_FILE).is_file():
            continue
        try:
            story = json.loads((folder / KEY_FILE).read_text(encoding="utf-8")).get("story")
        except (OSError, ValueError, AttributeError):
            continue
        if story in shown:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def _list(value) -> list:
    if not value:
        return []
    try:
        out = json.loads(value)
    except ValueError:
        try:
            out = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
    return [str(v) for v in out] if isinstance(out, (list, tuple)) else [str(out)]


def read_claims(folder: Path, story: Path, sr: StoryResult, fail_on: tuple) -> list[ClaimResult]:
    """The claims of one finished story folder, with their verdicts and where they stand in the story file."""
    from claimkit.articles import decode_bytes
    from claimkit.display import claim_anchor
    from claimkit.gate.locate import Locator

    with open(folder / "claims.csv", newline="", encoding="utf-8") as fh:
        offsets = {r["claim_id"]: (int(r["start"]), int(r["end"])) for r in csv.DictReader(fh)}
    verdicts_file = folder / "verdicts.csv"
    if not verdicts_file.is_file():
        return []
    with open(verdicts_file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    article = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    markup = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}.get(story.suffix.lower())
    locator = Locator(decode_bytes(story.read_bytes(), story), article["text"], article.get("sentences"), markup)
    out = []
    for r in rows:
        verdict, auto = r.get("verdict") or "unverified", r.get("auto_verdict") or r.get("verdict") or "unverified"
        method = r.get("method") or "auto"
        c = ClaimResult(
            story=sr.story,
            claim_id=r["claim_id"],
            kind=r.get("kind") or "",
            span=r.get("span") or "",
            sentence=r.get("sentence") or "",
            verdict=verdict,
            auto_verdict=auto,
            method=method,
            expected=r.get("expected") or "",
            note=r.get("note") or "",
            reviewer=r.get("reviewer") or "",
            evidence_ids=_list(r.get("evidence_ids")),
            sources=_list(r.get("sources")),
            fails=verdict in fail_on,
            overridden=method == "review" and auto in fail_on and verdict not in fail_on,
            report=f"{sr.report}#{claim_anchor(r['claim_id'])}",
        )
        if r["claim_id"] in offsets:
            loc = locator.locate(*offsets[r["claim_id"]])
            if loc is not None:
                c.line, c.column, c.end_line, c.end_column = loc.line, loc.column, loc.end_line, loc.end_column
        out.append(c)
    return out
