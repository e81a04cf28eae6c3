"""TokenAuth on any httpx client, and what importing plexkit.auth pulls in."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from plexkit.auth import TokenAuth


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, json={"token": request.headers.get("X-Plex-Token"), "url": str(request.url)}
    )


def test_token_auth_sync_header_never_query() -> None:
    with httpx.Client(auth=TokenAuth("legacy-token-1"), transport=httpx.MockTransport(_echo)) as c:
        seen = c.get("http://pms.local:32400/library/sections", params={"a": "1"}).json()
    assert seen == {"token": "legacy-token-1", "url": "http://pms.local:32400/library/sections?a=1"}


@pytest.mark.anyio
async def test_token_auth_async() -> None:
    transport = httpx.MockTransport(_echo)
    async with httpx.AsyncClient(auth=TokenAuth("legacy-token-1"), transport=transport) as c:
        seen = (await c.get("http://pms.local:32400/")).json()
    assert seen["token"] == "legacy-token-1" and "legacy-token-1" not in seen["url"]


def test_importing_plexkit_auth_does_not_import_the_jwt_extra() -> None:
    code = (
        "import sys, plexkit, plexkit.auth\n"
        "from plexkit.auth import TokenAuth, PlexTV, AsyncPlexTV, PinLogin, sign_in, JWTAuth\n"
        "from plexkit.auth import find_server, Resource, candidates, auth_app_url\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('jwt', 'cryptography'))\n"
        "assert not loaded, loaded\n"
        "from plexkit.auth import DeviceKey\n"
        "assert 'cryptography' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
