"""Named failures. Each carries what a journalist needs to act: the file and the reason."""

from __future__ import annotations

from pathlib import Path


class ClaimkitError(Exception):
    """Base class of every error claimkit raises on purpose."""

    exit_code = 1


class InputError(ClaimkitError):
    """Bad usage or unreadable input: the CLI prints one line and exits 2."""

    exit_code = 2

    def __init__(self, source: str | Path | None, reason: str):
        self.source = str(source) if source is not None else None
        self.reason = reason
        super().__init__(f"{self.source}: {reason}" if self.source else reason)


class ValidationFailed(ClaimkitError):
    """A table did not meet its expectation suite (exit code 1)."""

    def __init__(self, result: object):
        self.result = result
        super().__init__(str(result))


class NotebookFailed(ClaimkitError):
    """A notebook cell raised; the executed notebook is kept on disk for inspection."""

    def __init__(self, notebook: str | Path, reason: str):
        self.notebook = str(notebook)
        self.reason = reason
        super().__init__(f"{self.notebook}: {reason}")
