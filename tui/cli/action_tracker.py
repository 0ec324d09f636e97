"""``postmortem actions push`` and ``sync``: one issue per action item through ``gh`` or ``glab``, and their
state read back."""

from __future__ import annotations

import argparse


def add_push_parser(which: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    which.add_parser("push", help="create one issue per action item (gh or glab)")


def add_sync_parser(which: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    which.add_parser("sync", help="read each action item's issue state back")


def run_push(args: argparse.Namespace) -> int:
    return 2


def run_sync(args: argparse.Namespace) -> int:
    return 2
