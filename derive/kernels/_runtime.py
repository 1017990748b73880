"""The runtime of the generated kernels: helpers derive/kernels/_generated.py imports by name.

These functions are what the printed code calls around the proved formulas (gathers, the
sum that leaves one entry out, the shift and split that keep exp in range). They are written
by hand, not printed, and tested in tests/test_kernels.py; a module emitted from a user's
derivation copies the source of the ones it calls, so that it imports numpy only.
"""

import numpy

__all__ = ["_take", "_sum_except", "_moderate", "_shift", "_split", "_exp_split", "_LIMIT", "_MODERATE", "_ZERO",
           "_arguments", "_onehot", "_softmax", "_log_softmax", "_sigmoid", "_sigmoid_grad", "USER_HELPERS"]


def _take(a, k):
    """The entries of a at the positions k (one per row, keepdims) along the last axis."""
    if a.ndim == 1:
        return a[k]
    return numpy.take_along_axis(a, k, axis=-1)


def _sum_except(a, k):
    """The sum over the last axis of a, leaving out the entry at position k (written into a)."""
    if a.ndim == 1:
        a[k[0]] = 0
    elif a.flags.c_contiguous:
        a.reshape(-1)[k.reshape(-1) + numpy.arange(0, a.size, a.shape[-1])] = 0
    else:
        numpy.put_along_axis(a, k, 0, axis=-1)
    return numpy.add.reduce(a, axis=-1, keepdims=True)


# log(largest float) - 40, rounded down: below exp(LIMIT) a row of up to e^40 entries sums to a finite number.
_LIMIT = {numpy.dtype(numpy.float32): 48.0, numpy.dtype(numpy.float64): 669.0}


# Above these, exp(-x) stays finite: e^700 and e^80 are below the largest float64 and float32.
_MODERATE = {numpy.dtype(numpy.float32): -80.0, numpy.dtype(numpy.float64): -700.0}


def _moderate(x):
    """Whether exp(-x) is finite at every entry of x (False when any is NaN)."""
    return bool(numpy.minimum.reduce(x, axis=None) >= _MODERATE[x.dtype])


def _shift(top, finite):
    """The shift c per row for exp(x - c), from the row maximum top (keepdims).

    0 while top lies in [0, LIMIT]: then x - 0 is exact and nothing overflows (the number 0.0
    when every row is so). Otherwise the integer nearest top, which keeps every exponent at
    most 1/2 and makes x - c splittable (see _split). A row whose maximum is not finite keeps
    it (finite=False) or gets 0.
    """
    limit = _LIMIT[top.dtype]
    if top.size == 1:
        v = top.item()
        if 0 <= v <= limit:
            return 0.0
        if v - v == 0:  # finite: the nearest integer, ties to even as numpy.rint
            return numpy.full_like(top, round(v))
        return numpy.full_like(top, 0 if finite else v)
    if 0 <= top.min() and top.max() <= limit:
        return 0.0
    c = numpy.rint(top)
    c[(top >= 0) & (top <= limit)] = 0
    if finite:
        c[~numpy.isfinite(c)] = 0
    return c


def _split(x, c):
    """x - c as (t, d): t = fl(x - c) and d = (x - c) - t exactly; (x, None) when c is the number 0.

    With c an integer, t + c is exact wherever exp(t) does not underflow, so x - (t + c) is the
    exact rounding error (the two-sum error term in two operations). Where that fails, x is
    -inf or exp(t) rounds to 0, which _exp_split drops (d is not read), or x is +inf or NaN,
    which makes the result NaN as it is anyway.
    """
    if isinstance(c, float):
        return x, None
    t = x - c
    d = t + c
    numpy.subtract(x, d, out=d)
    return t, d


# Below these, e^t is less than half the smallest subnormal (e^-745.13, e^-103.97): it rounds to 0.
_ZERO = {numpy.dtype(numpy.float32): -104.0, numpy.dtype(numpy.float64): -746.0}


def _exp_split(t, d):
    """exp(t) exp(d) as exp(t) + exp(t) d, the first-order term of exp(d): |d| < 2^-43, so within 2^-80.

    Written into t and d, which _split made for this call alone (t is x itself when d is None).
    Entries whose exponential rounds to 0 get 0 without calling exp, whose vectorised loop
    falls back to a slow scalar path on them (a shifted row of wide spread has many). At
    x = +inf, d is NaN and so is the result, as the row's is anyway.
    """
    if d is None:
        return numpy.exp(t)
    drop = t <= _ZERO[t.dtype]  # -inf among them; not NaN, which stays NaN through exp
    e = numpy.exp(t, out=t, where=~drop)
    p = numpy.multiply(e, d, out=d)
    p += e
    numpy.copyto(p, 0.0, where=drop)  # what the dropped entries held was never an exponential
    return p


# --- the helpers of modules emitted from users' derivations ------------------------------------
# derive.emit.user copies the source of each one a module calls (with the ones it calls in turn).


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


def _onehot(y, name):
    """y itself, after checking that each row (last axis) is one-hot: zeros and a single one."""
    if not (((y == 0) | (y == 1)).all() and (numpy.add.reduce(y, axis=-1) == 1).all()):
        raise ValueError(f"{name} must be one-hot along its last axis (the derivation assumes it)")
    return y


def _softmax(v):
    """softmax over the last axis, shifted by the row maximum so that exp never overflows."""
    e = numpy.exp(v - numpy.maximum.reduce(v, axis=-1, keepdims=True))
    return e / numpy.add.reduce(e, axis=-1, keepdims=True)


def _log_softmax(v):
    """log softmax over the last axis, through the log-sum-exp shifted by the row maximum."""
    z = v - numpy.maximum.reduce(v, axis=-1, keepdims=True)
    return z - numpy.log(numpy.add.reduce(numpy.exp(z), axis=-1, keepdims=True))


def _sigmoid(v):
    """The logistic function, entry by entry, as e^{min(v, 0)} / (1 + e^{-|v|}): nothing overflows."""
    return numpy.exp(numpy.minimum(v, 0)) / (1 + numpy.exp(-numpy.abs(v)))


def _sigmoid_grad(v):
    """sigma'(v) = sigma(v) sigma(-v), entry by entry."""
    return _sigmoid(v) * _sigmoid(-v)


# What each helper of a user module calls in turn, and the names the printer gives the functions.
USER_HELPERS = {"_arguments": (), "_onehot": (), "_softmax": (), "_log_softmax": (), "_sigmoid": (),
                "_sigmoid_grad": ("_sigmoid",)}
