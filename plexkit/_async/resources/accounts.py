"""The server's accounts (``/accounts``), to put names on history and session rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import browse
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models.accounts import Account
    from plexkit.types import CacheMode

__all__ = ["AsyncAccounts"]


class AsyncAccounts(Resource):
    """The server's user accounts."""

    async def list(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Account, ...]:
        """Every account of the server (id 0 is the system account PMS lists first)."""
        from plexkit.models.accounts import Account

        data, _ = await self._client.get_data(browse.accounts(), cache=cache, ttl=ttl)
        return tuple(structure(e, Account) for e in children_of(data, "Account"))

    async def names(self, *, cache: CacheMode = None, ttl: float | None = None) -> dict[int, str]:
        """Account id -> name, for ``HistoryEntry.account_id`` and session users."""
        return {a.id: a.name or "" for a in await self.list(cache=cache, ttl=ttl)}
