"""Kernels forked from one warm process: the imports of a batch are paid once, not once per worker.

A batch kernel spends seconds importing pandas and Great Expectations before its first notebook.
With N workers that is N times the same work, all at the start of the batch, fighting for the same
cores. A *zygote* does it once: a small server process imports what the notebooks need (nothing
else: no thread, no socket but its own) and then, on request, forks. Each child becomes a Jupyter
kernel (``IPKernelApp``) on the connection file the requester wrote, already holding every module
(copy-on-write). Forking takes milliseconds, so a kernel that must be replaced (after a crash, or
after ``max_runs`` notebooks) is back at once too.

The zygote serves one Unix socket in a private folder (mode 0700; the socket is the credential, as
for Jupyter's own IPC kernels). A requester keeps its connection open for as long as it uses its
kernels: when the connection closes (the worker finished or died) the zygote kills the kernels it
forked for it. The zygote exits when the process that started it goes away, and its kernels exit
with it (they watch their parent, as every Jupyter kernel does).

Local batches use it (``claimkit batch``); a Dask cluster's workers start ordinary kernels.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Protocol, cast, runtime_checkable

ENV_ADDRESS = "CLAIMKIT_ZYGOTE"

__all__ = ["ENV_ADDRESS", "ForkedKernel", "KernelManagerLike", "Zygote", "address", "serve"]


@runtime_checkable
class KernelManagerLike(Protocol):
    """What claimkit's warm kernels and nbclient/papermill call on a kernel manager they are handed.

    ``jupyter_client``'s ``KernelManager`` and ``AsyncKernelManager`` have it (their methods may be
    coroutines: callers wrap them in ``ensure_async``/``run_sync``); :class:`ForkedKernel` has it with
    plain methods. nbclient, given a ``km`` it did not start, reads ``has_kernel`` (to skip starting one),
    calls ``interrupt_kernel`` on a cell timeout, and ``is_alive``, ``shutdown_kernel(now=...)`` and
    ``cleanup_resources`` when it cleans up at exit or on a signal; :class:`claimkit.kernels.WarmKernel`
    calls ``client``, ``is_alive`` and ``shutdown_kernel``. tests/test_kernels.py checks both against this list.
    """

    @property
    def has_kernel(self) -> bool: ...

    def client(self, **kwargs: Any) -> Any: ...

    def is_alive(self) -> Any: ...

    def interrupt_kernel(self) -> Any: ...

    def shutdown_kernel(self, now: bool = False, restart: bool = False) -> Any: ...

    def cleanup_resources(self, restart: bool = False) -> Any: ...


# ------------------------------------------------------------------ the server (its own process)


def main(argv: list[str] | None = None) -> None:
    """``python -m claimkit.zygote ADDRESS PRELOAD,… PARENT_PID``: how :class:`Zygote` starts the server."""
    from claimkit.lazyimports import defer_rfc3987_syntax

    defer_rfc3987_syntax()
    address, preload, parent_pid = sys.argv[1:] if argv is None else argv
    serve(address, preload.split(","), int(parent_pid))


def serve(address: str, preload: list[str], parent_pid: int) -> None:
    """Bind ``address``, import ``preload``, then fork a kernel for each request until ``parent_pid`` goes away."""
    import selectors

    from claimkit.kernelside import warm_up

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(address)  # bound before the imports: requests wait in the backlog, they never fail
    server.listen(64)
    import ipykernel.kernelapp  # noqa: F401 - what every kernel needs first

    warm_up(tuple(name for name in preload if name))

    sel = selectors.DefaultSelector()
    sel.register(server, selectors.EVENT_READ)
    kernels: dict[socket.socket, list[int]] = {}
    buffers: dict[socket.socket, bytes] = {}
    signal.signal(signal.SIGTERM, lambda *_: _stop(kernels, server, address))
    while True:
        if os.getppid() != parent_pid:
            _stop(kernels, server, address)
        _reap()
        for key, _ in sel.select(timeout=0.5):
            sock = cast(socket.socket, key.fileobj)
            if sock is server:
                conn, _ = server.accept()
                sel.register(conn, selectors.EVENT_READ)
                kernels[conn], buffers[conn] = [], b""
                continue
            data = sock.recv(65536)
            if not data:  # the requester is gone: so are its kernels
                sel.unregister(sock)
                sock.close()
                _kill(kernels.pop(sock, []))
                buffers.pop(sock, None)
                continue
            buffers[sock] += data
            while b"\n" in buffers[sock]:
                line, buffers[sock] = buffers[sock].split(b"\n", 1)
                request = json.loads(line)
                pid = _fork_kernel(request, close=[server, *kernels])
                kernels[sock].append(pid)
                sock.sendall(json.dumps({"pid": pid}).encode() + b"\n")


def _fork_kernel(request: dict, close) -> int:
    pid = os.fork()
    if pid:
        return pid
    # the child: a fresh kernel with everything already imported
    try:
        for s in close:
            s.close()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.argv[:] = [sys.executable]
        from ipykernel.kernelapp import IPKernelApp

        # parent_handle: the kernel exits when the zygote does (as a kernel exits with its KernelManager)
        IPKernelApp.launch_instance(
            argv=[
                "-f",
                request["connection_file"],
                f"--IPKernelApp.parent_handle={os.getppid()}",
                *request.get("argv", []),
            ]
        )
    except SystemExit:
        pass
    except BaseException:
        import traceback

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _kill(pids) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    _reap()


def _stop(kernels: dict, server, address: str) -> None:
    _kill([pid for pids in kernels.values() for pid in pids])
    server.close()
    try:
        os.unlink(address)
    except OSError:
        pass
    os._exit(0)


# ------------------------------------------------------------------ the process that starts it


class Zygote:
    """Start the zygote server; ``address`` is what workers need (also set as ``$CLAIMKIT_ZYGOTE``)."""

    def __init__(self, preload):
        from claimkit.paths import ROOT

        self.folder = tempfile.mkdtemp(prefix="claimkit-zygote-")  # mode 0700
        self.address = os.path.join(self.folder, "zygote.sock")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "claimkit.zygote", self.address, ",".join(preload), str(os.getpid())],
            env=env,
            cwd=tempfile.gettempdir(),
            stdin=subprocess.DEVNULL,
        )

    def export(self) -> Zygote:
        """Set ``$CLAIMKIT_ZYGOTE`` so that processes started from now on fork their kernels here."""
        os.environ[ENV_ADDRESS] = self.address
        return self

    def stop(self) -> None:
        if os.environ.get(ENV_ADDRESS) == self.address:
            del os.environ[ENV_ADDRESS]
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def address() -> str | None:
    """The zygote this process may use, if any (``$CLAIMKIT_ZYGOTE``; ``off`` turns zygotes off)."""
    value = os.environ.get(ENV_ADDRESS)
    return None if not value or value == "off" else value


class ForkedKernel(KernelManagerLike):
    """A kernel forked by the zygote: a :class:`KernelManagerLike`, the part of KernelManager's interface claimkit and nbclient use.

    The request is sent at construction; ``pid`` waits for the fork. One connection to the zygote per
    instance: closing it (``shutdown_kernel``, or this process dying) kills the kernel.
    """

    def __init__(
        self,
        zygote_address: str,
        *,
        env: dict,
        cwd: str,
        extra_arguments=(),
        connect_timeout: float = 20,
        fork_timeout: float = 300,
    ):
        from jupyter_client.connect import write_connection_file

        base = os.path.join(tempfile.gettempdir(), f"claimkit-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        self.connection_file, self.connection_info = write_connection_file(
            fname=base + ".json", transport="ipc", ip=base + "-ipc"
        )
        self._ipc_base = base + "-ipc"
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock: socket.socket | None = sock
        start = time.monotonic()
        try:
            while True:  # the zygote binds its socket within a fraction of a second of starting
                try:
                    sock.connect(zygote_address)
                    break
                except (FileNotFoundError, ConnectionRefusedError) as exc:
                    # refused: the socket is there but nobody listens (bind and listen are a moment apart)
                    patience = 2.0 if isinstance(exc, ConnectionRefusedError) else connect_timeout
                    if time.monotonic() - start > patience:
                        raise
                    time.sleep(0.05)
            request = {"connection_file": self.connection_file, "cwd": cwd, "env": env, "argv": list(extra_arguments)}
            sock.sendall(json.dumps(request).encode() + b"\n")
        except OSError:
            sock.close()
            self._sock = None
            self.cleanup_resources()
            raise
        self._pid: int | None = None
        self._timeout = fork_timeout  # the zygote answers once its imports are done

    @property
    def pid(self) -> int:
        if self._pid is None:
            if self._sock is None:
                raise RuntimeError("the forked kernel was shut down before it started")
            self._sock.settimeout(self._timeout)
            data = b""
            while not data.endswith(b"\n"):
                chunk = self._sock.recv(4096)
                if not chunk:
                    raise RuntimeError("the kernel zygote went away")
                data += chunk
            self._pid = int(json.loads(data)["pid"])
        return self._pid

    @property
    def has_kernel(self) -> bool:
        return self._sock is not None

    def client(self, **kwargs: Any) -> Any:
        """An async client whose liveness is this process id (a fresh kernel's heartbeat is not beating yet)."""
        self.pid  # noqa: B018 - wait for the fork (the zygote may still be importing)
        kc = _forked_client_class()(**kwargs)
        kc.forked_kernel = self
        kc.load_connection_info(self.connection_info)
        return kc

    def is_alive(self) -> bool:
        if self._sock is None:
            return False
        try:
            os.kill(self.pid, 0)
        except (ProcessLookupError, RuntimeError):
            return False
        return True

    def interrupt_kernel(self) -> None:
        os.kill(self.pid, signal.SIGINT)

    def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        if self._sock is None:
            return
        try:
            pid = self.pid
        except Exception:
            pid = None
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL if now else signal.SIGTERM)
            except ProcessLookupError:
                pass
        self._sock.close()  # the zygote kills whatever is left of it
        self._sock = None
        self.cleanup_resources()

    def cleanup_resources(self, restart: bool = False) -> None:
        ipc = Path(self._ipc_base)
        for path in [Path(self.connection_file), *ipc.parent.glob(ipc.name + "-*")]:
            try:
                os.unlink(path)
            except OSError:
                pass


_ForkedKernelClient: type | None = None


def _forked_client_class() -> type:
    """AsyncKernelClient whose ``is_alive`` asks the forked process, not the heartbeat (imported lazily)."""
    global _ForkedKernelClient
    if _ForkedKernelClient is None:
        from jupyter_client.asynchronous import AsyncKernelClient

        class ForkedKernelClient(AsyncKernelClient):
            forked_kernel: ForkedKernel | None = None

            async def _async_is_alive(self) -> bool:
                return self.forked_kernel is not None and self.forked_kernel.is_alive()

            is_alive = _async_is_alive

        _ForkedKernelClient = ForkedKernelClient
    return _ForkedKernelClient


if __name__ == "__main__":
    main()
