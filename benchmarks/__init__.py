"""Benchmarks that print their figures: `python -m benchmarks.dashboard_speed`."""
