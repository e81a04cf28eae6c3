"""What every resource group shares: the client handle, argument checks before any request,
section keys, entry lists and the fabricated 404."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

from plexkit._core.checks import check_read
from plexkit._core.refs import section_key_of
from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient

__all__ = ["DEFAULT_PAGE_SIZE", "Resource", "children_of", "not_found"]

DEFAULT_PAGE_SIZE = 500
T = TypeVar("T")
_STAND_IN: Final = "0"
"""The section key a request is first built with, to check its other arguments."""


class Resource:
    """A resource group: methods that build request specs and send them through ``client``."""

    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client

    def _check_read(self, cache: object, ttl: object = None) -> None:
        """Refuse a bad ``cache=``/``ttl=``, or ``cache=True`` on a client without a cache,
        before any request (a title lookup would otherwise come first)."""
        check_read(cache, ttl)
        if cache is True and self._client.cache is None:
            raise ConfigurationError("cache=True needs a client created with cache=")

    def _check_spec(self, section: SectionRef, build: Callable[[str], object]) -> None:
        """Run ``build`` on the section's key (a stand-in for a title) to check every other
        argument now: a call that returns an iterator refuses bad input when it is made."""
        key = section_key_of(section)
        build(_STAND_IN if key is None else key)

    def _check_maybe_spec(
        self, section: SectionRef | None, build: Callable[[str | None], object]
    ) -> None:
        """`_check_spec` for an optional section: ``build(None)`` without one."""
        if section is None:
            build(None)
        else:
            self._check_spec(section, build)

    async def _section_key(self, section: SectionRef) -> str:
        """The key of a section given as a model, a key or a title (a title is looked up)."""
        key = section_key_of(section)
        if key is None:
            key = (await self._client.library.section(section)).key
        return key

    async def _section_spec(self, section: SectionRef, build: Callable[[str], T]) -> T:
        """``build(key)`` for the section's key. A title is looked up only after ``build``
        has checked every other argument on a stand-in key, so bad input sends nothing."""
        key = section_key_of(section)
        if key is None:
            build(_STAND_IN)
            key = await self._section_key(section)
        return build(key)

    async def _maybe_section_spec(
        self, section: SectionRef | None, build: Callable[[str | None], T]
    ) -> T:
        """`_section_spec` for an optional section: ``build(None)`` without one."""
        if section is None:
            return build(None)
        return await self._section_spec(section, build)


def children_of(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    """The ``name`` children of a decoded container as a list (one, many or none)."""
    value = data.get(name)
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, Mapping)]
    return []


def not_found(message: str, url: str) -> NotFoundError:
    """The 404 a lookup raises when the server answered 200 without the wanted entry."""
    return NotFoundError(message, status_code=404, method="GET", url=url)
