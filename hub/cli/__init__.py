"""The `clusterhub` command. Each subcommand lives in its own module and registers here."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clusterhub")
def main() -> None:
    """clusterhub: publish a cluster's members and activities as linked data."""


def _register() -> None:
    # Imported here, not at module level, so `import hub.cli` stays cheap.
    from hub.cli import check, clients, data, demo, serve

    main.add_command(serve.serve)
    main.add_command(serve.db)
    main.add_command(clients.clients)
    main.add_command(clients.keys)
    main.add_command(check.check_data)
    main.add_command(demo.demo)
    main.add_command(data.import_command)
    main.add_command(data.export_command)


_register()
