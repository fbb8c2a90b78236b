"""``claimkit.verify``: kept for callers that import from it (``from claimkit.verdicts import verify``).

The verdicts are made in :mod:`claimkit.verdicts` from the checks of :mod:`claimkit.checks`;
everything here is re-exported from there. ``claimkit.verify`` is also the public *function*
(``claimkit.verify(claims)``); importing this module binds the package attribute to the module, so
the module is made callable and calling it calls :func:`claimkit.verdicts.verify`. New code imports
from :mod:`claimkit.verdicts` (or calls ``claimkit.verify``) and never needs this module.
"""

from __future__ import annotations

import sys as _sys
import types as _types

from claimkit.checks import VERDICTS, Check  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.checks._fields import claim_date, claim_interval  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.checks.calendar import MENTION_REACH, WEEKDAYS, check_time  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.checks.estimate import check_estimate, estimate_query  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.checks.membership import check_membership, count_query, membership_history  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.checks.office import check_role, office_query  # noqa: F401 - re-exported for callers that import from claimkit.verify
from claimkit.verdicts import (  # noqa: F401 - re-exported for callers that import from claimkit.verify
    EXTRA_COLUMNS,
    METHODS,
    VERDICT_COLUMNS,
    candidates,
    check_claim,
    deciding_rows,
    find_claim,
    readable,
    summarise,
    verify,
)


class _CallableModule(_types.ModuleType):
    """This module, callable as :func:`claimkit.verdicts.verify` (see the module docstring)."""

    def __call__(self, *args, **kwargs):
        return verify(*args, **kwargs)


_sys.modules[__name__].__class__ = _CallableModule
