"""Benchmarks (`make bench`): each area's module prints its own table of measurements."""
