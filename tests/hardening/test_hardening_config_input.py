"""Settings that cannot work are refused at construction with a ConfigurationError."""

from __future__ import annotations

import math

import pytest

from plexkit import (
    AsyncPlexClient,
    ClientIdentity,
    ConfigurationError,
    PlexClient,
    PlexConfig,
    Timeouts,
)
from plexkit.auth import TokenAuth

URL = "http://pms.test:32400"


@pytest.mark.parametrize(
    "token", ["file-token-ABC123\n", "file-token\r\nX-Evil: 1", "tok\x00en-ABC123", "tökén-ABC123"]
)
def test_tokens_that_cannot_be_a_header_are_refused(token: str) -> None:
    for build in (
        lambda: PlexClient(URL, token=token),
        lambda: AsyncPlexClient(URL, token=token),
        lambda: PlexConfig(base_url=URL, token=token),
        lambda: TokenAuth(token),
    ):
        with pytest.raises(ConfigurationError) as info:
            build()
        assert "ABC123" not in str(info.value)


@pytest.mark.parametrize(
    "field", ["client_identifier", "product", "version", "device", "device_name", "model"]
)
@pytest.mark.parametrize("bad", ["x\n", "x\ry", "x\x00"])
def test_identity_fields_with_line_breaks_or_nul_are_refused(field: str, bad: str) -> None:
    with pytest.raises(ConfigurationError, match=field):
        ClientIdentity(**{field: bad})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"read": "5"},
        {"connect": -1},
        {"read": math.nan},
        {"write": math.inf},
        {"pool": 0},
        {"total": -5},
        {"total": math.nan},
        {"connect": True},
    ],
)
def test_timeouts_refuse_non_numbers_negative_and_nan(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match="Timeouts"):
        Timeouts(**kwargs)  # type: ignore[arg-type]


def test_timeouts_accept_numbers_and_no_total() -> None:
    assert Timeouts(connect=1, read=2.5, total=None).total is None


def test_retry_backoff_refuses_nan() -> None:
    with pytest.raises(ConfigurationError):
        PlexConfig(base_url=URL, retry_backoff=math.nan)


def test_token_in_url_message_is_not_garbled_by_redaction() -> None:
    with pytest.raises(ConfigurationError) as info:
        PlexClient(URL + "/?X-Plex-Token=abc")
    message = str(info.value)
    assert "REDACTED" not in message
    assert "token argument" in message
