"""The commands, one module per job; each has a ``typer.Typer`` merged into the root app."""
