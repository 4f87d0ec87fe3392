"""The demo data generator: a fictional Vojvodina ICT cluster node (see ../README.md)."""
