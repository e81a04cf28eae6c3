"""PlexConfig and ClientIdentity: URLs, identity headers and caller mistakes."""

from __future__ import annotations

import pytest

from plexkit import ClientIdentity, ConfigurationError, PlexConfig, Timeouts

SECRET = "hunter2-secret-password"


def test_url_from_host_port_and_scheme() -> None:
    assert PlexConfig(host="nas", port=32401, https=True).url() == "https://nas:32401"
    assert PlexConfig(base_url="http://10.0.0.2:32400/").url() == "http://10.0.0.2:32400"
    assert PlexConfig(base_url="https://proxy.example/plex").url() == "https://proxy.example/plex"


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"base_url": "ftp://nas/"},
        {"base_url": "nas:32400"},
        {"base_url": "http://nas:abc"},
        {"base_url": "http://[::1"},
        {"base_url": f"http://nas:32400/?X-Plex-Token={SECRET}"},
        {"base_url": f"http://admin:{SECRET}@nas:32400"},
    ],
)
def test_bad_urls_are_configuration_errors_without_secrets(kwargs: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        PlexConfig(**kwargs).url()
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base_url": 5},
        {"token": 123},
        {"max_retries": "3"},
        {"max_retries": -1},
        {"timeouts": "x"},
        {"identity": "me"},
        {"retry_backoff": -0.5},
    ],
)
def test_wrong_types_are_rejected_at_construction(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        PlexConfig(**kwargs)  # type: ignore[arg-type]


def test_identity_headers_carry_the_whole_client_identity() -> None:
    identity = ClientIdentity(
        client_identifier="abc-123",
        product="Dash",
        version="2.0",
        platform="Linux",
        platform_version="6.1",
        device="x86_64",
        device_name="den",
        model="m1",
    )
    assert identity.headers() == {
        "X-Plex-Client-Identifier": "abc-123",
        "X-Plex-Product": "Dash",
        "X-Plex-Version": "2.0",
        "X-Plex-Platform": "Linux",
        "X-Plex-Platform-Version": "6.1",
        "X-Plex-Device": "x86_64",
        "X-Plex-Device-Name": "den",
        "X-Plex-Model": "m1",
    }


def test_client_identifier_is_random_per_identity_and_stable_once_made() -> None:
    first, second = ClientIdentity(), ClientIdentity()
    assert first.client_identifier != second.client_identifier
    assert first.headers()["X-Plex-Client-Identifier"] == first.client_identifier
    with pytest.raises(ConfigurationError):
        ClientIdentity(client_identifier="  ")


def test_token_is_not_in_the_repr() -> None:
    config = PlexConfig(base_url="http://nas:32400", token=SECRET, timeouts=Timeouts(read=5))
    assert SECRET not in repr(config)
