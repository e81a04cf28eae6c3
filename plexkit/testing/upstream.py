"""What TMDB and TVDB list that the generated library leaves out on purpose (no I/O).

The generator records every episode it withholds here: episodes 2-3 of season 1 of every fifth
show, the whole season 2 of every seventh show with three or more seasons, one extra special of
shows with specials, and an announced next season (airing after ``BASE_TIME``) of every fourth
show. The fake TMDB and TVDB list the library's episodes plus these, so gap finding over the
fake library finds exactly them. Withheld movies are the ``missing`` parts of
`plexkit.testing.catalog.FRANCHISES`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

__all__ = ["LeftOutEpisode", "Upstream", "Why", "withheld_air_date"]

Why = Literal["hole", "special", "upcoming"]


@dataclass(frozen=True)
class LeftOutEpisode:
    """An episode the sources list and the library lacks; ``why`` says which rule left it out."""

    season: int
    episode: int
    title: str
    aired: date
    why: Why


@dataclass
class Upstream:
    """Withheld episodes by show rating key (as text)."""

    episodes: dict[str, list[LeftOutEpisode]] = field(default_factory=lambda: defaultdict(list))

    def withhold(self, show_key: str, episode: LeftOutEpisode) -> None:
        """Record that the library leaves ``episode`` of show ``show_key`` out."""
        self.episodes[show_key].append(episode)

    def for_show(self, show_key: str) -> tuple[LeftOutEpisode, ...]:
        """The withheld episodes of one show, in season and episode order."""
        return tuple(sorted(self.episodes.get(show_key, ()), key=lambda e: (e.season, e.episode)))


def withheld_air_date(year: int, season: int, episode: int) -> date:
    """The air date the sources give a withheld regular episode: weekly from October 1st of
    the show's year plus the season's offset (the library's own episodes use that October)."""
    return date(year + max(season - 1, 0), 10, 1) + timedelta(weeks=episode - 1)
