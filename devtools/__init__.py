"""Helpers for tests and benchmarks (never imported by the app): a local server, a headless browser."""
