"""The in-memory record: built from the database in one snapshot, reloaded on a new dataset version."""
