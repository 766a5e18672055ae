"""HTTP routes: thin functions that parse input, ask the record or a query, and shape the answer."""
