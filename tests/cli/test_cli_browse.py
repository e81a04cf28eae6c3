"""Browsing commands against the fake PMS, as tables and as JSON (parsed and checked)."""

from __future__ import annotations

from cli_helpers import Run, parse, parse_lines

from plexkit.testing import FakePlexServer


def _movie_titles(pms: FakePlexServer) -> set[str]:
    section = next(s for s in pms.library.sections.values() if s.kind == "movie")
    return {node.data["title"] for node in section.items.get(1, [])}


def test_sections_table_and_json(plex: Run, pms: FakePlexServer) -> None:
    table = plex("sections")
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].split() == ["KEY", "TITLE", "TYPE", "AGENT", "SCANNING"]
    titles = [s.title for s in pms.library.sections.values()]
    for title in titles:
        assert title in table.stdout
    assert all(len(line) <= 80 for line in table.stdout.splitlines())
    found = parse(plex("sections", "--json"))
    assert [s["title"] for s in found] == titles
    assert {s["type"] for s in found} == {"movie", "show", "artist", "photo"}


def test_items_lists_a_section_by_title_in_every_format(plex: Run, pms: FakePlexServer) -> None:
    movies = _movie_titles(pms)
    found = parse(plex("items", "Movies", "--json"))
    assert {m["title"] for m in found} == movies
    assert all(m["type"] == "movie" and m["rating_key"] for m in found)
    lines = parse_lines(plex("items", "1", "--jsonl"))
    assert [m["rating_key"] for m in lines] == [m["rating_key"] for m in found]
    table = plex("items", "Movies", "--limit", "3")
    rows = table.stdout.splitlines()
    assert rows[0].split() == ["KEY", "TYPE", "TITLE", "YEAR"] and len(rows) == 4
    assert all(len(line) <= 80 for line in rows)


def test_items_sort_filter_type_and_limit(plex: Run) -> None:
    by_year = parse(plex("items", "Movies", "--sort", "year:desc", "--limit", "5", "--json"))
    years = [m["year"] for m in by_year]
    assert len(years) == 5 and years == sorted(years, reverse=True)
    year = years[0]
    only = parse(plex("items", "Movies", "--filter", f"year={year}", "--json"))
    assert only and {m["year"] for m in only} == {year}
    episodes = parse(plex("items", "TV Shows", "--type", "episode", "--limit", "4", "--json"))
    assert len(episodes) == 4 and {e["type"] for e in episodes} == {"episode"}
    bad = plex("items", "Movies", "--filter", "year")
    assert bad.exit_code == 2 and "key=value" in bad.output


def test_search_show_recent_collections(plex: Run, pms: FakePlexServer) -> None:
    title = sorted(_movie_titles(pms))[0]
    hits = parse(plex("search", title, "--json"))
    assert title in {h["title"] for h in hits}
    assert title in plex("search", title).stdout

    key = next(h["rating_key"] for h in hits if h["title"] == title)
    detail = parse(plex("show", key, "--json"))
    assert detail["title"] == title and detail["rating_key"] == key
    assert detail["media"][0]["parts"][0]["file"].endswith((".mkv", ".mp4", ".avi"))
    text = plex("show", key).stdout
    file = detail["media"][0]["parts"][0]["file"]
    assert title in text and "".join(file.split()) in "".join(text.split())  # folded at 80

    recent = parse(plex("recent", "--section", "Movies", "--limit", "3", "--json"))
    assert len(recent) == 3
    added = [r["added_at"] for r in recent]
    assert added == sorted(added, reverse=True)
    assert "ADDED" in plex("recent", "--limit", "2").stdout

    collections = parse(plex("collections", "Movies", "--json"))
    assert collections and {c["type"] for c in collections} == {"collection"}
    table = plex("collections", "Movies").stdout
    assert collections[0]["title"] in table


def test_unknown_section_is_one_line_and_exit_1(plex: Run) -> None:
    result = plex("items", "Nope")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no library section" in result.stderr
    assert "Traceback" not in result.output
