"""How a registry fills itself: import its package's modules, then the plug-ins of its entry-point group."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint


def import_modules(package: str, path: Iterable[str]) -> None:
    """Import every module of ``package`` (found on ``path``) whose name does not start with ``_``, in name order."""
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package}.{info.name}")


def load_plugins(package: str, path: Iterable[str], group: str, on_entry_point: Callable[[EntryPoint], None]) -> None:
    """The package's own modules first (they register on import), then ``on_entry_point`` for each of ``group``."""
    from importlib.metadata import entry_points  # only when a registry is first used

    import_modules(package, path)
    for ep in entry_points(group=group):
        on_entry_point(ep)
