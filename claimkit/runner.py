"""``claimkit run``: execute the article notebook with papermill and keep what it wrote.

The executed notebook is written to a temporary file in the output folder and renamed when
the run ends, so the folder never holds a half-written notebook. A failed run keeps its
executed notebook as ``<name>.failed.ipynb`` beside the tables, for inspection.
"""

from __future__ import annotations

import ast
import contextlib
import math
import os
from dataclasses import dataclass
from pathlib import Path

from claimkit.errors import InputError, NotebookFailed
from claimkit.paths import NOTEBOOKS, ROOT

ARTICLE_NOTEBOOK = NOTEBOOKS / "verify_article.ipynb"
DEFAULT_OUTPUT_ROOT = Path("out")


@dataclass
class RunResult:
    out_dir: Path
    notebook: Path
    parameters: dict


def declared_parameters(notebook: str | Path) -> dict[str, dict]:
    """The notebook's parameters cell as {name: {"default": value, "type": name, "help": comment}}.

    Read with ``ast`` from the cell tagged ``parameters`` (cheaper than papermill's inspector, and
    it never executes the cell).
    """
    import json

    try:
        nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InputError(notebook, f"not a readable notebook ({type(exc).__name__}: {exc})") from None
    for cell in cells:
        if cell.get("cell_type") == "code" and "parameters" in (cell.get("metadata") or {}).get("tags", []):
            params = {}
            source = cell.get("source") or ""
            source = "".join(source) if isinstance(source, list) else source
            lines = source.splitlines()
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    try:
                        default = ast.literal_eval(node.value)
                    except ValueError:
                        default = None
                    line = lines[node.lineno - 1]
                    comment = line.split("#", 1)[1].strip() if "#" in line else ""
                    params[node.targets[0].id] = {"default": default, "type": type(default).__name__, "help": comment}
            return params
    raise InputError(notebook, "the notebook has no cell tagged 'parameters'")


def coerce_parameters(raw: dict[str, object], declared: dict[str, dict], notebook="notebook") -> dict:
    """Give each ``-p NAME VALUE`` the type of the notebook's default; an unknown name or a bad value is an InputError.

    Values are data: a string stays a string (papermill writes it as a Python literal), it is never evaluated.
    """
    out = {}
    for name, value in raw.items():
        if name not in declared:
            raise InputError(notebook, f"unknown parameter {name!r}; the notebook takes: {', '.join(declared)}")
        kind = declared[name]["type"]
        if not isinstance(value, str):
            # papermill writes values it does not know with str(): only plain data of the declared type goes in
            if not _plain_data(value) or not _fits(value, kind):
                raise InputError(
                    notebook, f"parameter {name!r} must be {kind}, got {type(value).__name__} {value!r:.80}"
                )
            out[name] = value
            continue
        if kind in ("str", "NoneType"):
            out[name] = value
            continue
        try:
            if kind == "bool":
                low = value.strip().lower()
                if low not in ("true", "false", "yes", "no", "1", "0"):
                    raise ValueError(value)
                out[name] = low in ("true", "yes", "1")
            elif kind == "int":
                out[name] = int(value)
            elif kind == "float":
                out[name] = float(value)
                if not math.isfinite(out[name]):
                    raise ValueError(value)
            elif kind in ("list", "dict"):
                parsed = ast.literal_eval(value)
                if type(parsed).__name__ != kind:
                    raise ValueError(value)
                out[name] = parsed
            else:
                out[name] = value
        except (ValueError, SyntaxError):
            raise InputError(notebook, f"parameter {name!r} must be {kind}, got {value!r}") from None
    return out


def _plain_data(value, depth: int = 0) -> bool:
    """None, bool, int, finite float, str, or lists/dicts of them (not 50 levels deep): what a literal can say."""
    if depth > 50:
        return False
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if type(value) in (list, tuple):
        return all(_plain_data(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(isinstance(k, str) and _plain_data(v, depth + 1) for k, v in value.items())
    return False


def _fits(value, kind: str) -> bool:
    if kind == "NoneType":
        return True
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "list":
        return isinstance(value, (list, tuple))
    return type(value).__name__ == kind


# the kernel claimkit starts defers jsonschema's IRI grammar (claimkit.lazyimports): 2.5 s off every run
# an IPython extension, not exec_lines: exec_lines run as a cell, which newer IPython counts
KERNEL_ARGUMENTS = ["--IPKernelApp.extensions=claimkit.lazyimports"]


def kernel_manager_class():
    """A kernel manager for local runs.

    It waits 1 s, not 5, for a kernel to shut down (removes papermill's occasional 3 s stall), and
    talks to the kernel over local IPC sockets rather than unencrypted TCP on localhost.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Float, Unicode

    class QuickShutdownKernelManager(AsyncKernelManager):
        shutdown_wait_time = Float(1.0, config=True)
        transport = Unicode("ipc", config=True)

    return QuickShutdownKernelManager


def default_out_dir(article_path: str | Path) -> Path:
    return DEFAULT_OUTPUT_ROOT / Path(article_path).stem


def run_article(article, *, out_dir=None, parameters=None, notebook=ARTICLE_NOTEBOOK, progress_bar=False) -> RunResult:
    """Execute ``notebook`` for one article file; the executed notebook and its tables land in ``out_dir``."""
    from claimkit.articles import load_article

    article_path = Path(article)
    # fail fast, with exit code 2, on input the notebook could not read
    loaded = load_article(article_path, published=(parameters or {}).get("published") or None)
    notebook = Path(notebook)
    if not notebook.exists():
        raise InputError(notebook, "no such notebook")
    declared = declared_parameters(notebook)
    params = coerce_parameters(dict(parameters or {}), declared, notebook)
    out = Path(out_dir) if out_dir else default_out_dir(article_path)
    out.mkdir(parents=True, exist_ok=True)
    params.setdefault("article", str(article_path.resolve()))
    params.setdefault("output_dir", str(out.resolve()))
    if "published" in declared and not params.get("published") and loaded.published:
        params["published"] = loaded.published.isoformat()

    import papermill as pm

    target = out / notebook.name
    partial = out / f".{notebook.stem}.partial.ipynb"
    failed = out / f"{notebook.stem}.failed.ipynb"
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env_path) if p)
    try:
        pm.execute_notebook(
            str(notebook),
            str(partial),
            parameters=params,
            kernel_name="python3",
            language="python",
            progress_bar=progress_bar,
            cwd=str(out.resolve()),
            kernel_manager_class=kernel_manager_class(),
            extra_arguments=KERNEL_ARGUMENTS,
        )
    except pm.PapermillExecutionError as exc:
        os.replace(partial, failed)
        raise NotebookFailed(failed, f"cell {exc.exec_count} raised {exc.ename}: {exc.evalue}") from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
        raise
    finally:
        os.environ["PYTHONPATH"] = env_path
        if not env_path:
            del os.environ["PYTHONPATH"]
    os.replace(partial, target)
    with contextlib.suppress(FileNotFoundError):
        failed.unlink()
    return RunResult(out, target, params)
