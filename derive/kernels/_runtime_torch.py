"""The helpers of kernels emitted for PyTorch (derive emit --backend torch), copied into each module.

The counterpart of derive/kernels/_runtime.py's user helpers, over tensors: arguments become
tensors of one float dtype (float32 when every array argument is float32, else float64) without
leaving the autograd graph, so that torch.autograd can differentiate an emitted function.
Importing this module imports torch.
"""

import torch

__all__ = ["_arguments", "_onehot", "_softmax", "_log_softmax", "_sigmoid", "_sigmoid_grad", "USER_HELPERS"]


def _arguments(values, names, ranks, sizes=()):
    """The arguments as tensors of one float dtype, checked; a number with batch axes gets a trailing one of length 1.

    ``ranks``, ``sizes`` and the errors are those of the NumPy runtime's _arguments.
    """
    tensors = []
    for value, name, rank in zip(values, names, ranks):
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{name} must be a number or an array of numbers, got a {type(value).__name__}")
        try:
            a = value if isinstance(value, torch.Tensor) else torch.as_tensor(value)
        except (ValueError, TypeError, RuntimeError) as exc:
            raise TypeError(f"{name} must be an array of numbers: {exc}") from None
        if a.dtype.is_complex:
            raise TypeError(f"{name} must hold real numbers, got dtype {a.dtype}")
        if a.ndim < rank:
            what = ("a number", "a vector", "a matrix")[min(rank, 2)]
            raise ValueError(f"{name} must be {what} with {rank} axes (after any batch axes), got shape "
                             f"{tuple(a.shape)}")
        tensors.append(a)
    floats = [a.dtype for a, rank in zip(tensors, ranks) if rank] or [a.dtype for a in tensors]
    dtype = torch.float32 if all(d == torch.float32 for d in floats) else torch.float64
    for pairs in sizes:
        lengths = {names[n]: tensors[n].shape[tensors[n].ndim - ranks[n] + axis] for n, axis in pairs}
        if len(set(lengths.values())) > 1:
            said = ", ".join(f"{name} has {length}" for name, length in lengths.items())
            raise ValueError(f"the lengths of {', '.join(lengths)} must agree: {said}")
        if 0 in lengths.values():
            raise ValueError(f"{next(iter(lengths))} is empty")
    batches = [tuple(a.shape[:a.ndim - rank]) for a, rank in zip(tensors, ranks)]
    try:
        torch.broadcast_shapes(*batches)
    except RuntimeError:
        said = ", ".join(f"{name} {batch}" for name, batch in zip(names, batches))
        raise ValueError(f"the batch axes of the arguments do not broadcast: {said}") from None
    return [a.to(dtype)[..., None] if rank == 0 and a.ndim else a.to(dtype) for a, rank in zip(tensors, ranks)]


def _onehot(y, name):
    """y itself, after checking that each row (last axis) is one-hot: zeros and a single one."""
    if not bool((((y == 0) | (y == 1)).all()) & (torch.sum(y, dim=-1) == 1).all()):
        raise ValueError(f"{name} must be one-hot along its last axis (the derivation assumes it)")
    return y


def _softmax(v):
    """softmax over the last axis (PyTorch's, which shifts by the row maximum)."""
    return torch.softmax(v, dim=-1)


def _log_softmax(v):
    """log softmax over the last axis (PyTorch's)."""
    return torch.log_softmax(v, dim=-1)


def _sigmoid(v):
    """The logistic function, entry by entry (PyTorch's)."""
    return torch.sigmoid(v)


def _sigmoid_grad(v):
    """sigma'(v) = sigma(v) sigma(-v), entry by entry."""
    return _sigmoid(v) * _sigmoid(-v)


# What each helper calls in turn.
USER_HELPERS = {"_arguments": (), "_onehot": (), "_softmax": (), "_log_softmax": (), "_sigmoid": (),
                "_sigmoid_grad": ("_sigmoid",)}
