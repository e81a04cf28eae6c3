"""Static data the generator draws from: real franchises (with TMDB/IMDb ids) and word lists.

The franchises are real so that collection-gap tools can be tested against known TMDB
collections; the ``missing`` parts are left out of the fake library on purpose.
"""

from __future__ import annotations

from typing import NamedTuple


class FranchiseMovie(NamedTuple):
    """One movie of a known TMDB collection."""

    title: str
    year: int
    tmdb_id: int
    imdb_id: str
    missing: bool = False


class Franchise(NamedTuple):
    """A TMDB collection (``tmdb://collection``) and its parts in release order."""

    title: str
    tmdb_collection_id: int
    movies: tuple[FranchiseMovie, ...]


FRANCHISES: tuple[Franchise, ...] = (
    Franchise(
        "Star Wars Collection",
        10,
        (
            FranchiseMovie("Star Wars", 1977, 11, "tt0076759"),
            FranchiseMovie("The Empire Strikes Back", 1980, 1891, "tt0080684"),
            FranchiseMovie("Return of the Jedi", 1983, 1892, "tt0086190"),
            FranchiseMovie("Star Wars: Episode I - The Phantom Menace", 1999, 1893, "tt0120915"),
            FranchiseMovie("Star Wars: Episode II - Attack of the Clones", 2002, 1894, "tt0121765"),
            FranchiseMovie("Star Wars: Episode III - Revenge of the Sith", 2005, 1895, "tt0121766"),
            FranchiseMovie("Star Wars: The Force Awakens", 2015, 140607, "tt2488496"),
            FranchiseMovie("Star Wars: The Last Jedi", 2017, 181808, "tt2527336", missing=True),
            FranchiseMovie(
                "Star Wars: The Rise of Skywalker", 2019, 181812, "tt2527338", missing=True
            ),
        ),
    ),
    Franchise(
        "Harry Potter Collection",
        1241,
        (
            FranchiseMovie("Harry Potter and the Philosopher's Stone", 2001, 671, "tt0241527"),
            FranchiseMovie("Harry Potter and the Chamber of Secrets", 2002, 672, "tt0295297"),
            FranchiseMovie(
                "Harry Potter and the Prisoner of Azkaban", 2004, 673, "tt0304141", missing=True
            ),
            FranchiseMovie("Harry Potter and the Goblet of Fire", 2005, 674, "tt0330373"),
            FranchiseMovie("Harry Potter and the Order of the Phoenix", 2007, 675, "tt0373889"),
            FranchiseMovie("Harry Potter and the Half-Blood Prince", 2009, 767, "tt0417741"),
            FranchiseMovie(
                "Harry Potter and the Deathly Hallows: Part 1", 2010, 12444, "tt0926084"
            ),
            FranchiseMovie(
                "Harry Potter and the Deathly Hallows: Part 2", 2011, 12445, "tt1201607"
            ),
        ),
    ),
    Franchise(
        "The Lord of the Rings Collection",
        119,
        (
            FranchiseMovie(
                "The Lord of the Rings: The Fellowship of the Ring", 2001, 120, "tt0120737"
            ),
            FranchiseMovie("The Lord of the Rings: The Two Towers", 2002, 121, "tt0167261"),
            FranchiseMovie("The Lord of the Rings: The Return of the King", 2003, 122, "tt0167260"),
        ),
    ),
    Franchise(
        "Back to the Future Collection",
        264,
        (
            FranchiseMovie("Back to the Future", 1985, 105, "tt0088763"),
            FranchiseMovie("Back to the Future Part II", 1989, 165, "tt0096874"),
            FranchiseMovie("Back to the Future Part III", 1990, 196, "tt0099088", missing=True),
        ),
    ),
)

ADJECTIVES = (
    "Silent",
    "Crimson",
    "Hidden",
    "Broken",
    "Golden",
    "Last",
    "Distant",
    "Frozen",
    "Burning",
    "Electric",
    "Hollow",
    "Midnight",
    "Savage",
    "Secret",
    "Wild",
    "Lonely",
    "Iron",
    "Velvet",
    "Endless",
    "Forgotten",
    "Shattered",
    "Restless",
    "Quiet",
    "Scarlet",
    "Emerald",
    "Northern",
    "Wicked",
    "Brave",
    "Lucky",
    "Final",
)
NOUNS = (
    "Harbor",
    "Horizon",
    "Empire",
    "Garden",
    "River",
    "Kingdom",
    "Signal",
    "Mirror",
    "Frontier",
    "Machine",
    "Orchard",
    "Witness",
    "Voyage",
    "Circus",
    "Lighthouse",
    "Desert",
    "Station",
    "Citadel",
    "Echo",
    "Promise",
    "Summer",
    "Winter",
    "Alibi",
    "Heist",
    "Paradox",
    "Shadow",
    "Crossing",
    "Tide",
    "Legacy",
    "Storm",
    "Canyon",
    "Carnival",
    "Protocol",
    "Reckoning",
)
SEQUEL_SUFFIXES = ("", "", "", "", " II", " Returns", ": Reloaded", " III", ": Origins")
FIRST_NAMES = (
    "Alex",
    "Maria",
    "John",
    "Sofia",
    "David",
    "Emma",
    "Lucas",
    "Olivia",
    "Noah",
    "Ava",
    "Liam",
    "Mia",
    "Ethan",
    "Chloe",
    "Mateo",
    "Zoe",
    "Hiro",
    "Aiko",
    "Ravi",
    "Priya",
    "Omar",
    "Lena",
    "Jonas",
    "Ingrid",
    "Pablo",
    "Nadia",
    "Kofi",
    "Amara",
    "Sean",
    "Fiona",
)
LAST_NAMES = (
    "Walker",
    "Garcia",
    "Kim",
    "Novak",
    "Rossi",
    "Dubois",
    "Schmidt",
    "Tanaka",
    "Okafor",
    "Silva",
    "Larsen",
    "Patel",
    "Murphy",
    "Kowalski",
    "Haddad",
    "Moreau",
    "Fischer",
    "Costa",
    "Nakamura",
    "Andersson",
    "Reyes",
    "Ibrahim",
    "Byrne",
    "Petrov",
    "Lindqvist",
    "Mensah",
)
CHARACTER_NAMES = (
    "The Captain",
    "Detective Reyes",
    "Dr. Hale",
    "The Stranger",
    "Mother",
    "Agent Cole",
    "Young Sam",
    "The Mayor",
    "Professor Lind",
    "Nurse Ada",
    "Officer Park",
    "The Narrator",
)
MOVIE_GENRES = (
    "Action",
    "Adventure",
    "Animation",
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Family",
    "Fantasy",
    "History",
    "Horror",
    "Music",
    "Mystery",
    "Romance",
    "Science Fiction",
    "Thriller",
    "War",
    "Western",
)
SHOW_GENRES = (
    "Drama",
    "Comedy",
    "Crime",
    "Mystery",
    "Sci-Fi & Fantasy",
    "Animation",
    "Documentary",
    "Reality",
    "Action & Adventure",
    "Family",
)
MUSIC_GENRES = ("Rock", "Pop", "Electronic", "Jazz", "Hip-Hop", "Folk", "Classical", "Soul")
MUSIC_STYLES = ("Indie Rock", "Synthpop", "Ambient", "Bebop", "Trip Hop", "Singer/Songwriter")
MOODS = ("Energetic", "Melancholy", "Warm", "Brooding", "Playful", "Dreamy")
STUDIOS = (
    "Universal Pictures",
    "Warner Bros. Pictures",
    "Paramount Pictures",
    "A24",
    "Lionsgate",
    "Columbia Pictures",
    "20th Century Studios",
    "Focus Features",
    "Studio Ghibli",
    "Neon",
)
NETWORKS = ("HBO", "BBC One", "Netflix", "AMC", "FX", "Channel 4", "NBC", "Apple TV+")
LABELS_MUSIC = ("Warp", "Sub Pop", "Blue Note", "XL Recordings", "4AD", "Domino")
COUNTRIES = (
    "United States of America",
    "United Kingdom",
    "France",
    "Germany",
    "Japan",
    "Canada",
    "South Korea",
    "Spain",
    "Italy",
    "Sweden",
)
MOVIE_RATINGS = ("G", "PG", "PG-13", "R", "NC-17")
TV_RATINGS = ("TV-Y", "TV-G", "TV-PG", "TV-14", "TV-MA")
LABELS = ("Favorite", "4K Upgrade", "Kids", "Rewatch")
PHOTO_PLACES = ("Lisbon", "Kyoto", "Reykjavik", "Cape Town", "Vancouver", "Oaxaca", "Tromsø")
