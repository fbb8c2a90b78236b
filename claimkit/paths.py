"""Where claimkit's shipped files live: the one place that resolves them.

The repository keeps its run-time files in top-level folders — ``data/`` (the shipped articles
and the reference tables), ``expectations/`` (the GX suites) and ``notebooks/`` — which are the
source of truth. A built wheel carries copies of them as package data under
``claimkit/_shipped/`` (``pyproject.toml``: ``[tool.hatch.build.targets.wheel.force-include]``).

Resolution, in order:

1. ``$CLAIMKIT_HOME``, if set: a folder laid out like the repository (``data/``, ``expectations/``,
   ``notebooks/``);
2. the packaged copy, found with :mod:`importlib.resources` (an installed wheel, ``pip install .``);
3. the checkout claimkit is imported from (an editable install, or ``PYTHONPATH=.``).

Templates and lexicons live inside the package itself (``claimkit/templates``,
``claimkit/lexicon``) and are read through :mod:`importlib.resources` too.

Nothing is ever written here: ``claimkit run`` and ``claimkit batch`` write under the current
folder or the folder given with ``-o``.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import cast

#: the folder this claimkit is imported from (the checkout, or site-packages): child processes
#: (kernels, batch workers) get it on ``PYTHONPATH`` so that they import this same claimkit
ROOT = Path(__file__).resolve().parents[1]
#: the claimkit package folder itself (its code and lexicons)
PACKAGE = Path(__file__).resolve().parent

SHIPPED_PACKAGE_DIR = "_shipped"


def _fspath(traversable: Traversable) -> str:
    """The file-system path of a resource of an unpacked package (TypeError for one inside a zip)."""
    return os.fspath(cast("os.PathLike[str]", traversable))


def _as_path(traversable: Traversable) -> Path | None:
    """A real folder on disk for a resources Traversable (notebooks and DuckDB need file paths)."""
    try:
        path = Path(_fspath(traversable))
    except TypeError:  # a zip import: claimkit is always installed unpacked
        return None
    return path if path.is_dir() else None


def _shipped_root() -> Path:
    home = os.environ.get("CLAIMKIT_HOME")
    if home:
        return Path(home)
    packaged = _as_path(resources.files("claimkit").joinpath(SHIPPED_PACKAGE_DIR))
    if packaged is not None:
        return packaged
    return ROOT


#: the folder holding ``data/``, ``expectations/`` and ``notebooks/`` (packaged copy or checkout)
SHIPPED = _shipped_root()
DATA = SHIPPED / "data"
ARTICLES = DATA / "articles"
REFERENCE = DATA / "reference"
EXPECTATIONS = SHIPPED / "expectations"
NOTEBOOKS = SHIPPED / "notebooks"
SEED_ARTICLE = ARTICLES / "russia-osce-dead-end.txt"
#: files inside the package itself
TEMPLATES = Path(_fspath(resources.files("claimkit").joinpath("templates")))
LEXICON = Path(_fspath(resources.files("claimkit").joinpath("lexicon")))


def is_packaged() -> bool:
    """True when the shipped files come from an installed wheel, not from a checkout or $CLAIMKIT_HOME."""
    return SHIPPED.name == SHIPPED_PACKAGE_DIR and SHIPPED.parent.name == "claimkit"
