"""The HTTP API: routes, parameters, problems, v1 response schemas and their presentation."""
