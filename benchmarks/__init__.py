"""`make bench`: each module ``benchmarks/bench_*.py`` defines ``run(args) -> list[Figure]``.

Every figure is written to ``var/bench/<file>.json`` and printed as one line. A figure carries
its own baseline measured in the same run, so the ratio survives a noisy machine.
"""
