"""Defer a costly import that processes started by claimkit pay for and almost never use.

``jsonschema`` (imported by ``nbformat``, hence by papermill, and by ``altair``, hence by Great
Expectations) registers an IRI format checker by importing ``rfc3987_syntax``, which builds a
Lark grammar at import time: about 2.5 s of CPU in every such process on the machine this was
measured on (``python -X importtime -c "import papermill"``), to support a JSON-schema ``format:
iri`` check that neither notebooks nor expectation suites use.

:func:`defer_rfc3987_syntax` puts a stand-in module in ``sys.modules``: ``is_valid_syntax`` (the
one name jsonschema imports) loads the real module on its first call, and any other attribute
loads it on first access. Behaviour is unchanged; only the moment the grammar is built moves
from import time to first use.

claimkit installs it only in processes it starts itself (the ``claimkit`` command, batch workers,
warm kernels), never in a user's own interpreter. Kernels started by ``claimkit run`` load this
module as an IPython extension (``load_ipython_extension``): it runs before the first cell and,
unlike ``exec_lines``, executes no cell of its own, so the notebook's cells count from 1.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

NAME = "rfc3987_syntax"


class _DeferredModule(types.ModuleType):
    """Stands in for ``rfc3987_syntax`` until something actually uses it."""

    def __getattr__(self, attr):
        if attr.startswith("__"):  # the import system probes __path__, __spec__…: not a use
            raise AttributeError(attr)
        return getattr(_load(), attr)


def _load():
    mod = sys.modules.get(NAME)
    if isinstance(mod, _DeferredModule):
        del sys.modules[NAME]
        try:
            mod = importlib.import_module(NAME)
        except BaseException:
            sys.modules[NAME] = _STANDIN
            raise
    return mod


def _is_valid_syntax(*args, **kwargs):
    return _load().is_valid_syntax(*args, **kwargs)


_STANDIN = _DeferredModule(NAME, "deferred by claimkit.lazyimports: the real module loads on first use")
_STANDIN.is_valid_syntax = _is_valid_syntax


def defer_rfc3987_syntax() -> bool:
    """Install the stand-in unless the module is already imported or not installed; True if installed."""
    if NAME in sys.modules:
        return isinstance(sys.modules[NAME], _DeferredModule)
    if importlib.util.find_spec(NAME) is None:
        return False
    sys.modules[NAME] = _STANDIN
    return True


def load_ipython_extension(ipython) -> None:
    """``--IPKernelApp.extensions=claimkit.lazyimports``: defer the grammar in a kernel before its first cell."""
    defer_rfc3987_syntax()
