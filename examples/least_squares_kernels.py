"""Kernels printed by derive emit from proved steps of least_squares.md.

Do not edit: regenerate with `derive emit`; `derive emit ... --check` fails when this module is
out of date. Each function computes the last side of a chain every link of which derive proved for
every size; its docstring gives the formula, the file and line, and the tier of the proof.
"""

import numpy

__all__ = ["L", "dL_dw", "dL_db", "dL_dx"]


def _arguments(values, names, ranks, sizes=()):
    """The arguments as arrays of one float dtype, checked; a number with batch axes gets a trailing one of length 1.

    ``ranks`` gives each argument's number of axes beyond the batch axes (0 for a number, 1 for
    a vector, 2 for a matrix); ``sizes`` lists, for each size of the formula, the (argument,
    axis) pairs whose lengths it is, which must agree. The dtype is float32 when every array
    argument (rank > 0) is float32 and float64 otherwise; numbers take it too. Errors name the
    argument at fault.
    """
    arrays = []
    for value, name, rank in zip(values, names, ranks):
        if type(value) is numpy.ndarray and value.dtype.kind == "f" and value.ndim >= rank:
            arrays.append(value)  # already fit: the checks below cost more than the formula on small arrays
            continue
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{name} must be a number or an array of numbers, got a {type(value).__name__}")
        try:
            a = numpy.asarray(value)
        except (ValueError, TypeError) as exc:
            raise TypeError(f"{name} must be an array of numbers: {exc}") from None
        if a.dtype.kind not in "biuf":
            raise TypeError(f"{name} must hold real numbers, got dtype {a.dtype}")
        if a.ndim < rank:
            what = ("a number", "a vector", "a matrix")[min(rank, 2)]
            raise ValueError(f"{name} must be {what} with {rank} axes (after any batch axes), got shape {a.shape}")
        arrays.append(a)
    floats = [a.dtype for a, rank in zip(arrays, ranks) if rank] or [a.dtype for a in arrays]
    single = numpy.dtype(numpy.float32)
    dtype = single if all(d == single for d in floats) else numpy.dtype(numpy.float64)
    for pairs in sizes:
        lengths = {names[n]: arrays[n].shape[arrays[n].ndim - ranks[n] + axis] for n, axis in pairs}
        if len(set(lengths.values())) > 1:
            said = ", ".join(f"{name} has {length}" for name, length in lengths.items())
            raise ValueError(f"the lengths of {', '.join(lengths)} must agree: {said}")
        if 0 in lengths.values():
            raise ValueError(f"{next(iter(lengths))} is empty")
    batches = {a.shape[:a.ndim - rank] for a, rank in zip(arrays, ranks)} - {()}
    if len(batches) > 1:
        try:
            numpy.broadcast_shapes(*batches)
        except ValueError:
            said = ", ".join(f"{name} {a.shape[:a.ndim - rank]}" for name, a, rank in zip(names, arrays, ranks))
            raise ValueError(f"the batch axes of the arguments do not broadcast: {said}") from None
    # A number without batch axes stays 0-d: NumPy broadcasts it in its fast scalar loops, where a
    # trailing axis of length 1 would take the slower strided ones (twice the time at N = 10^6).
    return [(a if a.dtype == dtype else a.astype(dtype))[..., None] if rank == 0 and a.ndim else
            a if a.dtype == dtype else a.astype(dtype) for a, rank in zip(arrays, ranks)]


def L(b, w, x, y):
    """L = sum_i((b - y[i] + w*x[i])^2)

    From least_squares.md, line 5: proved for all N (derive emit prints only proved steps).
    As written there: L = \\sum_{i=1}^{N} (w x_i + b - y_i)^2

    Arguments, in this order:
        b: a number (or an array over the batch axes)
        w: a number (or an array over the batch axes)
        x: a vector (..., N)
        y: a vector (..., N)

    Returns one number per batch entry; float32 when every array argument is float32, else float64.

    Where L := sum_i((b - y[i] + w*x[i])^2).
    """
    if not (type(b) is float and type(w) is float and type(x) is numpy.ndarray and
            type(y) is numpy.ndarray and x.dtype.char in "fd" and y.dtype == x.dtype and
            x.ndim == 1 and y.ndim == 1 and x.shape[0] == y.shape[0] > 0):
        b, w, x, y = _arguments((b, w, x, y), ('b', 'w', 'x', 'y'), (0, 0, 1, 1), (((2, 0), (3, 0)),))
    r = numpy.add.reduce((b + w*x - y)**2, axis=-1, keepdims=True)
    return (r[..., 0] if numpy.ndim(r) else r)[()]


def dL_dw(w, b, x, y):
    """dL/dw = 2*sum_i((b - y[i] + w*x[i])*x[i])

    From least_squares.md, line 12, step (1): proved for all N (derive emit prints only proved steps).
    As written there: \\frac{\\partial L}{\\partial w} = \\sum_{i=1}^{N} 2 (w x_i + b - y_i) x_i = 2 \\sum_{i=1}^{N} (w x_i + b - y_i) x_i

    Arguments, in this order:
        w: a number (or an array over the batch axes)
        b: a number (or an array over the batch axes)
        x: a vector (..., N)
        y: a vector (..., N)

    Returns one number per batch entry; float32 when every array argument is float32, else float64.

    Where L := sum_i((b - y[i] + w*x[i])^2).
    """
    if not (type(w) is float and type(b) is float and type(x) is numpy.ndarray and
            type(y) is numpy.ndarray and x.dtype.char in "fd" and y.dtype == x.dtype and
            x.ndim == 1 and y.ndim == 1 and x.shape[0] == y.shape[0] > 0):
        w, b, x, y = _arguments((w, b, x, y), ('w', 'b', 'x', 'y'), (0, 0, 1, 1), (((2, 0), (3, 0)),))
    r = 2*numpy.add.reduce((b + w*x - y)*x, axis=-1, keepdims=True)
    return (r[..., 0] if numpy.ndim(r) else r)[()]


def dL_db(b, w, x, y):
    """dL/db = 2*sum_i(b - y[i] + w*x[i])

    From least_squares.md, line 18, step (2): proved for all N (derive emit prints only proved steps).
    As written there: \\frac{\\partial L}{\\partial b} = 2 \\sum_{i=1}^{N} (w x_i + b - y_i)

    Arguments, in this order:
        b: a number (or an array over the batch axes)
        w: a number (or an array over the batch axes)
        x: a vector (..., N)
        y: a vector (..., N)

    Returns one number per batch entry; float32 when every array argument is float32, else float64.

    Where L := sum_i((b - y[i] + w*x[i])^2).
    """
    if not (type(b) is float and type(w) is float and type(x) is numpy.ndarray and
            type(y) is numpy.ndarray and x.dtype.char in "fd" and y.dtype == x.dtype and
            x.ndim == 1 and y.ndim == 1 and x.shape[0] == y.shape[0] > 0):
        b, w, x, y = _arguments((b, w, x, y), ('b', 'w', 'x', 'y'), (0, 0, 1, 1), (((2, 0), (3, 0)),))
    r = 2*numpy.add.reduce(b + w*x - y, axis=-1, keepdims=True)
    return (r[..., 0] if numpy.ndim(r) else r)[()]


def dL_dx(x, b, w, y):
    """dL/dx[k] = 2*w*(b - y[k] + w*x[k])

    From least_squares.md, line 24, step (3): proved for all N (derive emit prints only proved steps).
    As written there: \\frac{\\partial L}{\\partial x_k} = 2 w (w x_k + b - y_k)

    Arguments, in this order:
        x: a vector (..., N)
        b: a number (or an array over the batch axes)
        w: a number (or an array over the batch axes)
        y: a vector (..., N)

    Returns an array (..., N): entry (k) of the right side; float32 when every array argument is float32, else float64.

    Where L := sum_i((b - y[i] + w*x[i])^2).
    """
    if not (type(x) is numpy.ndarray and type(b) is float and type(w) is float and
            type(y) is numpy.ndarray and x.dtype.char in "fd" and y.dtype == x.dtype and
            x.ndim == 1 and y.ndim == 1 and x.shape[0] == y.shape[0] > 0):
        x, b, w, y = _arguments((x, b, w, y), ('x', 'b', 'w', 'y'), (1, 0, 0, 1), (((0, 0), (3, 0)),))
    return 2*w*(b + w*x - y)
