"""User-facing errors: one class, one clear message each, no traceback at the CLI."""
from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix (missing folder, bad option, malformed codebook).

    The command line prints ``str(err)`` and exits with status 2.
    """


class CodebookError(UserError):
    """The codebook is malformed: the message names the file, the line and the fix."""

    def __init__(self, file: str, line: int | None, problem: str):
        where = f"{file}, line {line}" if line else file
        super().__init__(f"codebook error in {where}: {problem}")
        self.file, self.line, self.problem = file, line, problem


class DocumentError(Exception):
    """One input document cannot be read; the run records it in the errors table."""
