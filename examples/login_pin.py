"""Sign in to Plex with a PIN and a device key, keep the JWT fresh, then open a server.

    python examples/login_pin.py            # against the real plex.tv: approve in your browser
    python examples/login_pin.py --fake     # against plexkit's fake plex.tv and fake server

The first run creates a client identifier and an Ed25519 device key (mode 0600) in
``--state`` and runs the JWT PIN flow; the Plex JWT is saved there too (mode 0600). Later runs
reuse the key and token: ``JWTAuth`` refreshes the token by itself when it gets old and stores
the new one. Needs the ``jwt`` extra (and ``testing`` for ``--fake``).
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from plexkit.auth import (
    CLIENTS_URL,
    PLEXTV_URL,
    DeviceKey,
    JWTAuth,
    PinLogin,
    PinStatus,
    PlexTV,
    TokenFile,
    connect_server,
)
from plexkit.config import ClientIdentity, new_client_identifier


def load_identity(state: Path) -> ClientIdentity:
    """The same client identifier on every run (plex.tv lists each one as a device)."""
    path = state / "client-id"
    if not path.exists():
        path.write_text(new_client_identifier())
    return ClientIdentity(client_identifier=path.read_text().strip(), product="plexkit example")


Approver = Callable[[str], object]


def pin_login(plextv: PlexTV, key: DeviceKey, approve: Approver | None) -> str:
    """Run the JWT PIN flow and return the first Plex JWT (``approve`` plays the user)."""
    login = PinLogin(plextv, key=key)
    login.start()
    print(f"Open this page and approve the sign-in:\n  {login.auth_url()}")

    def show(status: PinStatus) -> None:
        left = f"{status.seconds_left:.0f}s left" if status.seconds_left is not None else ""
        print(f"  waiting for approval... {left}", end="\r", flush=True)
        if approve is not None and status.polls == 2:  # the user's part, in the Auth App
            approve(status.code)

    token = login.wait(timeout=600, on_status=show)
    print("\nSigned in.")
    return token


def run(state: Path, *, plextv_url: str, clients_url: str, approve: Approver | None) -> None:
    state.mkdir(parents=True, exist_ok=True)
    identity = load_identity(state)
    key = DeviceKey.load_or_create(state / "device.jwk")
    token_file = TokenFile(state / "plex.jwt")
    with PlexTV(identity, plextv_url=plextv_url, clients_url=clients_url) as plextv:
        token = token_file.load()
        if token is None:
            token = pin_login(plextv, key, approve)
            token_file.save(token)
        auth = JWTAuth(
            key,
            identity=identity,
            token=token,
            store=token_file.save,
            plextv_url=plextv_url,
            clients_url=clients_url,
        )
        headers = {"Accept": "application/json", **identity.headers()}
        with httpx.Client(auth=auth, headers=headers) as http:  # JWTAuth works with any client
            me = http.get(f"{plextv_url}/api/v2/user").raise_for_status().json()
        print(f"plex.tv account: {me['username']} (device key {key.kid})")

        servers = [r for r in plextv.resources(auth.token or token) if r.is_server]
        print("servers:", ", ".join(r.name for r in servers) or "none")
        if servers:
            with connect_server(plextv, auth.token or token, name=servers[0].name) as plex:
                sections = plex.library.sections()
                print(f"{servers[0].name} at {plex.base_url}:", [s.title for s in sections])


@contextlib.contextmanager
def fake_plex() -> Iterator[tuple[str, Approver]]:
    """A fake plex.tv and a fake Plex Media Server on loopback, the server listed as a resource."""
    from plexkit.testing import FakePlexServer
    from plexkit.testing.plextv import FakeConnection, FakePlexTV, serve

    fake = FakePlexTV()
    fake.add_user("demo", "demo-password")
    pms = FakePlexServer(movies=20, shows=3, artists=2, photo_albums=1)
    with pms.run_in_thread() as pms_url, serve(fake.app) as url:
        fake.add_server(
            "Fake Server",
            client_identifier=pms.library.server["machineIdentifier"],
            access_token=pms.token,
            connections=[FakeConnection(pms_url, local=True)],
        )
        yield url, fake.approve_pin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake", action="store_true", help="use plexkit's fake plex.tv")
    parser.add_argument("--state", type=Path, default=Path(".plexkit-login"), help="state dir")
    args = parser.parse_args()
    if args.fake:  # the fake forgets everything on exit, so its state is temporary too
        with fake_plex() as (url, approve), tempfile.TemporaryDirectory() as state:
            run(Path(state), plextv_url=url, clients_url=url, approve=approve)
    else:
        run(args.state, plextv_url=PLEXTV_URL, clients_url=CLIENTS_URL, approve=None)


if __name__ == "__main__":
    main()
