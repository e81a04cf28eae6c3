"""AsyncPinLogin: sign in by PIN (classic or JWT), polling once a second until approved."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterable
from typing import TYPE_CHECKING

from plexkit._redact import get_logger
from plexkit._synchronization import AsyncEvent
from plexkit.auth._urls import auth_app_url, link_url
from plexkit.auth.claims import DEFAULT_SCOPES, expires_at
from plexkit.auth.models import Pin, PinStatus
from plexkit.errors import (
    AuthFlowError,
    ConfigurationError,
    PinCancelledError,
    PinExpiredError,
    PinTimeoutError,
    RateLimitedError,
    ServerError,
    TransportError,
)

if TYPE_CHECKING:
    from plexkit.auth import AsyncPlexTV
    from plexkit.auth.keys import DeviceKey

__all__ = ["AsyncPinLogin"]

log = get_logger(__name__)

_RESIGN_BEFORE_EXPIRY = 60.0


class AsyncPinLogin:
    """Sign a user in by PIN: `start`, show `auth_url` or `link_url`, then
    `wait` (or iterate `poll` to drive a progress display).

    ``strong=True`` makes a long code for the Auth App URL; ``strong=False`` a 4-character
    code the user types at plex.tv/link. With a device ``key`` this is the JWT flow: the PIN
    carries the public key, approving it registers the key, and the token is a Plex JWT
    (verified against plex.tv's keys unless ``verify=False``).
    """

    def __init__(
        self,
        plextv: AsyncPlexTV,
        *,
        strong: bool = True,
        key: DeviceKey | None = None,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        verify: bool = True,
        poll_interval: float = 1.0,
    ) -> None:
        self._plextv = plextv
        self._strong = strong
        self._key = key
        self._scopes = tuple(scopes)
        self._verify = verify
        self._interval = poll_interval
        self._cancelled = AsyncEvent()
        self._pin: Pin | None = None
        self._expires: float | None = None
        self._device_jwt: str | None = None
        self._token: str | None = None

    def __repr__(self) -> str:
        state = "approved" if self._token else ("started" if self._pin else "new")
        return f"<{type(self).__name__} {state} jwt={self._key is not None}>"

    @property
    def pin(self) -> Pin:
        """The PIN created by `start`."""
        if self._pin is None:
            raise AuthFlowError("call start() first")
        return self._pin

    @property
    def token(self) -> str:
        """The token (a Plex JWT in the JWT flow) once the PIN is approved."""
        if self._token is None:
            raise AuthFlowError("the PIN has not been approved yet")
        return self._token

    @property
    def link_url(self) -> str:
        """Where the user types a 4-character code: ``https://plex.tv/link/?pin=CODE``."""
        if self._strong:
            raise ConfigurationError("plex.tv/link takes 4-character PINs: use strong=False")
        return link_url(self.pin.code)

    def auth_url(self, *, forward_url: str | None = None) -> str:
        """The Auth App URL where the user approves a strong PIN (then returns to forward_url)."""
        if not self._strong:
            raise ConfigurationError("the Auth App needs a strong PIN: use link_url instead")
        return auth_app_url(
            client_identifier=self._plextv.identity.client_identifier,
            code=self.pin.code,
            product=self._plextv.identity.product,
            forward_url=forward_url,
        )

    async def start(self) -> Pin:
        """Create the PIN; its ``code`` is what the user approves."""
        self._pin = await self._plextv.create_pin(strong=self._strong, key=self._key)
        if self._pin.expires_in is not None:
            self._expires = time.monotonic() + self._pin.expires_in
        log.debug("created PIN %d (expires in %ss)", self._pin.id, self._pin.expires_in)
        return self._pin

    def cancel(self) -> None:
        """Stop polling: the waiting `wait` or `poll` raises PinCancelledError."""
        self._cancelled.set()

    async def wait(
        self,
        *,
        timeout: float | None = None,
        on_status: Callable[[PinStatus], object] | None = None,
    ) -> str:
        """Poll until the PIN is approved and return the token.

        Raises `PinExpiredError`, `PinTimeoutError` after ``timeout`` seconds, or
        `PinCancelledError`. ``on_status`` sees every `PinStatus`.
        """
        async for status in self.poll(timeout=timeout):
            if on_status is not None:
                on_status(status)
        return self.token

    async def poll(self, *, timeout: float | None = None) -> AsyncIterator[PinStatus]:
        """Check the PIN every ``poll_interval`` seconds, yielding each status; the last one
        is ``approved`` and `token` is set. Raises like `wait`.

        A check that fails for a passing reason (network, 5xx, 429) is logged and retried.
        """
        pin = self.pin
        deadline = None if timeout is None else time.monotonic() + timeout
        polls = 0
        while True:
            if self._cancelled.is_set():
                raise PinCancelledError("the PIN login was cancelled")
            if self._expires is not None and time.monotonic() >= self._expires:
                raise PinExpiredError("the PIN expired before it was approved")
            token = await self._check(pin)
            polls += 1
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            yield PinStatus(
                pin_id=pin.id,
                code=pin.code,
                polls=polls,
                approved=token is not None,
                expires_at=pin.expires_at,
                seconds_left=left,
            )
            if token is not None:
                return
            if left is not None and left <= 0:
                raise PinTimeoutError(f"the PIN was not approved within {timeout:g}s")
            pause = self._interval if left is None else min(self._interval, left)
            if await self._cancelled.wait(pause):
                raise PinCancelledError("the PIN login was cancelled")

    async def _check(self, pin: Pin) -> str | None:
        """One poll: the approved (and, for JWTs, verified) token, or None while pending."""
        try:
            if self._key is None:
                current = await self._plextv.get_pin(pin.id)
            else:
                device_jwt = await self._signed(self._key)
                current = await self._plextv.get_pin(pin.id, device_jwt=device_jwt)
            if current.auth_token is None:
                return None
            if self._key is not None and self._verify:
                await self._plextv.verify_plex_jwt(current.auth_token, kid=self._key.kid)
        except (TransportError, ServerError, RateLimitedError) as exc:
            log.warning("checking PIN %d failed (%s); will retry", pin.id, type(exc).__name__)
            return None
        self._token = current.auth_token
        log.debug("PIN %d approved", pin.id)
        return current.auth_token

    async def _signed(self, key: DeviceKey) -> str:
        """The device JWT proving the PIN's key, re-signed with a new nonce before it expires."""
        token = self._device_jwt
        expiry = expires_at(token) if token else None
        if token is None or expiry is None or expiry - self._plextv.clock() < _RESIGN_BEFORE_EXPIRY:
            token = await self._plextv.device_jwt(key, scopes=self._scopes)
            self._device_jwt = token
        return token
