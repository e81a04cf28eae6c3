"""Nothing is built at import that can be built on first use: importing and constructing a
client creates no model class and loads no converter, cache or retry library; the first
decode builds only the classes of what it reads."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from plexkit._lazy import LazyExports
from plexkit.models import ITEM_CLASSES
from plexkit.models.item_types import MODELLED_TYPES

# Modules whose import builds model classes or the converter, or that only some calls need.
DEFERRED = (
    "cattrs",
    "defusedxml",
    "plexkit.cache",
    "plexkit.models._converter",
    "plexkit.models.containers",
    "plexkit.models.items",
    "plexkit.models.management",
    "plexkit.models.media",
    "plexkit.models.status",
    "plexkit._async.scans",
    "plexkit._sync.scans",
    "tenacity",
)

MOVIE_PAGE = (
    b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "7", "key": "/library/'
    b'metadata/7", "type": "movie", "title": "Heat", "year": 1995, "Genre": [{"tag": "Crime"}],'
    b' "Media": [{"id": 1, "Part": [{"id": 2, "file": "/m/heat.mkv"}]}]}]}}'
)


def loaded_after(code: str) -> set[str]:
    """The DEFERRED modules (or their submodules) loaded after running ``code`` in a fresh
    interpreter."""
    probe = (
        code + "\nimport sys\n"
        f"print('\\n'.join(m for m in sys.modules "
        f"if any(m == d or m.startswith(d + '.') for d in {DEFERRED!r})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return {line for line in done.stdout.splitlines() if line}


def test_importing_and_building_the_clients_builds_no_model_class() -> None:
    code = (
        "import asyncio\n"
        "from plexkit import AsyncPlexClient, PlexClient\n"
        "PlexClient('http://127.0.0.1:9', token='t').close()\n"
        "asyncio.run(AsyncPlexClient('http://127.0.0.1:9', token='t').aclose())\n"
        "import plexkit.models\n"
        "assert 'items_from' in dir(plexkit.models)\n"
    )
    assert loaded_after(code) == set()


def test_the_first_decode_builds_only_the_classes_it_reads() -> None:
    code = (
        "from plexkit.models import decode_body, items_from\n"
        f"(movie,) = items_from(decode_body({MOVIE_PAGE!r}, 'application/json'))\n"
        "assert type(movie).__name__ == 'Movie' and movie.genres[0].tag == 'Crime'\n"
        "assert repr(movie).startswith('Movie(rating_key=')\n"
    )
    loaded = loaded_after(code)
    assert "cattrs" in loaded
    assert {m for m in loaded if m.startswith("plexkit.")} == {
        "plexkit.models._converter",
        "plexkit.models.items",
        "plexkit.models.media",
    }


def test_a_models_name_loads_its_module_on_first_use() -> None:
    code = "import plexkit.models as m\nassert m.Section.__name__ == 'Section'\n"
    assert "plexkit.models.containers" in loaded_after(code)
    assert "plexkit.models.status" not in loaded_after(code)


def test_the_decoder_knows_the_modelled_types_without_the_classes() -> None:
    assert set(ITEM_CLASSES) == MODELLED_TYPES


def test_a_written_all_must_name_exactly_the_reexports(monkeypatch: pytest.MonkeyPatch) -> None:
    package = types.ModuleType("fake_package")
    package.__all__ = ["Eager", "Lazy", "Forgotten"]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_package", package)
    exports = LazyExports("fake_package", {"Lazy": "fake_package.lazy"}, ("Eager",))
    with pytest.raises(ImportError, match="Forgotten"):
        exports.install()
    package.__all__ = ["Lazy", "Eager"]  # type: ignore[attr-defined]
    exports.install()
    assert package.__all__ == ["Eager", "Lazy"]  # type: ignore[attr-defined]
