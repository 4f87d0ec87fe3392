"""Imported once by the forkserver of the import workers (`hub.services.imports.pool`), before
it forks any: what every worker needs is then loaded once, and shared by all of them.

Importing this module loads the shipped concepts (0.7 s of parsing SKOS Turtle), which is
its purpose; nothing else imports it.
"""

import gc

from hub.services.concepts import shipped_concepts
from hub.services.imports import jsonld, tabular  # noqa: F401 - the chunk types workers unpickle
from hub.services.imports.collector import collect_rarely

shipped_concepts()
# Out of the collector's sight: it would write to every object it walks, and each page it
# writes to stops being shared between the workers forked from here.
gc.freeze()
collect_rarely()
