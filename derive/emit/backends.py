"""Array libraries a user's kernels can be printed for: NumPy (the default), PyTorch and JAX.

A backend is a printer (derive.numpy_printer.ArrayPrinter, or a subclass that names another
library's functions), the module the emitted code imports, and the hand-written runtime whose
helpers the emitted module copies. PyTorch's and JAX's kernels take and return their arrays, so
that a hand-derived gradient can be set against torch.autograd's or jax.grad's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EmitRefused
from ..numpy_printer import ArrayPrinter

__all__ = ["Backend", "BACKENDS", "backend", "TorchPrinter", "JaxPrinter", "enable_float64"]

# NumPy's names -> PyTorch's, for what ArrayPrinter prints.
_TORCH_NAMES = {"numpy.eye": "torch.eye", "numpy.copysign": "torch.copysign", "numpy.where": "torch.where",
                "numpy.abs": "torch.abs", "numpy.signbit": "torch.signbit", "numpy.log1p": "torch.log1p",
                "numpy.log": "torch.log", "numpy.exp": "torch.exp", "numpy.swapaxes": "torch.swapaxes",
                "numpy.sqrt": "torch.sqrt", "numpy.sin": "torch.sin", "numpy.cos": "torch.cos",
                "numpy.tanh": "torch.tanh", "numpy.maximum": "torch.maximum", "numpy.minimum": "torch.minimum"}


class TorchPrinter(ArrayPrinter):
    """ArrayPrinter with PyTorch's functions: sums are torch.sum over dim=-1; anything else is refused."""

    def _module_format(self, fqn, register=True):
        name = _TORCH_NAMES.get(fqn)
        if name is None:
            raise EmitRefused(f"no PyTorch form for {fqn}")
        return name

    def _reduce(self, text: str, keep: bool) -> str:
        return f"torch.sum({text}, dim=-1{', keepdim=True' if keep else ''})"

    def _print_Min(self, expr):
        raise EmitRefused("min/max of a tensor and a number has no one-call PyTorch form here")

    _print_Max = _print_Min


class JaxPrinter(ArrayPrinter):
    """ArrayPrinter with jax.numpy's functions, which follow NumPy's; sums are jax.numpy.sum."""

    def _module_format(self, fqn, register=True):
        if fqn not in _TORCH_NAMES:
            raise EmitRefused(f"no JAX form for {fqn}")
        return "jax." + fqn

    def _reduce(self, text: str, keep: bool) -> str:
        return f"jax.numpy.sum({text}, axis=-1{', keepdims=True' if keep else ''})"


@dataclass(frozen=True)
class Backend:
    """What a module for one array library needs: its printer, its import, its runtime module."""

    name: str
    printer: type | None  # None: NumPy's ArrayPrinter
    module: str  # the one import of an emitted module
    runtime: str  # the module the helpers are copied from
    fast_path: bool  # whether ready arguments skip the checks (NumPy arrays)


BACKENDS = {
    "numpy": Backend("numpy", None, "numpy", "derive.kernels._runtime", True),
    "torch": Backend("torch", TorchPrinter, "torch", "derive.kernels._runtime_torch", False),
    "jax": Backend("jax", JaxPrinter, "jax.numpy", "derive.kernels._runtime_jax", False),
}


def backend(name: str) -> Backend:
    if name not in BACKENDS:
        raise EmitRefused(f"no backend {name!r}; use one of {', '.join(BACKENDS)}")
    return BACKENDS[name]


def enable_float64(name: str) -> None:
    """Let the backend compute in float64 in this process (JAX: jax_enable_x64), for --verify."""
    if name == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)
