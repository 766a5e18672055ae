"""Renderers: the same values the JSON view serves, as CSV rows or a sentence for a terminal."""
