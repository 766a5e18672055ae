"""Figures stored in the database: tables, all SQL, engines and migrations."""
