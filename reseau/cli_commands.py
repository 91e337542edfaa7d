"""The sub-commands of `python -m reseau`: each module adds its own with `register(subparsers)`."""

from __future__ import annotations

import argparse
import importlib

# Modules that define `register(subparsers)`; a module not written yet is simply absent.
COMMAND_MODULES = ("reseau.importing.cli", "reseau.export.cli", "reseau.storage.cli")


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name and name.startswith(missing.name):
                continue
            raise
        module.register(subparsers)
