"""The butler: the server's scheduled maintenance tasks (``/butler``), listed, started and
stopped by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of, not_found
from plexkit._core import system
from plexkit._core.checks import check_name
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models import ButlerTask
    from plexkit.types import CacheMode

__all__ = ["AsyncButler"]


def _task_name(task: str | ButlerTask) -> str:
    """A task's name, from a `ButlerTask` or as given (checked when the spec is built)."""
    from plexkit.models import ButlerTask

    return task.name if isinstance(task, ButlerTask) else task


class AsyncButler(Resource):
    """Scheduled maintenance: database backups and optimisation, bundle and cache
    clean-ups, media analysis, marker detection."""

    async def tasks(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[ButlerTask, ...]:
        """Every butler task with its interval, and whether it is enabled."""
        from plexkit.models import ButlerTask

        data, _ = await self._client.get_data(system.butler_tasks(), cache=cache, ttl=ttl)
        return tuple(structure(e, ButlerTask) for e in children_of(data, "ButlerTask"))

    async def get(self, name: str) -> ButlerTask:
        """One task by name (``"BackupDatabase"``); an unknown name is a NotFoundError."""
        name = check_name(name, "a butler task name")
        for task in await self.tasks(cache=False):
            if task.name == name:
                return task
        raise not_found(f"no butler task {name!r}", "/butler")

    async def run(self, task: str | ButlerTask) -> None:
        """Start one task now (it runs in the background; a running one is left running).
        A name the server does not have is its 404, a `NotFoundError`. Never repeated on a
        lost answer: the task could run twice."""
        await self._client.request(system.run_butler(_task_name(task)))

    async def run_all(self) -> None:
        """Start every enabled task, as the maintenance window would (tasks not due today
        are skipped by the server). Never repeated on a lost answer."""
        await self._client.request(system.run_butler())

    async def stop(self, task: str | ButlerTask) -> None:
        """Stop one running task, or take it off today's schedule; an unknown name is a
        `NotFoundError`."""
        await self._client.request(system.stop_butler(_task_name(task)))

    async def stop_all(self) -> None:
        """Stop every running task and empty the butler's queue."""
        await self._client.request(system.stop_butler())
