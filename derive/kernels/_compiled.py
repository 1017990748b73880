"""The entrywise kernels as NumPy ufuncs compiled by numba: the optional extra ``derive[fast]``.

Each ufunc's loop body is the ``<name>_entry`` function that ``derive emit`` printed from the
same proved claims as the array kernel (derive/kernels/_generated.py). A ufunc is one call into
machine code, so on small arrays it saves the dozen NumPy calls of the array kernel; on large
arrays NumPy's vectorised exp is faster than the scalar one compiled here, and derive.kernels
keeps the array kernel there (see SMALL).

Importing this module imports numba and compiles (or loads from numba's cache) both ufuncs.
"""

from __future__ import annotations

import numba

from . import _generated as _g

__all__ = ["SMALL", "UFUNCS"]

# Arrays of at most this many entries go to the compiled ufunc (benchmarks/bench_kernels.py
# shows the crossover between the ufunc and the array kernel, near 1e3 entries).
SMALL = 1024

_SIGNATURES = ["float32(float32)", "float64(float64)"]


def _ufunc(entry):
    compiled = numba.vectorize(_SIGNATURES, cache=True)(entry)
    # The plain NumPy ufunc underneath numba's dispatcher: its call costs what any ufunc's does.
    return getattr(compiled, "ufunc", compiled)


UFUNCS = {"sigmoid": _ufunc(_g.sigmoid_entry), "sigmoid_grad": _ufunc(_g.sigmoid_grad_entry)}
