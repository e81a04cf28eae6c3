"""Commands that change the library: scan (with --wait and --path), edit, match."""

from __future__ import annotations

from cli_helpers import Run, parse

from plexkit.testing import FakePlexServer


def _movies(pms: FakePlexServer) -> object:
    return next(s for s in pms.library.sections.values() if s.kind == "movie")


def test_scan_requests_and_waits_with_progress(plex: Run, pms: FakePlexServer) -> None:
    section = _movies(pms)
    folder = section.locations[0]  # type: ignore[attr-defined]
    pms.disk.add_movie(
        f"{folder}/Zebra Crossing (2031)/Zebra Crossing (2031).mkv", "Zebra Crossing", 2031
    )

    started = parse(plex("scan", "Movies", "--json"))
    assert started == {"section": "1", "paths": [], "started": True}
    plain = plex("scan", "Movies", "--path", folder)
    assert plain.exit_code == 0 and "scan of Movies" in plain.stdout

    waited = plex("scan", "Movies", "--path", folder, "--wait")
    assert waited.exit_code == 0, waited.output
    assert "scan of Movies finished" in waited.stdout
    assert "100%" in waited.stderr  # the progress bar, on stderr

    result = parse(plex("scan", "1", "--wait", "--json"))
    assert result["finished"] is True and result["section"] == "1"
    assert result["via"] in {"websocket", "polling"} and result["activities"]
    titles = {m["title"] for m in parse(plex("items", "Movies", "--json"))}
    assert "Zebra Crossing" in titles


def test_scan_outside_the_section_is_refused(plex: Run) -> None:
    result = plex("scan", "Movies", "--path", "/elsewhere/x", "--wait")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("error: scan path '/elsewhere/x'")


def test_edit_changes_and_locks(plex: Run) -> None:
    changed = parse(plex("edit", "2", "--title", "Renamed Film", "--year", "2001", "--json"))
    assert changed["changed"] == {"title": "Renamed Film", "year": 2001}
    assert {"title", "year"} <= set(changed["locked"])
    detail = parse(plex("show", "2", "--json"))
    assert detail["title"] == "Renamed Film" and detail["year"] == 2001

    text = plex("edit", "2", "--summary", "Short.", "--no-lock")
    assert text.exit_code == 0 and "edited 2: summary" in text.stdout
    assert parse(plex("show", "2", "--json"))["summary"] == "Short."

    nothing = plex("edit", "2")
    assert nothing.exit_code == 2 and "at least one field" in nothing.output


def test_match_lists_candidates_and_applies(plex: Run) -> None:
    candidates = parse(plex("match", "3", "--json"))
    assert candidates and all(c["guid"] for c in candidates)
    scores = [c.get("score", 0) for c in candidates]
    assert scores == sorted(scores, reverse=True)
    table = plex("match", "3")
    assert table.stdout.splitlines()[0].split() == ["SCORE", "NAME", "YEAR", "GUID"]

    other = candidates[-1]
    applied = parse(plex("match", "3", "--guid", other["guid"], "--json"))
    assert applied == {"rating_key": "3", "guid": other["guid"]}
    assert parse(plex("show", "3", "--json"))["guid"] == other["guid"]

    best = parse(plex("match", "3", "--best", "--json"))
    assert best["guid"] == parse(plex("match", "3", "--json"))[0]["guid"]
    assert plex("match", "3", "--best", "--guid", "x").exit_code == 2
