"""Exceptions raised by derive; every error a user can cause derives from DeriveError."""


class DeriveError(Exception):
    """Root of the errors derive raises on purpose."""


class CatalogError(DeriveError):
    """A derivation or step is malformed (raised when the catalog is built)."""


class UnknownClaim(DeriveError):
    """A claim ID given on the command line names nothing in the catalog."""

    def __init__(self, claim_id: str, suggestions: list[str]):
        self.claim_id = claim_id
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no claim or step with ID {claim_id!r}{hint}")


class ShapeMismatch(DeriveError):
    """Two matrix operands do not fit (raised while translating to index form).

    ``misfit`` (a derive.model.Misfit) is set when the shapes themselves do not fit, so that a claim
    written with them is refuted by shape; it is None for a misfit a convention could resolve.
    """

    def __init__(self, message: str, misfit=None):
        super().__init__(message)
        self.misfit = misfit


class Unsupported(DeriveError):
    """The verifier meets a construct it cannot handle; becomes an 'unknown' verdict."""


class StageTimeout(DeriveError):
    """A verification stage ran out of its share of the time limit."""


class OutputError(DeriveError):
    """A file cannot be written (an unwritable folder, a full disk)."""


class ReportError(OutputError):
    """A report cannot be written: an unwritable folder, or LaTeX failing on the report."""


class WorkerError(DeriveError):
    """A worker process could not start, or ran out of its time or memory limit."""


class InternalError(WorkerError):
    """What a worker ran failed inside derive (an exception that is no DeriveError): a bug, named as one."""


class SourceError(DeriveError):
    """A file or folder given to check cannot be read as derivations."""


class NotationError(SourceError):
    """A notation file is malformed or contradicts itself."""


class FormulaError(DeriveError):
    """Display mathematics that cannot be read; it becomes a step's problem, never a guess."""


class IndexRangeError(FormulaError):
    """An index letter whose range is not the length of the vector it indexes (i over 1..N, x of length m)."""

    def __init__(self, message: str, letter: str, length: str):
        super().__init__(message)
        self.letter, self.length = letter, length


class EmitRefused(DeriveError):
    """Kernels would rest on a claim that is not proved for every size, or cannot be printed."""
