"""`python -m reseau`: the command line for trainers preparing a workshop.

Each sub-command lives with the part of the domain it drives and registers itself here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reseau", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    from reseau.cli_commands import register_all

    register_all(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
