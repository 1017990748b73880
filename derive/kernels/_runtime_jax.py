"""The helpers of kernels emitted for JAX (derive emit --backend jax), copied into each module.

The counterpart of derive/kernels/_runtime.py's user helpers, over jax.numpy arrays. As everywhere
in JAX, float64 needs ``jax.config.update("jax_enable_x64", True)``; without it JAX computes in
float32. The checks read shapes only (and a one-hot argument's values outside jax.jit), so an
emitted function can be traced by jax.jit and differentiated by jax.grad. Importing this module
imports jax.
"""

import jax
import jax.numpy

__all__ = ["_arguments", "_onehot", "_softmax", "_log_softmax", "_sigmoid", "_sigmoid_grad", "USER_HELPERS"]


def _arguments(values, names, ranks, sizes=()):
    """The arguments as jax arrays of one float dtype, checked; a number with batch axes gets a trailing one of length 1.

    ``ranks``, ``sizes`` and the errors are those of the NumPy runtime's _arguments.
    """
    arrays = []
    for value, name, rank in zip(values, names, ranks):
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{name} must be a number or an array of numbers, got a {type(value).__name__}")
        try:
            a = jax.numpy.asarray(value)
        except (ValueError, TypeError) as exc:
            raise TypeError(f"{name} must be an array of numbers: {exc}") from None
        if a.dtype.kind not in "biuf":
            raise TypeError(f"{name} must hold real numbers, got dtype {a.dtype}")
        if a.ndim < rank:
            what = ("a number", "a vector", "a matrix")[min(rank, 2)]
            raise ValueError(f"{name} must be {what} with {rank} axes (after any batch axes), got shape {a.shape}")
        arrays.append(a)
    floats = [a.dtype for a, rank in zip(arrays, ranks) if rank] or [a.dtype for a in arrays]
    dtype = jax.numpy.float32 if all(d == jax.numpy.float32 for d in floats) else jax.numpy.float64
    for pairs in sizes:
        lengths = {names[n]: arrays[n].shape[arrays[n].ndim - ranks[n] + axis] for n, axis in pairs}
        if len(set(lengths.values())) > 1:
            said = ", ".join(f"{name} has {length}" for name, length in lengths.items())
            raise ValueError(f"the lengths of {', '.join(lengths)} must agree: {said}")
        if 0 in lengths.values():
            raise ValueError(f"{next(iter(lengths))} is empty")
    batches = [a.shape[:a.ndim - rank] for a, rank in zip(arrays, ranks)]
    try:
        jax.numpy.broadcast_shapes(*batches)
    except ValueError:
        said = ", ".join(f"{name} {batch}" for name, batch in zip(names, batches))
        raise ValueError(f"the batch axes of the arguments do not broadcast: {said}") from None
    return [a.astype(dtype)[..., None] if rank == 0 and a.ndim else a.astype(dtype) for a, rank in zip(arrays, ranks)]


def _onehot(y, name):
    """y itself, after checking that each row (last axis) is one-hot (not checkable while traced)."""
    if isinstance(y, jax.core.Tracer):
        return y
    if not bool((((y == 0) | (y == 1)).all()) & (jax.numpy.sum(y, axis=-1) == 1).all()):
        raise ValueError(f"{name} must be one-hot along its last axis (the derivation assumes it)")
    return y


def _softmax(v):
    """softmax over the last axis (jax.nn's, which shifts by the row maximum)."""
    return jax.nn.softmax(v, axis=-1)


def _log_softmax(v):
    """log softmax over the last axis (jax.nn's)."""
    return jax.nn.log_softmax(v, axis=-1)


def _sigmoid(v):
    """The logistic function, entry by entry (jax.nn's)."""
    return jax.nn.sigmoid(v)


def _sigmoid_grad(v):
    """sigma'(v) = sigma(v) sigma(-v), entry by entry."""
    return _sigmoid(v) * _sigmoid(-v)


# What each helper calls in turn.
USER_HELPERS = {"_arguments": (), "_onehot": (), "_softmax": (), "_log_softmax": (), "_sigmoid": (),
                "_sigmoid_grad": ("_sigmoid",)}
