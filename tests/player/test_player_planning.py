"""The pure planning of update_library: every input accounted for, in order; scans grouped
by section with nested paths riding on their parent's scan; items picked by whole segments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plexkit._core.segments import parse
from plexkit.models import Location, Movie, Section
from plexkit.models.media import Media, Part
from plexkit.paths import PathMapper
from plexkit.player.planning import pick_item, plan_update

SECTIONS = (
    Section(key="1", title="Movies", type="movie", locations=(Location(path="/data/movies"),)),
    Section(key="2", title="TV", type="show", locations=(Location(path="/data/tv"),)),
    Section(key="3", title="Nested", type="movie", locations=(Location(path="/data/movies/4k"),)),
)
MAPPER = PathMapper([("/m", "/data/movies"), ("/t", "/data/tv"), ("/b", "/data/books")])

names = st.sampled_from(["A", "B", "C", "4k", "x.mkv"])
paths = st.builds(
    lambda root, tail: "/".join([root, *tail]),
    st.sampled_from(["/m", "/t", "/b", "/elsewhere"]),
    st.lists(names, max_size=3),
)


@given(st.lists(paths, max_size=12), st.sampled_from(["paths", "sections"]))
def test_every_input_is_accounted_for_in_order(inputs: list[str], mode: str) -> None:
    plan = plan_update(inputs, MAPPER, SECTIONS, mode)  # type: ignore[arg-type]
    assert [r.path for r in plan.reports] == inputs
    scanned = sorted(i for scan in plan.scans for i in scan.items)
    wanted = [i for i, r in enumerate(plan.reports) if r.status == "scanned"]
    assert scanned == wanted  # each scannable item is in exactly one scan
    for i, report in enumerate(plan.reports):
        if inputs[i].startswith("/elsewhere"):
            assert report.status == "unmapped"
        elif inputs[i].startswith("/b"):
            assert report.status == "not_in_section"
    for scan in plan.scans:
        assert len({plan.reports[i].section_key for i in scan.items}) == 1
        if mode == "sections":
            assert scan.path is None
        else:
            assert scan.path is not None
            root = parse(scan.path)
            assert all(plan.reports[i].scan_path == scan.path for i in scan.items)
            assert all(
                parse(plan.reports[i].server_path or "").keys[: len(root.keys)] == root.keys
                for i in scan.items
            )
    if mode == "sections":
        assert len(plan.scans) == len({s.section.key for s in plan.scans})


def test_the_deepest_location_picks_the_section_and_nested_paths_share_a_scan() -> None:
    plan = plan_update(["/m/4k/Heat", "/m/A/a.mkv", "/m/A", "/m/AB"], MAPPER, SECTIONS, "paths")
    assert [r.section_key for r in plan.reports] == ["3", "1", "1", "1"]
    assert sorted((s.path, s.items) for s in plan.scans) == [
        ("/data/movies/4k/Heat", (0,)),
        ("/data/movies/A", (1, 2)),
        ("/data/movies/AB", (3,)),
    ]


def movie(key: str, *files: str) -> Movie:
    return Movie(
        type="movie",
        rating_key=key,
        key=f"/library/metadata/{key}",
        title=key,
        media=(Media(parts=tuple(Part(file=f) for f in files)),),
    )


def test_pick_item_compares_whole_segments() -> None:
    items = [movie("1", "/data/movies/Heat 2/Heat 2.mkv"), movie("2", "/data/movies/Heat/h.mkv")]
    found = pick_item(items, parse("/data/movies/Heat"))
    assert found is not None and found[0].rating_key == "2" and found[1] is False
    exact = pick_item(items, parse("/data/movies/Heat/h.mkv"))
    assert exact is not None and exact[1] is True
    assert pick_item(items, parse("/data/movies/Hea")) is None
    windows = [movie("3", "D:\\Movies\\Heat\\h.mkv")]
    assert pick_item(windows, parse("d:/movies/heat/H.MKV")) is not None
