"""The run layer's seams: the kernel-side module, the line a kernel is sent, and the kernel-manager interface."""

import ast
import inspect
import os
import time
from pathlib import Path

import pytest

from claimkit import kernels, kernelside, zygote
from claimkit.kernels import kernel_call
from claimkit.zygote import ForkedKernel, KernelManagerLike

PROTOCOL_MEMBERS = {"has_kernel", "client", "is_alive", "interrupt_kernel", "shutdown_kernel", "cleanup_resources"}


def imported_claimkit_modules(module) -> set[str]:
    """Every claimkit module ``module`` imports, at the top or inside a function."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claimkit"):
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("claimkit")}
    return found


def test_the_run_layer_imports_in_one_direction_kernels_then_zygote_then_kernelside():
    assert "claimkit.kernels" not in imported_claimkit_modules(zygote)
    assert not {"claimkit.kernels", "claimkit.zygote"} & imported_claimkit_modules(kernelside)
    assert "claimkit.kernelside" in imported_claimkit_modules(zygote), "the zygote warms up with the kernel-side code"


def test_kernel_call_is_one_line_that_imports_the_function_and_calls_it_with_the_arguments():
    line = kernel_call(os.path.join, "notes", "a.txt")
    assert line == "__import__('posixpath', fromlist=['_']).join(*('notes', 'a.txt'))"
    assert eval(line) == os.path.join("notes", "a.txt")
    assert (
        kernel_call(kernelside.reset, "/tmp/x")
        == "__import__('claimkit.kernelside', fromlist=['_']).reset(*('/tmp/x',))"
    )


def test_kernel_call_refuses_what_a_kernel_could_not_import_or_read_back():
    def local():
        pass

    with pytest.raises(ValueError, match="module-level"):
        kernel_call(local)
    with pytest.raises(ValueError, match="read back"):
        kernel_call(kernelside.reset, object())


def test_forked_kernels_and_jupyters_kernel_managers_share_the_declared_interface():
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    assert {name for name in dir(KernelManagerLike) if not name.startswith("_")} == PROTOCOL_MEMBERS
    assert KernelManagerLike in ForkedKernel.__mro__, "ForkedKernel declares the interface it implements"
    assert isinstance(KernelManager(), KernelManagerLike) and isinstance(AsyncKernelManager(), KernelManagerLike)
    for name in PROTOCOL_MEMBERS - {"has_kernel"}:
        declared = inspect.signature(getattr(KernelManagerLike, name)).parameters
        forked = inspect.signature(getattr(ForkedKernel, name)).parameters
        jupyter = inspect.signature(getattr(AsyncKernelManager, name)).parameters  # the sync one wraps these
        for params in (forked, jupyter):
            assert list(params)[: len(declared)] == list(declared), f"{name}: {list(params)} vs {list(declared)}"
    assert isinstance(inspect.getattr_static(ForkedKernel, "has_kernel"), property)


def test_the_interface_covers_what_nbclient_calls_on_a_kernel_manager_it_did_not_start():
    """nbclient starts a kernel (``start_kernel``, ``ipykernel``) only when ``has_kernel`` is false; the rest is ours to provide."""
    import nbclient.client

    tree = ast.parse(Path(nbclient.client.__file__).read_text(encoding="utf-8"))
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "km"
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id == "self"
    }
    assert used, "nbclient's source was read"
    assert used - {"start_kernel", "ipykernel"} <= PROTOCOL_MEMBERS


@pytest.mark.skipif(not hasattr(os, "fork"), reason="zygotes need os.fork")
def test_nbclients_own_clean_up_ends_a_forked_kernel():
    """What nbclient runs at exit or on SIGTERM (``_cleanup_kernel``) works on a forked kernel as on its own."""
    import nbformat
    from nbclient import NotebookClient

    with zygote.Zygote([]) as z:
        km = ForkedKernel(z.address, env=dict(os.environ), cwd=str(Path.cwd()))
        pid = km.pid
        client = NotebookClient(nbformat.v4.new_notebook(), km=km)
        client.kc = km.client()  # as papermill's engine hands it over (claimkit.kernels)
        assert km.is_alive() and km.has_kernel
        client._cleanup_kernel()
        assert not km.has_kernel and not os.path.exists(km.connection_file)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the forked kernel is still running")


def test_warm_kernels_keep_the_preload_list_where_the_batch_imports_it():
    assert kernels.PRELOAD is kernelside.PRELOAD and "claimkit.verdicts" in kernels.PRELOAD
