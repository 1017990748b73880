"""``python -m derive``: the command line, for environments where the script is not on PATH."""

from .cli import main

main()
