"""The built API reference shows types: ``PlexClient.__init__``'s parameters and the model
fields (``Movie.title``) appear with their annotations, and no Sphinx role is printed
literally on any page. Builds the site with mkdocs into a temporary directory."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("mkdocs") is None:
        pytest.skip("mkdocs is not installed")
    pytest.importorskip("mkdocstrings")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def text_of(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_plex_client_constructor_shows_annotated_parameters(site: Path) -> None:
    reference = text_of(site / "reference" / "index.html")
    start = reference.index("PlexClient(")
    signature = reference[start : reference.index(")", start)]
    for parameter in (
        "base_url: str | None = None",
        "token: str | None = None",
        "config: PlexConfig | None = None",
        "timeouts: Timeouts | None = None",
    ):
        assert parameter in signature, signature
    assert "AsyncPlexClient(" in reference
    clients = reference[: reference.index("The async client")]
    assert ":class:" not in clients and ":meth:" not in clients


def test_sync_resources_come_first_with_typed_overloads(site: Path) -> None:
    reference = text_of(site / "reference" / "index.html")
    assert reference.index("plex.library") < reference.index("The async client")
    assert "-> Page[Movie]" in reference
    assert "seasons(" in reference and "tuple[Season, ...]" in reference


def test_model_fields_show_their_types(site: Path) -> None:
    raw = (site / "models" / "index.html").read_text(encoding="utf-8")
    anchor = raw.index('id="plexkit.models.Movie.title"')
    field = html.unescape(re.sub(r"<[^>]+>", "", raw[anchor : anchor + 3000]))
    assert re.search(r"title\s*:\s*str\b", field), field[:500]


def test_reference_shows_public_paths_only(site: Path) -> None:
    raw = (site / "reference" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'id="(plexkit\.[^"]+)"', raw)
    assert "plexkit.resources.Library.items" in ids
    assert "plexkit.resources.History.iter" in ids
    assert {"plexkit.Page.next", "plexkit.Page.has_more", "plexkit.AsyncPage.next"} <= set(ids)
    private = sorted({i for i in ids if re.search(r"\._[a-z]", i)})
    assert private == [], private[:10]
    text = text_of(site / "reference" / "index.html")
    assert "plexkit._sync" not in text and "plexkit._async" not in text


PUBLIC_ANNOTATIONS = {
    "SectionRef": "plexkit.types.SectionRef",
    "ItemRef": "plexkit.types.ItemRef",
    "CacheMode": "plexkit.types.CacheMode",
    "ParamValue": "plexkit.types.ParamValue",
    "ItemsOptions": "plexkit.types.ItemsOptions",
    "IterOptions": "plexkit.types.IterOptions",
    "SearchOptions": "plexkit.types.SearchOptions",
    "RecentOptions": "plexkit.types.RecentOptions",
    "PlaylistRef": "plexkit.types.PlaylistRef",
    "CollectionRef": "plexkit.types.CollectionRef",
    "Page": "plexkit.Page",
    "PlaylistType": "plexkit.types.PlaylistType",
    "CollectionMode": "plexkit.types.CollectionMode",
    "CollectionOrder": "plexkit.types.CollectionOrder",
    "PlaybackState": "plexkit.types.PlaybackState",
    "Walk": "plexkit.resources.Walk",
    "WalkOptions": "plexkit.resources.WalkOptions",
}


def test_annotation_tooltips_and_links_use_public_paths(site: Path) -> None:
    """Each annotation's hover text and link name the public path (not ``plexkit._core``)."""
    raw = (site / "reference" / "index.html").read_text(encoding="utf-8")
    # the resource groups and the clients (Page's own section names its defining module)
    raw = raw[: raw.index('id="paging"')]
    link = r'<a class="autorefs[^"]*" title="\s*(\w+)[^"(]*\(([\w.]+)\)" href="#([\w.]+)"'
    links = re.findall(link, raw)
    seen: dict[str, set[str]] = {}
    for name, path, target in links:
        if name in PUBLIC_ANNOTATIONS:
            seen.setdefault(name, set()).update({path, target})
    assert {name: {path} for name, path in PUBLIC_ANNOTATIONS.items()} == seen


MADE_PUBLIC = {
    "RequestSpec": "plexkit.types.RequestSpec",
    "CachedResponse": "plexkit.types.CachedResponse",
    "CacheInfo": "plexkit.types.CacheInfo",
}
"""The low-level calls' classes, named in every section by their ``plexkit.types`` re-export."""
PLAYER_PUBLIC = {
    "ItemRef": "plexkit.player.types.ItemRef",
    "PathInput": "plexkit.player.types.PathInput",
    "ProgressHandler": "plexkit.player.types.ProgressHandler",
}
"""The player interface's aliases, named by ``plexkit.player.types`` in its section."""
LINK = re.compile(r'<a class="autorefs[^"]*" title="\s*(\w+)[^"(]*\(([\w.]+)\)" href="#([\w.]+)"')
ANCHOR = re.compile(r'\bid="(plexkit\.[^"]+)"')
TITLE = re.compile(r'\btitle="([^"]*)"')
PRIVATE_PATH = re.compile(r"\bplexkit(?:\.\w+)*\._\w+(?:\.\w+)*")

KNOWN_PRIVATE = frozenset(
    {
        # defaults imported from _base and walk by history.py, _library_items.py, walk.py
        "plexkit._sync.resources._base.DEFAULT_PAGE_SIZE",
        "plexkit._sync.resources.walk.DEFAULT_PAGES_IN_FLIGHT",
        # plexkit.models.converter's value calls the function of its own module
        "plexkit.models._converter.configure_converter",
    }
)
"""Private paths the built pages still show in hover text, each in a module this list's
test does not own: the list may only shrink. Nothing of ``MADE_PUBLIC`` or ``PLAYER_PUBLIC``
is in it."""
KNOWN_PRIVATE_UNDER: frozenset[tuple[str, str]] = frozenset()
"""(documented object, private path) pairs allowed only there (none left)."""


def private_tooltips(raw: str) -> set[tuple[str, str]]:
    """(the documented object it is under, private path) for each path a title names."""
    anchors = [(m.start(), m.group(1)) for m in ANCHOR.finditer(raw)]
    found: set[tuple[str, str]] = set()
    for title in TITLE.finditer(raw):
        under = next((a for start, a in reversed(anchors) if start < title.start()), "")
        found.update((under, path) for path in PRIVATE_PATH.findall(title.group(1)))
    return found


def test_private_tooltips_are_caught() -> None:
    raw = (
        '<h3 id="plexkit.resources.Walk"></h3><span title="plexkit._core.endpoints.RequestSpec">'
        '<h3 id="plexkit.PlexClient"></h3><a title="X (plexkit.player._sync.protocol.ItemRef)">'
        '<span title="plexkit.types.ItemRef">'
    )
    assert private_tooltips(raw) == {
        ("plexkit.resources.Walk", "plexkit._core.endpoints.RequestSpec"),
        ("plexkit.PlexClient", "plexkit.player._sync.protocol.ItemRef"),
    }


def test_no_tooltip_names_a_new_private_path(site: Path) -> None:
    """Hover text (``title=``) on every built page names public paths, but for the known few."""
    found = {
        (under, path)
        for page in sorted(site.rglob("*.html"))
        for under, path in private_tooltips(page.read_text(encoding="utf-8"))
    }
    new = sorted(pair for pair in found - KNOWN_PRIVATE_UNDER if pair[1] not in KNOWN_PRIVATE)
    assert new == [], new[:10]
    known_names = {path.rsplit(".", 1)[-1] for path in KNOWN_PRIVATE}
    assert known_names.isdisjoint({*MADE_PUBLIC, *PLAYER_PUBLIC})


def test_low_level_and_player_annotations_link_their_public_paths(site: Path) -> None:
    raw = (site / "reference" / "index.html").read_text(encoding="utf-8")
    # the walk's own section is left out: walk.py still imports RequestSpec privately
    start = raw.index('id="plexkit.resources.Walk"')
    everywhere = raw[:start] + raw[raw.index('id="plexkit.resources.WalkOptions"') :]
    player = raw[raw.index('id="media-players"') : raw.index('id="the-fake-server"')]
    for section, wanted in ((everywhere, MADE_PUBLIC), (player, PLAYER_PUBLIC)):
        seen: dict[str, set[str]] = {}
        for name, path, target in LINK.findall(section):
            if name in wanted:
                seen.setdefault(name, set()).update({path, target})
        assert seen == {name: {path} for name, path in wanted.items()}


SPHINX_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|exc|data|mod|obj|const):`")


def test_no_page_prints_a_sphinx_role(site: Path) -> None:
    pages = [page for page in site.rglob("*.html") if SPHINX_ROLE.search(text_of(page))]
    assert pages == []


def test_docstrings_are_markdown_not_sphinx_roles() -> None:
    """mkdocstrings renders Markdown: a role in any docstring would print literally."""
    sources = sorted((ROOT / "plexkit").rglob("*.py"))
    with_roles = [str(p.relative_to(ROOT)) for p in sources if SPHINX_ROLE.search(p.read_text())]
    assert with_roles == []
