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


SPHINX_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|exc|data|mod|obj|const):`")


def test_no_page_prints_a_sphinx_role(site: Path) -> None:
    pages = [page for page in site.rglob("*.html") if SPHINX_ROLE.search(text_of(page))]
    assert pages == []


def test_docstrings_are_markdown_not_sphinx_roles() -> None:
    """mkdocstrings renders Markdown: a role in any docstring would print literally."""
    sources = sorted((ROOT / "plexkit").rglob("*.py"))
    with_roles = [str(p.relative_to(ROOT)) for p in sources if SPHINX_ROLE.search(p.read_text())]
    assert with_roles == []
