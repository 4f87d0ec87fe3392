"""Linked data: our compact JSON-LD <-> RDF, without a generic JSON-LD processor on the hot path.

The bundled context is small and ours, so its term table drives both directions; tests check
the output against rdflib's own JSON-LD parser and against the SHACL shapes.
"""
