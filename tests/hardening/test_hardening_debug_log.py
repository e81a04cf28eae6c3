"""A DEBUG capture of full flows shows no secret in any form (plain, escaped, percent-encoded).

The server's error bodies echo the request head (headers and all, as ``repr`` bytes and
percent-encoded); a token read from a file with its newline is refused without quoting it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from urllib.parse import quote, quote_plus

import pytest
from fault_proxy import FaultProxy

from plexkit import ConfigurationError, PlexClient, PlexConfig, PlexError, Timeouts
from plexkit.testing import FakePlexServer

TOKEN = "Dbg+Tok/en=abc_XYZ123"


def forms(secret: str) -> set[str]:
    return {
        secret,
        repr(secret)[1:-1],
        repr(secret.encode())[2:-1],
        quote(secret, safe=""),
        quote_plus(secret),
        secret.strip(),
    }


@pytest.fixture
def echoing_pms() -> Iterator[str]:
    server = FakePlexServer(token=TOKEN, movies=4, shows=1, artists=0, photo_albums=0, history=2)
    with server.run_in_thread() as url, FaultProxy(url, echo_errors=True).run() as proxy_url:
        yield proxy_url


def test_debug_log_of_full_flows_has_no_secret(
    echoing_pms: str, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[str] = []
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(ConfigurationError) as refused:
            PlexClient(echoing_pms, token=TOKEN + "\n")
        seen += [str(refused.value), repr(refused.value)]
        config = PlexConfig(
            base_url=echoing_pms,
            token=TOKEN,
            retry_backoff=0,
            timeouts=Timeouts(read=5, total=20),
        )
        with PlexClient(config=config) as client:
            seen.append(repr(client))
            client.server.identity()
            sections = client.library.sections()
            key = client.library.items(sections[0].key, limit=2).items[0].rating_key
            transient = client.server.transient_token()
            for call in (
                lambda: client.metadata.get(key),  # the proxy answers 500 echoing the request
                lambda: client.raw.get("/no/such/path"),
            ):
                with pytest.raises(PlexError) as failed:
                    call()
                seen += [str(failed.value), repr(failed.value)]
                seen.append(str(getattr(failed.value, "body_excerpt", "")))
                seen.append(str(getattr(failed.value, "url", "")))
    text = caplog.text + "\n".join(seen)
    assert "DEBUG" in caplog.text and "500" in text
    for secret in (TOKEN, TOKEN + "\n", transient):
        for form in forms(secret):
            assert form not in text, f"{form!r} leaked"
