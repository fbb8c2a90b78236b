"""The task a worker runs for one article: the same function in a local worker process and on a Dask worker.

Each worker thread keeps one warm kernel (:class:`claimkit.kernels.WarmKernel`) for its whole life,
so the kernel start and the imports are paid once per worker, not once per article.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import json
import os
import shutil
import socket
import threading
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from claimkit.batch.plan import MANIFEST, RUN_LOG, SOURCE_RECORD, STATE_DIR, is_complete
from claimkit.outputs import VERDICTS_FILE
from claimkit.vocab import VERDICTS

_local = threading.local()
_kernels: list = []
_kernels_lock = threading.Lock()


def _kernel(wait: bool = True):
    """This thread's warm kernel, started on first use."""
    from claimkit.kernels import WarmKernel

    kernel = getattr(_local, "kernel", None)
    if kernel is None:
        kernel = WarmKernel(max_runs=int(os.environ.get("CLAIMKIT_KERNEL_MAX_RUNS", "200")))
        kernel.start(wait=False)
        _local.kernel = kernel
        with _kernels_lock:
            _kernels.append(kernel)
    if wait:
        import papermill  # noqa: F401 - imported while the kernel warms up, not after

        kernel.wait_ready()
    return kernel


@atexit.register
def _shutdown_kernels() -> None:
    with _kernels_lock:
        for kernel in _kernels:
            with contextlib.suppress(Exception):
                kernel.shutdown()
        _kernels.clear()


def leave_with(pid: int, before_exit=None) -> None:
    """Exit this process (after ``before_exit``) as soon as process ``pid`` is gone: a killed batch must
    not leave its fork server, workers or their kernels behind, working on into the batch's folder."""

    def alive() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        try:  # a zombie (killed, not yet reaped by its own parent) is gone too
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return True

    def watch():
        while alive():
            time.sleep(0.5)
        if before_exit is not None:
            before_exit()
        os._exit(1)

    threading.Thread(target=watch, name="claimkit-batch-watch", daemon=True).start()


def init_worker(batch_pid: int | None = None) -> None:
    """Process-pool initializer: start this worker's kernel warming up straight away, and leave with the batch.

    ``batch_pid``: the batch process. With the fork server the worker's parent is that server, not the
    batch, so the worker watches the batch itself (and its parent, when no batch pid is given)."""
    from claimkit.lazyimports import defer_rfc3987_syntax

    defer_rfc3987_syntax()  # papermill imports jsonschema through nbformat
    leave_with(os.getppid(), _shutdown_kernels)
    if batch_pid and batch_pid != os.getppid():
        leave_with(batch_pid, _shutdown_kernels)
    _kernel(wait=False)


def started() -> int:
    """A no-op task: submitting one makes the pool start a worker (whose initializer starts its kernel)."""
    return os.getpid()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def _folder_lock(batch_dir: Path, key: str):
    """An exclusive lock per article: a worker left over from a killed batch cannot write beside a resumed one."""
    import fcntl

    locks = batch_dir / STATE_DIR / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    with open(locks / f"{key}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # released by the kernel if this process dies
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def folder_counts(folder: str | Path) -> dict:
    """Claims (from the manifest) and verdict counts (from verdicts.csv) of a finished article folder."""
    folder = Path(folder)
    counts: dict = {"claims": None, **dict.fromkeys(VERDICTS)}
    with contextlib.suppress(OSError, ValueError):
        counts["claims"] = int(json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("claims"))
    verdicts = folder / VERDICTS_FILE
    if verdicts.is_file():
        with contextlib.suppress(OSError, csv.Error):
            with open(verdicts, newline="", encoding="utf-8") as fh:
                seen = [row.get("verdict") for row in csv.DictReader(fh)]
            counts.update({v: seen.count(v) for v in VERDICTS})
    return counts


def result_row(
    task: dict, status: str, *, error: str = "", seconds: float | None = None, worker: str = "", reused: bool = False
) -> dict:
    row = {
        "order": task["order"],
        "key": task["key"],
        "source": task["source"],
        "article_id": task.get("article_id"),
        "title": task.get("title"),
        "published": task.get("published"),
        "status": status,
        "error": error,
    }
    row.update(folder_counts(task["folder"]) if status == "ok" else {"claims": None, **dict.fromkeys(VERDICTS)})
    row.update(
        seconds=None if seconds is None else round(seconds, 3),
        worker=worker,
        reused=reused,
        finished_at=_now(),
        folder=task["key"],
    )
    return row


def _log(folder: Path, lines: list[str]) -> None:
    with open(folder / RUN_LOG, "a", encoding="utf-8") as fh:
        fh.write("".join(f"{_now()} {line}\n" for line in lines))


def record_unreadable(task: dict) -> dict:
    """An article that could not be read: a folder with its log, and a failed row."""
    folder = Path(task["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    _log(folder, [f"source {task['source']}", f"FAILED: unreadable article: {task['error']}"])
    return result_row(task, "failed", error=f"unreadable: {task['error']}", worker="planner")


def run_task(task: dict, resume: bool = True) -> dict:
    """Execute the article notebook for ``task`` (an :class:`ArticleTask` as a dict) and return its summary row.

    Never raises for a failure of the article itself: a cell error, a dead kernel or a bad file is
    returned as a row with ``status="failed"`` and the error.
    """
    if task.get("error"):
        return record_unreadable(task)
    import papermill as pm

    from claimkit.kernels import KernelDied

    folder = Path(task["folder"])
    notebook = Path(task["notebook"])
    batch_dir = folder.parent
    started = time.perf_counter()
    with _folder_lock(batch_dir, task["key"]):
        if resume and is_complete(folder, notebook.name):  # finished by another worker while we waited
            return result_row(task, "ok", worker=worker_name(), reused=True)
        if folder.exists():  # an earlier, unfinished attempt: nothing in it is trusted
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if task.get("record") is not None:
            from claimkit.files import atomic_write_text

            atomic_write_text(folder / SOURCE_RECORD, json.dumps(task["record"], ensure_ascii=False, indent=2))
        _log(
            folder,
            [
                f"source {task['source']}",
                f"worker {worker_name()}",
                f"parameters {json.dumps(task['parameters'], ensure_ascii=False)}",
            ],
        )
        partial = folder / f".{notebook.stem}.partial.ipynb"
        failed = folder / f"{notebook.stem}.failed.ipynb"
        error = ""
        try:
            kernel = _kernel()
            kernel.run(notebook, partial, task["parameters"], cwd=folder)
        except pm.PapermillExecutionError as exc:
            error = f"cell {exc.exec_count} raised {exc.ename}: {exc.evalue}"
            with contextlib.suppress(FileNotFoundError):
                os.replace(partial, failed)
        except KernelDied as exc:
            error = f"kernel died: {exc}"
        except Exception as exc:  # anything else is this article's failure, not the batch's
            error = f"{type(exc).__name__}: {exc}"
            _log(folder, [traceback.format_exc()])
        else:
            os.replace(partial, folder / notebook.name)  # last: the folder is now complete
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        seconds = time.perf_counter() - started
        if error:
            _log(folder, [f"FAILED after {seconds:.2f} s: {error}"])
            return result_row(task, "failed", error=error, seconds=seconds, worker=worker_name())
        _log(folder, [f"done in {seconds:.2f} s"])
        return result_row(task, "ok", seconds=seconds, worker=worker_name())


def run_notebook_task(notebook: str, output: str, parameters: dict, cwd: str) -> str:
    """Execute any notebook in this worker's warm kernel (used for the batch summary notebook); '' or the error."""
    import papermill as pm

    out = Path(output)
    partial = out.with_name(f".{out.stem}.partial.ipynb")
    try:
        _kernel().run(notebook, partial, parameters, cwd=cwd)
    except pm.PapermillExecutionError as exc:
        os.replace(partial, out.with_name(f"{out.stem}.failed.ipynb"))
        return f"cell {exc.exec_count} raised {exc.ename}: {exc.evalue}"
    except Exception as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        return f"{type(exc).__name__}: {exc}"
    os.replace(partial, out)
    with contextlib.suppress(FileNotFoundError):
        out.with_name(f"{out.stem}.failed.ipynb").unlink()
    return ""
