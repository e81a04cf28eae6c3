"""``plexkit missing movies|episodes`` against the fake PMS, TMDB and TVDB on loopback: the
exact gaps the generator left out, tables and JSON, problems, usage errors, no secret shown."""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import TOKEN, Run, parse, parse_lines

from plexkit.cli.connection import Connection
from plexkit.cli.errors import scrub
from plexkit.testing import FakePlexServer, catalog
from plexkit.testing.tmdb import FakeTMDB
from plexkit.testing.tvdb import FakeTVDB

TODAY = "2024-06-01"  # the generator's BASE_TIME: its announced seasons air later
TMDB_KEY = "tmdb-secret-key-123456"
TVDB_KEY = "tvdb-secret-key-123456"
TVDB_PIN = "pin-secret-99"
MISSING_MOVIES = {
    (franchise.title, movie.tmdb_id)
    for franchise in catalog.FRANCHISES
    for movie in franchise.movies
    if movie.missing
}


def withheld(pms: FakePlexServer, *why: str) -> set[tuple[str, int, int]]:
    """What the generator left out, by show rating key, season, episode (as tests/gaps)."""
    return {
        (key, episode.season, episode.episode)
        for key, episodes in pms.library.upstream.episodes.items()
        for episode in episodes
        if episode.why in why
    }


@pytest.fixture
def tmdb_fake(pms: FakePlexServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTMDB]:
    fake = FakeTMDB(pms.library, api_key=TMDB_KEY)
    with fake.run_in_thread() as url:
        monkeypatch.setenv("PLEXKIT_TMDB_URL", f"{url}/3")
        monkeypatch.setenv("TMDB_API_KEY", TMDB_KEY)
        monkeypatch.delenv("TMDB_READ_TOKEN", raising=False)
        yield fake


@pytest.fixture
def tvdb_fake(pms: FakePlexServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTVDB]:
    fake = FakeTVDB(pms.library, api_key=TVDB_KEY, pin=TVDB_PIN)
    with fake.run_in_thread() as url:
        monkeypatch.setenv("PLEXKIT_TVDB_URL", f"{url}/v4")
        monkeypatch.setenv("TVDB_API_KEY", TVDB_KEY)
        monkeypatch.setenv("TVDB_PIN", TVDB_PIN)
        yield fake


def no_secret(text: str, *extra: str) -> None:
    for secret in (TMDB_KEY, TVDB_KEY, TVDB_PIN, *extra):
        assert secret not in text


def test_missing_movies_json_is_exactly_what_the_library_withholds(
    plex: Run, tmdb_fake: FakeTMDB
) -> None:
    found = parse(plex("missing", "movies", "Movies", "--today", "2018-01-01", "--json"))
    assert {r["kind"] for r in found} == {"missing_movie"}
    assert {(r["collection"], r["tmdb_id"]) for r in found} == MISSING_MOVIES
    rise = next(r for r in found if r["tmdb_id"] == 181812)
    assert rise["released"] is False and rise["plex_collection"] == "Star Wars Collection"
    jedi = next(r for r in found if r["tmdb_id"] == 181808)
    assert (jedi["title"], jedi["year"]) == ("Star Wars: The Last Jedi", 2017)
    assert jedi["released"] is True
    assert tmdb_fake.requests.count(prefix="/3/collection") == len(catalog.FRANCHISES)


def test_missing_movies_table_fits_80_columns_and_jsonl_streams_records(
    plex: Run, tmdb_fake: FakeTMDB
) -> None:
    result = plex("missing", "movies", "1", "--today", TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["COLLECTION", "YEAR", "TMDB", "TITLE", "RELEASED"]
    assert len(lines) == 1 + len(MISSING_MOVIES)
    assert all(len(line) <= 80 for line in lines)
    assert any("181808" in line and "Star Wars" in line for line in lines)
    assert "4 missing in 3 collections" in result.stderr
    records = parse_lines(plex("missing", "movies", "Movies", "--today", TODAY, "--jsonl"))
    assert {(r["collection"], r["tmdb_id"]) for r in records} == MISSING_MOVIES


def test_a_collection_tmdb_fails_on_is_a_problem_and_the_run_exits_0(
    plex: Run, tmdb_fake: FakeTMDB
) -> None:
    tmdb_fake.faults.add(path="/3/collection/1241", status=404)
    found = parse(plex("missing", "movies", "Movies", "--today", TODAY, "--json"))
    problems = [r for r in found if r["kind"] == "problem"]
    assert [(p["title"], p["error"]) for p in problems] == [
        ("Harry Potter Collection", "NotFoundError")
    ]
    movies = {(r["collection"], r["tmdb_id"]) for r in found if r["kind"] == "missing_movie"}
    assert movies == {m for m in MISSING_MOVIES if m[0] != "Harry Potter Collection"}
    table = plex("missing", "movies", "Movies", "--today", TODAY)
    assert table.exit_code == 0, table.output
    assert "COULD NOT CHECK" in table.stdout and "Harry Potter Collection" in table.stdout
    assert "1 could not be checked" in table.stderr


def test_missing_episodes_from_tvdb_and_tmdb_are_exactly_the_holes(
    plex: Run, pms: FakePlexServer, tmdb_fake: FakeTMDB, tvdb_fake: FakeTVDB
) -> None:
    tvdb = parse(plex("missing", "episodes", "TV Shows", "--today", TODAY, "--json"))
    assert {(r["show_rating_key"], r["season"], r["episode"]) for r in tvdb} == withheld(
        pms, "hole"
    )
    assert {r["source"] for r in tvdb} == {"tvdb"} and all(r["aired"] for r in tvdb)
    tmdb = parse_lines(
        plex("missing", "episodes", "2", "--source", "tmdb", "--today", TODAY, "--jsonl")
    )
    assert {(r["show_rating_key"], r["season"], r["episode"]) for r in tmdb} == withheld(
        pms, "hole"
    )
    table = plex("missing", "episodes", "TV Shows", "--today", TODAY)
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["SHOW", "EPISODE", "TITLE", "AIRED"]
    assert len(lines) == 1 + len(tvdb) and all(len(line) <= 80 for line in lines)
    first = tvdb[0]
    assert f"S{first['season']:02d}E{first['episode']:02d}" in lines[1]


def test_episode_options_and_one_show_by_title_or_rating_key(
    plex: Run, pms: FakePlexServer, tvdb_fake: FakeTVDB
) -> None:
    everything = parse(
        plex(
            "missing", "episodes", "TV Shows", "--specials", "--unaired",
            "--today", TODAY, "--json",
        )
    )  # fmt: skip
    got = {(r["show_rating_key"], r["season"], r["episode"]) for r in everything}
    assert got == withheld(pms, "hole", "special", "upcoming")
    no_future = parse(
        plex(
            "missing", "episodes", "TV Shows", "--unaired", "--skip-future-seasons",
            "--season-type", "official", "--today", TODAY, "--json",
        )
    )  # fmt: skip
    assert {(r["show_rating_key"], r["season"], r["episode"]) for r in no_future} == withheld(
        pms, "hole"
    )
    key, season, episode = sorted(withheld(pms, "hole"))[0]
    node = pms.library.node(key)
    assert node is not None
    title = node.data["title"]
    for target in (key, title):
        one = parse(plex("missing", "episodes", target, "--today", TODAY, "--json"))
        assert {r["show_rating_key"] for r in one} == {key}
        assert (season, episode) in {(r["season"], r["episode"]) for r in one}


def test_bad_targets_are_one_line_errors_with_exit_1(
    plex: Run, tmdb_fake: FakeTMDB, tvdb_fake: FakeTVDB
) -> None:
    for args in (
        ("movies", "Nope"),
        ("movies", "TV Shows"),
        ("episodes", "Nope"),
        ("episodes", "Movies"),
    ):
        result = plex("missing", *args)
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
    assert "'Nope'" in plex("missing", "movies", "Nope").stderr


def test_missing_credentials_and_bad_options_are_usage_errors(
    plex: Run, monkeypatch: pytest.MonkeyPatch, pms: FakePlexServer
) -> None:
    for name in ("TMDB_API_KEY", "TMDB_READ_TOKEN", "TVDB_API_KEY", "TVDB_PIN"):
        monkeypatch.delenv(name, raising=False)
    before = len(pms.requests)
    movies = plex("missing", "movies", "Movies")
    assert movies.exit_code == 2 and "--tmdb-key" in movies.stderr
    episodes = plex("missing", "episodes", "TV Shows")
    assert episodes.exit_code == 2 and "TVDB_API_KEY" in episodes.stderr
    tmdb_episodes = plex("missing", "episodes", "TV Shows", "--source", "tmdb")
    assert tmdb_episodes.exit_code == 2 and "TMDB_API_KEY" in tmdb_episodes.stderr
    both = plex("missing", "movies", "Movies", "--tmdb-key", "abcd1", "--tmdb-token", "efgh2")
    assert both.exit_code == 2 and "not both" in both.stderr
    assert len(pms.requests) == before  # refused before any request
    monkeypatch.setenv("TMDB_API_KEY", TMDB_KEY)
    assert plex("missing", "movies", "Movies", "--today", "soon").exit_code == 2
    assert plex("missing", "movies", "Movies", "--json", "--jsonl").exit_code == 2
    assert plex("missing", "episodes", "2", "--source", "imdb").exit_code == 2


def test_no_secret_in_any_output_or_debug_traceback(
    plex: Run, pms: FakePlexServer, tmdb_fake: FakeTMDB, tvdb_fake: FakeTVDB
) -> None:
    texts = []
    for args in (
        ("movies", "Movies", "--json"),
        ("movies", "Movies"),
        ("episodes", "TV Shows", "--jsonl"),
        ("episodes", "TV Shows", "--tvdb-key", TVDB_KEY, "--tvdb-pin", TVDB_PIN),
        ("episodes", "TV Shows", "--source", "tmdb", "--tmdb-token", TMDB_KEY + "x",
         "--tmdb-key", ""),
    ):  # fmt: skip
        result = plex("missing", *args)
        texts.append(result.output + result.stderr)
    # a wrong key: TMDB answers 401 for every collection, reported as problems
    wrong = plex("missing", "movies", "Movies", "--tmdb-key", "wrong-key-777777", "--json")
    problems = parse(wrong)
    assert problems and {p["kind"] for p in problems} == {"problem"}
    texts.append(wrong.output + wrong.stderr)
    # an error that escapes: --debug hands the exception (and its traceback) back
    failed = plex("--debug", "missing", "episodes", "Nope", "--tvdb-key", TVDB_KEY)
    assert failed.exception is not None
    texts.append("".join(traceback.format_exception(failed.exception)))
    text = "\n".join(texts)
    assert "tmdb_id" in text and "missing_episode" in text
    no_secret(text, "wrong-key-777777", *tvdb_fake._tokens)
    assert tvdb_fake._tokens  # a TVDB bearer token was issued and never shown


def test_connection_secrets_cover_the_services(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_READ_TOKEN", "read-token-abcdef")
    monkeypatch.setenv("TVDB_PIN", "pin-000111")
    connection = Connection(extra_secrets=["flag-key-222333"])
    line = "read-token-abcdef pin-000111 flag-key-222333"
    assert scrub(line, connection.secrets()) == "*** *** ***"


def test_a_terminal_gets_a_progress_bar_and_json_stays_clean(
    pms_url: str, tmdb_fake: FakeTMDB, private_config: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    tmdb_fake.faults.add(path="/3/collection", latency=0.4)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
    env |= {"PLEX_URL": pms_url, "PLEX_TOKEN": TOKEN, "TERM": "xterm-256color", "NO_COLOR": "1"}

    def spawn(*args: str) -> tuple[int, str]:
        child = pexpect.spawn(
            sys.executable, ["-m", "plexkit", "missing", "movies", "Movies", "--concurrency",
                             "1", *args], env=env, encoding="utf-8", timeout=60,
            dimensions=(40, 100), cwd=str(Path(__file__).parents[2]),
        )  # fmt: skip
        if not args:
            child.expect("checking Movies")  # the bar is up while collections are checked
        child.expect(pexpect.EOF)
        child.close()
        return child.exitstatus, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)

    status, table = spawn()
    assert status == 0 and "Star Wars: The Last Jedi" in table and "4 missing" in table
    status, document = spawn("--json")
    assert status == 0
    assert {(r["collection"], r["tmdb_id"]) for r in json.loads(document)} == MISSING_MOVIES
