"""From documents to rows: parse seed documents, validate them, and write them in one transaction."""
