"""Batches: many articles through the article notebook, in parallel, resumable (``claimkit batch``).

- :mod:`claimkit.batch.plan` — one task per article, with a safe output folder
- :mod:`claimkit.batch.worker` — what a worker does for one article (warm kernel, atomic outputs, log)
- :mod:`claimkit.batch.run` — scheduling (local processes or Dask), progress, the summary table
- :mod:`claimkit.batch.summary` — reading a batch folder back: claims, verdicts, failures, figures that differ
"""

from __future__ import annotations

from claimkit.batch.plan import ArticleTask, is_complete, plan_batch, slug
from claimkit.batch.run import BatchResult, run_batch

__all__ = ["ArticleTask", "BatchResult", "is_complete", "plan_batch", "run_batch", "slug"]
