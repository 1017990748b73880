"""The emitter: proved formulas printed as NumPy functions people import.

* derive.emit.printer prints a kernel's form (outputs, definitions) as a function body;
* derive.emit.builtin holds the catalog's kernels, written to derive/kernels/_generated.py;
* derive.emit.user picks the proved steps of a user's derivations, derive.emit.module prints them;
* derive.emit.evaluate evaluates emitted functions against the formulas at high precision.

Emission takes the verifier's results (CheckResults, as the reports do) and never runs the
verifier itself; nothing less than proved for every size is emitted.
"""

from __future__ import annotations

from ..errors import EmitRefused
from .builtin import (KERNELS, Emitted, Kernel, KernelSpec, claims_used, default_path, emit_kernels,
                      kernel_specs, render_kernels)
from .module import emit_module, render_module, write_module
from .user import KernelRequest, UserKernel, select_kernels

__all__ = ["KERNELS", "EmitRefused", "Emitted", "Kernel", "KernelSpec", "claims_used", "default_path", "emit_kernels",
           "kernel_specs", "render_kernels", "KernelRequest", "UserKernel", "emit_module", "render_module",
           "select_kernels", "write_module"]
