"""The batch's kernel zygote: kernels forked from it hold its imports, and none outlives its requester."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from claimkit.paths import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="zygotes need os.fork")
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}


def gone(pid: int, within: float = 15.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # a child of this process that exited is gone once reaped
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.1)
    return False


def test_a_forked_kernel_holds_what_the_zygote_imported_before_any_cell_imports_it(tmp_path, monkeypatch):
    from claimkit import zygote
    from claimkit.kernels import WarmKernel

    # claimkit.charts: a module neither ipykernel nor the kernel's own warm-up (preload=()) imports
    with zygote.Zygote(["claimkit.charts"]) as z:
        monkeypatch.setenv(zygote.ENV_ADDRESS, z.address)
        nb = tmp_path / "probe.ipynb"
        import nbformat

        book = nbformat.v4.new_notebook(
            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        )
        book.cells = [
            nbformat.v4.new_code_cell("x = 0", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(
                "import os, sys, json\n"
                "json.dump({'charts': 'claimkit.charts' in sys.modules, 'ppid': os.getppid(), "
                "'pid': os.getpid()}, open('probe.json', 'w'))"
            ),
        ]
        nbformat.write(book, str(nb))
        with WarmKernel(preload=()) as kernel:
            assert isinstance(kernel.km, zygote.ForkedKernel)
            kernel.run(nb, tmp_path / "out.ipynb", {"x": 1}, cwd=tmp_path)
            seen = json.loads((tmp_path / "probe.json").read_text())
            assert seen == {"charts": True, "ppid": z.process.pid, "pid": kernel.km.pid}
            pid = kernel.km.pid
        assert gone(pid), "shutting the warm kernel down ends its process"


def test_a_kernel_dies_with_the_process_that_asked_for_it(tmp_path):
    from claimkit import zygote

    code = (
        "import os, sys, json, tempfile; from claimkit.zygote import ForkedKernel; "
        "k = ForkedKernel(sys.argv[1], env=dict(os.environ), cwd=tempfile.gettempdir()); "
        "print(k.pid, flush=True); sys.stdin.read()"
    )
    with zygote.Zygote([]) as z:
        asker = subprocess.Popen(
            [sys.executable, "-c", code, z.address], env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        pid = int(asker.stdout.readline())
        os.kill(pid, 0)  # running
        asker.kill()  # SIGKILL: no clean-up of its own
        asker.wait()
        assert gone(pid), "the zygote kills the kernels of a requester that went away"
        assert z.process.poll() is None, "the zygote itself keeps serving"


def test_the_zygote_and_its_kernels_exit_when_the_batch_process_is_killed(tmp_path):
    code = (
        "import os, sys, json, tempfile; from claimkit.zygote import Zygote, ForkedKernel; "
        "z = Zygote([]); k = ForkedKernel(z.address, env=dict(os.environ), cwd=tempfile.gettempdir()); "
        "print(z.process.pid, k.pid, flush=True); sys.stdin.read()"
    )
    batch = subprocess.Popen(
        [sys.executable, "-c", code], env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    zygote_pid, kernel_pid = map(int, batch.stdout.readline().split())
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    assert gone(zygote_pid) and gone(kernel_pid)


def test_a_crashed_forked_kernel_is_replaced_by_a_new_fork(tmp_path, monkeypatch):
    import nbformat

    from claimkit import zygote
    from claimkit.kernels import KernelDied, WarmKernel

    book = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    book.cells = [
        nbformat.v4.new_code_cell("crash = False", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import os\nif crash:\n    os._exit(9)\nanswer = 6 * 7\nanswer"),
    ]
    nb = tmp_path / "crash.ipynb"
    nbformat.write(book, str(nb))
    with zygote.Zygote([]) as z:
        monkeypatch.setenv(zygote.ENV_ADDRESS, z.address)
        with WarmKernel(preload=()) as kernel:
            first = kernel.km.pid
            with pytest.raises(KernelDied):
                kernel.run(nb, tmp_path / "a.ipynb", {"crash": True}, cwd=tmp_path)
            kernel.run(nb, tmp_path / "b.ipynb", {"crash": False}, cwd=tmp_path)
            assert kernel.km.pid != first and kernel.starts == 2
        out = nbformat.read(str(tmp_path / "b.ipynb"), as_version=4)
        assert out.cells[-1].outputs[0]["data"]["text/plain"] == "42"


def test_a_worker_whose_zygote_is_gone_starts_its_kernel_the_usual_way(tmp_path, monkeypatch):
    from claimkit import zygote
    from claimkit.kernels import WarmKernel

    z = zygote.Zygote([])
    deadline = time.monotonic() + 30
    while not os.path.exists(z.address) and time.monotonic() < deadline:  # killed after it began serving
        time.sleep(0.05)
    z.process.kill()
    z.process.wait()
    monkeypatch.setenv(zygote.ENV_ADDRESS, z.address)
    try:
        with pytest.warns(RuntimeWarning, match="zygote unusable"):
            kernel = WarmKernel(preload=(), startup_timeout=60).start()
        try:
            assert not isinstance(kernel.km, zygote.ForkedKernel) and kernel.alive()
        finally:
            kernel.shutdown()
    finally:
        z.stop()
