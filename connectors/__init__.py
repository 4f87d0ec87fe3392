"""Connectors: one module per kind of source a hub harvests, behind one `Connector` protocol
(ARCHITECTURE.md section 3). This package never imports `hub`; none is written yet."""
