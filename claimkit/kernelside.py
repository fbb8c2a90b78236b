"""Code that runs inside a warm kernel (and in the batch's zygote before it forks one): warm-up and reset.

This module is what the kernel imports; the parent side (:mod:`claimkit.kernels`) only names its
functions (:func:`claimkit.kernels.kernel_call` turns a call into the one line the kernel executes),
so that a renamed function breaks at import and under test, not as a string in a remote traceback.
It imports nothing but the standard library at import time: a kernel pays only for what it preloads.
"""

from __future__ import annotations

import os
import sys

# what a kernel imports before its first notebook; missing modules are skipped
PRELOAD = (
    "pandas",
    "claimkit",
    "claimkit.articles",
    "claimkit.claims",
    "claimkit.display",
    "claimkit.outputs",
    "claimkit.validation",
    "claimkit.verdicts",
    "claimkit.evidence",
    "claimkit.report",
    "claimkit.claimreview",
    "claimkit.sources",
    "claimkit.against",
)

# the state a notebook may change and the next notebook must not see (filled by warm_up)
_BASELINE: dict = {}


def warm_up(modules: tuple[str, ...] | list[str] = PRELOAD) -> list[str]:
    """Import ``modules`` and set up the validation context; remember the clean state to return to."""
    import importlib
    import warnings

    from claimkit.lazyimports import defer_rfc3987_syntax

    defer_rfc3987_syntax()  # GX imports jsonschema through altair: 2.5 s of grammar building nothing here uses
    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
            loaded.append(name)
        except ImportError:
            pass
    if "claimkit.validation" in sys.modules:
        sys.modules["claimkit.validation"].warm_up()  # GX context and definitions: seconds once, milliseconds after
    if "claimkit.verdicts" in sys.modules:
        sys.modules["claimkit.checks"].load_checks()  # the check modules and the entry-point scan (~0.1 s)
    _BASELINE.update(environ=dict(os.environ), path=list(sys.path), argv=list(sys.argv), filters=list(warnings.filters))
    return loaded


def reset(cwd: str) -> None:
    """Give the next notebook a kernel as fresh as a new one, minus the import time."""
    import gc
    import warnings

    from IPython import get_ipython

    ip = get_ipython()
    # reset() ends with a full gc.collect(), 0.3 s over GX's heap; the automatic collector frees the same cycles later
    collect, gc.collect = gc.collect, lambda *args, **kwargs: 0
    try:
        ip.reset(new_session=False)  # empties user_ns (and Out, _, __); sys.modules is kept
    finally:
        gc.collect = collect
    ip.execution_count = 1
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    if _BASELINE:
        os.environ.clear()
        os.environ.update(_BASELINE["environ"])
        sys.path[:] = _BASELINE["path"]
        sys.argv[:] = _BASELINE["argv"]
        warnings.filters[:] = _BASELINE["filters"]  # type: ignore[index]  # typeshed: a Sequence; it is a list
    os.chdir(cwd)
