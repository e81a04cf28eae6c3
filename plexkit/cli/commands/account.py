"""The plex.tv account: sign in and out, list the account's servers, choose the default."""

from __future__ import annotations

import json as jsonlib
from typing import TYPE_CHECKING, Annotated

import typer

from plexkit.cli import settings as store
from plexkit.cli.connection import account_token, plextv
from plexkit.cli.output import Column, JsonFlag, JsonlFlag, Output
from plexkit.errors import PlexError, TwoFactorRequiredError

if TYPE_CHECKING:
    from plexkit.auth import PlexTV, ServerConnection

__all__ = ["app", "jwt_available"]

app = typer.Typer()
PANEL = "Account"


def jwt_available() -> bool:
    """Whether the ``jwt`` extra (cryptography, PyJWT) is installed."""
    try:
        import cryptography  # noqa: F401
        import jwt  # noqa: F401
    except ImportError:
        return False
    return True


@app.command(rich_help_panel=PANEL)
def login(
    password: Annotated[
        bool, typer.Option("--password", help="Sign in with username and password instead.")
    ] = False,
    username: Annotated[
        str | None, typer.Option(help="With --password: the username or e-mail.")
    ] = None,
    code: Annotated[
        str | None, typer.Option(help="With --password: the 2FA code (else asked if needed).")
    ] = None,
    jwt: Annotated[
        bool,
        typer.Option(
            help="Use a device key and Plex JWTs (the default when the jwt extra is installed)."
        ),
    ] = True,
    timeout: Annotated[
        float, typer.Option(help="Give up waiting for the PIN after this many seconds.", min=1)
    ] = 600.0,
) -> None:
    """Sign in to plex.tv and store the token (0600 file, or the OS keyring).

    By default shows a code to enter at plex.tv/link and waits (Ctrl-C cancels).

    Examples: plexkit login; plexkit login --password --username ann@example.com
    """
    settings = store.load()
    out = Output()
    with plextv(settings) as session:
        if password:
            _password_login(session, settings, username, code)
        else:
            _pin_login(session, settings, out, jwt=jwt, timeout=timeout)
    settings.server_name = settings.server_url = settings.server_token = None
    path = store.save(settings)
    kind = "with a device key (JWT)" if settings.device_key else "with a token"
    out.console.print(f"signed in as {settings.username} {kind}; stored in {path}")
    out.console.print("next: `plexkit servers`, then `plexkit use NAME`")


def _password_login(
    session: PlexTV, settings: store.Settings, username: str | None, code: str | None
) -> None:
    """Sign in with a username and password (asked for what is missing, 2FA code too)."""
    name = username or typer.prompt("Username or e-mail")
    secret = typer.prompt("Password", hide_input=True)
    try:
        account = session.sign_in(name, secret, code)
    except TwoFactorRequiredError:
        account = session.sign_in(name, secret, typer.prompt("Two-factor code"))
    if not account.auth_token:
        raise typer.BadParameter("plex.tv answered the sign-in without a token")
    settings.token, settings.device_key = account.auth_token, None
    settings.username = account.username or account.email or name


def _pin_login(
    session: PlexTV, settings: store.Settings, out: Output, *, jwt: bool, timeout: float
) -> None:
    """Sign in by a PIN entered at plex.tv/link, with a new device key when JWTs are used."""
    from plexkit.auth import PinLogin

    key = None
    if jwt and jwt_available():
        from plexkit.auth import DeviceKey

        key = DeviceKey.generate()
    flow = PinLogin(session, strong=False, key=key)
    pin = flow.start()
    out.console.print(f"Open [bold]{flow.link_url}[/bold] and enter the code:")
    out.console.print(f"\n    [bold]{pin.code}[/bold]\n")
    with out.console.status("waiting for plex.tv (Ctrl-C cancels)"):
        try:
            token = flow.wait(timeout=timeout)
        except KeyboardInterrupt:
            flow.cancel()
            raise
    settings.token = token
    settings.device_key = jsonlib.dumps(key.private_jwk()) if key else None
    settings.username = session.user(token).username


@app.command(rich_help_panel=PANEL)
def logout() -> None:
    """Forget the stored token, device key and default server.

    Example: plexkit logout
    """
    settings = store.load()
    signed_in = settings.token is not None
    store.save(store.Settings(client_identifier=settings.client_identifier))
    Output().console.print("signed out" if signed_in else "was not signed in")


def _via(found: ServerConnection) -> str:
    if found.connection.relay:
        return "relay"
    return "local" if found.connection.local else "remote"


@app.command(rich_help_panel=PANEL)
def servers(json: JsonFlag = False, jsonl: JsonlFlag = False) -> None:
    """List the account's servers with the connection that answered for each.

    Examples: plexkit servers; plexkit servers --json | jq '.[].url'
    """
    from plexkit.auth import choose_connection

    out = Output.choose(json, jsonl)
    settings = store.load()
    rows = []
    with plextv(settings) as session:
        token = account_token(settings, session)
        for resource in session.resources(token):
            if "server" not in resource.provides:
                continue
            row: dict[str, object] = {
                "name": resource.name,
                "client_identifier": resource.client_identifier,
                "owned": resource.owned,
                "default": resource.name == settings.server_name,
                "url": None,
                "via": "unreachable",
            }
            try:
                chosen = choose_connection(session, resource)
            except PlexError:
                rows.append(row)
                continue
            row["url"] = chosen.url
            row["via"] = _via(chosen)
            rows.append(row)
    out.rows(
        rows,
        (
            Column("NAME", lambda r: f"{r['name']}{' *' if r['default'] else ''}", max_width=24),
            Column("OWNED", lambda r: r["owned"]),
            Column("VIA", lambda r: r["via"]),
            Column("URL", lambda r: r["url"], max_width=40),
        ),
        empty="no servers on this account",
    )


@app.command("use", rich_help_panel=PANEL)
def use(
    name: Annotated[str, typer.Argument(help="The server's name (as `plexkit servers` lists it).")],
) -> None:
    """Make a server the default for every command.

    Example: plexkit use "Living Room"
    """
    from plexkit.auth import find_server

    settings = store.load()
    with plextv(settings) as session:
        found = find_server(session, account_token(settings, session), name=name)
    settings.server_name = found.resource.name
    settings.server_url = found.url
    settings.server_token = found.token
    store.save(settings)
    Output().console.print(f"using {found.resource.name} at {found.url}")
