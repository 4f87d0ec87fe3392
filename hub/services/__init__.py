"""Services: what the web layer and the CLI call. They take parsed input, return results, and
raise `ServiceError`s; they never see a Request."""
