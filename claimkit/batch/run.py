"""``claimkit batch``: many articles through the article notebook, in parallel, resumable.

The parent plans the tasks, hands them to workers (local processes, or a Dask cluster), and
keeps the summary table up to date as results arrive; each worker executes notebooks in its
own warm kernel (:mod:`claimkit.batch.worker`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from claimkit.batch.plan import STATE_DIR, is_complete, plan_batch
from claimkit.batch.worker import VERDICTS, record_unreadable, result_row

SUMMARY_CSV = "summary.csv"
SUMMARY_JSONL = "summary.jsonl"
BATCH_JSON = "batch.json"
SUMMARY_NOTEBOOK = "batch_summary.ipynb"
SUMMARY_COLUMNS = [
    "order",
    "key",
    "source",
    "article_id",
    "title",
    "published",
    "status",
    "error",
    "claims",
    *VERDICTS,
    "seconds",
    "worker",
    "reused",
    "finished_at",
    "folder",
]


@dataclass
class BatchResult:
    out_dir: Path
    rows: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    summary_error: str = ""

    @property
    def ok(self) -> list[dict]:
        return [r for r in self.rows if r["status"] == "ok"]

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.rows if r["status"] == "failed"]

    @property
    def ran(self) -> list[dict]:
        return [r for r in self.rows if r["status"] != "pending" and not r.get("reused")]


class SummaryWriter:
    """summary.csv and summary.jsonl, rewritten atomically as results arrive (at most every ``every`` s)."""

    def __init__(self, out: Path, tasks, every: float = 1.0):
        self.out = out
        self.rows = {
            t.order: {
                **dict.fromkeys(SUMMARY_COLUMNS),
                "order": t.order,
                "key": t.key,
                "source": t.source,
                "article_id": t.article_id,
                "title": t.title,
                "published": t.published,
                "status": "pending",
                "folder": t.key,
            }
            for t in tasks
        }
        self.every = every
        self._last = 0.0

    def add(self, row: dict) -> None:
        self.rows[row["order"]] = row
        if time.monotonic() - self._last >= self.every:
            self.write()

    def write(self) -> None:
        import csv
        import io

        from claimkit.files import atomic_write_text

        rows = [self.rows[k] for k in sorted(self.rows)]
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
        atomic_write_text(self.out / SUMMARY_CSV, buf.getvalue())
        atomic_write_text(
            self.out / SUMMARY_JSONL,
            "".join(json.dumps({c: r.get(c) for c in SUMMARY_COLUMNS}, ensure_ascii=False) + "\n" for r in rows),
        )
        self._last = time.monotonic()


class Progress:
    """A tqdm bar with done / failed / remaining and the time left; silent when not asked for."""

    def __init__(self, total: int, initial: int, enabled: bool):
        self.done, self.failed, self.total = initial, 0, total
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                initial=initial,
                unit="article",
                file=sys.stderr,
                dynamic_ncols=True,
                desc="claimkit batch",
                smoothing=0.1,
            )
            self._postfix()

    def _postfix(self):
        if self.bar is not None:
            self.bar.set_postfix(
                done=self.done, failed=self.failed, remaining=self.total - self.done - self.failed, refresh=False
            )

    def update(self, row: dict) -> None:
        if row["status"] == "ok":
            self.done += 1
        else:
            self.failed += 1
        if self.bar is not None:
            self._postfix()
            self.bar.update(1)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def _local_executor(workers: int, prestart: bool = False):
    """A pool of ``workers`` processes; ``prestart`` starts them (and their kernels) now rather than on first use."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from claimkit.batch.worker import init_worker, started

    # not fork: the parent may hold threads (tqdm) and open sockets that a child must not inherit. A fork
    # server is a fresh process: it imports papermill once and forks the workers from there
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["claimkit.batch._preload"])
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=init_worker, initargs=(os.getpid(),)
    )
    if prestart:
        for _ in range(workers):  # with spawn, each submit to a pool without an idle worker starts one
            pool.submit(started)
    return pool


def _start_zygote():
    """The batch's kernel zygote, exported to the workers; None without ``os.fork`` or with ``$CLAIMKIT_ZYGOTE=off``."""
    from claimkit import zygote
    from claimkit.kernels import PRELOAD

    if not hasattr(os, "fork") or os.environ.get(zygote.ENV_ADDRESS) == "off":
        return None
    return zygote.Zygote(PRELOAD).export()


def _expected_articles(sources) -> int:
    """How many articles ``sources`` name, at a glance (a feed counts as many): no more workers than that."""
    from claimkit.articles import FEED_SUFFIXES, iter_sources

    try:
        paths = list(iter_sources(list(sources)))
    except Exception:  # planning reports it properly
        return 1
    return 1 << 30 if any(p.suffix.lower() in FEED_SUFFIXES for p in paths) else max(1, len(paths))


def _env_for_workers() -> None:
    """Workers and their kernels must import this checkout's claimkit."""
    from claimkit.paths import ROOT

    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [str(ROOT), *paths] if p)


def run_batch(
    sources,
    out_dir,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    parameters: dict | None = None,
    notebook=None,
    progress: bool | None = None,
    summary_notebook: bool = True,
) -> BatchResult:
    """Run the article notebook for every article in ``sources``; one folder per article in ``out_dir``.

    ``scheduler``: the address of a Dask scheduler (``tcp://host:8786``) or a ``distributed.Client``;
    the output folder must then be visible to its workers at the same path. ``resume``: keep the
    folders that are complete and run the rest.
    """
    from claimkit.runner import ARTICLE_NOTEBOOK

    started = time.perf_counter()
    out = Path(out_dir).resolve()
    notebook = Path(notebook or ARTICLE_NOTEBOOK).resolve()
    pool = zygote = None
    if scheduler is None:
        # one zygote imports what the notebooks need, once; each worker's kernel is forked from it
        # (claimkit.zygote). Both warm up while this process reads the articles.
        _env_for_workers()
        zygote = _start_zygote()
        pool = _local_executor(max(1, min(workers or os.cpu_count() or 1, _expected_articles(sources))), prestart=True)
    try:
        tasks = plan_batch(sources, out, notebook=notebook, parameters=parameters)
    except BaseException:
        if pool is not None:
            _stop_pool(pool)
        if zygote is not None:
            zygote.stop()
        raise
    out.mkdir(parents=True, exist_ok=True)
    (out / STATE_DIR).mkdir(exist_ok=True)
    summary = SummaryWriter(out, tasks)
    result = BatchResult(out)

    todo, finished = [], []
    for task in tasks:
        if task.error:
            finished.append(record_unreadable(task.to_dict()))
        elif resume and is_complete(task.folder, notebook.name):
            finished.append(result_row(task.to_dict(), "ok", worker="earlier run", reused=True))
        else:
            todo.append(task.to_dict())
    for row in finished:
        summary.rows[row["order"]] = row
    summary.write()
    _write_batch_json(out, tasks, sources, workers, scheduler, notebook, state="running")

    bar = Progress(len(tasks), initial=0, enabled=sys.stderr.isatty() if progress is None else progress)
    for row in finished:
        bar.update(row)
    summary_args = _summary_notebook_args(out) if summary_notebook else None
    try:
        if scheduler is not None:
            result.summary_error = _run_on_dask(scheduler, todo, resume, summary, bar, summary_args)
        else:
            result.summary_error = _run_locally(pool, todo, resume, summary, bar, summary_args)
    finally:
        if zygote is not None:
            zygote.stop()
        bar.close()
        summary.write()
        result.rows = [summary.rows[k] for k in sorted(summary.rows)]
        result.seconds = time.perf_counter() - started
        _write_batch_json(
            out,
            tasks,
            sources,
            workers,
            scheduler,
            notebook,
            result=result,
            state="finished" if not any(r["status"] == "pending" for r in result.rows) else "interrupted",
        )
    return result


def _run_locally(pool, todo: list[dict], resume: bool, summary: SummaryWriter, bar: Progress, summary_args) -> str:
    from concurrent.futures import as_completed

    from claimkit.batch.worker import run_notebook_task, run_task

    try:
        futures = {pool.submit(run_task, task, resume): task for task in todo}
        for fut in as_completed(futures):
            try:
                row = fut.result()
            except Exception as exc:  # the worker process itself died (killed, out of memory)
                row = result_row(futures[fut], "failed", error=f"worker died: {type(exc).__name__}: {exc}")
            summary.add(row)
            bar.update(row)
        summary.write()
        # the summary notebook runs last, in a kernel that is already warm
        error = pool.submit(run_notebook_task, *summary_args).result() if summary_args else ""
    except BaseException:
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True)
    return error


def _stop_pool(pool) -> None:
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()  # their kernels exit with them (ipykernel watches its parent)


def _run_on_dask(scheduler, todo: list[dict], resume: bool, summary: SummaryWriter, bar: Progress, summary_args) -> str:
    from distributed import Client, as_completed

    from claimkit.batch.worker import run_notebook_task, run_task

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    futures: dict = {}
    try:
        futures = {
            client.submit(
                run_task, task, resume, pure=False, key=f"claimkit-batch-{task['key']}-{time.time_ns()}"
            ): task
            for task in todo
        }
        for fut in as_completed(list(futures)):
            try:
                row = fut.result()
            except Exception as exc:
                row = result_row(futures[fut], "failed", error=f"worker died: {type(exc).__name__}: {exc}")
            summary.add(row)
            bar.update(row)
        summary.write()
        return client.submit(run_notebook_task, *summary_args, pure=False).result() if summary_args else ""
    except BaseException:
        client.cancel(list(futures))
        raise
    finally:
        if client is not scheduler:
            client.close()


def _summary_notebook_args(out: Path):
    """Arguments of run_notebook_task for notebooks/batch_summary.ipynb on this batch folder (None if absent)."""
    from claimkit.paths import NOTEBOOKS

    nb = NOTEBOOKS / SUMMARY_NOTEBOOK
    if not nb.is_file():
        return None
    return (str(nb), str(out / SUMMARY_NOTEBOOK), {"batch_dir": str(out)}, str(out))


def _write_batch_json(out: Path, tasks, sources, workers, scheduler, notebook, *, state: str, result=None) -> None:
    from claimkit.files import atomic_write_text

    info = {
        "state": state,
        "sources": [str(s) for s in sources],
        "articles": len(tasks),
        "notebook": str(notebook),
        "workers": workers,
        "scheduler": scheduler if isinstance(scheduler, str) or scheduler is None else str(scheduler),
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if result is not None:
        info.update(ok=len(result.ok), failed=len(result.failed), ran=len(result.ran), seconds=round(result.seconds, 2))
    atomic_write_text(out / BATCH_JSON, json.dumps(info, indent=2))
