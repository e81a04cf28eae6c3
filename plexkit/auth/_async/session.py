"""AsyncPlexTV: one HTTP session with plex.tv and clients.plex.tv, one method per endpoint."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from plexkit import _http
from plexkit._http import transport_error
from plexkit._redact import get_logger, install_log_redaction, redact_url, register_secret
from plexkit.auth import CLIENTS_URL, PLEXTV_URL
from plexkit.auth._responses import (
    account_from,
    answer_data,
    checked_token,
    flag_text,
    plextv_error,
    required_field,
)
from plexkit.auth._urls import join
from plexkit.auth.claims import DEFAULT_SCOPES, device_claims
from plexkit.auth.models import (
    Account,
    Pin,
    Resource,
    decode,
    parse_pin,
    parse_resources,
)
from plexkit.auth.users import HomeUser, PlexTVUser, parse_home_users, parse_users
from plexkit.config import ClientIdentity
from plexkit.errors import (
    AuthFlowError,
    ConfigurationError,
    InvalidSignatureError,
    JWTError,
    ParseError,
    PinExpiredError,
    TwoFactorRequiredError,
    UnauthorizedError,
)

if TYPE_CHECKING:
    import httpx

    from plexkit.auth.keys import DeviceKey

__all__ = ["AsyncPlexTV", "async_check_token", "async_sign_in"]

log = get_logger(__name__)

_RESOURCE_PARAMS = {"includeHttps": "1", "includeRelay": "1", "includeIPv6": "1"}


class AsyncPlexTV:
    """A session with plex.tv for one client identity (the X-Plex-* headers of every request).

    Both base URLs are configurable so a fake (``plexkit.testing.plextv``) can stand in. A
    ``transport`` you pass carries plex.tv's requests only and stays yours: closing the session
    does not close it. ``server_transport`` carries discovery's probes and the clients it
    returns (None: the network). ``clock`` gives the time used in JWT claims and checks.
    """

    def __init__(
        self,
        identity: ClientIdentity,
        *,
        plextv_url: str = PLEXTV_URL,
        clients_url: str = CLIENTS_URL,
        transport: httpx.AsyncBaseTransport | None = None,
        server_transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 15.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.identity = identity
        self.plextv_url = plextv_url
        self.clients_url = clients_url
        self.transport = transport
        self.server_transport = server_transport
        self._servers: httpx.AsyncClient | None = None
        self.clock = clock
        install_log_redaction()
        self._http = _http.httpx.AsyncClient(
            headers={"Accept": "application/json", **identity.headers()},
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.plextv_url} {self.clients_url}>"

    async def __aenter__(self) -> AsyncPlexTV:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pools (transports passed in are left open for their owner)."""
        if self.transport is None:
            await self._http.aclose()
        if self._servers is not None and self.server_transport is None:
            await self._servers.aclose()

    # -- accounts ---------------------------------------------------------------------------

    async def sign_in(
        self,
        login: str,
        password: str,
        verification_code: str | None = None,
        *,
        remember_me: bool = True,
    ) -> Account:
        """Sign in with a username or e-mail and password (``/api/v2/users/signin``).

        Raises `TwoFactorRequiredError` when the account needs a verification code and
        none was given, `UnauthorizedError` for a wrong password or code.
        """
        register_secret(password)
        form = {"login": login, "password": password, "rememberMe": flag_text(remember_me)}
        if verification_code:
            form["verificationCode"] = verification_code
        url = join(self.plextv_url, "/api/v2/users/signin")
        response = await self._send("POST", url, data=form)
        error = plextv_error(response)
        needs_code = "verification code" in str(error).lower()
        if isinstance(error, UnauthorizedError) and needs_code and not verification_code:
            raise TwoFactorRequiredError(
                "this account uses two-factor authentication: pass verification_code"
            ) from error
        return account_from(answer_data(response, error))

    async def user(self, token: str) -> Account:
        """The account a token belongs to (``/api/v2/user``)."""
        token = checked_token(token)
        return account_from(await self._call("GET", self.plextv_url, "/api/v2/user", token=token))

    async def check_token(self, token: str) -> bool:
        """True when plex.tv accepts ``token``, False when it answers 401.

        Any other failure (unreachable, 5xx, 498 for an expired JWT) raises: it says nothing
        about whether a legacy token is still good.
        """
        try:
            await self.user(token)
        except UnauthorizedError:
            return False
        return True

    async def users(self, token: str) -> list[PlexTVUser]:
        """The friends and shared users of the account of ``token`` (``/api/users``), with the
        servers shared with each: what a server's history and session rows need for names."""
        data = await self._call("GET", self.plextv_url, "/api/users", token=checked_token(token))
        return parse_users(data)

    async def home_users(self, token: str) -> list[HomeUser]:
        """The members of the account's Plex Home (``/api/home/users``): the admin, invited
        accounts and managed users."""
        data = await self._call(
            "GET", self.plextv_url, "/api/home/users", token=checked_token(token)
        )
        return parse_home_users(data)

    # -- PINs ------------------------------------------------------------------------------

    async def create_pin(self, *, strong: bool = True, key: DeviceKey | None = None) -> Pin:
        """A new PIN: strong (long code, for the Auth App URL) or 4 characters (plex.tv/link).

        With a device ``key`` the PIN carries its public JWK (the JWT flow, on clients.plex.tv),
        and approving it registers the key.
        """
        if key is None:
            params = {"strong": "true"} if strong else None
            data = await self._call("POST", self.plextv_url, "/api/v2/pins", params=params)
            return parse_pin(data)
        body: dict[str, Any] = {"jwk": key.public_jwk()}
        if strong:
            body["strong"] = True
        return parse_pin(await self._call("POST", self.clients_url, "/api/v2/pins", json=body))

    async def get_pin(self, pin_id: int, *, device_jwt: str | None = None) -> Pin:
        """The PIN's current state; ``device_jwt`` proves the key of a JWT PIN.

        Raises `PinExpiredError` once plex.tv has forgotten the PIN (404).
        """
        path = f"/api/v2/pins/{pin_id}"
        if device_jwt is None:
            data = await self._call("GET", self.plextv_url, path, as_error={404: PinExpiredError})
        else:
            data = await self._call(
                "GET",
                self.clients_url,
                path,
                params={"deviceJWT": device_jwt},
                as_error={404: PinExpiredError, 422: InvalidSignatureError},
            )
        pin = parse_pin(data)
        register_secret(pin.auth_token)
        return pin

    # -- JWT -------------------------------------------------------------------------------

    async def register_key(self, token: str, key: DeviceKey) -> None:
        """Register the device's public key using an existing (legacy) token.

        plex.tv retires the legacy token after the first JWT is issued for the key.
        """
        token = checked_token(token)
        if not callable(getattr(key, "public_jwk", None)):
            raise ConfigurationError("register_key needs the device's DeviceKey")
        body = {"jwk": key.public_jwk()}
        await self._call(
            "POST",
            self.clients_url,
            "/api/v2/auth/jwk",
            token=token,
            json=body,
            as_error={422: JWTError},
        )

    async def nonce(self) -> str:
        """A single-use nonce (valid five minutes) for the next device JWT."""
        data = await self._call("GET", self.clients_url, "/api/v2/auth/nonce")
        return required_field(data, "nonce")

    async def device_jwt(self, key: DeviceKey, *, scopes: Iterable[str] = DEFAULT_SCOPES) -> str:
        """A fresh device JWT: a new nonce, signed with ``key``."""
        claims = device_claims(
            nonce=await self.nonce(),
            client_identifier=self.identity.client_identifier,
            scopes=scopes,
            now=self.clock(),
        )
        return key.sign_jwt(claims)

    async def exchange_jwt(self, device_jwt: str) -> str:
        """Trade a device JWT for a Plex JWT (valid seven days); 422 → InvalidSignatureError."""
        data = await self._call(
            "POST",
            self.clients_url,
            "/api/v2/auth/token",
            json={"jwt": device_jwt},
            as_error={422: InvalidSignatureError},
        )
        token = required_field(data, "auth_token")
        register_secret(token)
        return token

    async def plex_keys(self) -> list[dict[str, Any]]:
        """plex.tv's public JWKs, which sign every Plex JWT."""
        data = await self._call("GET", self.clients_url, "/api/v2/auth/keys")
        keys = data.get("keys") if isinstance(data, dict) else None
        if not isinstance(keys, list):
            raise ParseError("plex.tv's key set has no 'keys' list")
        return [jwk for jwk in keys if isinstance(jwk, dict)]

    async def verify_plex_jwt(self, token: str, *, kid: str | None) -> dict[str, Any]:
        """The claims of ``token`` once its signature and claims check out (see ``jws``)."""
        from plexkit.auth.jws import verify_plex_jwt

        return verify_plex_jwt(
            token,
            await self.plex_keys(),
            client_identifier=self.identity.client_identifier,
            kid=kid,
            now=self.clock(),
        )

    async def refresh_jwt(
        self, key: DeviceKey, *, scopes: Iterable[str] = DEFAULT_SCOPES, verify: bool = True
    ) -> str:
        """A new Plex JWT for a registered key: nonce, signed device JWT, exchange, verify."""
        token = await self.exchange_jwt(await self.device_jwt(key, scopes=scopes))
        if verify:
            await self.verify_plex_jwt(token, kid=key.kid)
        return token

    # -- servers ---------------------------------------------------------------------------

    async def resources(self, token: str) -> list[Resource]:
        """The account's devices with every connection (https, relay and IPv6 included)."""
        data = await self._call(
            "GET",
            self.clients_url,
            "/api/v2/resources",
            token=checked_token(token),
            params=_RESOURCE_PARAMS,
        )
        resources = parse_resources(data)
        for resource in resources:
            register_secret(resource.access_token)
        return resources

    async def probe(
        self, url: str, token: str | None, *, machine_identifier: str, timeout: float
    ) -> bool:
        """Whether the server at ``url`` answers ``/identity`` as ``machine_identifier`` in time."""
        headers = {"X-Plex-Token": token} if token else {}
        try:
            response = await self._server_http().get(
                join(url, "/identity"), headers=headers, timeout=timeout
            )
            data = decode(response.content, response.headers.get("content-type"))
        except (_http.httpx.HTTPError, ParseError) as exc:
            log.debug("probe %s failed: %s", redact_url(url), type(exc).__name__)
            return False
        container = data.get("MediaContainer", data) if isinstance(data, dict) else {}
        found = container.get("machineIdentifier") if isinstance(container, dict) else None
        answered = response.status_code == 200 and found in (None, machine_identifier)
        log.debug("probe %s -> %d, %s", redact_url(url), response.status_code, answered)
        return answered

    # -- plumbing --------------------------------------------------------------------------

    def _server_http(self) -> httpx.AsyncClient:
        """The pool for probing servers: ``server_transport``, never plex.tv's transport."""
        if self._servers is None:
            self._servers = _http.httpx.AsyncClient(
                headers={"Accept": "application/json", **self.identity.headers()},
                transport=self.server_transport,
                follow_redirects=False,
            )
        return self._servers

    async def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._http.request(method, url, **kwargs)
        except _http.httpx.HTTPError as exc:
            raise transport_error(exc, method, url) from None
        log.debug("%s %s -> %d", method, redact_url(response.request.url), response.status_code)
        return response

    async def _call(
        self,
        method: str,
        base_url: str,
        path: str,
        *,
        token: str | None = None,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        as_error: Mapping[int, type[AuthFlowError]] | None = None,
    ) -> Any:
        """Send one request and return its decoded body; error statuses raise."""
        headers = {"X-Plex-Token": token} if token else None
        response = await self._send(
            method, join(base_url, path), headers=headers, params=params, json=json
        )
        error = plextv_error(response)
        replacement = (as_error or {}).get(response.status_code)
        if error is not None and replacement is not None:
            raise replacement(str(error)) from error
        return answer_data(response, error)


async def async_sign_in(
    login: str,
    password: str,
    verification_code: str | None = None,
    *,
    identity: ClientIdentity,
    plextv_url: str = PLEXTV_URL,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Account:
    """Sign in with a password (see `AsyncPlexTV.sign_in`); the token is ``auth_token``."""
    async with AsyncPlexTV(identity, plextv_url=plextv_url, transport=transport) as plextv:
        return await plextv.sign_in(login, password, verification_code)


async def async_check_token(
    token: str,
    *,
    identity: ClientIdentity,
    plextv_url: str = PLEXTV_URL,
    transport: httpx.AsyncBaseTransport | None = None,
) -> bool:
    """Whether plex.tv accepts ``token`` (see `AsyncPlexTV.check_token`)."""
    async with AsyncPlexTV(identity, plextv_url=plextv_url, transport=transport) as plextv:
        return await plextv.check_token(token)
