"""Instructions per document of ``vanban.parse(text).to_dict()`` under callgrind.

Wall-clock and even CPU-time figures move with the other jobs of a shared machine; instruction
counts do not. The texts are those of :mod:`benchmarks.parse_outputs` without mutations (dev
corpus, fixtures and real fixtures): each is parsed twice first (imports, compiled patterns,
memos filled, as in a long-running process), the heap is frozen, then the set is parsed
``rounds`` times. Two runs, with ``--rounds 1`` and ``--rounds 5``, differ only by four rounds,
so their difference over four times the number of texts is the cost of one document without
start-up::

    python -m benchmarks.parse_callgrind --vanban src            # this tree
    python -m benchmarks.parse_callgrind --vanban /tmp/old/src   # another version

Needs ``valgrind``. ``PYTHONHASHSEED=0`` makes runs repeatable.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(rounds: int) -> None:
    import gc

    from benchmarks.parse_outputs import texts
    from vanban import parse

    docs = [text for _, text in texts()]
    for _ in range(2):
        for text in docs:
            parse(text).to_dict()
    gc.collect()
    gc.freeze()
    for _ in range(rounds):
        for text in docs:
            parse(text).to_dict()
    print(len(docs))


def _instructions(vanban_src: str, rounds: int) -> tuple[int, int]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=f"{vanban_src}:{ROOT}")
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-m",
            "benchmarks.parse_callgrind",
            "--child",
            str(rounds),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise RuntimeError(run.stderr[-2000:])
    return int(found.group(1)), int(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanban", action="append", default=[], help="a src folder (repeatable)")
    parser.add_argument("--child", type=int, default=None)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child)
        return
    for src in args.vanban or [str(ROOT / "src")]:
        one, count = _instructions(src, 1)
        five, _ = _instructions(src, 5)
        per_doc = (five - one) / (4 * count)
        print(f"{src}: {per_doc / 1e6:.3f} M instructions per document ({count} texts)")


if __name__ == "__main__":
    main()
