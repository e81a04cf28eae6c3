"""PathMapper: both directions, whole segments, POSIX and Windows, unmapped and escaping
paths, config data; round trips and no partial-segment match as hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plexkit import ConfigurationError
from plexkit.paths import (
    PathEscapeError,
    PathMapper,
    PathMapping,
    PathMappingError,
    UnmappedPathError,
    normalize,
)

DOCKER = PathMapper([("/data/media/movies", "/movies"), ("/data/media/tv", "/tv")])


def test_maps_both_ways_and_normalises() -> None:
    assert DOCKER.to_server("/data/media/movies/The Matrix (1999)/") == "/movies/The Matrix (1999)"
    assert DOCKER.to_server("/data/media/movies") == "/movies"
    assert DOCKER.to_server("/data//media/./movies/A/../B") == "/movies/B"
    assert DOCKER.to_local("/tv/Dark (2017)/Season 01/x.mkv") == (
        "/data/media/tv/Dark (2017)/Season 01/x.mkv"
    )


def test_the_longest_root_wins_in_either_order() -> None:
    for pairs in (
        [("/data", "/all"), ("/data/media/movies", "/movies")],
        [("/data/media/movies", "/movies"), ("/data", "/all")],
    ):
        mapper = PathMapper(pairs)
        assert mapper.to_server("/data/media/movies/X") == "/movies/X"
        assert mapper.to_server("/data/media/tv/Y") == "/all/media/tv/Y"
        assert mapper.to_local("/all/media/movies/X") == "/data/media/movies/X"


def test_only_whole_segments_match() -> None:
    with pytest.raises(UnmappedPathError, match="outside every mapped local root"):
        DOCKER.to_server("/data/media/movies2/X")
    with pytest.raises(UnmappedPathError):
        DOCKER.to_local("/moviesX/Y")


def test_unmapped_paths_pass_through_when_asked() -> None:
    mapper = PathMapper([("/data/media/movies", "/movies")], unmapped="pass")
    assert mapper.to_server("/srv/other/ x") == "/srv/other/ x"
    assert mapper.to_local("/elsewhere") == "/elsewhere"
    assert PathMapper(unmapped="pass").to_server("/a/b") == "/a/b"
    assert not mapper.maps("/srv/other") and mapper.maps("/data/media/movies/A")


def test_escaping_a_root_with_dotdot_is_an_error() -> None:
    with pytest.raises(PathEscapeError, match="leaves the mapped root"):
        DOCKER.to_server("/data/media/movies/../tv/Secret")
    with pytest.raises(PathEscapeError):
        PathMapper([("/data", "/d")], unmapped="pass").to_server("/data/../etc/passwd")
    with pytest.raises(ConfigurationError, match="climbs above"):
        DOCKER.to_server("/../data/media/movies")
    # Climbing within the root is fine.
    assert DOCKER.to_server("/data/media/movies/A/../B") == "/movies/B"


def test_windows_local_to_posix_server_round_trip() -> None:
    mapper = PathMapper([("M:\\Media\\Movies", "/volume1/movies")])
    server = mapper.to_server("m:/media/MOVIES/Heat (1995)\\Heat (1995).mkv")
    assert server == "/volume1/movies/Heat (1995)/Heat (1995).mkv"
    assert mapper.to_local(server) == "M:\\Media\\Movies\\Heat (1995)\\Heat (1995).mkv"
    with pytest.raises(UnmappedPathError):
        mapper.to_server("N:\\Media\\Movies\\Heat (1995)")


def test_unc_shares_and_windows_servers() -> None:
    mapper = PathMapper([("/mnt/nas/movies", "\\\\NAS\\Media\\Movies"), ("/mnt/d", "D:\\Plex")])
    assert mapper.to_server("/mnt/nas/movies/Heat") == "\\\\NAS\\Media\\Movies\\Heat"
    assert mapper.to_local("\\\\nas\\media\\movies\\Heat") == "/mnt/nas/movies/Heat"
    with pytest.raises(UnmappedPathError):  # a UNC share is spelled with backslashes
        mapper.to_local("//NAS/Media/Movies")
    assert mapper.to_local("d:/plex/TV/x.mkv") == "/mnt/d/TV/x.mkv"
    assert mapper.to_server("/mnt/d") == "D:\\Plex"


def test_posix_names_a_windows_server_cannot_hold_are_refused() -> None:
    mapper = PathMapper([("/data", "D:\\Media")])
    with pytest.raises(PathMappingError, match="cannot be spelled"):
        mapper.to_server("/data/Star Wars: A New Hope")


def test_posix_roots_are_case_sensitive() -> None:
    with pytest.raises(UnmappedPathError):
        DOCKER.to_server("/Data/Media/Movies/X")


def test_loaded_from_plain_config_data() -> None:
    config = [
        {"local": "/data/media/movies", "server": "/movies"},
        ["/data/media/tv", "/tv"],
        PathMapping("/data/music", "/music"),
        {"manager": "/data/photos", "plex": "/photos"},
    ]
    mapper = PathMapper.from_config(config)
    assert mapper.to_server("/data/photos/2020") == "/photos/2020"
    assert [m.server for m in mapper.mappings] == ["/movies", "/tv", "/music", "/photos"]
    assert "'/data/media/movies' -> '/movies'" in repr(mapper)
    assert PathMapper.from_config(None, unmapped="pass").to_server("/x") == "/x"


@pytest.mark.parametrize(
    "config",
    [
        [("/a", "relative/b")],
        [("a", "/b")],
        [("/a",)],
        [{"local": "/a"}],
        [("/a", "/b"), ("/a/", "/c")],
        [("/a", "/b"), ("/c", "/b/")],
        [("C:movies", "/m")],
        "/a:/b",
    ],
)
def test_bad_config_is_refused(config: object) -> None:
    with pytest.raises(ConfigurationError):
        PathMapper(config)  # type: ignore[arg-type]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ConfigurationError):
        PathMapper([], unmapped="silently")  # type: ignore[arg-type]
    for bad in ("", "   ", "relative/x", None):
        with pytest.raises(ConfigurationError):
            DOCKER.to_server(bad)  # type: ignore[arg-type]


def test_normalize() -> None:
    assert normalize("/a//b/./c/") == "/a/b/c"
    assert normalize("c:/x/../y") == "C:\\y"
    assert normalize("\\\\host\\share") == "\\\\host\\share\\"


# --- properties -----------------------------------------------------------------------------

segment = st.text(
    alphabet=st.characters(
        blacklist_characters="/\\:", blacklist_categories=("Cs", "Cc", "Zl", "Zp")
    ),
    min_size=1,
    max_size=8,
).filter(lambda s: s.strip() == s and s not in (".", ".."))
tails = st.lists(segment, max_size=4)


ascii_segment = st.text(alphabet="abcXYZ 09()-_.", min_size=1, max_size=8).filter(
    lambda s: s.strip() == s and s not in (".", "..")
)


@st.composite
def windows_roots(draw: st.DrawFn) -> str:
    parts = draw(st.lists(ascii_segment, min_size=1, max_size=3))
    return draw(st.sampled_from("CDmz")) + ":\\" + "\\".join(parts)


@st.composite
def mappers(draw: st.DrawFn) -> PathMapper:
    """1-3 mappings whose roots are pairwise unrelated on each side (distinct first
    segments), so the reverse direction is never ambiguous."""
    count = draw(st.integers(1, 3))
    firsts = draw(st.lists(segment, min_size=count * 2, max_size=count * 2, unique_by=str.casefold))
    pairs = []
    for i in range(count):
        local_win, server_win = draw(st.booleans()), draw(st.booleans())
        local_rest, server_rest = draw(tails), draw(tails)
        local = ("C:\\" if local_win else "/") + ("\\" if local_win else "/").join(
            [firsts[2 * i], *local_rest]
        )
        server = ("D:\\" if server_win else "/") + ("\\" if server_win else "/").join(
            [firsts[2 * i + 1], *server_rest]
        )
        pairs.append((local, server))
    return PathMapper(pairs)


@given(mappers(), st.data())
def test_round_trip_for_every_mapped_path(mapper: PathMapper, data: st.DataObject) -> None:
    mapping = data.draw(st.sampled_from(mapper.mappings))
    tail = data.draw(tails)
    separator = "\\" if mapping.local[1:2] == ":" else "/"
    local = separator.join([mapping.local, *tail])
    server = mapper.to_server(local)
    assert mapper.to_local(server) == normalize(local)
    assert mapper.to_server(mapper.to_local(server)) == server


@given(st.lists(segment, min_size=1, max_size=3), segment, segment, tails)
def test_no_partial_segment_match(root: list[str], last: str, extra: str, tail: list[str]) -> None:
    local = "/" + "/".join(root)
    mapper = PathMapper([(local, "/server")])
    # A sibling whose name only starts like the root's last segment is never under it.
    sibling = "/" + "/".join([*root[:-1], root[-1] + extra, *tail])
    with pytest.raises(UnmappedPathError):
        mapper.to_server(sibling)
    inside = "/".join([local, last, *tail])
    assert mapper.to_server(inside) == "/".join(["/server", last, *tail])


@given(windows_roots(), tails)
def test_windows_roots_match_in_any_case_and_slash(root: str, tail: list[str]) -> None:
    mapper = PathMapper([(root, "/srv")])
    spelled = root.swapcase().replace("\\", "/")
    assert mapper.to_server("/".join([spelled, *tail])) == "/".join(["/srv", *tail])
