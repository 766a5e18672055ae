"""The pure logic of the record: periods, cells, the canonical choice, claims (no I/O, no wire formats)."""
