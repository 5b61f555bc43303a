"""The scale benchmark (`make bench-scale`): every operation an analyst waits for, at case scale.

`python -m workbench.bench.scale --sizes 10000,100000` generates (or reuses, cached) projects of
each size and prints one row per operation as soon as it is measured:
`operation | size | ours | floor | ratio | target | ok`. Each area's rows come from one small
module listed in `registry.PRODUCERS`; see `registry` for how to add one.
"""
