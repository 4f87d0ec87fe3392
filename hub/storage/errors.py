"""Storage errors. The web layer maps these types to statuses; they carry none.

StorageError
 └── NotFound            the entity does not exist
"""


class StorageError(Exception):
    """Base of every storage error."""


class NotFound(StorageError):
    """The entity does not exist."""
