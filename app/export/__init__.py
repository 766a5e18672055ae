"""Copies of the API on disk: the bulk bundle, and a static copy of every GET that nginx serves."""
