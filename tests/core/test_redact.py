"""Token redaction in URLs, text, headers and log records."""

from __future__ import annotations

import logging

import pytest

from plexkit._redact import (
    RedactingFilter,
    get_logger,
    redact_headers,
    redact_text,
    redact_url,
    register_secret,
)

TOKEN = "AbCdEf0123456789xyz"


@pytest.mark.parametrize(
    "text",
    [
        f"http://pms:32400/photo/:/transcode?url=/a&X-Plex-Token={TOKEN}&width=10",
        f"http://pms:32400/?x-plex-token={TOKEN}",
        f'{{"authToken": "{TOKEN}", "id": 1}}',
        f'<user authToken="{TOKEN}" id="1"/>',
        f"login=me&password={TOKEN}",
        f'{{"auth_token":"{TOKEN}"}}',
        f"<user><authentication-token>{TOKEN}</authentication-token></user>",
        f"/photo/:/transcode?url=%2Flibrary%2Fmetadata%2F1%2Fthumb%3FX-Plex-Token%3D{TOKEN}",
        f"Authorization: Bearer {TOKEN}",
        f"http://admin:{TOKEN}@nas:32400/library",
    ],
)
def test_secrets_in_known_places_are_redacted(text: str) -> None:
    cleaned = redact_text(text)
    assert TOKEN not in cleaned
    assert "REDACTED" in cleaned


def test_urls_keep_everything_but_the_token() -> None:
    url = redact_url(f"http://pms:32400/library?type=1&X-Plex-Token={TOKEN}&sort=year")
    assert url == "http://pms:32400/library?type=1&X-Plex-Token=REDACTED&sort=year"


def test_jwts_are_redacted_anywhere() -> None:
    jwt = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz"
    assert jwt not in redact_text(f"token is {jwt} ok")


def test_registered_secret_is_redacted_in_any_context() -> None:
    secret = "free-form-secret-42"
    register_secret(secret)
    assert secret not in redact_text(f"weird place: [{secret}]")


def test_secret_headers_are_masked() -> None:
    headers = redact_headers({"X-Plex-Token": TOKEN, "Accept": "application/json"})
    assert headers == {"X-Plex-Token": "REDACTED", "Accept": "application/json"}


def test_log_records_are_redacted_including_args(caplog: pytest.LogCaptureFixture) -> None:
    logger = get_logger("plexkit.test_redact")
    with caplog.at_level(logging.DEBUG, logger="plexkit.test_redact"):
        logger.debug("GET %s", f"http://pms/?X-Plex-Token={TOKEN}")
    assert caplog.records and TOKEN not in caplog.text
    assert "X-Plex-Token=REDACTED" in caplog.text


def test_filter_leaves_clean_records_alone() -> None:
    record = logging.LogRecord("plexkit", logging.INFO, __file__, 1, "hello %s", ("world",), None)
    assert RedactingFilter().filter(record)
    assert record.getMessage() == "hello world"


def test_exception_messages_are_redacted_wherever_they_are_raised() -> None:
    from plexkit import ConfigurationError

    error = ConfigurationError(f"bad url: http://nas/?X-Plex-Token={TOKEN}")
    assert TOKEN not in str(error) and TOKEN not in repr(error)


def test_httpcore_child_loggers_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    from plexkit._redact import install_log_redaction

    install_log_redaction()
    with caplog.at_level(logging.DEBUG, logger="httpcore.http11"):
        logging.getLogger("httpcore.http11").debug("headers X-Plex-Token=%s", TOKEN)
    assert caplog.records and TOKEN not in caplog.text
