"""Storage: SQLAlchemy Core tables, the engine, repositories and Alembic migrations.

Nothing here sees a Request; errors are `StorageError` subclasses without HTTP codes.
"""
