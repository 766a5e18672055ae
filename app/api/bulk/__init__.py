"""The whole record in bulk: every table as one CSV, a Data Package describing them, the zip."""
