"""OAuth 2.0 in every instance: an authorization server for machine clients (client
credentials, RFC 6749 section 4.4; client authentication by `client_secret_basic` and
`private_key_jwt`, RFC 7523; JWT access tokens, RFC 9068) and the checks that protect reads
and writes (RFC 6750). ARCHITECTURE.md section 6."""
