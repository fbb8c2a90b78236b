"""Imported once by the batch's fork server, before it forks the worker processes (see ``_local_executor``).

Workers then start with papermill and the kernel client already imported, instead of importing
them one by one. Importing this module defers jsonschema's IRI grammar (:mod:`claimkit.lazyimports`),
so it is meant for that server process alone.
"""

from claimkit.lazyimports import defer_rfc3987_syntax

defer_rfc3987_syntax()

import os  # noqa: E402 - after defer_rfc3987_syntax(), which must run first

import papermill  # noqa: E402 - after defer_rfc3987_syntax(), which must run first
import papermill.clientwrap  # noqa: E402 - after defer_rfc3987_syntax(), which must run first
import papermill.engines  # noqa: E402,F401 - after defer_rfc3987_syntax(), which must run first; imported for the forked workers to inherit
from jupyter_client.asynchronous import AsyncKernelClient  # noqa: E402,F401 - after defer_rfc3987_syntax(), which must run first; imported for the forked workers to inherit

import claimkit.batch.worker  # noqa: E402 - after defer_rfc3987_syntax(), which must run first
import claimkit.kernels  # noqa: E402 - after defer_rfc3987_syntax(), which must run first
import claimkit.zygote  # noqa: E402,F401 - after defer_rfc3987_syntax(), which must run first; imported for the forked workers to inherit
from claimkit.batch.worker import leave_with  # noqa: E402 - after defer_rfc3987_syntax(), which must run first

leave_with(os.getppid())  # the fork server goes with the batch that started it (its workers watch the batch too)
