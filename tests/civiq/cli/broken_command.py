"""A subcommand that fails with what no command names itself: for the tests of the
``civiq`` command's last resort."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", nargs="?")


def run(args: argparse.Namespace) -> int:
    raise RuntimeError("something no command expected")
