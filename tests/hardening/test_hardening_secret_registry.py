"""The secret registry: safe across threads, bounded, and it knows a secret's escaped forms."""

from __future__ import annotations

import threading

from plexkit import _redact as redact
from plexkit._redact import REDACTED, redact_text, register_secret


def test_registering_while_redacting_in_other_threads_never_fails() -> None:
    errors: list[BaseException] = []
    stop = threading.Event()

    def redactor() -> None:
        try:
            while not stop.is_set():
                redact_text("nothing secret here, only text " * 4)
        except BaseException as exc:  # the audit saw RuntimeError: Set changed size
            errors.append(exc)

    def registrar(n: int) -> None:
        try:
            for i in range(2000):
                register_secret(f"thread-{n}-secret-{i:05d}")
        except BaseException as exc:
            errors.append(exc)

    readers = [threading.Thread(target=redactor) for _ in range(3)]
    writers = [threading.Thread(target=registrar, args=(n,)) for n in range(3)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join()
    stop.set()
    for thread in readers:
        thread.join()
    assert errors == []


def test_the_registry_is_bounded_and_keeps_the_newest() -> None:
    for i in range(5000):
        register_secret(f"bounded-secret-{i:05d}")
    assert len(redact._known_secrets) <= redact._MAX_SECRETS
    assert redact_text("x bounded-secret-04999 y") == f"x {REDACTED} y"


def test_escaped_and_bytes_forms_of_a_secret_are_redacted() -> None:
    secret = "file-token-QWERTY12\n"
    register_secret(secret)
    for text in (
        "token b'file-token-QWERTY12\\n' sent",  # httpcore's DEBUG log of header bytes
        "value 'file-token-QWERTY12\\n'",
        "url ?t=file-token-QWERTY12%0A",
        "plain file-token-QWERTY12 here",
    ):
        cleaned = redact_text(text)
        assert "QWERTY12" not in cleaned, cleaned
