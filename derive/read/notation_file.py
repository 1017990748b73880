"""Notation files: what the symbols of a Markdown or LaTeX derivation mean (TOML), with defaults.

A notation says which names are sizes, which letters are indices over which size, which names are
vectors, matrices and scalars, which vector is one-hot and of which class, which names are
functions, and which names are defined by a formula (written in the same LaTeX as the document).
Keys are written as in the document: ``x``, ``'\\theta'``, ``'\\hat{y}'``, ``CE``.

A user's file is laid over the defaults (a name it declares loses any default meaning), unless it
sets ``defaults = false`` before its first table.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NotationError

__all__ = ["Notation", "FUNCTION_KINDS", "DEFAULT_TOML", "default_notation", "load_notation",
           "parse_notation", "canonical_key", "check_definitions"]

FUNCTION_KINDS = ("sigmoid", "softmax", "log", "exp", "cross-entropy")

DEFAULT_TOML = r"""
# The conventions of the built-in topics.
scalars = ["c"]

[sizes]
N = ["i", "j", "k", "l", "t"]     # index letters that run over 1..N

[aliases]                         # other names documents give the same size
n = "N"
K = "N"

[vectors]
x = "N"
'\theta' = "N"                    # the logits
y = "N"                           # the true label, one-hot
'\hat{y}' = "N"                   # the prediction

[onehot]
y = "t"                           # y is the one-hot vector of class t

[functions]
'\sigma' = "sigmoid"
softmax = "softmax"
CE = "cross-entropy"

[definitions]
'\hat{y}' = '\operatorname{softmax}(\theta)'
"""

_KEY = re.compile(r"^(?:(\\(?:hat|widehat|bar|overline|tilde|widetilde|dot))\s*(?:\{\s*(\\?[A-Za-z]+)\s*\}|\s+(\\?[A-Za-z]+)|(\\[A-Za-z]+))"
                  r"|(\\?[A-Za-z]+))$")
_ACCENT_ALIASES = {"\\widehat": "\\hat", "\\overline": "\\bar", "\\widetilde": "\\tilde"}
_TOP_KEYS = {"defaults", "scalars", "sizes", "aliases", "vectors", "matrices", "onehot", "functions",
             "definitions", "kernels", "layout"}  # [kernels] is read by derive emit (derive.emit.user.requests_in)
LAYOUTS = ("numerator", "denominator")  # layout = "denominator": how the document writes Jacobians


def canonical_key(text: str) -> str:
    """The one spelling of a name: ``\\hat y``, ``\\hat{y}`` and ``\\widehat{y}`` are all ``\\hat{y}``."""
    m = _KEY.match(text.strip())
    if not m:
        raise NotationError(f"{text!r} is not a name (expected a letter, a word, \\greek or \\hat{{y}})")
    accent, braced, spaced, command, plain = m.groups()
    if plain:
        return plain
    base = braced or spaced or command
    return f"{_ACCENT_ALIASES.get(accent, accent)}{{{base}}}"


@dataclass(frozen=True)
class Notation:
    """What each name means. Every map is keyed by canonical name."""

    sizes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # size -> its index letters
    aliases: dict[str, str] = field(default_factory=dict)  # other name -> size
    vectors: dict[str, str] = field(default_factory=dict)  # name -> size
    matrices: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (rows, cols)
    scalars: tuple[str, ...] = ()
    onehot: dict[str, str] = field(default_factory=dict)  # vector -> class index letter
    functions: dict[str, str] = field(default_factory=dict)  # name -> kind
    definitions: dict[str, str] = field(default_factory=dict)  # name -> LaTeX formula
    layout: str = ""  # of derivatives of vectors by vectors: "numerator", "denominator", "" (not stated)
    rows: tuple[str, ...] = ()  # vectors declared as rows (x \in \mathbb{R}^{1 \times N}): 1 x N

    def size_of_index(self, letter: str) -> str | None:
        for size, letters in self.sizes.items():
            if letter in letters:
                return size
        return None

    def size_name(self, name: str) -> str | None:
        """The size a name stands for (itself or through an alias), or None."""
        if name in self.sizes:
            return name
        return self.aliases.get(name)

    def kind_of(self, name: str) -> str | None:
        if name in self.vectors:
            return "vector"
        if name in self.matrices:
            return "matrix"
        if name in self.scalars:
            return "scalar"
        if name in self.functions:
            return "function"
        if self.size_name(name):
            return "size"
        if self.size_of_index(name):
            return "index"
        return None

    def without(self, names: set[str]) -> "Notation":
        """The notation with these names forgotten (a later declaration takes their place)."""
        return Notation(
            sizes={s: tuple(i for i in ix if i not in names) for s, ix in self.sizes.items() if s not in names},
            aliases={a: s for a, s in self.aliases.items() if a not in names},
            vectors={k: v for k, v in self.vectors.items() if k not in names},
            matrices={k: v for k, v in self.matrices.items() if k not in names},
            scalars=tuple(s for s in self.scalars if s not in names),
            onehot={k: v for k, v in self.onehot.items() if k not in names},
            functions={k: v for k, v in self.functions.items() if k not in names},
            definitions={k: v for k, v in self.definitions.items() if k not in names},
            layout=self.layout,
            rows=tuple(r for r in self.rows if r not in names),
        )

    def over(self, base: "Notation") -> "Notation":
        """This notation laid over ``base``: names declared here lose their meaning in base."""
        declared = (set(self.sizes) | {i for ix in self.sizes.values() for i in ix} | set(self.aliases)
                    | set(self.vectors) | set(self.matrices) | set(self.scalars) | set(self.functions))
        below = base.without(declared)
        defined_here = set(self.definitions)
        return Notation(
            sizes={**below.sizes, **self.sizes},
            aliases={**below.aliases, **self.aliases},
            vectors={**below.vectors, **self.vectors},
            matrices={**below.matrices, **self.matrices},
            scalars=tuple(dict.fromkeys(below.scalars + self.scalars)),
            onehot={**{k: v for k, v in below.onehot.items() if k not in declared}, **self.onehot},
            functions={**below.functions, **self.functions},
            definitions={**{k: v for k, v in below.definitions.items() if k not in defined_here | declared},
                         **self.definitions},
            layout=self.layout or base.layout,
            rows=tuple(dict.fromkeys(below.rows + self.rows)),
        )


def _names(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NotationError(f"{where}: expected a name or a list of names, got {value!r}")
    return [canonical_key(v) for v in value]


def _table(data: dict, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise NotationError(f"[{key}] must be a table, got {value!r}")
    return value


def _one(value, where: str) -> str:
    if not isinstance(value, str):
        raise NotationError(f"{where}: expected a name, got {value!r}")
    return canonical_key(value)


def parse_notation(text: str, where: str = "notation") -> tuple[Notation, bool]:
    """The notation a TOML text declares, and whether it is laid over the defaults."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise NotationError(f"{where}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise NotationError(f"{where}: unknown key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(_TOP_KEYS))}")
    use_defaults = data.get("defaults", True)
    if not isinstance(use_defaults, bool):
        raise NotationError(f"{where}: 'defaults' must be true or false, got {use_defaults!r}")
    sizes = {_one(k, f"{where} [sizes]"): tuple(_names(v, f"{where} [sizes] {k}"))
             for k, v in _table(data, "sizes").items()}
    aliases = {_one(k, f"{where} [aliases]"): _one(v, f"{where} [aliases] {k}")
               for k, v in _table(data, "aliases").items()}
    vectors = {_one(k, f"{where} [vectors]"): _one(v, f"{where} [vectors] {k}")
               for k, v in _table(data, "vectors").items()}
    matrices = {}
    for k, v in _table(data, "matrices").items():
        shape = _names(v, f"{where} [matrices] {k}")
        if len(shape) != 2:
            raise NotationError(f"{where} [matrices] {k}: expected [rows, columns], got {v!r}")
        matrices[_one(k, f"{where} [matrices]")] = (shape[0], shape[1])
    scalars = tuple(_names(data.get("scalars", []), f"{where} scalars"))
    onehot = {_one(k, f"{where} [onehot]"): _one(v, f"{where} [onehot] {k}")
              for k, v in _table(data, "onehot").items()}
    functions = {}
    for k, v in _table(data, "functions").items():
        if v not in FUNCTION_KINDS:
            raise NotationError(f"{where} [functions] {k} = {v!r}: expected one of {', '.join(FUNCTION_KINDS)}")
        functions[_one(k, f"{where} [functions]")] = v
    definitions = {}
    for k, v in _table(data, "definitions").items():
        if not isinstance(v, str):
            raise NotationError(f"{where} [definitions] {k}: expected a LaTeX formula, got {v!r}")
        definitions[_one(k, f"{where} [definitions]")] = v
    layout = data.get("layout", "")
    if "layout" in data and layout not in LAYOUTS:
        raise NotationError(f"{where}: 'layout' must be one of {', '.join(LAYOUTS)}, got {layout!r}")
    return (Notation(sizes, aliases, vectors, matrices, scalars, onehot, functions, definitions, layout),
            use_defaults)


def _validated(n: Notation, where: str) -> Notation:
    known_sizes = set(n.sizes)
    for alias, size in n.aliases.items():
        if size not in known_sizes:
            raise NotationError(f"{where}: alias {alias} names {size}, which is not a size")
    for name, size in n.vectors.items():
        if n.size_name(size) is None:
            raise NotationError(f"{where}: vector {name} has length {size}, which is not a size")
    for name, shape in n.matrices.items():
        for s in shape:
            if n.size_name(s) is None:
                raise NotationError(f"{where}: matrix {name} has a side {s}, which is not a size")
    for name, letter in n.onehot.items():
        if name not in n.vectors:
            raise NotationError(f"{where}: one-hot {name} is not a vector")
        if n.size_of_index(letter) is None:
            raise NotationError(f"{where}: the class {letter} of one-hot {name} is not an index letter")
    for name in n.definitions:
        if name not in n.vectors and name not in n.scalars:
            raise NotationError(f"{where}: defined name {name} must be declared as a vector or a scalar")
    seen: dict[str, str] = {}
    for kind, names in (("vector", n.vectors), ("matrix", n.matrices), ("scalar", n.scalars),
                        ("function", n.functions), ("size", n.sizes), ("alias", n.aliases),
                        ("index", [i for ix in n.sizes.values() for i in ix])):
        for name in names:
            if name in seen and seen[name] != kind or (kind == "index" and name in seen and seen[name] == "index"):
                raise NotationError(f"{where}: {name} is declared both as {seen[name]} and as {kind}")
            seen[name] = kind
    return n


def default_notation() -> Notation:
    """The conventions of the built-in topics: x, theta, y (one-hot at t), y-hat = softmax(theta)."""
    notation, _ = parse_notation(DEFAULT_TOML, "default notation")
    return _validated(notation, "default notation")


_MAX_NOTATION_BYTES = 100_000


def load_notation(path: Path | str | None) -> Notation:
    """The notation a TOML file declares, laid over the defaults; the defaults when path is None."""
    if path is None:
        return default_notation()
    path = Path(path)
    if not path.is_file():
        raise NotationError(f"notation file {str(path)!r} does not exist")
    if path.stat().st_size > _MAX_NOTATION_BYTES:
        raise NotationError(f"notation file {str(path)!r} is larger than {_MAX_NOTATION_BYTES} bytes")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NotationError(f"cannot read notation file {str(path)!r}: {exc}") from None
    notation, use_defaults = parse_notation(text, path.name)
    if use_defaults:
        notation = notation.over(default_notation())
    notation = _validated(notation, path.name)
    check_definitions(notation, path.name)
    return notation


def check_definitions(notation: Notation, where: str = "notation") -> None:
    """Raise NotationError when a definition cannot be read, or refers to itself through any chain
    of definitions (``a = b``, ``b = a``): unfolding it would never end."""
    from ..errors import FormulaError
    from .reader import Reader

    try:
        definitions = Reader(notation).definitions()
    except FormulaError as exc:
        raise NotationError(f"{where}: {exc}") from None
    except RecursionError:
        raise NotationError(f"{where}: a definition is nested too deeply to read") from None
    names = {d.name: key for d, key in zip(definitions, notation.definitions)}
    uses = {d.name: [other for other in names if d.body.has(other)] for d in definitions}
    done: set = set()
    for start in uses:
        path, stack = [], [(start, iter(uses[start]))]
        on_path = {start}
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            if child in on_path:
                loop = path[path.index(child):] + [child]
                if len(loop) == 2:
                    raise NotationError(f"{where}: {names[child]} is defined in terms of itself")
                raise NotationError(f"{where}: the definitions form a cycle: "
                                    f"{' -> '.join(names[n] for n in loop)}")
            if child not in done:
                on_path.add(child)
                path.append(child)
                stack.append((child, iter(uses[child])))
