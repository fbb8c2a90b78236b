"""Warm kernels: execute many parameterised notebooks in one long-lived Jupyter kernel.

A cold ``papermill`` call pays for a kernel start and for every import the notebook makes
(Great Expectations alone takes seconds) before it reads a single claim. A :class:`WarmKernel`
pays those once: it starts one kernel, imports what the notebooks need, and then runs each
notebook through papermill (same parameter injection, same metadata, same error reporting as
``claimkit run``) in that kernel.

No state may leak from one notebook into the next. Before every run the kernel's state is put
back: the user namespace is emptied (``InteractiveShell.reset``; imported modules stay cached
in ``sys.modules``, which is the point), the execution counter restarts at 1, and the working
folder, ``os.environ``, ``sys.path``, ``sys.argv``, warning filters and open matplotlib figures
are restored to what they were after warm-up. A kernel that dies or times out is restarted, and
every kernel is replaced after ``max_runs`` notebooks so that module-level state a notebook
might have changed cannot accumulate.

What runs inside the kernel (the warm-up and the reset) is :mod:`claimkit.kernelside`, a module the
kernel imports; kernels forked from the batch's zygote (:mod:`claimkit.zygote`) are used through the
same :class:`claimkit.zygote.KernelManagerLike` interface as a kernel this module starts itself.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimkit import kernelside
from claimkit.kernelside import PRELOAD
from claimkit.paths import ROOT

if TYPE_CHECKING:
    from claimkit.zygote import KernelManagerLike

__all__ = ["PRELOAD", "KernelDied", "WarmKernel", "kernel_call"]

ENGINE_NAME = "claimkit-warm"


def kernel_call(function: Callable[..., object], *args: object) -> str:
    """The line a kernel executes to call ``function(*args)``: an import of its module, then the call.

    ``function`` must be a module-level function of a module the kernel can import, and ``args``
    literals whose ``repr`` reads back as the same value (str, int, float, bool, None, tuples and
    lists of them): the kernel is another process, it gets source text, not objects.
    """
    import ast

    module, name = function.__module__, function.__qualname__
    if "." in name or module == "__main__":
        raise ValueError(f"{module}.{name} is not a module-level function a kernel can import")
    text = repr(args)
    try:
        same = ast.literal_eval(text) == args
    except (ValueError, SyntaxError):
        same = False
    if not same:
        raise ValueError(f"arguments that do not read back from their repr: {text}")
    return f"__import__({module!r}, fromlist=['_']).{name}(*{text})"


# ------------------------------------------------------------------ the parent side


def _sync(method):
    """Call ``method`` (a KernelManager's coroutine, or a ForkedKernel's plain method) and return its result."""
    import inspect

    from jupyter_core.utils import run_sync

    return run_sync(method) if inspect.iscoroutinefunction(method) else method


class KernelDied(RuntimeError):
    """The kernel stopped answering (crash, out of memory, timeout); it has been restarted."""


def _engine():
    """A papermill engine that runs the notebook in an already running kernel (``km`` and ``kc`` kwargs)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import merge_kwargs, remove_args

    class WarmKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            **kwargs,
        ):
            kc = kwargs.pop("kc")
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final = merge_kwargs(
                kwargs,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client = PapermillNotebookClient(nb_man, **final)
            client.kc = kc  # nbclient keeps a kernel it did not start, and a client it did not make
            return client.execute()

    if ENGINE_NAME not in papermill_engines._engines:
        papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
    return ENGINE_NAME


class WarmKernel:
    """One long-lived kernel that executes notebooks one after another, each in a clean namespace.

    Not thread-safe: use one per thread (the kernel's sockets belong to the thread's event loop).
    """

    def __init__(
        self,
        *,
        preload=PRELOAD,
        max_runs: int = 200,
        startup_timeout: float = 120,
        execution_timeout: float | None = 600,
        use_zygote: bool = True,
    ):
        self.preload = tuple(preload)
        self.use_zygote = use_zygote  # fork from $CLAIMKIT_ZYGOTE when there is one (claimkit.zygote)
        self.max_runs = max_runs
        self.startup_timeout = startup_timeout
        self.execution_timeout = execution_timeout
        self.km: KernelManagerLike | None = None
        self.kc: Any = None  # jupyter_client's AsyncKernelClient, or claimkit.zygote's subclass of it
        self.runs = 0
        self.starts = 0
        self._warm_msg = None

    # -- life cycle

    def start(self, wait: bool = True) -> WarmKernel:
        """Start the kernel and send the warm-up imports; ``wait=False`` returns before they finish."""
        from jupyter_core.utils import run_sync

        from claimkit import zygote
        from claimkit.runner import kernel_manager_class

        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        # an in-memory history: resetting the execution counter between articles must not collide in a shared history file
        arguments = ["--HistoryManager.hist_file=:memory:"]
        self.runs = 0
        zygote_address = zygote.address() if self.use_zygote else None
        if zygote_address:
            # forked from the batch's warm zygote: no interpreter start and no imports; the request is
            # sent now, the kernel is connected to in wait_ready() (the zygote may still be importing)
            try:
                self.km = zygote.ForkedKernel(
                    zygote_address, env=env, cwd=tempfile.gettempdir(), extra_arguments=arguments
                )
            except OSError as exc:
                return self._without_zygote(exc, wait)
            self.kc = None
        else:
            km = kernel_manager_class()(kernel_name="python3")
            # an absolute socket path: the default ("kernel-ipc") is relative to each process's own cwd
            km.ip = os.path.join(tempfile.gettempdir(), f"claimkit-{os.getpid()}-{uuid.uuid4().hex[:8]}-ipc")
            run_sync(km.start_kernel)(env=env, cwd=tempfile.gettempdir(), extra_arguments=arguments)
            self.km, self.kc = km, None
            self._connect()
        if wait:
            self.wait_ready()
        return self

    def _without_zygote(self, exc: Exception, wait: bool) -> WarmKernel:
        """The zygote is unusable (it failed to import, or was killed): from now on this kernel starts the usual way."""
        import warnings

        warnings.warn(
            f"kernel zygote unusable ({type(exc).__name__}: {exc}); starting kernels the usual way",
            RuntimeWarning,
            stacklevel=3,
        )
        self.use_zygote = False
        return self.start(wait=wait)

    def _connect(self) -> None:
        """Open the channels, wait for the kernel to answer, and send the warm-up imports."""
        from jupyter_core.utils import run_sync

        assert self.km is not None, "start() sets the kernel manager before connecting"
        kc = self.km.client()
        kc.start_channels()
        run_sync(kc.wait_for_ready)(timeout=self.startup_timeout)
        self.kc = kc
        self.starts += 1  # counted once the kernel answers: a fork that never came up is not a start
        code = kernel_call(kernelside.warm_up, self.preload)
        self._warm_msg = kc.execute(code, silent=True, store_history=False)

    def wait_ready(self) -> None:
        if self.km is not None and self.kc is None:
            try:
                self._connect()
            except Exception as exc:
                from claimkit.zygote import ForkedKernel

                forked = isinstance(self.km, ForkedKernel)
                self.shutdown()
                if not forked:
                    raise KernelDied(f"the kernel did not start: {type(exc).__name__}: {exc}") from exc
                self._without_zygote(exc, wait=False)
        if self._warm_msg is not None:
            msg_id, self._warm_msg = self._warm_msg, None
            reply = self._reply(msg_id, self.startup_timeout)
            if reply["content"]["status"] != "ok":
                c = reply["content"]
                raise RuntimeError(f"kernel warm-up failed: {c.get('ename')}: {c.get('evalue')}")

    def _reply(self, msg_id: str, timeout: float | None):
        from jupyter_core.utils import run_sync

        async def wait():
            while True:
                msg = await self.kc.get_shell_msg(timeout=timeout)
                if msg["parent_header"].get("msg_id") == msg_id:
                    return msg

        try:
            return run_sync(wait)()
        except Exception as exc:  # queue.Empty on timeout
            raise KernelDied(f"the kernel did not answer within {timeout} s") from exc

    def _call(self, code: str, timeout: float = 60) -> None:
        reply = self._reply(self.kc.execute(code, silent=True, store_history=False), timeout)
        if reply["content"]["status"] != "ok":
            c = reply["content"]
            raise KernelDied(f"kernel reset failed: {c.get('ename')}: {c.get('evalue')}")

    def alive(self) -> bool:
        return self.km is not None and bool(_sync(self.km.is_alive)())

    def shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            try:
                _sync(self.km.shutdown_kernel)(now=False)
            except Exception:
                pass
        self.km = self.kc = None

    def restart(self) -> None:
        self.shutdown()
        self.start()

    def __enter__(self):
        return self if self.km is not None else self.start()

    def __exit__(self, *exc):
        self.shutdown()

    # -- running notebooks

    def run(self, notebook: str | Path, output: str | Path, parameters: dict, *, cwd: str | Path):
        """Execute ``notebook`` with ``parameters`` and write the executed copy to ``output``.

        Raises papermill's ``PapermillExecutionError`` when a cell fails (the executed notebook is
        written all the same), :class:`KernelDied` when the kernel stops answering.
        """
        import papermill as pm

        if self.km is None or self.runs >= self.max_runs or not self.alive():
            self.restart()
        self.wait_ready()
        self.runs += 1
        self._call(kernel_call(kernelside.reset, str(cwd)))
        try:
            return pm.execute_notebook(
                str(notebook),
                str(output),
                parameters=parameters,
                engine_name=_engine(),
                kernel_name="python3",
                language="python",
                progress_bar=False,
                request_save_on_cell_execute=False,
                km=self.km,
                kc=self.kc,
                execution_timeout=self.execution_timeout,
            )
        except pm.PapermillExecutionError:
            raise
        except Exception as exc:
            # the kernel died, hung or its channels broke: never reuse it
            self.shutdown()
            raise KernelDied(f"{type(exc).__name__}: {exc}") from exc
