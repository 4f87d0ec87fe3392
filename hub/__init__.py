"""clusterhub: the application (settings, storage, linked data, web, CLI)."""
