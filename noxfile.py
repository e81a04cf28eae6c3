"""Developer sessions: tests, lint, typecheck, unasync, docs (``nox -s <name>``)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "unasync", "docs"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("python", "-m", "pytest", "-q", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict", "plexkit")


@nox.session
def unasync(session: nox.Session) -> None:
    session.run("python", "scripts/unasync.py", "--check")


@nox.session
def docs(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("mkdocs", "build", "--strict")
