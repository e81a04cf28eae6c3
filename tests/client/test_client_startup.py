"""Building a client does only what its server needs: a plain-http server never has the CA
bundle loaded (20-50 ms of start-up); an https one still verifies against it."""

from __future__ import annotations

import ssl

import pytest

from plexkit import AsyncPlexClient, PlexClient


class CABundleRead(Exception):
    pass


@pytest.fixture
def no_ca_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading CA certificates (``ssl.create_default_context``, which httpx calls with
    certifi's bundle or ``SSL_CERT_FILE``) raises."""

    def create_default_context(*args: object, **kwargs: object) -> ssl.SSLContext:
        raise CABundleRead

    monkeypatch.setattr(ssl, "create_default_context", create_default_context)


@pytest.mark.usefixtures("no_ca_bundle")
def test_a_plain_http_client_never_reads_the_ca_bundle() -> None:
    PlexClient("http://127.0.0.1:9", token="t").close()


@pytest.mark.usefixtures("no_ca_bundle")
@pytest.mark.anyio
async def test_a_plain_http_async_client_never_reads_the_ca_bundle() -> None:
    await AsyncPlexClient("http://127.0.0.1:9", token="t").aclose()


@pytest.mark.usefixtures("no_ca_bundle")
def test_an_https_client_still_verifies_against_the_ca_bundle() -> None:
    with pytest.raises(CABundleRead):
        PlexClient("https://plex.example:32400", token="t")


def test_the_http_clients_context_refuses_unverified_tls() -> None:
    from plexkit._http import verify_for

    context = verify_for("http://127.0.0.1:9", True)
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert verify_for("https://plex.example", True) is True
    assert verify_for("https://plex.example", False) is False
